// `llm4cov synth` (one synthesis stage from a stage file or a pipeline) and `llm4cov select`
// (state selection on any run). Thin: options in, library calls out.
import { Command, Option } from "commander";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { LocalExecutor } from "../../exec/local.js";
import { ConfigMismatchError, RunExistsError } from "../../store/ledger.js";
import { loadPipelineFile, loadStageFile, SynthConfigError, type ResolvedStage } from "../../synth/config.js";
import { selectRun, type SelectionResult } from "../../synth/drafts.js";
import { SPLITS, STRATEGIES, type Strategy } from "../../synth/selection.js";
import { formatSynthSummary, type SynthSummary } from "../../synth/summary.js";
import { runSynth } from "../../synth/synth.js";
import { rolePolicy } from "../../synth/lineage.js";
import { makeProvider } from "../../llm/factory.js";
import type { LlmProvider } from "../../llm/types.js";
import { CliError, type CliContext } from "../context.js";
import { cancelOnly } from "../interrupt.js";
import { addEdaOptions, executorFrom, type EdaCliOptions } from "../eda-options.js";

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new CliError(`expected an integer, got "${v}"`);
  return n;
};
const num = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new CliError(`expected a number, got "${v}"`);
  return n;
};

export interface SynthCliOptions extends EdaCliOptions {
  config?: string;
  pipeline?: string;
  stage?: number;
  resume?: boolean;
  out?: string;
  limit?: number;
  slots?: number;
  json?: boolean;
}

/** The stage a `synth` invocation names, with command-line overrides applied. */
export function stageFromOptions(o: SynthCliOptions): ResolvedStage {
  if (!!o.config === !!o.pipeline)
    throw new CliError("give either --config <stage.yaml> or --pipeline <p.yaml> --stage N");
  if (o.pipeline && o.stage === undefined)
    throw new CliError("--pipeline needs --stage N (stages run one at a time)");
  if (o.config && o.stage !== undefined) throw new CliError("--stage goes with --pipeline");
  try {
    const st = o.config ? loadStageFile(o.config) : loadPipelineFile(o.pipeline!, o.stage!);
    if (o.out) st.out = resolve(o.out);
    if (o.limit !== undefined) st.config.limit = o.limit;
    return st;
  } catch (err) {
    if (err instanceof SynthConfigError) throw new CliError(err.message);
    throw err;
  }
}

/** Library entry behind `llm4cov synth`. */
export async function synthCommandRun(
  o: SynthCliOptions,
  ctx: CliContext,
  signal?: AbortSignal,
  cancel?: AbortSignal,
): Promise<SynthSummary> {
  const st = stageFromOptions(o);
  const exec = o.eda?.length
    ? await executorFrom(o) // --eda ssh://... or a redis:// queue (docs/queue.md)
    : new LocalExecutor({ slots: o.slots ?? availableParallelism() });
  // As for eval: `signal` (first Ctrl-C) stops new work; running calls end only on `cancel`.
  const owned: LlmProvider[] = [];
  const byRole = new Map<string, LlmProvider>();
  const llmFor = (role: "teacher" | "student") => {
    if (!byRole.has(role)) {
      const p = makeProvider(rolePolicy(st, role));
      owned.push(p);
      byRole.set(role, cancelOnly(p, cancel!));
    }
    return byRole.get(role)!;
  };
  const llm = cancel
    ? { state: llmFor(st.config.state_model), transition: llmFor(st.config.transition_model) }
    : undefined;
  try {
    return await runSynth(st, {
      resume: o.resume,
      exec: cancel ? cancelOnly(exec, cancel) : exec,
      llm,
      signal,
      progress: { isTTY: ctx.isTTY, write: (l) => ctx.err(l) },
    });
  } catch (err) {
    if (
      err instanceof ConfigMismatchError ||
      err instanceof RunExistsError ||
      err instanceof SynthConfigError
    )
      throw new CliError(err.message);
    throw err;
  } finally {
    await exec.close();
    for (const p of owned) await p.close?.();
  }
}

export function synthCommand(ctx: CliContext, signal?: AbortSignal, cancel?: AbortSignal): Command {
  const cmd = new Command("synth");
  addEdaOptions(cmd);
  return cmd
    .description("run one synthesis stage: drafts, state selection, k candidate transitions, rejection")
    .option("--config <file>", "stage file (YAML; see examples/synth/)")
    .option("--pipeline <file>", "pipeline file listing stages 0, 1, 2, ...")
    .option("--stage <n>", "the pipeline stage to run", int)
    .option("--resume", "continue the run in the stage's output directory")
    .option("--out <dir>", "output directory (overrides the file's out)")
    .option("--limit <n>", "only the first n repositories", int)
    .option("--slots <n>", "concurrent simulations (default: cores)", int)
    .option("--json", "print synth-summary.json instead of the table")
    .action(async (o: SynthCliOptions) => {
      const summary = await synthCommandRun(o, ctx, signal, cancel);
      ctx.out(o.json ? JSON.stringify(summary, null, 2) : formatSynthSummary(summary));
      if (signal?.aborted) {
        ctx.err(`llm4cov: interrupted: continue with the same command plus --resume`);
        ctx.exitCode = 130;
      }
    });
}

export interface SelectCliOptions {
  run: string;
  strategy: Strategy;
  withFailure?: boolean;
  medianThreshold: number;
  seed: number;
  draftsPerRepo?: number;
  limit?: number;
  out: string;
  json?: boolean;
}

export function formatSelection(r: SelectionResult, o: SelectCliOptions): string {
  const lines = [
    `${o.strategy}-state selection of ${o.run}: ${r.records.length} states from ${r.drafts} drafts of ${r.tasks} repositories` +
      (r.tasksWithoutSelection ? ` (${r.tasksWithoutSelection} with nothing to improve)` : ""),
    ...SPLITS.filter((s) => r.counts[s]).map((s) => `  ${s.padEnd(8)} ${String(r.counts[s]).padStart(6)}`),
    `wrote ${o.out}`,
  ];
  return lines.join("\n");
}

export function selectCommand(ctx: CliContext): Command {
  return new Command("select")
    .description("select input states for synthesis from a run's drafts (eval or synth run)")
    .requiredOption("--run <dir>", "run directory holding ledger.sqlite")
    .addOption(
      new Option("--strategy <name>", "selection strategy").choices([...STRATEGIES]).default("worst"),
    )
    .option(
      "--with-failure",
      "also select one simulation-failure state per repository (worst; sets the budget)",
    )
    .option("--median-threshold <x>", "select the median state too when it beats the worst by more", num, 0.1)
    .option("--seed <n>", "seed of the uniform baseline", int, 0)
    .option("--drafts-per-repo <n>", "use only the first n samples of each repository", int)
    .option("--limit <n>", "only the first n repositories", int)
    .requiredOption("--out <file>", "selection file to write (JSONL)")
    .option("--json", "print the counts as JSON")
    .action(async (o: SelectCliOptions) => {
      let r: SelectionResult;
      try {
        r = await selectRun(
          o.run,
          {
            strategy: o.strategy,
            withFailure: !!o.withFailure,
            medianThreshold: o.medianThreshold,
            seed: o.seed,
            draftsPerRepo: o.draftsPerRepo,
            limit: o.limit,
          },
          o.out,
        );
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      ctx.out(
        o.json
          ? JSON.stringify({
              states: r.records.length,
              tasks: r.tasks,
              drafts: r.drafts,
              by_split: r.counts,
              out: o.out,
            })
          : formatSelection(r, o),
      );
    });
}
