// Per-job overhead of the queue executor (BullMQ on a real redis-server, one real
// `llm4cov eda worker` process) against the local executor, on the same real simulation jobs
// with the same number of slots. Both run warm (a first untimed round fills the build caches),
// in alternating order. Bytes per job are counted on the wire by proxies in front of Redis.
// Also, one job at a time, what each adds to the simulator's own stage time (less noisy than
// wall time on a busy machine).
//   npx tsx bench/queue-overhead.ts [jobs=16] [slots=2] [rounds=2]   (needs npm run build)
import { createServer, connect, type Socket } from "node:net";
import type { SimRequestInput, SimResult } from "../src/core/protocol.js";
import type { Executor } from "../src/exec/executor.js";
import { LocalExecutor } from "../src/exec/local.js";
import { parseQueueUrl, QueueExecutor } from "../src/exec/queue/index.js";
import { designRequest, TestRedis, WorkerProcess } from "../test/helpers/redis.js";

const JOBS = Number(process.argv[2] ?? 16);
const SLOTS = Number(process.argv[3] ?? 2);
const ROUNDS = Number(process.argv[4] ?? 2);
const DESIGNS = ["counter", "shift_reg", "pwm", "gray_codec", "alu", "sync_fifo", "uart_tx", "rr_arbiter"];

/** A TCP proxy that counts bytes each way (up: towards Redis). */
async function countingProxy(target: number) {
  const counts = { up: 0, down: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target, "127.0.0.1");
    sockets.add(client).add(upstream);
    client.on("data", (c: Buffer) => (counts.up += c.length));
    upstream.on("data", (c: Buffer) => (counts.down += c.length));
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const close = () => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((r) => server.close(() => r()));
  };
  return { port, counts, close };
}

function requests(): SimRequestInput[] {
  return Array.from({ length: JOBS }, (_, i) =>
    designRequest(
      DESIGNS[i % DESIGNS.length]!,
      i % (2 * DESIGNS.length) < DESIGNS.length ? "good" : "weak",
      `j${i}`,
    ),
  );
}

async function timed(exec: Executor, reqs: SimRequestInput[]): Promise<{ ms: number; results: SimResult[] }> {
  const t0 = performance.now();
  const results = await Promise.all(reqs.map((r) => exec.run(r)));
  return { ms: performance.now() - t0, results };
}

const summary = (r: SimResult) => `${r.status}:${r.coverage?.score?.toFixed(4) ?? "-"}`;

async function main(): Promise<void> {
  const redis = new TestRedis({ persist: false });
  await redis.start();
  const producerProxy = await countingProxy(redis.port);
  const workerProxy = await countingProxy(redis.port);
  const worker = new WorkerProcess(`redis://127.0.0.1:${workerProxy.port}/0`, ["--slots", String(SLOTS)]);
  const reqs = requests();
  const repoBytes = new Map<string, number>();
  for (const r of reqs)
    for (const f of r.rtl) repoBytes.set(f.name + f.content!.length, Buffer.byteLength(f.content!));
  const tbBytes = reqs.reduce((n, r) => n + Buffer.byteLength(r.testbench.content!), 0) / JOBS;
  console.log(
    `${JOBS} jobs on ${DESIGNS.length} example designs, ${SLOTS} slots, ${ROUNDS} timed rounds each; ` +
      `testbench ${Math.round(tbBytes)} B/job, distinct repository files ${[...repoBytes.values()].reduce((a, b) => a + b, 0)} B`,
  );
  const local = new LocalExecutor({ slots: SLOTS });
  let queue: QueueExecutor | undefined;
  try {
    await worker.start().ready();
    queue = await QueueExecutor.connect(parseQueueUrl(`redis://127.0.0.1:${producerProxy.port}/0`), {
      pollMs: 1000,
    });
    // Warm-up (untimed): fills the build caches both executors share on this machine.
    const warm = await timed(local, reqs);
    const first = await timed(queue, reqs);
    const same = warm.results.every((r, i) => summary(r) === summary(first.results[i]!));
    console.log(
      `warm-up: local ${Math.round(warm.ms)} ms, queue ${Math.round(first.ms)} ms; same results: ${same}`,
    );
    const up0 = producerProxy.counts.up;
    const firstUp = up0;
    const firstPayload = queue.bytesSent().payload;
    const down0 = workerProxy.counts.down;
    let localMs = 0;
    let queueMs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order: [string, Executor][] =
        round % 2
          ? [
              ["queue", queue],
              ["local", local],
            ]
          : [
              ["local", local],
              ["queue", queue],
            ];
      for (const [name, exec] of order) {
        const t = await timed(exec, reqs);
        if (name === "local") localMs += t.ms;
        else queueMs += t.ms;
        console.log(
          `round ${round + 1} ${name.padEnd(5)} ${Math.round(t.ms)} ms (${Math.round(t.ms / JOBS)} ms/job)`,
        );
      }
    }
    const n = JOBS * ROUNDS;
    // Steady state: every repository file already in Redis and in the worker's cache.
    const upPerJob = (producerProxy.counts.up - up0) / n;
    const payloadPerJob = (queue.bytesSent().payload - firstPayload) / n;
    const workerDownPerJob = (workerProxy.counts.down - down0) / n;
    console.log(
      `bytes/job (first round, files uploaded): producer->redis ${Math.round(firstUp / JOBS)} B, payload ${Math.round(firstPayload / JOBS)} B`,
    );
    console.log(
      `bytes/job (steady, files by hash): producer->redis ${Math.round(upPerJob)} B (payload ${Math.round(payloadPerJob)} B), redis->worker ${Math.round(workerDownPerJob)} B (testbench ${Math.round(tbBytes)} B)`,
    );
    console.log(
      `local ${Math.round(localMs / n)} ms/job, queue ${Math.round(queueMs / n)} ms/job, overhead ${Math.round((queueMs - localMs) / n)} ms/job (wall time / jobs at ${SLOTS} slots)`,
    );
    // One job at a time: what each executor adds to the simulator's own stage time.
    const added = { local: 0, queue: 0 };
    for (const r of reqs.slice(0, 8))
      for (const [name, exec] of [
        ["local", local],
        ["queue", queue],
      ] as const) {
        const t0 = performance.now();
        const res = await exec.run(r);
        added[name] += performance.now() - t0 - res.timings.reduce((a, x) => a + x.ms, 0);
      }
    const k = Math.min(8, reqs.length);
    console.log(
      `added to the simulator stages, one job at a time: local ${Math.round(added.local / k)} ms/job, queue ${Math.round(added.queue / k)} ms/job`,
    );
    console.log(`ratio: ${(queueMs / localMs).toFixed(3)}`);
  } finally {
    await queue?.close();
    await local.close();
    await worker.kill("SIGTERM");
    await producerProxy.close();
    await workerProxy.close();
    await redis.stop();
  }
}

await main();
