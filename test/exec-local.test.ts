import { describe, expect, it } from "vitest";
import { executorConformance, runMeasuringOverlap } from "./executor-conformance.js";
import { LocalExecutor } from "../src/exec/local.js";
import { counterRequest, GOOD_TB, WEAK_TB } from "./fixtures/eda.js";

executorConformance("local pool", () => new LocalExecutor({ slots: 2 }));

describe("the conformance suite's overlap measure", () => {
  it("finds no overlap for a serial executor (so the concurrency check can fail)", async () => {
    const serial = new LocalExecutor({ slots: 1 });
    try {
      const { results, overlap } = await runMeasuringOverlap(serial, [
        counterRequest(GOOD_TB),
        counterRequest(WEAK_TB),
        counterRequest(GOOD_TB.replace("repeat (40)", "repeat (9)")),
      ]);
      expect(results.map((r) => r.status)).toEqual(["pass", "pass", "pass"]);
      expect(overlap).toBeLessThan(0.2);
    } finally {
      await serial.close();
    }
  });
});
