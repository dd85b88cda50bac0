// The synthesis runner on a constructed draft run, with a scripted transition model and a
// scripted executor: wiring of selection -> candidates -> rejection -> ledger, resume, errors.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES_BEGIN } from "../src/agent/prompt.js";
import { ConfigMismatchError, Ledger, RunExistsError } from "../src/store/ledger.js";
import { resolveStage, type StageConfigInput } from "../src/synth/config.js";
import { readSelection, selectRun } from "../src/synth/drafts.js";
import type { Lineage } from "../src/synth/lineage.js";
import { acceptedTransitions, type SynthMeta } from "../src/synth/store.js";
import { runSynth } from "../src/synth/synth.js";
import { ScriptedExecutor, ScriptedModel } from "./fixtures/synth/fakes.js";
import { buildRun } from "./fixtures/synth/ledger.js";

const tmp = mkdtempSync(join(tmpdir(), "llm4cov-synth-runner-"));
const drafts = join(tmp, "drafts");
buildRun(drafts, [
  { id: "a", samples: [[0.9], ["parse"], [0.4], ["compile_error"], [0.8], [0.85]] },
  { id: "b", samples: [["timeout"], ["parse"]] },
  { id: "c", samples: [[1], [1]] },
]);

const stage = (over: Partial<StageConfigInput> = {}) =>
  resolveStage(
    {
      stage: 1,
      teacher: { kind: "openai", endpoints: ["http://127.0.0.1:9/v1"], model: "scripted-teacher" },
      student: { kind: "builtin" },
      state_model: "student",
      transition_model: "teacher",
      drafts: { from_run: drafts },
      selection: { strategy: "worst", with_failure: true },
      k: 3,
      rules: true,
      out: join(tmp, "synth"),
      ...over,
    },
    tmp,
    null,
  );

const script = () => ({
  "a 2 0": [0.405, 0.6, 0.7], // below_delta, not_best, accepted (+0.3)
  "a 3 0": ["compile_error", 0.3, "parse"], // sim_failed, accepted (fail->pass), no_testbench
  "a 4 0": [0.8, "0.95:line0.5", 0.9], // below_delta, metric_fell, accepted (+0.1)
  "b 0 0": ["timeout", "timeout", "runtime_error"], // nothing accepted
});

describe("synthesis runner (scripted model and simulator)", () => {
  it("selects, generates k candidates per state from the true input state, decides and records", async () => {
    const st = stage();
    const llm = new ScriptedModel(script(), ["a 4 0"]);
    const exec = new ScriptedExecutor();
    const first = await runSynth(st, { exec, llm: { transition: llm }, progress: null });
    // the median state's endpoint was down: its sample failed, the others are decided
    expect(first.samples_failed).toBe(1);
    expect(first.failures[0]!.error).toMatch(/LLM call failed/);
    expect(first.accepted).toBe(2);
    expect(llm.sawRules).toBe(llm.requests.length);

    const llm2 = new ScriptedModel(script());
    const s = await runSynth(st, { exec, resume: true, llm: { transition: llm2 }, progress: null });
    expect(llm2.requests).toEqual(["a 4 0", "a 4 0", "a 4 0"]); // only the unfinished state
    expect(s).toMatchObject({
      stage: 1,
      trace_type: "imitation",
      state_model: "llm4cov-builtin",
      transition_model: "scripted-teacher",
      drafts: { tasks: 3, drafts: 10, empty: 1, waiting: 0 },
      selected: { total: 4, done: 4, by_split: { worst: 1, failure: 2, median: 1, best: 0, uniform: 0 } },
      candidates: 12,
      accepted: 3,
      accepted_by_split: { worst: 1, failure: 1, median: 1 },
      improvements: { gain: 2, fail_to_pass: 1 },
      rejections: {
        below_delta: 2,
        not_best: 1,
        sim_failed: 4,
        no_testbench: 1,
        metric_fell: 1,
        below_min_coverage: 0,
      },
      samples_failed: 0,
    });

    const ledger = Ledger.openExisting(st.out);
    const acc = acceptedTransitions(ledger);
    expect(acc.map((a) => [a.task_id, a.split, a.input_status, a.output_cov, a.improvement])).toEqual([
      ["a", "worst", "pass", 0.7, "gain"],
      ["a", "failure", "compile_error", 0.3, "fail_to_pass"],
      ["a", "median", "pass", 0.9, "gain"],
    ]);
    for (const a of acc) {
      expect(a).toMatchObject({
        state_model: "llm4cov-builtin",
        transition_model: "scripted-teacher",
        source_run: drafts,
      });
      expect(a.round).toBe(1);
      // the input is a copy of the true input state, and the prompt shows exactly its testbench
      const input = ledger.findState(a.input_state_id)!;
      const source = Ledger.openExisting(drafts);
      expect(input.testbench).toBe(source.findState(a.source_state_id)!.testbench);
      source.close();
      const call = ledger.db
        .prepare("SELECT messages_json FROM llm_calls WHERE call_id = ?")
        .get(a.llm_call_id) as {
        messages_json: string;
      };
      const msgs = JSON.parse(call.messages_json) as { role: string; content: string }[];
      expect(msgs[2]!.content).toContain(input.testbench!);
      expect(msgs[0]!.content).not.toContain(RULES_BEGIN); // generation-time rules are never stored
    }
    expect(ledger.getMeta<SynthMeta>("synth")).toMatchObject({ stage: 1, trace_type: "imitation", k: 3 });
    expect(ledger.getMeta<Lineage>("lineage")).toMatchObject({
      state_model: { role: "student", model: "llm4cov-builtin" },
      transition_model: { role: "teacher", model: "scripted-teacher" },
      drafts: { run: drafts, sampled: false },
    });
    ledger.close();

    // select reads a synthesis run too: its drafts are the candidate outputs, not the input copies
    const fromSynth = await selectRun(st.out, {
      strategy: "worst",
      withFailure: true,
      medianThreshold: 0.1,
      seed: 0,
    });
    expect(fromSynth).toMatchObject({ tasks: 2, drafts: 12 });
    expect(fromSynth.records.every((r) => r.model === "scripted-teacher" && /:c\d:s$/.test(r.state_id))).toBe(
      true,
    );

    // a finished run resumes to the same result without any call or simulation
    const jobs = exec.jobs;
    const llm3 = new ScriptedModel({});
    const again = await runSynth(st, { exec, resume: true, llm: { transition: llm3 }, progress: null });
    expect(llm3.requests).toEqual([]);
    expect(exec.jobs).toBe(jobs);
    expect(again.accepted).toBe(3);
  });

  it("refuses to reuse the run directory without --resume, and with another configuration", async () => {
    const exec = new ScriptedExecutor();
    await expect(
      runSynth(stage(), { exec, llm: { transition: new ScriptedModel({}) }, progress: null }),
    ).rejects.toThrow(RunExistsError);
    await expect(
      runSynth(stage({ delta: 0.05 }), {
        exec,
        resume: true,
        llm: { transition: new ScriptedModel({}) },
        progress: null,
      }),
    ).rejects.toThrow(ConfigMismatchError);
  });

  it("consumes a selection file, and refuses states written by another model than the state model", async () => {
    const file = join(tmp, "best.jsonl");
    await selectRun(drafts, { strategy: "best", withFailure: false, medianThreshold: 0.1, seed: 0 }, file);
    expect(readSelection(file).map((r) => `${r.task_id}:${r.score}`)).toEqual(["a:0.9", "a:0.85", "b:0"]);
    const llm = new ScriptedModel({ "a 0 0": [0.95], "a 5 0": [0.95], "b 0 0": [0.5] });
    const s = await runSynth(stage({ drafts: { selection: file }, k: 1, out: join(tmp, "from-file") }), {
      exec: new ScriptedExecutor(),
      llm: { transition: llm },
      progress: null,
    });
    expect(s).toMatchObject({ strategy: "from selection file", selected: { total: 3 }, accepted: 3 });
    expect(s.selected.by_split).toMatchObject({ best: 2, failure: 1 });

    const teacherStates = stage({
      state_model: "teacher",
      transition_model: "teacher",
      out: join(tmp, "wrong"),
    });
    await expect(
      runSynth(teacherStates, { exec: new ScriptedExecutor(), llm: { transition: llm }, progress: null }),
    ).rejects.toThrow(/written by llm4cov-builtin, but state_model \(teacher\) is scripted-teacher/);
  });
});
