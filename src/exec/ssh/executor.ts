// The SSH executor: jobs go to whichever host has a free slot; a job whose host drops is run
// again (on another host, or on the same one after it reconnects), never lost and never the
// model's fault; a job that overstays its wall limit is cancelled on the host.
import { SimRequest, type SimRequestInput, type SimResult } from "../../core/protocol.js";
import { makeResult } from "../../eda/job.js";
import type { Executor, ExecutorStats } from "../executor.js";
import { ConnectionLostError } from "../stdio-client.js";
import { SshError } from "./errors.js";
import { SshHost, type HostOptions, type HostStats } from "./host.js";
import type { SshHostSpec } from "./spec.js";

export interface SshExecutorOptions extends HostOptions {
  /** Runs of one job (first run included) before it is reported as infra_error. Default 5. */
  maxAttempts?: number;
  /** Beyond the job's wall limit, how long before it is cancelled on the host. Default 30 s. */
  watchdogGraceMs?: number;
  /** How long a job may wait while no host is reachable. Default 5 min. */
  queueTimeoutMs?: number;
}

interface Job {
  request: SimRequest;
  wireId: string;
  signal?: AbortSignal;
  attempts: number;
  queuedAt: number;
  resolve: (r: SimResult) => void;
  reject: (e: Error) => void;
}

/** Thrown by start() when no host can be used; `errors` has one per host. */
export class NoUsableHostError extends Error {
  constructor(readonly errors: SshError[]) {
    super(`no EDA host is usable:\n  ${errors.map((e) => e.message).join("\n  ")}`);
    this.name = "NoUsableHostError";
  }
}

export class SshExecutor implements Executor {
  readonly name = "ssh";
  readonly hosts: SshHost[];
  private queue: Job[] = [];
  private running = new Set<Promise<unknown>>();
  private seq = 0;
  private done = 0;
  private failed = 0;
  private closed = false;
  private timer?: NodeJS.Timeout;

  constructor(
    specs: SshHostSpec[],
    private readonly opts: SshExecutorOptions = {},
  ) {
    if (!specs.length) throw new Error("SshExecutor needs at least one host");
    this.hosts = specs.map((s) => new SshHost(s, opts));
    for (const h of this.hosts) h.on("state", () => this.pump());
  }

  /** Connects every host now; throws NoUsableHostError when none works (each host's reason). */
  async start(): Promise<void> {
    await Promise.all(this.hosts.map((h) => h.connect()));
    if (!this.hosts.some((h) => h.ready))
      throw new NoUsableHostError(this.hosts.map((h) => h.lastError!).filter(Boolean));
  }

  run(input: SimRequestInput, signal?: AbortSignal): Promise<SimResult> {
    let request: SimRequest;
    try {
      request = SimRequest.parse(input); // malformed: rejects (permanent, not retryable)
    } catch (err) {
      return Promise.reject(err as Error);
    }
    if (this.closed) return Promise.reject(new Error("the SSH executor is closed"));
    const onAbort = () => this.pump();
    // The listener goes when the job ends: callers may share one long-lived signal.
    const done = () => signal?.removeEventListener("abort", onAbort);
    const p = new Promise<SimResult>((resolve, reject) => {
      const job: Job = {
        request,
        wireId: `ssh-${++this.seq}`,
        signal,
        attempts: 0,
        queuedAt: Date.now(),
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(job);
    });
    const tracked: Promise<unknown> = p.catch(() => undefined).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    this.pump();
    return p;
  }

  private infra(job: Job, reason: string): void {
    this.failed++;
    job.resolve(
      makeResult({
        id: job.request.id,
        simulator: { name: job.request.simulator, version: "unknown" },
        status: "infra_error",
        reason,
      }),
    );
  }

  private pickHost(job: Job): SshHost | undefined {
    let best: SshHost | undefined;
    for (const h of this.hosts)
      if (h.freeSlots > 0 && h.supports(job.request.simulator) && (!best || h.freeSlots > best.freeSlots))
        best = h;
    return best;
  }

  private pumping = false;
  private pumpAgain = false;

  private pump(): void {
    // Host state events fire while we connect hosts below: run again afterwards, not inside.
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        this.pumpOnce();
      } while (this.pumpAgain);
    } finally {
      this.pumping = false;
    }
  }

  private pumpOnce(): void {
    clearTimeout(this.timer);
    for (let i = 0; i < this.queue.length;) {
      const job = this.queue[i]!;
      const host = job.signal?.aborted ? undefined : this.pickHost(job);
      if (job.signal?.aborted || host) this.queue.splice(i, 1);
      else {
        i++;
        continue;
      }
      if (host) this.dispatch(job, host);
      else this.infra(job, "cancelled before it ran");
    }
    if (this.queue.length) this.waitForHosts();
  }

  /** Jobs are waiting: (re)connect hosts, give up on jobs no host can ever run. */
  private waitForHosts(): void {
    const now = Date.now();
    const usable = this.hosts.filter((h) => h.state !== "failed");
    for (const job of this.queue.splice(0)) {
      const sim = job.request.simulator;
      const candidates = usable.filter((h) => h.supports(sim));
      const why = () => this.hosts.map((h) => `${h.label}: ${this.hostProblem(h, sim)}`).join("; ");
      if (!candidates.length) this.infra(job, `no EDA host can run ${sim}: ${why()}`);
      else if (now - job.queuedAt > (this.opts.queueTimeoutMs ?? 300_000) && !candidates.some((h) => h.ready))
        this.infra(job, `no EDA host reachable for ${Math.round((now - job.queuedAt) / 1000)}s: ${why()}`);
      else this.queue.push(job);
    }
    if (!this.queue.length) return;
    let next = Infinity;
    for (const h of usable) {
      if (h.state !== "idle" && h.state !== "down") continue;
      if (h.nextAttemptAt <= now) void h.connect();
      else next = Math.min(next, h.nextAttemptAt);
    }
    const deadline = Math.min(...this.queue.map((j) => j.queuedAt)) + (this.opts.queueTimeoutMs ?? 300_000);
    next = Math.min(next, deadline + 1);
    if (Number.isFinite(next)) this.timer = setTimeout(() => this.pump(), Math.max(10, next - now));
  }

  private hostProblem(h: SshHost, sim: string): string {
    if (h.state === "failed" || (h.lastError && !h.ready))
      return h.lastError?.message.replace(`${h.label}: `, "") ?? h.state;
    if (!h.supports(sim)) return `${sim} is missing on the host (the server's hello reports it as null)`;
    return h.state;
  }

  private dispatch(job: Job, host: SshHost): void {
    host.active++;
    job.attempts++;
    void this.attempt(job, host).then((settle) => {
      host.active--;
      settle(); // after the slot is free, so stats() seen by the caller are current
      this.pump();
    });
  }

  /** One run of a job on a host; returns how to settle it (or requeue it). */
  private async attempt(job: Job, host: SshHost): Promise<() => void> {
    const ac = new AbortController();
    const onAbort = () => ac.abort();
    job.signal?.addEventListener("abort", onAbort, { once: true });
    const grace = this.opts.watchdogGraceMs ?? 30_000;
    let overdue = false;
    let hardTimer: NodeJS.Timeout | undefined;
    const watchdog = setTimeout(() => {
      // The host enforces the wall limit itself; this is for a host that does not answer.
      overdue = true;
      ac.abort(); // cancels the job on the host
      hardTimer = setTimeout(() => host.reset("no answer to a cancel"), grace);
    }, job.request.limits.wallMs + grace);
    try {
      const result = await host.run({ ...job.request, id: job.wireId }, ac.signal);
      this.done++;
      host.done++;
      result.id = job.request.id;
      if (overdue && result.status === "infra_error")
        result.reason = `${host.label} did not answer within the wall limit + ${grace} ms; the job was cancelled there`;
      return () => job.resolve(result);
    } catch (e) {
      const err = e as Error;
      if (!(err instanceof ConnectionLostError)) {
        this.failed++;
        return () => job.reject(err);
      }
      if (job.signal?.aborted) return () => this.infra(job, "cancelled");
      if (overdue)
        return () => this.infra(job, `${host.label} stopped answering; the job overran its wall limit`);
      if (job.attempts >= (this.opts.maxAttempts ?? 5))
        return () =>
          this.infra(job, `lost the host ${job.attempts} times while running this job: ${err.message}`);
      return () => {
        job.queuedAt = Date.now();
        this.queue.unshift(job); // run it again, first in line
      };
    } finally {
      clearTimeout(watchdog);
      clearTimeout(hardTimer);
      job.signal?.removeEventListener("abort", onAbort);
    }
  }

  stats(): ExecutorStats {
    const live = this.hosts.filter((h) => h.state !== "failed");
    return {
      queued: this.queue.length,
      running: this.hosts.reduce((n, h) => n + h.active, 0),
      done: this.done,
      failed: this.failed,
      slots: live.reduce((n, h) => n + h.spec.slots, 0),
    };
  }

  hostStats(): HostStats[] {
    return this.hosts.map((h) => h.stats());
  }

  /** Bytes written to the hosts: `wire` as sent on the sockets, `payload` inside the channels. */
  bytesSent(): { wire: number; payload: number } {
    return {
      wire: this.hosts.reduce((n, h) => n + h.wireBytes, 0),
      payload: this.hosts.reduce((n, h) => n + h.payloadBytes, 0),
    };
  }

  async close(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.all(this.hosts.map((h) => h.close()));
  }
}
