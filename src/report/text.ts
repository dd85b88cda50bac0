// Plain-text helpers shared by the terminal summaries.

/** A fraction in [0,1] as a percentage with one decimal. */
export const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** Aligned columns: the first left-aligned, the rest right-aligned; rows[0] is the header. */
export function textTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "))
    .join("\n");
}
