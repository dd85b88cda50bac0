// What a report says about one run, computed from its ledger (read-only) and nothing else:
// identity (model, workflow, simulator and version, dataset and its hash), metrics at every
// k <= n, per-round rates, coverage per family, failure taxonomy and per-task rows. The same
// metric code as the eval summary (src/metrics), so the report and summary.json agree.
import { existsSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { z } from "zod";
import { sha256 } from "../core/hash.js";
import { bestUpTo, computeMetrics, groupSampleRounds, type EvalMetrics } from "../metrics/summary.js";
import { FAMILIES, RunReader, type Family, type LightState } from "../store/report-reader.js";

export { FAMILIES, type Family };

export interface Count {
  key: string;
  count: number;
  example?: string;
}

export interface TaskSummary {
  task_id: string;
  seq: number;
  source: string | null;
  samples: number;
  failed: number;
  cov_pass: number;
  sim_pass: number;
  best: number;
  mean: number;
  /** Status of each sample's final (best) state, in sample order. */
  finals: string[];
  page: string;
}

export interface FamilyStats {
  family: Family;
  /** Final states with this family measured, in ten 10 % bins (the last includes 100 %). */
  bins: number[];
  measured: number;
  missing: number;
  mean: number | null;
}

export interface RunOverview {
  runDir: string;
  name: string;
  kind: "eval" | "synth";
  config: Record<string, unknown>;
  model: string;
  /** Workflow with its version, for headers. */
  workflow: string;
  /** The comparison column this run fills: the workflow's name (agentic, direct, ...). */
  setting: string;
  mode: string;
  rounds: number | null;
  samplesPerTask: number;
  simulator: string;
  simulatorVersions: string[];
  /** The dataset hash the run identity records (null when the run predates it). */
  datasetHash: string | null;
  datasetPath: string | null;
  /** Hash of the stored tasks (ids and repository contents): comparable across any two runs. */
  tasksHash: string;
  createdAt: string | null;
  wallSeconds: number | null;
  tokens: { prompt: number; completion: number };
  costUsd: number | null;
  llmCalls: number;
  llmFailed: number;
  simJobs: number;
  simSeconds: number;
  metrics: EvalMetrics;
  /** metrics.metrics at k = 1..n (pass@k for every k <= n). */
  atK: { k: number; cov_pass: number; avg_cov: number; sim_pass: number }[];
  families: FamilyStats[];
  statusAll: Count[];
  statusFinal: Count[];
  diagnostics: Count[];
  rules: Count[];
  samplesFailed: { sample_id: string; error: string }[];
  tasks: TaskSummary[];
  synth: SynthOverview | null;
}

export interface SynthOverview {
  meta: Record<string, unknown>;
  candidates: number;
  accepted: number;
  reasons: Count[];
  gains: number[];
}

const SummaryFile = z.looseObject({
  wall_seconds: z.number().optional(),
  cost_usd: z.number().nullable().optional(),
  dataset: z.looseObject({ path: z.string().optional(), hash: z.string().optional() }).optional(),
});

const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

/** The dataset hash wherever the run identity keeps it (its name changed as the identity grew). */
function datasetHashOf(cfg: Record<string, unknown>): string | null {
  for (const [k, v] of Object.entries(cfg)) {
    if (/^dataset_?(hash|sha256|content_hash)$/i.test(k) && str(v)) return str(v);
    if (k === "dataset" && v && typeof v === "object") {
      const d = v as Record<string, unknown>;
      return str(d.hash) ?? str(d.sha256) ?? str(d.content_hash) ?? str(d.contentHash);
    }
  }
  return null;
}

function datasetPathOf(cfg: Record<string, unknown>): string | null {
  const d = cfg.dataset;
  if (typeof d === "string") return d;
  if (d && typeof d === "object") {
    const o = d as Record<string, unknown>;
    return str(o.path) ?? str(o.file) ?? str(o.name);
  }
  return str(cfg.dataset_path) ?? str(cfg.datasetPath);
}

function workflowOf(cfg: Record<string, unknown>): { label: string; setting: string } {
  const w = cfg.workflow;
  const o = w && typeof w === "object" ? (w as Record<string, unknown>) : {};
  const name = (typeof w === "string" ? w : str(o.name)) ?? str(cfg.mode) ?? "?";
  const version = o.version !== undefined && o.version !== null ? ` v${String(o.version)}` : "";
  const setting = cfg.climb ? `${name} (climb)` : name;
  return { label: `${setting}${version}`, setting };
}

function simulatorOf(cfg: Record<string, unknown>): { name: string; version: string | null } {
  const s = cfg.simulator;
  if (s && typeof s === "object") {
    const o = s as Record<string, unknown>;
    return { name: str(o.name) ?? "?", version: str(o.version) };
  }
  return { name: str(s) ?? "verilator", version: str(cfg.simulator_version) ?? str(cfg.simulatorVersion) };
}

function tally(keys: Iterable<{ key: string; example?: string }>, limit = Infinity): Count[] {
  const m = new Map<string, Count>();
  for (const { key, example } of keys) {
    const c = m.get(key);
    if (c) c.count++;
    else m.set(key, { key, count: 1, example });
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).slice(0, limit);
}

const DiagnosticList = z.array(
  z.looseObject({
    severity: z.string(),
    code: z.string().optional(),
    message: z.string(),
    rule: z.string().optional(),
  }),
);

/** A diagnostic's kind for counting: its tool code, else its message with names and numbers blanked. */
function diagnosticKey(d: { code?: string; message: string; severity: string }): string {
  const first = (d.message.split("\n")[0] ?? "").slice(0, 160);
  const shape = first.replace(/'[^']*'/g, "'…'").replace(/\b\d+\b/g, "N");
  return `${d.severity}${d.code ? ` ${d.code}` : ""}: ${shape}`;
}

export const stateStatus = (s: { status: string | null; parse_error: string | null }) =>
  s.status ?? (s.parse_error !== null ? "no_testbench" : "not simulated");

export function taskPageName(seq: number): string {
  return `task-${String(seq).padStart(5, "0")}.html`;
}

export function loadRunOverview(runDir: string, reader?: RunReader): RunOverview {
  const r = reader ?? RunReader.open(runDir);
  try {
    return overview(resolve(runDir), r);
  } finally {
    if (!reader) r.close();
  }
}

function overview(runDir: string, r: RunReader): RunOverview {
  const meta = r.meta();
  const cfg = (meta.config ?? {}) as Record<string, unknown>;
  const synthMeta = (meta.synth ?? null) as Record<string, unknown> | null;
  const kind = synthMeta ? "synth" : "eval";
  const tasks = r.tasks();
  const samples = r.samples();
  const light = r.lightStates();
  const llm = r.llmTotals();
  const sim = r.simTotals();

  // Eval metrics from the same rows, in the same order, as summarize() in src/agent/eval.ts.
  const grouped = groupSampleRounds(light);
  const n = Number(cfg.samples) || Math.max(1, ...countPerTask(light).values());
  const metrics = computeMetrics(grouped, n);
  const kMax = metrics.metrics.cov_pass.k;
  const atK = Array.from({ length: kMax }, (_, i) => {
    const m = i + 1 === kMax ? metrics.metrics : computeMetrics(grouped, i + 1).metrics;
    return { k: i + 1, cov_pass: m.cov_pass.atk, avg_cov: m.avg_cov.atk, sim_pass: m.sim_pass.atk };
  });

  // The final state of each sample: the best state up to the last round (as the metrics pick it).
  const bySample = new Map<string, LightState[]>();
  for (const s of light) {
    const list = bySample.get(s.sample_id);
    if (list) list.push(s);
    else bySample.set(s.sample_id, [s]);
  }
  const finals = new Map<string, LightState>();
  for (const [id, states] of bySample) {
    const pts = states.map((s) => ({
      round: s.round,
      score: s.score,
      simPass: !!s.sim_pass,
      covPass: !!s.cov_pass,
    }));
    const best = bestUpTo(pts, Infinity);
    finals.set(id, states[best ? pts.indexOf(best) : 0]!);
  }

  const families: FamilyStats[] = FAMILIES.map((family) => {
    const bins = new Array<number>(10).fill(0);
    let measured = 0;
    let sum = 0;
    for (const f of finals.values()) {
      const v = f[family];
      if (typeof v !== "number") continue;
      measured++;
      sum += v;
      bins[Math.min(9, Math.floor(v * 10))]!++;
    }
    return {
      family,
      bins,
      measured,
      missing: finals.size - measured,
      mean: measured ? sum / measured : null,
    };
  });

  const diags: { key: string; example?: string }[] = [];
  const rules: { key: string }[] = [];
  const versions = new Set<string>();
  let simName: string | null = null;
  for (const s of light) {
    if (s.version) versions.add(s.version);
    simName ??= s.sim_name;
    if (!s.diagnostics) continue;
    const parsed = DiagnosticList.safeParse(JSON.parse(s.diagnostics));
    if (!parsed.success) continue;
    for (const d of parsed.data) {
      if (d.severity !== "info") diags.push({ key: diagnosticKey(d), example: d.message.split("\n")[0] });
      if (d.rule) rules.push({ key: d.rule });
    }
  }
  const sim0 = simulatorOf(cfg);
  if (sim0.version) versions.add(sim0.version);

  const samplesByTask = new Map<string, typeof samples>();
  for (const s of samples) samplesByTask.set(s.task_id, [...(samplesByTask.get(s.task_id) ?? []), s]);
  const perTask = new Map(metrics.per_task.map((t) => [t.task_id, t]));
  const taskRows: TaskSummary[] = tasks.map((t) => {
    const ss = samplesByTask.get(t.task_id) ?? [];
    const m = perTask.get(t.task_id);
    return {
      task_id: t.task_id,
      seq: t.seq,
      source: t.source,
      samples: ss.length,
      failed: ss.filter((s) => s.status !== "done").length,
      cov_pass: m?.cov_pass ?? 0,
      sim_pass: m?.sim_pass ?? 0,
      best: m?.best_cov ?? 0,
      mean: m?.mean_cov ?? 0,
      finals: ss.map((s) => {
        const f = finals.get(s.sample_id);
        return s.status !== "done" ? "infra_error" : f ? stateStatus(f) : "no state";
      }),
      page: taskPageName(t.seq),
    };
  });

  const summaryPath = join(runDir, kind === "synth" ? "synth-summary.json" : "summary.json");
  let wall: number | null = null;
  let fromSummary: { path?: string; hash?: string } = {};
  if (existsSync(summaryPath)) {
    const p = SummaryFile.safeParse(JSON.parse(readFileSync(summaryPath, "utf8")));
    if (p.success) {
      wall = p.data.wall_seconds ?? null;
      fromSummary = p.data.dataset ?? {};
    }
  }
  const createdAt = str(meta.created_at);
  const lastAt =
    [llm.last_at, sim.last_at]
      .filter((x): x is string => !!x)
      .sort()
      .at(-1) ?? null;
  if (wall === null && createdAt && lastAt) wall = (Date.parse(lastAt) - Date.parse(createdAt)) / 1000;

  let synth: SynthOverview | null = null;
  if (synthMeta) {
    const cands = r.candidates();
    synth = {
      meta: synthMeta,
      candidates: cands.length,
      accepted: cands.filter((c) => c.accepted).length,
      reasons: tally(cands.map((c) => ({ key: c.accepted ? "accepted" : (c.reason ?? "rejected") }))),
      gains: cands.filter((c) => c.accepted).map((c) => c.gain),
    };
  }

  const model =
    str(cfg.model) ??
    (synthMeta ? `${synthMeta.transition_model ?? "?"} (${synthMeta.trace_type ?? "?"})` : null) ??
    llm.models ??
    "?";
  return {
    runDir,
    name: basename(runDir),
    kind,
    config: cfg,
    model,
    workflow: synthMeta ? `synth stage ${synthMeta.stage} (${synthMeta.trace_type})` : workflowOf(cfg).label,
    setting: synthMeta ? "synth" : workflowOf(cfg).setting,
    mode: str(cfg.mode) ?? (synthMeta ? "synth" : "?"),
    rounds: typeof cfg.rounds === "number" ? cfg.rounds : null,
    samplesPerTask: n,
    simulator: sim0.name !== "?" ? sim0.name : (simName ?? "?"),
    simulatorVersions: [...versions].sort(),
    datasetHash: datasetHashOf(cfg) ?? fromSummary.hash ?? null,
    datasetPath: fromSummary.path ?? datasetPathOf(cfg),
    tasksHash: sha256(
      tasks
        .map((t) => `${t.task_id}\t${t.repo_hash}`)
        .sort()
        .join("\n"),
    ).slice(0, 16),
    createdAt,
    wallSeconds: wall,
    tokens: { prompt: llm.prompt_tokens, completion: llm.completion_tokens },
    costUsd: llm.unknown_cost > 0 ? null : (llm.cost ?? 0),
    llmCalls: llm.calls,
    llmFailed: llm.failed,
    simJobs: sim.jobs,
    simSeconds: sim.ms / 1000,
    metrics,
    atK,
    families,
    statusAll: tally(light.map((s) => ({ key: stateStatus(s) }))),
    statusFinal: tally(
      [
        ...[...finals.values()].map(stateStatus),
        ...samples.filter((s) => s.status !== "done").map(() => "infra_error (sample failed)"),
      ].map((key) => ({ key })),
    ),
    diagnostics: tally(diags, 15),
    rules: tally(rules, 15),
    samplesFailed: samples
      .filter((s) => s.status !== "done")
      .map((s) => ({ sample_id: s.sample_id, error: s.error ?? "interrupted" })),
    tasks: taskRows,
    synth,
  };
}

function countPerTask(light: LightState[]): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const s of light) seen.set(s.task_id, (seen.get(s.task_id) ?? new Set()).add(s.sample_id));
  return new Map([...seen].map(([k, v]) => [k, v.size]));
}
