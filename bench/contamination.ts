// bench/contamination: the ROUGE-L contamination filter against the naive baseline, on a
// corpus of real designs. Training data: the bundled example designs and the CVDP-ECov DEV
// designs, plus systematic variants of them (signals renamed consistently across a repository's
// RTL and spec, always blocks reordered, widths and parameter defaults changed, comments added
// from the designs' own spec sentences or removed, spec sections reordered). Evaluation set: the
// DEV benchmark. Variants of DEV designs are contamination the filter must find; variants of the
// example designs are clean. Both sides run on ONE thread (ours with workers: 0), so the ratio
// compares algorithms, not core counts; with --workers N ours is also timed on N threads and
// reported per thread. Ends with `ratio: <naive time / our time>` on the same subset.
//
//   npx tsx bench/contamination.ts [--files 4000] [--subset 120] [--workers N]
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { RepoFiles } from "../src/curate/contam-index.js";
import { checkContamination, evalRepos } from "../src/curate/contamination.js";
import { makeRng } from "../src/curate/io.js";
import { codeTokens, lcsNaive, rougeF } from "../src/curate/rouge.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILES = arg("files", 4000);
const SUBSET = arg("subset", 120);
const WORKERS = process.argv.includes("--workers") ? arg("workers", 2) : 0;
const THRESHOLD = 0.5;
const ROOT = join(import.meta.dirname, "..");
const DEV = join(ROOT, "benchmarks", "cvdp_ecov_dev.jsonl");
const EXAMPLES = join(ROOT, "examples", "designs.jsonl");

const rng = makeRng("bench-contamination");
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const shuffle = <T>(xs: T[]): T[] => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
};

const isRtl = (name: string) => /\.(sv|v|svh|vh)$/.test(name);
const KEYWORDS = new Set(
  (
    "module endmodule input output inout wire reg logic always always_ff always_comb always_latch " +
    "assign begin end if else case endcase default posedge negedge or and not parameter localparam " +
    "integer int genvar generate endgenerate for function endfunction task endtask typedef enum struct " +
    "packed signed unsigned initial bit byte"
  ).split(" "),
);

/** Signals a design declares (ports, nets, variables, parameters): the names a rename touches. */
function declaredNames(rtl: string[]): string[] {
  const names = new Set<string>();
  const decl =
    /\b(?:input|output|inout|wire|reg|logic|parameter|localparam|integer)\b[^;()]*?\b([A-Za-z_]\w*)\s*(?=[,;=)[]|$)/gm;
  for (const t of rtl) for (const m of t.matchAll(decl)) if (!KEYWORDS.has(m[1]!)) names.add(m[1]!);
  return [...names];
}

const SUFFIXES = ["_q", "_r", "_reg", "_i", "_o", "_sig", "_s", "_d", "_nxt", "_int"];
const SYNONYMS: Record<string, string[]> = {
  data: ["payload", "dat", "word"],
  count: ["cnt", "counter", "tally"],
  cnt: ["count", "ctr"],
  addr: ["address", "adr"],
  valid: ["vld", "avail"],
  ready: ["rdy", "accept"],
  state: ["st", "fsm_state"],
  clk: ["clock", "clk_i"],
  rst: ["reset", "rst_i"],
  en: ["enable", "ena"],
  out: ["result", "res"],
  in: ["src", "inp"],
};

/** A consistent new name for `n` (word synonyms where one fits, else a suffix). */
function rename(n: string): string {
  const parts = n.split("_");
  const k = parts.findIndex((p) => SYNONYMS[p.toLowerCase()]);
  if (k >= 0 && rng() < 0.7) {
    parts[k] = pick(SYNONYMS[parts[k]!.toLowerCase()]!);
    return parts.join("_");
  }
  return n + pick(SUFFIXES);
}

/** Top-level always/assign items of a module body, as [start, end) line ranges. */
function alwaysBlocks(lines: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*always(_ff|_comb|_latch)?\b/.test(lines[i]!)) continue;
    let depth = 0;
    let j = i;
    for (; j < lines.length; j++) {
      const code = lines[j]!.replace(/\/\/.*$/, "");
      depth += (code.match(/\b(begin|case)\b/g) ?? []).length;
      depth -= (code.match(/\b(end|endcase)\b/g) ?? []).length;
      if (depth <= 0 && (j > i || /;\s*$/.test(code))) break;
    }
    out.push([i, j + 1]);
    i = j;
  }
  return out;
}

function reorderAlways(text: string): string {
  const lines = text.split("\n");
  const blocks = alwaysBlocks(lines);
  if (blocks.length < 2) return text;
  // Permute the blocks among their own slots; everything between them stays in place.
  const bodies = shuffle(blocks.map(([a, b]) => lines.slice(a, b)));
  const out: string[] = [];
  let at = 0;
  blocks.forEach(([a, b], k) => {
    out.push(...lines.slice(at, a), ...bodies[k]!);
    at = b;
  });
  out.push(...lines.slice(at));
  return out.join("\n");
}

function changeWidths(text: string): string {
  return text
    .replace(/\[(\d+):0\]/g, (m, msb: string) => (rng() < 0.5 ? `[${Number(msb) * 2 + 1}:0]` : m))
    .replace(/(\bparameter\b[^=;]*=\s*)(\d+)/g, (m, pre: string, v: string) =>
      rng() < 0.6 ? `${pre}${Number(v) * 2}` : m,
    );
}

function recomment(text: string, sentences: string[], rtl: boolean): string {
  const lead = rtl ? "// " : "> ";
  let lines = text.split("\n");
  if (rtl && rng() < 0.5)
    lines = lines.map((l) => l.replace(/\s*\/\/.*$/, "")).filter((l, i, a) => l || a[i - 1]);
  const out: string[] = [];
  for (const l of lines) {
    if (sentences.length && rng() < 0.08) out.push(lead + pick(sentences));
    out.push(l);
  }
  return out.join("\n");
}

function reorderSections(md: string): string {
  const parts = md.split(/\n(?=#{2,3} )/);
  if (parts.length < 3) return md;
  return [parts[0]!, ...shuffle(parts.slice(1))].join("\n");
}

/** One systematic variant of a repository: the same transformations across all its files. */
function variant(repo: RepoFiles, key: string): RepoFiles {
  const rtl = repo.files.filter((f) => isRtl(f.name)).map((f) => f.content);
  const sentences = repo.files
    .filter((f) => !isRtl(f.name))
    .flatMap((f) => f.content.split(/(?<=[.!?])\s+/))
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 20 && s.length < 160);
  const doRename = rng() < 0.8;
  const names = declaredNames(rtl).filter(() => doRename && rng() < 0.6);
  const map = new Map(names.map((n) => [n, rename(n)]));
  const re = map.size ? new RegExp(`\\b(${[...map.keys()].join("|")})\\b`, "g") : null;
  const [reorder, widths, comments] = [rng() < 0.6, rng() < 0.5, rng() < 0.7];
  return {
    key,
    files: repo.files.map((f) => {
      let t = re ? f.content.replace(re, (n) => map.get(n)!) : f.content;
      if (isRtl(f.name)) {
        if (reorder) t = reorderAlways(t);
        if (widths) t = changeWidths(t);
      } else if (reorder) t = reorderSections(t);
      if (comments) t = recomment(t, sentences, isRtl(f.name));
      return { name: f.name, content: t };
    }),
  };
}

function makeTraining(dev: RepoFiles[], examples: RepoFiles[], files: number): RepoFiles[] {
  // The originals themselves first (exact copies are contamination too), then variants.
  const repos: RepoFiles[] = [
    ...dev.map((r) => ({ ...r, key: `dev:${r.key}#0` })),
    ...examples.map((r) => ({ ...r, key: `ex:${r.key}#0` })),
  ];
  let n = repos.reduce((a, r) => a + r.files.length, 0);
  for (let i = 1; n < files; i++) {
    const fromDev = rng() < 0.3;
    const src = pick(fromDev ? dev : examples);
    const v = variant(src, `${fromDev ? "dev" : "ex"}:${src.key}#${i}`);
    repos.push(v);
    n += v.files.length;
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
  for (const p of [DEV, EXAMPLES]) if (!existsSync(p)) throw new Error(`not found: ${p}`);
  const bench = await evalRepos(DEV);
  const examples = await evalRepos(EXAMPLES);
  const benchFiles = bench.reduce((a, r) => a + r.files.length, 0);
  const train = makeTraining(bench, examples, FILES);
  const nFiles = train.reduce((a, r) => a + r.files.length, 0);
  const fromDev = train.filter((r) => r.key.startsWith("dev:"));
  const tokens = train.reduce((a, r) => a + r.files.reduce((b, f) => b + codeTokens(f.content).length, 0), 0);
  const vocab = new Set(train.flatMap((r) => r.files.flatMap((f) => codeTokens(f.content))));
  console.log(`benchmark (DEV): ${bench.length} repositories, ${benchFiles} files (spec + RTL)`);
  console.log(
    `training: ${train.length} repositories (${fromDev.length} from DEV designs, ${train.length - fromDev.length} from the ${examples.length} example designs), ${nFiles} files, ${(tokens / nFiles).toFixed(0)} tokens/file, vocabulary ${vocab.size} tokens`,
  );

  const full = await checkContamination(train, bench, { threshold: THRESHOLD, workers: 0 });
  const s = full.stats;
  const flaggedDev = fromDev.filter((r) => full.dropped.has(r.key)).length;
  const flaggedEx = [...full.dropped].filter((k) => k.startsWith("ex:")).length;
  console.log(
    `ours, all ${nFiles} files, 1 thread: ${full.seconds.toFixed(2)} s, ${(nFiles / full.seconds).toFixed(0)} files/s; dropped ${flaggedDev}/${fromDev.length} DEV-derived and ${flaggedEx}/${train.length - fromDev.length} example-derived repositories`,
  );
  console.log(
    `  pairs ${s.pairs_total}: length-pruned ${s.length_pruned} (${((100 * s.length_pruned) / s.pairs_total).toFixed(1)}%), bag-pruned ${s.bag_pruned} (${((100 * s.bag_pruned) / s.pairs_total).toFixed(1)}%), exact LCS ${s.lcs_runs} (${s.lcs_early_exit} stopped early)`,
  );
  if (WORKERS > 0) {
    const par = await checkContamination(train, bench, {
      threshold: THRESHOLD,
      workers: WORKERS,
      inlineMs: 0,
    });
    console.log(
      `ours, ${WORKERS} worker threads: ${par.seconds.toFixed(2)} s, ${(nFiles / par.seconds / WORKERS).toFixed(0)} files/s per thread`,
    );
  }

  // The subset: DEV-derived and example-derived repositories alternating, SUBSET files in all.
  const exRepos = train.filter((r) => r.key.startsWith("ex:"));
  const subset: RepoFiles[] = [];
  let subFiles = 0;
  for (let i = 0; subFiles < SUBSET && (i < fromDev.length || i < exRepos.length); i++)
    for (const r of [fromDev[i], exRepos[i]])
      if (r && subFiles < SUBSET) {
        subset.push(r);
        subFiles += r.files.length;
      }
  let t0 = performance.now();
  const naivePairs = naive(subset, bench);
  const naiveS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const ours = await checkContamination(subset, bench, { threshold: THRESHOLD, workers: 0 });
  const oursS = (performance.now() - t0) / 1000;
  const oursPairs = new Set(
    ours.pairs.map((p) => `${p.train_repo}/${p.train_file}|${p.eval_repo}/${p.eval_file}`),
  );
  const same = naivePairs.size === oursPairs.size && [...naivePairs].every((p) => oursPairs.has(p));
  console.log(
    `subset: ${subFiles} files x ${benchFiles} benchmark files = ${subFiles * benchFiles} pairs, both on 1 thread`,
  );
  console.log(
    `  naive (all-pairs DP LCS): ${naiveS.toFixed(2)} s, ${(subFiles / naiveS).toFixed(1)} files/s, ${naivePairs.size} pairs`,
  );
  console.log(
    `  ours: ${oursS.toFixed(3)} s, ${(subFiles / oursS).toFixed(0)} files/s, ${oursPairs.size} pairs; same pairs: ${same ? "yes" : "NO"}`,
  );
  if (!same) process.exitCode = 1;
  console.log(`ratio: ${(naiveS / oursS).toFixed(1)}`);
}

await main();
