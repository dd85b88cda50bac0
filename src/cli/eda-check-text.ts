// `eda check` in text mode: one readable line per item (the JSON stays for --json).
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === "object" && v !== null ? (v as Obj) : {});
const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

function tool(v: unknown): string {
  const t = obj(v);
  if (t.ok !== true) return `MISSING  ${str(t.error) || "not found"}`;
  const from = t.source ? ` (${str(t.source)}${t.root ? `: ${str(t.root)}` : ""})` : "";
  return `ok       ${str(t.version)}${from}${t.warning ? `; warning: ${str(t.warning)}` : ""}`;
}

export function formatLocalCheck(report: Obj): string {
  const sandbox = obj(report.sandbox);
  const cache = obj(report.verilatorCache);
  const cacheLine = cache.error
    ? `unavailable: ${str(cache.error)}`
    : `${str(cache.dir)} (ccache ${cache.ccache ? "on" : "off"}${cache.classPatch ? ", class coverage patch" : ""})`;
  const rows: [string, string][] = [
    ["verilator", tool(report.verilator)],
    ["icarus", tool(report.icarus)],
    ["sandbox", `${str(sandbox.mode)}: ${str(sandbox.detail)}`],
    ["slots", str(report.slots)],
    ["build cache", cacheLine],
  ];
  return rows.map(([k, v]) => `${k.padEnd(12)} ${v}`).join("\n");
}
