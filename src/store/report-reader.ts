// Read-only queries behind `llm4cov report` (src/report). Opens a run's ledger with SQLite's
// read-only flag, so a report can never change a run, and streams the heavy rows (testbenches,
// results, prompts) one task at a time so a large run never sits in memory whole.
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { LEDGER_FILE } from "./ledger-schema.js";
import type { StateRow } from "./ledger.js";

/** Coverage families a result may carry; older results lack expression and fsm. */
export const FAMILIES = ["line", "branch", "toggle", "expression", "fsm", "user"] as const;
export type Family = (typeof FAMILIES)[number];

export class NotARunError extends Error {
  constructor(
    readonly runDir: string,
    why: string,
  ) {
    super(`${runDir}: ${why}`);
    this.name = "NotARunError";
  }
}

/** One stored state with the light fields the run overview needs (no testbench, no log). */
export interface LightState {
  sample_id: string;
  task_id: string;
  sample_index: number;
  state_id: string;
  round: number;
  score: number;
  sim_pass: number;
  cov_pass: number;
  status: string | null;
  parse_error: string | null;
  version: string | null;
  sim_name: string | null;
  diagnostics: string | null;
  uncovered_total: number | null;
  /** Family fractions, null when not measured (or not present in this result's schema). */
  line: number | null;
  branch: number | null;
  toggle: number | null;
  expression: number | null;
  fsm: number | null;
  user: number | null;
}

export interface TaskRow {
  task_id: string;
  seq: number;
  source: string | null;
  repo_hash: string;
}

export interface SampleRow {
  sample_id: string;
  task_id: string;
  sample_index: number;
  status: string;
  error: string | null;
  best_state_id: string | null;
  best_score: number | null;
  rounds: number;
}

/** A state with everything a task page shows: testbench, result, the LLM call that made it. */
export interface FullState extends StateRow {
  input_state_id: string | null;
  call_id: string | null;
  model: string | null;
  messages_json: string | null;
  answer: string | null;
  reasoning: string | null;
  finish_reason: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  latency_ms: number | null;
  call_error: string | null;
  accepted: number | null;
  reason: string | null;
  gain: number | null;
}

export interface LlmTotals {
  calls: number;
  failed: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number | null;
  unknown_cost: number;
  models: string | null;
  first_at: string | null;
  last_at: string | null;
}

export interface CandidateRow {
  task_id: string;
  sample_id: string;
  accepted: number;
  reason: string | null;
  gain: number;
  input_score: number;
  output_score: number;
}

const fam = (f: string) => `json_extract(st.result_json, '$.coverage.${f}') AS ${f}`;

export class RunReader {
  private constructor(
    readonly runDir: string,
    private readonly db: Database.Database,
  ) {}

  static open(runDir: string): RunReader {
    const file = join(runDir, LEDGER_FILE);
    if (!existsSync(file))
      throw new NotARunError(runDir, `no ${LEDGER_FILE} here (not a llm4cov run directory)`);
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      db.pragma("busy_timeout = 5000");
      db.prepare("SELECT value FROM meta WHERE key = 'config'").get();
    } catch (err) {
      throw new NotARunError(runDir, `${LEDGER_FILE} is not a llm4cov ledger (${(err as Error).message})`);
    }
    return new RunReader(runDir, db);
  }

  /** Every meta entry, JSON-decoded where it is JSON. */
  meta(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const r of this.db.prepare("SELECT key, value FROM meta").all() as {
      key: string;
      value: string;
    }[]) {
      try {
        out[r.key] = JSON.parse(r.value);
      } catch {
        out[r.key] = r.value;
      }
    }
    return out;
  }

  tasks(): TaskRow[] {
    return this.db
      .prepare("SELECT task_id, seq, source, repo_hash FROM tasks ORDER BY seq, task_id")
      .all() as TaskRow[];
  }

  repoJson(repoHash: string): string | null {
    const r = this.db.prepare("SELECT repo_json FROM repos WHERE repo_hash = ?").get(repoHash) as
      { repo_json: string } | undefined;
    return r?.repo_json ?? null;
  }

  samples(): SampleRow[] {
    return this.db.prepare("SELECT * FROM samples ORDER BY task_id, sample_index").all() as SampleRow[];
  }

  /**
   * States of finished samples, ordered as the eval summary orders them (task, sample, round),
   * so metrics computed from these rows equal summary.json's.
   */
  lightStates(): LightState[] {
    return this.db
      .prepare(
        `SELECT s.sample_id, s.task_id, s.sample_index, st.state_id, st.round, st.score, st.sim_pass, st.cov_pass,
                st.status, st.parse_error, json_extract(st.result_json, '$.simulator.version') AS version,
                json_extract(st.result_json, '$.simulator.name') AS sim_name,
                json_extract(st.result_json, '$.diagnostics') AS diagnostics,
                json_extract(st.result_json, '$.coverage.uncoveredTotal') AS uncovered_total,
                ${["line", "branch", "toggle", "expression", "fsm", "user"].map(fam).join(", ")}
         FROM samples s JOIN states st ON st.sample_id = s.sample_id WHERE s.status = 'done'
         ORDER BY s.task_id, s.sample_index, st.round, st.state_id`,
      )
      .all() as LightState[];
  }

  /** Every state of one task's samples with its LLM call and (synthesis) candidate decision. */
  statesOfTask(taskId: string): FullState[] {
    return this.db
      .prepare(
        `SELECT st.state_id, st.sample_id, st.round, st.testbench, st.parse_error, st.status, st.score, st.sim_pass,
                st.cov_pass, st.result_json, t.input_state_id, c.call_id, c.model, c.messages_json, c.answer,
                c.reasoning, c.finish_reason, c.prompt_tokens, c.completion_tokens, c.latency_ms,
                c.error AS call_error, cd.accepted, cd.reason, cd.gain
         FROM samples s JOIN states st ON st.sample_id = s.sample_id
         LEFT JOIN transitions t ON t.sample_id = st.sample_id AND t.output_state_id = st.state_id
         LEFT JOIN llm_calls c ON c.call_id = t.llm_call_id
         LEFT JOIN candidates cd ON cd.sample_id = st.sample_id AND cd.output_state_id = st.state_id
         WHERE s.task_id = ? ORDER BY s.sample_index, st.round, st.state_id`,
      )
      .all(taskId) as FullState[];
  }

  llmTotals(): LlmTotals {
    return this.db
      .prepare(
        `SELECT COUNT(*) calls, COALESCE(SUM(error IS NOT NULL),0) failed, COALESCE(SUM(prompt_tokens),0) prompt_tokens,
         COALESCE(SUM(completion_tokens),0) completion_tokens, SUM(cost_usd) cost,
         COALESCE(SUM(cost_usd IS NULL AND error IS NULL),0) unknown_cost, GROUP_CONCAT(DISTINCT model) models,
         MIN(created_at) first_at, MAX(created_at) last_at FROM llm_calls`,
      )
      .get() as LlmTotals;
  }

  simTotals(): { jobs: number; ms: number; last_at: string | null } {
    return this.db
      .prepare("SELECT COUNT(*) jobs, COALESCE(SUM(ms),0) ms, MAX(created_at) last_at FROM sim_jobs")
      .get() as { jobs: number; ms: number; last_at: string | null };
  }

  candidates(): CandidateRow[] {
    return this.db
      .prepare(
        `SELECT task_id, sample_id, accepted, reason, gain, input_score, output_score FROM candidates
         ORDER BY task_id, sample_id, candidate_index`,
      )
      .all() as CandidateRow[];
  }

  close(): void {
    this.db.close();
  }
}
