// Synthesis end to end on bundled example designs: the built-in policy as both models, real
// Verilator simulations, the CLI, re-simulation of accepted rows, partial resume, a pipeline stage.
import { Command } from "commander";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { CliContext } from "../src/cli/context.js";
import { selectCommand, synthCommand } from "../src/cli/commands/synth.js";
import type { Repository } from "../src/core/repository.js";
import { coverageScore } from "../src/core/state.js";
import { LocalExecutor } from "../src/exec/local.js";
import { BuiltinProvider } from "../src/llm/builtin/policy.js";
import type { ChatRequest, ChatResponse } from "../src/llm/types.js";
import { Ledger } from "../src/store/ledger.js";
import { loadStageFile } from "../src/synth/config.js";
import { loadRepo } from "../src/synth/drafts.js";
import type { Lineage } from "../src/synth/lineage.js";
import { acceptedTransitions } from "../src/synth/store.js";
import type { SynthSummary } from "../src/synth/summary.js";
import { runSynth } from "../src/synth/synth.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-synth-e2e-"));
const exec = new LocalExecutor({ slots: 2 });
afterAll(() => exec.close());

// Designs where the built-in policy's first draft leaves coverage to gain (others reach 100 %).
const IDS = ["llm4cov_ex_counter", "llm4cov_ex_traffic_light", "llm4cov_ex_vending"];
// The run identity holds the dataset's content hash (not its path), which seeds the built-in
// policy, so every test run samples the same drafts and candidates wherever the file lives.
const dataset = join(tmp, "designs.jsonl");
writeFileSync(
  dataset,
  readFileSync(join(root, "examples/designs.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l && IDS.includes((JSON.parse(l) as { id: string }).id))
    .join("\n") + "\n",
);
// The bundled stage-0 example, pointed at the three designs.
const stageFile = join(tmp, "stage0.yaml");
const example = parse(readFileSync(join(root, "examples/synth/stage0-builtin.yaml"), "utf8")) as Record<
  string,
  unknown
>;
writeFileSync(stageFile, stringify({ ...example, dataset }));
const out = join(tmp, "stage0");

async function cli(args: string[]): Promise<string> {
  const lines: string[] = [];
  const ctx: CliContext = { out: (t) => lines.push(t), err: () => {}, exitCode: 0, isTTY: false };
  const program = new Command("llm4cov")
    .exitOverride()
    .addCommand(synthCommand(ctx))
    .addCommand(selectCommand(ctx));
  await program.parseAsync(["node", "llm4cov", ...args]);
  return lines.join("\n");
}

class CountingBuiltin extends BuiltinProvider {
  calls = 0;
  override complete(req: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
    this.calls++;
    return super.complete(req, signal);
  }
}

describe("synthesis end to end (built-in policy, Verilator)", () => {
  let summary: SynthSummary;

  it("a stage-0 config produces accepted transitions whose gain is at least delta", async () => {
    const table = await cli(["synth", "--config", stageFile, "--out", out, "--slots", "2"]);
    expect(table).toMatch(
      /Synthesis stage 0 \(full_teacher\): states by llm4cov-builtin, transitions by llm4cov-builtin/,
    );
    summary = JSON.parse(readFileSync(join(out, "synth-summary.json"), "utf8")) as SynthSummary;
    expect(summary.drafts).toMatchObject({ tasks: 3, drafts: 9, waiting: 0 });
    // every design leaves coverage to gain after one draft: each yields its worst state
    expect(summary.selected.by_split.worst).toBe(3);
    expect(summary.selected.total).toBeGreaterThanOrEqual(3);
    expect(summary.candidates).toBe(summary.selected.total * 3);
    expect(summary.accepted).toBeGreaterThan(0);
    const rejected = Object.values(summary.rejections).reduce((a, b) => a + b, 0);
    expect(rejected).toBe(summary.candidates - summary.accepted);
    expect(summary.samples_failed).toBe(0);

    const ledger = Ledger.openExisting(out);
    const rows = acceptedTransitions(ledger);
    ledger.close();
    expect(rows).toHaveLength(summary.accepted);
    for (const r of rows) {
      if (r.improvement !== "fail_to_pass") expect(r.gain).toBeGreaterThanOrEqual(0.01 - 1e-9);
      expect(r.output_cov).toBeGreaterThanOrEqual(0.5);
      expect(r.output_cov - r.input_cov).toBeCloseTo(r.gain, 12);
    }
  });

  it("re-simulating accepted testbenches reproduces the recorded coverage", async () => {
    const ledger = Ledger.openExisting(out);
    const rows = acceptedTransitions(ledger).slice(0, 3);
    const cfg = loadStageFile(stageFile).config;
    for (const r of rows) {
      const repo: Repository = loadRepo(ledger, r.task_id);
      const state = ledger.findState(r.output_state_id)!;
      const result = await exec.run({
        rtl: repo.rtl,
        testbench: { name: repo.tbFile, content: state.testbench! },
        top: repo.top,
        instance: repo.instance,
        defines: repo.defines,
        targets: repo.targets,
        limits: cfg.limits,
        simulator: cfg.simulator,
      });
      expect(result.status).toBe(r.output_status);
      expect(coverageScore(result)).toBeCloseTo(r.output_cov, 9);
    }
    ledger.close();
  });

  it("resume redoes only the unfinished candidate, and reproduces it exactly", async () => {
    const ledger = Ledger.openExisting(out);
    const victim = acceptedTransitions(ledger)[0]!;
    const sampleId = victim.transition_id.replace(/:c\d+:t$/, "");
    const cand = `${sampleId}:c1`;
    const before = ledger.findState(`${cand}:s`)!;
    const decisions = ledger.db
      .prepare(
        "SELECT candidate_index, accepted, reason FROM candidates WHERE sample_id = ? ORDER BY candidate_index",
      )
      .all(sampleId);
    // as if killed after candidates 0 and 2 of this state were stored
    ledger.db.exec(`DELETE FROM candidates WHERE sample_id = '${sampleId}';
      DELETE FROM sim_jobs WHERE state_id = '${cand}:s'; DELETE FROM transitions WHERE transition_id = '${cand}:t';
      DELETE FROM states WHERE state_id = '${cand}:s'; DELETE FROM llm_calls WHERE call_id = '${cand}:transition_model';
      UPDATE samples SET status = 'running' WHERE sample_id = '${sampleId}';`);
    ledger.close();

    const llm = new CountingBuiltin();
    const st = { ...loadStageFile(stageFile), out };
    const resumed = await runSynth(st, {
      exec,
      resume: true,
      llm: { state: llm, transition: llm },
      progress: null,
    });
    expect(llm.calls).toBe(1);
    expect(resumed.accepted).toBe(summary.accepted);
    expect(resumed.rejections).toEqual(summary.rejections);
    const after = Ledger.openExisting(out);
    expect(after.findState(`${cand}:s`)).toMatchObject({ testbench: before.testbench, score: before.score });
    expect(
      after.db
        .prepare(
          "SELECT candidate_index, accepted, reason FROM candidates WHERE sample_id = ? ORDER BY candidate_index",
        )
        .all(sampleId),
    ).toEqual(decisions);
    after.close();
  });

  it("select runs on the drafts of the synthesis run", async () => {
    const file = join(tmp, "median.jsonl");
    const text = await cli([
      "select",
      "--run",
      join(out, "drafts"),
      "--strategy",
      "median",
      "--with-failure",
      "--out",
      file,
    ]);
    expect(text).toMatch(
      new RegExp(`median-state selection of .*: ${summary.selected.total} states from 9 drafts of 3`),
    );
  });

  it("a pipeline's stage 1 records the stage-0 run it follows", async () => {
    const pipeline = join(tmp, "pipeline.yaml");
    writeFileSync(
      pipeline,
      stringify({
        name: "e2e",
        dataset,
        out: join(tmp, "pipe"),
        teacher: { kind: "builtin" },
        stages: [
          {
            stage: 0,
            state_model: "teacher",
            transition_model: "teacher",
            drafts: { sample: { mode: "direct" } },
          },
          {
            stage: 1,
            student: { kind: "builtin" },
            state_model: "student",
            transition_model: "teacher",
            drafts: { from_run: join(out, "drafts") },
            previous_run: out,
            k: 1,
            limit: 1,
          },
        ],
      }),
    );
    const json = await cli(["synth", "--pipeline", pipeline, "--stage", "1", "--json", "--slots", "2"]);
    const s = JSON.parse(json) as SynthSummary;
    expect(s).toMatchObject({ stage: 1, trace_type: "imitation", run_dir: join(tmp, "pipe", "stage1") });
    expect(s.candidates).toBe(s.selected.total);
    const lineage = s.lineage as Lineage;
    expect(lineage.pipeline).toMatchObject({ name: "e2e", stages: 2 });
    expect(lineage.previous_run).toEqual({
      dir: out,
      stage: 0,
      trace_type: "full_teacher",
      accepted: summary.accepted,
    });
    expect(lineage).toMatchObject({ student: "llm4cov-builtin", state_model: { role: "student" } });
  });
});
