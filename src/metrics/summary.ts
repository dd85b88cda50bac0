// Evaluation metrics from per-sample round outcomes (pure): Cov Pass, Avg Cov, Sim Pass at
// pass@1 and pass@k, per-round rates. See docs/metrics.md.
import type { RoundRow } from "../core/state.js";
import { anyOfN, mean, passAtK } from "./passk.js";

export interface RoundPoint {
  round: number;
  score: number;
  simPass: boolean;
  covPass: boolean;
}

export interface SampleRounds {
  taskId: string;
  sampleIndex: number;
  rounds: RoundPoint[];
}

export interface MetricAtK {
  /** Mean over tasks of the per-sample success rate (pass@1). */
  at1: number;
  /** Unbiased pass@k (Avg Cov: mean over tasks of the best score of k samples, see docs). */
  atk: number;
  k: number;
  /** Any-of-n: share of tasks where at least one of the n samples succeeded. */
  any: number;
}

export interface TaskResult {
  task_id: string;
  samples: number;
  cov_pass: number;
  sim_pass: number;
  best_cov: number;
  mean_cov: number;
}

export interface RoundRate {
  round: number;
  cov_pass: number;
  sim_pass: number;
  avg_cov: number;
  improved: number;
}

export interface EvalMetrics {
  tasks: number;
  samples: number;
  metrics: { cov_pass: MetricAtK; avg_cov: MetricAtK; sim_pass: MetricAtK };
  per_task: TaskResult[];
  per_round: RoundRate[];
}

/** A stored state's round outcome as the ledger holds it (ordered by task, sample, round). */
export type { RoundRow };

/** Groups ledger rows into per-sample round lists, keeping the rows' order. */
export function groupSampleRounds(rows: Iterable<RoundRow>): SampleRounds[] {
  const samples = new Map<string, SampleRounds>();
  for (const r of rows) {
    let s = samples.get(r.sample_id);
    if (!s) samples.set(r.sample_id, (s = { taskId: r.task_id, sampleIndex: r.sample_index, rounds: [] }));
    s.rounds.push({ round: r.round, score: r.score, simPass: !!r.sim_pass, covPass: !!r.cov_pass });
  }
  return [...samples.values()];
}

/** The sample's outcome if it had stopped after `cap` rounds: its best state up to there. */
export function bestUpTo(rounds: RoundPoint[], cap: number): RoundPoint | null {
  let best: RoundPoint | null = null;
  for (const r of rounds) {
    if (r.round > cap) break;
    if (
      !best ||
      r.score > best.score ||
      (r.score === best.score && r.simPass && !best.simPass) ||
      (r.covPass && !best.covPass)
    )
      best = r;
  }
  return best;
}

/** Expected best-of-k score over n samples: the mean of max over all k-subsets. */
export function expectedMaxAtK(scores: number[], k: number): number {
  const s = [...scores].sort((a, b) => a - b);
  const n = s.length;
  if (k >= n) return s[n - 1] ?? 0;
  // P(the i-th smallest, 0-based, is the max of a random k-subset) = C(i, k-1) / C(n, k)
  let total = 0;
  for (let i = k - 1; i < n; i++) total += s[i]! * choose(i, k - 1);
  return total / choose(n, k);
}

function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

export function computeMetrics(samples: SampleRounds[], k?: number): EvalMetrics {
  const byTask = new Map<string, SampleRounds[]>();
  for (const s of samples) {
    let list = byTask.get(s.taskId);
    if (!list) byTask.set(s.taskId, (list = []));
    list.push(s);
  }
  const maxRound = Math.max(0, ...samples.flatMap((s) => s.rounds.map((r) => r.round)));
  const minN = Math.min(...[...byTask.values()].map((l) => l.length));
  const kk = Math.max(1, Math.min(k ?? minN, minN));
  const perTask: TaskResult[] = [];
  const cov = { at1: [] as number[], atk: [] as number[], any: [] as number[] };
  const sim = { at1: [] as number[], atk: [] as number[], any: [] as number[] };
  const avg = { at1: [] as number[], atk: [] as number[], any: [] as number[] };
  for (const [taskId, list] of byTask) {
    const finals = list.map((s) => bestUpTo(s.rounds, maxRound));
    const n = finals.length;
    const c = finals.filter((f) => f?.covPass).length;
    const sp = finals.filter((f) => f?.simPass).length;
    const scores = finals.map((f) => f?.score ?? 0);
    cov.at1.push(c / n);
    cov.atk.push(passAtK(n, c, kk));
    cov.any.push(anyOfN(c));
    sim.at1.push(sp / n);
    sim.atk.push(passAtK(n, sp, kk));
    sim.any.push(anyOfN(sp));
    avg.at1.push(mean(scores));
    avg.atk.push(expectedMaxAtK(scores, kk));
    avg.any.push(Math.max(...scores));
    perTask.push({
      task_id: taskId,
      samples: n,
      cov_pass: c,
      sim_pass: sp,
      best_cov: Math.max(...scores),
      mean_cov: mean(scores),
    });
  }
  const perRound: RoundRate[] = [];
  for (let cap = 0; cap <= maxRound; cap++) {
    const at = samples.map((s) => bestUpTo(s.rounds, cap));
    const prev = samples.map((s) => (cap === 0 ? null : bestUpTo(s.rounds, cap - 1)));
    perRound.push({
      round: cap,
      cov_pass: mean(at.map((b) => (b?.covPass ? 1 : 0))),
      sim_pass: mean(at.map((b) => (b?.simPass ? 1 : 0))),
      avg_cov: mean(at.map((b) => b?.score ?? 0)),
      improved: at.filter((b, i) => cap > 0 && b && b.score > (prev[i]?.score ?? 0) + 1e-12).length,
    });
  }
  const m = (x: { at1: number[]; atk: number[]; any: number[] }): MetricAtK => ({
    at1: mean(x.at1),
    atk: mean(x.atk),
    k: kk,
    any: mean(x.any),
  });
  return {
    tasks: byTask.size,
    samples: samples.length,
    metrics: { cov_pass: m(cov), avg_cov: m(avg), sim_pass: m(sim) },
    per_task: perTask,
    per_round: perRound,
  };
}
