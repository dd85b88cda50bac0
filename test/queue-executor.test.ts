// The queue executor against a real redis-server and a real `llm4cov eda worker` process:
// correct results, the shared conformance suite, files by hash, status, cancellation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { evaluate } from "../src/eda/evaluate.js";
import { parseQueueUrl, QueueExecutor, type QueueStatus } from "../src/exec/queue/index.js";
import { executorConformance } from "./executor-conformance.js";
import { counterRequest, HANG_TB } from "./fixtures/eda.js";
import { designRequest, REDIS_SERVER, REPO_ROOT, runCli, TestRedis, WorkerProcess } from "./helpers/redis.js";

const BUILT = existsSync(join(REPO_ROOT, "dist", "cli", "main.js"));
const why = !REDIS_SERVER ? "redis-server is not installed" : "dist/ is missing (npm run build)";
const FAST = ["--heartbeat-ms", "500", "--lock-ms", "4000", "--stalled-ms", "1000"];

describe.skipIf(!REDIS_SERVER || !BUILT)(`queue executor (skipped if ${why})`, () => {
  const redis = new TestRedis();
  let worker: WorkerProcess;
  beforeAll(async () => {
    await redis.start();
    worker = await new WorkerProcess(redis.url(), ["--slots", "2", "--name", "w1", ...FAST]).start().ready();
  });
  afterAll(async () => {
    await worker?.kill("SIGTERM");
    await redis.stop();
  });

  executorConformance("queue", () => QueueExecutor.connect(parseQueueUrl(redis.url()), { pollMs: 300 }));

  it("returns the same results as the local pipeline, sending repository files once", async () => {
    const exec = await QueueExecutor.connect(parseQueueUrl(redis.url()), { pollMs: 300 });
    try {
      const reqs = [
        designRequest("uart_rx", "good", "a"),
        designRequest("uart_rx", "weak", "b"),
        designRequest("shift_reg", "good", "c"),
      ];
      const first = await exec.run(reqs[0]!);
      const afterFirst = exec.bytesSent().payload;
      const second = await exec.run(reqs[1]!);
      const secondBytes = exec.bytesSent().payload - afterFirst;
      const rest = [second, await exec.run(reqs[2]!)];
      const local = await Promise.all(reqs.map((r) => evaluate(r)));
      const got = [first, ...rest];
      expect(got.map((r) => r.id)).toEqual(["a", "b", "c"]);
      for (const [i, r] of got.entries()) {
        expect(r.status).toBe(local[i]!.status);
        expect(r.coverage?.score).toBe(local[i]!.coverage?.score);
      }
      expect(got[0]!.coverage!.score!).toBeGreaterThan(got[1]!.coverage!.score!);
      // The second uart_rx job carries hashes and its testbench, not the RTL again.
      const rtlBytes = reqs[0]!.rtl.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
      expect(afterFirst).toBeGreaterThan(rtlBytes);
      expect(secondBytes).toBeLessThan(Buffer.byteLength(reqs[1]!.testbench.content) + 2000);
      expect(secondBytes).toBeLessThan(afterFirst - rtlBytes + 2000);
      const sim = new Queue("sim", { connection: { port: redis.port }, prefix: "llm4cov" });
      try {
        expect(await sim.getJobCounts("completed")).toEqual({ completed: 0 }); // collected results are removed
      } finally {
        await sim.close();
      }
    } finally {
      await exec.close();
    }
  });

  it("`sim --eda redis://...` runs through the queue", async () => {
    const d = join(REPO_ROOT, "examples/designs/counter");
    const r = await runCli([
      "sim",
      "--rtl",
      join(d, "rtl/up_down_counter.sv"),
      "--tb",
      join(d, "reference/good_tb.sv"),
      "--json",
      "--eda",
      redis.url(),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as { status: string; coverage: { score: number } };
    expect(res.status).toBe("pass");
    expect(res.coverage.score).toBeGreaterThan(0.8);
  });

  it("`eval --eda redis://...` runs a whole evaluation through the queue", async () => {
    const out = mkdtempSync(join(tmpdir(), "llm4cov-queue-eval-"));
    try {
      const dataset = join(REPO_ROOT, "examples/designs.jsonl");
      const r = await runCli([
        ...["eval", "--dataset", dataset, "--limit", "2", "--policy", "builtin", "--mode", "direct"],
        ...["--samples", "1", "--eda", redis.url(), "--out", join(out, "run"), "--json"],
      ]);
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout) as { tasks: number; metrics: { sim_pass: { at1: number } } };
      expect(summary.tasks).toBe(2);
      expect(summary.metrics.sim_pass.at1).toBe(1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("`eda status` lists the worker, its slots and the totals", async () => {
    const r = await runCli(["eda", "status", "--queue", redis.url(), "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as QueueStatus;
    expect(s.workers.map((w) => w.name)).toEqual(["w1"]);
    expect(s.slots).toBe(2);
    expect(s.totals.completed).toBeGreaterThanOrEqual(12);
    expect(s.waiting).toBe(0);
    expect(s.files.blobs).toBeGreaterThanOrEqual(3);
    const text = await runCli(["eda", "status", "--queue", redis.url()]);
    expect(text.stdout).toMatch(/workers\s+1 live, 2 slots/);
    expect(text.stdout).toMatch(/w1 .*0\/2 busy/);
  });

  it("cancels a running job (the worker stops it) and removes a waiting one", async () => {
    const exec = await QueueExecutor.connect(parseQueueUrl(redis.url()), { pollMs: 300 });
    const sim = new Queue("sim", { connection: { port: redis.port }, prefix: "llm4cov" });
    try {
      const long = { limits: { simTimeNs: 1e12, wallMs: 30_000 } };
      const running = [new AbortController(), new AbortController()];
      const waiting = new AbortController();
      const ps = running.map((ac, i) =>
        exec.run({ ...counterRequest(HANG_TB, long), id: `run-${i}` }, ac.signal),
      );
      while (exec.stats().running < 2) await new Promise((r) => setTimeout(r, 100));
      const pw = exec.run({ ...counterRequest(HANG_TB, long), id: "wait" }, waiting.signal);
      await new Promise((r) => setTimeout(r, 500));
      expect(exec.stats()).toMatchObject({ running: 2, queued: 1 });
      const t0 = Date.now();
      waiting.abort();
      for (const ac of running) ac.abort();
      const results = await Promise.all([...ps, pw]);
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(results.map((r) => [r.id, r.status])).toEqual([
        ["run-0", "infra_error"],
        ["run-1", "infra_error"],
        ["wait", "infra_error"],
      ]);
      expect(results[2]!.reason).toBe("cancelled before it ran");
      // The worker stops the running simulations: its slots are free again within seconds.
      const t1 = Date.now();
      const busy = async () => {
        const c = await sim.getJobCounts("active", "waiting");
        return (c.active ?? 0) + (c.waiting ?? 0);
      };
      while ((await busy()) > 0) {
        expect(Date.now() - t1).toBeLessThan(10_000);
        await new Promise((r) => setTimeout(r, 200));
      }
      const after = await exec.run(counterRequest(HANG_TB.replace("en = 1;", "en = 1; #100 $finish;")));
      expect(after.status).toBe("pass");
      expect(exec.dropped).toBe(2); // the two stopped jobs' results came back and were discarded
    } finally {
      await sim.close();
      await exec.close();
    }
  });
});
