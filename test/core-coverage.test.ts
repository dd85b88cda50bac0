import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  informativeOrder,
  isCovered,
  parseCoverageDat,
  parseLineSet,
  scoreOf,
  summarizeCoverage,
  targetChecks,
} from "../src/core/coverage.js";
import type { UncoveredPoint } from "../src/core/protocol.js";

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
  [{ f: "rtl/m.sv", l: "2", n: "1", page: "v_future/m", o: "x", h: "TOP.tb.dut" }, 0],
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
      hier: "tb.dut", // TOP. (written by older versions) is dropped
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
    expect(c.expression).toBeNull();
    expect(c.fsm).toBeNull();
    // The score's block family is line and branch points together (3 of 5).
    expect(c.block).toBeCloseTo(3 / 5);
    expect(c.score).toBeCloseTo((3 / 5 + 0.5) / 2);
    expect(c.instances.map((i) => i.path)).toEqual(["dut", "dut.sub"]);
    expect(c.uncovered.map((u) => `${u.kind}:${u.line}:${u.detail}`)).toEqual([
      "line:4:block",
      "branch:3:else",
      "toggle:1:x[0]: changed once",
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

  it("score is the mean of measured families only; line and branch are one family", () => {
    expect(scoreOf({ line: { covered: 1, total: 2 } })).toBe(0.5);
    expect(scoreOf({ line: { covered: 1, total: 1 }, toggle: { covered: 0, total: 0 } })).toBe(1);
    expect(scoreOf({})).toBeNull();
    // 74 line points at 46 % beside 4 branch points at 100 % (the thermostat case): the block
    // family is 38/78, not the mean of 46 % and 100 %.
    const thermostat = { line: { covered: 34, total: 74 }, branch: { covered: 4, total: 4 } };
    expect(scoreOf(thermostat)).toBeCloseTo(38 / 78);
    expect(
      scoreOf({
        ...thermostat,
        expression: { covered: 1, total: 2 },
        fsm_state: { covered: 3, total: 4 },
        fsm_arc: { covered: 1, total: 4 },
      }),
    ).toBeCloseTo((38 / 78 + 0.5 + 4 / 8) / 3);
  });
});

// Real coverage.dat files of one design (test/fixtures/coverage-probe.sv with
// coverage-probe-tb.sv) written by our pipeline on Verilator 5.048 and 5.006.
const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
const PROBE_SOURCES = new Map([["rtl/probe.sv", fixture("coverage-probe.sv")]]);
const probe = (dat: string) =>
  summarizeCoverage(parseCoverageDat(fixture(dat)), { tbTop: "tb", instance: "dut", sources: PROBE_SOURCES });

describe("Verilator 5.048 coverage.dat", () => {
  const points = parseCoverageDat(fixture("coverage-5048.dat"));

  it("merges the two toggle directions into one bit, covered only when both were seen", () => {
    const bit = (name: string) => points.find((p) => p.kind === "toggle" && p.comment === name)!;
    expect(bit("a[0]")).toMatchObject({ hier: "tb.dut", rise: 1, fall: 0 });
    expect(isCovered(bit("a[0]"))).toBe(false);
    expect(isCovered(bit("clk"))).toBe(true);
    expect(points.filter((p) => p.kind === "toggle" && p.comment.includes("->"))).toEqual([]);
  });

  it("reads expression terms and FSM states/arcs placed by their state variable", () => {
    const expr = points.filter((p) => p.kind === "expression" && p.hier === "tb.dut");
    expect(expr.map((p) => p.comment)).toContain("(go==1 && (st == RUN)==1) => 1");
    const fsm = points.filter((p) => p.kind === "fsm_state" || p.kind === "fsm_arc");
    expect(fsm.length).toBe(9);
    // The tool files FSM points under TOP; the state variable tb.dut.st says where they belong.
    for (const p of fsm) expect(p).toMatchObject({ hier: "tb.dut", module: "$root" });
    expect(fsm.find((p) => p.fsm?.tag === "reset")?.fsm).toMatchObject({ from: "ANY", to: "IDLE" });
  });

  it("summarizes every family of the DUT subtree; reset-only arcs are not scored", () => {
    const c = probe("coverage-5048.dat");
    expect(c.line).toBeCloseTo(7 / 10);
    expect(c.branch).toBeCloseTo(4 / 6);
    expect(c.block).toBeCloseTo(11 / 16);
    expect(c.expression).toBeCloseTo(4 / 6);
    expect(c.toggle).toBeCloseTo(5 / 18);
    expect(c.user).toBe(1);
    expect(c.fsm).toEqual({ score: 1, state: 1, arc: 1 });
    expect(c.instances[0]!.counts.fsm_arc).toEqual({ covered: 4, total: 4 });
    expect(c.score).toBeCloseTo((11 / 16 + 4 / 6 + 5 / 18 + 1 + 1) / 5);
  });

  it("names what is missing: a never-called function as one range, terms, bits with direction", () => {
    const c = probe("coverage-5048.dat");
    const text = c.uncovered.map(
      (u) => `${u.kind} L${u.line}${u.endLine ? `-${u.endLine}` : ""} ${u.detail}`,
    );
    expect(text).toContain("line L13-18 function mix: never entered");
    expect(text).toContain("expression L36 (go==1 && (st == RUN)==1) => 1");
    expect(text).toContain("toggle L5 a[0]: never 1->0");
    expect(text).toContain("toggle L4 go: never toggled");
    expect(text).toContain("line L36 always_ff @(posedge clk): elsif");
    // Nothing of the never-entered function is listed a second time.
    expect(c.uncovered.filter((u) => u.line >= 13 && u.line <= 18)).toHaveLength(1);
    expect(c.uncoveredTotal).toBe(c.uncovered.length);
  });
});

describe("Verilator 5.006 coverage.dat of the same design", () => {
  it("has no expression or FSM family; the shared families agree with 5.048", () => {
    const old = probe("coverage-5006.dat");
    const modern = probe("coverage-5048.dat");
    expect(old.expression).toBeNull();
    expect(old.fsm).toBeNull();
    for (const k of ["line", "branch", "block", "toggle", "user"] as const) expect(old[k]).toBe(modern[k]);
    expect(old.score).toBeCloseTo((11 / 16 + 5 / 18 + 1) / 3);
    expect(old.uncovered.map((u) => u.detail)).toContain("a[0]: changed once");
  });
});

describe("informative order of uncovered points", () => {
  const u = (kind: UncoveredPoint["kind"], line: number, detail: string, scope?: string): UncoveredPoint => ({
    kind,
    file: "rtl/m.sv",
    line,
    instance: "dut",
    detail,
    source: "",
    ...(scope ? { scope } : {}),
  });

  it("families take turns and every construct gets a place before one repeats", () => {
    const points = [
      ...Array.from({ length: 30 }, (_, i) => u("line", 100 + i * 3, "never entered", `function f${i % 3}`)),
      u("branch", 10, "if"),
      u("branch", 10, "else"),
      u("branch", 20, "else"),
      u("expression", 30, "(a==1) => 1"),
      u("expression", 30, "(b==1) => 1"),
      u("expression", 40, "(c==0) => 0"),
      ...Array.from({ length: 8 }, (_, i) => u("toggle", 5, `data[${i}]: never toggled`)),
      u("toggle", 6, "valid: never 1->0"),
    ];
    const first = informativeOrder(points).slice(0, 12);
    const label = (p: UncoveredPoint) => `${p.kind}:${p.line}:${p.detail.split(":")[0]}`;
    expect(first.map(label)).toEqual([
      "line:100:never entered",
      "branch:10:if",
      "expression:30:(a==1) => 1",
      "toggle:5:data[0]",
      "line:103:never entered",
      "branch:20:else",
      "expression:40:(c==0) => 0",
      "toggle:6:valid",
      "line:106:never entered",
      "branch:10:else",
      "expression:30:(b==1) => 1",
      "toggle:5:data[1]",
    ]);
    expect(informativeOrder(points)).toHaveLength(points.length);
  });
});
