// `curate filter`: execution-validated rows only (the answer simulated successfully), an
// improvement threshold over the true input state, a minimum coverage, a token-length cap with a
// real tokenizer, and the paper's rebalancing of short-context rows (§4.2: keep 1/3 of short
// direct rows and 1/2 of short agentic rows). Two streaming passes: survivors of the per-row
// rules go to a temporary file, then an exact seeded subset of the short rows is kept.
import { rmSync } from "node:fs";
import { readLines } from "../data/jsonl.js";
import { EPS } from "./parse.js";
import { isSimSuccess } from "../core/state.js";
import { JsonlWriter, makeRng, readRows, sampleIndices } from "./io.js";
import type { SftRow } from "./row.js";
import type { TokenCounter } from "./tokens.js";

export interface FilterOptions {
  /** Minimum coverage gain over the input state (fail_to_pass rows pass regardless). */
  delta: number;
  /** Minimum absolute coverage of the answer (paper stage 0: 0.5). */
  minCoverage: number;
  /** Rows longer than this (prompt + answer, tokens) are dropped. */
  maxTokens: number;
  /** A row is short when its total length is at most this many tokens. */
  shortTokens: number;
  /** Fractions of short rows kept, by context (direct: input is s_0; agentic: any later state). */
  keepShortDirect: number;
  keepShortAgentic: number;
  seed: number | string;
}

export const DEFAULT_FILTER: FilterOptions = {
  delta: 0.01,
  minCoverage: 0,
  maxTokens: 40_960,
  shortTokens: 8192,
  keepShortDirect: 1 / 3,
  keepShortAgentic: 1 / 2,
  seed: 0,
};

export const DROP_REASONS = [
  "output_failed",
  "below_delta",
  "below_min_coverage",
  "too_long",
  "rebalance_short_direct",
  "rebalance_short_agentic",
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface FilterReport {
  input: number;
  kept: number;
  dropped: Record<DropReason, number>;
  short: { direct: { seen: number; kept: number }; agentic: { seen: number; kept: number } };
  tokenizer: string;
  options: FilterOptions;
}

/** Direct rows are generated from s_0 (no testbench yet); every other row is agentic. */
export const rowContext = (row: SftRow): "direct" | "agentic" =>
  row.meta.input_status === null ? "direct" : "agentic";

/** The first per-row rule a row fails, or null. Also stores its token lengths in row.meta.tokens. */
export function perRowReason(row: SftRow, o: FilterOptions, tok: TokenCounter): DropReason | null {
  const m = row.meta;
  if (!isSimSuccess(m.output_status as never)) return "output_failed";
  if (m.improvement !== "fail_to_pass" && m.output_cov - m.input_cov < o.delta - EPS) return "below_delta";
  if (m.output_cov < o.minCoverage - EPS) return "below_min_coverage";
  if (!m.tokens || m.tokens.tokenizer !== tok.name)
    m.tokens = { ...tok.countChat(row.messages), tokenizer: tok.name };
  if (m.tokens.total > o.maxTokens) return "too_long";
  return null;
}

/** How many of n short rows a fraction keeps (rounded to nearest; exact, not in expectation). */
export const keepCount = (n: number, fraction: number) => Math.round(n * Math.max(0, Math.min(1, fraction)));

export async function filterRows(
  inPath: string,
  outPath: string,
  tok: TokenCounter,
  options: Partial<FilterOptions> = {},
): Promise<FilterReport> {
  const o: FilterOptions = { ...DEFAULT_FILTER, ...options };
  const dropped = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
  const tmp = `${outPath}.tmp-${process.pid}`;
  // Pass 1: per-row rules; remember each survivor's rebalancing class (0 none, 1 direct, 2 agentic).
  let cls = new Uint8Array(1024);
  let survivors = 0;
  let input = 0;
  const pass1 = new JsonlWriter(tmp);
  try {
    for await (const row of readRows(inPath)) {
      input++;
      const why = perRowReason(row, o, tok);
      if (why) {
        dropped[why]++;
        continue;
      }
      if (survivors === cls.length) {
        const grown = new Uint8Array(cls.length * 2);
        grown.set(cls);
        cls = grown;
      }
      const short = row.meta.tokens!.total <= o.shortTokens;
      cls[survivors++] = short ? (rowContext(row) === "direct" ? 1 : 2) : 0;
      await pass1.write(row);
    }
  } finally {
    await pass1.close();
  }
  // Exact seeded subsets of each short class.
  const rng = makeRng(`filter:${o.seed}`);
  const keep = new Uint8Array(survivors).fill(1);
  const short = { direct: { seen: 0, kept: 0 }, agentic: { seen: 0, kept: 0 } };
  for (const [c, name, frac] of [
    [1, "direct", o.keepShortDirect],
    [2, "agentic", o.keepShortAgentic],
  ] as const) {
    const members: number[] = [];
    for (let i = 0; i < survivors; i++) if (cls[i] === c) members.push(i);
    const chosen = new Set(sampleIndices(members.length, keepCount(members.length, frac), rng));
    members.forEach((row, j) => (keep[row] = chosen.has(j) ? 1 : 0));
    short[name] = { seen: members.length, kept: chosen.size };
    dropped[name === "direct" ? "rebalance_short_direct" : "rebalance_short_agentic"] =
      members.length - chosen.size;
  }
  // Pass 2: copy the kept survivors verbatim.
  const out = new JsonlWriter(outPath);
  let i = 0;
  try {
    for await (const { text } of readLines(tmp)) if (keep[i++]) await out.writeLine(text);
  } finally {
    await out.close();
    rmSync(tmp, { force: true });
  }
  return { input, kept: out.count, dropped, short, tokenizer: tok.name, options: o };
}

export function formatFilterReport(r: FilterReport): string {
  const lines = [`filter: ${r.input} rows in, ${r.kept} kept (tokenizer ${r.tokenizer})`];
  for (const k of DROP_REASONS) lines.push(`  ${k.padEnd(26)} ${String(r.dropped[k]).padStart(8)}`);
  lines.push(
    `  short direct kept ${r.short.direct.kept}/${r.short.direct.seen}, ` +
      `short agentic kept ${r.short.agentic.kept}/${r.short.agentic.seen} (short: <= ${r.options.shortTokens} tokens)`,
  );
  return lines.join("\n");
}
