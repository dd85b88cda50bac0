// Faults of the queue with a real redis-server and real worker processes: two workers share
// the work; a SIGKILLed worker's jobs are redelivered and every caller gets exactly one result;
// a Redis restart mid-run; a poisoned job that kills its worker fails after bounded attempts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseQueueUrl, QueueExecutor, queueStatus } from "../src/exec/queue/index.js";
import type { SimResult } from "../src/core/protocol.js";
import { counterRequest, HANG_TB } from "./fixtures/eda.js";
import { designRequest, REDIS_SERVER, REPO_ROOT, TestRedis, WorkerProcess } from "./helpers/redis.js";

const BUILT = existsSync(join(REPO_ROOT, "dist", "cli", "main.js"));
const why = !REDIS_SERVER ? "redis-server is not installed" : "dist/ is missing (npm run build)";
const FAST = ["--heartbeat-ms", "500", "--lock-ms", "2000", "--stalled-ms", "1000"];
const DESIGNS = ["counter", "shift_reg", "pwm", "gray_codec", "alu", "sync_fifo", "uart_tx", "rr_arbiter"];
const ENTRY = join(REPO_ROOT, "test", "helpers", "queue-worker-entry.ts");
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Jobs on distinct designs, so no two share a build. */
const jobs = (n: number) => DESIGNS.slice(0, n).map((d, i) => designRequest(d, "good", `job-${i}`));

/** The workers count their jobs just after completing them: give the counts a moment. */
async function settle<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 40 && !ok(v); i++) v = (await delay(100), await read());
  return v;
}

function expectAllPassOnce(results: SimResult[], n: number): void {
  expect(results.map((r) => r.id)).toEqual(Array.from({ length: n }, (_, i) => `job-${i}`));
  expect(results.map((r) => `${r.id}:${r.status}`)).toEqual(results.map((r) => `${r.id}:pass`));
}

describe.skipIf(!REDIS_SERVER || !BUILT)(`queue faults (skipped if ${why})`, () => {
  let redis: TestRedis;
  let workers: WorkerProcess[] = [];
  let exec: QueueExecutor | undefined;
  beforeEach(async () => {
    redis = new TestRedis();
    await redis.start();
    workers = [];
  });
  afterEach(async () => {
    await exec?.close();
    exec = undefined;
    await Promise.all(workers.map((w) => w.kill("SIGKILL")));
    await redis.stop();
  });

  // A bounded queue timeout, so a failing test cannot hang in close() waiting for a worker.
  const connect = async () =>
    (exec = await QueueExecutor.connect(parseQueueUrl(redis.url()), { pollMs: 300, queueTimeoutMs: 30_000 }));
  const completedTotal = async () => (await queueStatus(parseQueueUrl(redis.url()))).totals.completed;

  it("two workers share one job set", async () => {
    workers = [
      new WorkerProcess(redis.url(), ["--slots", "1", "--name", "a", ...FAST]).start(),
      new WorkerProcess(redis.url(), ["--slots", "1", "--name", "b", ...FAST]).start(),
    ];
    await Promise.all(workers.map((w) => w.ready()));
    const e = await connect();
    const results = await Promise.all(jobs(6).map((j) => e.run(j)));
    expectAllPassOnce(results, 6);
    const s = await settle(
      () => queueStatus(parseQueueUrl(redis.url())),
      (st) => st.workers.reduce((n, w) => n + w.done, 0) >= 6,
    );
    expect(s.workers.map((w) => w.name)).toEqual(["a", "b"]);
    for (const w of s.workers) expect(w.done, `worker ${w.name} did no job`).toBeGreaterThan(0);
    expect(s.workers.reduce((n, w) => n + w.done, 0)).toBe(6);
  });

  it("SIGTERM: the worker takes no new job, finishes its running ones, and exits 0", async () => {
    workers = [new WorkerProcess(redis.url(), ["--slots", "2", "--name", "drainer", ...FAST]).start()];
    await workers[0]!.ready();
    const e = await connect();
    // Two jobs that run until their 4 s wall limit, so both are mid-run at SIGTERM.
    const long = (id: string) => ({
      ...counterRequest(HANG_TB),
      id,
      limits: { simTimeNs: 1e12, wallMs: 4000 },
    });
    const first = Promise.all([e.run(long("long-0")), e.run(long("long-1"))]);
    while (e.stats().running < 2) await delay(50);
    const third = e.run(designRequest("counter", "good", "job-0"));
    await delay(300);
    workers[0]!.proc!.kill("SIGTERM");
    expect(await workers[0]!.exit).toBe(0);
    expect(workers[0]!.output).toMatch(/SIGTERM: no new jobs; finishing 2 running/);
    expect(workers[0]!.output).toMatch(/stopped \(2 done, 0 failed\)/);
    expect((await first).map((r) => [r.id, r.status])).toEqual([
      ["long-0", "timeout"],
      ["long-1", "timeout"],
    ]);
    // The third job waits for another worker; one joining later runs it.
    expect(e.stats()).toMatchObject({ queued: 1, running: 0, done: 2 });
    workers.push(await new WorkerProcess(redis.url(), ["--slots", "1", ...FAST]).start().ready());
    expectAllPassOnce([await third], 1);
  });

  it("a worker SIGKILLed mid-run: its jobs are redelivered, every job finishes exactly once", async () => {
    workers = [
      new WorkerProcess(redis.url(), ["--slots", "2", "--name", "victim", ...FAST]).start(),
      new WorkerProcess(redis.url(), ["--slots", "2", "--name", "survivor", ...FAST]).start(),
    ];
    await Promise.all(workers.map((w) => w.ready()));
    const e = await connect();
    const pending = Promise.all(jobs(8).map((j) => e.run(j)));
    const spec = parseQueueUrl(redis.url());
    let busy = 0;
    for (let i = 0; i < 100 && !busy; i++) {
      busy = (await queueStatus(spec)).workers.find((w) => w.name === "victim")?.active ?? 0;
      if (!busy) await delay(100);
    }
    expect(busy, "the victim never ran a job").toBeGreaterThan(0);
    await workers[0]!.kill("SIGKILL");
    const results = await pending;
    expectAllPassOnce(results, 8);
    expect(e.redelivered).toBeGreaterThanOrEqual(1);
    expect(e.dropped).toBe(0);
    expect(await settle(completedTotal, (n) => n >= 8)).toBe(8); // no job was completed twice
    const s = await queueStatus(spec);
    expect(s.workers.map((w) => w.name)).toEqual(["survivor"]);
    expect(s.active + s.waiting).toBe(0);
  });

  it("Redis restarted mid-run (appendonly): the run completes after reconnecting", async () => {
    workers = [new WorkerProcess(redis.url(), ["--slots", "2", "--name", "w", ...FAST]).start()];
    await workers[0]!.ready();
    const e = await connect();
    let settled = 0;
    const pending = Promise.all(jobs(6).map((j) => e.run(j).finally(() => settled++)));
    while (settled < 1) await delay(50);
    await redis.restart(500);
    const results = await pending;
    expectAllPassOnce(results, 6);
    expect(workers[0]!.alive).toBe(true);
    // The caller saw no second completion of any job (the worker-side totals are counters that
    // ioredis may resend across the restart, so they are only a lower bound here).
    expect(e.dropped).toBe(0);
    expect(await settle(completedTotal, (n) => n >= 6)).toBeGreaterThanOrEqual(6);
  });

  it("a poisoned job that kills its worker fails after bounded attempts; other jobs pass", async () => {
    // Like systemd's Restart=always or the shell loop in docs/queue.md: dead workers come back.
    let stop = false;
    const supervise = (name: string) => {
      const loop = async () => {
        while (!stop) {
          const w = new WorkerProcess(redis.url(), [name, "2", "2"], ENTRY).start();
          workers.push(w);
          await w.exit;
        }
      };
      void loop();
    };
    supervise("p1");
    supervise("p2");
    while (workers.length < 2) await delay(50);
    await Promise.all(workers.map((w) => w.ready(60_000)));
    const e = await connect();
    const innocent = jobs(3);
    const poison = designRequest("counter", "weak", "poison");
    poison.testbench.content = `// POISON\n${poison.testbench.content}`;
    const [bad, ...good] = await Promise.all([e.run(poison), ...innocent.map((j) => e.run(j))]);
    stop = true;
    expect(bad!.status).toBe("infra_error");
    expect(bad!.reason).toMatch(/its worker died 2 times while running it/);
    expectAllPassOnce(good, 3);
  });
});
