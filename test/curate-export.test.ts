// `curate export`: round trips (Parquet read back equal, HF folder loads), LlamaFactory and
// OpenAI forms, resizing and seeded shuffling.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { asyncBufferFromFile, parquetMetadataAsync } from "hyparquet";
import { describe, expect, it } from "vitest";
import { alternating, exportOrder, exportRows, splitOf } from "../src/curate/export.js";
import { PARQUET_COLUMNS, readParquetRows } from "../src/curate/parquet.js";
import type { SftRow } from "../src/curate/row.js";
import { makeRow } from "./fixtures/curate/build.js";

const tmp = mkdtempSync(join(tmpdir(), "llm4cov-curate-export-"));
const rows: SftRow[] = [
  makeRow({ task_id: "t1", tokens: { prompt: 90, answer: 10, total: 100, tokenizer: "qwen3" } }, "1"),
  makeRow({ task_id: "t1", input_status: "pass", input_cov: 0.5, output_cov: 0.75 }, "2"),
  makeRow(
    {
      task_id: "t2",
      input_status: "no_testbench",
      input_cov: 0,
      output_cov: 0.6,
      improvement: "fail_to_pass",
      run_type: "synth",
      stage: 2,
      trace_type: "self_sampling",
      state_model: "student",
    },
    "3",
  ),
  makeRow({ task_id: "t3", output_cov: 1 }, "4"),
  makeRow({ task_id: "t4", output_cov: 0.9 }, "5"),
];
// The parse-error input state has no testbench turn: its feedback follows the repository message.
rows[2]!.messages.splice(2, 1);
const input = join(tmp, "rows.jsonl");
writeFileSync(input, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
const lines = (p: string) =>
  readFileSync(p, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("curate export", () => {
  it("Parquet round trip: rows read back equal", async () => {
    const out = join(tmp, "rows.parquet");
    const r = await exportRows(input, { format: "parquet", out });
    expect(r.written).toBe(5);
    expect(await readParquetRows(out)).toEqual(rows);
    const meta = await parquetMetadataAsync(await asyncBufferFromFile(out));
    expect(Number(meta.num_rows)).toBe(5);
  });

  it("writes a Hugging Face folder that loads: card YAML, split files, features = columns", async () => {
    const dir = join(tmp, "hf");
    const r = await exportRows(input, {
      format: "hf",
      out: dir,
      testFraction: 0.5,
      seed: 1,
      name: "cov-data",
    });
    const card = readFileSync(join(dir, "README.md"), "utf8");
    const header = parseYaml(card.split("---\n")[1]!) as {
      configs: { data_files: { split: string; path: string }[] }[];
      dataset_info: { features: { name: string }[]; splits: { name: string; num_examples: number }[] };
    };
    expect(card).toContain("# cov-data");
    expect(header.dataset_info.features.map((f) => f.name)).toEqual(PARQUET_COLUMNS);
    const back: SftRow[] = [];
    for (const { split, path } of header.configs[0]!.data_files) {
      const [folder, glob] = path.split("/");
      const files = readdirSync(join(dir, folder!)).filter((f) => f.startsWith(glob!.split("*")[0]!));
      expect(files).toHaveLength(1);
      const got = await readParquetRows(join(dir, folder!, files[0]!));
      expect(header.dataset_info.splits.find((s) => s.name === split)!.num_examples).toBe(got.length);
      expect(r.splits[split]).toBe(got.length);
      back.push(...got);
    }
    expect(back.map((x) => x.id).sort()).toEqual(rows.map((x) => x.id).sort());
    // A task is in one split only.
    const tasks = (s: string) =>
      new Set(back.filter((x) => splitOf(x.meta.task_id, 0.5, 1) === s).map((x) => x.meta.task_id));
    for (const t of tasks("train")) expect(tasks("test").has(t)).toBe(false);
    expect(Object.keys(r.splits).sort()).toEqual(["test", "train"]);
  });

  it("OpenAI JSONL: messages, earlier assistant turns weighted 0", async () => {
    const out = join(tmp, "openai.jsonl");
    await exportRows(input, { format: "openai", out });
    const got = lines(out) as { messages: { role: string; content: string; weight?: number }[] }[];
    expect(got).toHaveLength(5);
    expect(got[0]!.messages.map((m) => m.role)).toEqual(["system", "user", "assistant"]);
    expect(got[1]!.messages.map((m) => m.weight)).toEqual([undefined, undefined, 0, undefined, undefined]);
    expect(got.map((g) => g.messages.map(({ role, content }) => ({ role, content })))).toEqual(
      rows.map((r) => r.messages),
    );
  });

  it("LlamaFactory ShareGPT and Alpaca with a ready dataset_info.json", async () => {
    const sg = join(tmp, "sharegpt");
    await exportRows(input, { format: "sharegpt", out: sg, name: "cov" });
    const info = JSON.parse(readFileSync(join(sg, "dataset_info.json"), "utf8"));
    expect(info.cov).toMatchObject({
      file_name: "cov.jsonl",
      formatting: "sharegpt",
      columns: { messages: "conversations" },
    });
    const s = lines(join(sg, "cov.jsonl")) as {
      conversations: { from: string; value: string }[];
      system: string;
    }[];
    for (const x of s) {
      x.conversations.forEach((c, i) => expect(c.from).toBe(i % 2 ? "gpt" : "human"));
      expect(x.system).toBe(rows[0]!.messages[0]!.content);
    }
    expect(s[1]!.conversations).toHaveLength(4);
    expect(s[2]!.conversations).toHaveLength(2); // consecutive user turns merged
    const al = join(tmp, "alpaca");
    await exportRows(input, { format: "alpaca", out: al, name: "cov" });
    expect(JSON.parse(readFileSync(join(al, "dataset_info.json"), "utf8")).cov.columns).toMatchObject({
      prompt: "instruction",
      response: "output",
      history: "history",
    });
    const a = lines(join(al, "cov.jsonl")) as { instruction: string; output: string; history: string[][] }[];
    expect(a[0]!.history).toEqual([]);
    expect(a[0]!.instruction).toBe(rows[0]!.messages[1]!.content);
    expect(a[1]!.history).toEqual([[rows[1]!.messages[1]!.content, rows[1]!.messages[2]!.content]]);
    expect(a[1]!.instruction).toBe(rows[1]!.messages[3]!.content);
    expect(a[1]!.output).toBe(rows[1]!.messages[4]!.content);
    expect(
      alternating([
        { role: "user", content: "a" },
        { role: "user", content: "b" },
      ]),
    ).toEqual([{ role: "user", content: "a\n\nb" }]);
  });

  it("resizes exactly and shuffles by seed", async () => {
    expect(exportOrder(5, {})).toEqual([0, 1, 2, 3, 4]);
    const down = exportOrder(5, { size: 3, seed: 1 });
    expect(down).toHaveLength(3);
    expect(new Set(down).size).toBe(3);
    const up = exportOrder(5, { size: 12, seed: 1 });
    const counts = [0, 1, 2, 3, 4].map((i) => up.filter((x) => x === i).length);
    expect(counts.reduce((a, b) => a + b)).toBe(12);
    expect(counts.every((c) => c === 2 || c === 3)).toBe(true);
    expect(counts.filter((c) => c === 3)).toHaveLength(2);
    const s1 = exportOrder(50, { shuffle: true, seed: "a" });
    expect(exportOrder(50, { shuffle: true, seed: "a" })).toEqual(s1);
    expect(exportOrder(50, { shuffle: true, seed: "b" })).not.toEqual(s1);
    expect([...s1].sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
    const out = join(tmp, "sized.jsonl");
    const r = await exportRows(input, { format: "openai", out, size: 8, shuffle: true, seed: 3 });
    expect(r.written).toBe(8);
    expect(lines(out)).toHaveLength(8);
  });

  it("refuses rows that break the contract", async () => {
    const bad = join(tmp, "bad.jsonl");
    const row = structuredClone(rows[0]!);
    row.messages.at(-1)!.content = "here is my testbench: module tb; endmodule";
    writeFileSync(bad, JSON.stringify(row) + "\n");
    await expect(exportRows(bad, { format: "openai", out: join(tmp, "bad-out.jsonl") })).rejects.toThrow(
      /not exactly one/,
    );
    expect(existsSync(join(tmp, "bad-out.jsonl"))).toBe(true);
  });
});
