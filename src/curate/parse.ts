// `curate parse`: run ledgers -> SFT rows. One row per transition s_t -> tb_{t+1}: the memoryless
// prompt of the TRUE input state (rebuilt from the stored state, never the stored call's messages,
// so vanilla and climbing runs yield the same shape) and the chosen testbench as the answer.
// A ledger with a `candidates` table (synthesis) yields only its accepted candidates. See
// docs/curation.md for the row contract.
import { buildMemorylessPrompt, stripRules, testbenchTurn } from "../agent/prompt.js";
import type { SimResult } from "../core/protocol.js";
import type { Repository } from "../core/repository.js";
import { isSimSuccess, type State } from "../core/state.js";
import { sha256 } from "../core/hash.js";
import { Ledger } from "../store/ledger.js";
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

interface Joined {
  transition_id: string;
  round: number | null;
  input_state_id: string | null;
  task_id: string | null;
  repo_json_hash: string | null;
  out_tb: string | null;
  out_status: string | null;
  out_parse_error: string | null;
  out_score: number | null;
  in_tb: string | null;
  in_status: string | null;
  in_parse_error: string | null;
  in_score: number | null;
  in_result: string | null;
  in_round: number | null;
  in_found: number | null;
  stage: number | null;
  trace_type: string | null;
  state_model: string | null;
  transition_model: string | null;
}

export interface LedgerParseCounts {
  run: string;
  run_type: SftRowMeta["run_type"];
  source: "transitions" | "candidates";
  seen: number;
  rows: number;
  skipped: Record<string, number>;
}

const STATE_COLS = (p: string, s: string) =>
  `${s}.testbench AS ${p}_tb, ${s}.status AS ${p}_status, ${s}.parse_error AS ${p}_parse_error, ${s}.score AS ${p}_score`;

function hasTable(ledger: Ledger, name: string): boolean {
  return !!ledger.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

/**
 * Eval ledgers: every transition. Ordered through the samples' (task, index) key so SQLite sorts
 * only the rounds of one sample, never the whole ledger; the producing transition of the input
 * state is joined through an automatic index.
 */
function transitionsQuery(): string {
  return `SELECT t.transition_id, t.round, t.input_state_id, s.task_id, tk.repo_hash AS repo_json_hash,
      ${STATE_COLS("out", "so")}, ${STATE_COLS("in", "si")}, si.result_json AS in_result, si.round AS in_round,
      si.state_id IS NOT NULL AS in_found, NULL AS stage, NULL AS trace_type,
      tp.model AS state_model, t.model AS transition_model
    FROM samples s JOIN transitions t ON t.sample_id = s.sample_id
    LEFT JOIN tasks tk ON tk.task_id = s.task_id
    JOIN states so ON so.state_id = t.output_state_id
    LEFT JOIN states si ON si.state_id = t.input_state_id
    LEFT JOIN transitions tp ON tp.output_state_id = t.input_state_id
    ORDER BY s.task_id, s.sample_index, t.round, t.transition_id`;
}

/**
 * Synthesis ledgers: accepted candidates only. The table is introspected (docs/curation.md): it
 * needs `accepted` and `output_state_id` or `transition_id`; `input_state_id`, `task_id`, `round`,
 * `stage`, `trace_type`, `state_model`, `transition_model` are used when present, else the
 * candidate's transition (its round and model), the `selections` row of its sample (state model)
 * and the ledger's `synth` meta entry (stage, trace type, models) fill them in.
 */
function candidatesQuery(ledger: Ledger): string {
  const columns = (table: string) =>
    new Set(
      (ledger.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
    );
  const cols = columns("candidates");
  const viaT = cols.has("transition_id");
  if (!cols.has("accepted") || (!cols.has("output_state_id") && !viaT))
    throw new Error(
      `${ledger.runDir}: the candidates table needs an accepted column and output_state_id or transition_id`,
    );
  const c = (name: string, fallback = "NULL") => (cols.has(name) ? `c.${name}` : fallback);
  const tJoin = viaT
    ? "LEFT JOIN transitions t ON t.transition_id = c.transition_id"
    : "LEFT JOIN transitions t ON t.output_state_id = c.output_state_id";
  const out = c("output_state_id", "t.output_state_id");
  const inp = c("input_state_id", "t.input_state_id");
  const sel = columns("selections");
  const selModel =
    cols.has("sample_id") && sel.has("sample_id") && sel.has("state_model")
      ? "(SELECT sel.state_model FROM selections sel WHERE sel.sample_id = c.sample_id)"
      : "NULL";
  const id = cols.has("candidate_id") ? "c.candidate_id" : viaT ? "c.transition_id" : `'cand:' || c.rowid`;
  return `SELECT ${id} AS transition_id, ${c("round", "t.round")} AS round,
      ${inp} AS input_state_id, COALESCE(${c("task_id")}, s.task_id) AS task_id,
      (SELECT tk.repo_hash FROM tasks tk WHERE tk.task_id = COALESCE(${c("task_id")}, s.task_id)) AS repo_json_hash,
      ${STATE_COLS("out", "so")}, ${STATE_COLS("in", "si")}, si.result_json AS in_result, si.round AS in_round,
      si.state_id IS NOT NULL AS in_found, ${c("stage")} AS stage, ${c("trace_type")} AS trace_type,
      COALESCE(${c("state_model")}, ${selModel}, tp.model) AS state_model,
      COALESCE(${c("transition_model")}, t.model) AS transition_model
    FROM candidates c ${tJoin}
    JOIN states so ON so.state_id = ${out}
    LEFT JOIN samples s ON s.sample_id = so.sample_id
    LEFT JOIN states si ON si.state_id = ${inp}
    LEFT JOIN transitions tp ON tp.output_state_id = ${inp}
    WHERE c.accepted = 1
    ORDER BY c.rowid`;
}

/** Lineage a synthesis run records once in its meta table (`synth` entry), if any. */
interface SynthMetaEntry {
  stage?: number;
  trace_type?: string;
  state_model?: string;
  transition_model?: string;
}

function synthMetaOf(ledger: Ledger): SynthMetaEntry | null {
  const r = ledger.db.prepare("SELECT value FROM meta WHERE key = 'synth'").get() as
    { value: string } | undefined;
  try {
    return r ? (JSON.parse(r.value) as SynthMetaEntry) : null;
  } catch {
    return null;
  }
}

/**
 * A ledger is read through its candidates when it has a `synth` meta entry or any candidate row
 * (every ledger may carry an empty candidates table: eval runs read their transitions).
 */
export function isSynthLedger(ledger: Ledger): boolean {
  if (!hasTable(ledger, "candidates")) return false;
  return !!synthMetaOf(ledger) || !!ledger.db.prepare("SELECT 1 FROM candidates LIMIT 1").get();
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
  const sql = synth ? candidatesQuery(ledger) : transitionsQuery();
  const lineage = (synth ? synthMetaOf(ledger) : null) ?? {};
  const repoStmt = ledger.db.prepare("SELECT repo_json FROM repos WHERE repo_hash = ?");
  // Rows come grouped by task (eval) or roughly so (synthesis): a few repositories are cached.
  const repos = new Map<string, Repository | null>();
  const repoOf = (hash: string): Repository | null => {
    let r = repos.get(hash);
    if (r === undefined) {
      const j = repoStmt.get(hash) as { repo_json: string } | undefined;
      r = j ? (JSON.parse(j.repo_json) as Repository) : null;
      if (repos.size >= 16) repos.delete(repos.keys().next().value as string);
      repos.set(hash, r);
    }
    return r;
  };
  const skip = (why: string) => (counts.skipped[why] = (counts.skipped[why] ?? 0) + 1);
  for (const r of ledger.db.prepare(sql).iterate() as Iterable<Joined>) {
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
