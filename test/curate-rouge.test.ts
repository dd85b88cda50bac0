// ROUGE-L over code tokens: hand-computed values, the bit-parallel LCS against the textbook DP,
// and the pruning bounds never dropping a true pair (property tests against brute force).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIndexData, Checker, type RepoFiles } from "../src/curate/contam-index.js";
import { checkContamination, runContamination } from "../src/curate/contamination.js";
import { makeRng } from "../src/curate/io.js";
import {
  bagOverlap,
  codeTokens,
  lcsBitParallel,
  lcsNaive,
  lengthWindow,
  makeBitPattern,
  mayReach,
  minLcsFor,
  rougeF,
} from "../src/curate/rouge.js";
import { makeRow, repo } from "./fixtures/curate/build.js";

const ids = (s: string) => Int32Array.from(s.split(" ").filter(Boolean), (t) => t.charCodeAt(0) - 97);
const rng = makeRng("rouge-test");
const randSeq = (len: number, alpha: number) =>
  Int32Array.from({ length: len }, () => Math.floor(rng() * alpha));

describe("code tokens and ROUGE-L", () => {
  it("tokenizes identifiers, numbers and single punctuation; drops whitespace", () => {
    expect(codeTokens("assign y = a & 8'hFF; // ok\n$display(x_1);")).toEqual([
      "assign",
      "y",
      "=",
      "a",
      "&",
      "8",
      "'",
      "hFF",
      ";",
      "/",
      "/",
      "ok",
      "$display",
      "(",
      "x_1",
      ")",
      ";",
    ]);
    expect(codeTokens("  \n\t")).toEqual([]);
  });

  it("matches hand-computed values", () => {
    // LCS("a b c d e", "a c e f") = "a c e" = 3; F = 2*3/(5+4) = 2/3
    expect(lcsNaive(ids("a b c d e"), ids("a c e f"))).toBe(3);
    expect(rougeF(3, 5, 4)).toBeCloseTo(2 / 3, 12);
    // "the cat sat on the mat" vs "the cat on the mat": LCS 5, F = 10/11
    const a = codeTokens("the cat sat on the mat");
    const b = codeTokens("the cat on the mat");
    const v = new Map<string, number>();
    const enc = (xs: string[]) => Int32Array.from(xs, (x) => v.get(x) ?? (v.set(x, v.size), v.size - 1));
    const [ea, eb] = [enc(a), enc(b)];
    expect(lcsNaive(ea, eb)).toBe(5);
    expect(rougeF(5, 6, 5)).toBeCloseTo(10 / 11, 12);
    expect(lcsBitParallel(makeBitPattern(ea, v.size), eb)).toBe(5);
    // identical and disjoint
    expect(rougeF(lcsNaive(ids("a b"), ids("a b")), 2, 2)).toBe(1);
    expect(rougeF(lcsNaive(ids("a b"), ids("c d")), 2, 2)).toBe(0);
    expect(rougeF(0, 0, 0)).toBe(0);
  });

  it("derives the length window and the LCS needed from F >= t", () => {
    expect(lengthWindow(30, 0.5)).toEqual([10, 90]); // ratio >= t/(2-t) = 1/3
    expect(minLcsFor(10, 30, 0.5)).toBe(10); // 2L/(40) >= 0.5 <=> L >= 10
    expect(minLcsFor(3, 4, 0.5)).toBe(2);
    expect(bagOverlap(ids("a a b c"), ids("a b b d"))).toBe(2);
  });

  it("bit-parallel LCS equals the DP on random sequences (multi-word carries included)", () => {
    for (let it = 0; it < 400; it++) {
      const a = randSeq(1 + Math.floor(rng() * 150), 2 + Math.floor(rng() * 6));
      const b = randSeq(Math.floor(rng() * 150), 2 + Math.floor(rng() * 6));
      const p = makeBitPattern(a, 8);
      const exact = lcsNaive(a, b);
      expect(lcsBitParallel(p, b)).toBe(exact);
      // With a target: exact when reachable, -1 (given up) exactly when not.
      const need = Math.floor(rng() * 80);
      expect(lcsBitParallel(p, b, need)).toBe(need > 0 && exact < need ? -1 : exact);
    }
    // long sequences: the running bound checks every 256 symbols
    const a = randSeq(700, 4);
    const b = randSeq(900, 4);
    expect(lcsBitParallel(makeBitPattern(a, 4), b)).toBe(lcsNaive(a, b));
  });
});

describe("pruning never drops a true pair (property, vs brute force)", () => {
  it("length window and bag bound pass every pair with F >= t", () => {
    let truePairs = 0;
    for (let it = 0; it < 3000; it++) {
      const t = [0.3, 0.5, 0.7][it % 3]!;
      const alpha = 2 + Math.floor(rng() * 10);
      const a = randSeq(1 + Math.floor(rng() * 60), alpha);
      const b = rng() < 0.5 ? randSeq(1 + Math.floor(rng() * 60), alpha) : a.filter(() => rng() < 0.7);
      const f = rougeF(lcsNaive(a, b), a.length, b.length);
      if (f < t) continue;
      truePairs++;
      const [lo, hi] = lengthWindow(a.length, t);
      expect(b.length).toBeGreaterThanOrEqual(lo);
      expect(b.length).toBeLessThanOrEqual(hi);
      expect(mayReach(a.length, b.length, bagOverlap(a, b), t)).toBe(true);
    }
    expect(truePairs).toBeGreaterThan(300);
  });

  it("the indexed Checker finds exactly the brute-force pairs", () => {
    for (let round = 0; round < 20; round++) {
      const t = [0.3, 0.5, 0.6][round % 3]!;
      const words = "abcdefgh".split("");
      const text = (n: number) =>
        Array.from({ length: n }, () => words[Math.floor(rng() * words.length)]).join(" ");
      const bench: RepoFiles[] = Array.from({ length: 6 }, (_, i) => ({
        key: `b${i}`,
        files: [{ name: "f", content: text(5 + Math.floor(rng() * 80)) }],
      }));
      const checker = new Checker(buildIndexData(bench, t));
      for (let k = 0; k < 30; k++) {
        const src = bench[k % 6]!.files[0]!.content.split(" ");
        const train = k % 2 ? text(1 + Math.floor(rng() * 120)) : src.filter(() => rng() < 0.8).join(" ");
        const got = new Set(
          checker.checkRepo({ key: "t", files: [{ name: "x", content: train }] }).map((h) => h.eval_repo),
        );
        const tt = codeTokens(train);
        const want = new Set(
          bench
            .filter((r) => {
              const e = codeTokens(r.files[0]!.content);
              const v = new Map<string, number>();
              const enc = (xs: string[]) =>
                Int32Array.from(xs, (x) => v.get(x) ?? (v.set(x, v.size), v.size - 1));
              return rougeF(lcsNaive(enc(e), enc(tt)), e.length, tt.length) >= t;
            })
            .map((r) => r.key),
        );
        expect(got).toEqual(want);
      }
    }
  });
});

describe("contamination runs", () => {
  const tmp = mkdtempSync(join(tmpdir(), "llm4cov-contam-"));
  const bench: RepoFiles[] = [
    {
      key: "bench_a",
      files: [
        { name: "rtl/a.sv", content: repo("a", "\n  // bench a\n  wire z = q[0] ^ q[1];").rtl[0]!.content },
      ],
    },
  ];

  it("reports the same pairs inline and with worker threads", async () => {
    const train: RepoFiles[] = Array.from({ length: 40 }, (_, i) => ({
      key: `t${i}`,
      files: [
        {
          name: "f.sv",
          content:
            i % 10 === 0 ? bench[0]!.files[0]!.content : `module m${i}; endmodule // ${"x ".repeat(i)}`,
        },
      ],
    }));
    const a = await checkContamination(train, bench, { workers: 0 });
    const b = await checkContamination(train, bench, { workers: 2, inlineMs: 0, batchSize: 3 });
    expect([...a.dropped].sort()).toEqual(["t0", "t10", "t20", "t30"]);
    expect(b.pairs).toEqual(a.pairs);
    expect(a.stats.cache_hits).toBe(3); // identical files are checked once
    expect(b.repos).toBe(40);
  });

  it("drops contaminated repositories from SFT rows and from dataset files, keeping the format", async () => {
    const benchPath = join(tmp, "bench.jsonl");
    const native = (id: string, content: string) =>
      JSON.stringify({
        id,
        rtl_files: [{ name: "rtl/c.sv", content }],
        dut_module_name: "counter",
        dut_instance_name: "dut",
      });
    writeFileSync(benchPath, native("bench_a", bench[0]!.files[0]!.content) + "\n");
    const trainPath = join(tmp, "train.jsonl");
    const lines = [
      native("same", bench[0]!.files[0]!.content),
      native("other", "module counter(input clk);\n  initial $finish;\nendmodule"),
    ];
    writeFileSync(trainPath, lines.join("\n") + "\n");
    const r1 = await runContamination({
      train: trainPath,
      eval: benchPath,
      out: join(tmp, "kept.jsonl"),
      workers: 0,
    });
    expect(r1.train).toMatchObject({ kind: "jsonl", repositories: 2, dropped: 1, kept_lines: 1 });
    expect(r1.pairs[0]).toMatchObject({ train_repo: "1:same", eval_repo: "bench_a", rouge_l: 1 });
    expect(readFileSync(join(tmp, "kept.jsonl"), "utf8")).toBe(lines[1] + "\n");
    expect(JSON.parse(readFileSync(join(tmp, "kept.jsonl.contamination.json"), "utf8")).pairs).toHaveLength(
      1,
    );
    // SFT rows: the repository is the task; its files are read back from the prompt.
    const rowsPath = join(tmp, "rows.jsonl");
    const extra = Array.from({ length: 40 }, (_, i) => `\n  wire w${i} = q[${i % 4}] & rst_n;`).join("");
    writeFileSync(
      rowsPath,
      [
        makeRow({ task_id: "task_x" }, "1", extra),
        makeRow({ task_id: "task_x" }, "2", extra),
        makeRow({ task_id: "task_y" }, "3"),
      ]
        .map((r) => JSON.stringify(r))
        .join("\n") + "\n",
    );
    const evalPath = join(tmp, "bench-rows.jsonl");
    writeFileSync(evalPath, native("task_x_bench", repo("task_x", extra).rtl[0]!.content) + "\n");
    const r2 = await runContamination({
      train: rowsPath,
      eval: evalPath,
      out: join(tmp, "rows-kept.jsonl"),
      workers: 0,
    });
    expect(r2.train).toMatchObject({ kind: "rows", repositories: 2, dropped: 1, kept_lines: 1 });
    expect(JSON.parse(readFileSync(join(tmp, "rows-kept.jsonl"), "utf8")).meta.task_id).toBe("task_y");
  });
});
