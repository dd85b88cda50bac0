// The one conformance suite every Executor passes (local pool, stdio server, SSH, queue).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Executor } from "../src/exec/executor.js";
import { COMPILE_ERROR_TB, counterRequest, GOOD_TB, SYSTEM_TB, WEAK_TB } from "./fixtures/eda.js";

export function executorConformance(name: string, make: () => Promise<Executor> | Executor): void {
  describe(`executor conformance: ${name}`, () => {
    let exec: Executor;
    beforeAll(async () => {
      exec = await make();
    });
    afterAll(async () => {
      await exec?.close();
    });

    it("runs one job and echoes its id", async () => {
      const r = await exec.run({ ...counterRequest(GOOD_TB), id: "conf-1" });
      expect(r.id).toBe("conf-1");
      expect(r.status).toBe("pass");
      expect(r.coverage!.score!).toBeGreaterThan(0.8);
    });

    it("runs several jobs concurrently, each result matching its request", async () => {
      const tbs = [
        GOOD_TB,
        WEAK_TB,
        COMPILE_ERROR_TB,
        SYSTEM_TB,
        GOOD_TB.replace("repeat (40)", "repeat (7)"),
      ];
      const results = await Promise.all(
        tbs.map((tb, i) => exec.run({ ...counterRequest(tb), id: `many-${i}` })),
      );
      expect(results.map((r) => r.id)).toEqual(tbs.map((_, i) => `many-${i}`));
      expect(results.map((r) => r.status)).toEqual(["pass", "pass", "compile_error", "rejected", "pass"]);
      expect(results[0]!.coverage!.score!).toBeGreaterThan(results[1]!.coverage!.score!);
      expect(exec.stats().done).toBeGreaterThanOrEqual(6);
    });

    it("rejects a malformed request (permanent error) and keeps working", async () => {
      const bad = { ...counterRequest(GOOD_TB), rtl: [] } as never;
      await expect(exec.run(bad)).rejects.toThrow(/rtl|too_small|least/i);
      expect((await exec.run(counterRequest(WEAK_TB))).status).toBe("pass");
    });
  });
}
