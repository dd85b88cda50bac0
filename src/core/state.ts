// The memoryless state s_t = (R, tb_t, o_t) of SPEC §2, and the scalar coverage C(o).
import type { Repository } from "./repository.js";
import type { SimResult, SimStatus } from "./protocol.js";

export interface State {
  repo: Repository;
  /** The complete current testbench; null in s_0 and after an answer with no testbench. */
  testbench: string | null;
  /** The simulator's observation of `testbench`; null in s_0 and after a parse failure. */
  result: SimResult | null;
  /** Set when the model's answer held no usable testbench (recorded, never thrown). */
  parseError?: string;
}

export function initialState(repo: Repository): State {
  return { repo, testbench: null, result: null };
}

/** Statuses where the simulation ran to its end (no_finish: ran out of events, as xrun would end). */
export function isSimSuccess(status: SimStatus | undefined | null): boolean {
  return status === "pass" || status === "no_finish";
}

/** C(o) in [0,1]: the DUT coverage score; a failed simulation or a missing testbench scores 0. */
export function coverageScore(result: SimResult | null | undefined): number {
  if (!result || !isSimSuccess(result.status)) return 0;
  return result.coverage?.score ?? 0;
}

/** A stored state's round outcome in a finished sample, as the ledger holds it. */
export interface RoundRow {
  sample_id: string;
  task_id: string;
  sample_index: number;
  round: number;
  score: number;
  sim_pass: number;
  cov_pass: number;
}
