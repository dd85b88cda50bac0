// Inline SVG charts of the HTML reports (no external assets or scripts): a line chart of
// fractions by round cap and horizontal bars. The pages themselves are in run-page.ts,
// task-page.ts and compare.ts.
import { esc } from "./html-kit.js";
import { pct } from "./text.js";

interface Series {
  name: string;
  color: string;
  values: number[];
}

/** Line chart of fractions in [0,1] over x = 0..n-1. */
export function lineChart(
  title: string,
  xLabel: string,
  series: Series[],
  width = 520,
  height = 260,
): string {
  const pad = { l: 48, r: 130, t: 28, b: 40 };
  const w = width - pad.l - pad.r;
  const h = height - pad.t - pad.b;
  const n = Math.max(1, ...series.map((s) => s.values.length));
  const x = (i: number) => pad.l + (n === 1 ? w / 2 : (i * w) / (n - 1));
  // The axis starts at the lowest 20 % step below the data, so close curves near 100 % separate.
  const all = series.flatMap((s) => s.values);
  const lo = all.length ? Math.max(0, Math.floor(Math.min(...all) * 5 - 1e-9) / 5) : 0;
  const y = (v: number) => pad.t + h - ((v - lo) / (1 - lo || 1)) * h;
  const grid = [0, 1, 2, 3, 4]
    .map((i) => lo + (i * (1 - lo)) / 4)
    .map(
      (v) =>
        `<line x1="${pad.l}" x2="${pad.l + w}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>` +
        `<text x="${pad.l - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${+(v * 100).toFixed(1)}%</text>`,
    )
    .join("");
  const ticks = Array.from(
    { length: n },
    (_, i) => `<text x="${x(i)}" y="${pad.t + h + 16}" text-anchor="middle" font-size="11">${i}</text>`,
  ).join("");
  const lines = series
    .map((s, si) => {
      // A one-round series (a direct run) beside longer ones: its value holds at every cap, dashed.
      const flat = s.values.length === 1 && n > 1;
      const vals = flat ? [s.values[0]!, s.values[0]!] : s.values;
      const xs = flat ? [0, n - 1] : vals.map((_, i) => i);
      const pts = vals.map((v, i) => `${x(xs[i]!).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
      const dots = s.values
        .map(
          (v, i) =>
            `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${s.color}"><title>${esc(s.name)} ${pct(v)}</title></circle>`,
        )
        .join("");
      const legend = `<rect x="${pad.l + w + 14}" y="${pad.t + si * 18}" width="10" height="10" fill="${s.color}"/><text x="${pad.l + w + 30}" y="${pad.t + si * 18 + 9}" font-size="12">${esc(s.name)}</text>`;
      return `<polyline fill="none" stroke="${s.color}" stroke-width="2"${flat ? ' stroke-dasharray="6 4"' : ""} points="${pts}"/>${dots}${legend}`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">
<text x="${pad.l}" y="16" font-size="13" font-weight="bold">${esc(title)}</text>${grid}${ticks}
<text x="${pad.l + w / 2}" y="${height - 6}" text-anchor="middle" font-size="11">${esc(xLabel)}</text>${lines}</svg>`;
}

/** Horizontal bars of fractions in [0,1], with an optional target marker per bar. */
export function barChart(
  title: string,
  bars: { label: string; value: number; target?: number }[],
  width = 640,
): string {
  const rowH = 18;
  const pad = { l: 200, r: 60, t: 28, b: 10 };
  const w = width - pad.l - pad.r;
  const height = pad.t + pad.b + bars.length * rowH;
  const rows = bars
    .map((b, i) => {
      const yy = pad.t + i * rowH;
      const target =
        b.target !== undefined
          ? `<line x1="${pad.l + b.target * w}" x2="${pad.l + b.target * w}" y1="${yy}" y2="${yy + rowH - 4}" stroke="#c00" stroke-width="2"><title>target ${pct(b.target)}</title></line>`
          : "";
      return `<text x="${pad.l - 6}" y="${yy + 12}" text-anchor="end" font-size="11">${esc(b.label.slice(0, 32))}</text>
<rect x="${pad.l}" y="${yy}" width="${(b.value * w).toFixed(1)}" height="${rowH - 4}" fill="#4a7fb5"><title>${esc(b.label)} ${pct(b.value)}</title></rect>${target}
<text x="${pad.l + b.value * w + 4}" y="${yy + 12}" font-size="11">${pct(b.value)}</text>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">
<text x="${pad.l}" y="16" font-size="13" font-weight="bold">${esc(title)}</text>${rows}</svg>`;
}
