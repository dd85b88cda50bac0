// One remote host: its connection lifecycle (connect, lose, reconnect with backoff, fail for
// good on a configuration error) and the backend that runs jobs over it.
import { EventEmitter } from "node:events";
import type { SimRequest, SimResult } from "../../core/protocol.js";
import { ConnectionLostError } from "../stdio-client.js";
import { StdioBackend, type Backend, type HostInfo } from "./backend.js";
import { SshSession, type SessionOptions } from "./connection.js";
import { classifySshError, SshUnreachableError, type SshError } from "./errors.js";
import { LegacyBackend, type LegacyOptions } from "./legacy.js";
import type { SshHostSpec } from "./spec.js";

export type HostState = "idle" | "connecting" | "ready" | "down" | "failed";

export interface HostOptions extends SessionOptions {
  helloTimeoutMs?: number;
  /** First reconnect delay; doubles per failure up to maxBackoffMs (with ±20% jitter). */
  backoffMs?: number;
  maxBackoffMs?: number;
  legacy?: LegacyOptions;
}

export interface HostStats {
  label: string;
  state: HostState;
  slots: number;
  active: number;
  done: number;
  /** Jobs that were running when the connection was lost (each was run again). */
  lost: number;
  connects: number;
  wireBytes: number;
  payloadBytes: number;
  /** Channels per connection in effect (lowered when the server refused one); null: not connected. */
  sessionLimit: number | null;
  error: string | null;
}

export class SshHost extends EventEmitter {
  state: HostState = "idle";
  active = 0;
  done = 0;
  lost = 0;
  connects = 0;
  info: HostInfo | null = null;
  lastError: SshError | null = null;
  nextAttemptAt = 0;
  private failures = 0;
  private session?: SshSession;
  private backend?: Backend;
  private connecting: Promise<void> | null = null;
  private closing = false;
  private pastWire = 0;
  private pastPayload = 0;

  constructor(
    readonly spec: SshHostSpec,
    private readonly opts: HostOptions = {},
  ) {
    super();
  }

  get label(): string {
    return this.spec.label;
  }

  get ready(): boolean {
    return this.state === "ready" && !!this.backend?.alive;
  }

  get freeSlots(): number {
    return this.ready ? this.spec.slots - this.active : 0;
  }

  /** Whether this host can run the simulator (unknown until first connected: assumed yes). */
  supports(simulator: string): boolean {
    if (!this.info) return true;
    if (this.info.server === "legacy") return true;
    return this.info.simulators[simulator] != null;
  }

  get wireBytes(): number {
    return this.pastWire + (this.session?.wireBytesOut ?? 0);
  }

  get payloadBytes(): number {
    return this.pastPayload + (this.backend?.payloadBytes ?? 0);
  }

  private setState(s: HostState): void {
    this.state = s;
    this.emit("state", s);
  }

  /** Connects (or joins the attempt under way); never throws: see state and lastError. */
  connect(): Promise<void> {
    if (this.connecting) return this.connecting;
    if (this.ready || this.state === "failed" || this.closing) return Promise.resolve();
    this.connecting = this.attempt().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async attempt(): Promise<void> {
    this.setState("connecting");
    let session: SshSession | undefined;
    try {
      session = await SshSession.open(this.spec, this.opts);
      const backend =
        this.spec.mode === "legacy"
          ? await LegacyBackend.open(session, this.spec, this.opts.legacy)
          : await StdioBackend.open(session, this.spec, this.opts.helloTimeoutMs);
      if (session.closed) throw new SshUnreachableError(this.label, "connection lost right after connecting");
      this.session = session;
      this.backend = backend;
      this.info = backend.info;
      this.failures = 0;
      this.connects++;
      this.lastError = null;
      const s = session;
      s.once("close", (err: Error | null) => this.onClosed(s, err));
      this.setState(this.closing ? "idle" : "ready");
    } catch (err) {
      if (session) {
        this.pastWire += session.wireBytesOut;
        session.destroy(new Error("setup failed"));
      }
      const e = classifySshError(this.label, err);
      this.lastError = e;
      if (e.permanent) return this.setState("failed");
      this.failures++;
      const base = Math.min(
        this.opts.maxBackoffMs ?? 15_000,
        (this.opts.backoffMs ?? 250) * 2 ** (this.failures - 1),
      );
      this.nextAttemptAt = Date.now() + base * (0.8 + 0.4 * Math.random());
      this.setState("down");
    }
  }

  private onClosed(session: SshSession, err: Error | null): void {
    if (session !== this.session) return;
    this.pastWire += session.wireBytesOut;
    this.pastPayload += this.backend?.payloadBytes ?? 0;
    this.session = undefined;
    this.backend = undefined;
    if (this.closing) return this.setState("idle");
    this.lastError = new SshUnreachableError(this.label, `connection lost${err ? `: ${err.message}` : ""}`);
    this.nextAttemptAt = Date.now(); // first reconnect at once, then with backoff
    this.setState("down");
  }

  /** Drops the connection (a host that stopped answering); jobs on it are retried elsewhere. */
  reset(reason: string): void {
    this.session?.destroy(new Error(reason));
  }

  /** Runs one job; ConnectionLostError when the host went away (the caller retries it). */
  async run(request: SimRequest, signal: AbortSignal): Promise<SimResult> {
    const backend = this.backend;
    if (!backend || !this.ready) throw new ConnectionLostError(`${this.label}: not connected`);
    try {
      return await backend.run(request, signal);
    } catch (err) {
      if (err instanceof ConnectionLostError || !backend.alive) {
        this.lost++;
        // The server's channel may have died under a live connection: start over cleanly.
        if (backend === this.backend) this.reset("the server channel closed");
        throw err instanceof ConnectionLostError ? err : new ConnectionLostError((err as Error).message);
      }
      throw err;
    }
  }

  stats(): HostStats {
    return {
      label: this.label,
      state: this.state,
      slots: this.spec.slots,
      active: this.active,
      done: this.done,
      lost: this.lost,
      connects: this.connects,
      wireBytes: this.wireBytes,
      payloadBytes: this.payloadBytes,
      sessionLimit: this.session?.channelLimit ?? null,
      error: this.lastError?.message ?? null,
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.connecting;
    const { backend, session } = this;
    if (backend) await backend.close().catch(() => undefined);
    if (session) await session.end();
    this.setState(this.state === "failed" ? "failed" : "idle");
  }
}
