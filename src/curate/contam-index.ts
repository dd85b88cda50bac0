// The benchmark side of the contamination check, prepared once: a vocabulary of benchmark
// tokens, each benchmark file as a bit-parallel LCS pattern, files sorted by length (for the
// length window) and an inverted index symbol -> (file, count) for the bag-overlap bound.
// A Checker takes one training file at a time: length window -> bag bound -> exact LCS with a
// running bound. Every pruning step is a proven upper bound (see rouge.ts), so no pair with
// ROUGE-L >= t is ever skipped. Pure logic: it runs the same in the main thread and in workers.
import { createHash } from "node:crypto";
import {
  codeTokens,
  lcsBitParallel,
  lengthWindow,
  makeBitPattern,
  minLcsFor,
  rougeF,
  type BitPattern,
} from "./rouge.js";

export interface NamedText {
  name: string;
  content: string;
}
export interface RepoFiles {
  key: string;
  files: NamedText[];
}

/** What a worker needs to rebuild the index (structured-clone friendly). */
export interface IndexData {
  threshold: number;
  vocab: string[];
  files: { repo: string; name: string; ids: Int32Array }[];
}

export interface PairHit {
  train_repo: string;
  train_file: string;
  eval_repo: string;
  eval_file: string;
  lcs: number;
  train_tokens: number;
  eval_tokens: number;
  rouge_l: number;
}

export interface CheckStats {
  train_files: number;
  cache_hits: number;
  pairs_total: number;
  length_pruned: number;
  bag_pruned: number;
  lcs_runs: number;
  lcs_early_exit: number;
}

export const emptyStats = (): CheckStats => ({
  train_files: 0,
  cache_hits: 0,
  pairs_total: 0,
  length_pruned: 0,
  bag_pruned: 0,
  lcs_runs: 0,
  lcs_early_exit: 0,
});

export function addStats(a: CheckStats, b: CheckStats): CheckStats {
  for (const k of Object.keys(a) as (keyof CheckStats)[]) a[k] += b[k];
  return a;
}

/** Tokenizes the benchmark files and assigns dense ids to their tokens. */
export function buildIndexData(evalRepos: RepoFiles[], threshold: number): IndexData {
  const vocab = new Map<string, number>();
  const files: IndexData["files"] = [];
  for (const r of evalRepos)
    for (const f of r.files) {
      const ids = Int32Array.from(codeTokens(f.content), (t) => {
        let id = vocab.get(t);
        if (id === undefined) vocab.set(t, (id = vocab.size));
        return id;
      });
      files.push({ repo: r.key, name: f.name, ids });
    }
  return { threshold, vocab: [...vocab.keys()], files };
}

interface Hit {
  file: number;
  lcs: number;
}

export class Checker {
  readonly stats = emptyStats();
  private readonly vocab: Map<string, number>;
  private readonly patterns: BitPattern[];
  /** File indices sorted by length, and those lengths. */
  private readonly byLen: Int32Array;
  private readonly lens: Int32Array;
  private readonly postStart: Int32Array;
  private readonly postFile: Int32Array;
  private readonly postCount: Int32Array;
  private readonly counts: Int32Array;
  private readonly overlap: Int32Array;
  private readonly inWindow: Uint8Array;
  private readonly scratch: Uint32Array;
  private readonly cache = new Map<string, Hit[]>();

  constructor(readonly data: IndexData) {
    const V = data.vocab.length;
    this.vocab = new Map(data.vocab.map((t, i) => [t, i]));
    this.patterns = data.files.map((f) => makeBitPattern(f.ids, V));
    const order = data.files
      .map((_, i) => i)
      .sort((a, b) => data.files[a]!.ids.length - data.files[b]!.ids.length);
    this.byLen = Int32Array.from(order);
    this.lens = Int32Array.from(order, (i) => data.files[i]!.ids.length);
    // Inverted index in CSR form: for each symbol, the files holding it and how often.
    const perSym: Map<number, number>[] = data.files.map((f) => {
      const m = new Map<number, number>();
      for (const s of f.ids) m.set(s, (m.get(s) ?? 0) + 1);
      return m;
    });
    this.postStart = new Int32Array(V + 1);
    for (const m of perSym) for (const s of m.keys()) this.postStart[s + 1]!++;
    for (let s = 0; s < V; s++) this.postStart[s + 1]! += this.postStart[s]!;
    const fill = this.postStart.slice(0, V);
    const total = this.postStart[V]!;
    this.postFile = new Int32Array(total);
    this.postCount = new Int32Array(total);
    perSym.forEach((m, f) => {
      for (const [s, c] of m) {
        const at = fill[s]!++;
        this.postFile[at] = f;
        this.postCount[at] = c;
      }
    });
    this.counts = new Int32Array(V);
    this.overlap = new Int32Array(data.files.length);
    this.inWindow = new Uint8Array(data.files.length);
    this.scratch = new Uint32Array(Math.max(1, ...this.patterns.map((p) => p.words)));
  }

  /** Benchmark token ids of a training text; tokens no benchmark file has become -1 (never match). */
  ids(text: string): Int32Array {
    return Int32Array.from(codeTokens(text), (t) => this.vocab.get(t) ?? -1);
  }

  /** Benchmark files reaching ROUGE-L >= threshold against one training text, with their LCS. */
  checkText(text: string): Hit[] {
    this.stats.train_files++;
    const key = createHash("sha1").update(text).digest("base64");
    const cached = this.cache.get(key);
    if (cached) {
      this.stats.cache_hits++;
      return cached;
    }
    const hits = this.checkIds(this.ids(text));
    if (this.cache.size >= 100_000) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, hits);
    return hits;
  }

  checkIds(ids: Int32Array): Hit[] {
    const t = this.data.threshold;
    const n = ids.length;
    const B = this.data.files.length;
    this.stats.pairs_total += B;
    // 1. Length window: binary search the sorted lengths.
    const [lo, hi] = lengthWindow(n, t);
    const first = lowerBound(this.lens, lo);
    const last = lowerBound(this.lens, hi + 1);
    this.stats.length_pruned += B - (last - first);
    if (first >= last) return [];
    for (let k = first; k < last; k++) this.inWindow[this.byLen[k]!] = 1;
    // 2. Bag overlap with every file in the window, through the inverted index.
    const touched: number[] = [];
    for (let j = 0; j < n; j++) {
      const s = ids[j]!;
      if (s < 0) continue;
      if (this.counts[s]!++ === 0) touched.push(s);
    }
    for (const s of touched) {
      const c = this.counts[s]!;
      for (let p = this.postStart[s]!; p < this.postStart[s + 1]!; p++) {
        const f = this.postFile[p]!;
        if (this.inWindow[f]) this.overlap[f]! += Math.min(c, this.postCount[p]!);
      }
      this.counts[s] = 0;
    }
    // 3. Exact LCS only where the bounds allow F >= t.
    const hits: Hit[] = [];
    for (let k = first; k < last; k++) {
      const f = this.byLen[k]!;
      const m = this.lens[k]!;
      const need = Math.max(1, minLcsFor(m, n, t));
      const o = this.overlap[f]!;
      this.overlap[f] = 0;
      this.inWindow[f] = 0;
      if (o < need) {
        this.stats.bag_pruned++;
        continue;
      }
      this.stats.lcs_runs++;
      const lcs = lcsBitParallel(this.patterns[f]!, ids, need, this.scratch);
      if (lcs < 0) this.stats.lcs_early_exit++;
      else if (rougeF(lcs, m, n) >= t) hits.push({ file: f, lcs });
    }
    return hits;
  }

  checkRepo(repo: RepoFiles): PairHit[] {
    const out: PairHit[] = [];
    for (const f of repo.files) {
      const n = codeTokens(f.content).length;
      for (const h of this.checkText(f.content)) {
        const e = this.data.files[h.file]!;
        out.push({
          train_repo: repo.key,
          train_file: f.name,
          eval_repo: e.repo,
          eval_file: e.name,
          lcs: h.lcs,
          train_tokens: n,
          eval_tokens: e.ids.length,
          rouge_l: rougeF(h.lcs, e.ids.length, n),
        });
      }
    }
    return out;
  }

  takeStats(): CheckStats {
    const s = { ...this.stats };
    Object.assign(this.stats, emptyStats());
    return s;
  }
}

function lowerBound(xs: Int32Array, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
