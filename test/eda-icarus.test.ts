import { describe, expect, it } from "vitest";
import { evaluate } from "../src/eda/evaluate.js";
import {
  COMPILE_ERROR_TB,
  counterRequest,
  ERROR_CONTINUES_TB,
  FATAL_TB,
  GOOD_TB,
  HANG_TB,
} from "./fixtures/eda.js";

describe("icarus simulator (status only)", () => {
  it("passes a good testbench and measures no coverage", async () => {
    const r = await evaluate(counterRequest(GOOD_TB, { simulator: "icarus" }));
    expect(r.status, r.log).toBe("pass");
    expect(r.simulator.name).toBe("icarus");
    expect(r.coverage).toBeNull();
    expect(r.simTimeNs!).toBeGreaterThan(100);
  });

  it("reports compile errors with file and line", async () => {
    const r = await evaluate(counterRequest(COMPILE_ERROR_TB, { simulator: "icarus" }));
    expect(r.status).toBe("compile_error");
    expect(r.diagnostics[0]).toMatchObject({ severity: "error", file: "tb/tb.sv" });
  });

  it("$fatal is a runtime error, $error continues", async () => {
    expect((await evaluate(counterRequest(FATAL_TB, { simulator: "icarus" }))).status).toBe("runtime_error");
    const r = await evaluate(counterRequest(ERROR_CONTINUES_TB, { simulator: "icarus" }));
    expect(r.status).toBe("pass");
    expect(r.errorCount).toBe(2);
  });

  it("bounds simulated time", async () => {
    const r = await evaluate(counterRequest(HANG_TB, { simulator: "icarus", limits: { simTimeNs: 5_000 } }));
    expect(r.status).toBe("timeout");
    expect(r.reason).toMatch(/simulated-time/);
  });
});
