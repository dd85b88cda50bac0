// Human-readable rendering of one SimResult for the terminal.
import type { SimResult } from "../core/protocol.js";

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? "  n/a " : `${(v * 100).toFixed(1).padStart(5)}%`;

export function formatSimResult(
  r: SimResult,
  opts: { maxUncovered?: number; maxErrors?: number } = {},
): string {
  const out: string[] = [];
  out.push(`status     ${r.status}  (${r.reason})`);
  out.push(
    `simulator  ${r.simulator.name} ${r.simulator.version}   sandbox: ${r.sandbox}   tb top: ${r.tbTop ?? "-"}`,
  );
  if (r.timings.length)
    out.push(`timings    ${r.timings.map((t) => `${t.stage} ${Math.round(t.ms)} ms`).join(", ")}`);
  if (r.errorCount) out.push(`$error     ${r.errorCount} reported while running (the run continued)`);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  const warnings = r.diagnostics.filter((d) => d.severity === "warning");
  for (const d of errors.slice(0, opts.maxErrors ?? 8))
    out.push(`  error    ${where(d)}${d.message}${d.rule ? `  [rule ${d.rule}]` : ""}`);
  for (const d of warnings.filter((w) => w.rule).slice(0, 8))
    out.push(`  warning  ${where(d)}${d.message}  [rule ${d.rule}]`);
  const c = r.coverage;
  if (c) {
    out.push("");
    out.push(
      `coverage   score ${pct(c.score)}   line ${pct(c.line)}   branch ${pct(c.branch)}   toggle ${pct(c.toggle)}${c.expression != null ? `   expression ${pct(c.expression)}` : ""}${c.fsm ? `   fsm states ${pct(c.fsm.state)} arcs ${pct(c.fsm.arc)}` : ""}${c.user !== null ? `   user ${pct(c.user)}` : ""}`,
    );
    if (!c.instanceFound)
      out.push("           (the DUT instance was not found: nothing of the DUT was measured)");
    if (c.instances.length > 1)
      for (const i of c.instances)
        out.push(
          `  ${i.path.padEnd(28)} score ${pct(i.score)} line ${pct(i.line)} branch ${pct(i.branch)} toggle ${pct(i.toggle)}`,
        );
    for (const t of r.targets)
      out.push(
        `target     ${t.inst_name}: ${t.achieved === null ? "n/a" : t.achieved.toFixed(1) + "%"} of ${t.target}%  ${t.met ? "MET" : "not met"}`,
      );
    const shown = c.uncovered.slice(0, opts.maxUncovered ?? 15);
    if (shown.length) {
      out.push(
        `uncovered  ${c.uncoveredTotal} point(s)${c.uncoveredTotal > shown.length ? `, first ${shown.length}` : ""}:`,
      );
      for (const u of shown)
        out.push(
          `  ${u.kind.padEnd(10)} ${u.file}:${u.line}${u.endLine ? `-${u.endLine}` : ""}  [${u.detail}] ${u.source.slice(0, 80)}`,
        );
    }
  }
  return out.join("\n");
}

function where(d: { file?: string; line?: number }): string {
  return d.file ? `${d.file}${d.line ? `:${d.line}` : ""}: ` : "";
}
