// Synthesis stage and pipeline files (YAML, validated with zod). A stage is a file, not a code
// edit: dataset, teacher/student models and which one samples states / writes transitions,
// drafts, selection, k, delta, minimum coverage. See docs/synthesis.md and examples/synth/.
import { readFileSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { EvalConfig, PolicyConfig } from "../agent/eval.js";
import { STRATEGIES } from "./selection.js";

export const TRACE_TYPES = ["full_teacher", "imitation", "self_sampling"] as const;
export type TraceType = (typeof TRACE_TYPES)[number];
export const Role = z.enum(["teacher", "student"]);
export type Role = z.infer<typeof Role>;

export const SelectionConfig = z
  .object({
    strategy: z.enum(STRATEGIES).default("worst"),
    with_failure: z.boolean().default(false),
    median_threshold: z.number().min(0).max(1).default(0.1),
    seed: z.number().int().default(0),
  })
  .strict();
export type SelectionConfig = z.infer<typeof SelectionConfig>;

export const DraftsConfig = z
  .object({
    /** Reuse the states of an existing run (eval or synth). */
    from_run: z.string().min(1).optional(),
    /** Sample drafts now with the state model (an eval run in <out>/drafts). */
    sample: z
      .object({
        mode: z.enum(["direct", "agentic"]).default("direct"),
        rounds: z.number().int().min(0).max(50).default(3),
      })
      .strict()
      .optional(),
    /** A selection file written by `llm4cov select` (drafts and their selection). */
    selection: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const n = [d.from_run, d.sample, d.selection].filter((x) => x !== undefined).length;
    if (n !== 1)
      ctx.addIssue({
        code: "custom",
        message: n
          ? "give only one of from_run, sample, selection"
          : "give one of from_run (a run's states), sample (sample drafts now) or selection (a file from llm4cov select)",
      });
  });
export type DraftsConfig = z.infer<typeof DraftsConfig>;

const stageFields = {
  stage: z.number().int().min(0).max(99),
  name: z.string().min(1).optional(),
  dataset: z.string().min(1).optional(),
  format: EvalConfig.shape.format,
  /** Only the first N tasks (dataset or draft run). */
  limit: z.number().int().positive().optional(),
  teacher: PolicyConfig,
  /** The stage's student: the previous stage's fine-tuned model (stage 0: the base model). */
  student: PolicyConfig.optional(),
  state_model: Role,
  transition_model: Role,
  /** Optional; when given it must agree with the two roles. */
  trace_type: z.enum(TRACE_TYPES).optional(),
  /** Drafts per repository: samples when sampling; at most this many samples of a reused run. */
  drafts_per_repo: z.number().int().min(1).max(1000).optional(),
  drafts: DraftsConfig,
  selection: SelectionConfig.default(SelectionConfig.parse({})),
  /** Candidate transitions per selected state. */
  k: z.number().int().min(1).max(64).default(4),
  delta: z.number().min(0).max(1).default(0.01),
  /** Minimum absolute output coverage; default 0.5 at stage 0, else 0. */
  min_coverage: z.number().min(0).max(1).optional(),
  allow_metric_drop: z.boolean().default(false),
  /** Append the simulator's rule block at generation time (never stored). */
  rules: z.boolean().default(false),
  sampling: EvalConfig.shape.sampling,
  simulator: EvalConfig.shape.simulator,
  limits: EvalConfig.shape.limits,
  /** Run directory (default runs/<name or synth-stage<N>>). */
  out: z.string().min(1).optional(),
  /** The run whose data fine-tuned this stage's student (lineage; pipelines fill it in). */
  previous_run: z.string().min(1).optional(),
};

export function traceTypeOf(state: Role, transition: Role): TraceType | null {
  if (state === "teacher") return transition === "teacher" ? "full_teacher" : null;
  return transition === "teacher" ? "imitation" : "self_sampling";
}

export const StageConfig = z
  .object(stageFields)
  .strict()
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    for (const key of ["state_model", "transition_model"] as const)
      if (c[key] === "student" && !c.student)
        issue(
          "student",
          `required because ${key} is student (name the endpoint of the model fine-tuned on the previous stage's data)`,
        );
    const t = traceTypeOf(c.state_model, c.transition_model);
    if (!t)
      issue(
        "transition_model",
        "teacher states with student transitions is not a trace type; use full_teacher (teacher, teacher), imitation (student, teacher) or self_sampling (student, student)",
      );
    else if (c.trace_type && c.trace_type !== t)
      issue(
        "trace_type",
        `${c.trace_type} disagrees with state_model ${c.state_model} + transition_model ${c.transition_model} (${t})`,
      );
    if (c.drafts.sample && !c.dataset) issue("dataset", "required when drafts are sampled (drafts.sample)");
  });
export type StageConfig = z.infer<typeof StageConfig>;
export type StageConfigInput = z.input<typeof StageConfig>;

export const PipelineConfig = z
  .object({
    name: z.string().min(1).optional(),
    dataset: z.string().min(1).optional(),
    format: EvalConfig.shape.format.optional(),
    limit: z.number().int().positive().optional(),
    teacher: PolicyConfig,
    /** Stage N writes to <out>/stage<N> unless the stage names its own out. */
    out: z.string().min(1).optional(),
    /** Fields every stage inherits unless it sets them. */
    defaults: z.record(z.string(), z.unknown()).default({}),
    stages: z.array(z.record(z.string(), z.unknown())).min(1),
  })
  .strict();
export type PipelineConfig = z.infer<typeof PipelineConfig>;

/** A stage ready to run: paths absolute, defaults resolved, trace type derived. */
export interface ResolvedStage {
  config: StageConfig;
  traceType: TraceType;
  minCoverage: number;
  out: string;
  source: string | null;
  pipeline: { file: string; name: string; stages: number } | null;
}

export class SynthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SynthConfigError";
  }
}

/** "field.path: message" lines, one per issue. */
export function formatIssues(err: z.ZodError): string {
  return err.issues
    .map((i) => `  - ${i.path.length ? i.path.map(String).join(".") : "(top level)"}: ${i.message}`)
    .join("\n");
}

export const policyModel = (p: PolicyConfig) => (p.kind === "builtin" ? "llm4cov-builtin" : p.model);

/** Validates a stage object; relative paths are taken from `baseDir`, `out` defaults under the cwd. */
export function resolveStage(raw: unknown, baseDir: string, source: string | null): ResolvedStage {
  const r = StageConfig.safeParse(raw);
  if (!r.success)
    throw new SynthConfigError(
      `${source ?? "stage config"}: invalid stage config:\n${formatIssues(r.error)}`,
    );
  const c = r.data;
  const abs = (p: string | undefined) => (p === undefined ? undefined : resolve(baseDir, p));
  const config: StageConfig = {
    ...c,
    dataset: abs(c.dataset),
    drafts: { ...c.drafts, from_run: abs(c.drafts.from_run), selection: abs(c.drafts.selection) },
    previous_run: abs(c.previous_run),
  };
  return {
    config,
    traceType: traceTypeOf(c.state_model, c.transition_model)!,
    minCoverage: c.min_coverage ?? (c.stage === 0 ? 0.5 : 0),
    out: c.out ? resolve(baseDir, c.out) : resolve("runs", c.name ?? `synth-stage${c.stage}`),
    source,
    pipeline: null,
  };
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new SynthConfigError(`${file}: cannot read: ${(e as Error).message}`);
  }
  try {
    return parseYaml(text);
  } catch (e) {
    throw new SynthConfigError(`${file}: not valid YAML: ${(e as Error).message}`);
  }
}

export function loadStageFile(file: string): ResolvedStage {
  const path = resolve(file);
  return resolveStage(readYaml(path), dirname(path), path);
}

/** Resolves stage `stage` of a pipeline object (every stage is validated, so errors surface early). */
export function resolvePipelineStage(
  raw: unknown,
  stage: number,
  baseDir: string,
  source: string,
): ResolvedStage {
  const r = PipelineConfig.safeParse(raw);
  if (!r.success) throw new SynthConfigError(`${source}: invalid pipeline:\n${formatIssues(r.error)}`);
  const p = r.data;
  const numbers = p.stages.map((s) => s.stage);
  if (numbers.some((n, i) => n !== i))
    throw new SynthConfigError(
      `${source}: stages must be numbered 0, 1, 2, ... in order (found ${numbers.map(String).join(", ")})`,
    );
  const name = p.name ?? basename(source, extname(source));
  const root = p.out ? resolve(baseDir, p.out) : resolve("runs", name);
  const inherited = { dataset: p.dataset, format: p.format, limit: p.limit, teacher: p.teacher };
  const stages = p.stages.map((entry, i) => {
    const merged: Record<string, unknown> = { ...inherited, ...p.defaults, ...entry };
    merged.out ??= resolve(root, `stage${i}`);
    if (i > 0) merged.previous_run ??= resolve(root, `stage${i - 1}`);
    return resolveStage(merged, baseDir, `${source} stage ${i}`);
  });
  const picked = stages[stage];
  if (!picked)
    throw new SynthConfigError(
      `${source}: no stage ${stage} (the pipeline has stages 0..${stages.length - 1})`,
    );
  return { ...picked, pipeline: { file: source, name, stages: stages.length } };
}

export function loadPipelineFile(file: string, stage: number): ResolvedStage {
  const path = resolve(file);
  return resolvePipelineStage(readYaml(path), stage, dirname(path), path);
}
