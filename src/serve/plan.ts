// The serve-eval plan: model-server groups, each with the evaluations to run against it. Read
// from YAML, validated with zod; every error names the file and line it comes from.
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { EvalConfig } from "../agent/eval.js";

/** An evaluation: EvalConfig fields inline, and/or `config:` naming a run config file. */
const EvalEntry = EvalConfig.partial()
  .extend({
    out: z.string().min(1).describe("run directory (relative to the plan file)"),
    config: z.string().min(1).optional().describe("run config file (EvalConfig fields, optional eda:)"),
    resume: z.boolean().optional().describe("continue the run in `out` if it exists"),
  })
  .strict();

const EnvValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const Group = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][\w.-]{0,63}$/, "letters, digits, '.', '_' or '-' (it names the log file)"),
    command: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe("started in its own process group: a shell command line, or argv without a shell"),
    env: z.record(z.string(), EnvValue).optional().describe("added to the environment of the command"),
    cwd: z.string().optional().describe("working directory of the command (relative to the plan file)"),
    base_url: z.url().describe("the server's OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1"),
    model: z.string().min(1).optional().describe("default: the first model GET /models lists"),
    api_key_env: z.string().optional().describe("environment variable holding the server's API key"),
    ready_timeout_s: z.number().positive().default(600),
    stop_timeout_s: z.number().positive().default(30).describe("wait after SIGINT, then after SIGTERM"),
    log: z.string().optional().describe("server log file (default: beside the first eval's run dir)"),
    evals: z.array(EvalEntry).min(1),
  })
  .strict();

export const ServeEvalPlanInput = z
  .object({
    groups: z.array(Group).min(1),
    eda: z.unknown().optional().describe("where simulations run (as in a run config); default local"),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.groups.forEach((g, i) => {
      if (seen.has(g.name))
        ctx.addIssue({
          code: "custom",
          path: ["groups", i, "name"],
          message: `duplicate group name ${g.name}`,
        });
      seen.add(g.name);
    });
  });

export interface PlannedEval {
  /** Absolute run directory. */
  out: string;
  resume: boolean;
  /** EvalConfig input, paths absolute; `policy` absent means "the group's server". */
  config: Record<string, unknown>;
  /** The eval's own `eda:` (from its config file), else the plan's. */
  eda: unknown;
}

export interface PlannedGroup {
  name: string;
  command: string | string[];
  env: Record<string, string>;
  cwd: string;
  baseUrl: string;
  model: string | null;
  apiKeyEnv: string | null;
  readyTimeoutMs: number;
  stopTimeoutMs: number;
  logFile: string;
  evals: PlannedEval[];
}

export interface ServeEvalPlan {
  file: string;
  groups: PlannedGroup[];
}

/** Bad plan or run config; the message starts with file:line. */
export class PlanError extends Error {
  override name = "PlanError";
}

interface YamlFile {
  path: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

function readYaml(path: string, shown: string): YamlFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new PlanError(`${shown}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const bad = doc.errors[0];
  if (bad) {
    const at = lines.linePos(bad.pos[0]).line;
    throw new PlanError(`${shown}:${at}: invalid YAML: ${bad.message.split("\n")[0]}`);
  }
  return { path: shown, doc, lines, data: doc.toJS() as unknown };
}

/** file:line of the deepest node on `path` that exists (the line of the key for a missing one). */
function where(f: YamlFile, path: readonly PropertyKey[]): string {
  for (let n = path.length; n >= 0; n--) {
    const node = f.doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number] } | undefined;
    if (node?.range) return `${f.path}:${f.lines.linePos(node.range[0]).line}`;
  }
  return f.path;
}

function issueLine(f: YamlFile, issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): string {
  const keys = issue.code === "unrecognized_keys" ? [issue.keys[0] ?? ""] : [];
  const path = [...prefix, ...issue.path, ...keys];
  const shown = path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .slice(1);
  return `${where(f, path)}: ${shown || "(root)"}: ${issue.message}`;
}

function fail(lines: string[]): never {
  const more = lines.length > 5 ? [`(and ${lines.length - 5} more)`] : [];
  throw new PlanError([...lines.slice(0, 5), ...more].join("\n"));
}

const isMapping = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === "object" && !Array.isArray(v);
const abs = (base: string, p: string) => (isAbsolute(p) ? p : resolve(base, p));

/** Reads and validates a plan; relative paths are relative to the file that names them. */
export function loadPlan(file: string): ServeEvalPlan {
  const f = readYaml(file, file);
  const parsed = ServeEvalPlanInput.safeParse(f.data);
  if (!parsed.success) fail(parsed.error.issues.map((i) => issueLine(f, i)));
  const base = dirname(resolve(file));
  const raw = f.data as { groups: Record<string, unknown>[] };
  const groups = parsed.data.groups.map((g, gi): PlannedGroup => {
    const evals = g.evals.map((e, ei) => planEval(f, base, raw.groups[gi]!, gi, ei, parsed.data.eda));
    const firstOut = evals[0]!.out;
    return {
      name: g.name,
      command: g.command,
      env: g.env ?? {},
      cwd: g.cwd ? abs(base, g.cwd) : base,
      baseUrl: g.base_url.replace(/\/+$/, ""),
      model: g.model ?? null,
      apiKeyEnv: g.api_key_env ?? null,
      readyTimeoutMs: g.ready_timeout_s * 1000,
      stopTimeoutMs: g.stop_timeout_s * 1000,
      logFile: g.log ? abs(base, g.log) : join(dirname(firstOut), `${g.name}.server.log`),
      evals,
    };
  });
  return { file, groups };
}

const OWN_KEYS = new Set(["out", "config", "resume"]);

function planEval(
  f: YamlFile,
  base: string,
  rawGroup: Record<string, unknown>,
  gi: number,
  ei: number,
  planEda: unknown,
): PlannedEval {
  const entryPath = ["groups", gi, "evals", ei];
  // The raw entry, not the parsed one: parsing fills defaults that would hide the config file's values.
  const entry = (rawGroup.evals as Record<string, unknown>[])[ei]!;
  const inline = Object.fromEntries(Object.entries(entry).filter(([k]) => !OWN_KEYS.has(k)));
  let fromFile: Record<string, unknown> = {};
  let eda = planEda;
  let cf: YamlFile | null = null;
  if (typeof entry.config === "string") {
    const path = abs(base, entry.config);
    try {
      cf = readYaml(path, entry.config);
    } catch (err) {
      throw new PlanError(`${where(f, [...entryPath, "config"])}: config: ${(err as Error).message}`);
    }
    if (!isMapping(cf.data)) fail([`${cf.path}:1: expected a mapping of EvalConfig fields`]);
    const { eda: fileEda, ...rest } = cf.data;
    fromFile = rest;
    if (fileEda !== undefined) eda = fileEda;
    if (typeof rest.dataset === "string") fromFile.dataset = abs(dirname(path), rest.dataset);
  }
  if (typeof inline.dataset === "string") inline.dataset = abs(base, inline.dataset);
  const config = { ...fromFile, ...inline };
  // Validate as it will run; the group's server stands in for a policy not named.
  const probe = config.policy
    ? config
    : { ...config, policy: { kind: "openai", endpoints: ["http://127.0.0.1/v1"], model: "probe" } };
  const checked = EvalConfig.strict().safeParse(probe);
  if (!checked.success) {
    fail(
      checked.error.issues.map((i) => {
        const key = i.path[0] ?? (i.code === "unrecognized_keys" ? i.keys[0] : undefined);
        if (cf && key !== undefined && !(key in inline) && key in fromFile) return issueLine(cf, i);
        return issueLine(f, i, entryPath);
      }),
    );
  }
  return { out: abs(base, entry.out as string), resume: entry.resume === true, config, eda };
}
