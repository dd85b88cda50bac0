import { describe, expect, it } from "vitest";
import {
  isCovered,
  parseCoverageDat,
  parseLineSet,
  scoreOf,
  summarizeCoverage,
  targetChecks,
} from "../src/core/coverage.js";

const key = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `\x01${k}\x02${v}`)
    .join("");

function dat(points: [Record<string, string>, number][]): string {
  return "# SystemC::Coverage-3\n" + points.map(([f, c]) => `C '${key(f)}' ${c}`).join("\n") + "\n";
}

const SRC = "module m;\n  line two\n  if (a) x = 1;\n  else x = 2;\nendmodule\n";

const DAT = dat([
  [{ f: "rtl/m.sv", l: "2", n: "3", page: "v_line/m", o: "block", S: "2-3", h: "TOP.tb.dut" }, 5],
  [{ f: "rtl/m.sv", l: "4", n: "3", page: "v_line/m", o: "block", S: "4", h: "TOP.tb.dut" }, 0],
  [{ f: "rtl/m.sv", l: "3", n: "3", page: "v_branch/m", o: "if", h: "TOP.tb.dut" }, 3],
  [{ f: "rtl/m.sv", l: "3", n: "4", page: "v_branch/m", o: "else", h: "TOP.tb.dut" }, 0],
  [{ f: "rtl/m.sv", l: "1", n: "1", page: "v_toggle/m", o: "x[0]", h: "TOP.tb.dut" }, 1],
  [{ f: "rtl/m.sv", l: "1", n: "1", page: "v_toggle/m", o: "x[1]", h: "TOP.tb.dut" }, 2],
  [{ f: "rtl/m.sv", l: "2", n: "1", page: "v_line/m", o: "block", h: "TOP.tb.dut.sub" }, 1],
  [{ f: "tb/tb.sv", l: "9", n: "1", page: "v_line/tb", o: "block", h: "TOP.tb" }, 0],
  [{ f: "rtl/m.sv", l: "2", n: "1", page: "v_line/m", o: "block", h: "TOP.tb.dut2" }, 0],
  [{ f: "rtl/m.sv", l: "2", n: "1", page: "v_expr/m", o: "x", h: "TOP.tb.dut" }, 0],
]);

describe("coverage.dat parsing and scoring", () => {
  it("parses fields, kinds and line sets; skips unknown pages", () => {
    const pts = parseCoverageDat(DAT);
    expect(pts).toHaveLength(9);
    expect(pts[0]).toMatchObject({
      file: "rtl/m.sv",
      line: 2,
      kind: "line",
      module: "m",
      hier: "TOP.tb.dut",
      lines: [2, 3],
      count: 5,
    });
    expect(parseLineSet("2,4-6", 1)).toEqual([2, 4, 5, 6]);
    expect(parseLineSet(undefined, 7)).toEqual([7]);
  });

  it("a toggle bit counts only when it rose and fell", () => {
    const [t1, t2] = parseCoverageDat(DAT).filter((p) => p.kind === "toggle");
    expect(isCovered(t1!)).toBe(false);
    expect(isCovered(t2!)).toBe(true);
  });

  it("measures the DUT subtree only: not the testbench, not a sibling named dut2", () => {
    const c = summarizeCoverage(parseCoverageDat(DAT), {
      tbTop: "tb",
      instance: "dut",
      sources: new Map([["rtl/m.sv", SRC]]),
    });
    // line: 2 of 3 blocks (dut: 1/2, dut.sub: 1/1), branch 1/2, toggle 1/2
    expect(c.line).toBeCloseTo(2 / 3);
    expect(c.branch).toBeCloseTo(0.5);
    expect(c.toggle).toBeCloseTo(0.5);
    expect(c.user).toBeNull();
    expect(c.score).toBeCloseTo((2 / 3 + 0.5 + 0.5) / 3);
    expect(c.instances.map((i) => i.path)).toEqual(["dut", "dut.sub"]);
    expect(c.uncovered.map((u) => `${u.kind}:${u.line}:${u.detail}`)).toEqual([
      "line:4:block",
      "branch:3:else",
      "toggle:1:x[0]",
    ]);
    expect(c.uncovered[0]!.source).toBe("else x = 2;");
    expect(c.instanceFound).toBe(true);
  });

  it("checks targets on sub-instances and reports a missing instance", () => {
    const c = summarizeCoverage(parseCoverageDat(DAT), { tbTop: "tb", instance: "dut" });
    const checks = targetChecks(c, [
      { inst_name: "dut.sub", metric: "overall", target_percentage: 100 },
      { inst_name: "dut", metric: "overall", target_percentage: 90 },
      { inst_name: "nope", metric: "overall", target_percentage: 10 },
    ]);
    expect(checks[0]).toMatchObject({ achieved: 100, met: true });
    expect(checks[1]!.met).toBe(false);
    expect(checks[2]).toMatchObject({ achieved: null, met: false });
    expect(summarizeCoverage(parseCoverageDat(DAT), { tbTop: "tb", instance: "zzz" }).instanceFound).toBe(
      false,
    );
  });

  it("score is the mean of measured metrics only", () => {
    expect(scoreOf({ line: { covered: 1, total: 2 } })).toBe(0.5);
    expect(scoreOf({ line: { covered: 1, total: 1 }, toggle: { covered: 0, total: 0 } })).toBe(1);
    expect(scoreOf({})).toBeNull();
  });
});
