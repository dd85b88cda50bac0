// The end-of-plan table: one row per (group, evaluation) with its status and run directory.
import { relative } from "node:path";
import { pct, textTable } from "../report/text.js";
import type { ServeEvalResult } from "./lifecycle.js";

export function formatServeEvalResult(r: ServeEvalResult, cwd = process.cwd()): string {
  const rows: string[][] = [["group", "eval", "status", "run dir", "Cov Pass@1", "Avg Cov@1", "Sim Pass@1"]];
  const notes: string[] = [];
  for (const g of r.groups) {
    g.evals.forEach((e, i) => {
      const m = e.result;
      rows.push([
        g.name,
        String(i + 1),
        e.status,
        relative(cwd, e.out) || ".",
        m ? pct(m.cov_pass_at1) : "-",
        m ? pct(m.avg_cov_at1) : "-",
        m ? pct(m.sim_pass_at1) : "-",
      ]);
      if (e.error) notes.push(`${g.name} eval ${i + 1}: ${e.error}`);
    });
    const stop = g.stopped_by ? `, stopped by ${g.stopped_by}` : "";
    const model = g.model ? `, model ${g.model}` : "";
    notes.push(`${g.name}: ${g.status}${model}${stop}; server log ${relative(cwd, g.log)}`);
    if (g.error) notes.push(`  ${g.error}`);
    for (const l of g.logTail ?? []) notes.push(`  | ${l}`);
  }
  return [textTable(rows), "", ...notes].join("\n");
}
