// ************************************************************
// Testbench for async_reset
// Class-based constrained-random testbench with a scoreboard
// Instance name "dut" is required by the coverage flow.
// ************************************************************
`timescale 1ns/1ps

module async_reset_tb;

  localparam int CLK_PERIOD = 20;
  localparam int NUM_RANDOM = 400;

  // DUT inputs
  logic clk;
  logic reset;

  // DUT outputs
  logic release_reset_o;
  logic gate_clk_o;
  logic [4:0] cnt_q;

  // Device under test
  async_reset dut (
    .clk(clk),
    .reset_i(reset),
    .release_reset_o(release_reset_o),
    .gate_clk_o(gate_clk_o),
    .cnt_q(cnt_q)
  );

  // Clock generation
  initial clk = 0;
  always #(CLK_PERIOD/2) clk = ~clk;

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Transaction: one set of DUT input values
  class async_reset_txn;
    int id;
    static int next_id = 0;

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d ", tag, id);
    endfunction

    function async_reset_txn copy();
      copy = new();
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class scoreboard;
    async_reset_txn sent_q[$];
    logic observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(async_reset_txn t);
      sent_q.push_back(t.copy());
      num_sent++;
      if (sent_q.size() > 64) void'(sent_q.pop_front());
    endfunction

    function void observe(logic value);
      if (observed_q.size() > 0 && observed_q[$] != value) num_changes++;
      observed_q.push_back(value);
      if (observed_q.size() > 64) void'(observed_q.pop_front());
    endfunction

    function void report();
      $display("---------------- SCOREBOARD ----------------");
      $display(" transactions sent : %0d", num_sent);
      $display(" output changes    : %0d", num_changes);
      $display(" mismatches        : %0d", num_mismatch);
      $display("--------------------------------------------");
    endfunction
  endclass

  async_reset_txn tr;
  scoreboard sb;

  task automatic drive(async_reset_txn t);
    @(posedge clk);
    sb.observe(release_reset_o);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic reset_dut(input int cycles = 5);
    begin
      reset = 1'b1;
      repeat (cycles) @(posedge clk);
      reset = 1'b0;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk) begin
    if (checks_enabled && !reset) begin
      if ($isunknown(release_reset_o)) begin
        $error("[%0t] release_reset_o is unknown: %b", $time, release_reset_o);
        error_count++;
      end
      if ($isunknown(gate_clk_o)) begin
        $error("[%0t] gate_clk_o is unknown: %b", $time, gate_clk_o);
        error_count++;
      end
      if ($isunknown(cnt_q)) begin
        $error("[%0t] cnt_q is unknown: %b", $time, cnt_q);
        error_count++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] release_reset_o=%0h gate_clk_o=%0h cnt_q=%0h", $time, release_reset_o, gate_clk_o, cnt_q);
  end

  // Watchdog: never hang the regression
  initial begin
    #500_000;
    $display("ERROR: watchdog timeout at %0t", $time);
    $finish;
  end

  initial begin
    tr = new();
    sb = new();
    reset_dut();
    checks_enabled = 1;

    // Phase 1: unconstrained random
    repeat (NUM_RANDOM) begin
      if (!tr.randomize()) begin
        $error("randomize() failed");
        error_count++;
      end
      drive(tr);
    end

    // Directed corners
    repeat (1) @(posedge clk);
    repeat (1) @(posedge clk);
    repeat (1) @(posedge clk);
    repeat (2) @(posedge clk);
    repeat (2) @(posedge clk);
    // Reset in the middle of traffic
    fork
      begin
        repeat (20) begin void'(tr.randomize()); drive(tr); end
      end
      begin
        repeat (7) @(posedge clk);
        reset = 1'b1;
        repeat (2) @(posedge clk);
        reset = 1'b0;
      end
    join

    sb.report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
