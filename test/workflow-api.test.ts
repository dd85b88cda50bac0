// The workflow API in-process: definition checks, the registry, what `step` accepts, concurrent
// steps, tools.simulate, --stop-when, and a custom workflow's resume (stored steps reused).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  defineWorkflow,
  getWorkflow,
  listWorkflows,
  registerWorkflow,
  runEval,
  LocalExecutor,
  BuiltinProvider,
  type WorkflowState,
} from "../src/index.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-wf-api-"));
const exec = new LocalExecutor({ slots: 2 });
afterAll(async () => {
  await exec.close();
  rmSync(tmp, { recursive: true, force: true });
});

function dataset(ids: string[], name: string): string {
  const dir = join(tmp, "data");
  mkdirSync(dir, { recursive: true });
  const rows = readFileSync(join(root, "examples", "designs.jsonl"), "utf8")
    .split("\n")
    .filter((l) => ids.some((id) => new RegExp(`"id":\\s*"${id}"`).test(l)));
  expect(rows).toHaveLength(ids.length);
  const path = join(dir, name);
  writeFileSync(path, rows.join("\n") + "\n");
  return path;
}
const counter = dataset(["llm4cov_ex_counter"], "counter.jsonl");
const opts = (name: string) => ({
  runDir: join(tmp, name),
  llm: new BuiltinProvider(),
  exec,
  progress: null,
});
const query = (runDir: string, sql: string) => {
  const db = new Database(join(runDir, "ledger.sqlite"), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
};

describe("defineWorkflow and the registry", () => {
  it("checks names, versions and run", () => {
    expect(() =>
      defineWorkflow({ name: "has space", version: "1", run: async (t) => t.initialState }),
    ).toThrow(/workflow name/);
    expect(() => defineWorkflow({ name: "x", version: "", run: async (t) => t.initialState })).toThrow(
      /version/,
    );
    expect(() => defineWorkflow({ name: "x", version: "1" } as never)).toThrow(/run is not a function/);
  });

  it("registers, refuses built-in names and lists every workflow", () => {
    const mine = defineWorkflow({
      name: "api-test-one",
      version: "2",
      run: async (t, step) => step(t.initialState),
    });
    registerWorkflow(mine);
    expect(getWorkflow("api-test-one")).toBe(mine);
    expect(listWorkflows().map((w) => w.name)).toEqual(
      expect.arrayContaining(["direct", "agentic", "vanilla", "api-test-one"]),
    );
    const fake = defineWorkflow({ name: "agentic", version: "9", run: async (t) => t.initialState });
    expect(() => registerWorkflow(fake, { replace: true })).toThrow(/built-in/);
    const other = defineWorkflow({ name: "api-test-one", version: "3", run: async (t) => t.initialState });
    expect(() => registerWorkflow(other)).toThrow(/already registered/);
  });
});

describe("custom workflows in runEval", () => {
  it("a registered name works as mode; the summary names the workflow", async () => {
    const s = await runEval({ dataset: counter, samples: 1, mode: "api-test-one" }, opts("by-name"));
    expect(s.workflow).toEqual({ name: "api-test-one", version: "2" });
    expect(s.samples_done).toBe(1);
  });

  it("concurrent steps get distinct step indices in call order; tools.simulate is not stored", async () => {
    let simulated: WorkflowState | null = null;
    const fan = defineWorkflow({
      name: "fan-out",
      version: "1",
      async run(task, step, tools) {
        const outs = await Promise.all([0, 1, 2].map(() => step(task.initialState)));
        expect(outs.map((o) => o.step)).toEqual([0, 1, 2]);
        simulated = await tools.simulate(outs[0]!.testbench!);
        expect(tools.history()).toEqual(outs);
        return tools.best(outs)!;
      },
    });
    const runDir = join(tmp, "fan-out");
    const s = await runEval({ dataset: counter, samples: 1, workflow: fan }, opts("fan-out"));
    expect(s.samples_done).toBe(1);
    expect(simulated!.id).toBeNull();
    expect(simulated!.status).toBe(query(runDir, "SELECT status FROM states WHERE round = 0")[0]!.status);
    expect(query(runDir, "SELECT COUNT(*) n FROM states")[0]!.n).toBe(3);
    // Three different seeds: three different answers.
    const answers = query(runDir, "SELECT answer FROM llm_calls").map((r) => r.answer);
    expect(new Set(answers).size).toBe(3);
  });

  it("a forged state or a result that is not a step fails the sample with the reason", async () => {
    const forger = defineWorkflow({
      name: "forger",
      version: "1",
      async run(task, step) {
        const a = await step(task.initialState);
        return step({ ...a, id: "made-up", score: 1 });
      },
    });
    const s = await runEval({ dataset: counter, samples: 1, workflow: forger }, opts("forger"));
    expect(s.samples_done).toBe(0);
    expect(s.failures[0]!.error).toMatch(
      /workflow forger: step\(\) got a state that is not one of this sample's/,
    );
    const liar = defineWorkflow({
      name: "liar",
      version: "1",
      run: async (task) => ({ ...task.initialState, id: "x", score: 1 }),
    });
    const s2 = await runEval({ dataset: counter, samples: 1, workflow: liar }, opts("liar"));
    expect(s2.failures[0]!.error).toMatch(
      /run\(\) must resolve to task.initialState or a state step returned/,
    );
    const thrower = defineWorkflow({
      name: "thrower",
      version: "1",
      run: async () => {
        throw new RangeError("boom");
      },
    });
    const s3 = await runEval({ dataset: counter, samples: 1, workflow: thrower }, opts("thrower"));
    expect(s3.failures[0]!.error).toBe("workflow thrower: run() threw: RangeError: boom");
  });

  it("resume reuses a custom workflow's stored steps: no LLM call, no simulation", async () => {
    let calls = 0;
    const counting = defineWorkflow({
      name: "counting",
      version: "1",
      async run(task, step) {
        calls++;
        const a = await step(task.initialState);
        return step(a);
      },
    });
    const o = opts("resume-custom");
    await runEval({ dataset: counter, samples: 1, workflow: counting }, o);
    const before = query(o.runDir, "SELECT * FROM llm_calls ORDER BY call_id");
    // Forget that the sample finished: resume must replay it from the stored steps.
    const db = new Database(join(o.runDir, "ledger.sqlite"));
    db.prepare("UPDATE samples SET status = 'running'").run();
    db.close();
    const llm = new BuiltinProvider();
    let asked = 0;
    const complete = llm.complete.bind(llm);
    llm.complete = (...args) => (asked++, complete(...args));
    const jobs = exec.stats().done;
    const s = await runEval(
      { dataset: counter, samples: 1, workflow: counting },
      { ...o, llm, resume: true },
    );
    expect(calls).toBe(2);
    expect(asked).toBe(0);
    // Only the run's lint-only simulator-version probe ran (src/exec/version-guard.ts).
    expect(exec.stats().done).toBe(jobs + 1);
    expect(s.samples_done).toBe(1);
    expect(query(o.runDir, "SELECT * FROM llm_calls ORDER BY call_id")).toEqual(before);
  });
});

describe("resume of a workflow that is not deterministic", () => {
  it("fails the sample naming the step instead of returning a state it did not ask for", async () => {
    let runs = 0;
    const fickle = defineWorkflow({
      name: "fickle",
      version: "1",
      async run(task, step) {
        runs++;
        const a = await step(task.initialState);
        // First run repairs a; a resumed run asks for step 1 from the initial state instead.
        return step(runs === 1 ? a : task.initialState);
      },
    });
    const o = opts("fickle");
    await runEval({ dataset: counter, samples: 1, workflow: fickle }, o);
    const db = new Database(join(o.runDir, "ledger.sqlite"));
    db.prepare("UPDATE samples SET status = 'running'").run();
    db.close();
    const s = await runEval({ dataset: counter, samples: 1, workflow: fickle }, { ...o, resume: true });
    expect(s.samples_done).toBe(0);
    expect(s.failures[0]!.error).toMatch(
      /workflow fickle: step 1 was stored from state \S+:s0 but is now asked from initial/,
    );
  });
});

describe("--stop-when", () => {
  // A design the built-in policy meets the target on early but does not cover fully.
  const ds = dataset(["llm4cov_ex_counter", "llm4cov_ex_uart_tx"], "stop.jsonl");
  it("target stops once the targets are met; full and never keep going", async () => {
    const rounds = async (stopWhen: "full" | "target" | "never") => {
      const o = opts(`stop-${stopWhen}`);
      const s = await runEval({ dataset: ds, samples: 2, rounds: 3, stopWhen }, o);
      expect(s.stop_when).toBe(stopWhen);
      return query(
        o.runDir,
        "SELECT sample_id, round, cov_pass, score FROM states ORDER BY sample_id, round",
      ) as { sample_id: string; round: number; cov_pass: number; score: number }[];
    };
    const never = await rounds("never");
    expect(never).toHaveLength(4 * 4); // every sample runs all 1 + 3 rounds
    const target = await rounds("target");
    const bySample = new Map<string, typeof target>();
    for (const r of target) bySample.set(r.sample_id, [...(bySample.get(r.sample_id) ?? []), r]);
    let stoppedEarly = 0;
    for (const rows of bySample.values()) {
      // No round after the first state that met the targets (or covered everything).
      const first = rows.findIndex((r) => r.cov_pass === 1 || r.score >= 1 - 1e-9);
      expect(rows.length).toBe(first === -1 ? 4 : first + 1);
      if (first !== -1 && first < 3) stoppedEarly++;
    }
    expect(stoppedEarly).toBeGreaterThan(0);
    const full = await rounds("full");
    expect(full.length).toBeGreaterThanOrEqual(target.length);
  });
});
