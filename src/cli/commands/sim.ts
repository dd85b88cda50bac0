import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { Command, Option } from "commander";
import type { SimResult } from "../../core/protocol.js";
import type { SimRequestInput } from "../../core/protocol.js";
import { evaluate } from "../../eda/evaluate.js";
import { parseAnyResult } from "../../eda/legacy-result.js";
import { declaredModules, stripComments } from "../../eda/sv-scan.js";
import { formatSimResult } from "../../report/sim-summary.js";
import { z } from "zod";
import { CliError, type CliContext } from "../context.js";
import { addEdaOptions, executorFrom, type EdaCliOptions } from "../eda-options.js";
import { zodOneLine } from "../errors.js";
import { integer, number } from "../parsers.js";

/** SimRequest fields -> the `sim` flags that set them, so an error names what the user typed. */
const SIM_FLAGS: Record<string, string> = {
  "limits.wallMs": "--wall-ms",
  "limits.simTimeNs": "--sim-time-ns",
  "limits.memoryMb": "--memory-mb",
  targets: "--target",
  top: "--top",
  instance: "--instance",
  rtl: "--rtl",
  testbench: "--tb",
  simulator: "--simulator",
};

export function simFlagOf(path: PropertyKey[]): string {
  const p = path.map(String);
  return SIM_FLAGS[p.slice(0, 2).join(".")] ?? SIM_FLAGS[p[0] ?? ""] ?? (p.join(".") || "(request)");
}

export interface SimCliOptions extends EdaCliOptions {
  rtl: string[];
  tb: string;
  top?: string;
  instance: string;
  simulator: "verilator" | "icarus";
  json?: boolean;
  target?: number;
  wallMs: number;
  simTimeNs: number;
  memoryMb: number;
  keep?: boolean;
}

/** Library function behind `llm4cov sim`: reads files, evaluates (locally or on --eda hosts). */
export async function simFiles(o: SimCliOptions): Promise<SimResult> {
  try {
    return await simRequest(o);
  } catch (err) {
    if (err instanceof z.ZodError) throw new CliError(`invalid sim options: ${zodOneLine(err, simFlagOf)}`);
    throw err;
  }
}

async function simRequest(o: SimCliOptions): Promise<SimResult> {
  const request = await simRequestFromFiles(o);
  if (!o.eda?.length) return evaluate(request);
  const exec = await executorFrom(o);
  try {
    return await exec.run(request);
  } finally {
    await exec.close(); // open SSH connections would keep the process alive
  }
}

export async function simRequestFromFiles(o: SimCliOptions): Promise<SimRequestInput> {
  const rtl = await Promise.all(
    o.rtl.map(async (p) => ({ name: `rtl/${basename(p)}`, content: await readFileOr(p) })),
  );
  const tbContent = await readFileOr(o.tb);
  const top = o.top ?? guessTop(rtl);
  return {
    rtl,
    testbench: { name: `tb/${basename(o.tb)}`, content: tbContent },
    top,
    instance: o.instance,
    simulator: o.simulator,
    targets:
      o.target !== undefined
        ? [{ inst_name: o.instance, metric: "overall", target_percentage: o.target }]
        : [],
    limits: { wallMs: o.wallMs, simTimeNs: o.simTimeNs, memoryMb: o.memoryMb, outputBytes: 256 * 1024 },
    options: { keepJobDir: !!o.keep, lintOnly: false, maxUncovered: 200 },
  };
}

async function readFileOr(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    throw new CliError(
      `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

/** The top module: the one no other RTL module instantiates. */
function guessTop(rtl: { content: string }[]): string {
  const code = rtl.map((f) => stripComments(f.content, { strings: true })).join("\n");
  const names = declaredModules(code).map((m) => m.name);
  const tops = names.filter(
    (n) =>
      !names.some(
        (o) =>
          o !== n &&
          new RegExp(`\\b${n}\\b\\s*(#\\s*\\(|[A-Za-z_])`).test(
            code.replace(new RegExp(`module\\s+${n}\\b`), ""),
          ),
      ),
  );
  if (tops.length !== 1)
    throw new CliError(
      `cannot tell the DUT top module (candidates: ${tops.join(", ") || "none"}); pass --top`,
    );
  return tops[0]!;
}

export function simCommand(ctx: CliContext): Command {
  return addEdaOptions(new Command("sim"))
    .description("simulate one testbench against RTL files and report coverage")
    .requiredOption("--rtl <files...>", "DUT source files")
    .requiredOption("--tb <file>", "testbench file")
    .option("--top <module>", "DUT top module (default: the module no other instantiates)")
    .option("--instance <name>", "DUT instance name in the testbench", "dut")
    .addOption(
      new Option("--simulator <name>", "simulator").choices(["verilator", "icarus"]).default("verilator"),
    )
    .option("--target <percent>", "coverage target for the instance", number(0, 100))
    .option("--wall-ms <ms>", "wall-clock limit of the job", integer(1), 60_000)
    .option("--sim-time-ns <ns>", "simulated-time limit", number(0), 10_000_000)
    .option("--memory-mb <mb>", "memory limit per process", integer(1), 4096)
    .option("--keep", "keep the job directory (printed) for debugging")
    .option("--json", "print the SimResult JSON")
    .action(async (o: SimCliOptions) => {
      const result = await simFiles(o);
      ctx.out(o.json ? JSON.stringify(result, null, 2) : formatSimResult(result));
      ctx.exitCode = result.status === "infra_error" ? 3 : 0;
    });
}

export function resultCommand(ctx: CliContext): Command {
  return new Command("result")
    .description("read a result file (ours, or the published framework's result.json) and summarise it")
    .argument("<file>", "result JSON")
    .option("--instance <name>", "instance row to use from a legacy summary")
    .option("--top <module>", "DUT module row to use from a legacy summary")
    .option("--json", "print it as a protocol v1 SimResult")
    .action(async (file: string, o: { instance?: string; top?: string; json?: boolean }) => {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, "utf8"));
      } catch (err) {
        throw new CliError(`${file}: ${(err as Error).message}`);
      }
      const r = parseAnyResult(json, o);
      ctx.out(o.json ? JSON.stringify(r, null, 2) : formatSimResult(r));
    });
}
