// The readable summary table that ends an evaluation.
import type { EvalSummary } from "../metrics/eval-summary.js";
import { pct, textTable } from "./text.js";

export function formatEvalSummary(s: EvalSummary): string {
  const { cov_pass, avg_cov, sim_pass } = s.metrics;
  const k = cov_pass.k;
  const out: string[] = [];
  out.push(
    `Evaluation (${s.mode}): ${s.tasks} tasks, ${s.samples_done} samples done, ${s.samples_failed} failed (infrastructure)`,
  );
  out.push("");
  out.push(
    textTable([
      ["metric", "pass@1", `pass@${k} (unbiased)`, `any of n`],
      ["Cov Pass", pct(cov_pass.at1), pct(cov_pass.atk), pct(cov_pass.any)],
      ["Avg Cov", pct(avg_cov.at1), pct(avg_cov.atk), pct(avg_cov.any)],
      ["Sim Pass", pct(sim_pass.at1), pct(sim_pass.atk), pct(sim_pass.any)],
    ]),
  );
  out.push(
    "Avg Cov counts failed simulations as 0; its pass@k column is the expected best score of k samples.",
  );
  if (s.per_round.length > 1) {
    out.push("");
    out.push(
      textTable([
        ["round cap", "Cov Pass", "Avg Cov", "Sim Pass", "improved"],
        ...s.per_round.map((r) => [
          String(r.round),
          pct(r.cov_pass),
          pct(r.avg_cov),
          pct(r.sim_pass),
          String(r.improved),
        ]),
      ]),
    );
  }
  out.push("");
  out.push(
    textTable([
      ["task", "samples", "cov pass", "sim pass", "best cov", "mean cov"],
      ...s.per_task.map((t) => [
        t.task_id,
        String(t.samples),
        String(t.cov_pass),
        String(t.sim_pass),
        pct(t.best_cov),
        pct(t.mean_cov),
      ]),
    ]),
  );
  out.push("");
  const cost = s.cost_usd === null ? "unknown (no price for some endpoint)" : `$${s.cost_usd.toFixed(4)}`;
  out.push(
    `LLM: ${s.llm.calls} calls, ${s.llm.retries} retries, ${s.llm.failed} failed, ${s.llm.truncated} truncated; ` +
      `tokens ${s.tokens.prompt} prompt + ${s.tokens.completion} completion; cost ${cost}`,
  );
  out.push(
    `Simulator: ${s.sim.jobs} jobs, ${s.sim.seconds.toFixed(1)} s total; wall ${s.wall_seconds.toFixed(1)} s`,
  );
  if (s.failures.length) {
    out.push(`Failed samples (rerun with --resume to retry them):`);
    for (const f of s.failures.slice(0, 5)) out.push(`  ${f.sample_id}: ${f.error}`);
  }
  out.push(`Run directory: ${s.run_dir} (summary.json, report.html with a page per task, ledger.sqlite)`);
  return out.join("\n");
}
