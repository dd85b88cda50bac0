// Real Verilator simulations through the evaluation pipeline.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/eda/evaluate.js";
import {
  CLASS_TB,
  COMPILE_ERROR_TB,
  COUNTER_RTL,
  counterRequest,
  ERROR_CONTINUES_TB,
  FATAL_TB,
  GOOD_TB,
  HANG_TB,
  NO_FINISH_TB,
  SPIN_TB,
  SYSTEM_TB,
  WEAK_TB,
} from "./fixtures/eda.js";

describe("verilator pipeline", () => {
  it("scores a good testbench clearly above a weak one, DUT points only", async () => {
    const good = await evaluate(counterRequest(GOOD_TB));
    const weak = await evaluate(counterRequest(WEAK_TB));
    expect(good.status).toBe("pass");
    expect(weak.status).toBe("pass");
    expect(good.coverage!.instanceFound).toBe(true);
    expect(good.coverage!.score!).toBeGreaterThan(weak.coverage!.score! + 0.2);
    expect(good.coverage!.line).toBe(1);
    // Only DUT files and the DUT instance are measured.
    for (const u of weak.coverage!.uncovered) {
      expect(u.file).toBe("rtl/counter.sv");
      expect(u.instance).toBe("dut");
    }
    // Unexecuted code comes as ranges: the load arm (q <= din) lies inside one.
    const loadLine = COUNTER_RTL.split("\n").findIndex((l) => l.includes("q <= din")) + 1;
    expect(
      weak.coverage!.uncovered.some(
        (u) => u.kind === "line" && u.line <= loadLine && (u.endLine ?? u.line) >= loadLine,
      ),
    ).toBe(true);
    expect(weak.targets[0]).toMatchObject({ inst_name: "dut", target: 90, met: false });
    expect(good.timings.map((t) => t.stage)).toEqual(["prepare", "verilate", "build", "run", "coverage"]);
  });

  it("reports a compile error with structured diagnostics and does not build", async () => {
    const r = await evaluate(counterRequest(COMPILE_ERROR_TB));
    expect(r.status).toBe("compile_error");
    const err = r.diagnostics.find((d) => d.severity === "error")!;
    expect(err.file).toBe("tb/tb.sv");
    expect(err.line).toBeGreaterThan(8);
    expect(err.message.length).toBeGreaterThan(0);
    expect(r.timings.some((t) => t.stage === "build")).toBe(false);
    expect(r.coverage).toBeNull();
  });

  it("ends a testbench without $finish at the simulated-time limit, with coverage", async () => {
    const started = Date.now();
    const r = await evaluate(counterRequest(HANG_TB, { limits: { simTimeNs: 20_000, wallMs: 30_000 } }));
    expect(r.status).toBe("timeout");
    expect(r.reason).toMatch(/simulated-time/);
    expect(r.simTimeNs!).toBeGreaterThanOrEqual(19_000);
    expect(r.coverage!.score!).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("stops a zero-delay loop at the wall-clock limit and still saves coverage", async () => {
    const started = Date.now();
    const r = await evaluate(counterRequest(SPIN_TB, { limits: { wallMs: 6_000 } }));
    const elapsed = Date.now() - started;
    expect(r.status).toBe("timeout");
    expect(elapsed).toBeLessThan(9_000);
    expect(r.coverage).not.toBeNull();
    expect(r.coverage!.toggle!).toBeGreaterThan(0);
  });

  it("$fatal ends the run as runtime_error and keeps the coverage so far", async () => {
    const r = await evaluate(counterRequest(FATAL_TB));
    expect(r.status).toBe("runtime_error");
    expect(r.reason).toMatch(/\$fatal/);
    expect(r.log).not.toContain("MUST-NOT-PRINT-LATER");
    expect(r.coverage!.score!).toBeGreaterThan(0);
  });

  it("$error is counted and the run continues to $finish", async () => {
    const r = await evaluate(counterRequest(ERROR_CONTINUES_TB));
    expect(r.status).toBe("pass");
    expect(r.errorCount).toBe(2);
    expect(r.log).toContain("STILL-RUNNING q=");
  });

  it("a run that ends without events and without $finish is no_finish", async () => {
    const r = await evaluate(counterRequest(NO_FINISH_TB));
    expect(r.status).toBe("no_finish");
    expect(r.coverage!.score!).toBeGreaterThan(0);
  });

  it("builds a class-based testbench with coverage (verilator#3998 workaround)", async () => {
    const r = await evaluate(counterRequest(CLASS_TB));
    expect(r.status, r.log).toBe("pass");
    expect(r.log).toContain("CLASS-DONE 30");
    expect(r.coverage!.instanceFound).toBe(true);
    expect(r.coverage!.branch!).toBeGreaterThan(0.5);
    // Class code is testbench code: none of its points appear.
    expect(r.coverage!.uncovered.every((u) => u.file === "rtl/counter.sv")).toBe(true);
  });

  it("rejects $system before any tool runs", async () => {
    const r = await evaluate(counterRequest(SYSTEM_TB));
    expect(r.status).toBe("rejected");
    expect(r.reason).toMatch(/\$system/);
    expect(r.diagnostics[0]).toMatchObject({ rule: "no-system-task-shell", line: 10 });
    expect(existsSync("/tmp/llm4cov-should-not-exist")).toBe(false);
  });

  it("flags a testbench that instantiates the DUT under another name", async () => {
    const r = await evaluate(
      counterRequest(GOOD_TB.replace("counter dut (", "counter u_counter ("), { instance: "dut" }),
    );
    expect(r.status).toBe("pass");
    expect(r.coverage!.instanceFound).toBe(false);
    expect(r.coverage!.score).toBeNull();
    expect(r.diagnostics.some((d) => d.rule === "instance-name" && d.message.includes("u_counter"))).toBe(
      true,
    );
  });

  it("names the broken rule for unsupported constructs", async () => {
    const tb = GOOD_TB.replace(
      "initial begin",
      "covergroup cg @(posedge clk); coverpoint q; endgroup\n  initial begin",
    );
    const r = await evaluate(counterRequest(tb));
    expect(r.diagnostics.some((d) => d.rule === "no-covergroup")).toBe(true);
  });

  it("keeps the head and tail of a huge log and counts what it dropped", async () => {
    const tb = GOOD_TB.replace(
      "initial begin",
      'initial begin\n    $display("FIRST-LINE");\n    for (int i = 0; i < 200000; i++) $display("noise line %0d with some padding text", i);\n    $display("LAST-LINE");',
    );
    const r = await evaluate(counterRequest(tb, { limits: { outputBytes: 8192 } }));
    expect(r.status).toBe("pass");
    expect(r.log).toContain("FIRST-LINE");
    expect(r.log).toContain("Verilog $finish");
    expect(r.logDroppedBytes).toBeGreaterThan(1_000_000);
    expect(r.log.length).toBeLessThan(12_000);
  });
});
