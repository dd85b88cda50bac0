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
import { computeMetrics, groupSampleRounds, type RoundRow } from "../metrics/summary.js";
import type { EvalSummary } from "../metrics/eval-summary.js";
import { Ledger } from "../store/ledger.js";
import { rulesBlock } from "./rules.js";
import { InfraError, type WorkflowConfig } from "./workflow.js";
import { getWorkflow, hasWorkflow, listWorkflows } from "./registry.js";
import { runWorkflowSample, WorkflowUsageError } from "./workflows/runner.js";
import { isWorkflow, STOP_WHEN, WORKFLOW_NAME, type Workflow } from "./workflows/types.js";
import { makeProvider } from "../llm/factory.js";
import { makeExecutor } from "../exec/factory.js";
import { probeSimulatorVersion, VersionGuardExecutor } from "../exec/version-guard.js";
import { doneSampleRounds, llmCallTotals, simJobTotals, unfinishedSamples } from "../store/eval-queries.js";

import { PolicyConfig } from "../llm/config.js";
export { PolicyConfig }; // defined in the LLM tier; re-exported for existing importers

export const EvalConfig = z.object({
  dataset: z.string().min(1),
  format: z.enum(["auto", "native", "cvdp", "codev", "dir"]).default("auto"),
  /** A registered workflow's name (built in: direct, agentic, vanilla); see src/agent/registry.ts. */
  mode: z
    .string()
    .regex(WORKFLOW_NAME, "a workflow name: letters, digits, '.', '_' or '-'")
    .superRefine((name, ctx) => {
      if (WORKFLOW_NAME.test(name) && !hasWorkflow(name))
        ctx.addIssue({
          code: "custom",
          message: `unknown workflow ${name}; registered: ${listWorkflows()
            .map((w) => w.name)
            .join(", ")} (or load one with --workflow FILE)`,
        });
    })
    .default("agentic"),
  /**
   * When a sample's loop stops early: `full` (full coverage, the pre-0.2 behaviour), `target`
   * (also once the coverage targets are met: later rounds cannot change Cov Pass), `never`.
   */
  stopWhen: z.enum(STOP_WHEN).default("full"),
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

/** runEval's input: the config, and optionally a workflow value (it wins over `mode`). */
export type EvalInput = EvalConfigInput & { workflow?: Workflow };

export interface EvalRunOptions {
  runDir: string;
  resume?: boolean;
  /** The policy; built from `policy` (and closed at the end) when not given. */
  llm?: LlmProvider;
  /** Where simulations run; a local pool (closed at the end) when not given. */
  exec?: Executor;
  signal?: AbortSignal;
  /** Samples in flight at once (default: enough to keep both tiers busy). */
  maxInFlight?: number;
  progress?: Omit<ProgressOptions, "label"> | null;
}

// Defined with the metrics so the report layer can read it without importing the eval loop.
export type { EvalSummary } from "../metrics/eval-summary.js";

/** What identifies a run: anything that changes results. Endpoints and concurrency do not. */
export function ledgerIdentity(
  cfg: EvalConfig,
  workflow?: Workflow,
  dataset?: Pick<DatasetInfo, "hash" | "format">,
  /** The simulator version the run uses (probed): two versions never share a run. */
  simulatorVersion?: string,
): Record<string, unknown> {
  const wf = workflow ?? getWorkflow(cfg.mode);
  return {
    ...(simulatorVersion ? { simulator_version: simulatorVersion } : {}),
    workflow: { name: wf.name, version: wf.version },
    stop_when: cfg.stopWhen,
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

/**
 * Evaluates a policy on a dataset with a workflow (`input.workflow`, else the registered one
 * `mode` names) and writes summary.json and report.html into `opts.runDir`.
 */
export async function runEval(input: EvalInput, opts: EvalRunOptions): Promise<EvalSummary> {
  const { workflow: given, ...rest } = input;
  if (given !== undefined && !isWorkflow(given))
    throw new TypeError("runEval: `workflow` must be a value made by defineWorkflow");
  const cfg = EvalConfig.parse(given ? { ...rest, mode: undefined } : rest);
  if (given) cfg.mode = given.name;
  const workflow = given ?? getWorkflow(cfg.mode);
  const llm = opts.llm ?? makeProvider(cfg.policy);
  const exec = opts.exec ?? (await makeExecutor());
  try {
    return await evalRun(cfg, workflow, { ...opts, llm, exec });
  } finally {
    if (!opts.exec) await exec.close();
    if (!opts.llm) await llm.close?.();
  }
}

async function evalRun(
  cfg: EvalConfig,
  workflow: Workflow,
  opts: EvalRunOptions & { llm: LlmProvider; exec: Executor },
): Promise<EvalSummary> {
  const started = Date.now();
  // The dataset is opened and checked before the run directory exists (bad input leaves nothing).
  const scan = await scanDataset(cfg.dataset, { format: cfg.format, limit: cfg.limit });
  const simVersion = await probeSimulatorVersion(opts.exec, cfg.simulator, opts.signal);
  const ledger = Ledger.open(opts.runDir, ledgerIdentity(cfg, workflow, scan.info, simVersion), {
    resume: opts.resume,
  });
  ledger.setMeta("simulator", { name: cfg.simulator, version: simVersion });
  const exec = new VersionGuardExecutor(opts.exec, simVersion === "unknown" ? null : simVersion);
  ledger.setMeta("dataset", scan.info);
  ledger.setMeta("skipped_rows", scan.skipped.map(skippedText)); // each: file:line (id): reason
  const wf: WorkflowConfig & { stopWhen: EvalConfig["stopWhen"] } = {
    mode: cfg.mode,
    rounds: cfg.rounds,
    climb: cfg.climb,
    sampling: cfg.sampling,
    simulator: cfg.simulator,
    limits: cfg.limits,
    stopWhen: cfg.stopWhen,
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
    exec,
    ledger,
    rules: cfg.rules ? rulesBlock(cfg.simulator, simVersion === "unknown" ? undefined : simVersion) : null,
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
            await runWorkflowSample(workflow, item.repo, taskId, i, wf, deps);
            counts.done++;
          } catch (err) {
            counts.failed++;
            ledger.failSample(
              sampleId,
              err instanceof InfraError || err instanceof WorkflowUsageError
                ? err.message
                : `internal error: ${String(err)}`,
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
    ...summarize(ledger, cfg, opts.runDir, started, workflow),
    dataset: scan.info,
    skipped_rows: scan.skipped.slice(0, 50).map(skippedText),
  };
  writeFileSync(join(opts.runDir, "summary.json"), JSON.stringify(summary, null, 2) + "\n");
  ledger.close();
  writeRunReportAfterRun(opts.runDir); // report.html + task pages, read back from the ledger
  return summary;
}

/** Builds the summary from the ledger (so a resumed run counts everything it holds). */
export function summarize(
  ledger: Ledger,
  cfg: EvalConfig,
  runDir: string,
  started: number,
  workflow?: Workflow,
): EvalSummary {
  const wf = workflow ?? getWorkflow(cfg.mode);
  const rows: RoundRow[] = doneSampleRounds(ledger);
  const samples = groupSampleRounds(rows);
  const metrics = computeMetrics(samples, cfg.samples);
  const failures = unfinishedSamples(ledger);
  const llm = llmCallTotals(ledger);
  const sim = simJobTotals(ledger);
  return {
    run_dir: runDir,
    mode: cfg.mode,
    workflow: { name: wf.name, version: wf.version },
    stop_when: cfg.stopWhen,
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
