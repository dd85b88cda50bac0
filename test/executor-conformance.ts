// The one conformance suite every Executor passes (local pool, stdio server, SSH, queue).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimRequestInput, SimResult } from "../src/core/protocol.js";
import type { Executor } from "../src/exec/executor.js";
import { COMPILE_ERROR_TB, counterRequest, GOOD_TB, SYSTEM_TB, WEAK_TB } from "./fixtures/eda.js";

/**
 * Runs the requests at once and measures how much their executions overlapped: each job's
 * interval is [end - duration, end], the end seen by the client, the duration the server's own
 * stage timings. Returns the results and the largest overlap of two jobs as a fraction of the
 * shorter one (about 0 for a serial executor, near 1 when two jobs ran side by side).
 */
export async function runMeasuringOverlap(
  exec: Executor,
  requests: SimRequestInput[],
): Promise<{ results: SimResult[]; overlap: number }> {
  const ends: number[] = [];
  const results = await Promise.all(
    requests.map((r, i) =>
      exec.run(r).then((res) => {
        ends[i] = performance.now();
        return res;
      }),
    ),
  );
  const spans = results.map((r, i) => {
    const ms = r.timings.reduce((a, t) => a + t.ms, 0);
    return { start: ends[i]! - ms, end: ends[i]!, ms };
  });
  let overlap = 0;
  for (let a = 0; a < spans.length; a++)
    for (let b = a + 1; b < spans.length; b++) {
      const x = spans[a]!;
      const y = spans[b]!;
      const shorter = Math.min(x.ms, y.ms);
      if (shorter < 50) continue; // rejected before any tool ran: nothing to overlap
      const both = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      overlap = Math.max(overlap, Math.max(0, both) / shorter);
    }
  return { results, overlap };
}

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
      const { results, overlap } = await runMeasuringOverlap(
        exec,
        tbs.map((tb, i) => ({ ...counterRequest(tb), id: `many-${i}` })),
      );
      // Really at the same time: two simulations were in progress together for most of their run.
      expect(overlap).toBeGreaterThan(0.5);
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
