// Reproducibility: a dataset is identified by its content, so the same rows at two different
// paths give the same run identity, the same seeds and so the same results.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { runEval } from "../src/agent/eval.js";
import { scanDataset } from "../src/data/identity.js";
import { LocalExecutor } from "../src/exec/local.js";
import { BuiltinProvider } from "../src/llm/builtin/policy.js";
import { resolveStage } from "../src/synth/config.js";
import { synthIdentity } from "../src/synth/lineage.js";

const root = join(import.meta.dirname, "..");
const exec = new LocalExecutor({ slots: 2 });
afterAll(() => exec.close());

// Designs where the built-in policy's stimulus depends on its seed (coverage below 100 %).
const IDS = ["llm4cov_ex_counter", "llm4cov_ex_uart_rx"];
const rows = readFileSync(join(root, "examples", "designs.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l && IDS.includes((JSON.parse(l) as { id: string }).id));

/** Two unrelated temp places holding the same file under different names. */
function twoCopies(): [string, string] {
  const a = join(mkdtempSync(join(tmpdir(), "llm4cov-repro-a-")), "designs.jsonl");
  const bDir = join(mkdtempSync(join(tmpdir(), "llm4cov-repro-b-")), "nested", "deeper");
  mkdirSync(bDir, { recursive: true });
  writeFileSync(a, rows.join("\n") + "\n");
  const b = join(bDir, "renamed-copy.jsonl");
  copyFileSync(a, b);
  return [a, b];
}

type StateRow = {
  task_id: string;
  sample_index: number;
  round: number;
  score: number;
  sim_pass: number;
  tb: string;
};

function results(runDir: string): StateRow[] {
  const db = new Database(join(runDir, "ledger.sqlite"), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT s.task_id, s.sample_index, st.round, st.score, st.sim_pass, COALESCE(st.testbench, '') tb
         FROM states st JOIN samples s ON s.sample_id = st.sample_id
         ORDER BY s.task_id, s.sample_index, st.round`,
      )
      .all() as StateRow[];
  } finally {
    db.close();
  }
}

describe("a dataset is identified by its content, not its path", () => {
  it("the same dataset at two temp paths gives identical ledger results", async () => {
    expect(rows).toHaveLength(IDS.length);
    const [a, b] = twoCopies();
    const cfg = { mode: "agentic" as const, rounds: 1, samples: 2 };
    const runA = join(mkdtempSync(join(tmpdir(), "llm4cov-repro-run-")), "a");
    const runB = join(mkdtempSync(join(tmpdir(), "llm4cov-repro-run-")), "b");
    const sa = await runEval(
      { ...cfg, dataset: a },
      { runDir: runA, llm: new BuiltinProvider(), exec, progress: null },
    );
    const sb = await runEval(
      { ...cfg, dataset: b },
      { runDir: runB, llm: new BuiltinProvider(), exec, progress: null },
    );
    expect(sa.samples_failed + sb.samples_failed).toBe(0);
    const ra = results(runA);
    const rb = results(runB);
    expect(ra.length).toBeGreaterThanOrEqual(IDS.length * 2);
    expect(rb).toEqual(ra); // states, scores and the testbenches themselves
    // The samples differ from each other (the seed is per sample), so equality is not vacuous.
    const round0 = ra.filter((r) => r.round === 0);
    expect(new Set(round0.map((r) => r.tb)).size).toBeGreaterThan(IDS.length);
    // The path is kept as information only.
    expect(sa.dataset?.hash).toBe(sb.dataset?.hash);
    expect(sa.dataset?.path).toBe(a);
    expect(sb.dataset?.path).toBe(b);
    const config = (dir: string) => {
      const db = new Database(join(dir, "ledger.sqlite"), { readonly: true });
      const row = db.prepare("SELECT value FROM meta WHERE key = 'config'").get() as { value: string };
      db.close();
      return row.value;
    };
    expect(config(runA)).toBe(config(runB));
    expect(config(runA)).not.toContain(a);
  });

  it("a synthesis stage over the same dataset at two paths has one identity", async () => {
    const [a, b] = twoCopies();
    const example = parse(readFileSync(join(root, "examples/synth/stage0-builtin.yaml"), "utf8")) as Record<
      string,
      unknown
    >;
    const identity = async (dataset: string) => {
      const st = resolveStage({ ...example, dataset, out: join(tmpdir(), "unused") }, root, null);
      return synthIdentity(st, (await scanDataset(dataset)).info);
    };
    const ia = await identity(a);
    expect(await identity(b)).toEqual(ia);
    expect(JSON.stringify(ia)).not.toContain(a);
    // Other content, other identity.
    const c = join(mkdtempSync(join(tmpdir(), "llm4cov-repro-c-")), "one.jsonl");
    writeFileSync(c, rows[0] + "\n");
    expect(await identity(c)).not.toEqual(ia);
  });
});
