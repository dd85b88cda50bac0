// Prompts for the memoryless state s_t = (R, tb_t, o_t) (SPEC §2) and the vanilla full-history
// agent (paper Table 1). Written for a model, but every section is delimited so that
// parsePromptForPolicy recovers it exactly: the built-in policy reads the same prompt an LLM
// reads, and stored training rows can be re-read later.
import type { Repository } from "../core/repository.js";
import type { Diagnostic, SimResult, SimStatus, UncoveredPoint } from "../core/protocol.js";
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
    "design under test (DUT) so that simulation reaches high code coverage (line, branch, toggle).",
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

export type CoverageShown = Record<"score" | "line" | "branch" | "toggle", number | null>;

const COV_KEYS: Record<string, keyof CoverageShown> = {
  Score: "score",
  Line: "line",
  Branch: "branch",
  Toggle: "toggle",
};

const pct = (v: number | null | undefined) => (v == null ? "n/a" : `${(v * 100).toFixed(1)}%`);

function diagLine(d: Diagnostic): string {
  const where = `${d.file ?? "?"}:${d.line ?? "?"}`;
  const msg = (d.message.split("\n")[0] ?? "").slice(0, 300);
  const rule = d.rule ? ruleById(d.rule) : undefined;
  const hint = d.rule ? ` [rule ${d.rule}${rule ? `: ${rule.text}` : ""}]` : "";
  return `- ${where}: ${d.severity}: ${msg}${hint}`;
}

const esc = (s: string) => s.replaceAll("\\", "\\\\").replaceAll("]", "\\]");

/** One uncovered point per line: `L<line> <kind> [<detail>]: <source>` (detail escaped). */
function uncoveredLine(u: UncoveredPoint): string {
  return `L${u.line} ${u.kind} [${esc(u.detail)}]: ${u.source.replaceAll("\n", " ").trim()}`;
}

const KIND_ORDER: Record<string, number> = { line: 0, branch: 1, user: 2, toggle: 3 };

function uncoveredSection(result: SimResult): string[] {
  const cov = result.coverage;
  if (!cov) return [];
  const total = Math.max(cov.uncoveredTotal, cov.uncovered.length);
  if (total === 0) return [`${H.uncovered}\nnone`];
  // Lines and branches first: they say what stimulus is missing; toggles are the long tail.
  const shown = [...cov.uncovered]
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (KIND_ORDER[a.u.kind] ?? 9) - (KIND_ORDER[b.u.kind] ?? 9) || a.i - b.i)
    .slice(0, MAX_UNCOVERED)
    .map((x) => x.u);
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
  pass: "Raise coverage: add stimulus that reaches the uncovered lines, branches and toggles listed above. Keep what already works.",
  rejected: "The testbench was rejected before simulation. Remove the forbidden construct named above.",
  infra_error:
    "The simulator failed for a reason unrelated to the testbench. Answer with the same testbench or an improved one.",
};

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
      const metrics = Object.entries(COV_KEYS).map(([label, key]) => `- ${label}: ${pct(cov[key])}`);
      parts.push([H.coverage, ...metrics, ...targets].join("\n"));
      parts.push(...uncoveredSection(result));
    }
    parts.push(`${H.next}\n${NEXT[result.status]}`);
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

const unesc = (s: string) => s.replace(/\\(.)/g, "$1");

function parsePct(v: string): number | null {
  if (!v.endsWith("%")) return null;
  const n = Number(v.slice(0, -1));
  return Number.isFinite(n) ? Math.round(n * 10) / 1000 : null;
}

function parseUncoveredBlock(file: string, content: string): ParsedUncovered[] {
  const out: ParsedUncovered[] = [];
  for (const l of content.split("\n")) {
    const m = /^L(\d+) (\w+) \[((?:\\.|[^\\\]])*)\]: ?(.*)$/.exec(l);
    const [line = "", kind = "", detail = "", source = ""] = m?.slice(1) ?? [];
    if (m) out.push({ file, line: Number(line), kind, detail: unesc(detail), source });
  }
  return out;
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
      const key = COV_KEYS[label ?? ""];
      if (key)
        (p.coverage ??= { score: null, line: null, branch: null, toggle: null })[key] = parsePct(val ?? "");
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
