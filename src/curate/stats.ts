// `curate stats`: token-length distribution and composition of a row file. Token lengths come
// from meta.tokens (written by `curate filter`) or are counted with the tokenizer when missing.
import { EPS } from "./parse.js";
import { rowContext } from "./filter.js";
import type { SftRow } from "./row.js";
import type { TokenCounter } from "./tokens.js";

export interface Dist {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

export interface RowStats {
  rows: number;
  tokenizer: string | null;
  tokens: { total: Dist; prompt: Dist; answer: Dist };
  by_run_type: Record<string, number>;
  by_stage: Record<string, number>;
  by_trace_type: Record<string, number>;
  by_improvement: Record<string, number>;
  by_context: Record<string, number>;
  input_cov: Record<string, number>;
  output_cov: Record<string, number>;
  gain: Dist;
}

/** Quantile with linear interpolation between closest ranks (numpy's default). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function distribution(values: number[]): Dist {
  const s = Float64Array.from(values).sort();
  const n = s.length;
  return {
    count: n,
    min: n ? s[0]! : 0,
    q1: quantile(s, 0.25),
    median: quantile(s, 0.5),
    q3: quantile(s, 0.75),
    max: n ? s[n - 1]! : 0,
    mean: n ? s.reduce((a, b) => a + b, 0) / n : 0,
  };
}

export const COV_BUCKETS = ["<0.5", "0.5-0.6", "0.6-0.7", "0.7-0.8", "0.8-0.9", "0.9-1.0", "1.0"] as const;

/** Bucket of a coverage value: [0,0.5), [0.5,0.6), ..., [0.9,1.0), and exactly full coverage. */
export function covBucket(c: number): (typeof COV_BUCKETS)[number] {
  if (c >= 1 - EPS) return "1.0";
  if (c < 0.5) return "<0.5";
  return COV_BUCKETS[Math.min(5, Math.floor((c + EPS) * 10) - 4)]!;
}

const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
const zeroBuckets = () => Object.fromEntries(COV_BUCKETS.map((b) => [b, 0])) as Record<string, number>;

/**
 * Streams rows once. `tokenizer` (loaded lazily, only when a row needs it) counts rows without
 * stored lengths, or every row whose stored lengths come from another tokenizer when `recount`.
 */
export async function computeStats(
  rows: AsyncIterable<SftRow> | Iterable<SftRow>,
  tokenizer: () => Promise<TokenCounter>,
  opts: { recount?: boolean } = {},
): Promise<RowStats> {
  let tok: TokenCounter | null = opts.recount ? await tokenizer() : null;
  const total: number[] = [];
  const prompt: number[] = [];
  const answer: number[] = [];
  const gain: number[] = [];
  const tokNames = new Set<string>();
  const st: RowStats = {
    rows: 0,
    tokenizer: null,
    tokens: { total: distribution([]), prompt: distribution([]), answer: distribution([]) },
    by_run_type: {},
    by_stage: {},
    by_trace_type: {},
    by_improvement: {},
    by_context: { direct: 0, agentic: 0 },
    input_cov: zeroBuckets(),
    output_cov: zeroBuckets(),
    gain: distribution([]),
  };
  for await (const row of rows) {
    const m = row.meta;
    st.rows++;
    let t = m.tokens;
    if (!t || (opts.recount && t.tokenizer !== tok!.name)) {
      tok ??= await tokenizer();
      t = { ...tok.countChat(row.messages), tokenizer: tok.name };
    }
    tokNames.add(t.tokenizer);
    total.push(t.total);
    prompt.push(t.prompt);
    answer.push(t.answer);
    gain.push(m.output_cov - m.input_cov);
    bump(st.by_run_type, m.run_type);
    bump(st.by_stage, m.stage === null ? "none" : String(m.stage));
    bump(st.by_trace_type, m.trace_type ?? "none");
    bump(st.by_improvement, m.improvement);
    bump(st.by_context, rowContext(row));
    bump(st.input_cov, covBucket(m.input_cov));
    bump(st.output_cov, covBucket(m.output_cov));
  }
  st.tokenizer = tokNames.size ? [...tokNames].sort().join(", ") : null;
  st.tokens = { total: distribution(total), prompt: distribution(prompt), answer: distribution(answer) };
  st.gain = distribution(gain);
  return st;
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : "-");

export function formatStats(s: RowStats): string {
  const distRow = (name: string, d: Dist, digits = 0) =>
    `${name.padEnd(10)}${[d.min, d.q1, d.median, d.q3, d.max, d.mean]
      .map((v) => v.toFixed(digits).padStart(10))
      .join("")}`;
  const lines = [
    `rows: ${s.rows}   tokenizer: ${s.tokenizer ?? "-"}`,
    "",
    `${"tokens".padEnd(10)}${["min", "q1", "median", "q3", "max", "mean"].map((h) => h.padStart(10)).join("")}`,
    distRow("total", s.tokens.total),
    distRow("prompt", s.tokens.prompt),
    distRow("answer", s.tokens.answer),
    distRow("cov gain", s.gain, 3),
  ];
  const section = (title: string, m: Record<string, number>) => {
    lines.push("", title);
    for (const [k, v] of Object.entries(m))
      lines.push(`  ${k.padEnd(16)}${String(v).padStart(8)}  ${pct(v, s.rows)}`);
  };
  section("run type", s.by_run_type);
  section("context", s.by_context);
  section("stage", s.by_stage);
  section("trace type", s.by_trace_type);
  section("improvement", s.by_improvement);
  section("input coverage", s.input_cov);
  section("output coverage", s.output_cov);
  return lines.join("\n");
}
