// Coverage scoring: parse Verilator's coverage.dat and measure the DUT instance subtree only.
// Pure logic, no I/O. Metric definitions and the IMC mapping live in docs/coverage.md.
import type {
  Coverage,
  CoverageTarget,
  FsmCoverage,
  InstanceCoverage,
  MetricCounts,
  TargetCheck,
  UncoveredPoint,
} from "./protocol.js";
import { scopeFinder } from "./sv-scope.js";

export type MetricKind = "line" | "branch" | "toggle" | "expression" | "fsm_state" | "fsm_arc" | "user";
export const METRIC_KINDS: MetricKind[] = [
  "line",
  "branch",
  "toggle",
  "expression",
  "fsm_state",
  "fsm_arc",
  "user",
];

/** Families of the score, each one of IMC's metrics (docs/coverage.md): block = line + branch. */
export const SCORE_FAMILIES: Record<string, MetricKind[]> = {
  block: ["line", "branch"],
  expression: ["expression"],
  toggle: ["toggle"],
  fsm: ["fsm_state", "fsm_arc"],
  user: ["user"],
};

export interface CoveragePoint {
  file: string;
  line: number;
  column: number;
  kind: MetricKind;
  /** Module name from the page, e.g. counter in v_line/counter ($root for FSM points). */
  module: string;
  /** Block type, branch arm, signal bit, expression term, FSM state/arc or cover name. */
  comment: string;
  /** Hierarchy without the TOP. prefix, e.g. tb.dut.u_sub (FSM points: the state variable's scope). */
  hier: string;
  /** Source lines this point stands for (S field), e.g. [4, 7]; [line] when there is none. */
  lines: number[];
  /** The point has its own S field (a block or an arm with a body; an implicit else has none). */
  body: boolean;
  count: number;
  /** Split toggle points (Verilator 5.040+): counts of 0->1 and 1->0; absent in the old format. */
  rise?: number;
  fall?: number;
  /** FSM points: state variable, arc source/target and tag (reset, reset_include, default). */
  fsm?: { variable: string; from: string; to: string; tag: string };
}

const PAGE_KIND: Record<string, MetricKind> = {
  v_line: "line",
  v_branch: "branch",
  v_toggle: "toggle",
  v_expr: "expression",
  v_fsm_state: "fsm_state",
  v_fsm_arc: "fsm_arc",
  v_user: "user",
};

const stripTop = (h: string) => (h === "TOP" ? "" : h.startsWith("TOP.") ? h.slice(4) : h);

/** Parses the `C '<key>' <count>` lines; keys are \x01name\x02value pairs. Unknown pages are skipped. */
export function parseCoverageDat(text: string): CoveragePoint[] {
  const points: CoveragePoint[] = [];
  const toggles = new Map<string, CoveragePoint>();
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
    const point: CoveragePoint = {
      file: fields.get("f") ?? "",
      line,
      column: Number(fields.get("n") ?? 0),
      kind,
      module: slash < 0 ? "" : page.slice(slash + 1),
      comment: fields.get("o") ?? "",
      hier: stripTop(fields.get("h") ?? ""),
      lines: parseLineSet(fields.get("S"), line),
      body: fields.has("S"),
      count,
    };
    if (kind === "fsm_state" || kind === "fsm_arc") {
      // FSM points sit under TOP; the state variable's full name says where the FSM lives.
      const variable = stripTop(fields.get("Fv") ?? "");
      const dot = variable.lastIndexOf(".");
      point.hier = dot < 0 ? point.hier : variable.slice(0, dot);
      point.fsm = {
        variable: variable.slice(dot + 1),
        from: fields.get("Ff") ?? "",
        to: fields.get("Ft") ?? "",
        tag: fields.get("Fg") ?? "",
      };
    }
    const dir = kind === "toggle" ? /^(.*):(0->1|1->0)$/.exec(point.comment) : null;
    if (dir) {
      // 5.040+ writes one point per direction: merge them into one bit, covered when both seen.
      const bit = dir[1]!;
      const id = `${point.hier}\x00${point.file}\x00${bit}`;
      let merged = toggles.get(id);
      if (!merged) {
        merged = { ...point, comment: bit, count: 0, rise: 0, fall: 0 };
        toggles.set(id, merged);
        points.push(merged);
      }
      if (dir[2] === "0->1") merged.rise! += count;
      else merged.fall! += count;
      merged.count += count;
      continue;
    }
    points.push(point);
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

/**
 * A toggle bit counts when it rose and fell: both split counters (5.040+) are non-zero, or the
 * single counter of older versions saw at least two changes.
 */
export function isCovered(p: CoveragePoint): boolean {
  if (p.kind !== "toggle") return p.count > 0;
  return p.rise !== undefined ? p.rise > 0 && (p.fall ?? 0) > 0 : p.count >= 2;
}

/**
 * Verilator's own summary leaves reset-only FSM arcs out of the percentage (they are a
 * summary of "reset was applied", see verilator_coverage); so do we.
 */
function scored(p: CoveragePoint): boolean {
  return !(p.kind === "fsm_arc" && p.fsm?.tag === "reset");
}

export interface SummarizeOptions {
  /** Testbench top module name: hierarchy paths are <tbTop>.<instance> (TOP. prefix optional). */
  tbTop: string;
  instance: string;
  /** Source text by file name as it appears in coverage.dat, for the uncovered listing. */
  sources?: Map<string, string>;
  maxUncovered?: number;
}

function fraction(c: MetricCounts | undefined): number | null {
  return c && c.total > 0 ? c.covered / c.total : null;
}

function merged(counts: Record<string, MetricCounts>, kinds: MetricKind[]): MetricCounts | undefined {
  let out: MetricCounts | undefined;
  for (const k of kinds) {
    const c = counts[k];
    if (!c) continue;
    out ??= { covered: 0, total: 0 };
    out.covered += c.covered;
    out.total += c.total;
  }
  return out;
}

/** Fraction of each score family (block, expression, toggle, fsm, user); null when it has no points. */
export function familyFractions(counts: Record<string, MetricCounts>): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(SCORE_FAMILIES).map(([f, kinds]) => [f, fraction(merged(counts, kinds))]),
  );
}

/** Score: the mean of the families that have points, like IMC's "Overall Average". */
export function scoreOf(counts: Record<string, MetricCounts>): number | null {
  const values = Object.values(familyFractions(counts)).filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function tally(points: CoveragePoint[]): Record<string, MetricCounts> {
  const counts: Record<string, MetricCounts> = {};
  for (const p of points) {
    if (!scored(p)) continue;
    const c = (counts[p.kind] ??= { covered: 0, total: 0 });
    c.total++;
    if (isCovered(p)) c.covered++;
  }
  return counts;
}

function fsmOf(counts: Record<string, MetricCounts>): FsmCoverage | null {
  const all = merged(counts, ["fsm_state", "fsm_arc"]);
  if (!all || all.total === 0) return null;
  return { score: fraction(all), state: fraction(counts.fsm_state), arc: fraction(counts.fsm_arc) };
}

function metricsOf(path: string, points: CoveragePoint[]): InstanceCoverage {
  const counts = tally(points);
  return {
    path,
    score: scoreOf(counts),
    line: fraction(counts.line),
    branch: fraction(counts.branch),
    block: fraction(merged(counts, SCORE_FAMILIES.block!)),
    toggle: fraction(counts.toggle),
    expression: fraction(counts.expression),
    fsm: fsmOf(counts),
    user: fraction(counts.user),
    counts,
  };
}

/** Measures the DUT instance subtree; testbench points never count. */
export function summarizeCoverage(points: CoveragePoint[], opts: SummarizeOptions): Coverage {
  const root = opts.tbTop;
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
  const uncoveredAll = informativeOrder(listUncovered(inDut, root, opts.sources));
  const max = opts.maxUncovered ?? 200;
  return {
    score: total.score,
    line: total.line,
    branch: total.branch,
    block: total.block,
    toggle: total.toggle,
    expression: total.expression,
    fsm: total.fsm,
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
  const sum: Record<string, MetricCounts> = {};
  for (const r of rows)
    for (const [k, c] of Object.entries(r.counts)) {
      const m = (sum[k] ??= { covered: 0, total: 0 });
      m.covered += c.covered;
      m.total += c.total;
    }
  return scoreOf(sum);
}

// ---------------------------------------------------------------------------------------------
// The uncovered listing: one entry per thing to do, not per line.

const MAX_SOURCE = 200;

/** What an uncovered point means, in words (the `detail` of non-line points). */
function describe(p: CoveragePoint): string {
  if (p.kind === "toggle") {
    if (p.rise === undefined) return `${p.comment}: ${p.count === 0 ? "never toggled" : "changed once"}`;
    if (!p.rise && !p.fall) return `${p.comment}: never toggled`;
    return `${p.comment}: never ${p.rise ? "1->0" : "0->1"}`;
  }
  if (p.kind === "fsm_state") return `${p.fsm!.variable}: state ${p.fsm!.to} never entered`;
  if (p.kind === "fsm_arc") return `${p.fsm!.variable}: ${p.fsm!.from}->${p.fsm!.to} never taken`;
  return p.comment;
}

/** Identity of the construct a point belongs to, for round-robin selection (one place each). */
function groupOf(u: UncoveredPoint): string {
  if (u.kind === "toggle") return `${u.instance}|${u.detail.split(/[[:]/)[0]}`;
  if (u.kind === "fsm_arc" || u.kind === "fsm_state")
    return `${u.instance}|${u.detail.split(" ")[0]}|${u.detail.split(" ")[1]?.split("->")[0]}`;
  return `${u.instance}|${u.file}|${u.kind === "line" ? (u.scope ?? u.line) : u.line}`;
}

const FAMILY_ORDER = ["line", "branch", "expression", "fsm_arc", "fsm_state", "user", "toggle"];

/**
 * Orders uncovered points so that any prefix carries the most information: families take turns
 * (lines, branches, expressions, FSM, covers, toggles), and inside a family every distinct
 * construct (block, if, expression, FSM state, signal) gets a place before one repeats.
 */
export function informativeOrder(points: UncoveredPoint[]): UncoveredPoint[] {
  const families = new Map<string, Map<string, UncoveredPoint[]>>();
  for (const u of points) {
    let fam = families.get(u.kind);
    if (!fam) families.set(u.kind, (fam = new Map()));
    const g = groupOf(u);
    const list = fam.get(g);
    if (list) list.push(u);
    else fam.set(g, [u]);
  }
  const sequences = [...families.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([, groups]) => {
      const seq: UncoveredPoint[] = [];
      const lists = [...groups.values()];
      for (let i = 0; seq.length < points.length && lists.some((l) => l.length > i); i++)
        for (const l of lists) if (l[i]) seq.push(l[i]!);
      return seq;
    });
  const out: UncoveredPoint[] = [];
  for (let i = 0; out.length < points.length; i++) for (const s of sequences) if (s[i]) out.push(s[i]!);
  return out;
}

const rank = (kind: string) => {
  const i = FAMILY_ORDER.indexOf(kind);
  return i < 0 ? FAMILY_ORDER.length : i;
};

function listUncovered(
  points: CoveragePoint[],
  root: string,
  sources?: Map<string, string>,
): UncoveredPoint[] {
  const textOf = new Map<string, string>();
  const fileText = (file: string) => {
    let t = textOf.get(file);
    if (t === undefined) textOf.set(file, (t = sources?.get(file) ?? findByBaseName(sources, file) ?? ""));
    return t;
  };
  const lineCache = new Map<string, string[]>();
  const sourceLine = (file: string, line: number): string => {
    let lines = lineCache.get(file);
    if (!lines) lineCache.set(file, (lines = fileText(file).split("\n")));
    return (lines[line - 1] ?? "").trim().slice(0, MAX_SOURCE);
  };
  const scopes = new Map<string, ReturnType<typeof scopeFinder>>();
  const scopeAt = (file: string, line: number) => {
    let f = scopes.get(file);
    if (!f) scopes.set(file, (f = scopeFinder(fileText(file))));
    return f(line);
  };
  const instanceOf = (p: CoveragePoint) => p.hier.slice(root.length + 1);

  const out: UncoveredPoint[] = [];
  // Line blocks and the branch arms that have a body (S set) form ranges; executed lines split them.
  const byUnit = new Map<string, CoveragePoint[]>();
  for (const p of points) {
    if (!scored(p)) continue;
    if (p.kind === "line" || (p.kind === "branch" && p.body)) {
      const k = `${instanceOf(p)}\x00${p.file}`;
      const unit = byUnit.get(k);
      if (unit) unit.push(p);
      else byUnit.set(k, [p]);
      continue;
    }
    if (isCovered(p)) continue;
    out.push({
      kind: p.kind,
      file: p.file,
      line: p.line,
      instance: instanceOf(p),
      detail: describe(p),
      source: sourceLine(p.file, p.line),
    });
  }
  for (const unit of byUnit.values()) out.push(...ranges(unit, instanceOf(unit[0]!), scopeAt, sourceLine));
  return out;
}

function ranges(
  unit: CoveragePoint[],
  instance: string,
  scopeAt: (file: string, line: number) => { name: string; start: number } | null,
  sourceLine: (file: string, line: number) => string,
): UncoveredPoint[] {
  const file = unit[0]!.file;
  const executed = new Set<number>();
  for (const p of unit) if (isCovered(p)) for (const l of p.lines) executed.add(l);
  const open = unit
    .filter((p) => !isCovered(p))
    .map((p) => ({ p, start: Math.min(...p.lines), end: Math.max(...p.lines) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  // Scopes whose every block is unexecuted were never entered.
  const scopeState = new Map<string, boolean>();
  for (const p of unit) {
    const s = scopeAt(file, Math.min(...p.lines));
    if (!s) continue;
    const key = `${s.name}@${s.start}`;
    scopeState.set(key, (scopeState.get(key) ?? false) || isCovered(p));
  }
  const out: UncoveredPoint[] = [];
  let cur: {
    start: number;
    end: number;
    scope: { name: string; start: number } | null;
    kinds: string[];
  } | null = null;
  const flush = () => {
    if (!cur) return;
    const s = cur.scope;
    const never = s !== null && scopeState.get(`${s.name}@${s.start}`) === false;
    // One block keeps the tool's word for it (if, else, case...); several are "not reached".
    const what = cur.kinds.length === 1 ? cur.kinds[0]! : "not reached";
    const note = never ? `${s!.name}: never entered` : s ? `${s.name}: ${what}` : what;
    out.push({
      kind: "line",
      file,
      line: cur.start,
      ...(cur.end > cur.start ? { endLine: cur.end } : {}),
      instance,
      detail: note,
      ...(s ? { scope: s.name } : {}),
      source: sourceLine(file, cur.start),
    });
    cur = null;
  };
  for (const { p, start, end } of open) {
    const scope = scopeAt(file, start);
    const sameScope = cur && (cur.scope?.start ?? -1) === (scope?.start ?? -1);
    let gapExecuted = false;
    if (cur) for (let l = cur.end + 1; l < start && !gapExecuted; l++) gapExecuted = executed.has(l);
    if (cur && sameScope && !gapExecuted) {
      cur.end = Math.max(cur.end, end);
      if (!cur.kinds.includes(p.comment)) cur.kinds.push(p.comment);
    } else {
      flush();
      cur = { start, end, scope, kinds: [p.comment] };
    }
  }
  flush();
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
