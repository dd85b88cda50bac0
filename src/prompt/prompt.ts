// Prompts for the memoryless state s_t = (R, tb_t, o_t) (SPEC §2) and the vanilla full-history
// agent (paper Table 1). Written for a model, but every section is delimited so that
// parsePromptForPolicy recovers it exactly: the built-in policy reads the same prompt an LLM
// reads, and stored training rows can be re-read later.
import type { Repository } from "../core/repository.js";
import { informativeOrder } from "../core/coverage.js";
import type { Coverage, Diagnostic, SimResult, SimStatus, UncoveredPoint } from "../core/protocol.js";
import type { State } from "../core/state.js";
import type { ChatMessage } from "../core/chat.js";
import { fenced, promptUnits as units } from "./parse.js";
import { ruleById } from "./rules.js";

export const RULES_BEGIN = "<<<llm4cov-rules>>>";
export const RULES_END = "<<<end-llm4cov-rules>>>";

export const H = {
  spec: "## Specification files",
  rtl: "## RTL files (design under test)",
  task: "## Task",
  file: "### File: ",
  result: "## Simulation result of the current testbench",
  diagnostics: "### Diagnostics",
  coverage: "### Coverage",
  uncovered: "### Uncovered DUT points",
  uncoveredFile: "#### ",
  next: "## What to do next",
  parseError: "## Your previous answer had no testbench",
} as const;

export const MAX_DIAGNOSTICS = 10;
export const MAX_UNCOVERED = 40;

export interface PromptOptions {
  /** Expert rule block (rulesBlock()); appended to the system message, removed by stripRules. */
  rules?: string | null;
}

const LANG: Record<string, string> = {
  sv: "systemverilog",
  svh: "systemverilog",
  v: "verilog",
  md: "markdown",
};
const langOf = (name: string) => LANG[name.split(".").at(-1) ?? ""] ?? "text";

export function systemMessage(rules?: string | null): string {
  const contract = [
    "You are an expert hardware verification engineer. You write SystemVerilog testbenches that drive a",
    "design under test (DUT) so that simulation reaches high code coverage (line, branch, expression, toggle, FSM).",
    "",
    "Output contract:",
    "- Write ONE complete SystemVerilog testbench in a single ```systemverilog fenced block.",
    "- The testbench is stimulus only: no assertions, checkers or scoreboards are needed.",
    "- Instantiate the DUT top module exactly once, under the exact instance name given, with named port connections.",
    "- Drive every DUT input; leave the DUT's outputs to the DUT.",
    "- End the simulation with $finish and keep simulated time bounded (well under 10 ms).",
    "- Every answer replaces the previous testbench completely: never answer with a patch or a fragment.",
  ].join("\n");
  return rules ? `${contract}\n\n${RULES_BEGIN}\n${rules}\n${RULES_END}` : contract;
}

/** Removes the rule block exactly, so stored training rows never contain it. */
export function stripRules(messages: ChatMessage[]): ChatMessage[] {
  return messages.map((m) => {
    if (m.role !== "system") return m;
    const start = m.content.indexOf(`\n\n${RULES_BEGIN}\n`);
    const endTag = `\n${RULES_END}`;
    const end = m.content.indexOf(endTag, start);
    if (start < 0 || end < 0) return m;
    return { ...m, content: m.content.slice(0, start) + m.content.slice(end + endTag.length) };
  });
}

function fileSection(name: string, content: string): string {
  return `${H.file}${name}\n${fenced(content, langOf(name))}`;
}

export function repositoryMessage(repo: Repository): string {
  const parts: string[] = [];
  if (repo.spec.length) parts.push(H.spec, ...repo.spec.map((f) => fileSection(f.name, f.content)));
  parts.push(H.rtl, ...repo.rtl.map((f) => fileSection(f.name, f.content)));
  const goal = repo.targets
    .map((t) => `\`${t.inst_name}\` ${t.metric} >= ${t.target_percentage}%`)
    .join(", ");
  const defines = Object.entries(repo.defines).map(([k, v]) => `${k}=${v}`);
  parts.push(
    H.task,
    [
      `- DUT top module: \`${repo.top}\``,
      `- DUT instance name: \`${repo.instance}\``,
      `- Testbench file: \`${repo.tbFile}\``,
      `- Coverage goal: ${goal || "as high as possible"}`,
      ...(defines.length ? [`- Defines: ${defines.map((d) => `\`${d}\``).join(" ")}`] : []),
    ].join("\n"),
  );
  if (repo.instruction) parts.push(`### Instructions\n${repo.instruction}`);
  parts.push(
    `Write the complete testbench \`${repo.tbFile}\` that instantiates \`${repo.top}\` as \`${repo.instance}\`.`,
  );
  return parts.join("\n\n");
}

export function testbenchTurn(testbench: string): string {
  return fenced(testbench, "systemverilog");
}

export type CoverageShown = Record<"score" | "line" | "branch" | "toggle" | "expression", number | null>;

/** Always shown (n/a when not measured). */
const COV_KEYS: Record<string, "score" | "line" | "branch" | "toggle"> = {
  Score: "score",
  Line: "line",
  Branch: "branch",
  Toggle: "toggle",
};
/** Shown only when the simulator measured them (Verilator 5.048: expression, FSM). */
const OPTIONAL_KEYS: Record<string, "expression"> = { Expression: "expression" };
const PARSED_KEYS: Record<string, keyof CoverageShown> = { ...COV_KEYS, ...OPTIONAL_KEYS };

const pct = (v: number | null | undefined) => (v == null ? "n/a" : `${(v * 100).toFixed(1)}%`);

function diagLine(d: Diagnostic): string {
  const where = `${d.file ?? "?"}:${d.line ?? "?"}`;
  const msg = (d.message.split("\n")[0] ?? "").slice(0, 300);
  const rule = d.rule ? ruleById(d.rule) : undefined;
  const hint = d.rule ? ` [rule ${d.rule}${rule ? `: ${rule.text}` : ""}]` : "";
  return `- ${where}: ${d.severity}: ${msg}${hint}`;
}

/** Verilator's names keep their brackets (`x[1]`); only an unbalanced one is made harmless. */
function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === "[") depth++;
    else if (c === "]" && --depth < 0) return false;
  }
  return depth === 0;
}
const detailText = (d: string) =>
  balanced(d) ? d.replaceAll("\n", " ") : d.replaceAll("[", "(").replaceAll("]", ")").replaceAll("\n", " ");

const MAX_SOURCE = 200;

/** One uncovered point or range per line: `L<line>[-<end>] <kind> [<detail>]: <source>`. */
function uncoveredLine(u: UncoveredPoint): string {
  const where = u.endLine && u.endLine > u.line ? `L${u.line}-${u.endLine}` : `L${u.line}`;
  const source = u.source.replaceAll("\n", " ").trim().slice(0, MAX_SOURCE);
  return `${where} ${u.kind} [${detailText(u.detail)}]: ${source}`;
}

function uncoveredSection(result: SimResult): string[] {
  const cov = result.coverage;
  if (!cov) return [];
  const total = Math.max(cov.uncoveredTotal, cov.uncovered.length);
  if (total === 0) return [`${H.uncovered}\nnone`];
  // Families take turns and every block, branch, term, FSM arc and signal gets a place before
  // one repeats (the simulator already orders them so; results from elsewhere may not be).
  const shown = informativeOrder(cov.uncovered).slice(0, MAX_UNCOVERED);
  const byFile = new Map<string, UncoveredPoint[]>();
  for (const u of shown) byFile.set(u.file, [...(byFile.get(u.file) ?? []), u]);
  const out = [`${H.uncovered} (${shown.length} of ${total} shown)`];
  for (const [file, pts] of byFile) {
    pts.sort((a, b) => a.line - b.line);
    const body = pts.map(uncoveredLine).join("\n");
    out.push(`${H.uncoveredFile}${file}\n${fenced(body, "text")}`);
  }
  if (total > shown.length) out.push(`and ${total - shown.length} more`);
  return out;
}

const NEXT: Record<SimStatus, string> = {
  compile_error:
    "Fix the compile error(s) above. Keep the stimulus that was already there; change only what does not compile.",
  build_error:
    "Fix the build error(s) above. Keep the stimulus that was already there; change only what does not build.",
  runtime_error:
    "Fix the runtime problem above and make sure $finish is reached within the time limit; keep the stimulus otherwise.",
  timeout:
    "The simulation did not finish in time. Bound every loop and wait, shorten the run, and make sure $finish is reached within the time limit.",
  no_finish:
    "The simulation ran out of events before $finish. Make sure the clock keeps running and $finish is reached within the time limit.",
  pass: "Raise coverage: add stimulus that reaches the uncovered points listed above (code never reached, branch arms, expression terms, FSM states and arcs, bits that never toggled in one direction). Keep what already works.",
  rejected: "The testbench was rejected before simulation. Remove the forbidden construct named above.",
  infra_error:
    "The simulator failed for a reason unrelated to the testbench. Answer with the same testbench or an improved one.",
};

function coverageLines(cov: Coverage): string[] {
  const lines = Object.entries(COV_KEYS).map(([label, key]) => `- ${label}: ${pct(cov[key])}`);
  for (const [label, key] of Object.entries(OPTIONAL_KEYS))
    if (cov[key] != null) lines.push(`- ${label}: ${pct(cov[key])}`);
  if (cov.fsm) lines.push(`- FSM: states ${pct(cov.fsm.state)}, arcs ${pct(cov.fsm.arc)}`);
  if (cov.user != null) lines.push(`- Cover properties: ${pct(cov.user)}`);
  return lines;
}

/** What to do after a passing run depends on the targets: met targets are said to be met. */
function nextStep(result: SimResult): string {
  const cov = result.coverage;
  if (result.status !== "pass" || !cov) return NEXT[result.status];
  if (cov.score === 1 || (cov.uncoveredTotal === 0 && cov.uncovered.length === 0))
    return "Coverage is complete: every measured point of the DUT is covered. Answer with the same testbench.";
  if (result.targets.length && result.targets.every((t) => t.met)) {
    const reached = result.targets
      .map(
        (t) =>
          `\`${t.inst_name}\` ${t.achieved === null ? "n/a" : `${t.achieved.toFixed(1)}%`} >= ${t.target}%`,
      )
      .join(", ");
    return `Every coverage target is met (${reached}). The points listed above are still uncovered: cover more of them only if you can without losing anything already covered, and keep everything that works.`;
  }
  return NEXT.pass;
}

export function feedbackMessage(result: SimResult | null, repo: Repository, parseError?: string): string {
  const parts: string[] = [];
  if (parseError) {
    parts.push(
      `${H.parseError}\nReason: ${parseError}\nAnswer again with one complete testbench in a single \`\`\`systemverilog fenced block that instantiates \`${repo.top}\` as \`${repo.instance}\` and ends with $finish.`,
    );
  }
  if (!result && !parseError) parts.push(`${H.next}\nThe testbench above was not simulated. ${NEXT.pass}`);
  if (result) {
    parts.push(
      `${H.result}\n- Status: ${result.status}\n- Reason: ${result.reason.split("\n")[0] ?? ""}\n- Simulator: ${result.simulator.name} ${result.simulator.version}`,
    );
    const diags = [...result.diagnostics].sort(
      (a, b) => Number(b.severity === "error") - Number(a.severity === "error"),
    );
    if (result.status !== "pass" && diags.length) {
      const shown = diags.slice(0, MAX_DIAGNOSTICS);
      parts.push(`${H.diagnostics} (${shown.length} of ${diags.length})\n${shown.map(diagLine).join("\n")}`);
    } else if (result.status !== "pass" && result.log.trim()) {
      const tail = result.log.trimEnd().split("\n").slice(-15).join("\n");
      parts.push(`${H.diagnostics} (log tail)\n${fenced(tail, "text")}`);
    }
    const cov = result.coverage;
    if (cov) {
      const targets = result.targets.map(
        (t) => `- Target: \`${t.inst_name}\` >= ${t.target}% (${t.met ? "met" : "not met"})`,
      );
      parts.push([H.coverage, ...coverageLines(cov), ...targets].join("\n"));
      parts.push(...uncoveredSection(result));
    }
    parts.push(`${H.next}\n${nextStep(result)}`);
  }
  return parts.join("\n\n");
}

/** Memoryless prompt: the repository, the current testbench, and its observation only. */
export function buildMemorylessPrompt(state: State, opts: PromptOptions = {}): ChatMessage[] {
  const msgs: ChatMessage[] = [
    { role: "system", content: systemMessage(opts.rules) },
    { role: "user", content: repositoryMessage(state.repo) },
  ];
  if (state.testbench !== null) msgs.push({ role: "assistant", content: testbenchTurn(state.testbench) });
  if (state.testbench !== null || state.parseError) {
    const fb = feedbackMessage(state.result, state.repo, state.parseError);
    if (fb) msgs.push({ role: "user", content: fb });
  }
  return msgs;
}

export interface HistoryEntry {
  testbench: string | null;
  result: SimResult | null;
  parseError?: string;
}

/** Vanilla agent: every earlier testbench and observation, oldest first (paper Table 1). */
export function buildVanillaPrompt(
  repo: Repository,
  history: HistoryEntry[],
  opts: PromptOptions = {},
): ChatMessage[] {
  const msgs: ChatMessage[] = [
    { role: "system", content: systemMessage(opts.rules) },
    { role: "user", content: repositoryMessage(repo) },
  ];
  for (const h of history) {
    if (h.testbench !== null) msgs.push({ role: "assistant", content: testbenchTurn(h.testbench) });
    else msgs.push({ role: "assistant", content: "(no testbench)" });
    msgs.push({ role: "user", content: feedbackMessage(h.result, repo, h.parseError) });
  }
  return msgs;
}

// ---------------------------------------------------------------------------------------------
// Parsing the prompt back (the built-in policy's input; also used to re-read stored rows).

export interface ParsedUncovered {
  file: string;
  line: number;
  /** Last line of a range (`L66-79`), absent for a single line. */
  endLine?: number;
  kind: string;
  detail: string;
  /** The source text as shown (trimmed). */
  source: string;
}

export interface ParsedPrompt {
  files: { name: string; content: string; kind: "spec" | "rtl" }[];
  top: string;
  instance: string;
  tbFile: string;
  defines: Record<string, string>;
  currentTestbench: string | null;
  status: string | null;
  reason: string | null;
  /** Fractions in [0,1] as shown (rounded to 0.1 %); null when not shown or n/a. */
  coverage: CoverageShown | null;
  diagnostics: string[];
  uncovered: ParsedUncovered[];
  /** How many uncovered points exist in total (shown + "and N more"). */
  uncoveredTotal: number;
  /** The previous answer held no testbench. */
  parseError: boolean;
  /** Assistant turns seen (1 for a memoryless later round, n for a vanilla prompt). */
  rounds: number;
}

const tick = (line: string, prefix: string): string | null => {
  if (!line.startsWith(prefix) || !line.endsWith("`")) return null;
  return line.slice(prefix.length, -1);
};

function parsePct(v: string): number | null {
  if (!v.endsWith("%")) return null;
  const n = Number(v.slice(0, -1));
  return Number.isFinite(n) ? Math.round(n * 10) / 1000 : null;
}

/**
 * `L<line>[-<end>] <kind> [<detail>]: <source>`; the detail ends at its balancing `]`. Rows
 * stored before 0.2 escaped `\` and `]` with a backslash (`x[1\]`): still read.
 */
function parseUncoveredLine(file: string, l: string): ParsedUncovered | null {
  const old = /^L(\d+) (\w+) \[((?:\\.|[^\\\]])*)\]: ?(.*)$/.exec(l);
  if (old && /\\[\]\\]/.test(old[3]!)) {
    const [, line = "", kind = "", detail = "", source = ""] = old;
    return { file, line: Number(line), kind, detail: detail.replace(/\\(.)/g, "$1"), source };
  }
  const m = /^L(\d+)(?:-(\d+))? (\w+) \[/.exec(l);
  if (!m) return null;
  let detail = "";
  let depth = 0;
  let i = m[0].length;
  for (; i < l.length; i++) {
    const c = l[i]!;
    if (c === "]" && depth === 0) break;
    else {
      if (c === "[") depth++;
      else if (c === "]") depth--;
      detail += c;
    }
  }
  if (l[i] !== "]" || l[i + 1] !== ":") return null;
  const source = l.slice(i + 2).replace(/^ /, "");
  const endLine = m[2] ? Number(m[2]) : undefined;
  return { file, line: Number(m[1]), ...(endLine ? { endLine } : {}), kind: m[3]!, detail, source };
}

function parseUncoveredBlock(file: string, content: string): ParsedUncovered[] {
  return content
    .split("\n")
    .map((l) => parseUncoveredLine(file, l))
    .filter((u): u is ParsedUncovered => u !== null);
}

function parseRepositoryMessage(text: string, p: ParsedPrompt): void {
  let section: "spec" | "rtl" | "task" | "other" = "other";
  let pendingFile: string | null = null;
  for (const u of units(text)) {
    if (u.kind === "block") {
      if (pendingFile !== null && (section === "spec" || section === "rtl"))
        p.files.push({ name: pendingFile, content: u.content, kind: section });
      pendingFile = null;
      continue;
    }
    const l = u.text;
    if (l === H.spec) section = "spec";
    else if (l === H.rtl) section = "rtl";
    else if (l === H.task) section = "task";
    else if (l.startsWith("### Instructions"))
      section = "other"; // free text: nothing to parse
    else if (l.startsWith(H.file) && section !== "task") pendingFile = l.slice(H.file.length);
    else if (section === "task") {
      p.top = tick(l, "- DUT top module: `") ?? p.top;
      p.instance = tick(l, "- DUT instance name: `") ?? p.instance;
      p.tbFile = tick(l, "- Testbench file: `") ?? p.tbFile;
      if (l.startsWith("- Defines: "))
        for (const d of l.slice(11).split(" ")) {
          const kv = d.replaceAll("`", "");
          const eq = kv.indexOf("=");
          if (eq > 0) p.defines[kv.slice(0, eq)] = kv.slice(eq + 1);
        }
    }
  }
}

function parseFeedbackMessage(text: string, p: ParsedPrompt): void {
  let section = "";
  let file: string | null = null;
  for (const u of units(text)) {
    if (u.kind === "block") {
      if (section === "uncovered" && file !== null) p.uncovered.push(...parseUncoveredBlock(file, u.content));
      continue;
    }
    const l = u.text;
    if (l.startsWith(H.parseError)) p.parseError = true;
    if (l.startsWith("## ") || l.startsWith("### ")) {
      section = l.startsWith(H.uncovered) ? "uncovered" : l.startsWith(H.diagnostics) ? "diag" : l;
      const m = /\((\d+) of (\d+) shown\)/.exec(l);
      if (section === "uncovered") p.uncoveredTotal = m ? Number(m[2]) : 0;
      continue;
    }
    if (section === "uncovered" && l.startsWith(H.uncoveredFile)) file = l.slice(H.uncoveredFile.length);
    else if (l.startsWith("- Status: ")) p.status = l.slice(10);
    else if (l.startsWith("- Reason: ")) p.reason = l.slice(10);
    else if (section === "diag" && l.startsWith("- ")) p.diagnostics.push(l.slice(2));
    else if (section === H.coverage) {
      const [label, val] = l.slice(2).split(": ");
      const key = PARSED_KEYS[label ?? ""];
      if (key)
        (p.coverage ??= { score: null, line: null, branch: null, toggle: null, expression: null })[key] =
          parsePct(val ?? "");
    }
  }
}

/**
 * Recovers the repository, the current testbench and the last observation from a prompt built
 * by buildMemorylessPrompt or buildVanillaPrompt (the vanilla form yields its last round).
 */
export function parsePromptForPolicy(messages: ChatMessage[]): ParsedPrompt {
  const p: ParsedPrompt = {
    files: [],
    top: "",
    instance: "",
    tbFile: "",
    defines: {},
    currentTestbench: null,
    status: null,
    reason: null,
    coverage: null,
    diagnostics: [],
    uncovered: [],
    uncoveredTotal: 0,
    parseError: false,
    rounds: 0,
  };
  const users = messages.filter((m) => m.role === "user");
  const assistants = messages.filter((m) => m.role === "assistant");
  if (users[0]) parseRepositoryMessage(users[0].content, p);
  p.rounds = assistants.length;
  const lastAssistant = assistants.at(-1);
  if (lastAssistant) {
    const us = units(lastAssistant.content);
    const only = us.length === 1 ? us[0] : undefined;
    p.currentTestbench = only?.kind === "block" ? only.content : null;
  }
  if (users.length > 1) parseFeedbackMessage((users.at(-1) as ChatMessage).content, p);
  if (p.uncoveredTotal < p.uncovered.length) p.uncoveredTotal = p.uncovered.length;
  return p;
}
