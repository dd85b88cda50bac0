// bench/contamination: 20k synthetic training files (Verilog-like RTL and Markdown specs, seeded)
// plus near-duplicates derived from the benchmark files, against the CVDP-ECov dev benchmark's
// spec and RTL files. Prints our throughput (files/s), then times the naive baseline (plain
// O(m*n) LCS for every pair, no bounds, one thread) and ours on the same subset, checks that both
// find the same pairs, and ends with `ratio: <naive time / our time>`.
//
//   npx tsx bench/contamination.ts [--files 20000] [--subset 300] [--workers N]
import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkContamination, evalRepos } from "../src/curate/contamination.js";
import type { RepoFiles } from "../src/curate/contam-index.js";
import { makeRng } from "../src/curate/io.js";
import { codeTokens, lcsNaive, rougeF } from "../src/curate/rouge.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILES = arg("files", 20_000);
const SUBSET = arg("subset", 300);
const WORKERS = process.argv.includes("--workers") ? arg("workers", 2) : undefined;
const THRESHOLD = 0.5;
const BENCH = join(import.meta.dirname, "..", "..", "shared", "benchmarks", "cvdp_ecov_dev.jsonl");

const rng = makeRng("bench-contamination");
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const NAMES = [
  "clk",
  "rst_n",
  "data",
  "valid",
  "ready",
  "addr",
  "wr_en",
  "rd_en",
  "count",
  "state",
  "next_state",
  "din",
  "dout",
  "sel",
  "en",
  "mode",
  "cfg",
  "irq",
  "ack",
  "req",
  "fifo",
  "ptr",
  "buf",
  "acc",
  "sum",
  "tmp",
];
const WORDS = [
  "the",
  "module",
  "signal",
  "is",
  "asserted",
  "when",
  "input",
  "output",
  "clock",
  "reset",
  "data",
  "register",
  "value",
  "cycle",
  "each",
  "shall",
  "be",
  "driven",
  "by",
  "a",
  "an",
  "to",
  "of",
  "and",
  "on",
  "edge",
  "rising",
  "active",
  "low",
  "high",
  "bit",
  "width",
  "parameter",
  "default",
  "interface",
  "counter",
  "state",
  "machine",
  "transition",
  "latency",
  "buffer",
  "read",
  "write",
  "address",
  "enable",
  "valid",
  "ready",
];

const ident = () => (rng() < 0.6 ? pick(NAMES) : pick(NAMES)) + (rng() < 0.5 ? `_${int(0, 99)}` : "");
const expr = (): string =>
  rng() < 0.4
    ? `${int(1, 32)}'h${int(0, 65535).toString(16)}`
    : rng() < 0.5
      ? ident()
      : `${ident()} ${pick(["+", "-", "&", "|", "^"])} ${ident()}`;

function stmt(depth: number): string[] {
  const pad = "  ".repeat(depth + 2);
  const r = rng();
  if (depth < 3 && r < 0.2)
    return [
      `${pad}if (${ident()} ${pick(["==", "!=", "<", ">="])} ${expr()}) begin`,
      ...stmt(depth + 1),
      `${pad}end else begin`,
      ...stmt(depth + 1),
      `${pad}end`,
    ];
  if (depth < 2 && r < 0.3) {
    const arms = Array.from({ length: int(2, 6) }, (_, i) => [
      `${pad}  ${i}: begin`,
      ...stmt(depth + 2),
      `${pad}  end`,
    ]);
    return [
      `${pad}case (${ident()})`,
      ...arms.flat(),
      `${pad}  default: ${ident()} <= ${expr()};`,
      `${pad}endcase`,
    ];
  }
  return [`${pad}${ident()} <= ${expr()};`];
}

function rtlFile(): string {
  const name = `mod_${int(0, 1e6)}`;
  const ports = Array.from(
    { length: int(3, 12) },
    () => `  ${pick(["input", "output"])} ${pick(["wire", "reg", "logic"])} [${int(0, 31)}:0] ${ident()}`,
  );
  const lines = [
    `// ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
    `module ${name} (`,
    ports.join(",\n"),
    ");",
  ];
  const blocks = int(1, 12);
  for (let b = 0; b < blocks; b++) {
    if (rng() < 0.3) lines.push(`  assign ${ident()} = ${expr()};`);
    else lines.push(`  always @(posedge clk or negedge rst_n) begin`, ...stmt(0), "  end");
  }
  lines.push("endmodule");
  return lines.join("\n");
}

function specFile(): string {
  const lines = [`# ${pick(WORDS)} ${pick(WORDS)}`];
  for (let p = int(2, 14); p > 0; p--) {
    lines.push("", `## ${pick(WORDS)} ${pick(WORDS)}`);
    lines.push(Array.from({ length: int(15, 90) }, () => pick(WORDS)).join(" ") + ".");
    for (let k = int(0, 4); k > 0; k--)
      lines.push(`- \`${ident()}\`: ${Array.from({ length: int(3, 12) }, () => pick(WORDS)).join(" ")}`);
  }
  return lines.join("\n");
}

/** A benchmark file with some lines dropped, identifiers renamed and random lines inserted. */
function nearDuplicate(text: string, damage: number): string {
  const rename = new Map<string, string>();
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (rng() < damage) continue;
    out.push(
      line.replace(/\b[a-z_][a-z0-9_]*\b/g, (w) => {
        if (!rename.has(w)) rename.set(w, rng() < damage / 2 ? `${w}_x${int(0, 9)}` : w);
        return rename.get(w)!;
      }),
    );
    if (rng() < damage / 2) out.push(`  ${ident()} <= ${expr()}; // ${pick(WORDS)}`);
  }
  return out.join("\n");
}

function makeTraining(bench: RepoFiles[], files: number): RepoFiles[] {
  const benchFiles = bench.flatMap((r) => r.files);
  const repos: RepoFiles[] = [];
  let n = 0;
  for (let i = 0; n < files; i++) {
    const dup = rng() < 0.01;
    const f = dup
      ? [{ name: "rtl/copy.sv", content: nearDuplicate(pick(benchFiles).content, 0.05 + rng() * 0.6) }]
      : [
          { name: "spec.md", content: specFile() },
          { name: "rtl/top.sv", content: rtlFile() },
        ].slice(0, Math.min(2, files - n));
    repos.push({ key: `train_${i}`, files: f });
    n += f.length;
  }
  return repos;
}

/** Plain all-pairs baseline: tokenize, then textbook DP LCS for every pair, one thread. */
function naive(train: RepoFiles[], bench: RepoFiles[]): Set<string> {
  const vocab = new Map<string, number>();
  const ids = (t: string) =>
    Int32Array.from(codeTokens(t), (x) => {
      let id = vocab.get(x);
      if (id === undefined) vocab.set(x, (id = vocab.size));
      return id;
    });
  const b = bench.flatMap((r) => r.files.map((f) => ({ key: `${r.key}/${f.name}`, ids: ids(f.content) })));
  const pairs = new Set<string>();
  for (const r of train)
    for (const f of r.files) {
      const a = ids(f.content);
      for (const e of b)
        if (rougeF(lcsNaive(e.ids, a), e.ids.length, a.length) >= THRESHOLD)
          pairs.add(`${r.key}/${f.name}|${e.key}`);
    }
  return pairs;
}

async function main(): Promise<void> {
  if (!existsSync(BENCH)) throw new Error(`benchmark not found: ${BENCH}`);
  const bench = await evalRepos(BENCH);
  const benchFiles = bench.reduce((a, r) => a + r.files.length, 0);
  const train = makeTraining(bench, FILES);
  const nFiles = train.reduce((a, r) => a + r.files.length, 0);
  console.log(`benchmark: ${bench.length} repositories, ${benchFiles} files (spec + RTL)`);
  console.log(
    `training: ${train.length} synthetic repositories, ${nFiles} files (${train.filter((r) => r.key && r.files[0]!.name === "rtl/copy.sv").length} near-duplicates)`,
  );

  const full = await checkContamination(train, bench, { threshold: THRESHOLD, workers: WORKERS });
  const s = full.stats;
  console.log(
    `ours, all ${nFiles} files: ${full.seconds.toFixed(2)} s, ${(nFiles / full.seconds).toFixed(0)} files/s, ${full.pairs.length} pairs, ${full.dropped.size} repositories dropped`,
  );
  console.log(
    `  pairs ${s.pairs_total}: length-pruned ${s.length_pruned} (${((100 * s.length_pruned) / s.pairs_total).toFixed(1)}%), bag-pruned ${s.bag_pruned} (${((100 * s.bag_pruned) / s.pairs_total).toFixed(1)}%), exact LCS ${s.lcs_runs} (${s.lcs_early_exit} stopped early)`,
  );

  // The subset: the first near-duplicates and the rest ordinary files, SUBSET files in all.
  const dups = train.filter((r) => r.files[0]!.name === "rtl/copy.sv").slice(0, Math.ceil(SUBSET / 10));
  const rest = train.filter((r) => r.files[0]!.name !== "rtl/copy.sv");
  const subset = [...dups];
  for (let i = 0, n = dups.length; n < SUBSET && i < rest.length; i++) {
    subset.push(rest[i]!);
    n += rest[i]!.files.length;
  }
  const subFiles = subset.reduce((a, r) => a + r.files.length, 0);
  let t0 = performance.now();
  const naivePairs = naive(subset, bench);
  const naiveS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const ours = await checkContamination(subset, bench, { threshold: THRESHOLD, workers: WORKERS });
  const oursS = (performance.now() - t0) / 1000;
  const oursPairs = new Set(
    ours.pairs.map((p) => `${p.train_repo}/${p.train_file}|${p.eval_repo}/${p.eval_file}`),
  );
  const same = naivePairs.size === oursPairs.size && [...naivePairs].every((p) => oursPairs.has(p));
  console.log(`subset: ${subFiles} files x ${benchFiles} benchmark files = ${subFiles * benchFiles} pairs`);
  console.log(
    `  naive (all-pairs DP LCS, one thread): ${naiveS.toFixed(2)} s, ${(subFiles / naiveS).toFixed(1)} files/s, ${naivePairs.size} pairs`,
  );
  console.log(
    `  ours: ${oursS.toFixed(3)} s, ${(subFiles / oursS).toFixed(0)} files/s, ${oursPairs.size} pairs; same pairs: ${same ? "yes" : "NO"}`,
  );
  if (!same) process.exitCode = 1;
  console.log(`ratio: ${(naiveS / oursS).toFixed(1)}`);
}

await main();
