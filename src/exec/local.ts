// Local process pool: jobs queue and run on this machine, bounded by slot count.
import { availableParallelism } from "node:os";
import PQueue from "p-queue";
import type { SimRequestInput, SimResult } from "../core/protocol.js";
import { BlobStore } from "../eda/blob-store.js";
import { evaluate } from "../eda/evaluate.js";
import { makeResult } from "../eda/job.js";
import type { Executor, ExecutorStats } from "./executor.js";

export interface LocalExecutorOptions {
  /** Concurrent jobs; default: the number of cores. */
  slots?: number;
  workRoot?: string;
  blobs?: BlobStore;
}

export class LocalExecutor implements Executor {
  readonly name = "local";
  private readonly queue: PQueue;
  private readonly blobs: BlobStore;
  private done = 0;
  private failed = 0;

  constructor(private readonly opts: LocalExecutorOptions = {}) {
    this.queue = new PQueue({ concurrency: opts.slots ?? availableParallelism() });
    this.blobs = opts.blobs ?? new BlobStore();
  }

  async run(request: SimRequestInput, signal?: AbortSignal): Promise<SimResult> {
    try {
      const result = await this.queue.add(
        () => evaluate(request, { workRoot: this.opts.workRoot, signal, blobs: this.blobs }),
        { signal },
      );
      this.done++;
      return result;
    } catch (err) {
      this.failed++;
      if (signal?.aborted)
        return makeResult({
          id: request.id,
          simulator: { name: request.simulator ?? "verilator", version: "unknown" },
          status: "infra_error",
          reason: "cancelled before it ran",
        });
      throw err;
    }
  }

  stats(): ExecutorStats {
    return {
      queued: this.queue.size,
      running: this.queue.pending,
      done: this.done,
      failed: this.failed,
      slots: this.queue.concurrency,
    };
  }

  async close(): Promise<void> {
    await this.queue.onIdle();
  }
}
