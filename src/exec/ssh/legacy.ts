// Compatibility mode: runs the published framework's get_cov_result-style CLI on the host
//   <cmd> --workdir W --tb TB --sv_files F... --dut TOP --timeout S --outfile result.json
// and reads its result.json with parseAnyResult. Repository files go by sha256 into an on-disk
// cache on the host (a legacy tool reads files from disk): a job names the hashes, the host says
// which it lacks, only those travel (inside the job's tar stream, with the testbench).
import { sha256 } from "../../core/hash.js";
import type { SimRequest, SimResult } from "../../core/protocol.js";
import {
  dutModuleNames,
  makeResult,
  safeRelativePath,
  testbenchFileName,
  UnsafePathError,
} from "../../eda/job.js";
import { parseAnyResult } from "../../eda/legacy-result.js";
import { precheckTestbench } from "../../eda/precheck.js";
import { ConnectionLostError } from "../stdio-client.js";
import type { Backend, HostInfo } from "./backend.js";
import type { ExecHandle, SshSession } from "./connection.js";
import { RemoteCommandError, SshUnreachableError } from "./errors.js";
import {
  killCommand,
  legacyCheckCommand,
  legacyJobCommand,
  legacyProbeCommand,
  legacyPutCommand,
} from "./remote-script.js";
import type { SshHostSpec } from "./spec.js";
import { tarFiles } from "./tar.js";

export interface LegacyOptions {
  /** Remote cache bound (bytes); least recently used files go first. Default 1 GiB. */
  cacheBytes?: number;
  /** Seconds after the tool's --timeout before it is killed on the host. Default 10. */
  killGraceSec?: number;
}

const SIMULATOR = { name: "legacy", version: "unknown" };

export class LegacyBackend implements Backend {
  /** Per hash: settles once the host's cache has the file (probed or uploaded, this connection). */
  private present = new Map<string, Promise<void>>();
  private sent = 0;

  private constructor(
    private readonly session: SshSession,
    private readonly spec: SshHostSpec,
    private readonly opts: LegacyOptions,
    readonly info: HostInfo,
  ) {}

  get alive(): boolean {
    return !this.session.closed;
  }

  get payloadBytes(): number {
    return this.sent;
  }

  static async open(
    session: SshSession,
    spec: SshHostSpec,
    opts: LegacyOptions = {},
  ): Promise<LegacyBackend> {
    const r = await session.run(legacyCheckCommand(spec.workDir, spec.remoteCommand));
    if (r.lost)
      throw new SshUnreachableError(spec.label, "connection lost while checking the legacy command");
    const path = /LLM4COV-LEGACY (.*)/.exec(r.stdout)?.[1];
    if (r.code !== 0 || !path)
      throw new RemoteCommandError(
        spec.label,
        `legacy mode: ${r.stderr.trim().slice(-400) || `check failed (exit ${r.code})`}`,
        r.code,
        r.stderr,
      );
    return new LegacyBackend(session, spec, opts, {
      server: "legacy",
      protocol: null,
      simulators: { legacy: path.trim() },
      slots: spec.slots,
    });
  }

  private async exec(cmd: string, stdin?: Buffer) {
    this.sent += Buffer.byteLength(cmd) + (stdin?.length ?? 0);
    const h = await this.session.exec(cmd).catch((err: Error) => {
      throw new ConnectionLostError(err.message);
    });
    let stdout = "";
    h.channel.on("data", (c: Buffer) => (stdout += c.toString()));
    h.channel.end(stdin);
    return { h, stdout: () => stdout };
  }

  private async runToEnd(cmd: string, stdin?: Buffer): Promise<{ code: number | null; stdout: string }> {
    const { h, stdout } = await this.exec(cmd, stdin);
    const r = await h.done;
    if (r.lost) throw new ConnectionLostError(`${this.spec.label}: connection lost`);
    return { code: r.code, stdout: stdout() };
  }

  /** Makes sure the host's cache holds these files: asks which it lacks, sends only those. */
  private async ensure(files: Map<string, string>): Promise<void> {
    const todo = [...files.keys()].filter((h) => !this.present.has(h));
    if (todo.length) {
      const job = (async () => {
        const probe = await this.runToEnd(legacyProbeCommand(this.spec.workDir, todo));
        const missing = probe.stdout.split(/\s+/).filter((h) => files.has(h));
        if (!missing.length) return;
        const tar = tarFiles(missing.map((h) => ({ name: h, content: files.get(h)! })));
        const put = await this.runToEnd(
          legacyPutCommand(this.spec.workDir, this.opts.cacheBytes ?? 1024 ** 3),
          tar,
        );
        if (put.code !== 0)
          throw new Error(`${this.spec.label}: could not store files in the cache (exit ${put.code})`);
      })();
      for (const h of todo) this.present.set(h, job);
      // A failed probe or upload is forgotten, so the next job asks again.
      job.catch(() => todo.forEach((h) => this.present.get(h) === job && this.present.delete(h)));
    }
    await Promise.all([...files.keys()].map((h) => this.present.get(h)));
  }

  async run(req: SimRequest, signal: AbortSignal): Promise<SimResult> {
    const fail = (status: SimResult["status"], reason: string) =>
      makeResult({ id: req.id, simulator: SIMULATOR, status, reason });
    let tbName: string;
    let rtl: { name: string; content: string; sha256: string }[];
    const tb = req.testbench.content ?? "";
    try {
      // Names become paths in the host's job directory: the same check as every other server.
      rtl = req.rtl.map((f) => {
        if (f.content === undefined) throw new Error(`legacy mode needs the content of ${f.name}`);
        return { name: safeRelativePath(f.name), content: f.content, sha256: f.sha256 ?? sha256(f.content) };
      });
      tbName = testbenchFileName(
        req.testbench.name,
        rtl.map((f) => f.name),
      );
    } catch (err) {
      if (err instanceof UnsafePathError) return fail("rejected", err.message);
      throw err;
    }
    const violations = precheckTestbench(tb, dutModuleNames(rtl));
    if (violations.length)
      return fail("rejected", `policy violation: ${violations[0]!.message} (line ${violations[0]!.line})`);

    const files = new Map(rtl.map((f) => [f.sha256, f.content]));
    const timeoutSec = Math.max(1, Math.ceil(req.limits.wallMs / 1000));
    const cmd = legacyJobCommand({
      workDir: this.spec.workDir,
      timeoutSec,
      killGraceSec: this.opts.killGraceSec ?? 10,
      legacyCommand: this.spec.remoteCommand,
      top: req.top,
      tbName,
      rtl: rtl.map((f) => ({ name: f.name, sha256: f.sha256 })),
    });
    const started = Date.now();
    for (let round = 0; round < 3; round++) {
      await this.ensure(files);
      if (signal.aborted) return fail("infra_error", "cancelled");
      const { h, stdout } = await this.exec(cmd, tarFiles([{ name: tbName, content: tb }]));
      const onAbort = () => void this.kill(h);
      signal.addEventListener("abort", onAbort, { once: true });
      if (signal.aborted) onAbort();
      const r = await h.done.finally(() => signal.removeEventListener("abort", onAbort));
      if (r.lost) throw new ConnectionLostError(`${this.spec.label}: connection lost during a legacy job`);
      if (r.code === 97) {
        // Evicted between our check and the job: forget those files and send them again.
        for (const x of /LLM4COV-NEED (.*)/.exec(stdout())?.[1]?.split(/\s+/) ?? []) this.present.delete(x);
        continue;
      }
      if (signal.aborted) return fail("infra_error", "cancelled");
      return this.interpret(req, r.code, stdout().trim(), h.stderr(), timeoutSec, started);
    }
    return fail(
      "infra_error",
      "the host's cache kept losing this repository's files (is its bound too small?)",
    );
  }

  private interpret(
    req: SimRequest,
    code: number | null,
    out: string,
    stderr: string,
    timeoutSec: number,
    started: number,
  ): SimResult {
    const fail = (status: SimResult["status"], reason: string) =>
      makeResult({ id: req.id, simulator: SIMULATOR, status, reason });
    const log = stderr.replace(/^LLM4COV-PID \d+\n?/m, "").trim();
    if (out) {
      try {
        const result = parseAnyResult(JSON.parse(out), { instance: req.instance, top: req.top });
        result.id = req.id;
        result.timings.push({ stage: "remote", ms: Date.now() - started });
        return result;
      } catch (err) {
        return fail(
          "infra_error",
          `unreadable result.json from the legacy command: ${(err as Error).message}`,
        );
      }
    }
    if (code === 124 || code === 137)
      return fail(
        "timeout",
        `the legacy command exceeded its ${timeoutSec}s limit and was killed on the host`,
      );
    if (code === 127) return fail("infra_error", `legacy command not found on the host: ${log}`);
    return fail(
      "infra_error",
      `legacy command exited (${code}) without result.json: ${log.slice(-500) || "no output"}`,
    );
  }

  /** Cancels a running legacy job: its wrapper kills the tool's process group and cleans up. */
  private async kill(h: ExecHandle): Promise<void> {
    const pidOf = () => Number(/LLM4COV-PID (\d+)/.exec(h.stderr())?.[1]);
    if (!pidOf()) {
      // The wrapper prints its pid first thing; wait for it (or for the job to end).
      const ended = h.done.then(() => true);
      while (!pidOf()) {
        const more = new Promise<boolean>((r) => h.channel.stderr.once("data", () => r(false)));
        if (await Promise.race([ended, more])) return;
      }
    }
    if (this.session.closed) return;
    await this.session.run(killCommand(pidOf())).catch(() => undefined);
  }

  async close(): Promise<void> {}
}
