// Icarus Verilog as a second simulator: compile/run status, no coverage.
// vvp says nothing on $finish, so a probe module (compiled last, its own timescale) bounds the
// simulated time and prints how the run ended. Because the probe keeps an event pending until
// the limit, "ran out of events" shows up as a simulated-time timeout here (docs/protocol.md).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { SimResult, SimStatus } from "../core/protocol.js";
import { parseIcarusDiagnostics } from "./diagnostics.js";
import { joinLogs, makeResult } from "./job.js";
import { runBounded, runRaw, type ProcessResult } from "./process.js";
import type { SimJob, Simulator } from "./simulator.js";
import { ToolMissingError } from "./verilator/toolchain.js";

const PROBE_MODULE = "llm4cov_icarus_probe";

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

  async evaluate(job: SimJob): Promise<SimResult> {
    const { request, jobDir, tbTop } = job;
    const simulator = { name: "icarus", version: await this.version() };
    const timings: { stage: string; ms: number }[] = [];
    const logs: { stage: string; output: string }[] = [];
    const remaining = () => Math.max(1000, job.deadline - Date.now());
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
      });

    await writeFile(join(jobDir, "llm4cov_probe.sv"), probeSource(request.limits.simTimeNs));
    const defines = Object.entries(request.defines).map(([k, v]) => (v === "" ? `-D${k}` : `-D${k}=${v}`));
    const files = [...request.rtl.map((f) => f.name), request.testbench.name, "llm4cov_probe.sv"];
    const limits = request.limits;
    const compile = await stage("compile", () =>
      runBounded(
        "iverilog",
        ["-g2012", "-o", "sim.vvp", "-s", tbTop, "-s", PROBE_MODULE, ...defines, ...files],
        {
          cwd: jobDir,
          signal: job.signal,
          limits: {
            wallMs: Math.min(remaining(), 120_000),
            memoryMb: limits.memoryMb,
            outputBytes: limits.outputBytes,
          },
        },
      ),
    );
    if (compile.cancelled) return result("infra_error", "cancelled");
    if (compile.spawnError) return result("infra_error", `cannot run iverilog: ${compile.spawnError}`);
    const diags = parseIcarusDiagnostics(compile.output);
    if (compile.exitCode !== 0) {
      const r = result(
        "compile_error",
        `compile error: ${diags.find((d) => d.severity === "error")?.message ?? "see log"}`,
      );
      r.diagnostics = diags.filter((d) => d.severity !== "info").slice(0, 50);
      return r;
    }
    const run = await stage("run", () =>
      runBounded("vvp", ["-n", "sim.vvp"], {
        cwd: jobDir,
        signal: job.signal,
        limits: {
          wallMs: remaining(),
          memoryMb: limits.memoryMb,
          fileSizeMb: 256,
          outputBytes: limits.outputBytes,
        },
      }),
    );
    if (run.cancelled) return result("infra_error", "cancelled");
    const out = run.output;
    let status: SimStatus;
    let reason: string;
    if (run.timedOut) [status, reason] = ["timeout", "wall-clock limit reached before $finish"];
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
