// The main job: evaluate a policy on a dataset. Streams the dataset, runs samples with bounded
// concurrency (LLM calls and simulations are bounded separately by their own tiers), stores
// everything in the run ledger, and ends with summary.json.
import { writeFileSync } from "node:fs";
import { resolve, join } from "node:path";
import PQueue from "p-queue";
import { z } from "zod";
import { SimLimits, SimulatorName } from "../core/protocol.js";
import { openDataset } from "../data/index.js";
import { scanDataset, skippedText, type DatasetInfo } from "../data/identity.js";
import type { Executor } from "../exec/executor.js";
import type { LlmProvider } from "../llm/types.js";
import { ProgressReporter, type ProgressOptions } from "../report/progress.js";
import { writeRunReportAfterRun } from "../report/write.js";
import { computeMetrics, groupSampleRounds, type EvalMetrics, type RoundRow } from "../metrics/summary.js";
import { Ledger } from "../store/ledger.js";
import { rulesBlock } from "./rules.js";
import { InfraError, runSample, type WorkflowConfig } from "./workflow.js";

export const PolicyConfig = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("builtin") }),
  z.object({
    kind: z.literal("openai"),
    endpoints: z.array(z.string().url()).min(1),
    model: z.string().min(1),
    apiKeyEnv: z.string().optional(),
    concurrency: z.number().int().positive().default(16),
    timeoutMs: z.number().int().positive().default(600_000),
  }),
]);
export type PolicyConfig = z.infer<typeof PolicyConfig>;

export const EvalConfig = z.object({
  dataset: z.string().min(1),
  format: z.enum(["auto", "native", "cvdp", "codev", "dir"]).default("auto"),
  mode: z.enum(["direct", "agentic", "vanilla"]).default("agentic"),
  rounds: z.number().int().min(0).max(50).default(3),
  samples: z.number().int().min(1).max(1000).default(5),
  climb: z.boolean().default(false),
  sampling: z
    .object({
      temperature: z.number().min(0).max(2).default(0.7),
      topP: z.number().gt(0).max(1).default(0.8),
      maxTokens: z.number().int().positive().default(8192),
    })
    .default({ temperature: 0.7, topP: 0.8, maxTokens: 8192 }),
  rules: z.boolean().default(false),
  simulator: SimulatorName.default("verilator"),
  limits: SimLimits.default(SimLimits.parse({})),
  policy: PolicyConfig.default({ kind: "builtin" }),
  /** Evaluate only the first N tasks. */
  limit: z.number().int().positive().optional(),
});
export type EvalConfig = z.infer<typeof EvalConfig>;
export type EvalConfigInput = z.input<typeof EvalConfig>;

export interface EvalRunOptions {
  runDir: string;
  resume?: boolean;
  llm: LlmProvider;
  exec: Executor;
  signal?: AbortSignal;
  /** Samples in flight at once (default: enough to keep both tiers busy). */
  maxInFlight?: number;
  progress?: Omit<ProgressOptions, "label"> | null;
}

export interface EvalSummary extends EvalMetrics {
  run_dir: string;
  mode: string;
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

/** What identifies a run: anything that changes results. Endpoints and concurrency do not. */
export function ledgerIdentity(
  cfg: EvalConfig,
  dataset?: Pick<DatasetInfo, "hash" | "format">,
): Record<string, unknown> {
  return {
    // By content, not path: a moved or renamed dataset is the same run (docs/decisions.md).
    dataset: dataset ? { sha256: dataset.hash } : resolve(cfg.dataset),
    format: dataset?.format ?? cfg.format,
    mode: cfg.mode,
    rounds: cfg.mode === "direct" ? 0 : cfg.rounds,
    samples: cfg.samples,
    climb: cfg.climb,
    sampling: cfg.sampling,
    rules: cfg.rules,
    simulator: cfg.simulator,
    limits: cfg.limits,
    model: cfg.policy.kind === "builtin" ? "llm4cov-builtin" : cfg.policy.model,
    limit: cfg.limit ?? null,
  };
}

export async function runEval(input: EvalConfigInput, opts: EvalRunOptions): Promise<EvalSummary> {
  const cfg = EvalConfig.parse(input);
  const started = Date.now();
  // The dataset is opened and checked before the run directory exists (bad input leaves nothing).
  const scan = await scanDataset(cfg.dataset, { format: cfg.format, limit: cfg.limit });
  const ledger = Ledger.open(opts.runDir, ledgerIdentity(cfg, scan.info), { resume: opts.resume });
  ledger.setMeta("dataset", scan.info);
  const wf: WorkflowConfig = {
    mode: cfg.mode,
    rounds: cfg.rounds,
    climb: cfg.climb,
    sampling: cfg.sampling,
    simulator: cfg.simulator,
    limits: cfg.limits,
  };
  const slots = opts.exec.stats().slots || 2;
  const inFlight = opts.maxInFlight ?? Math.max(4, slots * 3);
  const queue = new PQueue({ concurrency: inFlight });
  const counts = { done: 0, failed: 0, total: 0, llmRequested: 0, simRequested: 0 };
  counts.total = scan.info.rows * cfg.samples;
  const reporter = opts.progress
    ? new ProgressReporter(
        () => {
          const ex = opts.exec.stats();
          const llmRunning = opts.llm.inFlight();
          return {
            done: counts.done,
            total: counts.total,
            failed: counts.failed,
            llmRunning,
            llmWaiting: Math.max(0, counts.llmRequested - llmRunning),
            simRunning: ex.running,
            simWaiting: Math.max(ex.queued, counts.simRequested - ex.running),
          };
        },
        { ...opts.progress, label: `eval ${cfg.mode}` },
      )
    : null;
  const deps = {
    llm: opts.llm,
    exec: opts.exec,
    ledger,
    rules: cfg.rules ? rulesBlock(cfg.simulator) : null,
    signal: opts.signal,
    onStage: (stage: "llm" | "sim", delta: 1 | -1) => {
      if (stage === "llm") counts.llmRequested += delta;
      else counts.simRequested += delta;
    },
  };

  try {
    let seq = 0;
    // Skipped rows (counted by the scan) neither abort the run nor count as tasks.
    for await (const item of openDataset(cfg.dataset, { format: scan.info.format, skipInvalid: true })) {
      if (opts.signal?.aborted) break;
      if ("skipped" in item) continue;
      if (cfg.limit !== undefined && seq >= cfg.limit) break;
      const taskId = ledger.addTask(
        item.repo,
        seq++,
        `${item.source.file}${item.source.line ? `:${item.source.line}` : ""}`,
      );
      for (let i = 0; i < cfg.samples; i++) {
        const sampleId = ledger.sampleId(taskId, i);
        if (ledger.sampleStatus(sampleId) === "done") {
          counts.done++;
          continue;
        }
        // Backpressure: the dataset is read only as fast as samples finish.
        await queue.onSizeLessThan(inFlight);
        void queue.add(async () => {
          try {
            await runSample(item.repo, taskId, i, wf, deps);
            counts.done++;
          } catch (err) {
            counts.failed++;
            ledger.failSample(
              sampleId,
              err instanceof InfraError ? err.message : `internal error: ${String(err)}`,
            );
          }
        });
      }
    }
    await queue.onIdle();
  } finally {
    reporter?.stop();
  }
  const summary: EvalSummary = {
    ...summarize(ledger, cfg, opts.runDir, started),
    dataset: scan.info,
    skipped_rows: scan.skipped.slice(0, 50).map(skippedText),
  };
  writeFileSync(join(opts.runDir, "summary.json"), JSON.stringify(summary, null, 2) + "\n");
  ledger.close();
  writeRunReportAfterRun(opts.runDir); // report.html + task pages, read back from the ledger
  return summary;
}

/** Builds the summary from the ledger (so a resumed run counts everything it holds). */
export function summarize(ledger: Ledger, cfg: EvalConfig, runDir: string, started: number): EvalSummary {
  const db = ledger.db;
  const rows = db
    .prepare(
      `SELECT s.sample_id, s.task_id, s.sample_index, st.round, st.score, st.sim_pass, st.cov_pass
       FROM samples s JOIN states st ON st.sample_id = s.sample_id WHERE s.status = 'done'
       ORDER BY s.task_id, s.sample_index, st.round`,
    )
    .all() as RoundRow[];
  const samples = groupSampleRounds(rows);
  const metrics = computeMetrics(samples, cfg.samples);
  const failures = db.prepare("SELECT sample_id, error FROM samples WHERE status != 'done'").all() as {
    sample_id: string;
    error: string | null;
  }[];
  const llm = db
    .prepare(
      `SELECT COUNT(*) calls, COALESCE(SUM(retries),0) retries, COALESCE(SUM(error IS NOT NULL),0) failed,
       COALESCE(SUM(truncated),0) truncated, COALESCE(SUM(prompt_tokens),0) pt, COALESCE(SUM(completion_tokens),0) ct,
       SUM(cost_usd) cost, SUM(cost_usd IS NULL AND error IS NULL) unknown_cost FROM llm_calls`,
    )
    .get() as {
    calls: number;
    retries: number;
    failed: number;
    truncated: number;
    pt: number;
    ct: number;
    cost: number | null;
    unknown_cost: number;
  };
  const sim = db.prepare("SELECT COUNT(*) jobs, COALESCE(SUM(ms),0) ms FROM sim_jobs").get() as {
    jobs: number;
    ms: number;
  };
  return {
    run_dir: runDir,
    mode: cfg.mode,
    ...metrics,
    samples_done: samples.length,
    samples_failed: failures.length,
    failures: failures.slice(0, 50).map((f) => ({ sample_id: f.sample_id, error: f.error ?? "interrupted" })),
    tokens: { prompt: llm.pt, completion: llm.ct },
    // Unknown price is not zero: any call without a price makes the total unknown.
    cost_usd: llm.unknown_cost > 0 ? null : (llm.cost ?? 0),
    llm: { calls: llm.calls, retries: llm.retries, failed: llm.failed, truncated: llm.truncated },
    sim: { jobs: sim.jobs, seconds: sim.ms / 1000 },
    wall_seconds: (Date.now() - started) / 1000,
  };
}
