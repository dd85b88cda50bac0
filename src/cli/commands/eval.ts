import { Command, Option } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { EvalConfig, runEval, type EvalConfigInput, type EvalSummary } from "../../agent/eval.js";
import { makeProvider } from "../../llm/factory.js";
import { loadWorkflowFile } from "../../agent/workflows/load.js";
import { WorkflowDefinitionError, type Workflow } from "../../agent/workflows/types.js";
import { CommandSimulator } from "../../eda/command-sim.js";
import { hasSimulator, listSimulators, registerSimulator } from "../../eda/registry.js";
import { formatEvalSummary } from "../../report/eval-table.js";
import { DatasetError } from "../../data/errors.js";
import { ConfigMismatchError, RunExistsError } from "../../store/ledger.js";
import { CliError, type CliContext } from "../context.js";
import { cancelOnly } from "../interrupt.js";
import { integer, number } from "../parsers.js";
import { addEdaOptions, executorFrom, type EdaCliOptions } from "../eda-options.js";

export interface EvalCliOptions extends EdaCliOptions {
  config?: string;
  dataset?: string;
  format: string;
  policy?: string;
  endpoint?: string[];
  model?: string;
  apiKeyEnv?: string;
  mode: string;
  /** A user's workflow file (src/agent/workflows/load.ts). */
  workflow?: string;
  stopWhen?: string;
  /** `name=/abs/wrapper`: register a command simulator (src/eda/command-sim.ts). */
  simCommand?: string[];
  rounds: number;
  samples: number;
  climb?: boolean;
  rules?: boolean;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  simulator: string;
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

/** Which flags set which config field: what error messages name, and what a flag overrides. */
const FLAG_OF: Record<string, string> = {
  dataset: "--dataset",
  format: "--format",
  mode: "--mode",
  rounds: "--rounds",
  samples: "--samples",
  climb: "--climb",
  rules: "--rules",
  simulator: "--simulator",
  limit: "--limit",
  stopWhen: "--stop-when",
  "sampling.temperature": "--temperature",
  "sampling.topP": "--top-p",
  "sampling.maxTokens": "--max-tokens",
  "policy.endpoints": "--endpoint",
  "policy.model": "--model",
  "policy.apiKeyEnv": "--api-key-env",
  "policy.concurrency": "--llm-concurrency",
};
const OPTION_OF: Record<string, keyof EvalCliOptions> = {
  "--dataset": "dataset",
  "--format": "format",
  "--mode": "mode",
  "--rounds": "rounds",
  "--samples": "samples",
  "--climb": "climb",
  "--rules": "rules",
  "--simulator": "simulator",
  "--limit": "limit",
  "--stop-when": "stopWhen",
  "--temperature": "temperature",
  "--top-p": "topP",
  "--max-tokens": "maxTokens",
  "--endpoint": "endpoint",
  "--model": "model",
  "--api-key-env": "apiKeyEnv",
  "--llm-concurrency": "llmConcurrency",
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Settings from the command line over the config file's: a flag overrides exactly the field it
 * names, and only when given (`explicit`), so defaults never override the file.
 */
export function evalConfigFromOptions(
  o: EvalCliOptions,
  file: Obj = {},
  explicit?: Set<string>,
): EvalConfigInput {
  if (o.endpoint?.length && !o.model) throw new CliError("--endpoint needs --model");
  if (o.policy && o.policy !== "builtin")
    throw new CliError(`unknown --policy ${o.policy}; use builtin or --endpoint/--model`);
  const given = (name: keyof EvalCliOptions) => (explicit ? explicit.has(name) : o[name] !== undefined);
  const merged: Obj = { ...file };
  const top: [string, keyof EvalCliOptions, unknown][] = [
    ["dataset", "dataset", o.dataset],
    ["format", "format", o.format],
    ["mode", "mode", o.mode],
    ["rounds", "rounds", o.rounds],
    ["samples", "samples", o.samples],
    ["climb", "climb", !!o.climb],
    ["rules", "rules", !!o.rules],
    ["simulator", "simulator", o.simulator],
    ["limit", "limit", o.limit],
    ["stopWhen", "stopWhen", o.stopWhen],
  ];
  // Without a file every flag (or its default) applies; with one, only the flags given.
  for (const [key, opt, value] of top) if (!(key in file) || given(opt)) merged[key] = value;

  const sampling: Obj = isObj(file.sampling) ? { ...file.sampling } : {};
  if (given("temperature")) sampling.temperature = o.temperature;
  if (given("topP")) sampling.topP = o.topP;
  if (given("maxTokens")) sampling.maxTokens = o.maxTokens;
  if (Object.keys(sampling).length || "sampling" in file) merged.sampling = sampling;

  if (o.endpoint?.length || given("policy") || !("policy" in file)) {
    merged.policy = o.endpoint?.length
      ? {
          kind: "openai",
          endpoints: o.endpoint,
          model: o.model!,
          apiKeyEnv: o.apiKeyEnv,
          concurrency: o.llmConcurrency,
        }
      : { kind: "builtin" };
  } else if (isObj(file.policy)) {
    // The file names the policy; flags still set the fields they name.
    const policy: Obj = { ...file.policy };
    const llmFlags = (["model", "apiKeyEnv", "llmConcurrency"] as const).filter(given);
    if (llmFlags.length && policy.kind !== "openai")
      throw new CliError(
        `--${llmFlags[0] === "llmConcurrency" ? "llm-concurrency" : llmFlags[0] === "apiKeyEnv" ? "api-key-env" : "model"} ` +
          `needs an OpenAI-compatible policy (--endpoint, or policy.kind: openai in ${o.config ?? "the config"})`,
      );
    if (given("model")) policy.model = o.model;
    if (given("apiKeyEnv")) policy.apiKeyEnv = o.apiKeyEnv;
    if (given("llmConcurrency")) policy.concurrency = o.llmConcurrency;
    merged.policy = policy;
  }
  if (merged.dataset === undefined)
    throw new CliError("no dataset: pass --dataset or set `dataset:` in --config");
  return merged as EvalConfigInput;
}

/** A config error names the flag when a flag set the field, else the file's field. */
function configIssue(path: PropertyKey[], o: EvalCliOptions, explicit?: Set<string>): string {
  const key = path.map(String).join(".");
  const flag = FLAG_OF[key] ?? FLAG_OF[path.slice(0, 2).map(String).join(".")];
  const opt = flag ? OPTION_OF[flag] : undefined;
  const fromFlag = opt && (explicit ? explicit.has(opt) : !o.config);
  if (flag && (fromFlag || !o.config)) return flag;
  return o.config ? `${o.config}: ${key || "(root)"}` : key || "(root)";
}

/** An API key variable that was named but is unset is a mistake, not "no key" (docs/decisions.md). */
function checkApiKeyEnv(cfg: EvalConfig, o: EvalCliOptions): void {
  if (cfg.policy.kind !== "openai" || !cfg.policy.apiKeyEnv) return;
  const name = cfg.policy.apiKeyEnv;
  if (process.env[name]) return;
  const where = o.apiKeyEnv ? "--api-key-env" : `${o.config ?? "config"}: policy.apiKeyEnv`;
  throw new CliError(`${where}: environment variable ${name} is not set (or is empty)`);
}

/** `--workflow FILE`, else the config's `workflow:` (relative to the config file). */
async function workflowFrom(o: EvalCliOptions, file: Obj): Promise<Workflow | undefined> {
  const fromFile = typeof file.workflow === "string" ? resolve(dirname(o.config!), file.workflow) : undefined;
  delete file.workflow;
  const spec = o.workflow ?? fromFile;
  if (!spec) return undefined;
  try {
    return await loadWorkflowFile(spec);
  } catch (err) {
    if (err instanceof WorkflowDefinitionError) throw new CliError(`--workflow ${err.message}`);
    throw err;
  }
}

function registerCommandSimulator(spec: string): void {
  const m = /^([a-z][a-z0-9._-]{0,31})=(\/.+)$/.exec(spec);
  if (!m) throw new CliError(`--sim-command ${spec}: expected NAME=/absolute/path/to/wrapper`);
  if (!existsSync(m[2]!)) throw new CliError(`--sim-command ${spec}: ${m[2]} does not exist`);
  try {
    registerSimulator(new CommandSimulator({ name: m[1]!, command: [m[2]!] }), { replace: true });
  } catch (err) {
    throw new CliError(`--sim-command ${spec}: ${(err as Error).message}`);
  }
}

/** Library entry behind `llm4cov eval` (and `demo`). */
export async function evalCommandRun(
  o: EvalCliOptions,
  ctx: CliContext,
  signal?: AbortSignal,
  explicit?: Set<string>,
  cancel?: AbortSignal,
): Promise<EvalSummary> {
  if (o.resume && !o.out) throw new CliError("--resume needs --out <dir>: the run directory to continue");
  const file = o.config ? readRunConfig(o.config) : { eval: {}, eda: undefined };
  for (const spec of o.simCommand ?? []) registerCommandSimulator(spec);
  const workflow = await workflowFrom(o, file.eval);
  const input = evalConfigFromOptions(o, file.eval, o.config ? explicit : undefined);
  if (workflow) {
    if (explicit?.has("mode") && o.mode !== workflow.name)
      throw new CliError(`--mode ${o.mode} and --workflow ${o.workflow} name different workflows`);
    input.mode = workflow.name;
  }
  const parsed = EvalConfig.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 4);
    const text = issues.map((i) => `${configIssue(i.path, o, explicit)}: ${i.message}`).join("; ");
    throw new CliError(`invalid run configuration: ${text}`);
  }
  const cfg = parsed.data;
  checkApiKeyEnv(cfg, o);
  const runDir = o.out ?? join("runs", `eval-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  const exec = await executorFrom(o, file.eda);
  if (exec.name === "local" && !hasSimulator(cfg.simulator)) {
    await exec.close();
    throw new CliError(
      `--simulator: unknown simulator ${cfg.simulator}; registered: ${listSimulators().join(", ")} (add one with --sim-command NAME=/path/to/wrapper)`,
    );
  }
  const llm = makeProvider(cfg.policy);
  try {
    // The loop gets `signal` (first Ctrl-C: no new work); running calls only stop on `cancel`.
    return await runEval(workflow ? { ...cfg, workflow } : cfg, {
      runDir,
      resume: o.resume,
      llm: cancel ? cancelOnly(llm, cancel) : llm,
      exec: cancel ? cancelOnly(exec, cancel) : exec,
      signal,
      progress: { isTTY: ctx.isTTY, write: (l) => ctx.err(l) },
    });
  } catch (err) {
    if (err instanceof ConfigMismatchError || err instanceof RunExistsError || err instanceof DatasetError)
      throw new CliError(err.message);
    throw err;
  } finally {
    await exec.close();
    await llm.close?.();
  }
}

/** Lines under the table: the dataset by content hash, and the rows that were skipped. */
export function datasetLines(summary: EvalSummary): string[] {
  const ds = summary.dataset;
  if (!ds) return [];
  const skipped = ds.skipped ? `, ${ds.skipped} skipped` : "";
  const lines = [
    `Dataset: ${ds.path} (${ds.format}, sha256 ${ds.hash.slice(0, 12)}): ${ds.rows} rows used${skipped}`,
  ];
  for (const line of (summary.skipped_rows ?? []).slice(0, 5)) lines.push(`  skipped ${line}`);
  if (ds.skipped > 5) lines.push(`  (skipped rows with reasons: ${summary.run_dir}/summary.json)`);
  return lines;
}

/** The text `eval` prints: the table, then the dataset lines. */
export function formatEvalText(summary: EvalSummary): string {
  return [formatEvalSummary(summary), ...datasetLines(summary)].join("\n");
}

/**
 * The exit code after a run. An interrupted run exits 130 (resumable); a run where no sample
 * finished and some failed (endpoint down, hosts lost) exits 3 with the first cause on one
 * line; anything else 0, with a warning when some samples failed.
 */
export function finishEval(summary: EvalSummary, ctx: CliContext, interrupted: boolean): void {
  if (interrupted) {
    ctx.err(
      `llm4cov: interrupted: ${summary.samples_done} samples finished; continue with the same command plus ` +
        `--out ${summary.run_dir} --resume`,
    );
    ctx.exitCode = 130;
    return;
  }
  if (summary.samples_failed > 0) {
    const cause = summary.failures[0]?.error ?? "unknown";
    if (summary.samples_done === 0) {
      ctx.err(`llm4cov: all ${summary.samples_failed} samples failed: ${cause}`);
      ctx.exitCode = 3;
      return;
    }
    ctx.err(
      `llm4cov: warning: ${summary.samples_failed} samples failed (first: ${cause}); ` +
        `--out ${summary.run_dir} --resume retries them`,
    );
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
    .option("--mode <name>", "workflow: direct, agentic, vanilla, or a registered one", "agentic")
    .option("--workflow <file>", "a workflow file (.js; .ts with a loader) exporting defineWorkflow(...)")
    .addOption(
      new Option(
        "--stop-when <rule>",
        "end a sample's rounds early: full coverage, targets met, or never (default full)",
      ).choices(["full", "target", "never"]),
    )
    .option("--rounds <n>", "rounds after the first (agentic, vanilla)", integer(0, 50), 3)
    .option("--samples <n>", "samples per task (n of pass@k)", integer(1, 1000), 5)
    .option("--climb", "agentic: continue from the best state so far (markov variant)")
    .option("--rules", "append the simulator's rule block to the prompt (never stored)")
    .option("--temperature <t>", "sampling temperature", number(0, 2))
    .option("--top-p <p>", "nucleus sampling", number(0, 1))
    .option("--max-tokens <n>", "completion token limit", integer(1))
    .option(
      "--simulator <name>",
      "registered simulator: verilator, icarus, or a --sim-command one",
      "verilator",
    )
    .option(
      "--sim-command <name=path...>",
      "register a command simulator: a wrapper with the get_cov_result contract",
    )
    .option("--format <format>", "dataset format: auto, native, cvdp, codev, dir", "auto")
    .option("--out <dir>", "run directory (ledger.sqlite, summary.json)")
    .option("--resume", "continue the run in --out")
    .option("--limit <n>", "only the first n tasks", integer(1))
    .option("--slots <n>", "concurrent simulations (default: cores)", integer(1))
    .option("--llm-concurrency <n>", "concurrent LLM requests per endpoint", integer(1))
    .option("--json", "print summary.json instead of the table");
}

export function evalCommand(ctx: CliContext, signal?: AbortSignal, cancel?: AbortSignal): Command {
  return addEvalOptions(new Command("eval").description("evaluate a policy on a dataset (the main job)"))
    .option("--dataset <path>", "dataset: JSONL (native, CVDP, CodeV) or a directory of repositories")
    .action(async (o: EvalCliOptions, cmd: Command) => {
      const explicit = new Set(Object.keys(o).filter((k) => cmd.getOptionValueSource(k) === "cli"));
      const summary = await evalCommandRun(o, ctx, signal, explicit, cancel);
      ctx.out(o.json ? JSON.stringify(summary, null, 2) : formatEvalText(summary));
      finishEval(summary, ctx, !!signal?.aborted);
    });
}
