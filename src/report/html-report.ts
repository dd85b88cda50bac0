// A self-contained HTML report for a run: the metrics table and inline SVG plots (coverage
// and pass rates by round cap, best coverage per task). No external assets or scripts.
import type { EvalSummary } from "../agent/eval.js";
import { pct } from "./text.js";

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

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
  const y = (v: number) => pad.t + h - v * h;
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (v) =>
        `<line x1="${pad.l}" x2="${pad.l + w}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>` +
        `<text x="${pad.l - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v * 100}%</text>`,
    )
    .join("");
  const ticks = Array.from(
    { length: n },
    (_, i) => `<text x="${x(i)}" y="${pad.t + h + 16}" text-anchor="middle" font-size="11">${i}</text>`,
  ).join("");
  const lines = series
    .map((s, si) => {
      const pts = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
      const dots = s.values
        .map(
          (v, i) =>
            `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${s.color}"><title>${esc(s.name)} ${pct(v)}</title></circle>`,
        )
        .join("");
      const legend = `<rect x="${pad.l + w + 14}" y="${pad.t + si * 18}" width="10" height="10" fill="${s.color}"/><text x="${pad.l + w + 30}" y="${pad.t + si * 18 + 9}" font-size="12">${esc(s.name)}</text>`;
      return `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts}"/>${dots}${legend}`;
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

export function evalReportHtml(s: EvalSummary, title = "llm4cov evaluation"): string {
  const m = s.metrics;
  const rows = (["cov_pass", "avg_cov", "sim_pass"] as const)
    .map((k) => {
      const name = { cov_pass: "Cov Pass", avg_cov: "Avg Cov", sim_pass: "Sim Pass" }[k];
      return `<tr><td>${name}</td><td>${pct(m[k].at1)}</td><td>${pct(m[k].atk)}</td><td>${pct(m[k].any)}</td></tr>`;
    })
    .join("");
  const rounds = lineChart("Pass rates and coverage by round cap", "round cap", [
    { name: "Avg Cov", color: "#4a7fb5", values: s.per_round.map((r) => r.avg_cov) },
    { name: "Cov Pass", color: "#2a9d4b", values: s.per_round.map((r) => r.cov_pass) },
    { name: "Sim Pass", color: "#e08a1e", values: s.per_round.map((r) => r.sim_pass) },
  ]);
  const tasks = barChart(
    "Best coverage per task",
    s.per_task.map((t) => ({ label: t.task_id, value: t.best_cov })),
  );
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}td:first-child,th:first-child{text-align:left}</style>
</head><body><h1>${esc(title)}</h1>
<p>Mode <b>${esc(s.mode)}</b>: ${s.tasks} tasks, ${s.samples_done} samples done, ${s.samples_failed} failed (infrastructure). Run directory <code>${esc(s.run_dir)}</code>.</p>
<table><tr><th>metric</th><th>pass@1</th><th>pass@${m.cov_pass.k} (unbiased)</th><th>any of n</th></tr>${rows}</table>
<p>Avg Cov counts failed simulations as 0; its pass@k column is the expected best score of k samples.</p>
${rounds}
${tasks}
<p>LLM: ${s.llm.calls} calls, ${s.llm.retries} retries, ${s.llm.failed} failed; tokens ${s.tokens.prompt} + ${s.tokens.completion}. Simulator: ${s.sim.jobs} jobs, ${s.sim.seconds.toFixed(1)} s.</p>
</body></html>
`;
}
