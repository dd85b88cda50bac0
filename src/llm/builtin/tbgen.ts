// Writes the built-in policy's testbench as SystemVerilog text. Only constructs that both
// Verilator 5.006 (--timing) and Icarus 11 (-g2012) accept are used (docs/rules.md), and the
// random stream is an in-testbench xorshift so a seed gives the same stimulus on both.
import type { DutInterface, Port } from "./ports.js";

/** Drive `value` on the bits of `mask` of `port` (the other bits stay random). */
export interface DriveSet {
  port: string;
  mask: bigint;
  value: bigint;
}

/** Hold every set at once for `hold` cycles. */
export interface Directed {
  sets: DriveSet[];
  hold: number;
}

export interface TbPlan {
  seed: number;
  /** 0 for a first answer; grows with every round of feedback. */
  level: number;
  /** Plain Verilog-2001 style after a compile failure: no tasks, no functions. */
  conservative: boolean;
  randomCycles: number;
  /** Length of one random segment (enables held, small values, ...). */
  segment: number;
  holdCycles: number;
  directed: Directed[];
  /** Extra walking-one/zero passes over these inputs (untoggled bits). */
  walk: string[];
  /**
   * Phases of the previous testbench, replayed first with the same seed: the same stimulus
   * reaches the same coverage, so a revision never loses what the last round reached.
   */
  carry: { lines: string[]; cycles: number } | null;
}

export interface TbContext {
  top: string;
  instance: string;
  tbModule: string;
}

const HEADER = "// llm4cov-builtin";
const PHASES_BEGIN = "// <<< stimulus phases";
const PHASES_END = "// >>> stimulus phases";

/** The stimulus phases of a testbench this policy wrote (common indentation removed), or null. */
export function extractPhases(tb: string): string[] | null {
  const lines = tb.split("\n");
  const a = lines.findIndex((l) => l.trim() === PHASES_BEGIN);
  const b = lines.findIndex((l) => l.trim() === PHASES_END);
  if (a < 0 || b <= a) return null;
  const indent = (lines[a] as string).indexOf(PHASES_BEGIN);
  return lines.slice(a + 1, b).map((l) => (l.slice(0, indent).trim() ? l.trim() : l.slice(indent)));
}

export function planHeader(p: TbPlan & { cycles?: number }): string {
  return `${HEADER} level=${p.level} seed=${p.seed} random=${p.randomCycles} hold=${p.holdCycles} directed=${p.directed.length} conservative=${Number(p.conservative)} cycles=${p.cycles ?? 0}`;
}

/** The plan summary of a testbench this policy wrote (null for any other testbench). */
export function readPlanHeader(tb: string): Record<string, number> | null {
  const line = tb.split("\n").find((l) => l.startsWith(HEADER));
  if (!line) return null;
  const out: Record<string, number> = {};
  for (const kv of line.slice(HEADER.length).trim().split(" ")) {
    const [k, v] = kv.split("=");
    if (k && v !== undefined && Number.isFinite(Number(v))) out[k] = Number(v);
  }
  return out;
}

const lit = (w: number, v: bigint) => `${w}'h${(v & ((1n << BigInt(w)) - 1n)).toString(16)}`;
const pattern = (w: number, nibble: bigint) => {
  let v = 0n;
  for (let i = 0; i < w; i += 4) v = (v << 4n) | nibble;
  return v;
};
const decl = (p: Port) => (p.packed ? `${p.packed} ` : "");
const unp = (p: Port) => (p.unpacked ? ` [${p.unpacked.left}:${p.unpacked.right}]` : "");

/** Time unit of a `timescale` value in ns (1 when absent). */
export function unitNs(timescale: string | null): number {
  const m = /^\s*(\d+)\s*(s|ms|us|ns|ps|fs)/.exec(timescale ?? "");
  if (!m) return 1;
  const scale: Record<string, number> = { s: 1e9, ms: 1e6, us: 1e3, ns: 1, ps: 1e-3, fs: 1e-6 };
  return Number(m[1]) * (scale[m[2] as string] ?? 1);
}

class Writer {
  lines: string[] = [];
  private depth = 0;
  line(s = ""): this {
    this.lines.push(s ? "  ".repeat(this.depth) + s : "");
    return this;
  }
  open(s: string): this {
    this.line(s);
    this.depth++;
    return this;
  }
  close(s: string): this {
    this.depth--;
    return this.line(s);
  }
}

interface Sig {
  driven: Port[]; // inputs the stimulus drives (not clocks/resets)
  data: Port[]; // multi-bit or array inputs
  ctrl: Port[]; // 1-bit inputs
  rw: number; // width of the random word tb_r
}

function signals(iface: DutInterface): Sig {
  const special = new Set([...iface.clocks, ...iface.resets.map((r) => r.name)]);
  const driven = iface.ports.filter((p) => p.dir === "input" && !special.has(p.name));
  const ctrl = driven.filter((p) => p.width === 1 && !p.unpacked && !p.real);
  const data = driven.filter((p) => !ctrl.includes(p));
  const widths = driven.map((p) => p.width ?? 1024);
  const total = widths.reduce((a, b) => a + b, 0);
  return { driven, data, ctrl, rw: Math.max(32, Math.ceil(Math.max(...widths, total, 1) / 32) * 32) };
}

/** Assigns `rhs(slice)` to port `p`; arrays are filled element by element. */
function assign(p: Port, rhs: (w: number | null) => string, fresh: boolean): string {
  const pre = fresh ? "tb_r = tb_bits(); " : "";
  if (p.real) return `${p.name} = ${rhs(null) === "'0" ? "0.0" : "$itor(tb_rand() % 1000) / 10.0"};`;
  if (!p.unpacked) return `${pre}${p.name} = ${rhs(p.width)};`;
  const { left, right } = p.unpacked;
  const [lo, hi] = left <= right ? [left, right] : [right, left];
  return `for (tb_e = ${lo}; tb_e <= ${hi}; tb_e = tb_e + 1) begin ${pre}${p.name}[tb_e] = ${rhs(p.width)}; end`;
}

const randSlice = (p: Port) => (w: number | null) =>
  w === 1 ? "tb_r[0]" : w === null ? `tb_r[$bits(${p.name})-1:0]` : `tb_r[${w - 1}:0]`;

function driveTasks(w: Writer, s: Sig): void {
  const task = (name: string, arg: string, body: string[]) => {
    w.open(`task automatic ${name}(${arg});`).open("begin");
    body.forEach((l) => w.line(l));
    w.close("end").close("endtask");
  };
  task(
    "tb_drive_zero",
    "",
    s.driven.map((p) => assign(p, () => "'0", false)),
  );
  task(
    "tb_drive_ones",
    "",
    s.driven.map((p) => assign(p, () => "'1", false)),
  );
  const alt = (nib: bigint) => (p: Port) =>
    assign(
      p,
      (wd) => (wd === null ? "'0" : wd === 1 ? `1'b${nib === 0xan ? 1 : 0}` : lit(wd, pattern(wd, nib))),
      false,
    );
  task("tb_drive_alt", "input integer k", [
    "if (k == 0) begin",
    ...s.driven.map(alt(0xan)).map((l) => `  ${l}`),
    "end else begin",
    ...s.driven.map(alt(0x5n)).map((l) => `  ${l}`),
    "end",
  ]);
  task(
    "tb_drive_data_random",
    "",
    s.data.map((p) => assign(p, randSlice(p), true)),
  );
  task(
    "tb_drive_ctrl_random",
    "",
    s.ctrl.map((p) => assign(p, randSlice(p), true)),
  );
  task(
    "tb_drive_ctrl",
    "input logic v",
    s.ctrl.map((p) => `${p.name} = v;`),
  );
  task("tb_drive_random", "", ["tb_drive_data_random();", "tb_drive_ctrl_random();"]);
  // Small data values reach "== 0"/"== 1" comparisons; rare 1-bit pulses reach one-shot paths.
  task("tb_drive_small", "", [
    ...s.data.map((p) =>
      assign(p, (wd) => (wd !== null && wd > 2 ? `{${wd - 2}'d0, tb_r[1:0]}` : randSlice(p)(wd)), true),
    ),
    ...s.ctrl.map((p) => `tb_r = tb_bits(); ${p.name} = (tb_r[2:0] == 3'd0);`),
  ]);
}

function header(w: Writer, iface: DutInterface, ctx: TbContext, plan: TbPlan & { cycles: number }, s: Sig) {
  w.line(planHeader(plan));
  if (iface.timescale) w.line(`\`timescale ${iface.timescale}`);
  w.open(`module ${ctx.tbModule};`);
  w.line("// Stimulus-only testbench from the llm4cov built-in policy (no LLM): reset, corner values,");
  w.line("// walking ones, constants taken from the RTL, seeded random segments, a mid-run reset.");
  if (iface.ports.some((p) => p.width === null))
    for (const p of iface.params) w.line(`localparam ${p.name} = ${p.value};`);
  const v = plan.conservative ? "reg" : "logic";
  for (const c of iface.clocks) w.line(`${v} ${c};`);
  for (const r of iface.resets) w.line(`${v} ${r.name};`);
  for (const p of s.driven) w.line(p.real ? `real ${p.name};` : `${v} ${decl(p)}${p.name}${unp(p)};`);
  for (const p of iface.ports.filter((x) => x.dir !== "input"))
    w.line(p.real ? `real ${p.name};` : `wire ${decl(p)}${p.name}${unp(p)};`);
  w.line(`${v} [31:0] tb_rng;`)
    .line(`${v} [${s.rw - 1}:0] tb_r;`)
    .line("integer tb_i, tb_k, tb_e;");
  w.line();
  const conns = iface.ports.map((p, i) => `.${p.name}(${p.name})${i < iface.ports.length - 1 ? "," : ""}`);
  if (conns.length) {
    w.open(`${ctx.top} ${ctx.instance} (`);
    conns.forEach((c) => w.line(c));
    w.close(");");
  } else w.line(`${ctx.top} ${ctx.instance} ();`);
  w.line();
  const halves = [5, 3, 7, 4, 6];
  iface.clocks.forEach((c, i) =>
    w.line(`initial ${c} = 1'b0;`).line(`always #${halves[i % 5]} ${c} = ~${c};`),
  );
}

const resetAssign = (iface: DutInterface, active: boolean) =>
  iface.resets.map((r) => `${r.name} = 1'b${Number(active !== r.activeLow)};`).join(" ");

function conservativeBody(w: Writer, iface: DutInterface, plan: TbPlan, s: Sig): void {
  const step = iface.clocks[0] ? `@(negedge ${iface.clocks[0]});` : "#10;";
  w.open("initial begin");
  w.line(`tb_rng = 32'h${(plan.seed >>> 0 || 1).toString(16)};`);
  s.driven.forEach((p) => w.line(assign(p, () => "'0", false)));
  if (iface.resets.length) w.line(resetAssign(iface, true));
  w.line(`repeat (4) ${step}`);
  if (iface.resets.length) w.line(resetAssign(iface, false));
  w.open(`for (tb_i = 0; tb_i < ${plan.randomCycles}; tb_i = tb_i + 1) begin`);
  w.open(`for (tb_k = 0; tb_k < ${s.rw / 32}; tb_k = tb_k + 1) begin`);
  w.line("tb_rng = tb_rng ^ (tb_rng << 13);").line("tb_rng = tb_rng ^ (tb_rng >> 17);");
  w.line("tb_rng = tb_rng ^ (tb_rng << 5);").line("tb_r[tb_k*32 +: 32] = tb_rng;");
  w.close("end");
  let off = 0;
  for (const p of s.driven.filter((x) => !x.unpacked && !x.real && x.width !== null)) {
    const wd = p.width as number;
    w.line(`${p.name} = tb_r[${off + wd - 1}:${off}];`);
    off += wd;
  }
  w.line(step);
  w.close("end");
  w.line('$display("llm4cov-builtin: stimulus done at %0t", $time);').line("$finish;");
  w.close("end");
}

function mainBody(w: Writer, iface: DutInterface, plan: TbPlan, s: Sig): void {
  const clk = iface.clocks[0];
  w.line("// xorshift32: the same stream on every simulator for a given seed");
  w.open("function logic [31:0] tb_rand();").open("begin");
  w.line("tb_rng = tb_rng ^ (tb_rng << 13);").line("tb_rng = tb_rng ^ (tb_rng >> 17);");
  w.line("tb_rng = tb_rng ^ (tb_rng << 5);").line("tb_rand = tb_rng;");
  w.close("end").close("endfunction");
  w.open(`function logic [${s.rw - 1}:0] tb_bits();`)
    .line("integer n;")
    .line(`logic [${s.rw - 1}:0] acc;`);
  w.open("begin").line(`for (n = 0; n < ${s.rw / 32}; n = n + 1) acc[n*32 +: 32] = tb_rand();`);
  w.line("tb_bits = acc;").close("end").close("endfunction");
  w.open("task automatic tb_step(input integer n);");
  w.line(clk ? `repeat (n) @(negedge ${clk});` : "repeat (n) #10;").close("endtask");
  w.open("task automatic tb_reset(input integer n);").open("begin");
  if (iface.resets.length) w.line(resetAssign(iface, true));
  w.line("tb_step(n);");
  if (iface.resets.length) w.line(resetAssign(iface, false));
  w.line("tb_step(1);").close("end").close("endtask");
  driveTasks(w, s);
  // The helper tasks are the same at every level, so earlier phases can be replayed verbatim.
  w.open("task automatic tb_random_phase(input integer cycles, input integer seg);")
    .line("integer c;")
    .open("begin");
  w.open("for (c = 0; c < cycles; c = c + 1) begin").open("case ((c / seg) % 4)");
  w.line("0: tb_drive_random();");
  w.line("1: begin tb_drive_data_random(); if (c % seg == 0) tb_drive_ctrl_random(); end");
  w.line("2: tb_drive_small();");
  w.line("default: if (c % seg == 0) tb_drive_data_random(); else tb_drive_ctrl_random();");
  w.close("endcase").line("tb_step(1);").close("end").close("end").close("endtask");
  w.line();
  w.open("initial begin : tb_main");
  w.line(`tb_rng = 32'h${(plan.seed >>> 0 || 1).toString(16)};`);
  w.line("tb_drive_zero();").line("tb_reset(4);");
  w.line(PHASES_BEGIN);
  for (const l of plan.carry?.lines ?? []) w.line(l);
  if (plan.carry) w.line(`// level ${plan.level}`);
  else {
    w.line("// corner values");
    w.line("tb_drive_zero(); tb_step(2); tb_drive_ones(); tb_step(2);");
    w.line("tb_drive_alt(0); tb_step(2); tb_drive_alt(1); tb_step(2); tb_drive_zero(); tb_step(2);");
  }
  const walkers = s.data.filter((p) => p.width !== null && !p.unpacked && !p.real);
  const extra = walkers.filter((p) => plan.walk.includes(p.name));
  const walk = plan.carry ? extra : [...walkers, ...extra];
  if (walk.length) w.line("// walking one and walking zero on data inputs");
  for (const p of walk) {
    const n = Math.min(p.width as number, 64);
    w.line(
      `for (tb_k = 0; tb_k < ${n}; tb_k = tb_k + 1) begin ${p.name} = '0; ${p.name}[tb_k] = 1'b1; tb_step(1); end`,
    );
    w.line(
      `for (tb_k = 0; tb_k < ${n}; tb_k = tb_k + 1) begin ${p.name} = '1; ${p.name}[tb_k] = 1'b0; tb_step(1); end`,
    );
    w.line(`${p.name} = '0;`);
  }
  const byName = new Map(s.driven.map((p) => [p.name, p]));
  if (plan.directed.length) w.line("// constants the RTL compares against or switches on");
  for (const d of plan.directed) {
    const lines = d.sets.map((x) => {
      const p = byName.get(x.port);
      if (!p || p.width === null || p.unpacked || p.real) return null;
      const wd = p.width;
      const full = (1n << BigInt(wd)) - 1n;
      if (wd === 1) return `${p.name} = 1'b${x.value & 1n};`;
      if ((x.mask & full) === full) return `${p.name} = ${lit(wd, x.value)};`;
      return `tb_r = tb_bits(); ${p.name} = (tb_r[${wd - 1}:0] & ~${lit(wd, x.mask)}) | ${lit(wd, x.value & x.mask)};`;
    });
    if (!lines.length || lines.some((l) => l === null)) continue;
    w.open(`for (tb_i = 0; tb_i < ${d.hold}; tb_i = tb_i + 1) begin`);
    // Data is redrawn only twice per hold, so a write and a later read meet at one address;
    // 1-bit inputs vary every cycle, and in the second half every other cycle has them all high.
    const half = Math.floor(d.hold / 2);
    w.line(`if (tb_i == 0 || tb_i == ${half}) tb_drive_data_random();`);
    w.line(`if (tb_i >= ${half} && tb_i % 2 == 0) tb_drive_ctrl(1'b1); else tb_drive_ctrl_random();`);
    lines.forEach((l) => w.line(l as string));
    w.line("tb_step(1);").close("end");
  }
  const half = Math.ceil(plan.randomCycles / 2);
  w.line("// seeded random segments with a reset in the middle");
  w.line(`tb_random_phase(${half}, ${plan.segment});`).line("tb_reset(2);");
  w.line(`tb_random_phase(${half}, ${plan.segment});`);
  w.line("// long holds: every 1-bit input high (counters and timeouts run to their ends)");
  w.line(
    `for (tb_i = 0; tb_i < ${plan.holdCycles}; tb_i = tb_i + 1) begin tb_drive_data_random(); tb_drive_ctrl(1'b1); tb_step(1); end`,
  );
  w.line(`tb_drive_ctrl(1'b1); tb_step(${plan.holdCycles});`);
  w.line("tb_drive_ctrl(1'b0); tb_step(4); tb_drive_zero(); tb_step(4);").line(PHASES_END);
  w.line('$display("llm4cov-builtin: stimulus done at %0t", $time);').line("$finish;");
  w.close("end");
}

/** Cycles the main stimulus takes, carried phases included (for the watchdog and the time budget). */
export function estimateCycles(iface: DutInterface, plan: TbPlan): number {
  const s = signals(iface);
  const walked = plan.carry ? [] : s.data;
  const walk = [...walked, ...s.data.filter((p) => plan.walk.includes(p.name))]
    .map((p) => 2 * Math.min(p.width ?? 0, 64))
    .reduce((a, b) => a + b, 0);
  const directed = plan.directed.reduce((a, d) => a + d.hold, 0);
  return (plan.carry?.cycles ?? 0) + 40 + walk + directed + plan.randomCycles + 2 * plan.holdCycles;
}

export function generateTestbench(iface: DutInterface, ctx: TbContext, plan: TbPlan): string {
  const s = signals(iface);
  const w = new Writer();
  const cycles = estimateCycles(iface, plan);
  header(w, iface, ctx, { ...plan, cycles }, s);
  w.line();
  if (plan.conservative) conservativeBody(w, iface, plan, s);
  else mainBody(w, iface, plan, s);
  // A watchdog: $finish is reached even if the stimulus were to stall.
  const wd = Math.ceil((cycles * 20 + 1000) * 1.5);
  w.line().open("initial begin : tb_watchdog").line(`#${wd};`);
  w.line('$display("llm4cov-builtin: watchdog");').line("$finish;").close("end");
  w.close("endmodule");
  return w.lines.join("\n") + "\n";
}
