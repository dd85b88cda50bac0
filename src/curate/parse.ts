// `curate parse`: run ledgers -> SFT rows. One row per transition s_t -> tb_{t+1}: the memoryless
// prompt of the TRUE input state (rebuilt from the stored state, never the stored call's messages,
// so vanilla and climbing runs yield the same shape) and the chosen testbench as the answer.
// A ledger with a `candidates` table (synthesis) yields only its accepted candidates. See
// docs/curation.md for the row contract.
import { buildMemorylessPrompt, stripRules, testbenchTurn } from "../agent/prompt.js";
import type { SimResult } from "../core/protocol.js";
import { isSimSuccess, type State } from "../core/state.js";
import { sha256 } from "../core/hash.js";
import { Ledger } from "../store/ledger.js";
import { isSynthLedger, joinedTransitions, repoReader, synthMetaOf } from "../store/run-reader.js";
import { JsonlWriter } from "./io.js";
import { SftRow, SftRowMeta } from "./row.js";

/** Coverage changes smaller than this are "none" (scores are ratios of small integers). */
export const EPS = 1e-9;

export type Improvement = SftRowMeta["improvement"];

/**
 * What a transition did. `input` null is s_0 (no testbench yet): a direct row, never fail_to_pass.
 * fail_to_pass: a non-initial input that did not simulate successfully now does.
 */
export function improvementOf(
  input: { status: string | null; score: number } | null,
  output: { status: string | null; score: number },
): Improvement {
  const outOk = isSimSuccess(output.status as never);
  if (input && !isSimSuccess(input.status as never) && outOk) return "fail_to_pass";
  if (input && isSimSuccess(input.status as never) && !outOk) return "regression";
  const d = output.score - (input?.score ?? 0);
  return d > EPS ? "gain" : d < -EPS ? "regression" : "none";
}

/** The status shown for a stored state: a parse failure (no testbench) is "no_testbench". */
const stateStatus = (status: string | null, parseError: string | null) =>
  status ?? (parseError ? "no_testbench" : "unknown");

/** The canonical answer: exactly one ```systemverilog fenced block holding the whole testbench. */
export const answerOf = (testbench: string) => testbenchTurn(testbench);

export function rowId(messages: { role: string; content: string }[]): string {
  return sha256(JSON.stringify(messages.map((m) => [m.role, m.content]))).slice(0, 24);
}

export { isSynthLedger };

export interface LedgerParseCounts {
  run: string;
  run_type: SftRowMeta["run_type"];
  source: "transitions" | "candidates";
  seen: number;
  rows: number;
  skipped: Record<string, number>;
}

const TRACE_TYPES = new Set(["full_teacher", "imitation", "self_sampling"]);
const traceType = (v: string | null) => {
  const t = v?.replaceAll("-", "_").toLowerCase() ?? null;
  return t && TRACE_TYPES.has(t) ? (t as SftRowMeta["trace_type"]) : null;
};

/**
 * Rows of one ledger, streamed. `counts` is filled as rows are produced. The rule block is never
 * in a row: prompts are rebuilt without it (and stripped again, defensively).
 */
export function* rowsFromLedger(
  ledger: Ledger,
  runLabel: string,
  counts: LedgerParseCounts,
): Generator<SftRow> {
  const synth = counts.source === "candidates";
  const lineage = (synth ? synthMetaOf(ledger) : null) ?? {};
  // Rows come grouped by task (eval) or roughly so (synthesis): a few repositories are cached.
  const repoOf = repoReader(ledger);
  const skip = (why: string) => (counts.skipped[why] = (counts.skipped[why] ?? 0) + 1);
  for (const r of joinedTransitions(ledger, synth ? "candidates" : "transitions")) {
    counts.seen++;
    if (r.out_tb === null) {
      skip("no_testbench_in_answer");
      continue;
    }
    if (r.input_state_id !== null && !r.in_found) {
      skip("input_state_missing");
      continue;
    }
    if (!r.repo_json_hash || !r.task_id) {
      skip("task_missing");
      continue;
    }
    const repo = repoOf(r.repo_json_hash);
    if (!repo) {
      skip("task_missing");
      continue;
    }
    const initial = r.input_state_id === null;
    const state: State = initial
      ? { repo, testbench: null, result: null }
      : {
          repo,
          testbench: r.in_tb,
          result: r.in_result ? (JSON.parse(r.in_result) as SimResult) : null,
          parseError: r.in_parse_error ?? undefined,
        };
    const messages = stripRules([
      ...buildMemorylessPrompt(state),
      { role: "assistant", content: answerOf(r.out_tb) },
    ]);
    const input = initial
      ? null
      : { status: stateStatus(r.in_status, r.in_parse_error), score: r.in_score ?? 0 };
    const output = { status: stateStatus(r.out_status, r.out_parse_error), score: r.out_score ?? 0 };
    const meta: SftRowMeta = {
      task_id: r.task_id,
      run_type: counts.run_type,
      stage: r.stage ?? lineage.stage ?? null,
      trace_type: traceType(r.trace_type ?? lineage.trace_type ?? null),
      round: r.round ?? (initial ? 0 : (r.in_round ?? 0) + 1),
      input_cov: input?.score ?? 0,
      output_cov: output.score,
      input_status: input?.status ?? null,
      output_status: output.status,
      improvement: improvementOf(input, output),
      state_model: initial ? null : (r.state_model ?? lineage.state_model ?? null),
      transition_model: r.transition_model ?? lineage.transition_model ?? "unknown",
      source_run: runLabel,
      transition_id: r.transition_id,
      tokens: null,
    };
    counts.rows++;
    yield { id: rowId(messages), messages, meta };
  }
}

export interface ParseReport {
  runs: LedgerParseCounts[];
  rows: number;
  duplicates: number;
  out: string;
}

/** Parses every run into one JSONL file; identical rows (same prompt and answer) are written once. */
export async function parseRuns(
  runDirs: string[],
  outPath: string,
  opts: { keepDuplicates?: boolean } = {},
): Promise<ParseReport> {
  const out = new JsonlWriter(outPath);
  const seen = new Set<string>();
  const report: ParseReport = { runs: [], rows: 0, duplicates: 0, out: outPath };
  try {
    for (const dir of runDirs) {
      const ledger = Ledger.openExisting(dir);
      try {
        const synth = isSynthLedger(ledger);
        const mode = ledger.config<{ mode?: string }>().mode;
        const runType = synth ? "synth" : mode === "direct" || mode === "vanilla" ? mode : "agentic";
        const counts: LedgerParseCounts = {
          run: dir,
          run_type: runType,
          source: synth ? "candidates" : "transitions",
          seen: 0,
          rows: 0,
          skipped: {},
        };
        report.runs.push(counts);
        for (const row of rowsFromLedger(ledger, dir, counts)) {
          if (!opts.keepDuplicates) {
            if (seen.has(row.id)) {
              report.duplicates++;
              continue;
            }
            seen.add(row.id);
          }
          await out.write(row);
          report.rows++;
        }
      } finally {
        ledger.close();
      }
    }
  } finally {
    await out.close();
  }
  return report;
}
