// What runs jobs over an open SSH session. The stdio backend keeps one channel with our protocol
// v1 server (`llm4cov eda serve --stdio`) for the whole connection: the server keeps repository
// files by sha256 in memory, so each file crosses the network once per connection.
import type { SimRequest, SimResult } from "../../core/protocol.js";
import { ConnectionLostError, StdioConnection } from "../stdio-client.js";
import type { SshSession } from "./connection.js";
import { RemoteCommandError, SshUnreachableError } from "./errors.js";
import { stdioServerCommand } from "./remote-script.js";
import type { SshHostSpec } from "./spec.js";

export interface HostInfo {
  server: string;
  protocol: number | null;
  /** Tool versions from the server's hello (null: the tool is missing on the host). */
  simulators: Record<string, string | null>;
  slots: number;
}

export interface Backend {
  readonly info: HostInfo;
  readonly alive: boolean;
  /** Bytes of payload written to the host (protocol lines, or tar streams and commands). */
  readonly payloadBytes: number;
  /** Rejects with ConnectionLostError when the host went away mid-job. */
  run(request: SimRequest, signal: AbortSignal): Promise<SimResult>;
  close(): Promise<void>;
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export class StdioBackend implements Backend {
  private constructor(
    private readonly session: SshSession,
    private readonly conn: StdioConnection,
    private readonly closed: Promise<unknown>,
    readonly info: HostInfo,
  ) {}

  get alive(): boolean {
    return !this.conn.isClosed && !this.session.closed;
  }

  get payloadBytes(): number {
    return this.conn.bytesSent;
  }

  static async open(session: SshSession, spec: SshHostSpec, helloTimeoutMs = 60_000): Promise<StdioBackend> {
    const h = await session.exec(stdioServerCommand(spec.workDir, spec.remoteCommand, spec.slots));
    let head = "";
    const tap = (c: Buffer) => {
      head += c.toString();
      if (head.length > 4096) h.channel.off("data", tap);
    };
    h.channel.on("data", tap);
    const conn = new StdioConnection(h.channel, h.channel, `eda server on ${spec.label}`);
    let timer: NodeJS.Timeout | undefined;
    try {
      const hello = await Promise.race([
        conn.hello,
        new Promise<never>((_, rej) => {
          timer = setTimeout(() => rej(new Error("timeout")), helloTimeoutMs);
        }),
      ]);
      h.channel.off("data", tap);
      return new StdioBackend(session, conn, h.done, {
        server: hello.server,
        protocol: hello.protocol,
        simulators: hello.simulators,
        slots: hello.slots,
      });
    } catch {
      const exit = await Promise.race([h.done, delay(3000).then(() => null)]);
      if (!exit) h.channel.close();
      if (session.closed || exit?.lost)
        throw new SshUnreachableError(spec.label, "connection lost while starting the remote server");
      if (!exit)
        throw new SshUnreachableError(
          spec.label,
          `\`${spec.remoteCommand}\` did not say hello within ${helloTimeoutMs} ms (${h.stderr().trim().slice(-300) || "no output"})`,
        );
      // The wrapper reports the server's own exit code (the channel's is the wrapper's).
      const code = Number(/LLM4COV-EXIT (\d+)/.exec(h.stderr())?.[1] ?? exit?.code ?? NaN);
      const stderr = h.stderr().replace(/^LLM4COV-EXIT \d+\n?/m, "");
      throw remoteCommandFailure(spec, Number.isNaN(code) ? null : code, stderr, head);
    } finally {
      clearTimeout(timer);
    }
  }

  run(request: SimRequest, signal: AbortSignal): Promise<SimResult> {
    return this.conn.run(request, signal);
  }

  async close(): Promise<void> {
    if (!this.alive) return;
    this.conn.close();
    await Promise.race([this.closed, delay(10_000)]);
  }
}

function remoteCommandFailure(spec: SshHostSpec, code: number | null, stderr: string, stdout: string) {
  const err = stderr.trim().split("\n").slice(-5).join(" | ").slice(0, 600);
  const first = stdout.split("\n")[0] ?? "";
  let msg: string;
  try {
    const m = JSON.parse(first) as { type?: string; protocol?: unknown };
    if (m.type === "hello" && m.protocol !== 1) {
      msg = `the remote server speaks protocol ${String(m.protocol)}, we speak 1; install a matching llm4cov`;
      return new RemoteCommandError(spec.label, msg, code, stderr);
    }
  } catch {
    /* not JSON */
  }
  if (code === 127 || /not found|No such file|Cannot find module/i.test(err))
    msg =
      `remote command not found: \`${spec.remoteCommand}\` (exit ${code}): ${err || "no output"}. ` +
      `Install llm4cov on the host or pass --remote-command "<path>/llm4cov eda serve --stdio"`;
  else if (code === 70)
    msg = `cannot create the remote work directory (${spec.workDir ?? "default"}): ${err}`;
  else
    msg =
      `\`${spec.remoteCommand}\` exited (${code}) before speaking protocol v1: ${err || "no output"}` +
      (first ? `; it printed: ${first.slice(0, 200)}` : "");
  return new RemoteCommandError(spec.label, msg, code, stderr);
}

export { ConnectionLostError };
