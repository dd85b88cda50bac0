// A real redis-server for tests: random free port, its own temp dir, torn down afterwards.
// `restart()` kills and starts it again on the same port and dir (appendonly keeps the data).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const REDIS_SERVER = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((p) =>
  existsSync(p),
);

export interface TestRedisOptions {
  /** requirepass for the default user. */
  password?: string;
  /** ACL lines written to an aclfile (e.g. "user llm4cov on >pw ~llm4cov:* ..."). */
  acl?: string[];
  /** appendonly with fsync always, so jobs survive a restart (default true). */
  persist?: boolean;
  /** TLS only (rediss://), with a CA and server certificate made for 127.0.0.1 (see `ca`). */
  tls?: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class TestRedis {
  readonly dir = mkdtempSync(join(tmpdir(), "llm4cov-redis-"));
  port = 0;
  private proc?: ChildProcess;
  private log = "";

  constructor(private readonly opts: TestRedisOptions = {}) {}

  /** redis://[user:pass@]127.0.0.1:port/db with this server's default password unless given. */
  url(o: { user?: string; password?: string; db?: number; query?: string } = {}): string {
    const pw = o.password ?? this.opts.password;
    const auth = pw !== undefined ? `${encodeURIComponent(o.user ?? "")}:${encodeURIComponent(pw)}@` : "";
    return `${this.opts.tls ? "rediss" : "redis"}://${auth}127.0.0.1:${this.port}/${o.db ?? 0}${o.query ? `?${o.query}` : ""}`;
  }

  async start(): Promise<void> {
    if (!REDIS_SERVER) throw new Error("redis-server is not installed");
    if (!this.port) this.port = await freePort();
    const args = ["--bind", "127.0.0.1", "--dir", this.dir];
    if (this.opts.tls) {
      this.makeCerts();
      args.push("--port", "0", "--tls-port", String(this.port), "--tls-auth-clients", "no");
      args.push(
        "--tls-cert-file",
        join(this.dir, "server.pem"),
        "--tls-key-file",
        join(this.dir, "server.key"),
      );
      args.push("--tls-ca-cert-file", this.ca);
    } else args.push("--port", String(this.port));
    args.push("--save", "", "--daemonize", "no", "--protected-mode", "no");
    if (this.opts.persist !== false) args.push("--appendonly", "yes", "--appendfsync", "always");
    if (this.opts.password !== undefined) args.push("--requirepass", this.opts.password);
    if (this.opts.acl) {
      const aclFile = join(this.dir, "users.acl");
      writeFileSync(aclFile, this.opts.acl.join("\n") + "\n");
      args.push("--aclfile", aclFile);
    }
    this.log = "";
    const proc = spawn(REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
    proc.stdout.on("data", (c: Buffer) => (this.log = (this.log + c.toString()).slice(-4000)));
    proc.stderr.on("data", (c: Buffer) => (this.log = (this.log + c.toString()).slice(-4000)));
    this.proc = proc;
    for (let i = 0; i < 200; i++) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited: ${this.log}`);
      if (/Ready to accept connections/.test(this.log) && (await this.accepts())) return;
      await delay(25);
    }
    throw new Error(`redis-server did not start: ${this.log}`);
  }

  /** The CA certificate (PEM file) that signed the server's certificate (with `tls`). */
  get ca(): string {
    return join(this.dir, "ca.pem");
  }

  private makeCerts(): void {
    if (existsSync(this.ca)) return;
    const d = this.dir;
    const ssl = (...a: string[]) => execFileSync("openssl", a, { cwd: d, stdio: "ignore" });
    ssl(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=llm4cov test CA",
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
    );
    writeFileSync(join(d, "san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    ssl(
      "req",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-subj",
      "/CN=127.0.0.1",
      "-keyout",
      "server.key",
      "-out",
      "server.csr",
    );
    ssl(
      "x509",
      "-req",
      "-in",
      "server.csr",
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-days",
      "2",
      "-extfile",
      "san.ext",
      "-out",
      "server.pem",
    );
  }

  private accepts(): Promise<boolean> {
    return new Promise((resolve) => {
      const s = connect(this.port, "127.0.0.1");
      s.once("connect", () => (s.destroy(), resolve(true)));
      s.once("error", () => resolve(false));
    });
  }

  /** SIGKILLs the server (no shutdown save); the data on disk is what appendonly wrote. */
  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once("exit", r));
    p.kill("SIGKILL");
    await exited;
  }

  async restart(downMs = 0): Promise<void> {
    await this.kill();
    if (downMs) await delay(downMs);
    await this.start();
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const REPO_ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(REPO_ROOT, "bin", "llm4cov");

/**
 * A real worker process: `bin/llm4cov eda worker --queue URL ...` (needs dist/), or with
 * `entry` a node entry run through tsx that calls the same startQueueWorker.
 */
export class WorkerProcess {
  proc?: ChildProcess;
  output = "";
  exit?: Promise<number | null>;

  constructor(
    readonly url: string,
    readonly args: string[] = [],
    readonly entry?: string,
  ) {}

  start(): this {
    const cmd = this.entry
      ? [process.execPath, "--import", "tsx", this.entry, this.url, ...this.args]
      : [process.execPath, BIN, "eda", "worker", "--queue", this.url, ...this.args];
    this.output = "";
    const proc = spawn(cmd[0]!, cmd.slice(1), { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    proc.stdout.on("data", (c: Buffer) => (this.output += c.toString()));
    proc.stderr.on("data", (c: Buffer) => (this.output += c.toString()));
    this.exit = new Promise((r) => proc.once("exit", (code) => r(code)));
    this.proc = proc;
    return this;
  }

  /** Resolves once the worker says it is serving (or rejects with its output if it exits). */
  async ready(timeoutMs = 30_000): Promise<this> {
    const t0 = Date.now();
    while (!/ slots on /.test(this.output)) {
      if (this.proc?.exitCode !== null) throw new Error(`worker exited: ${this.output}`);
      if (Date.now() - t0 > timeoutMs) throw new Error(`worker not ready: ${this.output}`);
      await delay(50);
    }
    return this;
  }

  get alive(): boolean {
    return !!this.proc && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    if (!this.alive) return;
    this.proc!.kill(signal);
    await this.exit;
  }
}

/** Runs a CLI command to completion; returns its exit code and output. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const proc = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    proc.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A protocol v1 request for a bundled example design (examples/designs/<name>). */
export function designRequest(name: string, tb: "good" | "weak" = "good", id?: string) {
  const dir = join(REPO_ROOT, "examples", "designs", name);
  const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { top: string; instance: string };
  const rtl = readdirSync(join(dir, "rtl"))
    .sort()
    .map((f) => ({ name: `rtl/${f}`, content: readFileSync(join(dir, "rtl", f), "utf8") }));
  return {
    id,
    rtl,
    testbench: { name: "tb/tb.sv", content: readFileSync(join(dir, "reference", `${tb}_tb.sv`), "utf8") },
    top: meta.top,
    instance: meta.instance,
  };
}
