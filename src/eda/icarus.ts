// Icarus Verilog as a second simulator: compile/run status, no coverage.
// vvp says nothing on $finish, so a probe module (compiled last, its own timescale) bounds the
// simulated time and prints how the run ended. Because the probe keeps an event pending until
// the limit, "ran out of events" shows up as a simulated-time timeout here (docs/protocol.md).
import { dirname, join } from "node:path";
import type { SimResult, SimStatus } from "../core/protocol.js";
import { parseIcarusDiagnostics } from "./diagnostics.js";
import { dutModuleNames, joinLogs, makeResult } from "./job.js";
import { readJobFile, writeJobFile } from "./job-fs.js";
import {
  missingIncludeViolations,
  precheckPreprocessed,
  rejectionReason,
  violationDiagnostics,
} from "./precheck.js";
import { runBounded, runRaw, type ProcessResult } from "./process.js";
import { sandboxLabel, withJobSandbox, type JobSandbox } from "./sandbox.js";
import type { SimJob, Simulator } from "./simulator.js";
import { shellCommand, STAGE_DEFAULTS, stageLimits } from "./stage.js";
import { ToolMissingError } from "./verilator/toolchain.js";

const PROBE_MODULE = "llm4cov_icarus_probe";
const PROBE_FILE = "llm4cov_probe.sv";
const PREPROCESSED = ".llm4cov-pre.sv";

function probeSource(simTimeNs: number): string {
  return `\`timescale 1ns/1ps
module ${PROBE_MODULE};
  initial begin
    #(${Math.round(simTimeNs)});
    $display("LLM4COV-END reason=sim_time_limit time=%0t", $realtime);
    $finish;
  end
  final $display("LLM4COV-FINAL time_ns=%0f", $realtime);
endmodule
`;
}

let versionPromise: Promise<string> | undefined;
let ivlppPromise: Promise<string> | undefined;

/** iverilog's own preprocessor, run directly because only it can emit `line directives (-L). */
function findIvlpp(): Promise<string> {
  ivlppPromise ??= runRaw("iverilog", ["-v", "-E", "-o", "/dev/null", "/dev/null"], {
    cwd: "/",
    limits: { wallMs: 10_000, outputBytes: 16 * 1024 },
  }).then((r) => {
    const m = /preprocess: (\S*ivlpp)\b/.exec(r.output);
    if (!m) throw new ToolMissingError("cannot find iverilog's preprocessor (ivlpp)");
    return m[1]!;
  });
  ivlppPromise.catch(() => (ivlppPromise = undefined));
  return ivlppPromise;
}

export class IcarusSimulator implements Simulator {
  readonly name = "icarus" as const;

  version(): Promise<string> {
    versionPromise ??= runRaw("iverilog", ["-V"], {
      cwd: "/",
      limits: { wallMs: 10_000, outputBytes: 4096 },
    }).then((r) => {
      const m = /Icarus Verilog version (\S+)/.exec(r.output);
      if (r.spawnError || !m)
        throw new ToolMissingError(`iverilog not found or not working; run npm run setup`);
      return m[1]!;
    });
    versionPromise.catch(() => (versionPromise = undefined));
    return versionPromise;
  }

  evaluate(job: SimJob): Promise<SimResult> {
    return withJobSandbox(job.jobDir, job.sandbox, (sandbox) => this.stages(job, sandbox));
  }

  private async stages(job: SimJob, sandbox: JobSandbox): Promise<SimResult> {
    const { request, jobDir, tbTop } = job;
    const simulator = { name: "icarus", version: await this.version() };
    const ivlpp = await findIvlpp();
    const timings: { stage: string; ms: number }[] = [];
    const logs: { stage: string; output: string }[] = [];
    const left = () => job.deadline - Date.now();
    const stage = async (name: string, run: () => Promise<ProcessResult>) => {
      const r = await run();
      timings.push({ stage: name, ms: r.ms });
      logs.push({ stage: name, output: r.output });
      return r;
    };
    const result = (status: SimStatus, reason: string, dropped = 0) =>
      makeResult({
        id: request.id,
        simulator,
        status,
        reason,
        tbTop,
        log: joinLogs(logs),
        logDroppedBytes: dropped,
        timings,
        sandbox: sandboxLabel(sandbox),
      });
    const outOfTime = (next: string) =>
      left() < STAGE_DEFAULTS.minStageMs
        ? result("timeout", `wall-clock limit reached before ${next}`)
        : null;

    await writeJobFile(join(jobDir, PROBE_FILE), probeSource(request.limits.simTimeNs));
    const defines = Object.entries(request.defines).map(([k, v]) => (v === "" ? `-D${k}` : `-D${k}=${v}`));
    const rtlNames = request.rtl.map((f) => f.name);
    const files = [...rtlNames, request.testbench.name, PROBE_FILE];
    const limits = request.limits;
    // Preprocess with `line directives (same defines and include dir as iverilog uses), then
    // compile, in one sandboxed shell.
    const ppDefs = [
      "D:__ICARUS__=1",
      ...Object.entries(request.defines).map(([k, v]) => `D:${k}${v === "" ? "" : `=${v}`}`),
    ];
    ppDefs.push(`I:${join(dirname(ivlpp), "include")}`, "relative include:false");
    await writeJobFile(join(jobDir, ".llm4cov-pp.f"), ppDefs.join("\n") + "\n");
    await writeJobFile(join(jobDir, ".llm4cov-src.f"), files.join("\n") + "\n");
    const iverilog = [
      "iverilog",
      "-g2012",
      "-o",
      "sim.vvp",
      "-s",
      tbTop,
      "-s",
      PROBE_MODULE,
      ...defines,
      ...files,
    ];
    const pp = [ivlpp, "-L", "-F.llm4cov-pp.f", "-f.llm4cov-src.f", `-o${PREPROCESSED}`];
    const early = outOfTime("compiling");
    if (early) return early;
    const compile = await stage("compile", () =>
      runBounded("/bin/sh", ["-c", `${shellCommand(pp)} && exec ${shellCommand(iverilog)}`], {
        cwd: jobDir,
        signal: job.signal,
        sandbox: { job: sandbox, readOnly: [dirname(ivlpp)], tmpMb: limits.tmpMb },
        limits: stageLimits(limits, Math.min(left(), 120_000)),
      }),
    );
    if (compile.cancelled) return result("infra_error", "cancelled");
    if (compile.spawnError) return result("infra_error", `cannot run iverilog: ${compile.spawnError}`);
    const maxPre = (limits.fileSizeMb ?? STAGE_DEFAULTS.fileSizeMb) * 1024 * 1024;
    const pre = await readJobFile(join(jobDir, PREPROCESSED), maxPre);
    if (pre !== null) {
      const violations = precheckPreprocessed({
        text: pre,
        rtlFiles: [...rtlNames, PROBE_FILE],
        jobDir,
        dutModules: dutModuleNames(request.rtl),
      });
      if (violations.length) {
        const r = result("rejected", rejectionReason(violations));
        r.diagnostics = violationDiagnostics(violations, request.testbench.name);
        return r;
      }
    }
    const diags = parseIcarusDiagnostics(compile.output);
    const hidden = missingIncludeViolations(compile.exitCode !== 0 ? diags : [], jobDir);
    if (hidden.length) {
      const r = result("rejected", rejectionReason(hidden));
      r.diagnostics = violationDiagnostics(hidden, request.testbench.name);
      return r;
    }
    if (compile.exitCode !== 0) {
      const r = result(
        "compile_error",
        compile.timedOut
          ? "iverilog timed out compiling the design"
          : `compile error: ${diags.find((d) => d.severity === "error")?.message ?? "see log"}`,
      );
      r.diagnostics = diags.filter((d) => d.severity !== "info").slice(0, 50);
      return r;
    }
    if (pre === null) return result("infra_error", "the preprocessed sources are missing");
    const early2 = outOfTime("running");
    if (early2) return early2;
    const run = await stage("run", () =>
      runBounded("vvp", ["-n", "sim.vvp"], {
        cwd: jobDir,
        signal: job.signal,
        sandbox: { job: sandbox, readOnly: [dirname(ivlpp)], tmpMb: limits.tmpMb },
        limits: stageLimits(limits, left(), { graceMs: 1000 }),
      }),
    );
    if (run.cancelled) return result("infra_error", "cancelled");
    const out = run.output;
    let status: SimStatus;
    let reason: string;
    if (run.outputStopped)
      [status, reason] = [
        "runtime_error",
        `the simulation printed more than ${limits.outputStopBytes ?? STAGE_DEFAULTS.outputStopBytes} bytes and was stopped`,
      ];
    else if (run.timedOut) [status, reason] = ["timeout", "wall-clock limit reached before $finish"];
    else if (/^FATAL:/m.test(out) || run.exitCode !== 0)
      [status, reason] = [
        "runtime_error",
        /^FATAL: (.*)$/m.exec(out)?.[1] ?? `vvp exited with ${run.exitCode ?? run.signal}`,
      ];
    else if (/LLM4COV-END reason=sim_time_limit/.test(out))
      [status, reason] = ["timeout", "simulated-time limit reached before $finish"];
    else [status, reason] = ["pass", "simulation reached $finish"];
    const r = result(status, reason, run.droppedBytes);
    r.diagnostics = diags.filter((d) => d.severity === "warning").slice(0, 20);
    r.errorCount = (out.match(/^ERROR:/gm) ?? []).length;
    const t = /LLM4COV-FINAL time_ns=([\d.]+)/.exec(out);
    if (t) r.simTimeNs = Number(t[1]);
    return r;
  }
}
