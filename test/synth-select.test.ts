// `llm4cov select` on constructed ledgers: drafts read from a run, splits, budgets, the file.
import { Command } from "commander";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliContext } from "../src/cli/context.js";
import { selectCommand } from "../src/cli/commands/synth.js";
import { loadDrafts, openRun, readSelection, selectRun } from "../src/synth/drafts.js";
import { buildRun } from "./fixtures/synth/ledger.js";

const tmp = mkdtempSync(join(tmpdir(), "llm4cov-synth-select-"));
const run = join(tmp, "run");
buildRun(
  run,
  [
    // worst 0.4, failure (compile_error preferred to the parse failure), median 0.8 (gap 0.4)
    { id: "a", samples: [[0.9], ["parse"], [0.4], ["compile_error"], [0.8], [0.85]] },
    // every draft failed: only the failure state
    { id: "b", samples: [["timeout"], ["parse"]] },
    // everything at full coverage: nothing to improve
    { id: "c", samples: [[1], [1]] },
    // agentic samples: every round's state is a draft; an errored sample is ignored
    { id: "d", samples: [[0.5, 0.7], [0.6, 0.65], [0.1]] },
  ],
  { errored: [["d", 2]] },
);

async function cli(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const ctx: CliContext = { out: (t) => lines.push(t), err: (t) => lines.push(t), exitCode: 0, isTTY: false };
  const program = new Command("llm4cov").exitOverride().addCommand(selectCommand(ctx));
  await program.parseAsync(["node", "llm4cov", ...args]);
  return lines.join("\n").split("\n");
}

describe("llm4cov select", () => {
  it("reads the drafts of every finished sample, all rounds, in order", () => {
    const ledger = openRun(run);
    const tasks = loadDrafts(ledger);
    ledger.close();
    expect(tasks.map((t) => [t.taskId, t.drafts.length, t.samplesDone])).toEqual([
      ["a", 6, 6],
      ["b", 2, 2],
      ["c", 2, 2],
      ["d", 4, 2],
    ]);
    expect(tasks[0]!.drafts.map((d) => d.status)).toEqual([
      "pass",
      null,
      "pass",
      "compile_error",
      "pass",
      "pass",
    ]);
    expect(tasks[3]!.drafts.map((d) => [d.sampleIndex, d.round])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });

  it("worst with failure: splits per repository, printed and written", async () => {
    const out = join(tmp, "worst.jsonl");
    const lines = await cli(["select", "--run", run, "--strategy", "worst", "--with-failure", "--out", out]);
    expect(lines[0]).toMatch(
      /worst-state selection of .*: 5 states from 14 drafts of 4 repositories \(1 with nothing to improve\)/,
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}worst +2$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}failure +2$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}median +1$/));
    const recs = readSelection(out);
    // d: successful 0.5 0.6 0.65 0.7 -> lower median 0.6; a gap of 0.1 is not more than 0.1
    expect(recs.map((r) => `${r.task_id}:${r.score}:${r.status}:${r.split}`)).toEqual([
      "a:0.4:pass:worst",
      "a:0:compile_error:failure",
      "a:0.8:pass:median",
      "b:0:timeout:failure",
      "d:0.5:pass:worst",
    ]);
    expect(
      recs.every((r) => r.source_run === run && r.model === "llm4cov-builtin" && r.strategy === "worst"),
    ).toBe(true);
  });

  it("baselines select the same number of states per repository", async () => {
    const worst = await selectRun(run, {
      strategy: "worst",
      withFailure: true,
      medianThreshold: 0.1,
      seed: 0,
    });
    const perTask = (recs: { task_id: string }[]) =>
      recs.reduce<Record<string, number>>((m, r) => ({ ...m, [r.task_id]: (m[r.task_id] ?? 0) + 1 }), {});
    for (const strategy of ["best", "uniform", "median"] as const) {
      const out = join(tmp, `${strategy}.jsonl`);
      const lines = await cli([
        "select",
        "--run",
        run,
        "--strategy",
        strategy,
        "--with-failure",
        "--seed",
        "3",
        "--out",
        out,
      ]);
      expect(lines.at(-1)).toBe(`wrote ${out}`);
      expect(perTask(readSelection(out)), strategy).toEqual(perTask(worst.records));
    }
    const best = readSelection(join(tmp, "best.jsonl"));
    expect(best.filter((r) => r.task_id === "a").map((r) => r.score)).toEqual([0.9, 0.85, 0.8]);
  });

  it("--drafts-per-repo and --limit restrict the drafts; --json prints counts", async () => {
    const out = join(tmp, "few.jsonl");
    const lines = await cli([
      "select",
      "--run",
      run,
      "--drafts-per-repo",
      "1",
      "--limit",
      "1",
      "--out",
      out,
      "--json",
    ]);
    expect(JSON.parse(lines.join("\n"))).toMatchObject({
      states: 1,
      tasks: 1,
      drafts: 1,
      by_split: { worst: 1 },
    });
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(1);
  });

  it("a directory without a ledger is a clear error", async () => {
    await expect(cli(["select", "--run", tmp, "--out", join(tmp, "x.jsonl")])).rejects.toThrow(
      /no ledger\.sqlite here/,
    );
  });
});
