// `curate parse` on constructed ledgers: the true input state's memoryless prompt, the canonical
// answer, improvement kinds, no rule block, candidates tables, duplicates.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildMemorylessPrompt, RULES_BEGIN } from "../src/agent/prompt.js";
import { improvementOf, parseRuns } from "../src/curate/parse.js";
import type { SftRow } from "../src/curate/row.js";
import { checkRow } from "../src/curate/validate.js";
import { openLedger, repo, simResult, tb, writeSample } from "./fixtures/curate/build.js";

const tmp = mkdtempSync(join(tmpdir(), "llm4cov-curate-parse-"));
const read = (p: string) =>
  readFileSync(p, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SftRow);

describe("improvementOf", () => {
  it("classifies direct, gain, fail->pass, regression and none", () => {
    expect(improvementOf(null, { status: "pass", score: 0.4 })).toBe("gain");
    expect(improvementOf(null, { status: "compile_error", score: 0 })).toBe("none");
    expect(improvementOf({ status: "compile_error", score: 0 }, { status: "pass", score: 0 })).toBe(
      "fail_to_pass",
    );
    expect(improvementOf({ status: "no_testbench", score: 0 }, { status: "no_finish", score: 0.2 })).toBe(
      "fail_to_pass",
    );
    expect(improvementOf({ status: "pass", score: 0.5 }, { status: "timeout", score: 0 })).toBe("regression");
    expect(improvementOf({ status: "pass", score: 0.5 }, { status: "pass", score: 0.4 })).toBe("regression");
    expect(improvementOf({ status: "pass", score: 0.5 }, { status: "pass", score: 0.5 })).toBe("none");
    expect(improvementOf({ status: "pass", score: 0.5 }, { status: "pass", score: 0.75 })).toBe("gain");
    expect(improvementOf({ status: "timeout", score: 0 }, { status: "compile_error", score: 0 })).toBe(
      "none",
    );
  });
});

describe("curate parse (eval ledgers)", () => {
  const dir = join(tmp, "agentic");
  const r = repo("task_a");
  const ledger = openLedger(dir, "agentic", { rules: true });
  writeSample(ledger, r, 0, [
    { round: 0, testbench: tb("r0"), score: 0.6 },
    { round: 1, testbench: tb("r1"), status: "compile_error" },
    { round: 2, testbench: tb("r2"), score: 0.7 },
    { round: 3, testbench: null },
    { round: 4, testbench: tb("r4"), score: 0.65 },
    // climbing: round 5 continues from the best state (round 2), not the latest
    { round: 5, from: 2, testbench: tb("r5"), score: 0.9, model: "m-other" },
  ]);
  ledger.close();

  it("writes one row per transition with a testbench, from the true input state", async () => {
    const out = join(tmp, "agentic.jsonl");
    const rep = await parseRuns([dir], out);
    expect(rep.runs[0]).toMatchObject({ run_type: "agentic", source: "transitions", seen: 6, rows: 5 });
    expect(rep.runs[0]!.skipped).toEqual({ no_testbench_in_answer: 1 });
    const rows = read(out);
    expect(rows.map((x) => [x.meta.round, x.meta.improvement, x.meta.input_status])).toEqual([
      [0, "gain", null],
      [1, "regression", "pass"],
      [2, "fail_to_pass", "compile_error"],
      [4, "fail_to_pass", "no_testbench"],
      [5, "gain", "pass"],
    ]);
    for (const row of rows) {
      expect(checkRow(row)).toEqual([]);
      expect(JSON.stringify(row)).not.toContain(RULES_BEGIN);
      expect(row.meta.task_id).toBe("task_a");
      expect(row.meta.tokens).toBeNull();
    }
    // Round 5's prompt is the memoryless prompt of state 2 (its true input), answer round 5's testbench.
    const r5 = rows[4]!;
    expect(r5.messages.slice(0, -1)).toEqual(
      buildMemorylessPrompt({ repo: r, testbench: tb("r2"), result: simResult("pass", 0.7) }),
    );
    expect(r5.messages.at(-1)!.content).toBe("```systemverilog\n" + tb("r5") + "\n```");
    expect(r5.meta).toMatchObject({ input_cov: 0.7, output_cov: 0.9, state_model: "m-policy" });
    expect(r5.meta.transition_model).toBe("m-other");
    // The parse-error input state: no assistant turn, feedback asks for a testbench again.
    const r4 = rows[3]!;
    expect(r4.messages.map((m) => m.role)).toEqual(["system", "user", "user", "assistant"]);
    expect(r4.messages[2]!.content).toContain("Your previous answer had no testbench");
    // Direct row: system, user, answer.
    expect(rows[0]!.messages.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
    expect(rows[0]!.meta.state_model).toBeNull();
  });

  it("writes identical rows once across runs unless asked", async () => {
    const out = join(tmp, "twice.jsonl");
    const rep = await parseRuns([dir, dir], out);
    expect(rep.rows).toBe(5);
    expect(rep.duplicates).toBe(5);
    const all = await parseRuns([dir, dir], join(tmp, "twice-all.jsonl"), { keepDuplicates: true });
    expect(all.rows).toBe(10);
  });

  it("labels direct and vanilla runs by their mode", async () => {
    const d = join(tmp, "direct");
    const l = openLedger(d, "direct");
    writeSample(l, repo("task_b"), 0, [{ round: 0, testbench: tb("d0"), score: 0.3 }]);
    writeSample(l, repo("task_b"), 1, [{ round: 0, testbench: tb("d1"), status: "timeout" }]);
    l.close();
    const v = join(tmp, "vanilla");
    const lv = openLedger(v, "vanilla");
    writeSample(lv, repo("task_c"), 0, [
      { round: 0, testbench: tb("v0"), score: 0.3 },
      { round: 1, testbench: tb("v1"), score: 0.5 },
    ]);
    lv.close();
    const out = join(tmp, "dv.jsonl");
    const rep = await parseRuns([d, v], out);
    expect(rep.runs.map((x) => [x.run_type, x.rows])).toEqual([
      ["direct", 2],
      ["vanilla", 2],
    ]);
    const rows = read(out);
    expect(rows[1]!.meta).toMatchObject({ improvement: "none", output_status: "timeout", output_cov: 0 });
    // A vanilla transition is stored as the memoryless transition from its last state.
    expect(rows[3]!.messages).toHaveLength(5);
  });
});

describe("curate parse (synthesis ledgers with a candidates table)", () => {
  function synthLedger(name: string, ddl: string, rowsOf: (ids: Map<number, string>) => unknown[][]) {
    const dir = join(tmp, name);
    const l = openLedger(dir, "agentic");
    const ids = writeSample(l, repo("task_s"), 0, [
      { round: 0, testbench: tb("draft"), score: 0.4, model: "student" },
      { round: 1, testbench: tb("cand-a"), score: 0.8, model: "teacher" },
      { round: 2, from: 0, testbench: tb("cand-b"), score: 0.9, model: "teacher" },
      { round: 3, from: 0, testbench: tb("cand-c"), score: 0.3, model: "teacher" },
    ]);
    // Every ledger carries the synthesis tables (empty in eval runs); replace them with this layout.
    l.db.exec(`DROP TABLE IF EXISTS candidates; ${ddl}`);
    const cols = (l.db.prepare("PRAGMA table_info(candidates)").all() as { name: string }[]).length;
    const ins = l.db.prepare(`INSERT INTO candidates VALUES (${Array(cols).fill("?").join(",")})`);
    for (const v of rowsOf(ids)) ins.run(...v);
    l.close();
    return dir;
  }

  it("keeps only accepted candidates, with stage, trace type and models", async () => {
    const dir = synthLedger(
      "synth",
      `CREATE TABLE candidates (candidate_id TEXT PRIMARY KEY, input_state_id TEXT, output_state_id TEXT,
        accepted INTEGER, reject_reason TEXT, stage INTEGER, trace_type TEXT, state_model TEXT, transition_model TEXT)`,
      (ids) => [
        ["c-a", ids.get(0), ids.get(1), 0, "not the best", 1, "imitation", "student", "teacher"],
        ["c-b", ids.get(0), ids.get(2), 1, null, 1, "imitation", "student", "teacher"],
        ["c-c", ids.get(0), ids.get(3), 0, "below delta", 1, "imitation", "student", "teacher"],
      ],
    );
    const out = join(tmp, "synth.jsonl");
    const rep = await parseRuns([dir], out);
    expect(rep.runs[0]).toMatchObject({ run_type: "synth", source: "candidates", seen: 1, rows: 1 });
    const [row] = read(out);
    expect(row!.meta).toMatchObject({
      run_type: "synth",
      stage: 1,
      trace_type: "imitation",
      state_model: "student",
      transition_model: "teacher",
      transition_id: "c-b",
      input_cov: 0.4,
      output_cov: 0.9,
      improvement: "gain",
      round: 2,
    });
    expect(row!.messages.at(-1)!.content).toContain("cand-b");
    expect(row!.messages[2]!.content).toContain("draft");
    expect(checkRow(row)).toEqual([]);
  });

  it("reads the synthesis layout of src/synth: lineage from meta and selections", async () => {
    const dir = join(tmp, "synth-native");
    const l = openLedger(dir, "agentic");
    const ids = writeSample(l, repo("task_n"), 0, [
      { round: 0, testbench: tb("draft"), status: "compile_error", model: "student" },
      { round: 1, testbench: tb("fix-a"), score: 0.55, model: "teacher" },
      { round: 2, from: 0, testbench: tb("fix-b"), score: 0.6, model: "teacher" },
    ]);
    const sampleId = ids.get(0)!.replace(/:s0$/, "");
    l.db.prepare("INSERT INTO meta(key, value) VALUES ('synth', ?)").run(
      JSON.stringify({
        kind: "synth",
        stage: 2,
        trace_type: "self_sampling",
        state_model: "student",
        transition_model: "student-2",
      }),
    );
    l.db
      .prepare(
        `INSERT INTO selections(sample_id, task_id, input_state_id, source_run, source_state_id, split, fill, state_model,
         input_score, input_status, created_at) VALUES (?, 'task_n', ?, 'runs/drafts', 'x', 'failure', 0, 'student-sel', 0, 'compile_error', 'now')`,
      )
      .run(sampleId, ids.get(0));
    const put = l.db.prepare(
      `INSERT INTO candidates(candidate_id, sample_id, task_id, candidate_index, input_state_id, output_state_id, split,
       accepted, reason, improvement, gain, input_score, output_score, created_at)
       VALUES (?, ?, 'task_n', ?, ?, ?, 'failure', ?, ?, 'fail_to_pass', ?, 0, ?, 'now')`,
    );
    put.run("cand-0", sampleId, 0, ids.get(0), ids.get(1), 0, "not the best", 0.55, 0.55);
    put.run("cand-1", sampleId, 1, ids.get(0), ids.get(2), 1, null, 0.6, 0.6);
    l.close();
    const out = join(tmp, "synth-native.jsonl");
    const rep = await parseRuns([dir], out);
    expect(rep.runs[0]).toMatchObject({ run_type: "synth", source: "candidates", rows: 1 });
    const rows = read(out);
    expect(rows[0]!.meta).toMatchObject({
      transition_id: "cand-1",
      stage: 2,
      trace_type: "self_sampling",
      state_model: "student-sel",
      transition_model: "teacher",
      improvement: "fail_to_pass",
      input_status: "compile_error",
      round: 2,
    });
    expect(checkRow(rows[0])).toEqual([]);
  });

  it("reads an eval ledger's transitions when its candidates table is empty", async () => {
    const dir = join(tmp, "agentic");
    const rep = await parseRuns([dir], join(tmp, "again.jsonl"));
    expect(rep.runs[0]!.source).toBe("transitions");
  });

  it("accepts a candidates table that points at transitions, and spellings like full-teacher", async () => {
    const dir = synthLedger(
      "synth-t",
      "CREATE TABLE candidates (transition_id TEXT, accepted INTEGER, trace_type TEXT)",
      (ids) => [
        [ids.get(1)!.replace(/:s(\d+)$/, ":t$1"), 1, "full-teacher"],
        [ids.get(3)!.replace(/:s(\d+)$/, ":t$1"), 0, "full-teacher"],
      ],
    );
    const out = join(tmp, "synth-t.jsonl");
    await parseRuns([dir], out);
    const rows = read(out);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.meta).toMatchObject({
      trace_type: "full_teacher",
      transition_model: "teacher",
      state_model: "student",
      round: 1,
      stage: null,
    });
  });
});
