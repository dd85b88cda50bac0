// Coverage scoring: parse Verilator's coverage.dat and measure the DUT instance subtree only.
// Pure logic, no I/O. Metric definitions live in docs/coverage.md.
import type {
  Coverage,
  CoverageTarget,
  InstanceCoverage,
  MetricCounts,
  TargetCheck,
  UncoveredPoint,
} from "./protocol.js";

export type MetricKind = "line" | "branch" | "toggle" | "user";
export const METRIC_KINDS: MetricKind[] = ["line", "branch", "toggle", "user"];

export interface CoveragePoint {
  file: string;
  line: number;
  column: number;
  kind: MetricKind;
  /** Module name from the page, e.g. counter in v_line/counter. */
  module: string;
  /** Block type, branch arm, signal bit or cover name. */
  comment: string;
  /** Full hierarchy, e.g. TOP.tb.dut.u_sub */
  hier: string;
  /** Source lines this point stands for (S field), e.g. [4, 7]. */
  lines: number[];
  count: number;
}

const PAGE_KIND: Record<string, MetricKind> = {
  v_line: "line",
  v_branch: "branch",
  v_toggle: "toggle",
  v_user: "user",
};

/** Parses the `C '<key>' <count>` lines; keys are \x01name\x02value pairs. Unknown pages are skipped. */
export function parseCoverageDat(text: string): CoveragePoint[] {
  const points: CoveragePoint[] = [];
  for (const raw of text.split("\n")) {
    if (!raw.startsWith("C '")) continue;
    const end = raw.lastIndexOf("' ");
    if (end < 3) continue;
    const key = raw.slice(3, end);
    const count = Number(raw.slice(end + 2).trim());
    const fields = new Map<string, string>();
    for (const part of key.split("\x01")) {
      if (!part) continue;
      const sep = part.indexOf("\x02");
      if (sep < 0) continue;
      fields.set(part.slice(0, sep), part.slice(sep + 1));
    }
    const page = fields.get("page") ?? "";
    const slash = page.indexOf("/");
    const kind = PAGE_KIND[slash < 0 ? page : page.slice(0, slash)];
    if (!kind || !Number.isFinite(count)) continue;
    const line = Number(fields.get("l") ?? 0);
    points.push({
      file: fields.get("f") ?? "",
      line,
      column: Number(fields.get("n") ?? 0),
      kind,
      module: slash < 0 ? "" : page.slice(slash + 1),
      comment: fields.get("o") ?? "",
      hier: fields.get("h") ?? "",
      lines: parseLineSet(fields.get("S"), line),
      count,
    });
  }
  return points;
}

/** "2,4-6" -> [2,4,5,6]; missing -> [fallback]. */
export function parseLineSet(spec: string | undefined, fallback: number): number[] {
  if (!spec) return [fallback];
  const out: number[] = [];
  for (const part of spec.split(",")) {
    const [a, b] = part.split("-").map(Number);
    if (a === undefined || !Number.isFinite(a)) continue;
    const last = b !== undefined && Number.isFinite(b) ? Math.min(b, a + 10_000) : a;
    for (let n = a; n <= last; n++) out.push(n);
  }
  return out.length ? out : [fallback];
}

/** A toggle point is one bit; it counts when the bit rose and fell, i.e. changed at least twice. */
export function isCovered(p: CoveragePoint): boolean {
  return p.kind === "toggle" ? p.count >= 2 : p.count > 0;
}

export interface SummarizeOptions {
  /** Testbench top module name: hierarchy paths are TOP.<tbTop>.<instance>. */
  tbTop: string;
  instance: string;
  /** Source text by file name as it appears in coverage.dat, for the uncovered listing. */
  sources?: Map<string, string>;
  maxUncovered?: number;
}

function fraction(c: MetricCounts | undefined): number | null {
  return c && c.total > 0 ? c.covered / c.total : null;
}

/** Score: the mean of the metrics that have points (line, branch, toggle, user). */
export function scoreOf(counts: Record<string, MetricCounts>): number | null {
  const values = METRIC_KINDS.map((k) => fraction(counts[k])).filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function tally(points: CoveragePoint[]): Record<string, MetricCounts> {
  const counts: Record<string, MetricCounts> = {};
  for (const p of points) {
    const c = (counts[p.kind] ??= { covered: 0, total: 0 });
    c.total++;
    if (isCovered(p)) c.covered++;
  }
  return counts;
}

function metricsOf(path: string, points: CoveragePoint[]): InstanceCoverage {
  const counts = tally(points);
  return {
    path,
    score: scoreOf(counts),
    line: fraction(counts.line),
    branch: fraction(counts.branch),
    toggle: fraction(counts.toggle),
    user: fraction(counts.user),
    counts,
  };
}

/** Measures the DUT instance subtree; testbench points never count. */
export function summarizeCoverage(points: CoveragePoint[], opts: SummarizeOptions): Coverage {
  const root = `TOP.${opts.tbTop}`;
  const dutPath = `${root}.${opts.instance}`;
  const inDut = points.filter((p) => p.hier === dutPath || p.hier.startsWith(dutPath + "."));
  const byInstance = new Map<string, CoveragePoint[]>();
  for (const p of inDut) {
    const rel = p.hier.slice(root.length + 1);
    let list = byInstance.get(rel);
    if (!list) byInstance.set(rel, (list = []));
    list.push(p);
  }
  const instances = [...byInstance.keys()].sort().map((path) => metricsOf(path, byInstance.get(path)!));
  const total = metricsOf(opts.instance, inDut);
  const uncoveredAll = listUncovered(inDut, root, opts.sources);
  const max = opts.maxUncovered ?? 200;
  return {
    score: total.score,
    line: total.line,
    branch: total.branch,
    toggle: total.toggle,
    user: total.user,
    instances,
    uncovered: uncoveredAll.slice(0, max),
    uncoveredTotal: uncoveredAll.length,
    instanceFound: inDut.length > 0,
  };
}

/** Metrics of one instance subtree (for target checks on sub-instances). */
export function subtreeScore(coverage: Coverage, instPath: string): number | null {
  const rows = coverage.instances.filter((r) => r.path === instPath || r.path.startsWith(instPath + "."));
  if (!rows.length) return null;
  const merged: Record<string, MetricCounts> = {};
  for (const r of rows)
    for (const [k, c] of Object.entries(r.counts)) {
      const m = (merged[k] ??= { covered: 0, total: 0 });
      m.covered += c.covered;
      m.total += c.total;
    }
  return scoreOf(merged);
}

const KIND_ORDER: Record<MetricKind, number> = { line: 0, branch: 1, user: 2, toggle: 3 };

function listUncovered(
  points: CoveragePoint[],
  root: string,
  sources?: Map<string, string>,
): UncoveredPoint[] {
  const lineCache = new Map<string, string[]>();
  const sourceLine = (file: string, line: number): string => {
    let lines = lineCache.get(file);
    if (!lines) {
      const text = sources?.get(file) ?? findByBaseName(sources, file) ?? "";
      lineCache.set(file, (lines = text.split("\n")));
    }
    return (lines[line - 1] ?? "").trim();
  };
  const out: UncoveredPoint[] = [];
  const seen = new Set<string>();
  for (const p of points) {
    if (isCovered(p)) continue;
    const instance = p.hier.slice(root.length + 1);
    // A line block lists every source line it stands for; report each line once per instance.
    const lines = p.kind === "line" ? p.lines : [p.line];
    for (const line of lines) {
      const key = `${p.kind}|${instance}|${p.file}|${line}|${p.kind === "line" ? "" : p.comment}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        kind: p.kind,
        file: p.file,
        line,
        instance,
        detail: p.comment,
        source: sourceLine(p.file, line),
      });
    }
  }
  out.sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.detail.localeCompare(b.detail),
  );
  return out;
}

function findByBaseName(sources: Map<string, string> | undefined, file: string): string | undefined {
  if (!sources) return undefined;
  const base = file.split("/").pop();
  for (const [name, text] of sources) if (name.split("/").pop() === base) return text;
  return undefined;
}

/** Target checks; a target's inst_name is a path below the testbench top (e.g. dut, dut.core). */
export function targetChecks(coverage: Coverage, targets: CoverageTarget[]): TargetCheck[] {
  return targets.map((t) => {
    const score = subtreeScore(coverage, t.inst_name);
    const achieved = score === null ? null : score * 100;
    return {
      inst_name: t.inst_name,
      target: t.target_percentage,
      achieved,
      met: achieved !== null && achieved + 1e-9 >= t.target_percentage,
    };
  });
}
