// The index page of one run: header, metrics at every k <= n, coverage histograms per family,
// rates by round cap, failure taxonomy and the per-task table linking to the task pages.
import { ruleById } from "../prompt/rules.js";
import { FAMILY_COLOR, esc, histogram, page, pctOrDash, statusChip } from "./html-kit.js";
import { lineChart } from "./html-report.js";
import type { Count, RunOverview } from "./run-data.js";
import { pct } from "./text.js";

const num = (n: number) => n.toLocaleString("en-US");

export function headerHtml(r: RunOverview): string {
  const cost = r.costUsd === null ? "unknown (no price for some calls)" : `$${r.costUsd.toFixed(4)}`;
  const versions = r.simulatorVersions.length ? r.simulatorVersions.join(", ") : "unknown";
  const mixed = r.simulatorVersions.length > 1 ? ` <span class="err">(mixed versions in one run)</span>` : "";
  const dataset = r.datasetHash
    ? `hash <code>${esc(r.datasetHash.slice(0, 16))}</code>`
    : `<span class="mut">no dataset hash recorded</span>`;
  return `<dl class="kv">
<dt>model</dt><dd><b>${esc(r.model)}</b></dd>
<dt>workflow</dt><dd>${esc(r.workflow)}${r.rounds !== null && r.mode !== "direct" ? `, ${r.rounds} feedback rounds` : ""}${r.config.rules ? ", rule block" : ""}</dd>
<dt>simulator</dt><dd>${esc(r.simulator)} ${esc(versions)}${mixed}</dd>
<dt>dataset</dt><dd class="mono">${esc(r.datasetPath ?? "–")}</dd><dt></dt><dd>${dataset}; stored tasks <code>${esc(r.tasksHash)}</code></dd>
<dt>size</dt><dd>${num(r.metrics.tasks)} tasks, ${r.samplesPerTask} samples per task (${num(r.metrics.samples)} finished, ${r.samplesFailed.length} failed)</dd>
<dt>date</dt><dd>${esc(r.createdAt ?? "?")}</dd>
<dt>wall time</dt><dd>${r.wallSeconds === null ? "?" : `${r.wallSeconds.toFixed(1)} s`}; simulator ${r.simSeconds.toFixed(1)} s over ${num(r.simJobs)} jobs</dd>
<dt>LLM</dt><dd>${num(r.llmCalls)} calls (${r.llmFailed} failed); tokens ${num(r.tokens.prompt)} prompt + ${num(r.tokens.completion)} completion; cost ${cost}</dd>
<dt>run directory</dt><dd class="mono">${esc(r.runDir)}</dd></dl>`;
}

function metricsTable(r: RunOverview): string {
  const m = r.metrics.metrics;
  const ks = r.atK.map((a) => `<th>pass@${a.k}</th>`).join("");
  const row = (name: string, key: "cov_pass" | "avg_cov" | "sim_pass") =>
    `<tr><td class="l">${name}</td>${r.atK.map((a) => `<td>${pct(a[key])}</td>`).join("")}<td>${pct(m[key].any)}</td></tr>`;
  return `<table><tr><th class="l">metric</th>${ks}<th>any of n</th></tr>${row("Cov Pass", "cov_pass")}${row("Avg Cov", "avg_cov")}${row("Sim Pass", "sim_pass")}</table>
<p class="mut">pass@k: the unbiased estimator 1 − C(n−c,k)/C(n,k) over n = ${r.samplesPerTask} samples per task; Avg Cov at k is the expected best score of k samples (failed simulations count 0). See docs/metrics.md.</p>`;
}

function countsTable(title: string, counts: Count[], fmt: (c: Count) => string = (c) => esc(c.key)): string {
  if (!counts.length) return `<div class="card"><b>${esc(title)}</b><p class="mut">none</p></div>`;
  const total = counts.reduce((a, c) => a + c.count, 0);
  return `<div class="card"><b>${esc(title)}</b><table><tr><th class="l">kind</th><th>count</th><th>share</th></tr>${counts
    .map(
      (c) => `<tr><td class="l">${fmt(c)}</td><td>${num(c.count)}</td><td>${pct(c.count / total)}</td></tr>`,
    )
    .join("")}</table></div>`;
}

function taxonomy(r: RunOverview): string {
  const rules = (c: Count) => {
    const rule = ruleById(c.key);
    return `<span title="${esc(rule?.text ?? "")}"><code>${esc(c.key)}</code></span>${rule ? ` <span class="mut">${esc(rule.text.slice(0, 90))}</span>` : ""}`;
  };
  const failed = r.samplesFailed.length
    ? `<h3>Samples that failed for infrastructure reasons (${r.samplesFailed.length})</h3><ul>${r.samplesFailed
        .slice(0, 20)
        .map((f) => `<li class="mono">${esc(f.sample_id)}: ${esc(f.error)}</li>`)
        .join("")}</ul>`
    : "";
  return `<div class="grid">${countsTable("Status of final states", r.statusFinal, (c) => statusChip(c.key))}
${countsTable("Status of every state (all rounds)", r.statusAll, (c) => statusChip(c.key))}
${countsTable("Rule ids broken", r.rules, rules)}</div>
${countsTable("Top diagnostics (errors and warnings, all rounds)", r.diagnostics, (c) => `<span class="mono" title="${esc(c.example ?? "")}">${esc(c.key)}</span>`)}
${failed}`;
}

function familyHistograms(r: RunOverview): string {
  const missing = r.families.filter((f) => !f.measured).map((f) => f.family);
  return `<div class="grid">${r.families
    .filter((f) => f.measured)
    .map(
      (f) =>
        `<div class="card">${histogram(
          f.family,
          f.bins,
          FAMILY_COLOR[f.family] ?? "#555",
          f.measured ? `mean ${pct(f.mean ?? 0)}` : "not measured",
        )}<div class="mut" style="font-size:12px">${f.measured} measured${f.missing ? `, ${f.missing} without this family` : ""}</div></div>`,
    )
    .join(
      "",
    )}${missing.length ? `<div class="card mut">Not measured in any final state:<br><b>${missing.map(esc).join(", ")}</b></div>` : ""}</div>
<p class="mut">Final state of each finished sample (its best state), in 10 % bins. A family is missing where the simulator does not measure it (e.g. expression and FSM before Verilator 5.048, or a design without FSMs).</p>`;
}

function roundsSection(r: RunOverview): string {
  const pr = r.metrics.per_round;
  if (r.kind === "synth" || pr.length < 2)
    return r.kind === "synth" ? "" : `<p class="mut">One round per sample: no round-cap curve.</p>`;
  const chart = lineChart("Pass rates and coverage by round cap", "round cap", [
    { name: "Avg Cov", color: "#3b6fb6", values: pr.map((x) => x.avg_cov) },
    { name: "Cov Pass", color: "#2a9d4b", values: pr.map((x) => x.cov_pass) },
    { name: "Sim Pass", color: "#e08a1e", values: pr.map((x) => x.sim_pass) },
  ]);
  const rows = pr
    .map(
      (x) =>
        `<tr><td>${x.round}</td><td>${pct(x.cov_pass)}</td><td>${pct(x.avg_cov)}</td><td>${pct(x.sim_pass)}</td><td>${x.improved}</td></tr>`,
    )
    .join("");
  return `<div class="grid"><div class="card">${chart}</div><div class="card"><table><tr><th>round cap</th><th>Cov Pass</th><th>Avg Cov</th><th>Sim Pass</th><th>samples improved</th></tr>${rows}</table>
<p class="mut">Per sample at pass@1: its best state within the first <i>cap</i> rounds.</p></div></div>`;
}

function synthSection(r: RunOverview): string {
  const s = r.synth!;
  const gains = s.gains.length
    ? `mean gain ${pct(s.gains.reduce((a, b) => a + b, 0) / s.gains.length)}, min ${pct(Math.min(...s.gains))}, max ${pct(Math.max(...s.gains))}`
    : "no accepted transition";
  const meta = Object.entries(s.meta)
    .filter(([, v]) => typeof v !== "object")
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(String(v))}</dd>`)
    .join("");
  return `<h2>Synthesis</h2><dl class="kv">${meta}</dl>
<p>${num(s.candidates)} candidate transitions, ${num(s.accepted)} accepted; ${gains}.</p>
<div class="grid">${countsTable("Candidate decisions", s.reasons)}</div>`;
}

function taskTable(r: RunOverview, filesDir: string): string {
  const rows = r.tasks
    .map(
      (t) =>
        `<tr><td class="l" data-v="${t.seq}"><a href="${esc(`${filesDir}/${t.page}`)}">${esc(t.task_id)}</a></td><td data-v="${t.best}">${pctOrDash(t.best)}</td><td data-v="${t.mean}">${pctOrDash(t.mean)}</td><td data-v="${t.cov_pass}">${t.cov_pass}/${t.samples}</td><td data-v="${t.sim_pass}">${t.sim_pass}/${t.samples}</td><td class="l">${t.finals.map(statusChip).join("")}</td><td data-v="${t.failed}">${t.failed || ""}</td></tr>`,
    )
    .join("\n");
  return `<p><input class="filter" data-table="tasks" placeholder="filter tasks (id, status)…"> <span class="mut">click a column to sort</span></p>
<table id="tasks" class="sort"><thead><tr><th class="l">task</th><th>best cov</th><th>mean cov</th><th>cov pass</th><th>sim pass</th><th class="l">final status per sample</th><th>infra failed</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

export function runPageHtml(r: RunOverview, filesDir: string): string {
  const body = `<h1>${esc(r.name)}: ${esc(r.model)} · ${esc(r.workflow)}</h1>
${headerHtml(r)}
${r.kind === "eval" ? `<h2>Metrics</h2>${metricsTable(r)}` : synthSection(r)}
<h2>Coverage per family</h2>${familyHistograms(r)}
${r.kind === "eval" ? `<h2>By round cap</h2>${roundsSection(r)}` : ""}
<h2>Failure taxonomy</h2>${taxonomy(r)}
<h2>Tasks (${r.tasks.length})</h2>${taskTable(r, filesDir)}
<p class="mut">Generated by llm4cov report from ${esc(r.runDir)}/ledger.sqlite.</p>`;
  return page(`${r.name} · llm4cov report`, body);
}
