// Stage and pipeline files: validation messages that name the field, trace types, path
// resolution, pipeline inheritance and the previous-run requirement of later stages.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  loadPipelineFile,
  loadStageFile,
  resolvePipelineStage,
  resolveStage,
  SynthConfigError,
  traceTypeOf,
} from "../src/synth/config.js";
import { readPreviousRun } from "../src/synth/lineage.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-synth-config-"));
const base = {
  stage: 1,
  dataset: "data.jsonl",
  teacher: { kind: "builtin" },
  student: { kind: "openai", endpoints: ["http://localhost:8001/v1"], model: "stage0-sft" },
  state_model: "student",
  transition_model: "teacher",
  drafts: { sample: { mode: "direct" } },
};
const errorOf = (raw: unknown) => {
  try {
    resolveStage(raw, "/cfg", "stage.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(SynthConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a SynthConfigError");
};

describe("stage config", () => {
  it("derives the trace type from the two roles", () => {
    expect(traceTypeOf("teacher", "teacher")).toBe("full_teacher");
    expect(traceTypeOf("student", "teacher")).toBe("imitation");
    expect(traceTypeOf("student", "student")).toBe("self_sampling");
    expect(traceTypeOf("teacher", "student")).toBeNull();
    const st = resolveStage(base, "/cfg", null);
    expect(st.traceType).toBe("imitation");
    expect(st.config).toMatchObject({
      k: 4,
      delta: 0.01,
      selection: { strategy: "worst", median_threshold: 0.1 },
    });
  });

  it("defaults min_coverage to 0.5 at stage 0 only, and resolves paths from the file's directory", () => {
    const s0 = resolveStage(
      { ...base, stage: 0, state_model: "teacher", transition_model: "teacher" },
      "/cfg",
      null,
    );
    expect(s0.minCoverage).toBe(0.5);
    expect(s0.traceType).toBe("full_teacher");
    expect(resolveStage(base, "/cfg", null).minCoverage).toBe(0);
    expect(resolveStage({ ...base, min_coverage: 0.3 }, "/cfg", null).minCoverage).toBe(0.3);
    const st = resolveStage(
      { ...base, out: "out/s1", drafts: { from_run: "../runs/eval" } },
      "/cfg/dir",
      null,
    );
    expect(st.config.dataset).toBe("/cfg/dir/data.jsonl");
    expect(st.config.drafts.from_run).toBe("/cfg/runs/eval");
    expect(st.out).toBe("/cfg/dir/out/s1");
    expect(resolveStage(base, "/cfg", null).out).toBe(resolve("runs", "synth-stage1"));
  });

  it("names the field of every error", () => {
    expect(errorOf({ ...base, k: 0 })).toMatch(/- k: Too small/);
    expect(errorOf({ ...base, delta: "0.01" })).toMatch(/- delta: .*expected number/);
    expect(errorOf({ ...base, deltaa: 0.02 })).toMatch(/Unrecognized key: "deltaa"/);
    expect(errorOf({ ...base, selection: { strategy: "worstest" } })).toMatch(
      /- selection\.strategy: Invalid option/,
    );
    expect(errorOf({ ...base, teacher: { kind: "openai", model: "m" } })).toMatch(/- teacher\.endpoints:/);
    expect(errorOf({ ...base, stage: undefined })).toMatch(/- stage:/);
    expect(errorOf({ ...base, drafts: {} })).toMatch(/- drafts: give one of from_run .*sample.*selection/);
    expect(errorOf({ ...base, drafts: { from_run: "a", selection: "b" } })).toMatch(
      /- drafts: give only one/,
    );
    expect(errorOf({ ...base, student: undefined })).toMatch(
      /- student: required because state_model is student/,
    );
    expect(errorOf({ ...base, state_model: "teacher", transition_model: "student" })).toMatch(
      /- transition_model: teacher states with student transitions is not a trace type/,
    );
    expect(errorOf({ ...base, trace_type: "self_sampling" })).toMatch(
      /- trace_type: self_sampling disagrees .*imitation/,
    );
    expect(errorOf({ ...base, dataset: undefined })).toMatch(/- dataset: required when drafts are sampled/);
    expect(errorOf({ ...base, state_model: "pupil" })).toMatch(/- state_model: Invalid option/);
    expect(errorOf({ ...base, selection: { median_threshold: 2 } })).toMatch(
      /- selection\.median_threshold: Too big/,
    );
  });

  it("reports unreadable and malformed YAML with the file name", () => {
    expect(() => loadStageFile(join(tmp, "missing.yaml"))).toThrow(/missing\.yaml: cannot read/);
    const bad = join(tmp, "bad.yaml");
    writeFileSync(bad, "stage: [1\n");
    expect(() => loadStageFile(bad)).toThrow(/bad\.yaml: not valid YAML/);
  });

  it("loads every bundled example stage and pipeline file", () => {
    const s0 = loadStageFile(join(root, "examples/synth/stage0-builtin.yaml"));
    expect(s0.config.dataset).toBe(join(root, "examples/designs.jsonl"));
    expect(s0).toMatchObject({ traceType: "full_teacher", minCoverage: 0.5 });
    expect(s0.config.selection.with_failure).toBe(true);
    expect(loadStageFile(join(root, "examples/synth/stage1-imitation.yaml")).traceType).toBe("imitation");
    const types = [0, 1, 2].map(
      (n) => loadPipelineFile(join(root, "examples/synth/pipeline.yaml"), n).traceType,
    );
    expect(types).toEqual(["full_teacher", "imitation", "self_sampling"]);
    const b = [0, 1, 2].map((n) => loadPipelineFile(join(root, "examples/synth/pipeline-builtin.yaml"), n));
    expect(b.map((x) => x.traceType)).toEqual(["full_teacher", "imitation", "self_sampling"]);
  });
});

describe("pipeline", () => {
  const pipeline = {
    name: "p",
    dataset: "d.jsonl",
    out: "runs/p",
    teacher: { kind: "builtin" },
    defaults: { k: 2, drafts: { sample: { mode: "direct" } } },
    stages: [
      { stage: 0, state_model: "teacher", transition_model: "teacher", k: 3 },
      { stage: 1, student: { kind: "builtin" }, state_model: "student", transition_model: "teacher" },
      { stage: 2, student: { kind: "builtin" }, state_model: "student", transition_model: "student" },
    ],
  };

  it("inherits dataset, teacher and defaults; stage N writes to <out>/stage<N> after <out>/stage<N-1>", () => {
    const s0 = resolvePipelineStage(pipeline, 0, "/cfg", "/cfg/p.yaml");
    const s2 = resolvePipelineStage(pipeline, 2, "/cfg", "/cfg/p.yaml");
    expect(s0.config).toMatchObject({ dataset: "/cfg/d.jsonl", k: 3 });
    expect(s0.out).toBe("/cfg/runs/p/stage0");
    expect(s0.config.previous_run).toBeUndefined();
    expect(s2.config.k).toBe(2);
    expect(s2.out).toBe("/cfg/runs/p/stage2");
    expect(s2.config.previous_run).toBe("/cfg/runs/p/stage1");
    expect(s2.pipeline).toEqual({ file: "/cfg/p.yaml", name: "p", stages: 3 });
  });

  it("validates every stage, with the stage named in the message", () => {
    const broken = {
      ...pipeline,
      stages: [pipeline.stages[0], { stage: 1, state_model: "student", transition_model: "teacher" }],
    };
    expect(() => resolvePipelineStage(broken, 0, "/cfg", "p.yaml")).toThrow(
      /p\.yaml stage 1: invalid stage config:\n {2}- student: required/,
    );
    const gap = { ...pipeline, stages: [pipeline.stages[0], pipeline.stages[2]] };
    expect(() => resolvePipelineStage(gap, 0, "/cfg", "p.yaml")).toThrow(
      /numbered 0, 1, 2, \.\.\. in order \(found 0, 2\)/,
    );
    expect(() => resolvePipelineStage(pipeline, 5, "/cfg", "p.yaml")).toThrow(
      /no stage 5 \(the pipeline has stages 0\.\.2\)/,
    );
    expect(() => resolvePipelineStage({ ...pipeline, stages: [] }, 0, "/cfg", "p.yaml")).toThrow(
      /- stages: Too small/,
    );
  });

  it("a later stage refuses to run before the previous stage's run exists", () => {
    const s1 = resolvePipelineStage(pipeline, 1, tmp, join(tmp, "p.yaml"));
    expect(() => readPreviousRun(s1)).toThrow(
      /stage 1 follows the run in .*stage0, which holds no ledger: run `llm4cov synth --pipeline .*p\.yaml --stage 0` first/,
    );
    expect(readPreviousRun(resolvePipelineStage(pipeline, 0, tmp, join(tmp, "p.yaml")))).toBeNull();
  });

  it("the YAML round trip of a pipeline loads from disk", () => {
    const file = join(tmp, "pipe.yaml");
    writeFileSync(file, stringify(pipeline));
    expect(loadPipelineFile(file, 1).traceType).toBe("imitation");
  });
});
