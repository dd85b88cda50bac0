// State selection on constructed drafts: worst-state rule and the budget-matched baselines.
import { describe, expect, it } from "vitest";
import {
  countSplits,
  DEFAULT_SELECTION,
  selectStates,
  selectWorst,
  type Draft,
  type SelectionOptions,
} from "../src/synth/selection.js";

const ok = (id: string, score: number): Draft => ({ stateId: id, score, simPass: true, hasTestbench: true });
const fail = (id: string, hasTestbench = true): Draft => ({
  stateId: id,
  score: 0,
  simPass: false,
  hasTestbench,
});
const opts = (o: Partial<SelectionOptions> = {}): SelectionOptions => ({ ...DEFAULT_SELECTION, ...o });
const picked = (p: { draft: Draft; split: string }[]) => p.map((x) => `${x.draft.stateId}:${x.split}`);

describe("worst-state selection", () => {
  it("picks the lowest-coverage successful draft; the first one on ties", () => {
    const drafts = [ok("a", 0.6), ok("b", 0.4), ok("c", 0.4), ok("d", 0.45)];
    expect(picked(selectWorst(drafts, opts()))).toEqual(["b:worst"]);
  });

  it("adds one failure state only with withFailure, preferring a simulator failure to a parse failure", () => {
    const drafts = [ok("a", 0.5), fail("p", false), fail("f"), fail("g"), ok("b", 0.55)];
    expect(picked(selectWorst(drafts, opts()))).toEqual(["a:worst"]);
    expect(picked(selectWorst(drafts, opts({ withFailure: true })))).toEqual(["a:worst", "f:failure"]);
  });

  it("adds the median state when it beats the worst by more than the threshold", () => {
    // successful, ascending: 0.2 0.5 0.7 0.8 0.9 -> lower median 0.7
    const drafts = [ok("a", 0.9), ok("b", 0.2), ok("c", 0.7), ok("d", 0.5), ok("e", 0.8)];
    expect(picked(selectWorst(drafts, opts()))).toEqual(["b:worst", "c:median"]);
    expect(picked(selectWorst(drafts, opts({ medianThreshold: 0.5 })))).toEqual(["b:worst"]);
  });

  it("does not add the median when it is within the threshold (and the gap equal to it is not more)", () => {
    const within = [ok("a", 0.5), ok("b", 0.55), ok("c", 0.58)];
    expect(picked(selectWorst(within, opts()))).toEqual(["a:worst"]);
    const equal = [ok("a", 0.5), ok("b", 0.6), ok("c", 0.9)]; // median 0.6, gap exactly 0.1
    expect(picked(selectWorst(equal, opts()))).toEqual(["a:worst"]);
    // even count: the lower median
    const even = [ok("a", 0.1), ok("b", 0.3), ok("c", 0.9), ok("d", 0.95)];
    expect(picked(selectWorst(even, opts()))).toEqual(["a:worst", "b:median"]);
  });

  it("when every draft failed, selects only the failure state (with or without withFailure)", () => {
    const drafts = [fail("p", false), fail("f"), fail("g")];
    expect(picked(selectWorst(drafts, opts()))).toEqual(["f:failure"]);
    expect(picked(selectWorst(drafts, opts({ withFailure: true })))).toEqual(["f:failure"]);
  });

  it("skips drafts at full coverage; a repository with nothing to improve yields nothing", () => {
    expect(selectWorst([ok("a", 1), ok("b", 1)], opts())).toEqual([]);
    expect(picked(selectWorst([ok("a", 1), ok("b", 0.8)], opts()))).toEqual(["b:worst"]);
    expect(selectWorst([], opts())).toEqual([]);
  });
});

describe("baselines fill the worst-state budget (paper §4.4)", () => {
  // worst picks: worst (0.2) + failure + median (0.6, gap 0.4) = budget 3
  const drafts = [
    ok("a", 0.9),
    ok("b", 0.2),
    fail("f"),
    ok("c", 0.6),
    ok("d", 0.8),
    ok("e", 0.5),
    ok("g", 0.9),
  ];
  const o = opts({ withFailure: true });

  it("the worst-state budget", () => {
    expect(picked(selectStates("t", drafts, o))).toEqual(["b:worst", "f:failure", "c:median"]);
  });

  it("best: the best states, then lower-ranked ones (first draft first on ties)", () => {
    const p = selectStates("t", drafts, { ...o, strategy: "best" });
    expect(picked(p)).toEqual(["a:best", "g:best", "d:best"]);
    expect(p.map((x) => x.fill)).toEqual([false, true, true]);
  });

  it("best falls back to failed drafts when successful ones run out", () => {
    const few = [ok("a", 0.3), fail("f")];
    expect(picked(selectStates("t", few, { ...o, strategy: "best" }))).toEqual(["a:best", "f:failure"]);
  });

  it("median: the median, the worst when the gap exceeds the threshold, then the nearest to the median", () => {
    // ascending successful: b .2, e .5, c .6, d .8, a .9, g .9 -> lower median index 2 = c (0.6)
    const p = selectStates("t", drafts, { ...o, strategy: "median" });
    expect(picked(p)).toEqual(["c:median", "b:worst", "e:median"]);
    expect(p.map((x) => x.fill)).toEqual([false, false, true]);
  });

  it("median within the threshold: the median alone fills with its neighbours", () => {
    const close = [ok("a", 0.5), ok("b", 0.52), ok("c", 0.55), fail("f")];
    const worst = selectStates("t", close, o);
    expect(picked(worst)).toEqual(["a:worst", "f:failure"]);
    expect(picked(selectStates("t", close, { ...o, strategy: "median" }))).toEqual(["b:median", "a:median"]);
  });

  it("uniform: the same budget, seeded, deterministic, and different seeds can differ", () => {
    const many = Array.from({ length: 12 }, (_, i) => ok(`s${i}`, 0.1 + i * 0.05));
    const u = opts({ strategy: "uniform", seed: 7 });
    const a = selectStates("task-1", many, u);
    const budget = selectStates("task-1", many, opts()).length;
    expect(a).toHaveLength(budget);
    expect(a.every((x) => x.split === "uniform")).toBe(true);
    expect(picked(selectStates("task-1", many, u))).toEqual(picked(a));
    const seeds = new Set(
      Array.from({ length: 8 }, (_, s) =>
        picked(selectStates("task-1", many, { ...u, seed: s }))
          .sort()
          .join(),
      ),
    );
    expect(seeds.size).toBeGreaterThan(1);
    // every state of a full budget is distinct
    const all = selectStates("t", drafts, { ...o, strategy: "uniform" });
    expect(new Set(all.map((x) => x.draft.stateId)).size).toBe(3);
  });

  it("every strategy uses exactly the worst-state budget on every repository", () => {
    const repos: Draft[][] = [
      drafts,
      [fail("x"), fail("y")],
      [ok("a", 1), ok("b", 1)],
      [ok("a", 0.3)],
      [ok("a", 0.3), ok("b", 0.9), fail("z", false)],
    ];
    for (const [i, r] of repos.entries()) {
      const budget = selectStates(`r${i}`, r, o).length;
      for (const strategy of ["best", "uniform", "median"] as const)
        expect(selectStates(`r${i}`, r, { ...o, strategy }), `${strategy} on repo ${i}`).toHaveLength(budget);
    }
  });

  it("counts picks per split", () => {
    const p = selectStates("t", drafts, o);
    expect(countSplits(p)).toEqual({ worst: 1, failure: 1, median: 1, best: 0, uniform: 0 });
  });
});
