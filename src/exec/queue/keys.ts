// Our keys beside BullMQ's, all under `<prefix>:<queue>:x:` (job ids cannot contain ':', so they
// never collide with BullMQ's own `<prefix>:<queue>:<jobId>` hashes).
import type { QueueSpec } from "./spec.js";

export class QueueKeys {
  readonly base: string;
  constructor(spec: Pick<QueueSpec, "prefix" | "queue">) {
    this.base = `${spec.prefix}:${spec.queue}:x:`;
  }
  get blobPrefix(): string {
    return `${this.base}blob:`;
  }
  blob(sha: string): string {
    return `${this.blobPrefix}${sha}`;
  }
  get blobLru(): string {
    return `${this.base}blobs:lru`;
  }
  get blobSizes(): string {
    return `${this.base}blobs:size`;
  }
  get blobTotal(): string {
    return `${this.base}blobs:total`;
  }
  /** Sorted set: worker id -> time (ms) until which it counts as alive. */
  get workers(): string {
    return `${this.base}workers`;
  }
  worker(id: string): string {
    return `${this.base}worker:${id}`;
  }
  cancel(jobId: string): string {
    return `${this.base}cancel:${jobId}`;
  }
  /** Pub/sub channel on which producers name jobs to cancel. */
  get cancelChannel(): string {
    return `${this.base}cancel`;
  }
  /** Hash of totals kept by the workers: completed, failed, redelivered. */
  get stats(): string {
    return `${this.base}stats`;
  }
}
