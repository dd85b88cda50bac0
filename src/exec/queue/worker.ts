// `llm4cov eda worker --queue redis://...`: takes simulation jobs from the BullMQ queue and runs
// them through the same local pipeline as the local executor (sandbox, limits, caches). BullMQ
// renews each job's lock while it runs; a worker that dies stops renewing, and after the lock
// expires another worker's stalled check puts the job back. A job whose workers keep dying is
// failed after `maxAttempts` such deaths; a job re-run after one (a suspect) runs only on a worker
// running nothing else, and no other job starts beside it, so a poisoned job cannot take innocent
// jobs down with it more than once.
import { hostname } from "node:os";
import { availableParallelism } from "node:os";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import { z } from "zod";
import type { SimRequest } from "../../core/protocol.js";
import { BlobStore } from "../../eda/blob-store.js";
import { evaluate, getSimulator } from "../../eda/evaluate.js";
import { RedisBlobs } from "./blobs.js";
import { probeRedis } from "./connect.js";
import { QueueKeys } from "./keys.js";
import { redactText, redisOptions, type QueueSpec } from "./spec.js";
import { aliveUntil, DEFAULT_HEARTBEAT_MS, QueueJobData, type QueueReturn, type WorkerBeat } from "./wire.js";

export interface QueueWorkerOptions {
  spec: QueueSpec;
  /** Concurrent jobs (default: the cores). */
  slots?: number;
  /** Shown by `eda status` (default: the host name). */
  name?: string;
  /** BullMQ lock, renewed every half of it while a job runs (default 60 s). */
  lockMs?: number;
  /** How often this worker looks for jobs whose worker died (default 30 s). */
  stalledMs?: number;
  heartbeatMs?: number;
  /** Times a job's worker may die while running it before the job fails for good (default 3). */
  maxAttempts?: number;
  /** Beyond a job's wall limit, when the worker stops it itself (default 30 s). */
  watchdogGraceMs?: number;
  workRoot?: string;
  /** Bound of the in-memory cache of repository files (default 512 MiB). */
  blobBytes?: number;
  log?: (line: string) => void;
  /** Called as each job starts running (instrumentation; tests use it to crash mid-job). */
  onJobStart?: (request: SimRequest, info: { jobId: string; attempt: number }) => void | Promise<void>;
}

export interface QueueWorkerStats {
  active: number;
  done: number;
  failed: number;
}

export interface QueueWorkerHandle {
  readonly id: string;
  readonly name: string;
  readonly slots: number;
  stats(): QueueWorkerStats;
  /** Stops taking jobs, lets running ones finish for up to `graceMs` (then aborts them), exits. */
  close(graceMs?: number): Promise<void>;
  /** Stops the running simulations now (their jobs are redelivered once the locks expire). */
  abort(): void;
}

/**
 * Who may start here: a suspect (a job whose worker died while running it) only when nothing
 * else runs, and nothing starts beside a suspect. The others are put back for a moment rather
 * than waiting here, so they cannot die with a suspect that turns out to be poisoned.
 */
class Admission {
  private running = 0;
  private suspect = false;

  /** Synchronous, so checking and claiming cannot interleave with another job's. */
  claim(isSuspect: boolean): boolean {
    if (this.suspect || (isSuspect && this.running > 0)) return false;
    this.running++;
    this.suspect = isSuspect;
    return true;
  }

  release(): void {
    this.running--;
    this.suspect = false;
  }
}

async function toolVersion(name: string): Promise<string | null> {
  try {
    return await getSimulator(name).version();
  } catch {
    return null;
  }
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 64) || "worker";

export async function startQueueWorker(opts: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const { spec } = opts;
  await probeRedis(spec); // one clear line for a wrong password or an unreachable server
  const log = opts.log ?? (() => undefined);
  const slots = opts.slots ?? availableParallelism();
  const name = opts.name ?? hostname();
  const id = `${safeName(name)}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const heartbeatMs = opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const maxAttempts = opts.maxAttempts ?? 3;
  const grace = opts.watchdogGraceMs ?? 30_000;
  const keys = new QueueKeys(spec);
  const client = new Redis(redisOptions(spec));
  const subscriber = new Redis(redisOptions(spec));
  const blobs = new RedisBlobs(client, keys);
  const cache = new BlobStore(opts.blobBytes);
  const admission = new Admission();
  const deferMs = Math.max(200, Math.min(2000, (opts.stalledMs ?? 30_000) / 2));
  const running = new Map<string, AbortController>();
  const counts = { done: 0, failed: 0 };
  let lastError = "";
  const report = (what: string, err: unknown) => {
    const line = `worker ${name}: ${what}: ${redactText((err as Error)?.message ?? String(err), spec)}`;
    if (line !== lastError) log(line); // once per kind of outage, not once per retry
    lastError = line;
  };
  client.on("error", (e) => report("redis", e));
  subscriber.on("error", (e) => report("redis (cancel channel)", e));

  const simulators = {
    verilator: await toolVersion("verilator"),
    icarus: await toolVersion("icarus"),
  };
  const startedAt = Date.now();
  let draining = false;

  /** Repository files from the local cache, else Redis; null lists what neither holds. */
  async function resolveRtl(request: SimRequest): Promise<{ rtl: SimRequest["rtl"]; missing: string[] }> {
    const want = request.rtl.filter((f) => f.content === undefined && f.sha256 && !cache.has(f.sha256));
    const shas = [...new Set(want.map((f) => f.sha256!))];
    const got = await blobs.get(shas);
    const missing: string[] = [];
    shas.forEach((s, i) => (got[i] === undefined ? missing.push(s) : cache.put(got[i]!, s)));
    const rtl = request.rtl.map((f) =>
      f.content !== undefined || !f.sha256 ? f : { ...f, content: cache.get(f.sha256) ?? "" },
    );
    return { rtl, missing };
  }

  async function processJob(job: Job, token?: string, signal?: AbortSignal): Promise<QueueReturn> {
    const parsed = QueueJobData.safeParse(job.data);
    if (!parsed.success)
      throw new UnrecoverableError(`malformed job data: ${z.prettifyError(parsed.error).split("\n")[0]}`);
    const request = parsed.data.request;
    const jobId = job.id!;
    const deaths = job.stalledCounter;
    if (deaths >= maxAttempts)
      throw new UnrecoverableError(
        `its worker died ${deaths} times while running it (killed, out of memory or crashed); not retried again`,
      );
    if (await client.exists(keys.cancel(jobId))) return { kind: "cancelled", worker: name };
    // A job re-run after its worker died may be what killed it: run it with nothing else.
    const suspect = deaths > 0;
    if (!admission.claim(suspect)) {
      await job.moveToDelayed(Date.now() + deferMs, token);
      throw new DelayedError();
    }
    if (suspect) void worker.pause(true).catch(() => undefined); // fetch nothing while it runs (running jobs go on)
    const attempt = job.attemptsStarted;
    try {
      const { rtl, missing } = await resolveRtl(request);
      if (missing.length) return { kind: "need", worker: name, sha256: missing };
      const ac = new AbortController();
      running.set(jobId, ac);
      const onAbort = () => ac.abort();
      signal?.addEventListener("abort", onAbort, { once: true });
      let overran = false;
      const watchdog = setTimeout(() => ((overran = true), ac.abort()), request.limits.wallMs + grace);
      try {
        await opts.onJobStart?.(request, { jobId, attempt });
        const result = await evaluate(
          { ...request, rtl },
          { workRoot: opts.workRoot, blobs: cache, signal: ac.signal },
        );
        if (ac.signal.aborted && (await client.exists(keys.cancel(jobId))))
          return { kind: "cancelled", worker: name };
        if (overran && result.status === "infra_error")
          result.reason = `stopped by worker ${name}: still running ${grace} ms past its wall limit`;
        return { kind: "result", worker: name, result };
      } catch (err) {
        throw new UnrecoverableError(`the worker could not run the job: ${(err as Error).message}`);
      } finally {
        clearTimeout(watchdog);
        signal?.removeEventListener("abort", onAbort);
        running.delete(jobId);
      }
    } finally {
      admission.release();
      if (suspect && !draining) worker.resume();
    }
  }

  const worker = new Worker(spec.queue, processJob, {
    connection: redisOptions(spec),
    prefix: spec.prefix,
    concurrency: slots,
    name,
    lockDuration: opts.lockMs ?? 60_000,
    stalledInterval: opts.stalledMs ?? 30_000,
    maxStalledCount: maxAttempts,
    autorun: true,
  });
  worker.on("error", (e) => report("queue", e));
  worker.on("completed", () => {
    counts.done++;
    void client.hincrby(keys.stats, "completed", 1).catch(() => undefined);
  });
  worker.on("failed", (job, err) => {
    counts.failed++;
    log(`worker ${name}: job ${job?.id ?? "?"} failed: ${redactText(err.message, spec)}`);
    void client.hincrby(keys.stats, "failed", 1).catch(() => undefined);
  });
  // Lost locks (e.g. Redis was away longer than the lock): the job runs elsewhere; stop ours.
  worker.on("lockRenewalFailed", (ids: string[]) => {
    for (const j of ids) running.get(j)?.abort();
  });

  await subscriber.subscribe(keys.cancelChannel);
  subscriber.on("message", (_channel: string, jobId: string) => running.get(jobId)?.abort());

  const beat = async () => {
    const now = Date.now();
    const record: WorkerBeat = {
      id,
      name,
      host: hostname(),
      pid: process.pid,
      slots,
      active: running.size,
      done: counts.done,
      failed: counts.failed,
      startedAt,
      beatAt: now,
      draining,
      simulators,
      version: "0.1.0",
    };
    await client
      .multi()
      .set(keys.worker(id), JSON.stringify(record), "PX", heartbeatMs * 3)
      .zadd(keys.workers, aliveUntil(now, heartbeatMs), id)
      .zremrangebyscore(keys.workers, "-inf", now - 60_000)
      .exec();
  };
  await beat();
  const timer = setInterval(() => void beat().catch((e) => report("heartbeat", e)), heartbeatMs);
  log(`worker ${name} (${id}): ${slots} slots on ${spec.label} queue ${spec.queue}`);

  let closing: Promise<void> | undefined;
  return {
    id,
    name,
    slots,
    stats: () => ({ active: running.size, ...counts }),
    abort() {
      for (const ac of running.values()) ac.abort();
    },
    close(graceMs = 600_000) {
      closing ??= (async () => {
        draining = true;
        await beat().catch(() => undefined);
        let timeout: NodeJS.Timeout | undefined;
        const graceful = worker.close();
        const overdue = new Promise<boolean>((r) => (timeout = setTimeout(() => r(true), graceMs)));
        if (await Promise.race([graceful.then(() => false), overdue])) {
          log(`worker ${name}: ${running.size} job(s) still running after ${graceMs} ms; aborting them`);
          for (const ac of running.values()) ac.abort();
          await worker.close(true);
        }
        clearTimeout(timeout);
        clearInterval(timer);
        await client
          .multi()
          .zrem(keys.workers, id)
          .del(keys.worker(id))
          .exec()
          .catch(() => undefined);
        subscriber.disconnect();
        await client.quit().catch(() => client.disconnect());
      })();
      return closing;
    },
  };
}
