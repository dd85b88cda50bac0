// The row contract, checked: what every stored or exported row must satisfy (docs/curation.md).
import { RULES_BEGIN, RULES_END } from "../agent/prompt.js";
import { promptUnits } from "../agent/parse.js";
import { SftRow } from "./row.js";

/** Problems with a row; empty when it satisfies the contract. */
export function checkRow(value: unknown): string[] {
  const parsed = SftRow.safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  const row = parsed.data;
  const problems: string[] = [];
  const msgs = row.messages;
  if (msgs[0]?.role !== "system") problems.push("the first message is not the system message");
  if (msgs[1]?.role !== "user") problems.push("the second message is not the repository (user)");
  const last = msgs.at(-1)!;
  if (last.role !== "assistant") problems.push("the last message is not the answer (assistant)");
  if (msgs.slice(1, -1).some((m) => m.role === "system")) problems.push("a system message after the first");
  if (msgs.some((m) => m.content.includes(RULES_BEGIN) || m.content.includes(RULES_END)))
    problems.push("the generation-time rule block is present");
  const units = promptUnits(last.content);
  if (units.length !== 1 || units[0]!.kind !== "block" || units[0]!.lang !== "systemverilog")
    problems.push("the answer is not exactly one ```systemverilog fenced block");
  const direct = row.meta.input_status === null;
  const assistants = msgs.slice(0, -1).filter((m) => m.role === "assistant").length;
  if (direct && (msgs.length !== 3 || assistants !== 0))
    problems.push("a direct row (input s_0) must be system, user, answer");
  if (!direct && msgs.length < 4) problems.push("an agentic row must show the input state's feedback");
  if (row.meta.tokens && row.meta.tokens.total !== row.meta.tokens.prompt + row.meta.tokens.answer)
    problems.push("meta.tokens.total is not prompt + answer");
  return problems;
}
