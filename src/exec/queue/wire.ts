// What travels through BullMQ: job data (a protocol v1 request whose repository files are named
// by sha256 only; the testbench goes whole) and the worker's return value. zod on both ends.
import { z } from "zod";
import { SimRequest, SimResult } from "../../core/protocol.js";

export const QUEUE_WIRE_VERSION = 1;

export const QueueJobData = z.object({
  v: z.literal(QUEUE_WIRE_VERSION),
  request: SimRequest,
});
export type QueueJobData = z.infer<typeof QueueJobData>;

export const QueueReturn = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("result"), worker: z.string(), result: SimResult }),
  /** Redis no longer holds these files (dropped by the size bound or expiry): upload, resubmit. */
  z.object({ kind: z.literal("need"), worker: z.string(), sha256: z.array(z.string()) }),
  /** The producer cancelled the job before or while it ran. */
  z.object({ kind: z.literal("cancelled"), worker: z.string() }),
]);
export type QueueReturn = z.infer<typeof QueueReturn>;

/** Live-worker record written with each heartbeat (what `eda status` lists). */
export const WorkerBeat = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  pid: z.number().int(),
  slots: z.number().int().positive(),
  active: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  startedAt: z.number(),
  beatAt: z.number(),
  draining: z.boolean(),
  simulators: z.record(z.string(), z.string().nullable()),
  version: z.string(),
});
export type WorkerBeat = z.infer<typeof WorkerBeat>;

export const DEFAULT_HEARTBEAT_MS = 5000;
/** A worker counts as alive until three of its beats are missed (the workers set's score). */
export const aliveUntil = (now: number, heartbeatMs: number): number => now + heartbeatMs * 3;
