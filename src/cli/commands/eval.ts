import { Command, Option } from "commander";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { EvalConfig, runEval, type EvalConfigInput, type EvalSummary } from "../../agent/eval.js";
import { makeProvider } from "../../llm/factory.js";
import { formatEvalSummary } from "../../report/eval-table.js";
import { ConfigMismatchError, RunExistsError } from "../../store/ledger.js";
import { CliError, type CliContext } from "../context.js";
import { addEdaOptions, executorFrom, type EdaCliOptions } from "../eda-options.js";

export interface EvalCliOptions extends EdaCliOptions {
  config?: string;
  dataset?: string;
  format: string;
  policy?: string;
  endpoint?: string[];
  model?: string;
  apiKeyEnv?: string;
  mode: "direct" | "agentic" | "vanilla";
  rounds: number;
  samples: number;
  climb?: boolean;
  rules?: boolean;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  simulator: "verilator" | "icarus";
  out?: string;
  resume?: boolean;
  limit?: number;
  llmConcurrency?: number;
  json?: boolean;
}

/** A run config file: the eval settings (EvalConfig fields) plus an optional `eda:` hosts section. */
export function readRunConfig(path: string): { eval: Record<string, unknown>; eda?: unknown } {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, "utf8"));
  } catch (err) {
    throw new CliError(`${path}: ${(err as Error).message}`);
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc))
    throw new CliError(`${path}: expected a mapping of settings`);
  const { eda, ...rest } = doc as Record<string, unknown>;
  return { eval: rest, eda };
}

/**
 * Settings from the command line, over the config file's: a flag counts only when given
 * (`explicit`), so defaults never override the file.
 */
export function evalConfigFromOptions(
  o: EvalCliOptions,
  file: Record<string, unknown> = {},
  explicit?: Set<string>,
): EvalConfigInput {
  if (o.endpoint?.length && !o.model) throw new CliError("--endpoint needs --model");
  if (o.policy && o.policy !== "builtin")
    throw new CliError(`unknown --policy ${o.policy}; use builtin or --endpoint/--model`);
  const given = (name: string) => !explicit || explicit.has(name);
  const fromCli = {
    dataset: o.dataset,
    format: o.format as EvalConfigInput["format"],
    mode: o.mode,
    rounds: o.rounds,
    samples: o.samples,
    climb: !!o.climb,
    rules: !!o.rules,
    simulator: o.simulator,
    limit: o.limit,
    sampling: { temperature: o.temperature ?? 0.7, topP: o.topP ?? 0.8, maxTokens: o.maxTokens ?? 8192 },
    policy: o.endpoint?.length
      ? {
          kind: "openai",
          endpoints: o.endpoint,
          model: o.model!,
          apiKeyEnv: o.apiKeyEnv,
          concurrency: o.llmConcurrency ?? 16,
        }
      : { kind: "builtin" },
  };
  const cliKeys: Record<string, string[]> = {
    dataset: ["dataset"],
    format: ["format"],
    mode: ["mode"],
    rounds: ["rounds"],
    samples: ["samples"],
    climb: ["climb"],
    rules: ["rules"],
    simulator: ["simulator"],
    limit: ["limit"],
    sampling: ["temperature", "topP", "maxTokens"],
    policy: ["endpoint", "policy"],
  };
  const merged: Record<string, unknown> = { ...file };
  for (const [key, flags] of Object.entries(cliKeys)) {
    if (!(key in file) || flags.some(given)) merged[key] = fromCli[key as keyof typeof fromCli];
  }
  if (merged.dataset === undefined)
    throw new CliError("no dataset: pass --dataset or set `dataset:` in --config");
  return merged as EvalConfigInput;
}

/** Library entry behind `llm4cov eval` (and `demo`). */
export async function evalCommandRun(
  o: EvalCliOptions,
  ctx: CliContext,
  signal?: AbortSignal,
  explicit?: Set<string>,
): Promise<EvalSummary> {
  const file = o.config ? readRunConfig(o.config) : { eval: {}, eda: undefined };
  const input = evalConfigFromOptions(o, file.eval, o.config ? explicit : undefined);
  const parsed = EvalConfig.safeParse(input);
  if (!parsed.success) {
    const where = o.config ? ` (${o.config})` : "";
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new CliError(`invalid run configuration${where}:\n${lines.join("\n")}`);
  }
  const cfg = parsed.data;
  const runDir = o.out ?? join("runs", `eval-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  const exec = await executorFrom(o, file.eda);
  const llm = makeProvider(cfg.policy);
  try {
    return await runEval(cfg, {
      runDir,
      resume: o.resume,
      llm,
      exec,
      signal,
      progress: { isTTY: ctx.isTTY, write: (l) => ctx.err(l) },
    });
  } catch (err) {
    if (err instanceof ConfigMismatchError || err instanceof RunExistsError) throw new CliError(err.message);
    throw err;
  } finally {
    await exec.close();
    await llm.close?.();
  }
}

export function addEvalOptions(cmd: Command): Command {
  return addEdaOptions(cmd)
    .option(
      "--config <file>",
      "run config (YAML): eval settings and an `eda:` hosts section; flags override it",
    )
    .option("--policy <name>", "built-in policy (no LLM): builtin")
    .option("--endpoint <url...>", "OpenAI-compatible base URL(s) serving --model (several share the load)")
    .option("--model <name>", "model name at the endpoint")
    .option("--api-key-env <var>", "environment variable holding the API key (default OPENAI_API_KEY)")
    .addOption(
      new Option("--mode <mode>", "workflow").choices(["direct", "agentic", "vanilla"]).default("agentic"),
    )
    .option("--rounds <n>", "rounds after the first (agentic, vanilla)", (v) => parseInt(v, 10), 3)
    .option("--samples <n>", "samples per task (n of pass@k)", (v) => parseInt(v, 10), 5)
    .option("--climb", "agentic: continue from the best state so far (markov variant)")
    .option("--rules", "append the simulator's rule block to the prompt (never stored)")
    .option("--temperature <t>", "sampling temperature", parseFloat)
    .option("--top-p <p>", "nucleus sampling", parseFloat)
    .option("--max-tokens <n>", "completion token limit", (v) => parseInt(v, 10))
    .addOption(new Option("--simulator <name>").choices(["verilator", "icarus"]).default("verilator"))
    .option("--format <format>", "dataset format: auto, native, cvdp, codev, dir", "auto")
    .option("--out <dir>", "run directory (ledger.sqlite, summary.json)")
    .option("--resume", "continue the run in --out")
    .option("--limit <n>", "only the first n tasks", (v) => parseInt(v, 10))
    .option("--slots <n>", "concurrent simulations (default: cores)", (v) => parseInt(v, 10))
    .option("--llm-concurrency <n>", "concurrent LLM requests per endpoint", (v) => parseInt(v, 10))
    .option("--json", "print summary.json instead of the table");
}

export function evalCommand(ctx: CliContext, signal?: AbortSignal): Command {
  return addEvalOptions(new Command("eval").description("evaluate a policy on a dataset (the main job)"))
    .option("--dataset <path>", "dataset: JSONL (native, CVDP, CodeV) or a directory of repositories")
    .action(async (o: EvalCliOptions, cmd: Command) => {
      const explicit = new Set(Object.keys(o).filter((k) => cmd.getOptionValueSource(k) === "cli"));
      const summary = await evalCommandRun(o, ctx, signal, explicit);
      ctx.out(o.json ? JSON.stringify(summary, null, 2) : formatEvalSummary(summary));
    });
}
