// One long-lived SSH connection to a host (ssh2): our own TCP socket (so bytes on the wire can be
// counted), keep-alives, host key checking against known_hosts, and channels bounded by the
// server's session limit (sshd MaxSessions; lowered when the server refuses a channel).
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { connect as tcpConnect, type Socket } from "node:net";
import ssh2 from "ssh2";
import type {
  AgentAuthMethod,
  AuthMethod,
  Client as ClientType,
  ClientChannel,
  ConnectConfig,
  PublicKeyAuthMethod,
} from "ssh2";
import {
  classifySshError,
  HostKeyError,
  SshConfigError,
  SshUnreachableError,
  type SshError,
} from "./errors.js";
import { blobKeyType, fingerprint, KnownHosts, type HostKeyVerdict } from "./known-hosts.js";
import { defaultKeyFiles, type SshHostSpec } from "./spec.js";

export interface SessionOptions {
  connectTimeoutMs?: number;
  keepaliveMs?: number;
  keepaliveCountMax?: number;
}

export interface ExecHandle {
  channel: ClientChannel;
  /** Resolves when the channel closes: the exit code, or lost when the connection went first. */
  done: Promise<{ code: number | null; signal: string | null; lost: boolean }>;
  stderr(): string;
}

// ssh2 is CommonJS: take its exports from the default import.
const { Client, utils } = ssh2;
type Client = ClientType;

const HOST_KEY_ALGOS = [
  "ssh-ed25519",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
  "rsa-sha2-512",
  "rsa-sha2-256",
  "ssh-rsa",
];
const algosOf = (keyType: string) => (keyType === "ssh-rsa" ? ["rsa-sha2-512", "rsa-sha2-256"] : [keyType]);

function authMethods(spec: SshHostSpec): AuthMethod[] {
  const files = spec.key ? [spec.key] : defaultKeyFiles();
  const methods: AuthMethod[] = [];
  for (const file of files) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch (err) {
      throw new SshConfigError(spec.label, `cannot read key file ${file}: ${(err as Error).message}`);
    }
    const passphrase = process.env.LLM4COV_SSH_PASSPHRASE;
    const parsed = utils.parseKey(data, passphrase);
    if (parsed instanceof Error)
      throw new SshConfigError(
        spec.label,
        `cannot use key file ${file}: ${parsed.message}` +
          (/passphrase|encrypted/i.test(parsed.message)
            ? " (set LLM4COV_SSH_PASSPHRASE or use an agent)"
            : ""),
      );
    const pk: PublicKeyAuthMethod = { type: "publickey", username: spec.user, key: data, passphrase };
    methods.push(pk);
  }
  if (!spec.key && process.env.SSH_AUTH_SOCK) {
    const agent: AgentAuthMethod = { type: "agent", username: spec.user, agent: process.env.SSH_AUTH_SOCK };
    methods.push(agent);
  }
  if (!methods.length)
    throw new SshConfigError(
      spec.label,
      "no SSH key: pass --ssh-key <file> (or key: in the config), or run an agent",
    );
  return methods;
}

export class SshSession extends EventEmitter {
  private channels = 0;
  private limit: number;
  private opensSinceRefusal = 0;
  private waiters: (() => void)[] = [];
  closed = false;
  /** Why the connection ended (null: closed by us). */
  closeError: Error | null = null;

  private constructor(
    readonly spec: SshHostSpec,
    private readonly client: Client,
    readonly socket: Socket,
  ) {
    super();
    this.limit = spec.maxSessions;
    client.on("error", (err) => (this.closeError = err));
    client.on("close", () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w();
      this.emit("close", this.closeError);
    });
  }

  /** Channels we open at once: sshd's MaxSessions as configured or as learned from refusals. */
  get channelLimit(): number {
    return this.limit;
  }

  /** Bytes this connection has written to the network (SSH framing and encryption included). */
  get wireBytesOut(): number {
    return this.socket.bytesWritten;
  }

  static async open(spec: SshHostSpec, opts: SessionOptions = {}): Promise<SshSession> {
    const timeout = opts.connectTimeoutMs ?? 20_000;
    const authHandler = authMethods(spec);
    const known = spec.knownHosts ? KnownHosts.load(spec.knownHosts) : null;
    let verdict: HostKeyVerdict | null = null;
    let presented: Buffer | null = null;
    const preferred = known?.keyTypes(spec.host, spec.port).flatMap(algosOf) ?? [];
    const socket = await openSocket(spec, timeout);
    const client = new Client();
    const cfg: ConnectConfig = {
      sock: socket,
      username: spec.user,
      authHandler,
      readyTimeout: timeout,
      keepaliveInterval: opts.keepaliveMs ?? 10_000,
      keepaliveCountMax: opts.keepaliveCountMax ?? 3,
      hostVerifier: (key: Buffer) => {
        presented = key;
        if (!known) return true;
        verdict = known.verify(spec.host, spec.port, key);
        return verdict.ok;
      },
    };
    const offered = preferred.filter((a) => HOST_KEY_ALGOS.includes(a));
    if (offered.length)
      cfg.algorithms = {
        serverHostKey: [...offered, ...HOST_KEY_ALGOS.filter((a) => !offered.includes(a))] as never,
      };
    let onReady!: () => void, onError!: (e: Error) => void, onClose!: () => void;
    try {
      await new Promise<void>((resolve, reject) => {
        onReady = resolve;
        onError = reject;
        onClose = () =>
          reject(new SshUnreachableError(spec.label, "connection closed during the SSH handshake"));
        client.once("ready", onReady).once("error", onError).once("close", onClose);
        client.connect(cfg);
      });
    } catch (err) {
      client.on("error", () => undefined);
      socket.destroy();
      const v = verdict as HostKeyVerdict | null;
      if (v && !v.ok) throw new HostKeyError(spec.label, v.detail, v.kind, fingerprint(presented!));
      throw classifySshError(spec.label, err);
    } finally {
      client.off("ready", onReady).off("error", onError).off("close", onClose);
    }
    socket.setKeepAlive(true, 30_000);
    socket.setNoDelay(true);
    return new SshSession(spec, client, socket);
  }

  /** The presented host key's type and fingerprint (for reports). */
  static describeKey(blob: Buffer): string {
    return `${blobKeyType(blob)} ${fingerprint(blob)}`;
  }

  private async acquire(): Promise<void> {
    while (this.channels >= this.limit) {
      if (this.closed) throw this.lostError();
      await new Promise<void>((r) => this.waiters.push(r));
    }
    this.channels++;
  }

  private release(): void {
    this.channels--;
    this.waiters.shift()?.();
  }

  private lostError(): SshError {
    return new SshUnreachableError(
      this.spec.label,
      `connection lost${this.closeError ? `: ${this.closeError.message}` : ""}`,
    );
  }

  /**
   * Runs `command` on a new channel (waits for a free one when at the session limit). When the
   * server refuses a channel, its limit is below ours: use as many as are open, and probe one
   * more after a run of successful opens (sshd may free a closed session a moment late).
   */
  async exec(command: string): Promise<ExecHandle> {
    for (let refusedIdle = 0; ;) {
      await this.acquire();
      try {
        const channel = await new Promise<ClientChannel>((res, rej) =>
          this.client.exec(command, (err, ch) => (err ? rej(err) : res(ch))),
        );
        if (this.limit < this.spec.maxSessions && ++this.opensSinceRefusal >= 8) {
          this.limit++;
          this.opensSinceRefusal = 0;
        }
        return this.wrap(channel);
      } catch (err) {
        this.release();
        if (this.closed) throw this.lostError();
        this.opensSinceRefusal = 0;
        if (this.channels > 0) this.limit = Math.min(this.limit, this.channels);
        else if (++refusedIdle > 3) throw classifySshError(this.spec.label, err);
        else await new Promise((r) => setTimeout(r, 100 * refusedIdle));
      }
    }
  }

  private wrap(channel: ClientChannel): ExecHandle {
    // A write racing a dropped connection must not crash the process; `done` reports the loss.
    channel.on("error", () => undefined);
    channel.stderr.on("error", () => undefined);
    let stderr = "";
    channel.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
      if (stderr.length > 64 * 1024) stderr = stderr.slice(-32 * 1024);
    });
    let exit: { code: number | null; signal: string | null } | null = null;
    channel.on("exit", (code: number | null, signal?: string) => (exit = { code, signal: signal ?? null }));
    const done = new Promise<{ code: number | null; signal: string | null; lost: boolean }>((resolve) => {
      channel.once("close", () => {
        this.release();
        const e = exit as { code: number | null; signal: string | null } | null;
        resolve(e ? { ...e, lost: false } : { code: null, signal: null, lost: true });
      });
    });
    return { channel, done, stderr: () => stderr };
  }

  /** Runs a command to the end, with optional stdin; collects its output. */
  async run(
    command: string,
    stdin?: Buffer | string,
  ): Promise<{ code: number | null; stdout: string; stderr: string; lost: boolean }> {
    const h = await this.exec(command);
    let stdout = "";
    h.channel.on("data", (c: Buffer) => (stdout += c.toString()));
    h.channel.end(stdin);
    const r = await h.done;
    return { code: r.code, stdout, stderr: h.stderr(), lost: r.lost };
  }

  /** Graceful close. */
  end(): Promise<void> {
    if (this.closed) return Promise.resolve();
    const closed = new Promise<void>((r) => this.once("close", () => r()));
    this.client.end();
    return closed;
  }

  /** Drops the connection now (a host that stopped answering). */
  destroy(reason: Error): void {
    if (this.closed) return;
    this.closeError = reason;
    this.socket.destroy();
  }
}

function openSocket(spec: SshHostSpec, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: spec.host, port: spec.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new SshUnreachableError(spec.label, `TCP connect timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.removeAllListeners("error");
      resolve(socket);
    });
    socket.once("error", (err) => {
      clearTimeout(timer);
      reject(classifySshError(spec.label, err));
    });
  });
}
