// Real simulations on the modern Verilator (5.048+): what 5.006 misjudged or could not measure
// (issue 9). Every testbench here is valid SystemVerilog that LLMs write for benchmark designs.
import { describe, expect, it } from "vitest";
import type { SimResult } from "../src/core/protocol.js";
import type { Repository } from "../src/core/repository.js";
import { evaluate } from "../src/eda/evaluate.js";
import { detectVerilator } from "../src/eda/verilator/toolchain.js";
import { feedbackMessage } from "../src/prompt/prompt.js";
import { CLASS_TB, counterRequest } from "./fixtures/eda.js";

const info = await detectVerilator().catch(() => null);
const modern = info !== null && (info.major > 5 || (info.major === 5 && info.minor >= 48));
const why = info
  ? `needs Verilator >= 5.048 (found ${info.version} from ${info.source}; npm run setup builds it)`
  : "needs Verilator (npm run setup)";

const TB_HEAD = `\`timescale 1ns/1ps
module tb;
  logic clk = 0, rst_n = 0, en = 0, load = 0;
  logic [3:0] din = 0, q;
  logic wrap;
  counter dut (.clk(clk), .rst_n(rst_n), .en(en), .load(load), .din(din), .q(q), .wrap(wrap));
  always #5 clk = ~clk;
`;

const tb = (body: string) => `${TB_HEAD}${body}\nendmodule\n`;
const logLines = (r: SimResult, tag: string) =>
  r.log
    .split("\n")
    .filter((l) => l.startsWith(tag))
    .map((l) => l.slice(tag.length).trim());

function repoFor(rtl: string, top: string): Repository {
  return {
    id: "modern",
    rtl: [{ name: `rtl/${top}.sv`, content: rtl }],
    spec: [],
    top,
    instance: "dut",
    defines: {},
    targets: [{ inst_name: "dut", metric: "overall", target_percentage: 100 }],
    tbFile: "tb/tb.sv",
    instruction: "",
  };
}

describe.skipIf(!modern)(`modern Verilator (${why})`, () => {
  it("compiles loops inside repeat blocks (5.006: duplicate unnamedblk) and runs them", async () => {
    const r = await evaluate(
      counterRequest(
        tb(`
  logic [3:0] pattern [4] = '{4'h1, 4'h3, 4'h7, 4'hF};
  initial begin
    #12 rst_n = 1;
    repeat (2) begin
      foreach (pattern[i]) begin @(negedge clk); load = 1; din = pattern[i]; end
      load = 0;
    end
    repeat (2) begin
      for (int k = 0; k < 4; k++) begin @(negedge clk); en = 1; din = 4'(k); end
    end
    repeat (2) begin
      for (int k = 0; k < 3; k++) @(negedge clk);
      foreach (pattern[j]) $display("LOOP %0d", pattern[j]);
    end
    $finish;
  end`),
      ),
    );
    expect(r.status, r.reason).toBe("pass");
    expect(logLines(r, "LOOP")).toEqual(["1", "3", "7", "15", "1", "3", "7", "15"]);
    expect(r.simulator.version).toBe(info!.version);
  });

  it("keeps a 64-bit delay: #5_000_000 at 1ps precision ends at 5 ms, not 705 us", async () => {
    const r = await evaluate(
      counterRequest(
        tb(`
  initial begin
    #12 rst_n = 1; en = 1;
    #5_000_000;
    $display("WOKE %0t", $time);
    $finish;
  end`),
      ),
    );
    expect(r.status, r.reason).toBe("pass");
    expect(r.simTimeNs).toBeCloseTo(5_000_012, 0);
  });

  it("solves randomize() with {...} under class constraints (z3)", async () => {
    const r = await evaluate(
      counterRequest(
        tb(`
  class Item;
    rand bit [3:0] value;
    rand bit       load_it;
    constraint legal { value inside {[3:9]}; }
  endclass
  initial begin
    Item it = new();
    #12 rst_n = 1;
    repeat (40) begin
      @(negedge clk);
      if (!it.randomize() with { value != 5; load_it -> value > 6; }) $fatal(1, "randomize failed");
      $display("RAND %0d %0d", it.value, it.load_it);
      din = it.value; load = it.load_it; en = 1;
    end
    $finish;
  end`),
      ),
    );
    expect(r.status, r.reason).toBe("pass");
    const draws = logLines(r, "RAND").map((l) => l.split(" ").map(Number) as [number, number]);
    expect(draws).toHaveLength(40);
    for (const [value, loadIt] of draws) {
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(9);
      expect(value).not.toBe(5);
      if (loadIt) expect(value).toBeGreaterThan(6);
    }
    // A solver, not a constant: several distinct values come out.
    expect(new Set(draws.map((d) => d[0])).size).toBeGreaterThan(3);
  });

  it("measures coverage of a class-based testbench without the 5.006 class patch", async () => {
    expect(info!.needsClassCoveragePatch).toBe(false);
    const r = await evaluate(counterRequest(CLASS_TB));
    expect(r.status, r.reason).toBe("pass");
    expect(logLines(r, "CLASS-DONE")).toEqual(["30"]);
    expect(r.coverage!.instanceFound).toBe(true);
    expect(r.coverage!.line).toBeGreaterThan(0.5);
    // Class code is testbench code: it never counts.
    expect(r.coverage!.instances.map((i) => i.path)).toEqual(["dut"]);
  });

  it("waits for forked threads with wait fork, and ends them with disable fork", async () => {
    const r = await evaluate(
      counterRequest(
        tb(`
  initial begin
    #12 rst_n = 1;
    fork
      begin repeat (5) @(posedge clk); en = 1; end
      begin #200; load = 1; din = 4'h9; end
    join_none
    wait fork;
    $display("JOINED %0t", $time);
    fork
      forever @(posedge clk) din = din + 1;
      #50;
    join_any
    disable fork;
    $display("DISABLED %0t", $time);
    $finish;
  end`),
      ),
    );
    expect(r.status, r.reason).toBe("pass");
    expect(logLines(r, "JOINED")).toEqual(["212000"]);
    expect(logLines(r, "DISABLED")).toEqual(["262000"]);
  });

  it("accepts iff in event controls: @(posedge clk iff en)", async () => {
    const r = await evaluate(
      counterRequest(
        tb(`
  int edges = 0;
  initial begin
    #12 rst_n = 1;
    repeat (3) @(negedge clk);
    en = 1;
    repeat (4) @(posedge clk iff en) edges++;
    $display("IFF %0d %0t", edges, $time);
    $finish;
  end`),
      ),
    );
    expect(r.status, r.reason).toBe("pass");
    // en rises at the negedge at 40 ns: the next four posedges are 45, 55, 65 and 75 ns.
    expect(logLines(r, "IFF")).toEqual(["4 75000"]);
  });

  const EXPR_RTL = `module gate (
  input  logic clk,
  input  logic a,
  input  logic b,
  output logic y
);
  always_ff @(posedge clk) begin
    if (a && b) y <= 1'b1;
    else y <= 1'b0;
  end
endmodule
`;

  it("names the missing term of an expression in the feedback", async () => {
    const r = await evaluate({
      rtl: [{ name: "rtl/gate.sv", content: EXPR_RTL }],
      testbench: {
        name: "tb/tb.sv",
        content: `module tb;
  logic clk = 0, a = 0, b = 0, y;
  gate dut (.clk(clk), .a(a), .b(b), .y(y));
  always #5 clk = ~clk;
  initial begin
    repeat (3) @(negedge clk); a = 1;
    repeat (3) @(negedge clk); a = 0; b = 1;
    repeat (3) @(negedge clk);
    $finish;
  end
endmodule
`,
      },
      top: "gate",
    });
    expect(r.status, r.reason).toBe("pass");
    const cov = r.coverage!;
    expect(cov.expression).toBeGreaterThan(0);
    expect(cov.expression).toBeLessThan(1);
    const missing = cov.uncovered.filter((u) => u.kind === "expression").map((u) => u.detail);
    expect(missing).toEqual(["(a==1 && b==1) => 1"]);
    const fb = feedbackMessage(r, repoFor(EXPR_RTL, "gate"));
    expect(fb).toContain("L8 expression [(a==1 && b==1) => 1]: if (a && b) y <= 1'b1;");
    expect(fb).toContain("- Expression: ");
  });

  const FSM_RTL = `module seq_fsm (
  input  logic clk,
  input  logic rst,
  input  logic start,
  input  logic abort,
  output logic busy
);
  typedef enum logic [1:0] { IDLE, ARM, FIRE, COOL } state_t;
  state_t state;
  always_ff @(posedge clk) begin
    if (rst) state <= IDLE;
    else begin
      case (state)
        IDLE: if (start) state <= ARM;
        ARM: state <= abort ? IDLE : FIRE;
        FIRE: state <= COOL;
        COOL: state <= IDLE;
        default: state <= IDLE;
      endcase
    end
  end
  assign busy = state != IDLE;
endmodule
`;

  it("measures FSM state coverage of an enum-coded state machine and names what was never visited", async () => {
    const r = await evaluate({
      rtl: [{ name: "rtl/seq_fsm.sv", content: FSM_RTL }],
      testbench: {
        name: "tb/tb.sv",
        content: `module tb;
  logic clk = 0, rst = 1, start = 0, abort = 1, busy;
  seq_fsm dut (.clk(clk), .rst(rst), .start(start), .abort(abort), .busy(busy));
  always #5 clk = ~clk;
  initial begin
    repeat (2) @(negedge clk); rst = 0;
    start = 1; repeat (6) @(negedge clk);
    $finish;
  end
endmodule
`,
      },
      top: "seq_fsm",
    });
    expect(r.status, r.reason).toBe("pass");
    const fsm = r.coverage!.fsm!;
    // IDLE <-> ARM only (abort held high): FIRE and COOL never entered.
    expect(fsm.state).toBeCloseTo(0.5);
    expect(r.coverage!.instances[0]!.counts.fsm_state).toEqual({ covered: 2, total: 4 });
    const details = r.coverage!.uncovered.filter((u) => u.kind === "fsm_state").map((u) => u.detail);
    expect(details.sort()).toEqual(["state: state COOL never entered", "state: state FIRE never entered"]);
    const fb = feedbackMessage(r, repoFor(FSM_RTL, "seq_fsm"));
    expect(fb).toContain("state FIRE never entered");
    expect(fb).toMatch(/- FSM: states 50\.0%/);
  });

  it("accepts a covergroup with a note that it is ignored, not an error", async () => {
    const r = await evaluate(
      counterRequest(
        tb(`
  covergroup cg @(posedge clk);
    coverpoint q;
  endgroup
  cg c = new();
  initial begin
    #12 rst_n = 1; en = 1;
    repeat (20) @(posedge clk);
    $finish;
  end`),
      ),
    );
    expect(r.status, r.reason).toBe("pass");
    expect(r.coverage!.score).toBeGreaterThan(0);
    const note = r.diagnostics.find((d) => d.rule === "no-covergroup");
    expect(note).toMatchObject({ severity: "info", line: 9 });
    expect(note!.message).toMatch(/ignored/);
    // The tool's own word for it, beside our note.
    expect(r.diagnostics.some((d) => d.code === "COVERIGN" && d.severity === "warning")).toBe(true);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("drives the DUT from a class through a virtual interface", async () => {
    const r = await evaluate(
      counterRequest(`interface cnt_if (input logic clk);
  logic rst_n, en, load;
  logic [3:0] din;
endinterface
module tb;
  logic clk = 0;
  logic [3:0] q;
  logic wrap;
  cnt_if vif (.clk(clk));
  counter dut (.clk(clk), .rst_n(vif.rst_n), .en(vif.en), .load(vif.load), .din(vif.din), .q(q), .wrap(wrap));
  always #5 clk = ~clk;
  class Driver;
    virtual cnt_if v;
    function new(virtual cnt_if v); this.v = v; endfunction
    task run();
      v.rst_n = 0; v.en = 0; v.load = 0; v.din = 0;
      repeat (2) @(posedge v.clk);
      v.rst_n = 1; v.en = 1;
      repeat (20) @(posedge v.clk);
      v.load = 1; v.din = 4'hA; @(posedge v.clk); v.load = 0;
    endtask
  endclass
  initial begin
    Driver d = new(vif);
    d.run();
    $finish;
  end
endmodule
`),
    );
    expect(r.status, r.reason).toBe("pass");
    expect(r.diagnostics.filter((d) => d.rule === "no-virtual-interface-classes")).toEqual([]);
    // The counter wrapped (20 enabled cycles) and loaded: the class really drove it.
    expect(r.coverage!.uncovered.filter((u) => u.kind === "line")).toEqual([]);
  });

  it("still accepts the plain counter and scores the modern families", async () => {
    const r = await evaluate(
      counterRequest(
        tb(`
  initial begin
    #12 rst_n = 1; en = 1;
    repeat (20) @(posedge clk);
    $finish;
  end`),
      ),
    );
    expect(r.status, r.reason).toBe("pass");
    expect(r.coverage!.expression).not.toBeNull();
    expect(r.coverage!.fsm).toBeNull(); // the counter has no FSM
  });
});
