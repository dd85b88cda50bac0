// `llm4cov synth`: one synthesis stage (paper §3.3-3.4). Drafts (reused or sampled with the state
// model) -> state selection -> k candidate transitions per selected state from the transition
// model (memoryless prompt of the true input state) -> simulation -> coverage-guided rejection.
// Everything is stored as it happens in <out>/ledger.sqlite; --resume redoes nothing finished.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import PQueue from "p-queue";
import { runEval } from "../agent/eval.js";
import { buildMemorylessPrompt } from "../agent/prompt.js";
import { rulesBlock } from "../agent/rules.js";
import { probeSimulatorVersion, VersionGuardExecutor } from "../exec/version-guard.js";
import { InfraError, runTransition, type TransitionSlot, type WorkflowDeps } from "../agent/workflow.js";
import type { SimResult } from "../core/protocol.js";
import type { Repository } from "../core/repository.js";
import { isSimSuccess, type State } from "../core/state.js";
import type { Executor } from "../exec/executor.js";
import { makeProvider } from "../llm/factory.js";
import type { LlmProvider } from "../llm/types.js";
import { ProgressReporter, type ProgressOptions } from "../report/progress.js";
import { writeRunReportAfterRun } from "../report/write.js";
import { Ledger } from "../store/ledger.js";
import { taskCount } from "../store/synth-store.js";
import { scanDataset } from "../data/identity.js";
import { policyModel, SynthConfigError, type ResolvedStage, type Role } from "./config.js";
import {
  loadDrafts,
  loadRepo,
  openRun,
  readSelection,
  selectFromDrafts,
  writeSelection,
  type SelectionRecord,
} from "./drafts.js";
import { buildLineage, readPreviousRun, rolePolicy, synthIdentity, synthMeta } from "./lineage.js";
import { decide, type Observed } from "./rejection.js";
import {
  candidateIds,
  inputStateId,
  readStateRow,
  recordDecisions,
  recordSelected,
  type StateRow,
} from "./store.js";
import { summarizeSynth, type DraftStats, type SynthSummary } from "./summary.js";

export interface SynthRunOptions {
  resume?: boolean;
  exec: Executor;
  /** Providers of the two models (default: built from the stage's policies). */
  llm?: { state?: LlmProvider; transition?: LlmProvider };
  signal?: AbortSignal;
  /** Selected states in flight at once (each runs its k candidates together). */
  maxInFlight?: number;
  progress?: Omit<ProgressOptions, "label"> | null;
}

/** A state as rejection sees it. */
export function observe(s: {
  testbench: string | null;
  status: string | null;
  score: number;
  result: SimResult | null;
}): Observed {
  const cov = s.result?.coverage;
  return {
    score: s.score,
    simPass: isSimSuccess(s.status as SimResult["status"] | null),
    hasTestbench: s.testbench !== null,
    metrics: cov ? { line: cov.line, branch: cov.branch, toggle: cov.toggle } : null,
    testbenchLength: s.testbench?.length ?? 0,
  };
}

const parseResult = (row: StateRow) => (row.result_json ? (JSON.parse(row.result_json) as SimResult) : null);

/** Opens each source run once (drafts usually come from one run). */
class Sources {
  private readonly open = new Map<string, Ledger>();
  get(dir: string): Ledger {
    let l = this.open.get(dir);
    if (!l) this.open.set(dir, (l = openRun(dir)));
    return l;
  }
  close(): void {
    for (const l of this.open.values()) l.close();
  }
}

interface Selected {
  records: SelectionRecord[];
  stats: DraftStats;
  draftsRun: string | null;
}

/** Step 1: the drafts (sampled now with the state model, or reused) and their selection. */
async function selectInputs(
  st: ResolvedStage,
  opts: SynthRunOptions,
  stateLlm: () => LlmProvider,
  sources: Sources,
): Promise<Selected> {
  const c = st.config;
  if (c.drafts.selection) {
    const records = readSelection(c.drafts.selection);
    const tasks = new Set(records.map((r) => r.task_id)).size;
    return { records, stats: { run: null, tasks, drafts: null, waiting: 0, empty: 0 }, draftsRun: null };
  }
  let draftsRun = c.drafts.from_run!;
  let perTask: number | undefined;
  if (c.drafts.sample) {
    draftsRun = join(st.out, "drafts");
    perTask = c.drafts_per_repo ?? 5;
    await runEval(
      {
        dataset: c.dataset!,
        format: c.format,
        mode: c.drafts.sample.mode,
        rounds: c.drafts.sample.rounds,
        samples: perTask,
        sampling: c.sampling,
        rules: c.rules,
        simulator: c.simulator,
        limits: c.limits,
        policy: rolePolicy(st, c.state_model),
        limit: c.limit,
      },
      {
        runDir: draftsRun,
        resume: opts.resume,
        llm: stateLlm(),
        exec: opts.exec,
        signal: opts.signal,
        progress: opts.progress,
      },
    );
  }
  const src = sources.get(draftsRun);
  const all = loadDrafts(src, {
    draftsPerRepo: c.drafts_per_repo,
    limit: c.drafts.sample ? undefined : c.limit,
  });
  // A repository is selected only once all its drafts exist, so a resume never changes a selection.
  const ready = perTask ? all.filter((t) => t.samplesDone >= perTask) : all;
  const sel = selectFromDrafts(ready, resolve(draftsRun), {
    strategy: c.selection.strategy,
    withFailure: c.selection.with_failure,
    medianThreshold: c.selection.median_threshold,
    seed: c.selection.seed,
  });
  const tasks = taskCount(src);
  const waiting = perTask ? Math.min(tasks, c.limit ?? tasks) - ready.length : 0;
  return {
    records: sel.records,
    stats: {
      run: draftsRun,
      tasks: sel.tasks,
      drafts: sel.drafts,
      waiting,
      empty: sel.tasksWithoutSelection,
    },
    draftsRun,
  };
}

interface StateJob {
  rec: SelectionRecord;
  repo: Repository;
  taskId: string;
  /** Position of this selected state among its repository's: the synthesis sample index. */
  index: number;
}

interface Context {
  st: ResolvedStage;
  ledger: Ledger;
  sources: Sources;
  deps: WorkflowDeps;
  counts: { done: number };
}

/** Step 2 for one selected state: copy it in, k candidates (stored ones reused), decide, record. */
async function synthesizeState(ctx: Context, job: StateJob): Promise<void> {
  const { st, ledger, deps } = ctx;
  const c = st.config;
  const { rec, repo, taskId } = job;
  const sampleId = ledger.startSample(taskId, job.index);
  const input = readStateRow(ctx.sources.get(rec.source_run), rec.state_id);
  if (!input) throw new Error(`${rec.source_run}: no state ${rec.state_id}`);
  const recorded = recordSelected(
    ledger,
    {
      sampleId,
      taskId,
      sourceRun: rec.source_run,
      sourceStateId: rec.state_id,
      split: rec.split,
      fill: rec.fill,
      stateModel: rec.model,
    },
    input,
  );
  if (recorded !== rec.state_id)
    throw new Error(`selection changed: this sample was started from ${recorded}, now ${rec.state_id}`);
  const result = parseResult(input);
  const state: State = {
    repo,
    testbench: input.testbench,
    result,
    parseError: input.parse_error ?? undefined,
  };
  // Memoryless: the candidates see the true input state only (rules appended, never stored).
  const messages = buildMemorylessPrompt(state, { rules: deps.rules });
  const wf = { sampling: c.sampling, simulator: c.simulator, limits: c.limits };
  const candidate = async (j: number): Promise<Observed> => {
    const ids = candidateIds(sampleId, j);
    if (!ledger.findState(ids.stateId)) {
      const slot: TransitionSlot = {
        sampleId,
        round: input.round + 1,
        role: "transition_model",
        callId: ids.callId,
        stateId: ids.stateId,
        transitionId: ids.transitionId,
        seedKey: { sampleId, candidate: j },
      };
      await runTransition(repo, slot, messages, inputStateId(sampleId), wf, deps);
    }
    ctx.counts.done++;
    return observe(ledger.findState(ids.stateId)!);
  };
  const settled = await Promise.allSettled(Array.from({ length: c.k }, (_, j) => candidate(j)));
  const failed = settled.find((x): x is PromiseRejectedResult => x.status === "rejected");
  if (failed) throw failed.reason;
  const outs = settled.map((x) => (x as PromiseFulfilledResult<Observed>).value);
  const decisions = decide(observe({ ...input, result }), outs, {
    delta: c.delta,
    minCoverage: st.minCoverage,
    allowMetricDrop: c.allow_metric_drop,
  });
  const scores = outs.map((o) => o.score);
  recordDecisions(ledger, { sampleId, taskId, split: rec.split, inputScore: input.score }, decisions, scores);
}

export async function runSynth(st: ResolvedStage, opts: SynthRunOptions): Promise<SynthSummary> {
  const c = st.config;
  const started = Date.now();
  const previous = readPreviousRun(st);
  // The dataset counts by content (src/data/identity.ts): a moved dataset is the same run.
  const dataset = c.dataset
    ? (await scanDataset(c.dataset, { format: c.format, limit: c.limit })).info
    : undefined;
  const simVersion = await probeSimulatorVersion(opts.exec, c.simulator, opts.signal);
  const ledger = Ledger.open(st.out, synthIdentity(st, dataset, simVersion), { resume: opts.resume });
  ledger.setMeta("simulator", { name: c.simulator, version: simVersion });
  const exec = new VersionGuardExecutor(opts.exec, simVersion === "unknown" ? null : simVersion);
  const owned: LlmProvider[] = [];
  const provider = (given: LlmProvider | undefined, role: Role) => {
    if (given) return given;
    const p = makeProvider(rolePolicy(st, role));
    owned.push(p);
    return p;
  };
  const sources = new Sources();
  try {
    ledger.setMeta("synth", synthMeta(st));
    const sel = await selectInputs(st, opts, () => provider(opts.llm?.state, c.state_model), sources);
    ledger.setMeta("lineage", buildLineage(st, previous, sel.draftsRun));
    await writeSelection(join(st.out, "selection.jsonl"), sel.records);
    const stateModel = policyModel(rolePolicy(st, c.state_model));
    const foreign = sel.records.find((r) => r.model !== stateModel);
    if (foreign)
      throw new SynthConfigError(
        `stage ${c.stage}: state ${foreign.state_id} of ${foreign.source_run} was written by ${foreign.model}, ` +
          `but state_model (${c.state_model}) is ${stateModel}; the trace type would be wrong`,
      );

    const llm = provider(opts.llm?.transition, c.transition_model);
    const counts = { done: 0, total: sel.records.length * c.k, failed: 0, llm: 0, sim: 0 };
    const deps: WorkflowDeps = {
      llm,
      exec,
      ledger,
      rules: c.rules ? rulesBlock(c.simulator, simVersion === "unknown" ? undefined : simVersion) : null,
      signal: opts.signal,
      onStage: (stage, delta) => (stage === "llm" ? (counts.llm += delta) : (counts.sim += delta)),
    };
    const ctx: Context = { st, ledger, sources, deps, counts };
    const inFlight = opts.maxInFlight ?? Math.max(4, (opts.exec.stats().slots || 2) * 3);
    const queue = new PQueue({ concurrency: inFlight });
    const reporter = opts.progress
      ? new ProgressReporter(
          () => {
            const ex = opts.exec.stats();
            const llmRunning = llm.inFlight();
            return {
              ...counts,
              llmRunning,
              llmWaiting: Math.max(0, counts.llm - llmRunning),
              simRunning: ex.running,
              simWaiting: Math.max(ex.queued, counts.sim - ex.running),
            };
          },
          { ...opts.progress, label: `synth stage ${c.stage}` },
        )
      : null;
    try {
      const repos = new Map<string, Repository>();
      const perTask = new Map<string, number>();
      for (const rec of sel.records) {
        if (opts.signal?.aborted) break;
        let repo = repos.get(rec.task_id);
        if (!repo) repos.set(rec.task_id, (repo = loadRepo(sources.get(rec.source_run), rec.task_id)));
        const taskId = ledger.addTask(repo, repos.size - 1, rec.source_run);
        const index = perTask.get(taskId) ?? 0;
        perTask.set(taskId, index + 1);
        const sampleId = ledger.sampleId(taskId, index);
        if (ledger.sampleStatus(sampleId) === "done") {
          counts.done += c.k;
          continue;
        }
        await queue.onSizeLessThan(inFlight);
        const job: StateJob = { rec, repo, taskId, index };
        void queue.add(async () => {
          try {
            await synthesizeState(ctx, job);
          } catch (err) {
            counts.failed++;
            const msg = err instanceof InfraError ? err.message : `internal error: ${String(err)}`;
            ledger.failSample(sampleId, msg);
          }
        });
      }
      await queue.onIdle();
    } finally {
      reporter?.stop();
    }
    const summary = summarizeSynth(ledger, st, sel.stats, started);
    writeFileSync(join(st.out, "synth-summary.json"), JSON.stringify(summary, null, 2) + "\n");
    writeRunReportAfterRun(st.out); // reads through its own read-only connection
    return summary;
  } finally {
    sources.close();
    ledger.close();
    for (const p of owned) await p.close?.();
  }
}
