// What a synthesis run records about where it comes from (meta `lineage`) and what identifies it
// (the ledger's config: anything that changes results; endpoints and concurrency do not).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "../core/hash.js";
import type { PolicyConfig } from "../agent/eval.js";
import { Ledger, LEDGER_FILE } from "../store/ledger.js";
import { acceptedCount } from "../store/synth-store.js";
import { policyModel, SynthConfigError, type ResolvedStage, type Role } from "./config.js";
import { openRun } from "./drafts.js";
import type { SynthMeta } from "./store.js";

export function rolePolicy(st: ResolvedStage, role: Role): PolicyConfig {
  const p = role === "teacher" ? st.config.teacher : st.config.student;
  if (!p) throw new SynthConfigError(`stage ${st.config.stage}: no ${role} model configured`);
  return p;
}

export interface PreviousRun {
  dir: string;
  stage: number | null;
  trace_type: string | null;
  accepted: number | null;
}

export interface Lineage {
  stage: number;
  name: string | null;
  config_file: string | null;
  pipeline: { file: string; name: string; stages: number } | null;
  trace_type: string;
  teacher: string;
  /** The model this stage's data fine-tunes (stage N >= 1: the model fine-tuned on stage N-1's data). */
  student: string | null;
  state_model: { role: Role; model: string };
  transition_model: { role: Role; model: string };
  drafts: { run: string | null; selection_file: string | null; sampled: boolean };
  previous_run: PreviousRun | null;
}

/** Reads the previous stage's run; a named previous run that does not exist is an error. */
export function readPreviousRun(st: ResolvedStage): PreviousRun | null {
  const dir = st.config.previous_run;
  if (!dir) return null;
  if (!existsSync(join(dir, LEDGER_FILE))) {
    const how = st.pipeline
      ? `run \`llm4cov synth --pipeline ${st.pipeline.file} --stage ${st.config.stage - 1}\` first`
      : "check previous_run";
    throw new SynthConfigError(
      `stage ${st.config.stage} follows the run in ${dir}, which holds no ledger: ${how} ` +
        `(its data fine-tunes this stage's student), or set previous_run to where that run lives`,
    );
  }
  const prev = Ledger.openExisting(dir);
  try {
    const meta = prev.getMeta<SynthMeta>("synth");
    const accepted = meta ? acceptedCount(prev) : null;
    return { dir, stage: meta?.stage ?? null, trace_type: meta?.trace_type ?? null, accepted };
  } finally {
    prev.close();
  }
}

export function buildLineage(
  st: ResolvedStage,
  previous: PreviousRun | null,
  draftsRun: string | null,
): Lineage {
  const c = st.config;
  return {
    stage: c.stage,
    name: c.name ?? null,
    config_file: st.source,
    pipeline: st.pipeline,
    trace_type: st.traceType,
    teacher: policyModel(c.teacher),
    student: c.student ? policyModel(c.student) : null,
    state_model: { role: c.state_model, model: policyModel(rolePolicy(st, c.state_model)) },
    transition_model: { role: c.transition_model, model: policyModel(rolePolicy(st, c.transition_model)) },
    drafts: { run: draftsRun, selection_file: c.drafts.selection ?? null, sampled: !!c.drafts.sample },
    previous_run: previous,
  };
}

export function synthMeta(st: ResolvedStage): SynthMeta {
  const c = st.config;
  return {
    kind: "synth",
    stage: c.stage,
    trace_type: st.traceType,
    state_model: policyModel(rolePolicy(st, c.state_model)),
    transition_model: policyModel(rolePolicy(st, c.transition_model)),
    teacher: policyModel(c.teacher),
    student: c.student ? policyModel(c.student) : null,
    strategy: c.drafts.selection ? "from_file" : c.selection.strategy,
    k: c.k,
    delta: c.delta,
    min_coverage: st.minCoverage,
    allow_metric_drop: c.allow_metric_drop,
  };
}

/**
 * The ledger identity of a synthesis run. Inputs count by content, never by path (the dataset's
 * hash, the draft run's config hash, the selection file's sha256), so a moved tree reruns the same.
 */
export function synthIdentity(
  st: ResolvedStage,
  dataset?: { hash: string; format: string },
  /** The simulator version the stage uses (probed): two versions never share a run. */
  simulatorVersion?: string,
): Record<string, unknown> {
  const c = st.config;
  let drafts: Record<string, unknown>;
  if (c.drafts.sample) {
    const { mode, rounds } = c.drafts.sample;
    drafts = { sample: { mode, rounds: mode === "direct" ? 0 : rounds } };
  } else if (c.drafts.from_run) {
    const run = openRun(c.drafts.from_run);
    drafts = { from_run: { run_config: run.configHash } };
    run.close();
  } else {
    const file = c.drafts.selection!;
    drafts = { selection: { sha256: sha256(readFileSync(file)) } };
  }
  const meta = synthMeta(st);
  return {
    ...meta,
    ...(simulatorVersion ? { simulator_version: simulatorVersion } : {}),
    dataset: dataset ? { sha256: dataset.hash } : (c.dataset ?? null),
    format: dataset?.format ?? c.format,
    limit: c.limit ?? null,
    drafts,
    drafts_per_repo: c.drafts_per_repo ?? null,
    selection: c.drafts.selection ? null : c.selection,
    rules: c.rules,
    sampling: c.sampling,
    simulator: c.simulator,
    limits: c.limits,
  };
}
