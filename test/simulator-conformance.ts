// The one conformance suite every registered Simulator passes (Verilator, Icarus, command
// adapters), driven through the real job pipeline (evaluate) by registry name.
import { describe, expect, it } from "vitest";
import type { SimLimits } from "../src/core/protocol.js";
import { evaluate } from "../src/eda/evaluate.js";
import { getSimulator } from "../src/eda/registry.js";
import {
  COMPILE_ERROR_TB,
  counterRequest,
  FATAL_TB,
  GOOD_TB,
  HANG_TB,
  SYSTEM_TB,
  WEAK_TB,
} from "./fixtures/eda.js";

export interface ConformanceOptions {
  /** The simulator measures coverage (targets are checked against it). */
  coverage: boolean;
  /** $fatal ends the run as runtime_error. */
  fatal?: boolean;
  /** A run that never finishes is stopped by the wall-clock limit (this many ms) as timeout. */
  wallTimeoutMs?: number;
  /** Why a case does not apply, for the skip message. */
  skip?: string;
}

export function simulatorConformance(name: string, opts: ConformanceOptions): void {
  describe.skipIf(!!opts.skip)(
    `simulator conformance: ${name}${opts.skip ? ` (skipped: ${opts.skip})` : ""}`,
    () => {
      const run = (tb: string, limits: Partial<SimLimits> = {}) =>
        evaluate({ ...counterRequest(tb), simulator: name, id: `conf-${name}`, limits: limits as SimLimits });

      it("is registered and reports its version", async () => {
        const sim = getSimulator(name);
        expect(sim.name).toBe(name);
        expect((await sim.version()).length).toBeGreaterThan(0);
      });

      it("passes a good testbench and names itself in the result", async () => {
        const r = await run(GOOD_TB);
        expect(r.status, r.reason).toBe("pass");
        expect(r.id).toBe(`conf-${name}`);
        expect(r.simulator.name).toBe(name);
        if (opts.coverage) {
          expect(r.coverage!.score!).toBeGreaterThan(0.8);
          expect(r.targets).toHaveLength(1);
          expect(r.targetsMet).toBe(true);
          const weak = await run(WEAK_TB);
          expect(weak.status).toBe("pass");
          expect(weak.coverage!.score!).toBeLessThan(r.coverage!.score!);
          expect(weak.targetsMet).toBe(false);
        } else {
          expect(r.targetsMet).toBeNull();
        }
      });

      it("reports a compile error as compile_error", async () => {
        const r = await run(COMPILE_ERROR_TB);
        expect(r.status).toBe("compile_error");
        expect(r.coverage).toBeNull();
      });

      it("never runs a testbench the pre-check refuses", async () => {
        const r = await run(SYSTEM_TB);
        expect(r.status).toBe("rejected");
      });

      it.skipIf(!opts.fatal)("ends a $fatal run as runtime_error", async () => {
        const r = await run(FATAL_TB);
        expect(r.status).toBe("runtime_error");
      });

      it.skipIf(!opts.wallTimeoutMs)("stops a run that never ends at the wall-clock limit", async () => {
        const started = Date.now();
        const r = await run(HANG_TB, { wallMs: opts.wallTimeoutMs!, simTimeNs: 1e15 });
        expect(r.status, r.reason).toBe("timeout");
        expect(Date.now() - started).toBeLessThan(opts.wallTimeoutMs! + 20_000);
      });
    },
  );
}
