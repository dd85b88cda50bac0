// Several runs side by side: the paper's table layout (one row per model setting; per workflow
// Cov Pass / Avg Cov / Sim Pass at pass@1 and pass@k; direct and agentic runs of the same
// setting share a row), per-task win/loss, overlaid per-round curves. Runs on different
// simulator versions or task sets are flagged, never silently compared.
import { esc, page, pctOrDash } from "./html-kit.js";
import { lineChart } from "./html-report.js";
import { headerHtml } from "./run-page.js";
import type { RunOverview } from "./run-data.js";
import { pct } from "./text.js";

export const METRICS = [
  ["cov_pass", "Cov Pass"],
  ["avg_cov", "Avg Cov"],
  ["sim_pass", "Sim Pass"],
] as const;
type MetricKey = (typeof METRICS)[number][0];

export interface CompareRow {
  label: string;
  /** Runs of this row by workflow column (e.g. agentic, direct). */
  runs: Map<string, RunOverview>;
}

export interface Comparison {
  rows: CompareRow[];
  workflows: string[];
  /** k of pass@k when every run has the same n; otherwise null (cells name their k). */
  k: number | null;
  flags: string[];
  excluded: { run: RunOverview; why: string }[];
  runs: RunOverview[];
  /** The row other rows show their difference to (the paper's "+31.8%" columns), if asked for. */
  baseline: CompareRow | null;
}

// The paper puts agentic before direct inference (Table 2); vanilla is its Table 1 baseline.
const ORDER = ["agentic", "agentic (climb)", "direct", "vanilla"];

const settingKey = (r: RunOverview) =>
  JSON.stringify([
    r.model,
    r.tasksHash,
    r.simulatorVersions,
    r.samplesPerTask,
    r.config.rules ?? null,
    r.config.sampling ?? null,
  ]);

/** `baseline`: the run directory (as RunOverview.runDir) whose row the others are compared to. */
export function compareRuns(all: RunOverview[], opts: { baseline?: string } = {}): Comparison {
  const excluded = all
    .filter((r) => r.kind !== "eval")
    .map((run) => ({ run, why: "a synthesis run (no evaluation metrics)" }));
  const runs = all.filter((r) => r.kind === "eval");
  const rows: (CompareRow & { key: string })[] = [];
  for (const r of runs) {
    const key = settingKey(r);
    const row = rows.find((x) => x.key === key && !x.runs.has(r.setting));
    if (row) row.runs.set(r.setting, r);
    else rows.push({ key, label: r.model, runs: new Map([[r.setting, r]]) });
  }
  // Rows of the same model need telling apart: name them by their runs.
  for (const row of rows)
    if (rows.filter((x) => x.label === row.label).length > 1)
      row.label = `${row.label} (${[...row.runs.values()].map((r) => r.name).join(", ")})`;
  const workflows = [...new Set(runs.map((r) => r.setting))].sort(
    (a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const ks = new Set(runs.map((r) => r.metrics.metrics.cov_pass.k));
  const out = rows.map(({ label, runs: m }) => ({ label, runs: m }));
  const baseline =
    opts.baseline === undefined
      ? null
      : (out.find((row) => [...row.runs.values()].some((r) => r.runDir === opts.baseline)) ?? null);
  if (opts.baseline !== undefined && !baseline)
    throw new BaselineError(`--baseline ${opts.baseline} is not one of the evaluation runs compared`);
  return {
    baseline,
    rows: out,
    workflows,
    k: ks.size === 1 ? [...ks][0]! : null,
    flags: compareFlags(runs),
    excluded,
    runs,
  };
}

function compareFlags(runs: RunOverview[]): string[] {
  const flags: string[] = [];
  const by = (f: (r: RunOverview) => string) => {
    const m = new Map<string, string[]>();
    for (const r of runs) m.set(f(r), [...(m.get(f(r)) ?? []), r.name]);
    return m;
  };
  const describe = (m: Map<string, string[]>) =>
    [...m].map(([v, names]) => `${names.join(", ")}: ${v}`).join("; ");
  const sims = by((r) => `${r.simulator} ${r.simulatorVersions.join("+") || "unknown version"}`);
  if (sims.size > 1)
    flags.push(`Different simulators or versions (results are not comparable): ${describe(sims)}`);
  for (const r of runs)
    if (r.simulatorVersions.length > 1)
      flags.push(`${r.name} mixes simulator versions ${r.simulatorVersions.join(", ")} within one run`);
  const tasks = by((r) => `tasks ${r.tasksHash} (${r.metrics.tasks} tasks)`);
  if (tasks.size > 1)
    flags.push(`Different datasets or task sets: ${describe(tasks)}. Win/loss counts only common tasks.`);
  const hashes = by((r) => r.datasetHash ?? "none recorded");
  if (hashes.size > 1 && tasks.size === 1)
    flags.push(`Dataset hashes recorded by the runs differ: ${describe(hashes)}`);
  const ns = by((r) => `n = ${r.samplesPerTask}`);
  if (ns.size > 1) flags.push(`Different samples per task, so pass@k uses different k: ${describe(ns)}`);
  return flags;
}

export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BaselineError";
  }
}

/** A cell's value, and its difference to the baseline row in percentage points (if any). */
function cellParts(
  c: Comparison,
  row: CompareRow,
  w: string,
  m: MetricKey,
  at: "at1" | "atk",
): { v: string; delta: string | null } {
  const r = row.runs.get(w);
  if (!r) return { v: "–", delta: null };
  const x = r.metrics.metrics[m];
  const v = at === "atk" && c.k === null ? `${pct(x[at])} (k=${x.k})` : pct(x[at]);
  const b = c.baseline && c.baseline !== row ? c.baseline.runs.get(w)?.metrics.metrics[m] : undefined;
  if (!b) return { v, delta: null };
  const d = (x[at] - b[at]) * 100;
  return { v, delta: `${d >= 0 ? "+" : "−"}${Math.abs(d).toFixed(1)}` };
}

const cell = (c: Comparison, row: CompareRow, w: string, m: MetricKey, at: "at1" | "atk") => {
  const p = cellParts(c, row, w, m, at);
  return p.delta ? `${p.v} (${p.delta})` : p.v;
};

/** Header names of the flattened table (md, csv). */
function flatColumns(c: Comparison): string[] {
  const kk = c.k === null ? "k" : String(c.k);
  return c.workflows.flatMap((w) =>
    METRICS.flatMap(([, name]) => [`${w} ${name} pass@1`, `${w} ${name} pass@${kk}`]),
  );
}

function flatRows(c: Comparison): string[][] {
  return c.rows.map((row) => [
    row.label,
    ...c.workflows.flatMap((w) =>
      METRICS.flatMap(([m]) => [cell(c, row, w, m, "at1"), cell(c, row, w, m, "atk")]),
    ),
  ]);
}

export function comparisonMarkdown(c: Comparison): string {
  const head = ["model", ...flatColumns(c)];
  const lines = [
    `| ${head.join(" | ")} |`,
    `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...flatRows(c).map((r) => `| ${r.map((x) => x.replace(/\|/g, "\\|")).join(" | ")} |`),
  ];
  const notes = [
    "",
    `pass@k: unbiased estimator over n samples per task; Avg Cov counts failed simulations as 0.${baselineNote(c)}`,
    ...c.flags.map((f) => `> **Note:** ${f}`),
  ];
  return [...lines, ...notes].join("\n") + "\n";
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function comparisonCsv(c: Comparison): string {
  // Fractions, not percentages, so a spreadsheet can compute with them.
  const head = ["model", "runs", ...flatColumns(c)];
  const rows = c.rows.map((row) => [
    row.label,
    [...row.runs.values()].map((r) => r.runDir).join(";"),
    ...c.workflows.flatMap((w) =>
      METRICS.flatMap(([m]) => {
        const x = row.runs.get(w)?.metrics.metrics[m];
        return x ? [x.at1.toFixed(4), x.atk.toFixed(4)] : ["", ""];
      }),
    ),
  ]);
  return [head, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}

const tex = (s: string) =>
  s.replace(/([\\&%$#_{}~^])/g, (ch) => (ch === "\\" ? "\\textbackslash{}" : `\\${ch}`));

export function comparisonLatex(c: Comparison): string {
  const kk = c.k === null ? "k" : String(c.k);
  const cols = c.workflows.length * METRICS.length * 2;
  const groups = c.workflows
    .map((w) => `\\multicolumn{${METRICS.length * 2}}{c}{${tex(w[0]!.toUpperCase() + w.slice(1))}}`)
    .join(" & ");
  const metricsRow = c.workflows
    .map(() => METRICS.map(([, n]) => `\\multicolumn{2}{c}{${n}}`).join(" & "))
    .join(" & ");
  const kRow = c.workflows.map(() => METRICS.map(() => `@1 & @${kk}`).join(" & ")).join(" & ");
  const rule = c.workflows
    .map((_, i) => `\\cmidrule(lr){${2 + i * METRICS.length * 2}-${1 + (i + 1) * METRICS.length * 2}}`)
    .join("");
  const body = flatRows(c).map((r) => `${r.map((x) => tex(x)).join(" & ")} \\\\`);
  return (
    [
      `% llm4cov report: pass@k is the unbiased estimator over n samples per task; needs \\usepackage{booktabs}${baselineNote(c)}`,
      ...c.flags.map((f) => `% NOTE: ${f}`),
      `\\begin{tabular}{l${"r".repeat(cols)}}`,
      `\\toprule`,
      ` & ${groups} \\\\`,
      rule,
      ` & ${metricsRow} \\\\`,
      `Model & ${kRow} \\\\`,
      `\\midrule`,
      ...body,
      `\\bottomrule`,
      `\\end{tabular}`,
    ].join("\n") + "\n"
  );
}

/** Per-task mean coverage of each run, over the tasks every run holds; cells link to task pages. */
function winLoss(runs: RunOverview[], links: Map<string, string>): { pairs: string; table: string } {
  const maps = runs.map((r) => new Map(r.tasks.map((t) => [t.task_id, t])));
  const common = runs.length
    ? runs[0]!.tasks.map((t) => t.task_id).filter((id) => maps.every((m) => m.has(id)))
    : [];
  const cellsOf = (i: number, j: number) => {
    let w = 0;
    let l = 0;
    let t = 0;
    for (const id of common) {
      const d = maps[i]!.get(id)!.mean - maps[j]!.get(id)!.mean;
      if (d > 1e-9) w++;
      else if (d < -1e-9) l++;
      else t++;
    }
    return `${w} / ${l} / ${t}`;
  };
  const pairs = `<table><tr><th class="l">row vs column (win / loss / tie)</th>${runs.map((r) => `<th>${esc(r.name)}</th>`).join("")}</tr>${runs
    .map(
      (r, i) =>
        `<tr><td class="l">${esc(r.name)}</td>${runs.map((_, j) => `<td>${i === j ? "" : cellsOf(i, j)}</td>`).join("")}</tr>`,
    )
    .join("")}</table>
<p class="mut">A win: the row run's mean coverage on a task (pass@1 Avg Cov) exceeds the column run's. ${common.length} common tasks.</p>`;
  const rows = common
    .map((id) => {
      const vals = maps.map((m) => m.get(id)!.mean);
      const best = Math.max(...vals);
      return `<tr><td class="l">${esc(id)}</td>${vals
        .map((v, i) => {
          const t = maps[i]!.get(id)!;
          const report = links.get(runs[i]!.runDir);
          // Task pages sit in <stem>-files/ next to the run's report (see write.ts).
          const href = report ? `${report.replace(/\.html?$/i, "")}-files/${t.page}` : null;
          const text = `${pctOrDash(v)} <span class="mut">${t.cov_pass}/${t.samples}</span>`;
          return `<td data-v="${v}"${v === best && vals.filter((x) => x === best).length < vals.length ? ' style="font-weight:bold;background:#e6f4ea"' : ""}>${href ? `<a href="${esc(href)}">${text}</a>` : text}</td>`;
        })
        .join("")}</tr>`;
    })
    .join("\n");
  const table = `<p><input class="filter" data-table="wl" placeholder="filter tasks…"></p><table id="wl" class="sort"><thead><tr><th class="l">task</th>${runs
    .map((r) => `<th>${esc(r.name)}</th>`)
    .join(
      "",
    )}</tr></thead><tbody>${rows}</tbody></table><p class="mut">Cells: mean coverage over samples, then Cov Pass samples / n.</p>`;
  return { pairs, table };
}

const PALETTE = ["#3b6fb6", "#d9534f", "#2a9d4b", "#e08a1e", "#8e6bbf", "#2a9d8f", "#777", "#b5651d"];

const baselineNote = (c: Comparison) =>
  c.baseline ? ` Differences in percentage points to ${c.baseline.label}.` : "";

const htmlCell = (p: { v: string; delta: string | null }) =>
  `<td>${p.v}${p.delta ? `<br><span class="mut">${p.delta}</span>` : ""}</td>`;

export function comparisonHtml(c: Comparison, links: Map<string, string>): string {
  const kk = c.k === null ? "k" : String(c.k);
  const groupHead = c.workflows.map((w) => `<th colspan="${METRICS.length * 2}">${esc(w)}</th>`).join("");
  const metricHead = c.workflows
    .map(() => METRICS.map(([, n]) => `<th colspan="2">${n}</th>`).join(""))
    .join("");
  const kHead = c.workflows
    .map(() => METRICS.map(() => `<th>pass@1</th><th>pass@${kk}</th>`).join(""))
    .join("");
  const rows = c.rows
    .map((row) => {
      const names = [...row.runs.values()]
        .map((r) =>
          links.get(r.runDir) ? `<a href="${esc(links.get(r.runDir)!)}">${esc(r.name)}</a>` : esc(r.name),
        )
        .join(", ");
      const cells = c.workflows
        .map((w) =>
          METRICS.map(
            ([m]) => `${htmlCell(cellParts(c, row, w, m, "at1"))}${htmlCell(cellParts(c, row, w, m, "atk"))}`,
          ).join(""),
        )
        .join("");
      return `<tr><td class="l"><b>${esc(row.label)}</b><br><span class="mut">${names}</span></td>${cells}</tr>`;
    })
    .join("");
  const flags = c.flags.map((f) => `<div class="flag">⚠ ${esc(f)}</div>`).join("");
  const excluded = c.excluded
    .map((e) => `<div class="flag">${esc(e.run.name)} left out: ${esc(e.why)}</div>`)
    .join("");
  const curve = (key: "avg_cov" | "cov_pass", title: string) =>
    lineChart(
      title,
      "round cap",
      c.runs.map((r, i) => ({
        name: r.name.slice(0, 18),
        color: PALETTE[i % PALETTE.length]!,
        values: r.metrics.per_round.map((x) => x[key]),
      })),
      560,
      280,
    );
  const wl = winLoss(c.runs, links);
  const headers = c.runs
    .map(
      (r) =>
        `<details><summary>${esc(r.name)}: ${esc(r.model)} · ${esc(r.workflow)}</summary><div class="in">${headerHtml(r)}</div></details>`,
    )
    .join("");
  const body = `<h1>Comparison of ${c.runs.length} runs</h1>${flags}${excluded}
<h2>Results</h2>
<table><tr><th class="l" rowspan="3">model</th>${groupHead}</tr><tr>${metricHead}</tr><tr>${kHead}</tr>${rows}</table>
<p class="mut">pass@k: the unbiased estimator over n samples per task; Avg Cov counts failed simulations as 0. Runs of the same model, task set, simulator and sampling share a row.${esc(baselineNote(c))}</p>
<h2>Per-round curves</h2><div class="grid"><div class="card">${curve("avg_cov", "Avg Cov by round cap")}</div><div class="card">${curve("cov_pass", "Cov Pass by round cap")}</div></div>
<h2>Per-task win / loss</h2>${wl.pairs}
<h3>Per task</h3>${wl.table}
<h2>Runs</h2>${headers}`;
  return page("llm4cov comparison", body);
}
