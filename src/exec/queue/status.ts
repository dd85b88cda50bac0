// `llm4cov eda status --queue ...`: live workers (from their heartbeats) and the job counts.
import { Redis } from "ioredis";
import { Queue } from "bullmq";
import { RedisBlobs } from "./blobs.js";
import { probeRedis } from "./connect.js";
import { QueueKeys } from "./keys.js";
import { redisOptions, type QueueSpec } from "./spec.js";
import { WorkerBeat } from "./wire.js";

export interface QueueStatus {
  /** The redacted URL. */
  redis: string;
  redisVersion: string;
  queue: string;
  workers: WorkerBeat[];
  slots: number;
  waiting: number;
  active: number;
  delayed: number;
  /** Jobs still kept in Redis (results not yet collected, or within retention). */
  completed: number;
  failed: number;
  /** Totals since the queue was created, counted by the workers. */
  totals: { completed: number; failed: number };
  files: { blobs: number; bytes: number };
}

export async function queueStatus(spec: QueueSpec): Promise<QueueStatus> {
  const redisVersion = await probeRedis(spec);
  const keys = new QueueKeys(spec);
  const client = new Redis(redisOptions(spec, { maxRetriesPerRequest: 1 }));
  const queue = new Queue(spec.queue, { connection: client, prefix: spec.prefix });
  client.on("error", () => undefined);
  try {
    const now = Date.now();
    const ids = await client.zrangebyscore(keys.workers, now, "+inf");
    const raw = ids.length ? await client.mget(...ids.map((id) => keys.worker(id))) : [];
    const workers: WorkerBeat[] = [];
    for (const r of raw) {
      const parsed = r ? WorkerBeat.safeParse(JSON.parse(r)) : undefined;
      if (parsed?.success) workers.push(parsed.data);
    }
    workers.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const counts = await queue.getJobCounts(
      "waiting",
      "prioritized",
      "active",
      "delayed",
      "completed",
      "failed",
    );
    const totals = await client.hgetall(keys.stats);
    return {
      redis: spec.label,
      redisVersion,
      queue: spec.queue,
      workers,
      slots: workers.reduce((n, w) => n + w.slots, 0),
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      completed: counts.completed ?? 0,
      failed: counts.failed ?? 0,
      totals: { completed: Number(totals.completed ?? 0), failed: Number(totals.failed ?? 0) },
      files: await new RedisBlobs(client, keys).usage(),
    };
  } finally {
    await queue.close().catch(() => undefined);
    await client.quit().catch(() => client.disconnect());
  }
}

export function formatQueueStatus(s: QueueStatus): string {
  const lines = [
    `redis     ${s.redis} (Redis ${s.redisVersion}), queue ${s.queue}`,
    `workers   ${s.workers.length} live, ${s.slots} slots`,
  ];
  for (const w of s.workers) {
    const sims = Object.entries(w.simulators)
      .map(([k, v]) => `${k} ${v ?? "missing"}`)
      .join(", ");
    const age = Math.round((Date.now() - w.startedAt) / 1000);
    lines.push(
      `  ${w.name} (${w.host} pid ${w.pid}${w.draining ? ", draining" : ""}): ${w.active}/${w.slots} busy, ` +
        `${w.done} done, ${w.failed} failed, up ${age} s; ${sims}`,
    );
  }
  lines.push(
    `jobs      waiting ${s.waiting}, active ${s.active}, delayed ${s.delayed}, completed ${s.completed}, failed ${s.failed}`,
    `totals    completed ${s.totals.completed}, failed ${s.totals.failed}`,
    `files     ${s.files.blobs} repository files, ${s.files.bytes} B in Redis`,
  );
  return lines.join("\n");
}
