/*
 * tb_up_down_counter.sv
 * Class-based constrained-random testbench with a scoreboard for the up_down_counter module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module tb_up_down_counter;

  // Parameters (defaults of the DUT)
  localparam WIDTH = 8;

  localparam int CLK_PERIOD = 4;
  localparam int NUM_RANDOM = 200;

  // DUT inputs
  logic clk;
  logic rst_n;
  logic en;
  logic load;
  logic up;
  logic sat;
  logic [WIDTH-1:0] load_val;

  // DUT outputs
  logic [WIDTH-1:0] count;
  logic at_max;
  logic at_min;
  logic wrap;

  // Device under test
  up_down_counter dut (
    .clk(clk),
    .rst_n(rst_n),
    .en(en),
    .load(load),
    .up(up),
    .sat(sat),
    .load_val(load_val),
    .count(count),
    .at_max(at_max),
    .at_min(at_min),
    .wrap(wrap)
  );

  // Clock generation
  initial clk = 0;
  always #(CLK_PERIOD/2) clk = ~clk;

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Transaction: one set of DUT input values
  class up_down_counter_txn;
    rand logic en;
    rand logic load;
    rand logic up;
    rand logic sat;
    rand logic [WIDTH-1:0] load_val;
    int id;
    static int next_id = 0;

    // Bias load_val towards its corner values
    constraint c_load_val_dist {
      load_val dist { 0 := 10, [1:254] :/ 80, 255 := 10 };
    }

    constraint c_en_mostly_on { en dist { 1 := 7, 0 := 3 }; }

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d en=%0h load=%0h up=%0h sat=%0h load_val=%0h", tag, id, en, load, up, sat, load_val);
    endfunction

    function up_down_counter_txn copy();
      copy = new();
      copy.en = this.en;
      copy.load = this.load;
      copy.up = this.up;
      copy.sat = this.sat;
      copy.load_val = this.load_val;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class scoreboard;
    up_down_counter_txn sent_q[$];
    logic [WIDTH-1:0] observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(up_down_counter_txn t);
      sent_q.push_back(t.copy());
      num_sent++;
      if (sent_q.size() > 64) void'(sent_q.pop_front());
    endfunction

    function void observe(logic [WIDTH-1:0] value);
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

  up_down_counter_txn tr;
  scoreboard sb;

  task automatic drive(up_down_counter_txn t);
    en = t.en;
    load = t.load;
    up = t.up;
    sat = t.sat;
    load_val = t.load_val;
    @(posedge clk);
    sb.observe(count);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic do_reset(input int cycles = 5);
    begin
      en = '0;
      load = '0;
      up = '0;
      sat = '0;
      load_val = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(count)) begin
        $error("[%0t] count is unknown: %b", $time, count);
        error_count++;
      end
      if ($isunknown(at_max)) begin
        $error("[%0t] at_max is unknown: %b", $time, at_max);
        error_count++;
      end
      if ($isunknown(at_min)) begin
        $error("[%0t] at_min is unknown: %b", $time, at_min);
        error_count++;
      end
      if ($isunknown(wrap)) begin
        $error("[%0t] wrap is unknown: %b", $time, wrap);
        error_count++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] count=%0h at_max=%0h at_min=%0h wrap=%0h", $time, count, at_max, at_min, wrap);
  end

  // Watchdog: never hang the regression
  initial begin
    #2_000_000;
    $display("ERROR: watchdog timeout at %0t", $time);
    $finish;
  end

  initial begin
    tr = new();
    sb = new();
    do_reset();
    checks_enabled = 1;

    // Phase 1: unconstrained random
    repeat (NUM_RANDOM / 4) begin
      if (!tr.randomize()) begin
        $error("randomize() failed");
        error_count++;
      end
      drive(tr);
    end

    // Phase 2: sat constrained (sat == 1)
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { sat == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 3: load constrained (load == 0)
    for (int n = 0; n < 24; n++) begin
      if (!tr.randomize() with { load == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 4: up constrained (up == 0)
    for (int n = 0; n < 16; n++) begin
      if (!tr.randomize() with { up == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 5: load constrained (load == 1)
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { load == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Directed corners
    en = 1'h0;
    load = 1'd0;
    up = 1'd0;
    sat = 1'h0;
    load_val = 8'd0;
    repeat (2) @(posedge clk);
    en = '1;
    load = '1;
    up = '1;
    sat = 1'h1;
    load_val = 8'hff;
    repeat (1) @(posedge clk);
    en = 1'h1;
    load = 1'h1;
    up = 1'h1;
    sat = 1'h1;
    load_val = 8'h55;
    repeat (2) @(posedge clk);
    en = 1'b0;
    load = 1'b1;
    up = 1'b0;
    sat = 1'b0;
    load_val = 8'h73;
    repeat (4) @(posedge clk);
    en = 1'h1;
    load = 1'h1;
    up = 1'h1;
    sat = 1'h1;
    load_val = 8'h1;
    repeat (3) @(posedge clk);
    // Walking ones on load_val
    for (int bit_idx = 0; bit_idx < $bits(load_val); bit_idx++) begin
      load_val = '0;
      load_val[bit_idx] = 1'b1;
      @(posedge clk);
    end
    // Sweep load_val with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 64; k++) begin
        load_val = k;
        en = $urandom % 2;
        load = $urandom_range(0, 1);
        up = $urandom % 2;
        sat = 1'($urandom);
        @(posedge clk);
      end
    end
    // Reset in the middle of traffic
    fork
      begin
        repeat (20) begin void'(tr.randomize()); drive(tr); end
      end
      begin
        repeat (7) @(posedge clk);
        rst_n = 1'b0;
        repeat (2) @(posedge clk);
        rst_n = 1'b1;
      end
    join

    sb.report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
