// `curate stats`: quartiles, composition and coverage buckets on rows with known numbers.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { curateCommand } from "../src/cli/commands/curate.js";
import { CliError } from "../src/cli/context.js";
import { computeStats, covBucket, distribution, formatStats, quantile } from "../src/curate/stats.js";
import { makeCounter } from "../src/curate/tokens.js";
import { makeRow } from "./fixtures/curate/build.js";

const noTokenizer = async () => {
  throw new Error("the tokenizer must not be loaded when rows carry their lengths");
};

describe("curate stats", () => {
  it("computes quartiles by linear interpolation", () => {
    expect(distribution([5, 1, 4, 2, 3])).toEqual({
      count: 5,
      min: 1,
      q1: 2,
      median: 3,
      q3: 4,
      max: 5,
      mean: 3,
    });
    expect(quantile(Float64Array.from([10, 20, 30, 40]), 0.25)).toBeCloseTo(17.5, 12);
    expect(distribution([])).toMatchObject({ count: 0, min: 0, max: 0 });
  });

  it("buckets coverage at 0.5, 0.6, ..., 0.9 and exactly 1", () => {
    expect([0, 0.49, 0.5, 0.59, 0.6, 0.75, 0.9, 0.999, 1].map(covBucket)).toEqual([
      "<0.5",
      "<0.5",
      "0.5-0.6",
      "0.5-0.6",
      "0.6-0.7",
      "0.7-0.8",
      "0.9-1.0",
      "0.9-1.0",
      "1.0",
    ]);
  });

  it("reports token lengths and composition", async () => {
    const tok = (total: number) => ({ prompt: total - 10, answer: 10, total, tokenizer: "qwen3" });
    const rows = [
      makeRow({ tokens: tok(100), output_cov: 1 }, "1"),
      makeRow({ tokens: tok(200), output_cov: 0.55 }, "2"),
      makeRow(
        {
          tokens: tok(300),
          input_status: "pass",
          input_cov: 0.5,
          output_cov: 0.75,
          run_type: "synth",
          stage: 1,
        },
        "3",
      ),
      makeRow(
        {
          tokens: tok(400),
          input_status: "compile_error",
          input_cov: 0,
          output_cov: 0.95,
          improvement: "fail_to_pass",
          run_type: "synth",
          stage: 1,
          trace_type: "imitation",
        },
        "4",
      ),
    ];
    const s = await computeStats(rows, noTokenizer);
    expect(s.rows).toBe(4);
    expect(s.tokenizer).toBe("qwen3");
    expect(s.tokens.total).toEqual({
      count: 4,
      min: 100,
      q1: 175,
      median: 250,
      q3: 325,
      max: 400,
      mean: 250,
    });
    expect(s.tokens.answer).toMatchObject({ min: 10, max: 10 });
    expect(s.by_run_type).toEqual({ agentic: 2, synth: 2 });
    expect(s.by_stage).toEqual({ none: 2, "1": 2 });
    expect(s.by_trace_type).toEqual({ none: 3, imitation: 1 });
    expect(s.by_improvement).toEqual({ gain: 3, fail_to_pass: 1 });
    expect(s.by_context).toEqual({ direct: 2, agentic: 2 });
    expect(s.output_cov).toMatchObject({ "1.0": 1, "0.5-0.6": 1, "0.7-0.8": 1, "0.9-1.0": 1, "<0.5": 0 });
    expect(s.input_cov).toMatchObject({ "<0.5": 3, "0.5-0.6": 1 });
    expect(s.gain.max).toBeCloseTo(1, 12);
    const table = formatStats(s);
    expect(table).toContain("rows: 4");
    expect(table).toMatch(/total\s+100\s+175\s+250\s+325\s+400\s+250/);
  });

  it("counts rows without stored lengths with the tokenizer, loaded only then", async () => {
    let loads = 0;
    const counter = makeCounter("chars", (t) => t.length);
    const s = await computeStats([makeRow({}, "a"), makeRow({}, "b")], async () => {
      loads++;
      return counter;
    });
    expect(loads).toBe(1);
    expect(s.tokenizer).toBe("chars");
    expect(s.tokens.total.min).toBeGreaterThan(100);
  });
});

describe("curate CLI errors", () => {
  const run = (...argv: string[]) => {
    const out: string[] = [];
    const program = new Command("llm4cov").exitOverride();
    program.addCommand(curateCommand({ out: (t) => out.push(t), err: () => {}, exitCode: 0, isTTY: false }));
    return program.parseAsync(["node", "llm4cov", ...argv]).then(() => out.join("\n"));
  };

  it("reports missing files and malformed rows as user errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm4cov-curate-cli-"));
    await expect(run("curate", "stats", "--in", join(dir, "missing.jsonl"))).rejects.toThrow(CliError);
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, JSON.stringify({ id: "x", messages: [] }) + "\n");
    await expect(run("curate", "stats", "--in", bad)).rejects.toThrow(/bad.jsonl:1: not an SFT row/);
    await expect(
      run("curate", "export", "--in", bad, "--format", "openai", "--out", join(dir, "o.jsonl")),
    ).rejects.toThrow(CliError);
    const good = join(dir, "good.jsonl");
    writeFileSync(
      good,
      JSON.stringify(makeRow({ tokens: { prompt: 5, answer: 5, total: 10, tokenizer: "t" } })) + "\n",
    );
    expect(JSON.parse(await run("curate", "stats", "--in", good, "--json")).rows).toBe(1);
  });
});
