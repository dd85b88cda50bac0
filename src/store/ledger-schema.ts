// The run ledger's SQL schema, its record types and errors (the Ledger class is in ledger.ts).
import type { SimResult } from "../core/protocol.js";
import type { ChatMessage } from "../core/chat.js";

export const LEDGER_FILE = "ledger.sqlite";
export const SCHEMA_VERSION = 1;

/**
 * Synthesis (docs/synthesis.md): one \`selections\` row per selected input state (a synthesis
 * sample), one \`candidates\` row per candidate transition with the rejection decision. Empty in
 * eval runs.
 */
export const SYNTH_SCHEMA = `
CREATE TABLE IF NOT EXISTS selections (
  sample_id TEXT PRIMARY KEY, task_id TEXT NOT NULL, input_state_id TEXT NOT NULL, source_run TEXT NOT NULL,
  source_state_id TEXT NOT NULL, split TEXT NOT NULL, fill INTEGER NOT NULL DEFAULT 0, state_model TEXT NOT NULL,
  input_score REAL NOT NULL, input_status TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS candidates (
  candidate_id TEXT PRIMARY KEY, sample_id TEXT NOT NULL, task_id TEXT NOT NULL, candidate_index INTEGER NOT NULL,
  input_state_id TEXT NOT NULL, output_state_id TEXT NOT NULL, split TEXT NOT NULL, accepted INTEGER NOT NULL,
  reason TEXT, improvement TEXT, gain REAL NOT NULL, input_score REAL NOT NULL, output_score REAL NOT NULL,
  created_at TEXT NOT NULL, UNIQUE(sample_id, candidate_index));
CREATE INDEX IF NOT EXISTS candidates_accepted ON candidates(accepted, task_id);
`;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS repos (repo_hash TEXT PRIMARY KEY, repo_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tasks (
  task_id TEXT PRIMARY KEY, repo_hash TEXT NOT NULL REFERENCES repos(repo_hash),
  source TEXT, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS samples (
  sample_id TEXT PRIMARY KEY, task_id TEXT NOT NULL REFERENCES tasks(task_id), sample_index INTEGER NOT NULL,
  status TEXT NOT NULL, error TEXT, best_state_id TEXT, best_score REAL, rounds INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL, UNIQUE(task_id, sample_index));
CREATE TABLE IF NOT EXISTS llm_calls (
  call_id TEXT PRIMARY KEY, sample_id TEXT NOT NULL, round INTEGER NOT NULL, role TEXT NOT NULL,
  model TEXT NOT NULL, endpoint TEXT NOT NULL, messages_json TEXT NOT NULL, answer TEXT, reasoning TEXT,
  finish_reason TEXT, truncated INTEGER, prompt_tokens INTEGER, completion_tokens INTEGER, cost_usd REAL,
  latency_ms REAL, retries INTEGER, error TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS states (
  state_id TEXT PRIMARY KEY, sample_id TEXT NOT NULL, round INTEGER NOT NULL, testbench TEXT,
  parse_error TEXT, status TEXT, score REAL NOT NULL, sim_pass INTEGER NOT NULL DEFAULT 0,
  cov_pass INTEGER NOT NULL DEFAULT 0, result_json TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS transitions (
  transition_id TEXT PRIMARY KEY, sample_id TEXT NOT NULL, round INTEGER NOT NULL,
  input_state_id TEXT, output_state_id TEXT NOT NULL REFERENCES states(state_id),
  llm_call_id TEXT NOT NULL REFERENCES llm_calls(call_id), model TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sim_jobs (
  job_id TEXT PRIMARY KEY, state_id TEXT NOT NULL, executor TEXT NOT NULL, status TEXT NOT NULL,
  attempts INTEGER NOT NULL, ms REAL NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS states_by_sample ON states(sample_id, round);
CREATE INDEX IF NOT EXISTS transitions_by_sample ON transitions(sample_id, round);
`;

export class ConfigMismatchError extends Error {
  constructor(
    readonly runDir: string,
    readonly differences: string[],
  ) {
    super(
      `${runDir} holds a run with a different configuration (${differences.slice(0, 5).join("; ")}). ` +
        `Use another --out directory, or the same configuration with --resume.`,
    );
    this.name = "ConfigMismatchError";
  }
}

export class RunExistsError extends Error {
  constructor(readonly runDir: string) {
    super(`${runDir} already holds a run; pass --resume to continue it, or choose another --out directory`);
    this.name = "RunExistsError";
  }
}

export interface StoredCall {
  callId: string;
  answer: string | null;
  reasoning: string | null;
  finishReason: string | null;
  truncated: boolean;
  error: string | null;
}

export interface StoredState {
  stateId: string;
  sampleId: string;
  round: number;
  testbench: string | null;
  parseError: string | null;
  status: string | null;
  score: number;
  result: SimResult | null;
}

export interface LlmCallRecord {
  sampleId: string;
  round: number;
  role: "policy" | "state_model" | "transition_model";
  model: string;
  endpoint: string;
  messages: ChatMessage[];
  answer: string | null;
  reasoning: string | null;
  finishReason: string | null;
  truncated: boolean;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  latencyMs: number;
  retries: number;
  error: string | null;
}

export interface TransitionRecord {
  sampleId: string;
  round: number;
  inputStateId: string | null;
  callId: string;
  model: string;
  testbench: string | null;
  parseError: string | null;
  result: SimResult | null;
  score: number;
  simPass: boolean;
  covPass: boolean;
  sim?: { executor: string; attempts: number; ms: number };
}
