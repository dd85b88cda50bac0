import { Command } from "commander";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BuiltinProvider, builtinPolicy } from "../../llm/builtin/policy.js";
import { exportLedger } from "../../store/export.js";
import { Ledger, LEDGER_FILE } from "../../store/ledger.js";
import { CliError, type CliContext } from "../context.js";
import { integer } from "../parsers.js";
import { evalCommandRun, finishEval, formatEvalText, type EvalCliOptions } from "./eval.js";
import { serveCommand } from "./serve-policy.js";

export function exportCommand(ctx: CliContext): Command {
  return new Command("export")
    .description("write a run's ledger as JSONL, one line per transition")
    .argument("<run-dir>", "run directory")
    .option("--out <file>", "output file (default <run-dir>/transitions.jsonl)")
    .action(async (runDir: string, o: { out?: string }) => {
      if (!existsSync(join(runDir, LEDGER_FILE))) throw new CliError(`${runDir}: no ${LEDGER_FILE} here`);
      const ledger = Ledger.openExisting(runDir);
      try {
        const out = o.out ?? join(runDir, "transitions.jsonl");
        const n = await exportLedger(ledger, out);
        ctx.out(`wrote ${n} transitions to ${out}`);
      } finally {
        ledger.close();
      }
    });
}

export function servePolicyCommand(): Command {
  return serveCommand(
    () => async (messages, sampling) =>
      builtinPolicy(messages, {
        temperature: sampling.temperature,
        topP: sampling.top_p,
        maxTokens: sampling.max_tokens,
        seed: sampling.seed,
      }),
  );
}

/** `npm run demo`: the main job with the built-in policy on the bundled example designs. */
export function demoCommand(ctx: CliContext, signal?: AbortSignal, cancel?: AbortSignal): Command {
  return new Command("demo")
    .description("run eval with the built-in policy on the bundled example designs")
    .option("--samples <n>", "samples per design", (v) => parseInt(v, 10), 2)
    .option("--limit <n>", "only the first n designs (a quick check of an install)", integer(1))
    .option(
      "--out <dir>",
      "run directory",
      join("runs", `demo-${new Date().toISOString().replace(/[:.]/g, "-")}`),
    )
    .action(async (o: { samples: number; out: string; limit?: number }) => {
      const dataset = join(import.meta.dirname, "..", "..", "..", "examples", "designs.jsonl");
      if (!existsSync(dataset)) throw new CliError(`bundled examples missing: ${dataset}`);
      ctx.err(
        `demo: agentic evaluation of the built-in policy (${new BuiltinProvider().model}) on ${dataset}`,
      );
      const opts: EvalCliOptions = {
        dataset,
        format: "native",
        mode: "agentic",
        rounds: 3,
        samples: o.samples,
        simulator: "verilator",
        out: o.out,
        limit: o.limit,
      };
      const summary = await evalCommandRun(opts, ctx, signal, undefined, cancel);
      ctx.out(formatEvalText(summary));
      finishEval(summary, ctx, !!signal?.aborted);
    });
}
