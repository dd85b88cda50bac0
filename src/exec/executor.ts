// The executor extension point: where simulations run (local pool, SSH hosts, a job queue).
// Every implementation passes the same conformance suite (test/executor-conformance.ts).
import type { SimRequestInput, SimResult } from "../core/protocol.js";

export interface ExecutorStats {
  queued: number;
  running: number;
  done: number;
  failed: number;
  slots: number;
}

export interface Executor {
  readonly name: string;
  /** Runs one job; resolves with a result for every testbench outcome, including infra_error. */
  run(request: SimRequestInput, signal?: AbortSignal): Promise<SimResult>;
  stats(): ExecutorStats;
  /** Waits for running jobs, then releases resources. */
  close(): Promise<void>;
}
