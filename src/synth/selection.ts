// Intermediate-state selection (paper §3.3 "worst-state selection", §4.2 "practical intermediate
// state selection", §4.4 ablation baselines). Pure: drafts of one repository in, picks out.
// See docs/synthesis.md for the rules and the decisions taken where the paper is silent.
import { sha256 } from "../core/hash.js";

export const STRATEGIES = ["worst", "best", "uniform", "median"] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const SPLITS = ["worst", "failure", "median", "best", "uniform"] as const;
export type Split = (typeof SPLITS)[number];

/** One intermediate state ("draft") of a repository, as selection needs to see it. */
export interface Draft {
  stateId: string;
  /** C(o): 0 for a failed simulation or a missing testbench. */
  score: number;
  /** The simulation ran to its end (pass / no_finish). */
  simPass: boolean;
  /** The answer held a testbench (false: a parse failure, nothing was simulated). */
  hasTestbench: boolean;
}

export interface SelectionOptions {
  strategy: Strategy;
  /** Worst-state: also pick one simulation-failure state when a draft failed. */
  withFailure: boolean;
  /** Pick the median state too when its coverage exceeds the worst's by more than this. */
  medianThreshold: number;
  /** Seeds the uniform baseline (per repository: hashed with the task id). */
  seed: number;
}

export const DEFAULT_SELECTION: SelectionOptions = {
  strategy: "worst",
  withFailure: false,
  medianThreshold: 0.1,
  seed: 0,
};

export interface Pick<D extends Draft = Draft> {
  draft: D;
  split: Split;
  /** Picked only to fill the budget the worst-state rule would use (baselines, §4.4). */
  fill: boolean;
}

const EPS = 1e-9;

/** A draft at full coverage leaves nothing to improve: no transition from it can gain delta > 0. */
export const isSaturated = (d: Draft) => d.simPass && d.score >= 1 - EPS;

interface Pools<D extends Draft> {
  /** Successful drafts, lowest coverage first (stable: draft order breaks ties). */
  ok: D[];
  /** Failed drafts, simulator failures (compile/runtime/timeout) before answers without a testbench. */
  failed: D[];
}

function pools<D extends Draft>(drafts: D[]): Pools<D> {
  const eligible = drafts.filter((d) => !isSaturated(d));
  const ok = eligible.filter((d) => d.simPass).sort((a, b) => a.score - b.score);
  const failed = eligible.filter((d) => !d.simPass).sort((a, b) => +b.hasTestbench - +a.hasTestbench);
  return { ok, failed };
}

/** The lower median of the successful drafts (index floor((n-1)/2) of the ascending order). */
const medianIndex = (n: number) => Math.floor((n - 1) / 2);

/**
 * Worst-state prioritized selection (§4.2): the lowest-coverage successful draft; plus one
 * simulation-failure draft when `withFailure`; plus the median draft when it is more than
 * `medianThreshold` above the worst. When every draft failed, only the failure draft.
 */
export function selectWorst<D extends Draft>(drafts: D[], opts: SelectionOptions): Pick<D>[] {
  const { ok, failed } = pools(drafts);
  const failure = failed[0];
  if (!ok.length) return failure ? [{ draft: failure, split: "failure", fill: false }] : [];
  const worst = ok[0]!;
  const out: Pick<D>[] = [{ draft: worst, split: "worst", fill: false }];
  if (opts.withFailure && failure) out.push({ draft: failure, split: "failure", fill: false });
  const median = ok[medianIndex(ok.length)]!;
  if (median.score - worst.score > opts.medianThreshold + EPS)
    out.push({ draft: median, split: "median", fill: false });
  return out;
}

/** 32-bit generator (mulberry32): deterministic, tiny, good enough for shuffling drafts. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per-repository seed: independent of which other repositories are in the run. */
export const repoSeed = (seed: number, taskId: string) =>
  parseInt(sha256(`${seed}|${taskId}`).slice(0, 8), 16);

/**
 * Selects the input states of one repository. Baselines (best, uniform, median) get the budget
 * the worst-state rule would use on the same drafts (§4.4: same simulator and data budget):
 * - best: the highest-coverage draft, then lower-ranked ones while budget remains;
 * - uniform: drafts drawn uniformly without replacement (seeded);
 * - median: the median draft, plus the worst when the gap exceeds the threshold, then the
 *   drafts nearest the median while budget remains.
 * Failed drafts rank below every successful one for best and median; uniform draws them too.
 */
export function selectStates<D extends Draft>(
  taskId: string,
  drafts: D[],
  opts: SelectionOptions,
): Pick<D>[] {
  const worstPicks = selectWorst(drafts, opts);
  if (opts.strategy === "worst") return worstPicks;
  const budget = worstPicks.length;
  const { ok, failed } = pools(drafts);
  let order: D[];
  let primary: Pick<D>[] = [];
  // The split names the rule that picked a state; best and median fall back to failed drafts.
  const splitOf = (d: D): Split => (opts.strategy !== "uniform" && !d.simPass ? "failure" : opts.strategy);
  if (opts.strategy === "best") {
    // Array.prototype.sort is stable: the earliest draft comes first among equal scores.
    order = [...ok].sort((a, b) => b.score - a.score).concat(failed);
  } else if (opts.strategy === "uniform") {
    const all = drafts.filter((d) => !isSaturated(d));
    const next = rng(repoSeed(opts.seed, taskId));
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    order = all;
  } else {
    if (ok.length) {
      const m = medianIndex(ok.length);
      const median = ok[m]!;
      primary = [{ draft: median, split: "median", fill: false }];
      const worst = ok[0]!;
      if (median.score - worst.score > opts.medianThreshold + EPS)
        primary.push({ draft: worst, split: "worst", fill: false });
      const near = ok
        .map((d, i) => ({ d, dist: Math.abs(i - m), i }))
        .sort((a, b) => a.dist - b.dist || a.i - b.i)
        .map((x) => x.d);
      order = [...near, ...failed];
    } else order = failed;
  }
  const out = primary.slice(0, budget);
  const taken = new Set(out.map((p) => p.draft.stateId));
  for (const d of order) {
    if (out.length >= budget) break;
    if (taken.has(d.stateId)) continue;
    taken.add(d.stateId);
    out.push({ draft: d, split: splitOf(d), fill: out.length > 0 });
  }
  return out;
}

export type SplitCounts = Record<Split, number>;

export function countSplits(picks: { split: Split }[]): SplitCounts {
  const counts = Object.fromEntries(SPLITS.map((s) => [s, 0])) as SplitCounts;
  for (const p of picks) counts[p.split]++;
  return counts;
}
