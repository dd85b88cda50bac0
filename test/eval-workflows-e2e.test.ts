// vanilla and agentic --climb end to end: the built-in policy, real Verilator simulations, the
// ledger read back. Each asserts what makes the mode what it is, not only that it ran.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runEval } from "../src/agent/eval.js";
import { LocalExecutor } from "../src/exec/local.js";
import { parsePromptForPolicy } from "../src/prompt/prompt.js";
import { BuiltinProvider } from "../src/llm/builtin/policy.js";
import { readPlanHeader } from "../src/llm/builtin/tbgen.js";
import type { ChatRequest, ChatResponse } from "../src/llm/types.js";

/**
 * The built-in policy, except that its second answer in a sample is no testbench at all (a real
 * model's bad round): round 1 then scores below round 0, so "best so far" and "latest" differ.
 */
class SlipsOnceProvider extends BuiltinProvider {
  override async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
    const res = await super.complete(request, signal);
    const current = parsePromptForPolicy(request.messages).currentTestbench;
    const level = current ? readPlanHeader(current)?.level : undefined;
    return level === 0 ? { ...res, text: "I will not write a testbench this round." } : res;
  }
}

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-workflows-e2e-"));
const exec = new LocalExecutor({ slots: 2 });
afterAll(async () => {
  await exec.close();
  rmSync(tmp, { recursive: true, force: true });
});

// Designs where one round of the built-in policy leaves coverage to gain.
const IDS = ["llm4cov_ex_counter", "llm4cov_ex_uart_tx"];
const dataset = join(tmp, "two.jsonl");
writeFileSync(
  dataset,
  readFileSync(join(root, "examples", "designs.jsonl"), "utf8")
    .split("\n")
    .filter((l) => IDS.some((id) => l.includes(`"${id}"`)))
    .join("\n") + "\n",
);

interface Row {
  sample_id: string;
  round: number;
  input_state_id: string | null;
  output_state_id: string;
  score: number;
  messages_json: string;
  testbench: string | null;
}
function transitions(runDir: string): Map<string, Row[]> {
  const db = new Database(join(runDir, "ledger.sqlite"), { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT t.sample_id, t.round, t.input_state_id, t.output_state_id, st.score, c.messages_json, st.testbench
           FROM transitions t JOIN states st ON st.state_id = t.output_state_id
           JOIN llm_calls c ON c.call_id = t.llm_call_id
          ORDER BY t.sample_id, t.round`,
      )
      .all() as Row[];
    const by = new Map<string, Row[]>();
    for (const r of rows) by.set(r.sample_id, [...(by.get(r.sample_id) ?? []), r]);
    return by;
  } finally {
    db.close();
  }
}

const run = (name: string, cfg: Record<string, unknown>, llm = new BuiltinProvider()) =>
  runEval(
    { dataset, rounds: 2, samples: 2, stopWhen: "never", ...cfg },
    { runDir: join(tmp, name), llm, exec, progress: null },
  );

describe("workflows end to end (built-in policy, real simulations)", () => {
  it("vanilla: every round after the first sees all earlier testbenches and feedback", async () => {
    const s = await run("vanilla", { mode: "vanilla" });
    expect(s.samples_done).toBe(4);
    expect(s.samples_failed).toBe(0);
    const by = transitions(join(tmp, "vanilla"));
    expect(by.size).toBe(4);
    for (const rounds of by.values()) {
      expect(rounds.map((r) => r.round)).toEqual([0, 1, 2]);
      const prompts = rounds.map((r) => JSON.parse(r.messages_json) as { role: string; content: string }[]);
      // The conversation grows by a testbench turn and a feedback turn per round.
      expect(prompts[1]!.length).toBeGreaterThan(prompts[0]!.length);
      expect(prompts[2]!.length).toBe(prompts[1]!.length + 2);
      // Round 2's prompt holds the testbenches of rounds 0 and 1, in order.
      const text = prompts[2]!.map((m) => m.content).join("\n");
      const i0 = text.indexOf(rounds[0]!.testbench!.trim().split("\n").slice(0, 3).join("\n"));
      const i1 = text.indexOf(rounds[1]!.testbench!.trim().split("\n").slice(0, 3).join("\n"));
      expect(i0).toBeGreaterThanOrEqual(0);
      expect(i1).toBeGreaterThan(i0);
    }
    expect(s).toHaveProperty("mode", "vanilla");
  }, 600_000);

  it("agentic --climb: each round starts from the best state so far; without it, from the latest", async () => {
    await run("climb", { mode: "agentic", climb: true }, new SlipsOnceProvider());
    await run("latest", { mode: "agentic", climb: false }, new SlipsOnceProvider());
    for (const [name, climb] of [
      ["climb", true],
      ["latest", false],
    ] as const) {
      const by = transitions(join(tmp, name));
      expect(by.size).toBe(4);
      for (const rounds of by.values()) {
        expect(rounds.map((r) => r.round)).toEqual([0, 1, 2]);
        expect(rounds[0]!.input_state_id).toBeNull();
        for (let k = 1; k < rounds.length; k++) {
          const earlier = rounds.slice(0, k);
          const input = earlier.find((r) => r.output_state_id === rounds[k]!.input_state_id);
          expect(input, `${name} round ${k}: input is one of this sample's states`).toBeDefined();
          if (climb) expect(input!.score).toBe(Math.max(...earlier.map((r) => r.score)));
          else expect(input).toBe(earlier.at(-1));
        }
        // Round 1 slipped (no testbench): climbing resumes from round 0, the latest from round 1.
        expect(rounds[1]!.testbench).toBeNull();
        expect(rounds[1]!.score).toBeLessThan(rounds[0]!.score);
        expect(rounds[2]!.input_state_id).toBe((climb ? rounds[0] : rounds[1])!.output_state_id);
      }
    }
  }, 600_000);
});
