// The eval summary's reads of a run ledger (SQL lives in src/store only).
import type { RoundRow } from "../core/state.js";
import type { Ledger } from "./ledger.js";

export function doneSampleRounds(ledger: Ledger): RoundRow[] {
  return ledger.db
    .prepare(
      `SELECT s.sample_id, s.task_id, s.sample_index, st.round, st.score, st.sim_pass, st.cov_pass
       FROM samples s JOIN states st ON st.sample_id = s.sample_id WHERE s.status = 'done'
       ORDER BY s.task_id, s.sample_index, st.round`,
    )
    .all() as RoundRow[];
}

export function unfinishedSamples(ledger: Ledger): { sample_id: string; error: string | null }[] {
  return ledger.db.prepare("SELECT sample_id, error FROM samples WHERE status != 'done'").all() as {
    sample_id: string;
    error: string | null;
  }[];
}

export interface LlmCallTotals {
  calls: number;
  retries: number;
  failed: number;
  truncated: number;
  pt: number;
  ct: number;
  cost: number | null;
  unknown_cost: number;
}

export function llmCallTotals(ledger: Ledger): LlmCallTotals {
  return ledger.db
    .prepare(
      `SELECT COUNT(*) calls, COALESCE(SUM(retries),0) retries, COALESCE(SUM(error IS NOT NULL),0) failed,
       COALESCE(SUM(truncated),0) truncated, COALESCE(SUM(prompt_tokens),0) pt, COALESCE(SUM(completion_tokens),0) ct,
       SUM(cost_usd) cost, SUM(cost_usd IS NULL AND error IS NULL) unknown_cost FROM llm_calls`,
    )
    .get() as LlmCallTotals;
}

export function simJobTotals(ledger: Ledger): { jobs: number; ms: number } {
  return ledger.db.prepare("SELECT COUNT(*) jobs, COALESCE(SUM(ms),0) ms FROM sim_jobs").get() as {
    jobs: number;
    ms: number;
  };
}

/** The input state a stored transition started from (undefined: no such transition). */
export function transitionInput(ledger: Ledger, transitionId: string): string | null | undefined {
  const r = ledger.db
    .prepare("SELECT input_state_id FROM transitions WHERE transition_id = ?")
    .get(transitionId) as { input_state_id: string | null } | undefined;
  return r ? r.input_state_id : undefined;
}
