// Client side of protocol v1 over any byte stream pair (a child process, an SSH channel).
// Sends each repository file's content once: later jobs name it by sha256; a `need` answer
// (the server evicted it) is met with a `put` and the job is sent again.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { sha256 } from "../core/hash.js";
import { PROTOCOL_VERSION, SimRequest, type SimRequestInput, type SimResult } from "../core/protocol.js";
import { makeResult } from "../eda/job.js";
import type { Executor, ExecutorStats } from "./executor.js";
import { ServerMessage, type ClientMessage } from "./stdio-protocol.js";

type Hello = Extract<ServerMessage, { type: "hello" }>;

/** The server went away: retryable, never the testbench's fault. */
export class ConnectionLostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConnectionLostError";
  }
}

interface Pending {
  request: SimRequest;
  resolve: (r: SimResult) => void;
  reject: (e: Error) => void;
  needRounds: number;
}

export class StdioConnection {
  private pending = new Map<string, Pending>();
  private serverHas = new Set<string>();
  private nextId = 0;
  private closed = false;
  readonly hello: Promise<Hello>;
  lastServerError: string | null = null;
  /** Bytes written to the server (for sync measurements). */
  bytesSent = 0;

  constructor(
    input: Readable,
    private readonly output: Writable,
    private readonly label = "stdio",
  ) {
    let helloResolve!: (h: Hello) => void;
    let helloReject!: (e: Error) => void;
    this.hello = new Promise((res, rej) => ((helloResolve = res), (helloReject = rej)));
    this.hello.catch(() => undefined);
    const lines = createInterface({ input, crlfDelay: Infinity });
    lines.on("line", (line) => {
      if (!line.trim()) return;
      let msg: ServerMessage;
      try {
        msg = ServerMessage.parse(JSON.parse(line));
      } catch (err) {
        this.failAll(
          new Error(`${this.label}: bad message from server: ${(err as Error).message.slice(0, 300)}`),
        );
        return;
      }
      if (msg.type === "hello") return helloResolve(msg);
      this.onMessage(msg);
    });
    lines.on("close", () => {
      helloReject(new Error(`${this.label}: server closed the connection before saying hello`));
      this.closed = true;
      this.failAll(new ConnectionLostError(`${this.label}: connection closed`));
    });
    this.send({ type: "hello", protocol: PROTOCOL_VERSION });
  }

  get inFlight(): number {
    return this.pending.size;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  run(input: SimRequestInput, signal?: AbortSignal): Promise<SimResult> {
    const request = SimRequest.parse(input);
    if (this.closed) return Promise.reject(new ConnectionLostError(`${this.label}: connection closed`));
    const id = request.id ?? `job-${++this.nextId}`;
    const onAbort = () => this.send({ type: "cancel", id });
    // The listener goes when the job ends: callers may share one long-lived signal.
    const done = () => signal?.removeEventListener("abort", onAbort);
    return new Promise<SimResult>((resolve, reject) => {
      const entry: Pending = {
        request: { ...request, id },
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
        needRounds: 0,
      };
      this.pending.set(id, entry);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.sendSim(id, entry.request);
    });
  }

  private sendSim(id: string, request: SimRequest): void {
    // Repository files go by hash once the server has them; the testbench always goes whole.
    const rtl = request.rtl.map((f) => {
      const content = f.content ?? "";
      const hash = f.sha256 ?? sha256(content);
      if (this.serverHas.has(hash)) return { name: f.name, sha256: hash };
      this.serverHas.add(hash);
      return { name: f.name, sha256: hash, content };
    });
    this.send({ type: "sim", id, request: { ...request, rtl } });
  }

  private onMessage(msg: Exclude<ServerMessage, { type: "hello" }>): void {
    const entry = msg.id === undefined ? undefined : this.pending.get(msg.id);
    if (msg.type === "need") {
      if (!entry) return;
      if (++entry.needRounds > 3)
        return this.settle(msg.id, new Error(`${this.label}: server keeps asking for files`));
      const wanted = new Set(msg.sha256);
      const blobs = entry.request.rtl
        .filter((f) => wanted.has(f.sha256 ?? sha256(f.content ?? "")))
        .map((f) => ({ sha256: f.sha256 ?? sha256(f.content ?? ""), content: f.content ?? "" }));
      this.send({ type: "put", blobs });
      this.sendSim(msg.id, entry.request);
      return;
    }
    if (msg.type === "result") return this.settle(msg.id, msg.result);
    if (msg.type === "error") {
      // An error the server could not tie to a job (e.g. a line it could not parse) must not
      // fail unrelated jobs; it is kept for diagnostics.
      if (msg.id) this.settle(msg.id, new Error(`${this.label}: ${msg.message}`));
      else this.lastServerError = msg.message;
    }
  }

  private settle(id: string, outcome: SimResult | Error): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (outcome instanceof Error) entry.reject(outcome);
    else entry.resolve(outcome);
  }

  private failAll(err: Error): void {
    for (const id of [...this.pending.keys()]) this.settle(id, err);
  }

  private send(msg: ClientMessage): void {
    if (this.closed) return;
    const line = JSON.stringify(msg) + "\n";
    this.bytesSent += Buffer.byteLength(line);
    this.output.write(line);
  }

  close(): void {
    this.send({ type: "shutdown" });
    this.output.end();
  }
}

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "bin", "llm4cov");

/** Runs jobs through a child `llm4cov eda serve --stdio` (the same server a remote host runs). */
export class StdioExecutor implements Executor {
  readonly name = "stdio";
  private child?: ChildProcess;
  private conn?: StdioConnection;
  private done = 0;
  private failed = 0;

  constructor(private readonly opts: { command?: string[]; slots?: number } = {}) {}

  private connect(): StdioConnection {
    if (this.conn && !this.conn.isClosed) return this.conn;
    const [cmd, ...args] = this.opts.command ?? [process.execPath, BIN, "eda", "serve", "--stdio"];
    if (this.opts.slots) args.push("--slots", String(this.opts.slots));
    this.child = spawn(cmd!, args, { stdio: ["pipe", "pipe", "inherit"] });
    this.conn = new StdioConnection(this.child.stdout!, this.child.stdin!, `eda server (${cmd})`);
    return this.conn;
  }

  async run(input: SimRequestInput, signal?: AbortSignal): Promise<SimResult> {
    const request = SimRequest.parse(input); // malformed requests throw: permanent, not retryable
    try {
      const r = await this.connect().run(request, signal);
      this.done++;
      return r;
    } catch (err) {
      this.failed++;
      if (!(err instanceof ConnectionLostError)) throw err;
      // A lost server is never the testbench's fault: report it as retryable infra_error.
      return makeResult({
        id: request.id,
        simulator: { name: request.simulator ?? "verilator", version: "unknown" },
        status: "infra_error",
        reason: (err as Error).message,
      });
    }
  }

  stats(): ExecutorStats {
    const running = this.conn?.inFlight ?? 0;
    return { queued: 0, running, done: this.done, failed: this.failed, slots: this.opts.slots ?? 0 };
  }

  get bytesSent(): number {
    return this.conn?.bytesSent ?? 0;
  }

  async close(): Promise<void> {
    if (!this.conn || !this.child) return;
    const exited = new Promise((r) => this.child!.once("exit", r));
    this.conn.close();
    await exited;
  }
}
