// Testbench writers in the styles LLMs use for benchmark designs: a class-based one
// (transaction with randomize, scoreboard), a long directed one (tasks with arguments, numbered
// tests, loops over corner values) and a concurrent one (fork/join, SVA, covergroup, events).
// Every choice (names, clocking, loop forms, lengths) comes from a seeded Rng, so two
// testbenches for one design differ the way two LLM answers do, and reruns give the same text.
import type { ModuleHeader, Port } from "./ports.js";
import { Rng } from "./rng.js";

export interface Design {
  header: ModuleHeader;
  instance: string;
}

interface Ctx {
  d: Design;
  r: Rng;
  clocks: Port[];
  clk: string | null;
  reset: { name: string; low: boolean } | null;
  ins: Port[];
  outs: Port[];
  tbName: string;
  half: number;
  out: string[];
  ind: string;
}

const CLOCK = /^(i_)?(clk|clock|pclk|hclk|aclk|clk_dsp)(_i|_in)?$/i;
const RESET = /(rst|reset)/i;
const LOW = /(_n|_bar|_b|_l|resetn|rstn)$/i;

function context(d: Design, r: Rng): Ctx {
  const inputs = d.header.ports.filter((p) => p.dir === "input");
  const clocks = inputs.filter((p) => p.width === 1 && CLOCK.test(p.name));
  const rst = inputs.find((p) => p.width === 1 && RESET.test(p.name) && !clocks.includes(p));
  const top = d.header.name;
  return {
    d,
    r,
    clocks,
    clk: clocks[0]?.name ?? null,
    reset: rst ? { name: rst.name, low: LOW.test(rst.name) } : null,
    ins: inputs.filter((p) => !clocks.includes(p) && p !== rst),
    outs: d.header.ports.filter((p) => p.dir !== "input"),
    tbName: r.pick([`tb_${top}`, `${top}_tb`, `tb_${top}_top`, "tb", "testbench", `test_${top}`]),
    half: r.pick([5, 5, 10, 2, 4]),
    out: [],
    ind: r.pick(["  ", "    ", "  ", "\t"]),
  };
}

const maxOf = (w: number) => (w >= 53 ? null : 2 ** w - 1);
const hex = (w: number, v: string) => `${w}'h${v}`;

function lit(c: Ctx, p: Port, kind: "zero" | "max" | "rand" | "one" | "alt" | "walk"): string {
  const w = p.width;
  switch (kind) {
    case "zero":
      return c.r.pick([`'0`, `${w}'d0`, `${w}'h0`]);
    case "max":
      return w > 32 ? `'1` : c.r.pick([`'1`, hex(w, ((1n << BigInt(w)) - 1n).toString(16))]);
    case "one":
      return w === 1 ? "1'b1" : `${w}'d1`;
    case "alt": {
      let v = 0n;
      for (let i = 0; i < w; i += 2) v |= 1n << BigInt(i);
      return hex(w, v.toString(16));
    }
    case "walk":
      return hex(w, (1n << BigInt(c.r.int(0, w - 1))).toString(16));
    default:
      return w === 1 ? `1'b${c.r.int(0, 1)}` : hex(w, c.r.bits(w));
  }
}

function randExpr(c: Ctx, p: Port): string {
  const w = p.width;
  if (w === 1) return c.r.pick(["$urandom_range(0, 1)", "$urandom % 2", "1'($urandom)"]);
  if (w <= 31) return c.r.pick([`$urandom_range(0, ${maxOf(w)})`, "$urandom", `${w}'($urandom)`, "$random"]);
  if (w <= 32) return "$urandom";
  const parts = Math.ceil(w / 32);
  return `{${Array.from({ length: parts }, () => "$urandom").join(", ")}}`;
}

const line = (c: Ctx, depth: number, text = "") => c.out.push(text ? c.ind.repeat(depth) + text : "");
const step = (c: Ctx) => (c.clk ? `@(posedge ${c.clk});` : `#${c.half * 2};`);
const typeOf = (p: Port) => `logic ${p.range ? p.range + " " : ""}`.replace("logic  ", "logic ");

function header(c: Ctx, flavour: string) {
  const top = c.d.header.name;
  const banner = c.r.pick(["=", "-", "*"]).repeat(c.r.pick([60, 72, 78]));
  c.r.pick([
    () => {
      c.out.push(`// ${banner}`);
      c.out.push(`// Testbench for ${top}`);
      c.out.push(`// ${flavour}`);
      c.out.push(`// Instance name "${c.d.instance}" is required by the coverage flow.`);
      c.out.push(`// ${banner}`);
    },
    () => {
      c.out.push(`/*`);
      c.out.push(` * ${c.tbName}.sv`);
      c.out.push(` * ${flavour} for the ${top} module.`);
      c.out.push(` * Goal: exercise every branch, toggle every port bit and reach the corner cases.`);
      c.out.push(` */`);
    },
    () => c.out.push(`// ${flavour}: ${top}`),
  ])();
  c.out.push(
    c.r.pick(["`timescale 1ns/1ps", "`timescale 1ns / 1ps", "`timescale 1ns/1ns", "`timescale 1ns/1ps"]),
  );
  c.out.push("");
}

function declarations(c: Ctx) {
  const { header: h, instance } = c.d;
  c.out.push(`module ${c.tbName};`);
  c.out.push("");
  if (h.params.length) {
    line(c, 1, "// Parameters (defaults of the DUT)");
    for (const p of h.params) line(c, 1, `localparam ${p.name} = ${p.value};`);
    line(c, 0);
  }
  if (c.clk) line(c, 1, `localparam int CLK_PERIOD = ${c.half * 2};`);
  line(c, 1, `localparam int NUM_RANDOM = ${c.r.pick([200, 256, 300, 500, 400])};`);
  line(c, 0);
  const useReg = c.r.chance(0.3);
  line(c, 1, "// DUT inputs");
  for (const p of [
    ...c.clocks,
    ...(c.reset ? [{ name: c.reset.name, range: "", width: 1 } as Port] : []),
    ...c.ins,
  ])
    line(c, 1, `${useReg ? `reg ${p.range ? p.range + " " : ""}` : typeOf(p)}${p.name};`);
  line(c, 0);
  line(c, 1, "// DUT outputs");
  for (const p of c.outs)
    line(c, 1, `${useReg ? `wire ${p.range ? p.range + " " : ""}` : typeOf(p)}${p.name};`);
  line(c, 0);
  const params = h.params.filter((p) => !/^".*"$/.test(p.value) && c.r.chance(0.6));
  const pinst = params.length
    ? ` #(\n${params.map((p) => `${c.ind.repeat(2)}.${p.name}(${p.name})`).join(",\n")}\n${c.ind})`
    : "";
  const conns = h.ports.map((p) => `${c.ind.repeat(2)}.${p.name}(${p.name})`);
  line(c, 1, "// Device under test");
  line(c, 1, `${h.name}${pinst} ${instance} (`);
  c.out.push(conns.join(",\n"));
  line(c, 1, ");");
  line(c, 0);
  if (c.clocks.length) {
    line(c, 1, "// Clock generation");
    c.clocks.forEach((k, i) => {
      const half = i === 0 ? "CLK_PERIOD/2" : String(c.half + 2 + i);
      if (c.r.chance(0.5)) {
        line(c, 1, "initial begin");
        line(c, 2, `${k.name} = 1'b0;`);
        line(c, 2, `forever #(${half}) ${k.name} = ~${k.name};`);
        line(c, 1, "end");
      } else {
        line(c, 1, `initial ${k.name} = 0;`);
        line(c, 1, `always #(${half}) ${k.name} = ~${k.name};`);
      }
    });
    line(c, 0);
  }
}

function resetTask(c: Ctx, name: string) {
  line(c, 1, `task automatic ${name}(input int cycles = ${c.r.pick([2, 3, 4, 5, 10])});`);
  line(c, 2, "begin");
  for (const p of c.ins) line(c, 3, `${p.name} = '0;`);
  if (c.reset) {
    line(c, 3, `${c.reset.name} = 1'b${c.reset.low ? 0 : 1};`);
    line(c, 3, c.clk ? `repeat (cycles) @(posedge ${c.clk});` : `#(cycles * ${c.half * 2});`);
    line(c, 3, `${c.reset.name} = 1'b${c.reset.low ? 1 : 0};`);
  } else line(c, 3, `#(cycles * ${c.half * 2});`);
  line(c, 3, c.clk ? `@(posedge ${c.clk});` : "#1;");
  line(c, 3, `$display("[%0t] reset done", $time);`);
  line(c, 2, "end");
  line(c, 1, "endtask");
  line(c, 0);
}

function watchdog(c: Ctx) {
  const ns = c.r.pick(["5_000_000", "1_000_000", "2_000_000", "10_000_000", "500_000"]);
  c.r.pick([
    () => {
      line(c, 1, "// Watchdog: never hang the regression");
      line(c, 1, "initial begin");
      line(c, 2, `#${ns};`);
      line(c, 2, `$display("ERROR: watchdog timeout at %0t", $time);`);
      line(c, 2, "$finish;");
      line(c, 1, "end");
    },
    () => {
      line(c, 1, `localparam longint TIMEOUT_NS = ${ns};`);
      line(c, 1, "initial begin : watchdog");
      line(c, 2, "#(TIMEOUT_NS);");
      line(c, 2, `$fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);`);
      line(c, 1, "end");
    },
    () => {
      line(c, 1, "initial begin");
      line(c, 2, `#(${ns}) $error("Timeout! The test did not finish");`);
      line(c, 2, "$finish;");
      line(c, 1, "end");
    },
  ])();
  line(c, 0);
}

/** Checks that hold for any correct design: no X/Z on outputs after reset, values in range. */
function checkers(c: Ctx, counter: string) {
  const watched = c.outs.slice(0, 8);
  if (!watched.length) return;
  const cond = c.reset ? ` && ${c.reset.low ? "" : "!"}${c.reset.name}` : "";
  if (c.clk) {
    line(c, 1, `always @(negedge ${c.clk}) begin`);
    line(c, 2, `if (checks_enabled${cond}) begin`);
  } else {
    line(c, 1, "always @(*) begin");
    line(c, 2, "if (checks_enabled) begin");
  }
  for (const p of watched) {
    line(c, 3, `if ($isunknown(${p.name})) begin`);
    line(c, 4, `$error("[%0t] ${p.name} is unknown: %b", $time, ${p.name});`);
    line(c, 4, `${counter}++;`);
    line(c, 3, "end");
  }
  line(c, 2, "end");
  line(c, 1, "end");
  line(c, 0);
}

function monitor(c: Ctx) {
  const shown = c.outs.slice(0, 4);
  if (!shown.length || !c.clk) return;
  const fmt = shown.map((p) => `${p.name}=%0h`).join(" ");
  line(c, 1, "// Light-weight monitor (every 64th cycle, keeps the log short)");
  line(c, 1, "int unsigned cycle_count = 0;");
  line(c, 1, `always @(posedge ${c.clk}) begin`);
  line(c, 2, "cycle_count <= cycle_count + 1;");
  line(
    c,
    2,
    `if (verbose && cycle_count % 64 == 0) $display("[%0t] ${fmt}", $time, ${shown.map((p) => p.name).join(", ")});`,
  );
  line(c, 1, "end");
  line(c, 0);
}

function assignAll(c: Ctx, depth: number, kind: Parameters<typeof lit>[2]) {
  for (const p of c.ins) line(c, depth, `${p.name} = ${lit(c, p, kind)};`);
}

function cornerLoops(c: Ctx, depth: number) {
  for (const p of c.ins.filter((q) => q.width > 1).slice(0, 3)) {
    const v = c.r.pick(["i", "k", "bit_idx", "n"]);
    line(c, depth, `// Walking ones on ${p.name}`);
    line(c, depth, `for (int ${v} = 0; ${v} < $bits(${p.name}); ${v}++) begin`);
    line(c, depth + 1, `${p.name} = '0;`);
    line(c, depth + 1, `${p.name}[${v}] = 1'b1;`);
    line(c, depth + 1, step(c));
    line(c, depth, "end");
  }
  const one = c.ins.find((q) => q.width > 1 && q.width <= 16);
  if (one) {
    line(c, depth, `// Sweep ${one.name} with every other input random, a few passes`);
    line(c, depth, `repeat (${c.r.int(2, 4)}) begin`);
    line(c, depth + 1, `for (int k = 0; k < ${Math.min(2 ** one.width, 64)}; k++) begin`);
    line(c, depth + 2, `${one.name} = k;`);
    for (const p of c.ins.filter((q) => q !== one).slice(0, 4))
      line(c, depth + 2, `${p.name} = ${randExpr(c, p)};`);
    line(c, depth + 2, step(c));
    line(c, depth + 1, "end");
    line(c, depth, "end");
  }
}

// ----------------------------------------------------------------------------- class based
function classStyle(c: Ctx) {
  const top = c.d.header.name;
  const fields = c.ins.slice(0, 10);
  const txn = c.r.pick([`${top}_transaction`, `${top}_txn`, "transaction", `${top}_item`]);
  const sbName = c.r.pick([`${top}_scoreboard`, "scoreboard", "sb_t"]);
  header(c, "Class-based constrained-random testbench with a scoreboard");
  declarations(c);
  line(c, 1, "int error_count = 0;");
  line(c, 1, "int check_count = 0;");
  line(c, 1, "bit checks_enabled = 0;");
  line(c, 1, `bit verbose = ${c.r.pick([0, 1])};`);
  line(c, 0);
  line(c, 1, "// Transaction: one set of DUT input values");
  line(c, 1, `class ${txn};`);
  for (const p of fields) line(c, 2, `rand logic ${p.range ? p.range + " " : ""}${p.name};`);
  line(c, 2, "int id;");
  line(c, 2, "static int next_id = 0;");
  line(c, 0);
  // About half of the LLM answers constrain their transaction; the rest rely on plain rand
  // fields (no solver call per randomize()).
  const constrained = c.r.chance(0.5);
  const small = constrained ? fields.filter((p) => p.width > 1 && p.width <= 16) : [];
  if (small.length) {
    const p = small[0]!;
    const m = maxOf(p.width)!;
    line(c, 2, `// Bias ${p.name} towards its corner values`);
    line(c, 2, `constraint c_${p.name}_dist {`);
    line(c, 3, `${p.name} dist { 0 := 10, [1:${Math.max(1, m - 1)}] :/ 80, ${m} := 10 };`);
    line(c, 2, "}");
    line(c, 0);
  }
  const bools = constrained ? fields.filter((p) => p.width === 1) : [];
  if (bools.length) {
    line(c, 2, `constraint c_${bools[0]!.name}_mostly_on { ${bools[0]!.name} dist { 1 := 7, 0 := 3 }; }`);
    line(c, 0);
  }
  line(c, 2, "function new();");
  line(c, 3, "id = next_id++;");
  line(c, 2, "endfunction");
  line(c, 0);
  line(c, 2, 'function void display(string tag = "TXN");');
  line(
    c,
    3,
    `$display("[%s] #%0d ${fields.map((p) => `${p.name}=%0h`).join(" ")}", tag, id${fields.map((p) => `, ${p.name}`).join("")});`,
  );
  line(c, 2, "endfunction");
  line(c, 0);
  line(c, 2, `function ${txn} copy();`);
  line(c, 3, "copy = new();");
  for (const p of fields) line(c, 3, `copy.${p.name} = this.${p.name};`);
  line(c, 2, "endfunction");
  line(c, 1, "endclass");
  line(c, 0);
  const o = c.outs[0];
  line(c, 1, "// Scoreboard: keeps what was sent and what came out, reports statistics");
  line(c, 1, `class ${sbName};`);
  line(c, 2, `${txn} sent_q[$];`);
  if (o) line(c, 2, `logic ${o.range ? o.range + " " : ""}observed_q[$];`);
  line(c, 2, "int unsigned num_sent;");
  line(c, 2, "int unsigned num_changes;");
  line(c, 2, "int unsigned num_mismatch;");
  line(c, 0);
  line(c, 2, `function void push(${txn} t);`);
  line(c, 3, "sent_q.push_back(t.copy());");
  line(c, 3, "num_sent++;");
  line(c, 3, "if (sent_q.size() > 64) void'(sent_q.pop_front());");
  line(c, 2, "endfunction");
  line(c, 0);
  if (o) {
    line(c, 2, `function void observe(logic ${o.range ? o.range + " " : ""}value);`);
    line(c, 3, "if (observed_q.size() > 0 && observed_q[$] != value) num_changes++;");
    line(c, 3, "observed_q.push_back(value);");
    line(c, 3, "if (observed_q.size() > 64) void'(observed_q.pop_front());");
    line(c, 2, "endfunction");
    line(c, 0);
  }
  line(c, 2, "function void report();");
  line(c, 3, `$display("---------------- SCOREBOARD ----------------");`);
  line(c, 3, `$display(" transactions sent : %0d", num_sent);`);
  line(c, 3, `$display(" output changes    : %0d", num_changes);`);
  line(c, 3, `$display(" mismatches        : %0d", num_mismatch);`);
  line(c, 3, `$display("--------------------------------------------");`);
  line(c, 2, "endfunction");
  line(c, 1, "endclass");
  line(c, 0);
  line(c, 1, `${txn} tr;`);
  line(c, 1, `${sbName} sb;`);
  line(c, 0);
  line(c, 1, `task automatic drive(${txn} t);`);
  for (const p of fields) line(c, 2, `${p.name} = t.${p.name};`);
  line(c, 2, step(c));
  if (o) line(c, 2, `sb.observe(${o.name});`);
  line(c, 2, "sb.push(t);");
  line(c, 2, "check_count++;");
  line(c, 2, 'if (verbose) t.display("DRV");');
  line(c, 1, "endtask");
  line(c, 0);
  const resetName = c.r.pick(["apply_reset", "reset_dut", "do_reset"]);
  resetTask(c, resetName);
  checkers(c, "error_count");
  monitor(c);
  watchdog(c);
  line(c, 1, "initial begin");
  line(c, 2, "tr = new();");
  line(c, 2, "sb = new();");
  line(c, 2, `${resetName}();`);
  line(c, 2, "checks_enabled = 1;");
  line(c, 0);
  line(c, 2, "// Phase 1: unconstrained random");
  line(c, 2, `repeat (${constrained ? c.r.pick(["64", "100", "NUM_RANDOM / 4"]) : "NUM_RANDOM"}) begin`);
  line(c, 3, "if (!tr.randomize()) begin");
  line(c, 4, `$error("randomize() failed");`);
  line(c, 4, "error_count++;");
  line(c, 3, "end");
  line(c, 3, "drive(tr);");
  line(c, 2, "end");
  line(c, 0);
  const phases = c.r.int(2, 4);
  // Inline constraints only on fields without a dist: Verilator 5.048 picks a dist bucket
  // first, so `dist` plus a conflicting `with` fails at random (UNSATCONSTR).
  const free = [...small.slice(1), ...bools.slice(1)];
  for (let i = 0; i < phases && free.length; i++) {
    const p = c.r.pick(free);
    const m = maxOf(p.width)!;
    const cons =
      p.width === 1
        ? `${p.name} == ${c.r.int(0, 1)}`
        : c.r.pick([
            `${p.name} < ${Math.max(1, m >> 2)}`,
            `${p.name} > ${m >> 1}`,
            `${p.name} inside {0, ${m}}`,
            `${p.name} inside {[${m >> 3}:${m >> 1}]}`,
          ]);
    line(c, 2, `// Phase ${i + 2}: ${p.name} constrained (${cons})`);
    line(c, 2, `for (int n = 0; n < ${c.r.pick([16, 20, 24])}; n++) begin`);
    line(c, 3, `if (!tr.randomize() with { ${cons}; }) $error("constrained randomize failed");`);
    line(c, 3, "drive(tr);");
    line(c, 2, "end");
    line(c, 0);
  }
  line(c, 2, "// Directed corners");
  for (const kind of ["zero", "max", "alt", "rand", "walk"] as const) {
    assignAll(c, 2, kind);
    line(c, 2, `repeat (${c.r.int(1, 4)}) ${step(c)}`);
  }
  cornerLoops(c, 2);
  if (c.reset) {
    line(c, 2, "// Reset in the middle of traffic");
    line(c, 2, "fork");
    line(c, 3, "begin");
    line(c, 4, `repeat (20) begin void'(tr.randomize()); drive(tr); end`);
    line(c, 3, "end");
    line(c, 3, "begin");
    line(c, 4, `repeat (7) ${step(c)}`);
    line(c, 4, `${c.reset.name} = 1'b${c.reset.low ? 0 : 1};`);
    line(c, 4, `repeat (2) ${step(c)}`);
    line(c, 4, `${c.reset.name} = 1'b${c.reset.low ? 1 : 0};`);
    line(c, 3, "end");
    line(c, 2, "join");
  }
  line(c, 0);
  line(c, 2, "sb.report();");
  line(c, 2, `$display("checks: %0d, errors: %0d", check_count, error_count);`);
  line(c, 2, `if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");`);
  line(c, 2, "$finish;");
  line(c, 1, "end");
  line(c, 0);
  c.out.push("endmodule");
}

// ----------------------------------------------------------------------------- directed
function directedStyle(c: Ctx) {
  header(c, "Directed testbench: numbered tests with explicit stimulus and checks");
  declarations(c);
  const pass = c.r.pick(["pass_count", "num_pass", "passed"]);
  const fail = c.r.pick(["fail_count", "num_fail", "errors"]);
  line(c, 1, `integer ${pass} = 0;`);
  line(c, 1, `integer ${fail} = 0;`);
  line(c, 1, "integer test_num = 0;");
  line(c, 1, "bit checks_enabled = 0;");
  line(c, 1, "bit verbose = 0;");
  line(c, 0);
  const args = c.ins.slice(0, 8);
  const apply = c.r.pick(["apply_inputs", "drive_inputs", "set_inputs", "apply"]);
  line(c, 1, "// Drive one input vector and wait one cycle");
  line(c, 1, `task automatic ${apply}(`);
  args.forEach((p, i) =>
    line(c, 2, `input logic ${p.range ? p.range + " " : ""}${p.name}_v${i < args.length - 1 ? "," : ""}`),
  );
  line(c, 1, ");");
  line(c, 2, "begin");
  for (const p of args) line(c, 3, `${p.name} = ${p.name}_v;`);
  line(c, 3, step(c));
  if (c.clk && c.r.chance(0.5)) line(c, 3, "#1;");
  line(c, 2, "end");
  line(c, 1, "endtask");
  line(c, 0);
  line(c, 1, "// Record one check: a condition that must hold");
  line(c, 1, "task automatic check(input bit ok, input string what);");
  line(c, 2, "if (ok) begin");
  line(c, 3, `${pass} = ${pass} + 1;`);
  line(c, 3, `if (verbose) $display("PASS: %s", what);`);
  line(c, 2, "end else begin");
  line(c, 3, `${fail} = ${fail} + 1;`);
  line(c, 3, `$error("FAIL: %s at %0t", what, $time);`);
  line(c, 2, "end");
  line(c, 1, "endtask");
  line(c, 0);
  line(c, 1, "task automatic check_outputs_known(input string where);");
  for (const p of c.outs.slice(0, 6))
    line(c, 2, `check(!$isunknown(${p.name}), {where, ": ${p.name} known"});`);
  line(c, 1, "endtask");
  line(c, 0);
  line(c, 1, "task automatic random_vectors(input int n);");
  line(c, 2, "for (int i = 0; i < n; i++) begin");
  line(c, 3, `${apply}(${args.map((p) => randExpr(c, p)).join(", ")});`);
  line(c, 3, 'if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));');
  line(c, 2, "end");
  line(c, 1, "endtask");
  line(c, 0);
  resetTask(c, "reset_dut");
  checkers(c, fail);
  watchdog(c);
  line(c, 1, "initial begin");
  line(c, 2, `$display("Starting ${c.d.header.name} directed test");`);
  line(c, 2, "reset_dut();");
  line(c, 2, "checks_enabled = 1;");
  line(c, 2, 'check_outputs_known("after reset");');
  line(c, 0);
  const tests = c.r.int(18, 30);
  const what = [
    "all zeros",
    "all ones",
    "alternating pattern",
    "random values",
    "single bit set",
    "boundary values",
    "back-to-back changes",
    "hold inputs stable",
    "toggle control inputs",
    "maximum on first operand",
  ];
  for (let t = 1; t <= tests && args.length; t++) {
    const desc = c.r.pick(what);
    line(c, 2, `// ---------------- Test ${t}: ${desc} ----------------`);
    line(c, 2, "test_num = test_num + 1;");
    if (c.r.chance(0.3)) line(c, 2, `$display("Test %0d: ${desc}", test_num);`);
    const steps = c.r.int(4, 12);
    for (let s = 0; s < steps; s++) {
      const kinds = ["zero", "max", "alt", "rand", "rand", "walk", "one"] as const;
      line(c, 2, `${apply}(${args.map((p) => lit(c, p, c.r.pick(kinds))).join(", ")});`);
    }
    if (c.r.chance(0.4)) {
      line(c, 2, `repeat (${c.r.int(2, 6)}) begin`);
      line(
        c,
        3,
        `for (int k = 0; k < ${c.r.int(2, 8)}; k++) ${apply}(${args.map((p) => (p.width > 1 && c.r.chance(0.5) ? "k" : randExpr(c, p))).join(", ")});`,
      );
      line(c, 2, "end");
    }
    line(c, 2, `check_outputs_known("test ${t}");`);
    line(c, 0);
  }
  line(c, 2, "// Corner-value table");
  const big = args.find((p) => p.width > 1);
  if (big) {
    line(c, 2, "begin");
    line(c, 3, `logic ${big.range} corners [6];`);
    line(
      c,
      3,
      `corners = '{${["zero", "max", "alt", "one", "rand", "walk"].map((k) => lit(c, big, k as "zero")).join(", ")}};`,
    );
    line(c, 3, "foreach (corners[idx]) begin");
    line(c, 4, `${apply}(${args.map((p) => (p === big ? "corners[idx]" : randExpr(c, p))).join(", ")});`);
    line(c, 4, 'check_outputs_known($sformatf("corner %0d", idx));');
    line(c, 3, "end");
    line(c, 2, "end");
  }
  cornerLoops(c, 2);
  line(c, 2, "// Random regression");
  line(c, 2, "random_vectors(NUM_RANDOM);");
  if (c.reset) {
    line(c, 2, "// Reset again and re-run a short sequence");
    line(c, 2, "reset_dut(3);");
    line(c, 2, "random_vectors(32);");
  }
  line(c, 0);
  line(c, 2, `$display("==========================================");`);
  line(c, 2, `$display("  Tests run : %0d", test_num);`);
  line(c, 2, `$display("  Passed    : %0d", ${pass});`);
  line(c, 2, `$display("  Failed    : %0d", ${fail});`);
  line(c, 2, `$display("==========================================");`);
  line(c, 2, `if (${fail} == 0) $display("ALL TESTS PASSED");`);
  line(c, 2, "$finish;");
  line(c, 1, "end");
  line(c, 0);
  c.out.push("endmodule");
}

// ----------------------------------------------------------------------------- concurrent
function concurrentStyle(c: Ctx) {
  header(c, "Layered testbench with parallel stimulus threads, assertions and functional coverage");
  declarations(c);
  line(c, 1, "int unsigned errors = 0;");
  line(c, 1, "int unsigned vectors = 0;");
  line(c, 1, "bit checks_enabled = 0;");
  line(c, 1, "bit verbose = 0;");
  line(c, 1, "event phase_done;");
  line(c, 0);
  const ctrl = c.ins.filter((p) => p.width <= 4).slice(0, 6);
  const data = c.ins.filter((p) => p.width > 4).slice(0, 6);
  if (c.clk && c.r.chance(0.7)) {
    const p =
      c.ins.find((q) => q.width > 1 && q.width <= 8) ?? c.outs.find((q) => q.width > 1 && q.width <= 8);
    if (p) {
      line(c, 1, "// Functional coverage of the main control inputs");
      line(c, 1, `covergroup cg_inputs @(posedge ${c.clk});`);
      line(c, 2, `cp_${p.name}: coverpoint ${p.name};`);
      for (const q of ctrl.filter((x) => x !== p).slice(0, 3))
        line(c, 2, `cp_${q.name}: coverpoint ${q.name};`);
      line(c, 1, "endgroup");
      line(c, 1, "cg_inputs cg = new();");
      line(c, 0);
    }
  }
  if (c.clk && c.outs.length) {
    const o = c.outs[0]!;
    const dis = c.reset ? ` disable iff (${c.reset.low ? "!" : ""}${c.reset.name})` : "";
    line(c, 1, "// Assertions");
    line(c, 1, `property p_${o.name}_known;`);
    line(c, 2, `@(posedge ${c.clk})${dis} checks_enabled |-> !$isunknown(${o.name});`);
    line(c, 1, "endproperty");
    line(c, 1, `a_${o.name}_known: assert property (p_${o.name}_known) else begin`);
    line(c, 2, `$error("${o.name} went unknown");`);
    line(c, 2, "errors++;");
    line(c, 1, "end");
    line(c, 0);
  }
  resetTask(c, "reset_phase");
  line(c, 1, "task automatic control_thread(input int n);");
  line(c, 2, "repeat (n) begin");
  for (const p of ctrl) line(c, 3, `${p.name} = ${randExpr(c, p)};`);
  line(c, 3, `repeat ($urandom_range(1, 4)) ${step(c)}`);
  line(c, 2, "end");
  line(c, 1, "endtask");
  line(c, 0);
  line(c, 1, "task automatic data_thread(input int n);");
  line(c, 2, "int i;");
  line(c, 2, "i = 0;");
  line(c, 2, "while (i < n) begin");
  for (const p of data) line(c, 3, `${p.name} = ${randExpr(c, p)};`);
  line(c, 3, "vectors++;");
  line(c, 3, step(c));
  line(c, 3, "i++;");
  line(c, 2, "end");
  line(c, 1, "endtask");
  line(c, 0);
  line(c, 1, "task automatic directed_pattern(input int which);");
  line(c, 2, "case (which)");
  const cases = c.r.int(6, 12);
  for (let k = 0; k < cases; k++) {
    line(c, 3, `${k}: begin`);
    const steps = c.r.int(3, 8);
    for (let s = 0; s < steps; s++) {
      for (const p of c.ins.filter(() => c.r.chance(0.6)))
        line(c, 4, `${p.name} = ${lit(c, p, c.r.pick(["zero", "max", "alt", "rand", "walk"] as const))};`);
      line(c, 4, step(c));
    }
    line(c, 3, "end");
  }
  line(c, 3, "default: begin");
  assignAll(c, 4, "zero");
  line(c, 4, step(c));
  line(c, 3, "end");
  line(c, 2, "endcase");
  line(c, 1, "endtask");
  line(c, 0);
  checkers(c, "errors");
  monitor(c);
  watchdog(c);
  line(c, 1, "initial begin");
  line(c, 2, "reset_phase();");
  line(c, 2, "checks_enabled = 1;");
  line(c, 2, `for (int p = 0; p < ${cases + 1}; p++) directed_pattern(p);`);
  line(c, 2, "fork");
  line(c, 3, `control_thread(${c.r.pick([100, 150, 200])});`);
  line(c, 3, `data_thread(${c.r.pick([300, 400, 500])});`);
  line(c, 2, "join");
  line(c, 2, "-> phase_done;");
  line(c, 2, "// Second phase: stimulus while waiting for a quiet period, bounded");
  line(c, 2, "fork");
  line(c, 3, "data_thread(64);");
  line(c, 3, "control_thread(32);");
  line(c, 2, "join_none");
  line(c, 2, "wait fork;");
  cornerLoops(c, 2);
  if (c.reset) {
    line(c, 2, "repeat (3) begin");
    line(c, 3, "reset_phase(2);");
    line(c, 3, "for (int j = 0; j < 4; j++) directed_pattern($urandom_range(0, " + cases + "));");
    line(c, 2, "end");
  }
  line(c, 2, `$display("vectors=%0d errors=%0d", vectors, errors);`);
  line(c, 2, `$display(errors == 0 ? "*** PASSED ***" : "*** FAILED ***");`);
  line(c, 2, "$finish;");
  line(c, 1, "end");
  line(c, 0);
  line(c, 1, "initial begin");
  line(c, 2, "@(phase_done);");
  line(c, 2, `$display("[%0t] phase 1 done, %0d vectors", $time, vectors);`);
  line(c, 1, "end");
  line(c, 0);
  c.out.push("endmodule");
}

export const STYLES = { class: classStyle, directed: directedStyle, concurrent: concurrentStyle };
export type StyleName = keyof typeof STYLES;

export function writeTestbench(d: Design, style: StyleName, seed: string): string {
  const c = context(d, new Rng(seed));
  STYLES[style](c);
  return c.out.join("\n") + "\n";
}
