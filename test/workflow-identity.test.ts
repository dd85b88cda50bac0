// The built-in modes, now registered workflows written on the public API, store exactly the
// rows the pre-registry loop stored for the same seeds. The reference is a frozen copy of that
// loop (test/fixtures/workflow/legacy-workflow.ts), run here beside runEval on the same ledger
// identity: same ids, same prompts, same answers, same states, transitions and sample results.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { EvalConfig, ledgerIdentity, runEval, type EvalConfigInput } from "../src/agent/eval.js";
import { scanDataset } from "../src/data/identity.js";
import { probeSimulatorVersion } from "../src/exec/version-guard.js";
import { openDataset } from "../src/data/index.js";
import { LocalExecutor } from "../src/exec/local.js";
import { BuiltinProvider } from "../src/llm/builtin/policy.js";
import { Ledger } from "../src/store/ledger.js";
import { runSample as legacyRunSample } from "./fixtures/workflow/legacy-workflow.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-wf-identity-"));
const exec = new LocalExecutor({ slots: 2 });
afterAll(async () => {
  await exec.close();
  rmSync(tmp, { recursive: true, force: true });
});

// Two designs where the built-in policy needs feedback rounds (so every mode differs).
const dataset = (() => {
  const dir = join(tmp, "data");
  mkdirSync(dir, { recursive: true });
  const rows = readFileSync(join(root, "examples", "designs.jsonl"), "utf8")
    .split("\n")
    .filter((l) => /"id":\s*"llm4cov_ex_(counter|uart_rx)"/.test(l));
  expect(rows).toHaveLength(2);
  const path = join(dir, "two.jsonl");
  writeFileSync(path, rows.join("\n") + "\n");
  return path;
})();

/** Every ledger row that results depend on (timestamps, latencies and logs left out). */
function rowsOf(runDir: string) {
  const db = new Database(join(runDir, "ledger.sqlite"), { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      samples: all(
        "SELECT sample_id, task_id, sample_index, status, error, best_state_id, best_score, rounds FROM samples ORDER BY sample_id",
      ),
      calls: all(
        "SELECT call_id, sample_id, round, role, model, messages_json, answer, error FROM llm_calls ORDER BY call_id",
      ),
      states: (
        all(
          "SELECT state_id, sample_id, round, testbench, parse_error, status, score, sim_pass, cov_pass, result_json FROM states ORDER BY state_id",
        ) as { result_json: string | null }[]
      ).map(({ result_json, ...r }) => {
        const res = result_json ? JSON.parse(result_json) : null;
        return { ...r, coverage: res?.coverage ?? null, targets: res?.targets ?? null, reason: res?.reason };
      }),
      transitions: all(
        "SELECT transition_id, sample_id, round, input_state_id, output_state_id, llm_call_id, model FROM transitions ORDER BY transition_id",
      ),
    };
  } finally {
    db.close();
  }
}

async function legacyRun(input: EvalConfigInput, runDir: string) {
  const cfg = EvalConfig.parse(input);
  const scan = await scanDataset(cfg.dataset, { format: cfg.format, limit: cfg.limit });
  const simVersion = await probeSimulatorVersion(exec, cfg.simulator);
  const ledger = Ledger.open(runDir, ledgerIdentity(cfg, undefined, scan.info, simVersion));
  const deps = { llm: new BuiltinProvider(), exec, ledger, rules: null };
  const wf = {
    mode: cfg.mode as "direct" | "agentic" | "vanilla",
    rounds: cfg.rounds,
    climb: cfg.climb,
    sampling: cfg.sampling,
    simulator: cfg.simulator,
    limits: cfg.limits,
  };
  let seq = 0;
  for await (const item of openDataset(cfg.dataset, { format: cfg.format })) {
    if ("skipped" in item) continue;
    const taskId = ledger.addTask(item.repo, seq++, `${item.source.file}:${item.source.line}`);
    for (let i = 0; i < cfg.samples; i++) await legacyRunSample(item.repo, taskId, i, wf, deps);
  }
  ledger.close();
}

const MODES: [string, Partial<EvalConfigInput>][] = [
  ["direct", { mode: "direct" }],
  ["agentic", { mode: "agentic" }],
  ["agentic --climb", { mode: "agentic", climb: true }],
  ["vanilla", { mode: "vanilla" }],
];

describe("built-in workflows through the registry", () => {
  it.each(MODES)("%s stores the same ledger rows as the pre-registry loop", async (label, extra) => {
    const input: EvalConfigInput = { dataset, format: "native", rounds: 2, samples: 1, ...extra };
    const slug = label.replace(/\W+/g, "-");
    const ours = join(tmp, `${slug}-registry`);
    const ref = join(tmp, `${slug}-legacy`);
    const summary = await runEval(input, { runDir: ours, llm: new BuiltinProvider(), exec, progress: null });
    await legacyRun(input, ref);
    const a = rowsOf(ours);
    const b = rowsOf(ref);
    expect(a.samples).toHaveLength(2);
    expect(a.samples.every((s) => (s as { status: string }).status === "done")).toBe(true);
    expect(a.calls.length).toBeGreaterThanOrEqual(2);
    if (label !== "direct") expect(a.calls.length).toBeGreaterThan(2); // feedback rounds ran
    expect(a).toEqual(b);
    expect(summary.workflow).toEqual({ name: extra.mode, version: "1" });
  });
});
