import { Command, Option } from "commander";
import { join } from "node:path";
import { availableParallelism } from "node:os";
import { EvalConfig, runEval, type EvalConfigInput, type EvalSummary } from "../../agent/eval.js";
import { LocalExecutor } from "../../exec/local.js";
import { makeProvider } from "../../llm/factory.js";
import { formatEvalSummary } from "../../report/eval-table.js";
import { ConfigMismatchError, RunExistsError } from "../../store/ledger.js";
import { CliError, type CliContext } from "../context.js";

export interface EvalCliOptions {
  dataset: string;
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
  slots?: number;
  llmConcurrency?: number;
  json?: boolean;
}

export function evalConfigFromOptions(o: EvalCliOptions): EvalConfigInput {
  if (o.endpoint?.length && !o.model) throw new CliError("--endpoint needs --model");
  if (o.policy && o.policy !== "builtin")
    throw new CliError(`unknown --policy ${o.policy}; use builtin or --endpoint/--model`);
  return {
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
}

/** Library entry behind `llm4cov eval` (and `demo`). */
export async function evalCommandRun(
  o: EvalCliOptions,
  ctx: CliContext,
  signal?: AbortSignal,
): Promise<EvalSummary> {
  const input = evalConfigFromOptions(o);
  const cfg = EvalConfig.parse(input);
  const runDir = o.out ?? join("runs", `eval-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  const exec = new LocalExecutor({ slots: o.slots ?? availableParallelism() });
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
  return cmd
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
    .requiredOption("--dataset <path>", "dataset: JSONL (native, CVDP, CodeV) or a directory of repositories")
    .action(async (o: EvalCliOptions) => {
      const summary = await evalCommandRun(o, ctx, signal);
      ctx.out(o.json ? JSON.stringify(summary, null, 2) : formatEvalSummary(summary));
    });
}
