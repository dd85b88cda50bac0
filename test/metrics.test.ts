import { describe, expect, it } from "vitest";
import { passAtK } from "../src/metrics/passk.js";
import { bestUpTo, computeMetrics, expectedMaxAtK, type SampleRounds } from "../src/metrics/summary.js";

describe("pass@k", () => {
  it("matches hand-computed values of 1 - C(n-c,k)/C(n,k)", () => {
    expect(passAtK(5, 0, 1)).toBe(0);
    expect(passAtK(5, 1, 1)).toBeCloseTo(0.2);
    expect(passAtK(5, 2, 3)).toBeCloseTo(1 - 1 / 10); // C(3,3)/C(5,3) = 1/10
    expect(passAtK(5, 1, 5)).toBe(1);
    expect(passAtK(10, 3, 2)).toBeCloseTo(1 - 21 / 45); // C(7,2)=21, C(10,2)=45
    expect(passAtK(4, 4, 2)).toBe(1);
    expect(() => passAtK(3, 4, 1)).toThrow();
    expect(() => passAtK(3, 1, 4)).toThrow();
  });
  it("expected best-of-k equals the brute-force mean over subsets", () => {
    const s = [0.1, 0.5, 0.3, 0.9];
    // k=2: subsets {0.1,0.5}->.5 {.1,.3}->.3 {.1,.9}->.9 {.5,.3}->.5 {.5,.9}->.9 {.3,.9}->.9 => 4/6
    expect(expectedMaxAtK(s, 2)).toBeCloseTo((0.5 + 0.3 + 0.9 + 0.5 + 0.9 + 0.9) / 6);
    expect(expectedMaxAtK(s, 1)).toBeCloseTo(0.45);
    expect(expectedMaxAtK(s, 4)).toBe(0.9);
  });
});

describe("evaluation metrics", () => {
  const r = (round: number, score: number, covPass = false, simPass = score > 0) => ({
    round,
    score,
    covPass,
    simPass,
  });
  const samples: SampleRounds[] = [
    { taskId: "a", sampleIndex: 0, rounds: [r(0, 0.5), r(1, 1, true)] },
    { taskId: "a", sampleIndex: 1, rounds: [r(0, 0, false, false), r(1, 0.6)] },
    { taskId: "b", sampleIndex: 0, rounds: [r(0, 0.2), r(1, 0.1)] },
    { taskId: "b", sampleIndex: 1, rounds: [r(0, 0.4)] },
  ];
  it("computes Cov Pass / Avg Cov / Sim Pass at 1 and k with failures counting 0", () => {
    const m = computeMetrics(samples);
    expect(m.tasks).toBe(2);
    expect(m.metrics.cov_pass.k).toBe(2);
    expect(m.metrics.cov_pass.at1).toBeCloseTo((0.5 + 0) / 2);
    expect(m.metrics.cov_pass.atk).toBeCloseTo((1 + 0) / 2);
    expect(m.metrics.avg_cov.at1).toBeCloseTo(((1 + 0.6) / 2 + (0.2 + 0.4) / 2) / 2);
    expect(m.metrics.sim_pass.at1).toBe(1);
  });
  it("per-round rates use the best state up to each round cap", () => {
    const m = computeMetrics(samples);
    expect(m.per_round.map((p) => p.round)).toEqual([0, 1]);
    expect(m.per_round[0]!.avg_cov).toBeCloseTo((0.5 + 0 + 0.2 + 0.4) / 4);
    expect(m.per_round[1]!.avg_cov).toBeCloseTo((1 + 0.6 + 0.2 + 0.4) / 4);
    expect(m.per_round[1]!.improved).toBe(2);
    expect(m.per_round[0]!.cov_pass).toBe(0);
    expect(m.per_round[1]!.cov_pass).toBe(0.25);
    expect(bestUpTo(samples[2]!.rounds, 1)!.score).toBe(0.2);
  });
});
