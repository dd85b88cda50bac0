// Coverage-guided rejection on constructed observations.
import { describe, expect, it } from "vitest";
import {
  countReasons,
  decide,
  DEFAULT_REJECTION,
  improvementOf,
  type Observed,
  type RejectionOptions,
} from "../src/synth/rejection.js";

const pass = (
  score: number,
  m: Partial<Record<"line" | "branch" | "toggle", number>> = {},
  len = 100,
): Observed => ({
  score,
  simPass: true,
  hasTestbench: true,
  metrics: { line: m.line ?? score, branch: m.branch ?? score, toggle: m.toggle ?? score },
  testbenchLength: len,
});
const failed: Observed = { score: 0, simPass: false, hasTestbench: true, metrics: null, testbenchLength: 80 };
const noTb: Observed = { score: 0, simPass: false, hasTestbench: false, metrics: null, testbenchLength: 0 };
const opts = (o: Partial<RejectionOptions> = {}): RejectionOptions => ({ ...DEFAULT_REJECTION, ...o });
const summary = (d: ReturnType<typeof decide>) => d.map((x) => (x.accepted ? "accepted" : x.reason));

describe("coverage-guided rejection", () => {
  it("keeps gains >= delta and only the best one; records why the others were rejected", () => {
    const input = pass(0.5);
    const d = decide(input, [pass(0.505), pass(0.7), pass(0.6), failed, noTb], opts());
    expect(summary(d)).toEqual(["below_delta", "accepted", "not_best", "sim_failed", "no_testbench"]);
    expect(d[1]!.gain).toBeCloseTo(0.2);
    expect(d[1]!.improvement).toBe("gain");
    expect(countReasons(d)).toEqual({
      no_testbench: 1,
      sim_failed: 1,
      below_delta: 1,
      metric_fell: 0,
      below_min_coverage: 0,
      not_best: 1,
    });
  });

  it("delta boundary: a gain of exactly delta passes, a hair below does not", () => {
    const input = pass(0.5);
    expect(summary(decide(input, [pass(0.51)], opts()))).toEqual(["accepted"]);
    expect(summary(decide(input, [pass(0.5099)], opts()))).toEqual(["below_delta"]);
    expect(summary(decide(pass(0.29), [pass(0.3)], opts()))).toEqual(["accepted"]);
    // with delta 0 a regression is still rejected
    expect(summary(decide(input, [pass(0.4)], opts({ delta: 0 })))).toEqual(["below_delta"]);
  });

  it("ties: the shortest testbench wins, then the first candidate", () => {
    const input = pass(0.4);
    const d = decide(
      input,
      [pass(0.8, {}, 300), pass(0.8, {}, 200), pass(0.8, {}, 200), pass(0.7, {}, 10)],
      opts(),
    );
    expect(summary(d)).toEqual(["not_best", "accepted", "not_best", "not_best"]);
  });

  it("a failed simulation turned into a passing one counts as an improvement whatever its gain", () => {
    const d = decide(failed, [pass(0.004), failed], opts());
    expect(summary(d)).toEqual(["accepted", "sim_failed"]);
    expect(d[0]!.improvement).toBe("fail_to_pass");
    // an input without a testbench is a failed state too
    expect(summary(decide(noTb, [pass(0.3)], opts()))).toEqual(["accepted"]);
    // the higher coverage wins among fail->pass candidates
    expect(summary(decide(failed, [pass(0.3), pass(0.6)], opts()))).toEqual(["not_best", "accepted"]);
  });

  it("rejects a candidate whose line, branch or toggle coverage falls, unless allowed", () => {
    const input = pass(0.6, { line: 0.9, branch: 0.5, toggle: 0.4 });
    const cand = pass(0.7, { line: 0.85, branch: 0.8, toggle: 0.45 });
    const d = decide(input, [cand], opts());
    expect(summary(d)).toEqual(["metric_fell"]);
    expect(d[0]!.fell).toEqual(["line"]);
    expect(summary(decide(input, [cand], opts({ allowMetricDrop: true })))).toEqual(["accepted"]);
    // an unmeasured metric (null) cannot fall
    const nullBranch: Observed = { ...cand, metrics: { line: 0.95, branch: null, toggle: 0.5 } };
    expect(summary(decide(input, [nullBranch], opts()))).toEqual(["accepted"]);
  });

  it("stage 0: the output must reach the minimum absolute coverage", () => {
    expect(summary(decide(pass(0.3), [pass(0.45), pass(0.5)], opts({ minCoverage: 0.5 })))).toEqual([
      "below_min_coverage",
      "accepted",
    ]);
    // also for fail->pass
    expect(summary(decide(failed, [pass(0.4)], opts({ minCoverage: 0.5 })))).toEqual(["below_min_coverage"]);
  });

  it("labels improvements the way curated rows do", () => {
    expect(improvementOf(failed, pass(0.2))).toBe("fail_to_pass");
    expect(improvementOf(pass(0.2), failed)).toBe("regression");
    expect(improvementOf(pass(0.2), pass(0.2))).toBe("none");
    expect(improvementOf(pass(0.2), pass(0.1))).toBe("regression");
    expect(improvementOf(failed, noTb)).toBe("none");
  });

  it("with no candidate passing, nothing is accepted", () => {
    const d = decide(pass(0.9), [pass(0.9), pass(0.85)], opts());
    expect(d.some((x) => x.accepted)).toBe(false);
  });
});
