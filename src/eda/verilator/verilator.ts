// Verilator 5.x with coverage: verilate (also the lint) -> patch -> compile against the cached
// runtime + PCH -> run our driver -> parse coverage.dat for the DUT subtree.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { parseCoverageDat, summarizeCoverage, targetChecks } from "../../core/coverage.js";
import type { Diagnostic, SimResult, SimStatus } from "../../core/protocol.js";
import { findUnsupportedConstructs } from "../constructs.js";
import { linkRules, parseGccDiagnostics, parseVerilatorDiagnostics } from "../diagnostics.js";
import { dutModuleNames, joinLogs, makeResult } from "../job.js";
import { readJobFile, writeJobFile } from "../job-fs.js";
import {
  missingIncludeViolations,
  precheckPreprocessed,
  rejectionReason,
  violationDiagnostics,
} from "../precheck.js";
import { runBounded, type ProcessResult } from "../process.js";
import { sandboxLabel, withJobSandbox, type JobSandbox } from "../sandbox.js";
import type { SimJob, Simulator } from "../simulator.js";
import { shellCommand, STAGE_DEFAULTS, stageLimits } from "../stage.js";
import { stopLocations } from "../sv-scan.js";
import { patchClassCoverage } from "./class-patch.js";
import { detectVerilator, verilatorToolchain, type ToolchainCache } from "./toolchain.js";

const MODEL_GLUE = `#include "Vsim.h"
void* llm4cov_model_new(VerilatedContext* c) { return new Vsim{c}; }
void llm4cov_model_eval(void* m) { static_cast<Vsim*>(m)->eval(); }
bool llm4cov_model_events_pending(void* m) { return static_cast<Vsim*>(m)->eventsPending(); }
uint64_t llm4cov_model_next_time_slot(void* m) { return static_cast<Vsim*>(m)->nextTimeSlot(); }
void llm4cov_model_final(void* m) { static_cast<Vsim*>(m)->final(); }
`;

/** Verilator flags shared by every job; warnings never fail a build (LLM code is noisy). */
const VERILATE_FLAGS = [
  "--timing",
  "--assert",
  "-Wno-fatal",
  "-Wno-lint",
  "-Wno-style",
  "--error-limit",
  "50",
];

/**
 * Coverage families beyond line/branch/toggle/user, named explicitly where the version has them
 * (5.034 expression, 5.048 FSM state/arc; 5.006 rejects both flags). See docs/coverage.md.
 */
export function coverageFlags(v: { major: number; minor: number }): string[] {
  const at = (minor: number) => v.major > 5 || (v.major === 5 && v.minor >= minor);
  return ["--coverage", ...(at(34) ? ["--coverage-expr"] : []), ...(at(48) ? ["--coverage-fsm"] : [])];
}

export interface EndRecord {
  reason: string;
  time: number;
  precision: number;
  errors: number;
  detail: string;
}

export function parseEndRecord(text: string): EndRecord | null {
  const m = /reason=(\S+) time=(\d+) precision=(-?\d+) errors=(\d+) detail=(.*)/.exec(text);
  if (!m) return null;
  return {
    reason: m[1]!,
    time: Number(m[2]),
    precision: Number(m[3]),
    errors: Number(m[4]),
    detail: m[5]!.trim(),
  };
}

/** The driver's exit code for each end reason: an end record is trusted only with its exit code. */
const END_EXIT: Record<string, number> = {
  finish: 0,
  no_events: 10,
  sim_time_limit: 11,
  wall_limit: 12,
  signal: 13,
  fatal: 14,
  stop: 15,
  internal_error: 16,
  crash: 17,
};

/** Where the verilate stage leaves the preprocessed sources for the policy check. */
export const PREPROCESSED = ".llm4cov-pre.sv";
/** Verilator control file turning coverage off for the testbench file. */
const TB_COVERAGE_OFF = ".llm4cov-tb-coverage-off.vlt";

const END_STATUS: Record<string, { status: SimStatus; reason: string }> = {
  finish: { status: "pass", reason: "simulation reached $finish" },
  stop: { status: "pass", reason: "simulation ended at $stop" },
  no_events: { status: "no_finish", reason: "simulation ran out of events without $finish" },
  sim_time_limit: { status: "timeout", reason: "simulated-time limit reached before $finish" },
  wall_limit: { status: "timeout", reason: "wall-clock limit reached before $finish" },
  signal: { status: "timeout", reason: "simulation was stopped by a signal" },
  fatal: { status: "runtime_error", reason: "$fatal called" },
  internal_error: { status: "runtime_error", reason: "simulator runtime error" },
  crash: { status: "runtime_error", reason: "simulation crashed" },
};

export class VerilatorSimulator implements Simulator {
  readonly name = "verilator" as const;

  async version(): Promise<string> {
    return (await detectVerilator()).version;
  }

  evaluate(job: SimJob): Promise<SimResult> {
    return withJobSandbox(job.jobDir, job.sandbox, (sandbox) => this.stages(job, sandbox));
  }

  private async stages(job: SimJob, sandbox: JobSandbox): Promise<SimResult> {
    const { request, jobDir, tbTop } = job;
    const tc = await verilatorToolchain();
    const simInfo = { name: "verilator", version: tc.info.version };
    const timings: { stage: string; ms: number }[] = [];
    const logs: { stage: string; output: string }[] = [];
    const left = () => job.deadline - Date.now();
    const limits = request.limits;
    const base = (status: SimStatus, reason: string, diagnostics: Diagnostic[], dropped = 0) =>
      makeResult({
        id: request.id,
        simulator: simInfo,
        status,
        reason,
        tbTop,
        diagnostics,
        log: joinLogs(logs),
        logDroppedBytes: dropped,
        timings,
        sandbox: sandboxLabel(sandbox),
      });
    const stage = async (name: string, run: () => Promise<ProcessResult>) => {
      const r = await run();
      timings.push({ stage: name, ms: r.ms });
      logs.push({ stage: name, output: r.output });
      return r;
    };
    const outOfTime = (next: string) =>
      left() < STAGE_DEFAULTS.minStageMs
        ? base("timeout", `wall-clock limit reached before the ${next} stage`, [])
        : null;
    const common = { cwd: jobDir, signal: job.signal };

    const rtlNames = request.rtl.map((f) => f.name);
    const tbName = request.testbench.name;
    const hints = findUnsupportedConstructs(request.testbench.content, tbName, tc.info);
    const defines = Object.entries(request.defines).map(([k, v]) => (v === "" ? `-D${k}` : `-D${k}=${v}`));
    const files = [...rtlNames, tbName];

    // 1. Preprocess (for the policy check) and verilate, which is also the lint (same front
    //    end, ~0.05 s): one sandboxed shell, so one sandbox start-up. Errors end the job here.
    const mode = request.options.lintOnly
      ? ["--lint-only"]
      : ["--cc", ...coverageFlags(tc.info), "--prefix", "Vsim", "-Mdir", "obj"];
    const bin = tc.info.bin;
    const preprocess = [bin, "-E", "-Wno-fatal", "-Wno-lint", "-Wno-style", ...defines, ...files];
    // Only DUT points are reported: leaving the testbench uninstrumented cuts its generated code
    // (~30 % of the build on LLM-style testbenches; docs/design/verilator.md, "Compile level").
    const tbCoverageOff = !request.options.lintOnly && /^[\w./-]+$/.test(tbName);
    if (tbCoverageOff)
      await writeJobFile(
        join(jobDir, TB_COVERAGE_OFF),
        `\`verilator_config\ncoverage_off -file "${tbName}"\n`,
      );
    const control = tbCoverageOff ? [TB_COVERAGE_OFF] : [];
    const verilateArgs = [
      ...mode,
      ...VERILATE_FLAGS,
      "--top-module",
      tbTop,
      ...defines,
      ...control,
      ...files,
    ];
    const script = `${shellCommand(preprocess)} > ${PREPROCESSED} && exec ${shellCommand([bin, ...verilateArgs])}`;
    const early = outOfTime("verilate");
    if (early) return early;
    const verilate = await stage("verilate", () =>
      runBounded("/bin/sh", ["-c", script], {
        ...common,
        sandbox: {
          job: sandbox,
          readOnly: [tc.info.root],
          env: { VERILATOR_ROOT: tc.info.root },
          tmpMb: limits.tmpMb,
        },
        limits: stageLimits(limits, Math.min(left(), 120_000)),
      }),
    );
    if (verilate.cancelled) return base("infra_error", "cancelled", []);
    if (verilate.spawnError) return base("infra_error", `cannot run verilator: ${verilate.spawnError}`, []);
    // Policy first, whatever the front end said: the testbench after macro expansion.
    const maxPre = (limits.fileSizeMb ?? STAGE_DEFAULTS.fileSizeMb) * 1024 * 1024;
    const pre = await readJobFile(join(jobDir, PREPROCESSED), maxPre);
    if (pre !== null) {
      const violations = precheckPreprocessed({
        text: pre,
        rtlFiles: rtlNames,
        jobDir,
        dutModules: dutModuleNames(request.rtl),
      });
      if (violations.length)
        return base("rejected", rejectionReason(violations), violationDiagnostics(violations, tbName));
    }
    const vdiags = parseVerilatorDiagnostics(verilate.output);
    const verrors = vdiags.filter((d) => d.severity === "error");
    const hidden = missingIncludeViolations(verrors, jobDir);
    if (hidden.length) return base("rejected", rejectionReason(hidden), violationDiagnostics(hidden, tbName));
    if (verilate.timedOut) return base("compile_error", "verilator timed out elaborating the design", vdiags);
    if (verilate.exitCode !== 0 || verrors.length) {
      const diags = [...linkRules(verrors, hints), ...hints];
      const first = verrors[0];
      const reason = first
        ? `compile error: ${first.file ?? ""}${first.line ? `:${first.line}` : ""} ${first.message}`.trim()
        : `verilator exited with ${verilate.exitCode ?? verilate.signal}`;
      return base("compile_error", reason, diags);
    }
    if (pre === null) return base("infra_error", "the preprocessed sources are missing", vdiags);
    const warnings = [...vdiags.filter((d) => d.severity === "warning").slice(0, 20), ...hints];
    if (request.options.lintOnly)
      return base("pass", "lint passed (lint-only job: nothing simulated)", warnings);

    // 2. Work around verilator#3998 on 5.006.
    const objDir = join(jobDir, "obj");
    if (tc.info.needsClassCoveragePatch) await patchClassCoverage(objDir);

    // 3. Compile the model in one translation unit with the PCH, link the cached runtime.
    const early3 = outOfTime("build");
    if (early3) return early3;
    const build = await stage("build", () => this.build(tc, job, sandbox, objDir));
    if (build.cancelled) return base("infra_error", "cancelled", []);
    if (build.exitCode !== 0) {
      const gcc = parseGccDiagnostics(build.output).filter((d) => d.severity === "error");
      if (build.timedOut) return base("build_error", "C++ build of the model timed out", gcc);
      const infra =
        build.spawnError ||
        /No space left on device|Cannot allocate memory|virtual memory exhausted/.test(build.output);
      if (infra)
        return base(
          "infra_error",
          `C++ build failed for a host reason: ${build.spawnError ?? "resources"}`,
          gcc,
        );
      return base("build_error", `C++ build of the model failed: ${gcc[0]?.message ?? "see log"}`, [
        ...gcc.slice(0, 10),
        ...warnings,
      ]);
    }

    // 4. Run with the simulated-time, wall, CPU, memory, file and output bounds. The driver ends
    //    itself (and saves coverage) `margin` before the wall limit (2 s, less for short jobs),
    //    SIGTERM follows at half the margin, SIGKILL at the limit: the stage never outlives it.
    const sources: { name: string; content: string }[] = [...request.rtl, request.testbench];
    const stops = sources
      .flatMap((f) => stopLocations(f.content).map((s) => `${f.name.split("/").pop()} ${s.line} ${s.kind}`))
      .join("\n");
    await writeJobFile(join(jobDir, "stops.txt"), stops + "\n");
    const early4 = outOfTime("run");
    if (early4) return early4;
    const wallMs = left();
    const margin = Math.min(2000, Math.max(400, Math.floor(wallMs / 5)));
    const run = await stage("run", () =>
      runBounded(
        "./obj/sim",
        [
          "+llm4cov+cov=coverage.dat",
          "+llm4cov+end=end.txt",
          "+llm4cov+stops=stops.txt",
          `+llm4cov+max_time_ns=${limits.simTimeNs}`,
          `+llm4cov+wall_ms=${Math.max(100, wallMs - margin)}`,
        ],
        {
          ...common,
          sandbox: { job: sandbox, tmpMb: limits.tmpMb },
          limits: stageLimits(limits, wallMs, { graceMs: margin / 2 }),
        },
      ),
    );
    if (run.cancelled) return base("infra_error", "cancelled", []);
    // The end record and coverage were written by the sandboxed process: trusted only when the
    // exit code is the one our driver uses for that end (a testbench can $fopen the same names).
    const endText = (await readJobFile(join(jobDir, "end.txt"), 64 * 1024)) ?? "";
    const parsed = parseEndRecord(endText);
    const end = parsed && run.exitCode === END_EXIT[parsed.reason] ? parsed : null;
    let outcome = end ? END_STATUS[end.reason] : undefined;
    if (!outcome) {
      outcome = run.timedOut
        ? {
            status: "timeout",
            reason: "wall-clock limit reached; the simulation did not respond and was killed",
          }
        : {
            status: "runtime_error",
            reason: `simulation ended abnormally (${run.signal ? `signal ${run.signal}` : `exit ${run.exitCode}`}; memory limit ${limits.memoryMb} MB)`,
          };
    }
    if (run.outputStopped) {
      const stopAt = limits.outputStopBytes ?? STAGE_DEFAULTS.outputStopBytes;
      outcome = {
        status: "runtime_error",
        reason: `the simulation printed more than ${stopAt} bytes and was stopped`,
      };
    }
    const result = base(outcome.status, outcome.reason, warnings, run.droppedBytes);
    result.errorCount = end?.errors ?? 0;
    if (end) result.simTimeNs = end.time * Math.pow(10, end.precision + 9);
    if (end?.detail && outcome.status === "runtime_error") result.reason += `: ${end.detail}`;
    if (end?.reason === "crash") result.reason += ` (memory limit ${limits.memoryMb} MB)`;

    // 5. Coverage for the DUT instance subtree.
    const started = performance.now();
    const cov = end ? await readJobFile(join(jobDir, "coverage.dat"), maxPre) : null;
    if (cov !== null) {
      const points = parseCoverageDat(cov);
      result.coverage = summarizeCoverage(points, {
        tbTop,
        instance: request.instance,
        sources: new Map(sources.map((f) => [f.name, f.content])),
        maxUncovered: request.options.maxUncovered,
      });
      result.targets = targetChecks(result.coverage, request.targets);
      result.targetsMet = result.targets.length ? result.targets.every((t) => t.met) : null;
    }
    timings.push({ stage: "coverage", ms: performance.now() - started });
    return result;
  }

  private async build(
    tc: ToolchainCache,
    job: SimJob,
    sandbox: JobSandbox,
    objDir: string,
  ): Promise<ProcessResult> {
    const generated = (await readdir(objDir)).filter((f) => /^Vsim.*\.cpp$/.test(f)).sort();
    await writeJobFile(join(objDir, "llm4cov_model.cpp"), MODEL_GLUE);
    const all = [...generated, "llm4cov_model.cpp"].map((f) => `#include "${f}"`).join("\n") + "\n";
    await writeJobFile(join(objDir, "llm4cov_all.cpp"), all);
    // ccache only where the build runs as the invoking user without a sandbox: its cache dir
    // would otherwise have to be writable from inside (see docs/security.md for the cost).
    const ccache = tc.info.ccache && sandbox.info.mode === "rlimits" && !sandbox.info.dropUid;
    const cxx = ccache ? `${tc.info.ccache} ${tc.cxx}` : tc.cxx;
    const compile = [...tc.cxxFlags, `-I${tc.dir}`, "-include", "llm4cov_pch.h", "-Iobj", "-c"];
    const script = [
      `${cxx} ${shellCommand([...compile, "obj/llm4cov_all.cpp", "-o", "obj/llm4cov_all.o"])}`,
      `exec ${shellCommand([tc.cxx, "obj/llm4cov_all.o", tc.runtimeArchive, ...tc.ldLibs, "-o", "obj/sim"])}`,
    ].join(" && ");
    const env: Record<string, string> = ccache
      ? {
          CCACHE_DIR: process.env.LLM4COV_CCACHE_DIR ?? join(tc.dir, "..", "ccache"),
          CCACHE_SLOPPINESS: "pch_defines,time_macros,include_file_mtime,include_file_ctime",
          CCACHE_NOHASHDIR: "1",
        }
      : {};
    const limits = job.request.limits;
    return runBounded("/bin/sh", ["-c", script], {
      cwd: job.jobDir,
      signal: job.signal,
      sandbox: { job: sandbox, readOnly: [tc.dir, tc.info.root], env, tmpMb: limits.tmpMb },
      limits: stageLimits(limits, Math.min(job.deadline - Date.now(), 300_000), {
        memoryMb: Math.max(limits.memoryMb, 2048),
        outputBytes: 64 * 1024,
      }),
    });
  }
}
