// What an evaluation returns and writes to summary.json: the metrics plus what ran and what it cost.
import type { DatasetInfo } from "../data/identity.js";
import type { EvalMetrics } from "./summary.js";

export interface EvalSummary extends EvalMetrics {
  run_dir: string;
  mode: string;
  /** The workflow that produced the run (part of its identity). */
  workflow: { name: string; version: string };
  stop_when: string;
  samples_done: number;
  samples_failed: number;
  failures: { sample_id: string; error: string }[];
  tokens: { prompt: number; completion: number };
  cost_usd: number | null;
  llm: { calls: number; retries: number; failed: number; truncated: number };
  sim: { jobs: number; seconds: number };
  wall_seconds: number;
  /** The dataset by content hash (its path is information only) and its skipped rows. */
  dataset?: DatasetInfo;
  skipped_rows?: string[];
}
