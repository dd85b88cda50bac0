// The synthesis tables of the run ledger (selections, candidates) and the reads curation and the
// synthesis summary need. Layout (docs/synthesis.md): one sample per selected state; its input
// copy `<sample>:in`; candidate j as state `<sample>:c<j>:s`, transition `<sample>:c<j>:t`, call
// `<sample>:c<j>:transition_model`. Types are plain strings here; src/synth narrows them.
import type { Ledger, StateRow } from "./ledger.js";

export const inputStateId = (sampleId: string) => `${sampleId}:in`;
export const candidateIds = (sampleId: string, j: number) => ({
  candidateId: `${sampleId}:c${j}:t`,
  stateId: `${sampleId}:c${j}:s`,
  transitionId: `${sampleId}:c${j}:t`,
  callId: `${sampleId}:c${j}:transition_model`,
});

export interface SelectedRow {
  sampleId: string;
  taskId: string;
  sourceRun: string;
  sourceStateId: string;
  split: string;
  fill: boolean;
  stateModel: string;
}

/**
 * Records a selected state: its selections row and a copy of the input state (both written once).
 * Returns the source state id already recorded for this sample, to catch a changed selection.
 */
export function recordSelected(ledger: Ledger, sel: SelectedRow, input: StateRow): string {
  const db = ledger.db;
  const id = inputStateId(sel.sampleId);
  db.transaction(() => {
    db.prepare(
      `INSERT OR IGNORE INTO states(state_id, sample_id, round, testbench, parse_error, status, score, sim_pass,
       cov_pass, result_json, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(
      id,
      sel.sampleId,
      input.round,
      input.testbench,
      input.parse_error,
      input.status,
      input.score,
      input.sim_pass,
      input.cov_pass,
      input.result_json,
      new Date().toISOString(),
    );
    db.prepare(
      `INSERT OR IGNORE INTO selections(sample_id, task_id, input_state_id, source_run, source_state_id, split, fill,
       state_model, input_score, input_status, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(
      sel.sampleId,
      sel.taskId,
      id,
      sel.sourceRun,
      sel.sourceStateId,
      sel.split,
      sel.fill ? 1 : 0,
      sel.stateModel,
      input.score,
      input.status,
      new Date().toISOString(),
    );
  })();
  const r = db.prepare("SELECT source_state_id FROM selections WHERE sample_id = ?").get(sel.sampleId) as {
    source_state_id: string;
  };
  return r.source_state_id;
}

/** One candidate's verdict (src/synth/rejection.ts makes them). */
export interface CandidateDecision {
  index: number;
  accepted: boolean;
  reason: string | null;
  gain: number;
  improvement: string;
}

/** Writes the decisions of one selected state and finishes its sample, in one transaction. */
export function recordDecisions(
  ledger: Ledger,
  sel: { sampleId: string; taskId: string; split: string; inputScore: number },
  decisions: readonly CandidateDecision[],
  outputScores: number[],
): void {
  const db = ledger.db;
  const put = db.prepare(
    `INSERT OR REPLACE INTO candidates(candidate_id, sample_id, task_id, candidate_index, input_state_id,
     output_state_id, split, accepted, reason, improvement, gain, input_score, output_score, created_at)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const accepted = decisions.find((d) => d.accepted);
  db.transaction(() => {
    for (const d of decisions) {
      const ids = candidateIds(sel.sampleId, d.index);
      put.run(
        ids.candidateId,
        sel.sampleId,
        sel.taskId,
        d.index,
        inputStateId(sel.sampleId),
        ids.stateId,
        sel.split,
        d.accepted ? 1 : 0,
        d.reason,
        d.improvement,
        d.gain,
        sel.inputScore,
        outputScores[d.index]!,
        new Date().toISOString(),
      );
    }
    ledger.finishSample(
      sel.sampleId,
      accepted
        ? {
            stateId: candidateIds(sel.sampleId, accepted.index).stateId,
            score: outputScores[accepted.index]!,
          }
        : { stateId: null, score: sel.inputScore },
      decisions.length,
    );
  })();
}

/** One accepted transition, with what a curated row needs (src/curate/row.ts). */
export interface AcceptedTransition {
  transition_id: string;
  task_id: string;
  split: string;
  round: number;
  input_state_id: string;
  output_state_id: string;
  llm_call_id: string;
  input_cov: number;
  output_cov: number;
  input_status: string | null;
  output_status: string;
  improvement: string;
  gain: number;
  state_model: string;
  transition_model: string;
  source_run: string;
  source_state_id: string;
}

/** The accepted transitions of a synthesis ledger (stage and trace type: ledger.getMeta("synth")). */
export function acceptedTransitions(ledger: Ledger): AcceptedTransition[] {
  return ledger.db
    .prepare(
      `SELECT c.candidate_id AS transition_id, c.task_id, c.split, t.round, c.input_state_id, c.output_state_id,
              t.llm_call_id, c.input_score AS input_cov, c.output_score AS output_cov, sel.input_status,
              st.status AS output_status, c.improvement, c.gain, sel.state_model, t.model AS transition_model,
              sel.source_run, sel.source_state_id
       FROM candidates c JOIN transitions t ON t.transition_id = c.candidate_id
       JOIN states st ON st.state_id = c.output_state_id JOIN selections sel ON sel.sample_id = c.sample_id
       WHERE c.accepted = 1 ORDER BY c.task_id, c.sample_id`,
    )
    .all() as AcceptedTransition[];
}

export interface SynthCounts {
  selected: Record<string, number>;
  selectedDone: number;
  candidates: number;
  accepted: number;
  acceptedBySplit: Record<string, number>;
  reasons: Record<string, number>;
  improvements: Record<string, number>;
  gain: { mean: number; min: number; max: number } | null;
}

export function synthCounts(ledger: Ledger): SynthCounts {
  const db = ledger.db;
  const group = (sql: string) =>
    Object.fromEntries((db.prepare(sql).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
  const c = db
    .prepare(
      `SELECT COUNT(*) n, COALESCE(SUM(accepted), 0) a, AVG(CASE WHEN accepted = 1 THEN gain END) mean,
       MIN(CASE WHEN accepted = 1 THEN gain END) mn, MAX(CASE WHEN accepted = 1 THEN gain END) mx FROM candidates`,
    )
    .get() as { n: number; a: number; mean: number | null; mn: number | null; mx: number | null };
  const done = db
    .prepare(
      "SELECT COUNT(*) n FROM selections sel JOIN samples s ON s.sample_id = sel.sample_id WHERE s.status = 'done'",
    )
    .get() as { n: number };
  return {
    selected: group("SELECT split k, COUNT(*) n FROM selections GROUP BY split"),
    selectedDone: done.n,
    candidates: c.n,
    accepted: c.a,
    acceptedBySplit: group("SELECT split k, COUNT(*) n FROM candidates WHERE accepted = 1 GROUP BY split"),
    reasons: group("SELECT reason k, COUNT(*) n FROM candidates WHERE reason IS NOT NULL GROUP BY reason"),
    improvements: group(
      "SELECT improvement k, COUNT(*) n FROM candidates WHERE accepted = 1 GROUP BY improvement",
    ),
    gain: c.mean === null ? null : { mean: c.mean, min: c.mn!, max: c.mx! },
  };
}

/** Tasks in a ledger. */
export function taskCount(ledger: Ledger): number {
  return (ledger.db.prepare("SELECT COUNT(*) n FROM tasks").get() as { n: number }).n;
}

/** Accepted candidates in a synthesis ledger. */
export function acceptedCount(ledger: Ledger): number {
  return (ledger.db.prepare("SELECT COUNT(*) n FROM candidates WHERE accepted = 1").get() as { n: number }).n;
}

/** A transition output state of a finished sample: a draft for selection (src/synth/drafts.ts). */
export interface DraftRow {
  task_id: string;
  seq: number;
  sample_id: string;
  sample_index: number;
  state_id: string;
  round: number;
  status: string | null;
  score: number;
  sim_pass: number;
  has_tb: number;
  model: string;
}

/** Drafts of samples with index below `draftsPerRepo`, in (task seq, sample index, round) order. */
export function draftRows(ledger: Ledger, draftsPerRepo = Number.MAX_SAFE_INTEGER): DraftRow[] {
  return ledger.db
    .prepare(
      `SELECT t.task_id, t.seq, s.sample_id, s.sample_index, st.state_id, st.round, st.status, st.score,
              st.sim_pass, st.testbench IS NOT NULL AS has_tb, tr.model
       FROM tasks t JOIN samples s ON s.task_id = t.task_id AND s.status = 'done'
       JOIN states st ON st.sample_id = s.sample_id
       JOIN transitions tr ON tr.output_state_id = st.state_id
       WHERE s.sample_index < ?
       ORDER BY t.seq, s.sample_index, st.round, st.state_id`,
    )
    .all(draftsPerRepo) as DraftRow[];
}

/** The stored repository JSON of a task, or null. */
export function taskRepoJson(ledger: Ledger, taskId: string): string | null {
  const r = ledger.db
    .prepare("SELECT r.repo_json FROM tasks t JOIN repos r ON r.repo_hash = t.repo_hash WHERE t.task_id = ?")
    .get(taskId) as { repo_json: string } | undefined;
  return r?.repo_json ?? null;
}
