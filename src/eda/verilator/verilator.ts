// Verilator 5.x with coverage: verilate (also the lint) -> patch -> compile against the cached
// runtime + PCH -> run our driver -> parse coverage.dat for the DUT subtree.
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseCoverageDat, summarizeCoverage, targetChecks } from "../../core/coverage.js";
import type { Diagnostic, SimResult, SimStatus } from "../../core/protocol.js";
import { findUnsupportedConstructs } from "../constructs.js";
import { linkRules, parseGccDiagnostics, parseVerilatorDiagnostics } from "../diagnostics.js";
import { joinLogs, makeResult } from "../job.js";
import { runBounded, type ProcessResult } from "../process.js";
import type { SimJob, Simulator } from "../simulator.js";
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

  async evaluate(job: SimJob): Promise<SimResult> {
    const { request, jobDir, tbTop } = job;
    const tc = await verilatorToolchain();
    const simInfo = { name: "verilator", version: tc.info.version };
    const timings: { stage: string; ms: number }[] = [];
    const logs: { stage: string; output: string }[] = [];
    const remaining = () => Math.max(1000, job.deadline - Date.now());
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
      });
    const stage = async (name: string, run: () => Promise<ProcessResult>) => {
      const r = await run();
      timings.push({ stage: name, ms: r.ms });
      logs.push({ stage: name, output: r.output });
      return r;
    };

    const rtlNames = request.rtl.map((f) => f.name);
    const tbName = request.testbench.name;
    const hints = findUnsupportedConstructs(request.testbench.content, tbName);
    const defines = Object.entries(request.defines).map(([k, v]) => (v === "" ? `-D${k}` : `-D${k}=${v}`));
    const common = { cwd: jobDir, signal: job.signal };

    // 1. Verilate: this is also the lint (same front end, ~0.05 s); errors end the job here.
    const mode = request.options.lintOnly
      ? ["--lint-only"]
      : ["--cc", "--coverage", "--prefix", "Vsim", "-Mdir", "obj"];
    const verilate = await stage("verilate", () =>
      runBounded(
        "verilator",
        [...mode, ...VERILATE_FLAGS, "--top-module", tbTop, ...defines, ...rtlNames, tbName],
        {
          ...common,
          limits: {
            wallMs: Math.min(remaining(), 120_000),
            memoryMb: limits.memoryMb,
            outputBytes: limits.outputBytes,
          },
        },
      ),
    );
    if (verilate.cancelled) return base("infra_error", "cancelled", []);
    const vdiags = parseVerilatorDiagnostics(verilate.output);
    const verrors = vdiags.filter((d) => d.severity === "error");
    if (verilate.timedOut) return base("compile_error", "verilator timed out elaborating the design", vdiags);
    if (verilate.spawnError) return base("infra_error", `cannot run verilator: ${verilate.spawnError}`, []);
    if (verilate.exitCode !== 0 || verrors.length) {
      const diags = [...linkRules(verrors, hints), ...hints];
      const first = verrors[0];
      const reason = first
        ? `compile error: ${first.file ?? ""}${first.line ? `:${first.line}` : ""} ${first.message}`.trim()
        : `verilator exited with ${verilate.exitCode ?? verilate.signal}`;
      return base("compile_error", reason, diags);
    }
    const warnings = [...vdiags.filter((d) => d.severity === "warning").slice(0, 20), ...hints];
    if (request.options.lintOnly)
      return base("pass", "lint passed (lint-only job: nothing simulated)", warnings);

    // 2. Work around verilator#3998 on 5.006.
    const objDir = join(jobDir, "obj");
    if (tc.info.needsClassCoveragePatch) await patchClassCoverage(objDir);

    // 3. Compile the model in one translation unit with the PCH, link the cached runtime.
    const build = await stage("build", () =>
      this.build(tc, jobDir, objDir, remaining(), limits.memoryMb, common.signal),
    );
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

    // 4. Run with the simulated-time, wall, memory and output bounds.
    const sources: { name: string; content: string }[] = [...request.rtl, request.testbench];
    const stops = sources
      .flatMap((f) => stopLocations(f.content).map((s) => `${f.name.split("/").pop()} ${s.line} ${s.kind}`))
      .join("\n");
    await writeFile(join(jobDir, "stops.txt"), stops + "\n");
    const wallMs = remaining();
    const run = await stage("run", () =>
      runBounded(
        "./obj/sim",
        [
          "+llm4cov+cov=coverage.dat",
          "+llm4cov+end=end.txt",
          "+llm4cov+stops=stops.txt",
          `+llm4cov+max_time_ns=${limits.simTimeNs}`,
          `+llm4cov+wall_ms=${Math.max(100, wallMs - 1500)}`,
        ],
        {
          ...common,
          limits: {
            wallMs,
            memoryMb: limits.memoryMb,
            fileSizeMb: 256,
            outputBytes: limits.outputBytes,
            graceMs: 2000,
          },
        },
      ),
    );
    if (run.cancelled) return base("infra_error", "cancelled", []);
    const endText = existsSync(join(jobDir, "end.txt"))
      ? await readFile(join(jobDir, "end.txt"), "utf8")
      : "";
    const end = parseEndRecord(endText);
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
    const result = base(outcome.status, outcome.reason, warnings, run.droppedBytes);
    result.errorCount = end?.errors ?? 0;
    if (end) result.simTimeNs = end.time * Math.pow(10, end.precision + 9);
    if (end?.detail && outcome.status === "runtime_error") result.reason += `: ${end.detail}`;

    // 5. Coverage for the DUT instance subtree.
    const started = performance.now();
    const covPath = join(jobDir, "coverage.dat");
    if (existsSync(covPath)) {
      const points = parseCoverageDat(await readFile(covPath, "utf8"));
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
    jobDir: string,
    objDir: string,
    wallMs: number,
    memoryMb: number,
    signal?: AbortSignal,
  ): Promise<ProcessResult> {
    const generated = (await readdir(objDir)).filter((f) => /^Vsim.*\.cpp$/.test(f)).sort();
    await writeFile(join(objDir, "llm4cov_model.cpp"), MODEL_GLUE);
    const all = [...generated, "llm4cov_model.cpp"].map((f) => `#include "${f}"`).join("\n") + "\n";
    await writeFile(join(objDir, "llm4cov_all.cpp"), all);
    // One shell command so compile + link are one bounded stage; paths are ours, not user input.
    const cxx = tc.info.ccache ? `${tc.info.ccache} ${tc.cxx}` : tc.cxx;
    const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const script = [
      `${cxx} ${tc.cxxFlags.map(q).join(" ")} -I${q(tc.dir)} -include llm4cov_pch.h -Iobj -c obj/llm4cov_all.cpp -o obj/llm4cov_all.o`,
      `${tc.cxx} obj/llm4cov_all.o ${q(tc.runtimeArchive)} ${tc.ldLibs.join(" ")} -o obj/sim`,
    ].join(" && ");
    const env = {
      ...process.env,
      CCACHE_DIR: process.env.LLM4COV_CCACHE_DIR ?? join(tc.dir, "..", "ccache"),
      CCACHE_SLOPPINESS: "pch_defines,time_macros,include_file_mtime,include_file_ctime",
      CCACHE_NOHASHDIR: "1",
    };
    return runBounded("/bin/sh", ["-c", script], {
      cwd: jobDir,
      env,
      signal,
      limits: {
        wallMs: Math.min(wallMs, 300_000),
        memoryMb: Math.max(memoryMb, 2048),
        outputBytes: 64 * 1024,
      },
    });
  }
}
