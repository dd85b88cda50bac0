// `llm4cov report <run-dir>...`: a run's HTML report with task pages, or a comparison of
// several runs (HTML page, or the table as Markdown, CSV or LaTeX).
import { Command, Option } from "commander";
import { BaselineError } from "../../report/compare.js";
import { NotARunError } from "../../store/report-reader.js";
import { REPORT_FORMATS, writeComparison, writeRunReport, type ReportFormat } from "../../report/write.js";
import { CliError, type CliContext } from "../context.js";

export function reportCommand(ctx: CliContext): Command {
  return new Command("report")
    .description("HTML report of a run (with a page per task), or a comparison of several runs")
    .argument("<run-dir...>", "run directories (eval or synth)")
    .option(
      "--out <file>",
      "output file (default: <run-dir>/report.html for one run, ./report.html for several; stdout for md/csv/latex)",
    )
    .addOption(
      new Option("--format <format>", "html, or the comparison table as md, csv or latex")
        .choices(REPORT_FORMATS)
        .default("html"),
    )
    .option("--baseline <run-dir>", "one of the runs: the others show their difference to its row")
    .action((runDirs: string[], o: { out?: string; format: ReportFormat; baseline?: string }) => {
      try {
        if (o.format === "html" && runDirs.length === 1 && o.baseline === undefined) {
          const t = performance.now();
          const r = writeRunReport(runDirs[0]!, { out: o.out });
          ctx.out(
            `wrote ${r.out} and ${r.tasks} task pages in ${r.filesDir} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
          );
          return;
        }
        const c = writeComparison(runDirs, { out: o.out, format: o.format, baseline: o.baseline });
        for (const f of c.flags) ctx.err(`llm4cov report: warning: ${f}`);
        if (c.text !== null && !c.out) ctx.out(c.text.trimEnd());
        else ctx.out(`wrote ${c.out}`);
      } catch (err) {
        if (err instanceof NotARunError || err instanceof BaselineError) throw new CliError(err.message);
        throw err;
      }
    });
}
