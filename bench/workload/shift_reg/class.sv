/*
 * tb_shift_reg.sv
 * Class-based constrained-random testbench with a scoreboard for the shift_reg module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns / 1ps

module tb_shift_reg;

  // Parameters (defaults of the DUT)
  localparam WIDTH = 8;

  localparam int CLK_PERIOD = 4;
  localparam int NUM_RANDOM = 256;

  // DUT inputs
  logic clk;
  logic rst_n;
  logic clear;
  logic [ 1:0] mode;
  logic dir;
  logic serial_in;
  logic [WIDTH-1:0] par_in;

  // DUT outputs
  logic [WIDTH-1:0] q;
  logic serial_out;
  logic all_ones;
  logic all_zeros;

  // Device under test
  shift_reg dut (
    .clk(clk),
    .rst_n(rst_n),
    .clear(clear),
    .mode(mode),
    .dir(dir),
    .serial_in(serial_in),
    .par_in(par_in),
    .q(q),
    .serial_out(serial_out),
    .all_ones(all_ones),
    .all_zeros(all_zeros)
  );

  // Clock generation
  initial begin
    clk = 1'b0;
    forever #(CLK_PERIOD/2) clk = ~clk;
  end

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 1;

  // Transaction: one set of DUT input values
  class shift_reg_transaction;
    rand logic clear;
    rand logic [ 1:0] mode;
    rand logic dir;
    rand logic serial_in;
    rand logic [WIDTH-1:0] par_in;
    int id;
    static int next_id = 0;

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d clear=%0h mode=%0h dir=%0h serial_in=%0h par_in=%0h", tag, id, clear, mode, dir, serial_in, par_in);
    endfunction

    function shift_reg_transaction copy();
      copy = new();
      copy.clear = this.clear;
      copy.mode = this.mode;
      copy.dir = this.dir;
      copy.serial_in = this.serial_in;
      copy.par_in = this.par_in;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class shift_reg_scoreboard;
    shift_reg_transaction sent_q[$];
    logic [WIDTH-1:0] observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(shift_reg_transaction t);
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

  shift_reg_transaction tr;
  shift_reg_scoreboard sb;

  task automatic drive(shift_reg_transaction t);
    clear = t.clear;
    mode = t.mode;
    dir = t.dir;
    serial_in = t.serial_in;
    par_in = t.par_in;
    @(posedge clk);
    sb.observe(q);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic apply_reset(input int cycles = 5);
    begin
      clear = '0;
      mode = '0;
      dir = '0;
      serial_in = '0;
      par_in = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(q)) begin
        $error("[%0t] q is unknown: %b", $time, q);
        error_count++;
      end
      if ($isunknown(serial_out)) begin
        $error("[%0t] serial_out is unknown: %b", $time, serial_out);
        error_count++;
      end
      if ($isunknown(all_ones)) begin
        $error("[%0t] all_ones is unknown: %b", $time, all_ones);
        error_count++;
      end
      if ($isunknown(all_zeros)) begin
        $error("[%0t] all_zeros is unknown: %b", $time, all_zeros);
        error_count++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] q=%0h serial_out=%0h all_ones=%0h all_zeros=%0h", $time, q, serial_out, all_ones, all_zeros);
  end

  initial begin
    #(500_000) $error("Timeout! The test did not finish");
    $finish;
  end

  initial begin
    tr = new();
    sb = new();
    apply_reset();
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
    clear = 1'h0;
    mode = 2'd0;
    dir = 1'h0;
    serial_in = 1'h0;
    par_in = 8'h0;
    repeat (2) @(posedge clk);
    clear = 1'h1;
    mode = 2'h3;
    dir = 1'h1;
    serial_in = 1'h1;
    par_in = '1;
    repeat (2) @(posedge clk);
    clear = 1'h1;
    mode = 2'h1;
    dir = 1'h1;
    serial_in = 1'h1;
    par_in = 8'h55;
    repeat (1) @(posedge clk);
    clear = 1'b1;
    mode = 2'h0;
    dir = 1'b0;
    serial_in = 1'b0;
    par_in = 8'h3b;
    repeat (2) @(posedge clk);
    clear = 1'h1;
    mode = 2'h2;
    dir = 1'h1;
    serial_in = 1'h1;
    par_in = 8'h20;
    repeat (3) @(posedge clk);
    // Walking ones on mode
    for (int bit_idx = 0; bit_idx < $bits(mode); bit_idx++) begin
      mode = '0;
      mode[bit_idx] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on par_in
    for (int bit_idx = 0; bit_idx < $bits(par_in); bit_idx++) begin
      par_in = '0;
      par_in[bit_idx] = 1'b1;
      @(posedge clk);
    end
    // Sweep mode with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 4; k++) begin
        mode = k;
        clear = 1'($urandom);
        dir = 1'($urandom);
        serial_in = $urandom_range(0, 1);
        par_in = $urandom_range(0, 255);
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
