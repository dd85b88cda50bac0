// A simulator that runs a user-supplied command, e.g. a wrapper around a commercial tool on
// this machine, with the published framework's command-line contract
//   <command...> --workdir W --tb TB --sv_files F... --dut TOP --timeout S --outfile OUT
// and reads the result.json it writes (ours or the published framework's, src/eda/legacy-result.ts).
// Register one with registerSimulator(new CommandSimulator({ name, command })).
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import type { CoverageTarget, SimResult, SimStatus } from "../core/protocol.js";
import { makeResult } from "./job.js";
import { readJobFile } from "./job-fs.js";
import { parseAnyResult } from "./legacy-result.js";
import { runBounded, runRaw } from "./process.js";
import { sandboxLabel, withJobSandbox, type JobSandbox } from "./sandbox.js";
import type { SimJob, Simulator, SimulatorFeatures } from "./simulator.js";
import { stageLimits, STAGE_DEFAULTS } from "./stage.js";

export interface CommandSimulatorOptions {
  /** Registry name, e.g. "xrun-wrapper". */
  name: string;
  /** The command and its own leading arguments; the contract's flags are appended. Absolute path. */
  command: string[];
  /** Version string to report; default: the first line `command --version` prints, else "unknown". */
  version?: string;
  /**
   * Run the command inside the job's sandbox (default true): it then sees only the job
   * directory, the system tool directories and `readOnly`. Turn off for tools that need a
   * licence server or files elsewhere; the testbench then runs with the command's rights.
   */
  sandbox?: boolean;
  /** Host paths the sandboxed command reads (its install directory is added automatically). */
  readOnly?: string[];
  /** Extra environment variables for the command. */
  env?: Record<string, string>;
  /** Seconds the command gets after --timeout before it is killed (default 10). */
  killGraceSec?: number;
  features?: SimulatorFeatures;
}

const MAX_RESULT_BYTES = 16 * 1024 * 1024;

export class CommandSimulator implements Simulator {
  readonly name: string;
  readonly features: SimulatorFeatures;
  private versionPromise?: Promise<string>;

  constructor(private readonly opts: CommandSimulatorOptions) {
    if (!opts.command?.length || !isAbsolute(opts.command[0]!))
      throw new Error(`simulator ${opts.name}: command must start with an absolute path`);
    this.name = opts.name;
    this.features = opts.features ?? { coverage: true };
  }

  version(): Promise<string> {
    if (this.opts.version) return Promise.resolve(this.opts.version);
    const [cmd, ...args] = this.opts.command;
    this.versionPromise ??= runRaw(cmd!, [...args, "--version"], {
      cwd: "/",
      limits: { wallMs: 10_000, outputBytes: 4096 },
    }).then((r) => {
      if (r.spawnError) throw new Error(`${this.name}: cannot run ${cmd}: ${r.spawnError}`);
      return (r.exitCode === 0 && r.output.trim().split("\n")[0]?.slice(0, 80)) || "unknown";
    });
    this.versionPromise.catch(() => (this.versionPromise = undefined));
    return this.versionPromise;
  }

  evaluate(job: SimJob): Promise<SimResult> {
    if (this.opts.sandbox === false) return this.run(job, undefined);
    return withJobSandbox(job.jobDir, job.sandbox, (sandbox) => this.run(job, sandbox));
  }

  private async run(job: SimJob, sandbox: JobSandbox | undefined): Promise<SimResult> {
    const { request, jobDir } = job;
    const simulator = { name: this.name, version: await this.version() };
    const label = sandbox ? sandboxLabel(sandbox) : "none (command adapter, unsandboxed)";
    const result = (status: SimStatus, reason: string, log = "") =>
      makeResult({ id: request.id, simulator, status, reason, tbTop: job.tbTop, log, sandbox: label });
    const left = job.deadline - Date.now();
    if (left < STAGE_DEFAULTS.minStageMs)
      return result("timeout", "wall-clock limit reached before the command ran");
    const timeoutSec = Math.max(1, Math.floor(left / 1000));
    const graceMs = (this.opts.killGraceSec ?? 10) * 1000;
    // A name the testbench cannot guess, so it cannot plant its own result.
    const outfile = join(jobDir, `.llm4cov-result-${randomBytes(8).toString("hex")}.json`);
    const [cmd, ...lead] = this.opts.command;
    const args = [
      ...lead,
      "--workdir",
      jobDir,
      "--tb",
      join(jobDir, request.testbench.name),
      "--sv_files",
      ...request.rtl.map((f) => join(jobDir, f.name)),
      "--dut",
      request.top,
      "--timeout",
      String(timeoutSec),
      "--outfile",
      outfile,
    ];
    const run = await runBounded(cmd!, args, {
      cwd: jobDir,
      signal: job.signal,
      env: { ...process.env, ...this.opts.env },
      sandbox: sandbox
        ? {
            job: sandbox,
            readOnly: [dirname(cmd!), ...(this.opts.readOnly ?? [])],
            env: this.opts.env,
            tmpMb: request.limits.tmpMb,
          }
        : undefined,
      limits: stageLimits(request.limits, timeoutSec * 1000 + graceMs, { graceMs: 1000 }),
    });
    const log = run.output.slice(-64 * 1024);
    const timings = [{ stage: "command", ms: run.ms }];
    if (run.cancelled) return result("infra_error", "cancelled", log);
    if (run.spawnError) return result("infra_error", `cannot run ${cmd}: ${run.spawnError}`, log);
    const text = await readJobFile(outfile, MAX_RESULT_BYTES);
    await rm(outfile, { force: true });
    if (text === null) {
      // 124/137: the exit codes of timeout(1), which wrappers commonly use for --timeout.
      if (run.timedOut || run.exitCode === 124 || run.exitCode === 137)
        return result("timeout", `the command exceeded its ${timeoutSec}s limit and was killed`, log);
      const tail = log.trim().split("\n").slice(-3).join(" | ").slice(0, 400);
      return result(
        "infra_error",
        `${this.name} exited (${run.exitCode}) without writing --outfile: ${tail || "no output"}`,
        log,
      );
    }
    let parsed: SimResult;
    try {
      parsed = parseAnyResult(JSON.parse(text), { instance: request.instance, top: request.top });
    } catch (err) {
      return result(
        "infra_error",
        `unreadable result from ${this.name}: ${(err as Error).message.slice(0, 300)}`,
        log,
      );
    }
    parsed.id = request.id;
    parsed.simulator = simulator;
    parsed.sandbox = label;
    parsed.tbTop = parsed.tbTop ?? job.tbTop;
    parsed.timings = [...parsed.timings, ...timings];
    parsed.log = [parsed.log, log]
      .filter(Boolean)
      .join("\n")
      .slice(-256 * 1024);
    if (parsed.coverage && request.targets.length && !parsed.targets.length) {
      parsed.targets = request.targets.map((t) => targetCheck(parsed, t, request.instance));
      parsed.targetsMet = parsed.targets.every((t) => t.met);
    }
    return parsed;
  }
}

/** A target against the instance row the command reported (path = instance below the tb top). */
function targetCheck(r: SimResult, t: CoverageTarget, instance: string) {
  const rows = r.coverage?.instances ?? [];
  const row =
    rows.find((i) => i.path === t.inst_name) ?? rows.find((i) => i.path.endsWith(`.${t.inst_name}`));
  // The headline score is the DUT instance's row (fromLegacyResult picks it).
  const score = row ? row.score : t.inst_name === instance ? (r.coverage?.score ?? null) : null;
  const achieved = score === null ? null : score * 100;
  return {
    inst_name: t.inst_name,
    target: t.target_percentage,
    achieved,
    met: achieved !== null && achieved + 1e-9 >= t.target_percentage,
  };
}
