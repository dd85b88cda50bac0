// Writes reports to disk. One run: `<out>` (the index) plus one page per task in `<stem>-files/`
// (see docs/report.md for why split files). Several runs: one comparison page, or the comparison
// table as Markdown, CSV or LaTeX. Files are written under temporary names and renamed, so an
// interrupted report never leaves a half-written one in place.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { RunReader, type SampleRow } from "../store/report-reader.js";
import {
  comparisonCsv,
  comparisonHtml,
  comparisonLatex,
  comparisonMarkdown,
  compareRuns,
} from "./compare.js";
import { esc, page } from "./html-kit.js";
import { loadRunOverview, type RunOverview } from "./run-data.js";
import { runPageHtml } from "./run-page.js";
import { taskPageHtml } from "./task-page.js";

export const REPORT_FORMATS = ["html", "md", "csv", "latex"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RunReportResult {
  out: string;
  filesDir: string;
  tasks: number;
  overview: RunOverview;
}

const filesDirOf = (out: string) => join(dirname(out), `${basename(out).replace(/\.html?$/i, "")}-files`);

function replaceWith(tmp: string, target: string): void {
  rmSync(target, { recursive: true, force: true });
  renameSync(tmp, target);
}

/** The full report of one run: index page and task pages. */
export function writeRunReport(runDir: string, opts: { out?: string } = {}): RunReportResult {
  const out = resolve(opts.out ?? join(runDir, "report.html"));
  const filesDir = filesDirOf(out);
  const reader = RunReader.open(runDir);
  const tmpDir = `${filesDir}.tmp-${process.pid}`;
  const tmpOut = `${out}.tmp-${process.pid}`;
  try {
    const ov = loadRunOverview(runDir, reader);
    mkdirSync(dirname(out), { recursive: true });
    rmSync(tmpDir, { recursive: true, force: true });
    mkdirSync(tmpDir);
    const samplesByTask = new Map<string, SampleRow[]>();
    for (const s of reader.samples())
      samplesByTask.set(s.task_id, [...(samplesByTask.get(s.task_id) ?? []), s]);
    const repoHash = new Map(reader.tasks().map((t) => [t.task_id, t.repo_hash]));
    const indexHref = `../${basename(out)}`;
    for (const task of ov.tasks) {
      const html = taskPageHtml({
        run: ov,
        task,
        repoJson: reader.repoJson(repoHash.get(task.task_id) ?? ""),
        samples: samplesByTask.get(task.task_id) ?? [],
        states: reader.statesOfTask(task.task_id),
        indexHref,
      });
      writeFileSync(join(tmpDir, task.page), html);
    }
    writeFileSync(tmpOut, runPageHtml(ov, basename(filesDir)));
    replaceWith(tmpDir, filesDir);
    renameSync(tmpOut, out);
    return { out, filesDir, tasks: ov.tasks.length, overview: ov };
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
    rmSync(tmpOut, { force: true });
    reader.close();
  }
}

/**
 * The report written at the end of `eval` and `synth`. A report failure must not cost the run its
 * result (summary.json is already written), so it becomes a page that says how to rebuild it.
 */
export function writeRunReportAfterRun(runDir: string): string | null {
  try {
    writeRunReport(runDir);
    return null;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    writeFileSync(
      join(runDir, "report.html"),
      page(
        "llm4cov report",
        `<h1>Report not written</h1><p class="err">${esc(msg)}</p><p>Rebuild it with <code>llm4cov report ${esc(runDir)}</code>.</p>`,
      ),
    );
    return msg;
  }
}

export interface CompareOutput {
  format: ReportFormat;
  /** The text for md/csv/latex (also written to `out` when given); null for html. */
  text: string | null;
  out: string | null;
  flags: string[];
}

/** Several runs (or one, for its table row): the comparison page or table. */
export function writeComparison(
  runDirs: string[],
  opts: { out?: string; format?: ReportFormat; baseline?: string } = {},
): CompareOutput {
  const format = opts.format ?? "html";
  const runs = runDirs.map((d) => loadRunOverview(d));
  const c = compareRuns(runs, { baseline: opts.baseline === undefined ? undefined : resolve(opts.baseline) });
  if (format !== "html") {
    const text =
      format === "md" ? comparisonMarkdown(c) : format === "csv" ? comparisonCsv(c) : comparisonLatex(c);
    if (opts.out) writeAtomic(resolve(opts.out), text);
    return { format, text, out: opts.out ? resolve(opts.out) : null, flags: c.flags };
  }
  const out = resolve(opts.out ?? "report.html");
  const links = new Map<string, string>();
  for (const r of runs) {
    const report = join(r.runDir, "report.html");
    if (existsSync(report)) links.set(r.runDir, relative(dirname(out), report) || "report.html");
  }
  writeAtomic(out, comparisonHtml(c, links));
  return { format, text: null, out, flags: c.flags };
}

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
