// Coverage-guided rejection (paper §3.3, App. C.2). Pure: the true input state and its k
// candidate transitions in, one decision per candidate out (at most one accepted).
// See docs/synthesis.md.

export const REJECT_REASONS = [
  "no_testbench",
  "sim_failed",
  "below_delta",
  "metric_fell",
  "below_min_coverage",
  "not_best",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Matches the curated row's `improvement` (src/curate/row.ts). */
export type Improvement = "fail_to_pass" | "gain" | "none" | "regression";

export const SUB_METRICS = ["line", "branch", "toggle"] as const;
export type SubMetric = (typeof SUB_METRICS)[number];

/** A state as rejection sees it: its coverage score, outcome and sub-metrics. */
export interface Observed {
  /** C(o): 0 for a failed simulation or a missing testbench. */
  score: number;
  simPass: boolean;
  hasTestbench: boolean;
  /** Sub-metric fractions of the DUT (null: not measured). */
  metrics: Partial<Record<SubMetric, number | null>> | null;
  /** Tie-break: the shorter testbench wins. */
  testbenchLength: number;
}

export interface RejectionOptions {
  /** Minimum coverage gain C(s') - C(s) (default 0.01). */
  delta: number;
  /** Minimum absolute coverage of the output (stage 0: 0.5). */
  minCoverage: number;
  /** Accept a candidate even if a sub-metric (line, branch, toggle) falls. */
  allowMetricDrop: boolean;
}

export const DEFAULT_REJECTION: RejectionOptions = { delta: 0.01, minCoverage: 0, allowMetricDrop: false };

export interface Decision {
  index: number;
  accepted: boolean;
  /** Why it was rejected (null when accepted). */
  reason: RejectReason | null;
  /** C(output) - C(input). */
  gain: number;
  improvement: Improvement;
  /** metric_fell: which sub-metrics fell. */
  fell?: SubMetric[];
}

/** Floating-point slack: a gain of exactly delta (0.51 - 0.5) passes. */
const EPS = 1e-9;

export function improvementOf(input: Observed, output: Observed): Improvement {
  if (!input.simPass && output.simPass) return "fail_to_pass";
  if (input.simPass && !output.simPass) return "regression";
  const gain = output.score - input.score;
  return gain > EPS ? "gain" : gain < -EPS ? "regression" : "none";
}

function fellMetrics(input: Observed, output: Observed): SubMetric[] {
  if (!input.simPass || !input.metrics || !output.metrics) return [];
  return SUB_METRICS.filter((m) => {
    const a = input.metrics?.[m];
    const b = output.metrics?.[m];
    return a != null && b != null && b < a - EPS;
  });
}

/**
 * One candidate on its own (every check but not_best). A failed -> passing simulation counts as
 * an improvement whatever its gain; the minimum coverage still applies.
 */
export function judge(
  input: Observed,
  output: Observed,
  opts: RejectionOptions,
): { reason: RejectReason | null; fell?: SubMetric[] } {
  if (!output.hasTestbench) return { reason: "no_testbench" };
  if (!output.simPass) return { reason: "sim_failed" };
  const failToPass = !input.simPass;
  if (!failToPass && output.score - input.score < opts.delta - EPS) return { reason: "below_delta" };
  if (!opts.allowMetricDrop) {
    const fell = fellMetrics(input, output);
    if (fell.length) return { reason: "metric_fell", fell };
  }
  if (output.score < opts.minCoverage - EPS) return { reason: "below_min_coverage" };
  return { reason: null };
}

/**
 * Decides the k candidates of one input state: every candidate that passes `judge` is eligible;
 * the single best is kept: highest coverage (= largest gain), then the shortest testbench, then
 * the first candidate. The other eligible ones are rejected as not_best.
 */
export function decide(input: Observed, candidates: Observed[], opts: RejectionOptions): Decision[] {
  const decisions: Decision[] = candidates.map((c, index) => {
    const j = judge(input, c, opts);
    return {
      index,
      accepted: j.reason === null,
      reason: j.reason,
      gain: c.score - input.score,
      improvement: improvementOf(input, c),
      ...(j.fell ? { fell: j.fell } : {}),
    };
  });
  let best: Decision | null = null;
  for (const d of decisions) {
    if (!d.accepted) continue;
    if (!best) {
      best = d;
      continue;
    }
    const a = candidates[d.index]!;
    const b = candidates[best.index]!;
    if (
      a.score > b.score + EPS ||
      (Math.abs(a.score - b.score) <= EPS && a.testbenchLength < b.testbenchLength)
    )
      best = d;
  }
  for (const d of decisions)
    if (d.accepted && d !== best) {
      d.accepted = false;
      d.reason = "not_best";
    }
  return decisions;
}

export type ReasonCounts = Record<RejectReason, number>;

export function countReasons(decisions: { reason: RejectReason | null }[]): ReasonCounts {
  const counts = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as ReasonCounts;
  for (const d of decisions) if (d.reason) counts[d.reason]++;
  return counts;
}
