// The run ledger: one SQLite file per run directory. Every LLM call, simulation and state
// transition is written once, durably (WAL), the moment it happens. Ids are deterministic from
// (run config, task, sample, round), so a killed run resumes without redoing finished work.
// See docs/design/ledger.md.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { hashOf, sha256 } from "../core/hash.js";
import type { SimResult } from "../core/protocol.js";
import type { Repository } from "../core/repository.js";
import {
  ConfigMismatchError,
  LEDGER_FILE,
  RunExistsError,
  SCHEMA,
  SCHEMA_VERSION,
  SYNTH_SCHEMA,
  type LlmCallRecord,
  type StoredCall,
  type StoredState,
  type TransitionRecord,
} from "./ledger-schema.js";

export * from "./ledger-schema.js";

const now = () => new Date().toISOString();

function diffKeys(a: unknown, b: unknown, path = ""): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      diffKeys(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
      ),
    );
  }
  return [`${path || "config"}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`];
}

export class Ledger {
  readonly db: Database.Database;
  readonly configHash: string;

  private constructor(
    readonly runDir: string,
    db: Database.Database,
    configHash: string,
  ) {
    this.db = db;
    this.configHash = configHash;
  }

  /**
   * Opens (creating if needed) the ledger of `runDir` for `config`. An existing run is only
   * continued with `resume`, and only with the same config.
   */
  static open(runDir: string, config: unknown, opts: { resume?: boolean } = {}): Ledger {
    mkdirSync(runDir, { recursive: true });
    const db = new Database(join(runDir, LEDGER_FILE));
    db.pragma("journal_mode = WAL");
    // NORMAL in WAL mode survives a killed process (not a power cut) at far less fsync cost.
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    db.exec(SCHEMA);
    db.exec(SYNTH_SCHEMA);
    const hash = hashOf(config);
    const stored = db.prepare("SELECT value FROM meta WHERE key = 'config'").get() as
      { value: string } | undefined;
    if (stored) {
      const old = JSON.parse(stored.value) as unknown;
      if (hashOf(old) !== hash) {
        db.close();
        throw new ConfigMismatchError(runDir, diffKeys(old, config));
      }
      if (!opts.resume) {
        db.close();
        throw new RunExistsError(runDir);
      }
    } else {
      const put = db.prepare("INSERT INTO meta(key, value) VALUES (?, ?)");
      db.transaction(() => {
        put.run("config", JSON.stringify(config));
        put.run("schema_version", String(SCHEMA_VERSION));
        put.run("created_at", now());
      })();
    }
    return new Ledger(runDir, db, hash);
  }

  /** Opens an existing ledger read-only side of things (export, curation). */
  static openExisting(runDir: string): Ledger {
    const db = new Database(join(runDir, LEDGER_FILE), { fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    const stored = db.prepare("SELECT value FROM meta WHERE key = 'config'").get() as
      { value: string } | undefined;
    if (!stored) throw new Error(`${runDir}: not a llm4cov run ledger (no config)`);
    return new Ledger(runDir, db, hashOf(JSON.parse(stored.value)));
  }

  config<T = unknown>(): T {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'config'").get() as { value: string };
    return JSON.parse(row.value) as T;
  }

  // ---- ids ----
  taskId(repo: Repository): string {
    return repo.id;
  }
  sampleId(taskId: string, sampleIndex: number): string {
    return `${sha256(`${this.configHash}|${taskId}`).slice(0, 16)}:${sampleIndex}`;
  }
  callId(sampleId: string, round: number, role = "policy"): string {
    return `${sampleId}:r${round}:${role}`;
  }
  stateId(sampleId: string, round: number): string {
    return `${sampleId}:s${round}`;
  }
  transitionId(sampleId: string, round: number): string {
    return `${sampleId}:t${round}`;
  }

  // ---- meta entries besides the config (synthesis: `synth`, `lineage`) ----
  setMeta(key: string, value: unknown): void {
    if (key === "config") throw new Error("the run config is written once, by Ledger.open");
    this.db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)").run(key, JSON.stringify(value));
  }
  getMeta<T = unknown>(key: string): T | null {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as
      { value: string } | undefined;
    if (!row) return null;
    try {
      return JSON.parse(row.value) as T;
    } catch {
      return row.value as T; // schema_version, created_at: plain strings
    }
  }

  // ---- writes (each its own transaction) ----
  addTask(repo: Repository, seq: number, source: string): string {
    const repoJson = JSON.stringify(repo);
    const repoHash = sha256(repoJson);
    const taskId = this.taskId(repo);
    this.db.transaction(() => {
      this.db
        .prepare("INSERT OR IGNORE INTO repos(repo_hash, repo_json) VALUES (?, ?)")
        .run(repoHash, repoJson);
      this.db
        .prepare("INSERT OR IGNORE INTO tasks(task_id, repo_hash, source, seq) VALUES (?, ?, ?, ?)")
        .run(taskId, repoHash, source, seq);
    })();
    return taskId;
  }

  startSample(taskId: string, sampleIndex: number): string {
    const id = this.sampleId(taskId, sampleIndex);
    this.db
      .prepare(
        `INSERT INTO samples(sample_id, task_id, sample_index, status, updated_at) VALUES (?, ?, ?, 'running', ?)
         ON CONFLICT(sample_id) DO UPDATE SET status = CASE WHEN status = 'done' THEN 'done' ELSE 'running' END,
         error = CASE WHEN status = 'done' THEN error ELSE NULL END, updated_at = excluded.updated_at`,
      )
      .run(id, taskId, sampleIndex, now());
    return id;
  }

  sampleStatus(sampleId: string): string | null {
    const r = this.db.prepare("SELECT status FROM samples WHERE sample_id = ?").get(sampleId) as
      { status: string } | undefined;
    return r?.status ?? null;
  }

  finishSample(sampleId: string, best: { stateId: string | null; score: number }, rounds: number): void {
    this.db
      .prepare(
        "UPDATE samples SET status='done', best_state_id=?, best_score=?, rounds=?, updated_at=? WHERE sample_id=?",
      )
      .run(best.stateId, best.score, rounds, now(), sampleId);
  }

  failSample(sampleId: string, error: string): void {
    this.db
      .prepare("UPDATE samples SET status='error', error=?, updated_at=? WHERE sample_id=?")
      .run(error, now(), sampleId);
  }

  recordCall(rec: LlmCallRecord): string {
    return this.recordCallAs(this.callId(rec.sampleId, rec.round, rec.role), rec);
  }

  /** recordCall under an explicit id (synthesis: k candidate calls per input state). */
  recordCallAs(id: string, rec: LlmCallRecord): string {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO llm_calls(call_id, sample_id, round, role, model, endpoint, messages_json, answer,
         reasoning, finish_reason, truncated, prompt_tokens, completion_tokens, cost_usd, latency_ms, retries, error, created_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(
        id,
        rec.sampleId,
        rec.round,
        rec.role,
        rec.model,
        rec.endpoint,
        JSON.stringify(rec.messages),
        rec.answer,
        rec.reasoning,
        rec.finishReason,
        rec.truncated ? 1 : 0,
        rec.promptTokens,
        rec.completionTokens,
        rec.costUsd,
        rec.latencyMs,
        rec.retries,
        rec.error,
        now(),
      );
    return id;
  }

  /** A finished (answered) call, for resume; failed calls are redone. */
  findCall(callId: string): StoredCall | null {
    const r = this.db
      .prepare(
        "SELECT call_id, answer, reasoning, finish_reason, truncated, error FROM llm_calls WHERE call_id = ?",
      )
      .get(callId) as
      | {
          call_id: string;
          answer: string | null;
          reasoning: string | null;
          finish_reason: string | null;
          truncated: number;
          error: string | null;
        }
      | undefined;
    if (!r || r.error !== null || r.answer === null) return null;
    return {
      callId: r.call_id,
      answer: r.answer,
      reasoning: r.reasoning,
      finishReason: r.finish_reason,
      truncated: !!r.truncated,
      error: r.error,
    };
  }

  /** Writes the output state of a round and its transition together, atomically. */
  recordTransition(t: TransitionRecord): string {
    const ids = {
      stateId: this.stateId(t.sampleId, t.round),
      transitionId: this.transitionId(t.sampleId, t.round),
    };
    return this.recordTransitionAs(ids, t);
  }

  /** recordTransition under explicit state and transition ids (synthesis candidates). */
  recordTransitionAs(ids: { stateId: string; transitionId: string }, t: TransitionRecord): string {
    const { stateId, transitionId } = ids;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT OR REPLACE INTO states(state_id, sample_id, round, testbench, parse_error, status, score, sim_pass,
           cov_pass, result_json, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
        )
        .run(
          stateId,
          t.sampleId,
          t.round,
          t.testbench,
          t.parseError,
          t.result?.status ?? null,
          t.score,
          t.simPass ? 1 : 0,
          t.covPass ? 1 : 0,
          t.result ? JSON.stringify(t.result) : null,
          now(),
        );
      this.db
        .prepare(
          `INSERT OR REPLACE INTO transitions(transition_id, sample_id, round, input_state_id, output_state_id, llm_call_id, model, created_at)
           VALUES (?,?,?,?,?,?,?,?)`,
        )
        .run(transitionId, t.sampleId, t.round, t.inputStateId, stateId, t.callId, t.model, now());
      if (t.sim)
        this.db
          .prepare(
            "INSERT OR REPLACE INTO sim_jobs(job_id, state_id, executor, status, attempts, ms, created_at) VALUES (?,?,?,?,?,?,?)",
          )
          .run(
            `${stateId}:sim`,
            stateId,
            t.sim.executor,
            t.result?.status ?? "none",
            t.sim.attempts,
            t.sim.ms,
            now(),
          );
    })();
    return stateId;
  }

  findState(stateId: string): StoredState | null {
    const r = readStateRow(this, stateId);
    return r ? toState(r) : null;
  }

  statesOfSample(sampleId: string): StoredState[] {
    return (
      this.db.prepare("SELECT * FROM states WHERE sample_id = ? ORDER BY round").all(sampleId) as StateRow[]
    ).map(toState);
  }

  close(): void {
    this.db.close();
  }
}

/** A `states` row as stored (synthesis copies rows between ledgers verbatim). */
export interface StateRow {
  state_id: string;
  sample_id: string;
  round: number;
  testbench: string | null;
  parse_error: string | null;
  status: string | null;
  score: number;
  sim_pass: number;
  cov_pass: number;
  result_json: string | null;
}

export function readStateRow(ledger: Ledger, stateId: string): StateRow | null {
  return (
    (ledger.db.prepare("SELECT * FROM states WHERE state_id = ?").get(stateId) as StateRow | undefined) ??
    null
  );
}

function toState(r: StateRow): StoredState {
  return {
    stateId: r.state_id,
    sampleId: r.sample_id,
    round: r.round,
    testbench: r.testbench,
    parseError: r.parse_error,
    status: r.status,
    score: r.score,
    result: r.result_json ? (JSON.parse(r.result_json) as SimResult) : null,
  };
}
