// `curate filter`: per-row rules, exact seeded rebalancing counts, and the real Qwen3 tokenizer
// (installed with the package, loaded offline).
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { filterRows, keepCount, perRowReason, DEFAULT_FILTER } from "../src/curate/filter.js";
import type { SftRow } from "../src/curate/row.js";
import { defaultTokenizerPath, loadTokenizer, makeCounter, type TokenCounter } from "../src/curate/tokens.js";
import { checkRow } from "../src/curate/validate.js";
import { makeRow } from "./fixtures/curate/build.js";

const tmp = mkdtempSync(join(tmpdir(), "llm4cov-curate-filter-"));
/** A stand-in tokenizer for rule tests: one token per 4 characters. */
const quarter = makeCounter("quarter", (t) => Math.ceil(t.length / 4));
const write = (name: string, rows: SftRow[]) => {
  const p = join(tmp, name);
  writeFileSync(p, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
  return p;
};
const read = (p: string) =>
  readFileSync(p, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SftRow);

describe("per-row rules", () => {
  const o = { ...DEFAULT_FILTER, minCoverage: 0.5, maxTokens: 100_000 };
  it("drops failed answers, small gains, low coverage and long rows; fail->pass passes the delta", () => {
    const reason = (meta: Parameters<typeof makeRow>[0], opts = o) =>
      perRowReason(makeRow(meta), opts, quarter);
    expect(reason({ output_status: "compile_error", output_cov: 0, improvement: "none" })).toBe(
      "output_failed",
    );
    expect(reason({ input_status: "pass", input_cov: 0.6, output_cov: 0.605, improvement: "gain" })).toBe(
      "below_delta",
    );
    expect(
      reason({ input_status: "pass", input_cov: 0.6, output_cov: 0.61, improvement: "gain" }),
    ).toBeNull();
    expect(reason({ input_status: "pass", input_cov: 0.3, output_cov: 0.45, improvement: "gain" })).toBe(
      "below_min_coverage",
    );
    expect(
      reason(
        { input_status: "compile_error", input_cov: 0, output_cov: 0.7, improvement: "fail_to_pass" },
        {
          ...o,
          delta: 0.9,
        },
      ),
    ).toBeNull();
    expect(reason({ output_cov: 0.8 }, { ...o, maxTokens: 10 })).toBe("too_long");
    const row = makeRow({ output_cov: 0.8 });
    perRowReason(row, o, quarter);
    expect(row.meta.tokens).toMatchObject({ tokenizer: "quarter" });
    expect(row.meta.tokens!.total).toBe(row.meta.tokens!.prompt + row.meta.tokens!.answer);
  });
});

describe("rebalancing", () => {
  const rows: SftRow[] = [];
  for (let i = 0; i < 30; i++) rows.push(makeRow({ task_id: `d${i}` }, `d${i}`));
  for (let i = 0; i < 10; i++)
    rows.push(makeRow({ task_id: `a${i}`, input_status: "pass", input_cov: 0.5, output_cov: 0.7 }, `a${i}`));
  // long rows (over the short threshold) are never rebalanced
  const long = "x".repeat(20_000);
  for (let i = 0; i < 5; i++) {
    const r = makeRow({ task_id: `l${i}` }, `l${i}`);
    r.messages[1]!.content += long;
    rows.push(r);
  }
  rows.push(makeRow({ task_id: "bad", output_status: "timeout", output_cov: 0, improvement: "none" }, "bad"));
  const input = write("mixed.jsonl", rows);
  const shortTokens = 4000;

  it("keeps exactly round(n * fraction) of each short class and every long row", async () => {
    const out = join(tmp, "kept.jsonl");
    const r = await filterRows(input, out, quarter, { shortTokens });
    expect(r.input).toBe(46);
    expect(r.short).toEqual({ direct: { seen: 30, kept: 10 }, agentic: { seen: 10, kept: 5 } });
    expect(r.dropped).toMatchObject({
      output_failed: 1,
      rebalance_short_direct: 20,
      rebalance_short_agentic: 5,
    });
    expect(r.kept).toBe(10 + 5 + 5);
    const kept = read(out);
    expect(kept.filter((x) => x.meta.task_id.startsWith("l"))).toHaveLength(5);
    for (const k of kept) expect(checkRow(k)).toEqual([]);
    expect(keepCount(7, 1 / 3)).toBe(2);
    expect(keepCount(9, 1 / 2)).toBe(5);
  });

  it("is seeded: the same seed keeps the same rows, another seed other rows", async () => {
    const ids = async (seed: string, name: string) => {
      await filterRows(input, join(tmp, name), quarter, { shortTokens, seed });
      return read(join(tmp, name)).map((x) => x.id);
    };
    const a = await ids("7", "s7a.jsonl");
    expect(await ids("7", "s7b.jsonl")).toEqual(a);
    expect(await ids("8", "s8.jsonl")).not.toEqual(a);
  });

  it("keeps everything with fractions 1 and no thresholds", async () => {
    const r = await filterRows(input, join(tmp, "all.jsonl"), quarter, {
      delta: -1,
      keepShortDirect: 1,
      keepShortAgentic: 1,
    });
    expect(r.kept).toBe(45);
  });
});

describe("Qwen3 tokenizer (offline)", () => {
  let tok: TokenCounter;
  beforeAll(async () => {
    tok = await loadTokenizer();
  });

  it("encodes code and ChatML special tokens like the reference tokenizer", () => {
    expect(tok.name).toBe("qwen3");
    // <|im_start|> user \n hi <|im_end|> \n
    expect(tok.count("<|im_start|>user\nhi<|im_end|>\n")).toBe(6);
    expect(tok.count("module counter(input clk); always @(posedge clk) q <= q + 1; endmodule")).toBe(20);
  });

  it("counts a conversation as its ChatML rendering, split into prompt and answer", () => {
    const row = makeRow({ output_cov: 0.9 });
    const c = tok.countChat(row.messages);
    const rendered = row.messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join("");
    expect(c.total).toBe(tok.count(rendered));
    expect(c.answer).toBe(tok.count(`<|im_start|>assistant\n${row.messages.at(-1)!.content}<|im_end|>\n`));
  });

  it("loads any local tokenizer.json, with or without a tokenizer_config.json beside it", async () => {
    const dir = join(tmp, "tok");
    mkdirSync(dir);
    symlinkSync(defaultTokenizerPath(), join(dir, "tokenizer.json"));
    const other = await loadTokenizer(join(dir, "tokenizer.json"));
    expect(other.name).toBe(join(dir, "tokenizer.json"));
    expect(other.count("module counter(input clk); always @(posedge clk) q <= q + 1; endmodule")).toBe(20);
    await expect(loadTokenizer(join(tmp, "missing.json"))).rejects.toThrow(/not found/);
  });
});
