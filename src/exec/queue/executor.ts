// The queue executor: protocol v1 requests become BullMQ jobs on Redis; any number of
// `llm4cov eda worker` processes, joining and leaving at will, run them. Results come back
// through QueueEvents, with a poll of the jobs' state as a safety net (missed events, a Redis
// that lost data). Each caller gets exactly one result: late or repeated completions of a job
// that is already settled are dropped by job id. See docs/queue.md.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { Job, Queue, QueueEvents } from "bullmq";
import { sha256 } from "../../core/hash.js";
import { SimRequest, type SimRequestInput, type SimResult } from "../../core/protocol.js";
import { makeResult } from "../../eda/job.js";
import type { Executor, ExecutorStats } from "../executor.js";
import { RedisBlobs, type BlobBounds } from "./blobs.js";
import { probeRedis } from "./connect.js";
import { QueueKeys } from "./keys.js";
import { redactText, redisOptions, type QueueSpec } from "./spec.js";
import { QUEUE_WIRE_VERSION, QueueReturn, type QueueJobData } from "./wire.js";

export interface QueueExecutorOptions {
  /** No live worker (or no Redis) for this long: waiting jobs end as infra_error. Default 5 min. */
  queueTimeoutMs?: number;
  /** How often job states and worker heartbeats are checked. Default 2 s. */
  pollMs?: number;
  /** Bounds of the repository files kept in Redis. */
  blobs?: BlobBounds;
  /** Rounds of re-uploading files a worker could not find, per job. Default 3. */
  maxNeedRounds?: number;
}

interface Pending {
  jobId: string;
  request: SimRequest;
  data: QueueJobData;
  signal?: AbortSignal;
  enqueuedAt: number;
  active: boolean;
  submitted: boolean;
  submitting: boolean;
  needRounds: number;
  resolve: (r: SimResult) => void;
  reject: (e: Error) => void;
}

const STALL_REASON = "job stalled more than allowable limit";

export class QueueExecutor implements Executor {
  readonly name = "queue";
  private readonly keys: QueueKeys;
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly client: Redis;
  private readonly blobs: RedisBlobs;
  private readonly pending = new Map<string, Pending>();
  private readonly tracked = new Set<Promise<unknown>>();
  private readonly prefix = `${process.pid.toString(36)}${randomBytes(4).toString("hex")}`;
  private seq = 0;
  private done = 0;
  private failed = 0;
  private liveSlots = 0;
  private lastWorkerSeen = Date.now();
  private lastRedisOk = Date.now();
  private polling = false;
  private polls = 0;
  private closed = false;
  private timer?: NodeJS.Timeout;
  /** Completions of jobs already settled (at-least-once duplicates, results after a cancel). */
  dropped = 0;
  /** Jobs a worker started again after the previous one died or lost its lock. */
  redelivered = 0;
  private payload = 0;

  private constructor(
    readonly spec: QueueSpec,
    private readonly opts: QueueExecutorOptions,
  ) {
    this.keys = new QueueKeys(spec);
    const connection = redisOptions(spec);
    this.queue = new Queue(spec.queue, {
      connection,
      prefix: spec.prefix,
      streams: { events: { maxLen: 2000 } },
    });
    this.events = new QueueEvents(spec.queue, { connection, prefix: spec.prefix });
    this.client = new Redis(connection);
    this.blobs = new RedisBlobs(this.client, this.keys, opts.blobs);
    // ioredis reconnects by itself; errors while Redis is away are expected, the timeouts bound them.
    for (const e of [this.queue, this.events, this.client] as NodeJS.EventEmitter[])
      e.on("error", () => undefined);
    this.events.on("completed", ({ jobId, returnvalue }) => this.onCompleted(jobId, returnvalue));
    this.events.on("failed", ({ jobId, failedReason }) => this.onFailed(jobId, failedReason));
    this.events.on("active", ({ jobId }) => this.setActive(jobId, true));
    this.events.on("stalled", ({ jobId }) => {
      if (this.pending.has(jobId)) this.redelivered++;
      this.setActive(jobId, false);
    });
  }

  /** Connects (one clear error for a wrong password or an unreachable Redis), then serves. */
  static async connect(spec: QueueSpec, opts: QueueExecutorOptions = {}): Promise<QueueExecutor> {
    await probeRedis(spec);
    const exec = new QueueExecutor(spec, opts);
    try {
      await Promise.all([exec.queue.waitUntilReady(), exec.events.waitUntilReady()]);
      await exec.poll();
    } catch (err) {
      await exec.shutdown();
      throw err;
    }
    exec.timer = setInterval(() => exec.tick(), opts.pollMs ?? 2000);
    return exec;
  }

  run(input: SimRequestInput, signal?: AbortSignal): Promise<SimResult> {
    let request: SimRequest;
    try {
      request = SimRequest.parse(input); // malformed: rejects (permanent, not retryable)
    } catch (err) {
      return Promise.reject(err as Error);
    }
    if (this.closed) return Promise.reject(new Error("the queue executor is closed"));
    const rtl = request.rtl.map((f) => ({ name: f.name, sha256: f.sha256 ?? sha256(f.content ?? "") }));
    const p = new Promise<SimResult>((resolve, reject) => {
      const entry: Pending = {
        jobId: `${this.prefix}.${++this.seq}`,
        request,
        data: { v: QUEUE_WIRE_VERSION, request: { ...request, rtl } },
        signal,
        enqueuedAt: Date.now(),
        active: false,
        submitted: false,
        submitting: false,
        needRounds: 0,
        resolve,
        reject,
      };
      if (signal?.aborted) return resolve(this.infraResult(request, "cancelled before it ran"));
      this.pending.set(entry.jobId, entry);
      signal?.addEventListener("abort", () => this.cancel(entry), { once: true });
      void this.submit(entry);
    });
    const t: Promise<unknown> = p.catch(() => undefined).finally(() => this.tracked.delete(t));
    this.tracked.add(t);
    return p;
  }

  /** Uploads the files Redis lacks, then adds the job (same id again: BullMQ keeps one). */
  private async submit(entry: Pending): Promise<void> {
    if (entry.submitting) return;
    entry.submitting = true;
    try {
      const shas = [...new Set(entry.data.request.rtl.map((f) => f.sha256!))];
      const missing = new Set(await this.blobs.touch(shas));
      for (const f of entry.request.rtl) {
        const sha = f.sha256 ?? sha256(f.content ?? "");
        if (!missing.has(sha)) continue;
        missing.delete(sha);
        if (f.content === undefined)
          return this.settle(
            entry,
            new Error(`file ${f.name}: Redis does not hold ${sha} and no content was given`),
          );
        await this.blobs.put(sha, f.content);
        this.payload += Buffer.byteLength(f.content);
      }
      const json = JSON.stringify(entry.data);
      this.payload += Buffer.byteLength(json) + shas.length * 65;
      if (!this.pending.has(entry.jobId)) return; // cancelled or given up meanwhile
      await this.queue.add("sim", entry.data, {
        jobId: entry.jobId,
        attempts: 1,
        removeOnComplete: { age: 3600, count: 1000 },
        removeOnFail: { age: 24 * 3600, count: 1000 },
      });
      entry.submitted = true;
    } catch {
      // Redis went away mid-submit: the poll submits again once it is back (or the timeout ends it).
      entry.submitted = false;
    } finally {
      entry.submitting = false;
    }
  }

  private infraResult(request: SimRequest, reason: string): SimResult {
    return makeResult({
      id: request.id,
      simulator: { name: request.simulator, version: "unknown" },
      status: "infra_error",
      reason,
    });
  }

  private settle(entry: Pending, outcome: SimResult | Error): void {
    if (this.pending.get(entry.jobId) !== entry) return;
    this.pending.delete(entry.jobId);
    if (outcome instanceof Error) {
      this.failed++;
      entry.reject(outcome);
      return;
    }
    if (outcome.status === "infra_error") this.failed++;
    else this.done++;
    entry.resolve({ ...outcome, id: entry.request.id });
  }

  private setActive(jobId: string, active: boolean): void {
    const e = this.pending.get(jobId);
    if (e) e.active = active;
  }

  private ours(jobId: string): boolean {
    return jobId.startsWith(`${this.prefix}.`);
  }

  private onCompleted(jobId: string, value: unknown): void {
    const entry = this.pending.get(jobId);
    if (!entry) {
      if (this.ours(jobId)) this.dropped++;
      return;
    }
    void this.queue.remove(jobId).catch(() => undefined); // the result is ours now; free Redis
    const parsed = QueueReturn.safeParse(typeof value === "string" ? safeJson(value) : value);
    if (!parsed.success)
      return this.settle(
        entry,
        this.infraResult(entry.request, "a queue worker returned a malformed result"),
      );
    const ret = parsed.data;
    if (ret.kind === "result") return this.settle(entry, ret.result);
    if (ret.kind === "cancelled") return this.settle(entry, this.infraResult(entry.request, "cancelled"));
    // need: Redis dropped files this job names; upload them again and resubmit under a new id.
    if (++entry.needRounds > (this.opts.maxNeedRounds ?? 3))
      return this.settle(
        entry,
        this.infraResult(entry.request, `worker ${ret.worker} keeps missing repository files`),
      );
    this.pending.delete(jobId);
    entry.jobId = `${jobId.split("~")[0]}~${entry.needRounds}`;
    entry.active = false;
    entry.submitted = false;
    this.pending.set(entry.jobId, entry);
    void this.submit(entry);
  }

  private onFailed(jobId: string, reason: string): void {
    const entry = this.pending.get(jobId);
    if (!entry) {
      if (this.ours(jobId)) this.dropped++;
      return;
    }
    const why =
      reason === STALL_REASON
        ? "its workers died while running it too many times (killed, out of memory or crashed)"
        : redactText(reason, this.spec);
    this.settle(entry, this.infraResult(entry.request, `queue job failed: ${why}`));
  }

  private cancel(entry: Pending): void {
    if (this.pending.get(entry.jobId) !== entry) return;
    this.settle(
      entry,
      this.infraResult(entry.request, entry.active ? "cancelled" : "cancelled before it ran"),
    );
    void this.withdraw(entry.jobId);
  }

  /** Removes a job that has not started; a running one is told to stop (its result is discarded). */
  private async withdraw(jobId: string): Promise<void> {
    try {
      if ((await this.queue.remove(jobId)) === 1) return;
      await this.client
        .multi()
        .set(this.keys.cancel(jobId), "1", "PX", 3600_000)
        .publish(this.keys.cancelChannel, jobId)
        .exec();
    } catch {
      /* Redis away: the job's result will be dropped when it comes */
    }
  }

  /** Timeouts first (they must fire even while Redis does not answer), then a poll. */
  private tick(): void {
    const now = Date.now();
    const limit = this.opts.queueTimeoutMs ?? 300_000;
    const redisGone = now - this.lastRedisOk > limit;
    for (const entry of [...this.pending.values()]) {
      const since = Math.max(entry.enqueuedAt, this.lastWorkerSeen);
      if (redisGone)
        this.giveUp(
          entry,
          `Redis at ${this.spec.label} did not answer for ${Math.round((now - this.lastRedisOk) / 1000)} s`,
        );
      else if (now - since > limit)
        this.giveUp(
          entry,
          `no llm4cov worker alive on ${this.spec.label} (queue ${this.spec.queue}) for ${Math.round((now - since) / 1000)} s; start one with \`llm4cov eda worker --queue ...\``,
        );
    }
    if (!this.polling) void this.poll().catch(() => undefined);
  }

  private giveUp(entry: Pending, reason: string): void {
    this.settle(entry, this.infraResult(entry.request, reason));
    void this.withdraw(entry.jobId);
  }

  /** Live workers; then, per pending job, whether it finished unseen or vanished from Redis. */
  private async poll(): Promise<void> {
    this.polling = true;
    try {
      const now = Date.now();
      const ids = await this.client.zrangebyscore(this.keys.workers, now, "+inf");
      const beats = ids.length ? await this.client.mget(...ids.map((id) => this.keys.worker(id))) : [];
      this.liveSlots = beats.reduce(
        (n, b) => n + (b ? Number((safeJson(b) as { slots?: number })?.slots ?? 0) : 0),
        0,
      );
      this.lastRedisOk = Date.now();
      if (ids.length) this.lastWorkerSeen = this.lastRedisOk;
      // The job-state check is a safety net for missed events: every 5th poll is enough.
      if (this.polls++ % 5) return;
      for (const e of this.pending.values()) if (!e.submitted) void this.submit(e); // failed before
      const entries = [...this.pending.values()].filter((e) => e.submitted && now - e.enqueuedAt > 1000);
      if (!entries.length) return;
      const pipe = this.client.pipeline();
      for (const e of entries) pipe.hmget(this.queue.toKey(e.jobId), "finishedOn", "timestamp");
      const rows = (await pipe.exec()) ?? [];
      for (const [i, e] of entries.entries()) {
        const [err, vals] = rows[i] ?? [];
        if (err || this.pending.get(e.jobId) !== e) continue;
        const [finishedOn, createdAt] = (vals as (string | null)[]) ?? [];
        if (finishedOn) {
          const job = await Job.fromId(this.queue, e.jobId);
          if (!job) continue;
          if (job.failedReason) this.onFailed(e.jobId, job.failedReason);
          else this.onCompleted(e.jobId, job.returnvalue);
        } else if (createdAt === null) {
          // Redis lost the job (restarted without its data): enqueue it again under the same id.
          e.submitted = false;
          void this.submit(e);
        }
      }
    } finally {
      this.polling = false;
    }
  }

  stats(): ExecutorStats {
    let running = 0;
    for (const e of this.pending.values()) if (e.active) running++;
    return {
      queued: this.pending.size - running,
      running,
      done: this.done,
      failed: this.failed,
      slots: this.liveSlots,
    };
  }

  /** Bytes of payload this executor wrote to Redis: job data plus uploaded repository files. */
  bytesSent(): { payload: number } {
    return { payload: this.payload };
  }

  async close(): Promise<void> {
    while (this.tracked.size) await Promise.allSettled([...this.tracked]);
    this.closed = true;
    await this.shutdown();
  }

  private async shutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
