// End to end on real runs: a small agentic eval (built-in policy, rounds 2) on bundled examples,
// then the CLI: curate parse -> filter -> stats -> export, rounds. Every exported row re-validates,
// and a sample of rows, re-simulated, reaches the coverage the row claims.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEval } from "../src/agent/eval.js";
import { parsePromptForPolicy } from "../src/agent/prompt.js";
import { promptUnits } from "../src/agent/parse.js";
import { curateCommand, roundsCommand } from "../src/cli/commands/curate.js";
import type { CliContext } from "../src/cli/context.js";
import { SimLimits } from "../src/core/protocol.js";
import { coverageScore } from "../src/core/state.js";
import { readParquetRows } from "../src/curate/parquet.js";
import type { SftRow } from "../src/curate/row.js";
import { checkRow } from "../src/curate/validate.js";
import { LocalExecutor } from "../src/exec/local.js";
import { BuiltinProvider } from "../src/llm/builtin/policy.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-curate-e2e-"));
const run = join(tmp, "run");
const exec = new LocalExecutor({ slots: 2 });
afterAll(() => exec.close());

async function cli(...argv: string[]): Promise<string> {
  const out: string[] = [];
  const ctx: CliContext = { out: (t) => out.push(t), err: () => {}, exitCode: 0, isTTY: false };
  const program = new Command("llm4cov").exitOverride();
  program.addCommand(curateCommand(ctx)).addCommand(roundsCommand(ctx));
  await program.parseAsync(["node", "llm4cov", ...argv]);
  return out.join("\n");
}
const json = async <T>(...argv: string[]) => JSON.parse(await cli(...argv, "--json")) as T;
const readRowsFile = (p: string) =>
  readFileSync(p, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SftRow);

beforeAll(async () => {
  // Designs with headroom. The run identity holds the dataset's content hash (not its path),
  // which seeds the built-in policy, so the transitions (and what the filter keeps) are repeatable.
  const dataset = join(tmp, "three.jsonl");
  const wanted = ["llm4cov_ex_counter", "llm4cov_ex_uart_rx", "llm4cov_ex_uart_tx"];
  const rows = readFileSync(join(root, "examples", "designs.jsonl"), "utf8")
    .split("\n")
    .filter((l) => wanted.some((id) => l.includes(`"id":"${id}"`)));
  expect(rows).toHaveLength(3);
  writeFileSync(dataset, rows.join("\n") + "\n");
  const summary = await runEval(
    { dataset, mode: "agentic", rounds: 2, samples: 1 },
    { runDir: run, llm: new BuiltinProvider(), exec, progress: null },
  );
  expect(summary.samples_failed).toBe(0);
}, 300_000);

describe("curation end to end", () => {
  it("parse -> filter -> stats -> export; every exported row re-validates", async () => {
    const rowsPath = join(tmp, "rows.jsonl");
    const parsed = await json<{ rows: number; runs: { seen: number }[] }>(
      "curate",
      "parse",
      "--run",
      run,
      "--out",
      rowsPath,
    );
    const db = new Database(join(run, "ledger.sqlite"), { readonly: true });
    const transitions = (db.prepare("SELECT COUNT(*) n FROM transitions").get() as { n: number }).n;
    // The row prompt is exactly the prompt the policy saw (memoryless run, rules off).
    const rows = readRowsFile(rowsPath);
    for (const r of rows) {
      const call = db
        .prepare(
          "SELECT c.messages_json m FROM transitions t JOIN llm_calls c ON c.call_id = t.llm_call_id WHERE t.transition_id = ?",
        )
        .get(r.meta.transition_id) as { m: string };
      expect(r.messages.slice(0, -1)).toEqual(JSON.parse(call.m));
      expect(checkRow(r)).toEqual([]);
    }
    db.close();
    expect(parsed.runs[0]!.seen).toBe(transitions);
    expect(parsed.rows).toBe(transitions);

    const keptPath = join(tmp, "kept.jsonl");
    const f = await json<{ input: number; kept: number; dropped: Record<string, number>; short: object }>(
      "curate",
      "filter",
      "--in",
      rowsPath,
      "--out",
      keptPath,
      "--keep-short-direct",
      "1/3",
      "--keep-short-agentic",
      "1/2",
    );
    expect(f.input).toBe(rows.length);
    expect(f.kept).toBeGreaterThan(0);
    expect(f.kept + Object.values(f.dropped).reduce((a, b) => a + b, 0)).toBe(f.input);
    const kept = readRowsFile(keptPath);
    for (const r of kept) {
      expect(r.meta.tokens?.tokenizer).toBe("qwen3");
      expect(r.meta.output_cov - r.meta.input_cov).toBeGreaterThanOrEqual(0.01 - 1e-9);
    }
    const stats = await json<{ rows: number; tokens: { total: { min: number; max: number } } }>(
      "curate",
      "stats",
      "--in",
      keptPath,
    );
    expect(stats.rows).toBe(kept.length);
    expect(stats.tokens.total.min).toBeGreaterThan(500);
    expect(await cli("curate", "stats", "--in", keptPath)).toContain("output coverage");

    const hf = join(tmp, "hf");
    await cli("curate", "export", "--in", keptPath, "--format", "hf", "--out", hf);
    const back = await readParquetRows(join(hf, "data", "train-00000-of-00001.parquet"));
    expect(back).toEqual(kept);
    for (const r of back) expect(checkRow(r)).toEqual([]);
    const oa = join(tmp, "openai.jsonl");
    const e = await json<{ written: number }>(
      "curate",
      "export",
      "--in",
      keptPath,
      "--format",
      "openai",
      "--out",
      oa,
      "--size",
      "5",
      "--shuffle",
      "--seed",
      "2",
    );
    expect(e.written).toBe(5);
    for (const line of readFileSync(oa, "utf8").split("\n").filter(Boolean)) {
      const msgs = (
        JSON.parse(line) as { messages: { role: "system" | "user" | "assistant"; content: string }[] }
      ).messages;
      const row = kept.find((k) => k.messages.at(-1)!.content === msgs.at(-1)!.content)!;
      expect(checkRow({ ...row, messages: msgs.map(({ role, content }) => ({ role, content })) })).toEqual(
        [],
      );
    }
    const sg = join(tmp, "sharegpt");
    await cli("curate", "export", "--in", keptPath, "--format", "sharegpt", "--out", sg);
    expect(JSON.parse(readFileSync(join(sg, "dataset_info.json"), "utf8")).llm4cov.formatting).toBe(
      "sharegpt",
    );

    // A sample of rows, re-simulated: the answer reaches the coverage the row claims.
    for (const r of kept.slice(0, 2)) {
      const p = parsePromptForPolicy(r.messages.slice(0, -1));
      const unit = promptUnits(r.messages.at(-1)!.content)[0]!;
      const result = await exec.run({
        rtl: p.files.filter((x) => x.kind === "rtl").map(({ name, content }) => ({ name, content })),
        testbench: { name: p.tbFile, content: unit.kind === "block" ? unit.content : "" },
        top: p.top,
        instance: p.instance,
        defines: p.defines,
        targets: [],
        limits: SimLimits.parse({}),
        simulator: "verilator",
      });
      expect(coverageScore(result)).toBeCloseTo(r.meta.output_cov, 9);
    }
  });

  it("rounds: metrics by round cap and per-round improvements", async () => {
    const r = await json<{
      caps: { cap: number; avg_cov_at1: number }[];
      rounds: { round: number; transitions: number }[];
      samples: number;
    }>("rounds", "--run", run);
    expect(r.samples).toBe(3);
    expect(r.caps.map((c) => c.cap)).toEqual([0, 1, 2].slice(0, r.caps.length));
    for (let i = 1; i < r.caps.length; i++)
      expect(r.caps[i]!.avg_cov_at1).toBeGreaterThanOrEqual(r.caps[i - 1]!.avg_cov_at1);
    expect(r.rounds[0]).toMatchObject({ round: 0, transitions: 3 });
    expect(await cli("rounds", "--run", run)).toContain("CovP@1");
  });

  it("contamination of the parsed rows: against their own designs all go, against the benchmark none", async () => {
    const rowsPath = join(tmp, "rows.jsonl");
    const self = await json<{ train: { repositories: number; dropped: number } }>(
      "curate",
      "contamination",
      "--train",
      rowsPath,
      "--eval",
      join(root, "examples", "designs.jsonl"),
      "--out",
      join(tmp, "c1.jsonl"),
    );
    expect(self.train).toMatchObject({ repositories: 3, dropped: 3 });
    const bench = join(root, "benchmarks", "cvdp_ecov_dev.jsonl");
    const clean = await json<{ train: { dropped: number; kept_lines: number } }>(
      "curate",
      "contamination",
      "--train",
      rowsPath,
      "--eval",
      bench,
      "--out",
      join(tmp, "c2.jsonl"),
      "--workers",
      "0",
    );
    expect(clean.train.dropped).toBe(0);
    expect(clean.train.kept_lines).toBe(readRowsFile(rowsPath).length);
  });
});
