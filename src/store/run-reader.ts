// Reads of run ledgers for curation (`curate parse`, `rounds`): the joined transition rows, a
// ledger's synthesis lineage, the repositories. SQL lives in src/store only (docs/design/architecture.md).
import type { Repository } from "../core/repository.js";
import type { RoundRow } from "../core/state.js";
import type { Ledger } from "./ledger.js";

export interface JoinedTransition {
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

const STATE_COLS = (p: string, s: string) =>
  `${s}.testbench AS ${p}_tb, ${s}.status AS ${p}_status, ${s}.parse_error AS ${p}_parse_error, ${s}.score AS ${p}_score`;

export function hasTable(ledger: Ledger, name: string): boolean {
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
export interface SynthMetaEntry {
  stage?: number;
  trace_type?: string;
  state_model?: string;
  transition_model?: string;
}

export function synthMetaOf(ledger: Ledger): SynthMetaEntry | null {
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

/** The joined transition rows of a ledger, streamed: every transition, or accepted candidates. */
export function joinedTransitions(
  ledger: Ledger,
  source: "transitions" | "candidates",
): Iterable<JoinedTransition> {
  const sql = source === "candidates" ? candidatesQuery(ledger) : transitionsQuery();
  return ledger.db.prepare(sql).iterate() as Iterable<JoinedTransition>;
}

/** Repository by its hash, with a small cache (rows come grouped by task, or roughly so). */
export function repoReader(ledger: Ledger, cacheSize = 16): (hash: string) => Repository | null {
  const stmt = ledger.db.prepare("SELECT repo_json FROM repos WHERE repo_hash = ?");
  const repos = new Map<string, Repository | null>();
  return (hash) => {
    let r = repos.get(hash);
    if (r === undefined) {
      const j = stmt.get(hash) as { repo_json: string } | undefined;
      r = j ? (JSON.parse(j.repo_json) as Repository) : null;
      if (repos.size >= cacheSize) repos.delete(repos.keys().next().value as string);
      repos.set(hash, r);
    }
    return r;
  };
}

/** A finished sample's state with its producing transition's input (for `llm4cov rounds`). */
export interface RoundPoint extends RoundRow {
  out_status: string | null;
  parse_error: string | null;
  input_state_id: string | null;
  in_score: number | null;
  in_status: string | null;
  in_parse_error: string | null;
}

export function roundPoints(ledger: Ledger): RoundPoint[] {
  return ledger.db
    .prepare(
      `SELECT s.sample_id, s.task_id, s.sample_index, st.round, st.score, st.sim_pass, st.cov_pass,
              st.status AS out_status, st.parse_error, t.input_state_id, si.score AS in_score,
              si.status AS in_status, si.parse_error AS in_parse_error
       FROM samples s JOIN states st ON st.sample_id = s.sample_id
       LEFT JOIN transitions t ON t.output_state_id = st.state_id
       LEFT JOIN states si ON si.state_id = t.input_state_id
       WHERE s.status = 'done' ORDER BY s.task_id, s.sample_index, st.round`,
    )
    .all() as RoundPoint[];
}
