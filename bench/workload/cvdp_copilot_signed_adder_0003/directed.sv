// Directed testbench: numbered tests with explicit stimulus and checks: signedadder
`timescale 1ns / 1ps

module tb_signedadder_top;

  // Parameters (defaults of the DUT)
  localparam DATA_WIDTH = 8;

  localparam int CLK_PERIOD = 20;
  localparam int NUM_RANDOM = 300;

  // DUT inputs
  logic i_clk;
  logic i_rst_n;
  logic i_start;
  logic i_enable;
  logic i_mode;
  logic i_clear;
  logic [DATA_WIDTH-1:0] i_operand_a;
  logic [DATA_WIDTH-1:0] i_operand_b;

  // DUT outputs
  logic [DATA_WIDTH-1:0] o_resultant_sum;
  logic o_overflow;
  logic o_ready;
  logic [1:0] o_status;

  // Device under test
  signedadder #(
    .DATA_WIDTH(DATA_WIDTH)
  ) dut (
    .i_clk(i_clk),
    .i_rst_n(i_rst_n),
    .i_start(i_start),
    .i_enable(i_enable),
    .i_mode(i_mode),
    .i_clear(i_clear),
    .i_operand_a(i_operand_a),
    .i_operand_b(i_operand_b),
    .o_resultant_sum(o_resultant_sum),
    .o_overflow(o_overflow),
    .o_ready(o_ready),
    .o_status(o_status)
  );

  // Clock generation
  initial begin
    i_clk = 1'b0;
    forever #(CLK_PERIOD/2) i_clk = ~i_clk;
  end

  integer pass_count = 0;
  integer errors = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic apply(
    input logic i_start_v,
    input logic i_enable_v,
    input logic i_mode_v,
    input logic i_clear_v,
    input logic [DATA_WIDTH-1:0] i_operand_a_v,
    input logic [DATA_WIDTH-1:0] i_operand_b_v
  );
    begin
      i_start = i_start_v;
      i_enable = i_enable_v;
      i_mode = i_mode_v;
      i_clear = i_clear_v;
      i_operand_a = i_operand_a_v;
      i_operand_b = i_operand_b_v;
      @(posedge i_clk);
      #1;
    end
  endtask

  // Record one check: a condition that must hold
  task automatic check(input bit ok, input string what);
    if (ok) begin
      pass_count = pass_count + 1;
      if (verbose) $display("PASS: %s", what);
    end else begin
      errors = errors + 1;
      $error("FAIL: %s at %0t", what, $time);
    end
  endtask

  task automatic check_outputs_known(input string where);
    check(!$isunknown(o_resultant_sum), {where, ": o_resultant_sum known"});
    check(!$isunknown(o_overflow), {where, ": o_overflow known"});
    check(!$isunknown(o_ready), {where, ": o_ready known"});
    check(!$isunknown(o_status), {where, ": o_status known"});
  endtask

  task automatic random_vectors(input int n);
    for (int i = 0; i < n; i++) begin
      apply($urandom_range(0, 1), $urandom_range(0, 1), $urandom_range(0, 1), $urandom % 2, $urandom, $urandom);
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 3);
    begin
      i_start = '0;
      i_enable = '0;
      i_mode = '0;
      i_clear = '0;
      i_operand_a = '0;
      i_operand_b = '0;
      i_rst_n = 1'b0;
      repeat (cycles) @(posedge i_clk);
      i_rst_n = 1'b1;
      @(posedge i_clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge i_clk) begin
    if (checks_enabled && i_rst_n) begin
      if ($isunknown(o_resultant_sum)) begin
        $error("[%0t] o_resultant_sum is unknown: %b", $time, o_resultant_sum);
        errors++;
      end
      if ($isunknown(o_overflow)) begin
        $error("[%0t] o_overflow is unknown: %b", $time, o_overflow);
        errors++;
      end
      if ($isunknown(o_ready)) begin
        $error("[%0t] o_ready is unknown: %b", $time, o_ready);
        errors++;
      end
      if ($isunknown(o_status)) begin
        $error("[%0t] o_status is unknown: %b", $time, o_status);
        errors++;
      end
    end
  end

  // Watchdog: never hang the regression
  initial begin
    #2_000_000;
    $display("ERROR: watchdog timeout at %0t", $time);
    $finish;
  end

  initial begin
    $display("Starting signedadder directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // ---------------- Test 1: back-to-back changes ----------------
    test_num = test_num + 1;
    apply(1'b1, 1'd0, 1'h1, '0, '1, 8'd1);
    apply(1'd0, 1'h1, 1'h1, 1'h1, 8'hd9, 8'd1);
    apply(1'b1, 1'h1, 1'h1, '1, 8'd1, 8'h20);
    apply(1'h1, 1'b1, 1'b1, 1'b0, '1, 8'h0);
    apply(1'h0, 1'h1, 1'h1, 1'h0, 8'h88, 8'h55);
    apply('0, 1'b1, 1'b1, 1'b1, 8'h55, 8'h78);
    apply('1, 1'b0, '1, 1'h1, 8'hff, 8'hff);
    apply('0, 1'h1, 1'b0, 1'h1, 8'hff, 8'h0);
    apply('1, 1'b1, '0, 1'h1, '1, 8'hff);
    apply(1'b1, 1'h1, 1'b1, 1'h1, 8'h55, '0);
    check_outputs_known("test 1");

    // ---------------- Test 2: single bit set ----------------
    test_num = test_num + 1;
    $display("Test %0d: single bit set", test_num);
    apply(1'b0, 1'h1, '0, 1'h1, 8'd1, 8'h20);
    apply(1'h1, 1'h1, 1'h1, 1'b1, 8'h55, 8'h54);
    apply('0, 1'h0, 1'b1, 1'b0, 8'hff, 8'h35);
    apply(1'h1, 1'b0, 1'b1, 1'b1, 8'd1, 8'h55);
    apply(1'b1, 1'h1, 1'h1, 1'b1, 8'h1a, 8'h50);
    apply(1'h1, 1'h1, 1'd0, 1'h1, 8'h55, 8'h8);
    apply(1'h1, '1, 1'h1, 1'h1, 8'h55, 8'd1);
    apply(1'b0, 1'b1, 1'b1, 1'd0, 8'hfa, 8'hff);
    apply(1'b1, 1'h1, 1'h1, 1'h1, 8'hff, 8'h55);
    apply(1'h1, 1'b1, 1'h1, 1'h1, '1, 8'd1);
    repeat (2) begin
      for (int k = 0; k < 5; k++) apply(1'($urandom), $urandom % 2, $urandom_range(0, 1), $urandom_range(0, 1), 8'($urandom), k);
    end
    check_outputs_known("test 2");

    // ---------------- Test 3: maximum on first operand ----------------
    test_num = test_num + 1;
    apply(1'h1, 1'd0, '1, '1, 8'h20, '1);
    apply(1'd0, '0, 1'b1, '1, 8'hbe, 8'h40);
    apply(1'b0, '1, 1'b1, 1'h1, 8'h10, 8'd1);
    apply(1'h1, 1'b1, 1'h1, 1'b1, 8'h40, 8'h84);
    apply(1'h1, 1'h1, '1, 1'b1, 8'h10, '0);
    apply(1'h1, 1'h1, 1'b1, 1'b0, 8'h3d, '1);
    apply('1, 1'h1, 1'b0, 1'h0, 8'd1, '1);
    apply(1'h1, 1'h1, 1'h1, 1'b0, 8'hff, 8'd0);
    repeat (2) begin
      for (int k = 0; k < 2; k++) apply($urandom % 2, 1'($urandom), $urandom_range(0, 1), $urandom % 2, k, $urandom_range(0, 255));
    end
    check_outputs_known("test 3");

    // ---------------- Test 4: hold inputs stable ----------------
    test_num = test_num + 1;
    apply(1'b1, 1'b1, 1'b0, 1'h1, 8'h9a, 8'hff);
    apply(1'h0, 1'h1, 1'b1, 1'b1, 8'h26, 8'hde);
    apply('1, 1'b1, 1'h1, 1'b1, 8'ha2, '1);
    apply(1'b1, 1'b1, 1'b1, 1'h1, 8'd1, 8'h2);
    check_outputs_known("test 4");

    // ---------------- Test 5: random values ----------------
    test_num = test_num + 1;
    $display("Test %0d: random values", test_num);
    apply(1'b1, 1'b0, '1, 1'h1, 8'd1, 8'he7);
    apply(1'b0, 1'b1, 1'd0, 1'h1, 8'hc0, 8'd1);
    apply(1'h1, 1'h1, 1'b1, 1'b0, 8'h9a, 8'd0);
    apply(1'b0, 1'b0, 1'b1, 1'b0, 8'h55, 8'h55);
    apply(1'h1, 1'd0, '0, 1'b0, 8'd1, 8'h10);
    check_outputs_known("test 5");

    // ---------------- Test 6: back-to-back changes ----------------
    test_num = test_num + 1;
    apply(1'h1, 1'h1, 1'b1, 1'b1, 8'h0, 8'h99);
    apply(1'h1, '1, 1'd0, 1'b0, 8'h40, 8'hdd);
    apply(1'h1, 1'b0, 1'h1, 1'b1, '1, 8'd1);
    apply(1'b1, 1'h1, 1'b1, '1, 8'd1, 8'h27);
    apply(1'b1, 1'h1, 1'h1, 1'b1, 8'h0, '1);
    apply(1'b0, 1'h1, 1'h1, 1'b1, 8'hff, 8'h2);
    apply('0, 1'b1, 1'b1, 1'h1, 8'h55, 8'h54);
    apply(1'b1, '0, 1'h1, '1, 8'h80, 8'd0);
    apply(1'h1, 1'h1, 1'h1, 1'b0, 8'd1, 8'hdb);
    apply(1'h1, 1'd0, 1'b0, 1'h1, 8'hf2, 8'hae);
    check_outputs_known("test 6");

    // ---------------- Test 7: alternating pattern ----------------
    test_num = test_num + 1;
    apply(1'h1, 1'h1, 1'b1, 1'b1, 8'd1, 8'h4);
    apply(1'b0, 1'd0, 1'b1, 1'h1, '1, 8'h0);
    apply(1'b1, 1'b0, '0, 1'b1, '1, 8'h20);
    apply(1'h1, 1'b1, 1'h0, 1'h1, '1, 8'hff);
    apply(1'h1, 1'b1, '0, 1'h1, '1, 8'h40);
    apply(1'h1, 1'b1, 1'b1, 1'h1, 8'd0, 8'h2);
    apply(1'h0, 1'b1, 1'h1, 1'd0, '0, 8'he2);
    apply(1'b1, 1'b1, 1'b1, 1'b1, 8'hff, '1);
    apply(1'h1, 1'b1, 1'b0, 1'b1, 8'hd3, 8'd1);
    apply('1, 1'h1, 1'b1, 1'h0, '1, 8'h72);
    apply(1'h1, 1'd0, 1'b0, '1, 8'd1, 8'h1);
    check_outputs_known("test 7");

    // ---------------- Test 8: all zeros ----------------
    test_num = test_num + 1;
    $display("Test %0d: all zeros", test_num);
    apply(1'h1, '1, 1'h1, '1, 8'd0, 8'h8);
    apply(1'b1, 1'b1, 1'b1, '0, '1, '0);
    apply('0, 1'b1, 1'b1, '0, 8'hff, 8'h40);
    apply(1'd0, 1'b1, '0, '1, 8'd1, 8'h79);
    apply(1'b0, 1'b1, 1'h1, 1'b1, 8'd1, 8'h55);
    apply(1'b1, 1'b0, 1'b1, '1, '1, 8'hd2);
    apply(1'h1, 1'b0, '0, 1'h1, 8'h55, 8'hff);
    apply(1'h1, 1'b1, '1, 1'h0, 8'h55, 8'd1);
    check_outputs_known("test 8");

    // ---------------- Test 9: hold inputs stable ----------------
    test_num = test_num + 1;
    apply(1'h1, 1'b1, '1, 1'b1, 8'hca, 8'hf6);
    apply(1'b0, 1'b0, 1'h1, 1'h1, 8'h40, 8'h40);
    apply(1'b0, 1'h1, '1, 1'b1, 8'd1, 8'd1);
    apply(1'h0, 1'b1, '0, 1'h1, 8'h55, 8'h34);
    repeat (4) begin
      for (int k = 0; k < 8; k++) apply($urandom % 2, $urandom_range(0, 1), 1'($urandom), 1'($urandom), k, 8'($urandom));
    end
    check_outputs_known("test 9");

    // ---------------- Test 10: random values ----------------
    test_num = test_num + 1;
    apply('1, 1'h1, 1'b0, 1'b0, 8'hd7, 8'h8f);
    apply(1'b1, 1'h0, 1'h1, 1'h1, 8'h2, 8'hff);
    apply(1'b1, 1'h1, 1'd0, '1, '1, 8'hff);
    apply(1'h1, 1'h1, 1'h1, 1'h1, 8'hff, 8'h96);
    apply('1, 1'b1, 1'h0, 1'h1, '0, 8'd0);
    apply(1'b1, 1'b0, 1'b1, 1'b1, 8'h42, 8'h0);
    check_outputs_known("test 10");

    // ---------------- Test 11: toggle control inputs ----------------
    test_num = test_num + 1;
    apply(1'h1, 1'h1, 1'h1, 1'b0, 8'd0, 8'h1);
    apply(1'b1, 1'b1, 1'b1, 1'b0, 8'h60, 8'h0);
    apply(1'h0, 1'b1, 1'b1, 1'h1, 8'h79, 8'h4);
    apply('0, 1'h1, 1'h1, 1'h1, 8'hff, 8'hb0);
    apply(1'h1, 1'b1, 1'h0, '0, 8'h80, 8'hff);
    apply('0, 1'h1, 1'h1, 1'd0, 8'h77, 8'h9d);
    apply(1'b0, 1'h1, '0, 1'd0, 8'h27, 8'd1);
    apply(1'h1, 1'b1, 1'b0, 1'b1, 8'h80, 8'ha8);
    repeat (4) begin
      for (int k = 0; k < 7; k++) apply(1'($urandom), 1'($urandom), $urandom % 2, 1'($urandom), $urandom_range(0, 255), 8'($urandom));
    end
    check_outputs_known("test 11");

    // ---------------- Test 12: alternating pattern ----------------
    test_num = test_num + 1;
    apply(1'h1, 1'b1, 1'h0, 1'b0, 8'h0, 8'h55);
    apply(1'b0, 1'h1, 1'b0, '0, 8'd1, 8'd1);
    apply(1'b0, 1'b0, 1'b1, 1'h1, 8'hbb, 8'hc6);
    apply(1'h1, 1'h1, 1'b1, 1'b1, 8'h7e, 8'd0);
    apply(1'h1, 1'h1, 1'b0, 1'h0, 8'd0, 8'h20);
    apply('0, 1'h1, 1'b1, 1'b1, 8'd0, '0);
    apply(1'd0, 1'b0, 1'd0, 1'h1, 8'hbe, 8'ha5);
    apply(1'h1, 1'b1, 1'b1, 1'b1, 8'h3a, 8'h55);
    check_outputs_known("test 12");

    // ---------------- Test 13: boundary values ----------------
    test_num = test_num + 1;
    apply('1, 1'h1, '1, 1'h1, 8'h55, 8'h0);
    apply(1'b1, 1'h0, 1'b1, 1'b1, 8'hc3, 8'h9f);
    apply(1'b0, 1'h1, '0, 1'h0, '1, 8'h94);
    apply(1'h1, '1, 1'h1, 1'b1, 8'h0, 8'h4);
    apply(1'h1, 1'h1, '0, 1'b1, 8'h5, 8'h6c);
    apply(1'b0, 1'b1, 1'b1, 1'b1, 8'h55, '1);
    apply(1'b1, 1'b0, 1'b0, 1'b0, 8'd0, 8'd1);
    apply(1'h0, 1'h1, 1'b1, 1'b0, 8'h38, 8'h55);
    check_outputs_known("test 13");

    // ---------------- Test 14: boundary values ----------------
    test_num = test_num + 1;
    apply('1, '0, 1'b0, 1'b1, 8'h0, 8'hff);
    apply(1'd0, 1'h1, 1'h1, 1'h1, 8'd1, 8'h80);
    apply(1'b0, 1'b1, 1'b0, 1'b0, 8'h55, 8'd1);
    apply(1'b1, 1'h1, 1'd0, 1'b0, 8'hc5, 8'h93);
    apply('0, 1'b1, '0, 1'b0, 8'h0, 8'd1);
    apply(1'h1, 1'h1, 1'b1, 1'b1, 8'd1, 8'd0);
    apply(1'h1, '0, 1'b1, 1'h1, 8'h0, '1);
    apply(1'b0, 1'b1, 1'b1, 1'h1, '0, 8'hff);
    apply(1'h1, 1'b1, 1'b1, 1'h1, '0, 8'h29);
    repeat (3) begin
      for (int k = 0; k < 5; k++) apply($urandom % 2, $urandom % 2, 1'($urandom), $urandom % 2, 8'($urandom), $urandom_range(0, 255));
    end
    check_outputs_known("test 14");

    // ---------------- Test 15: back-to-back changes ----------------
    test_num = test_num + 1;
    apply(1'h0, 1'h1, '0, 1'h1, '1, 8'h55);
    apply(1'h1, 1'b1, 1'b1, 1'b1, 8'h55, 8'd1);
    apply(1'h1, 1'h1, '0, 1'd0, '1, 8'd1);
    apply(1'b1, 1'b0, 1'h1, 1'b0, 8'hbc, 8'hea);
    apply(1'b1, 1'h1, 1'b1, 1'h1, 8'hc8, 8'h0);
    apply(1'h1, 1'h0, 1'd0, 1'h0, 8'h0, 8'h4);
    apply(1'b0, 1'h1, 1'h1, 1'b1, 8'h0, 8'd1);
    apply(1'h1, 1'h1, '1, 1'h1, 8'h10, 8'h55);
    apply(1'b1, 1'd0, 1'b1, 1'b0, 8'd1, 8'h55);
    apply(1'h1, 1'h1, 1'b0, 1'h0, 8'he9, 8'h55);
    apply('0, 1'b0, 1'b1, 1'b0, 8'h2, 8'd1);
    check_outputs_known("test 15");

    // ---------------- Test 16: alternating pattern ----------------
    test_num = test_num + 1;
    $display("Test %0d: alternating pattern", test_num);
    apply(1'b1, 1'b1, '0, 1'b0, 8'h2, 8'ha4);
    apply(1'h1, 1'h0, 1'h1, 1'h1, 8'h55, 8'h20);
    apply(1'h1, 1'h1, 1'b1, '0, 8'hff, 8'h1e);
    apply(1'b1, 1'b1, 1'h1, 1'h1, 8'h10, 8'h50);
    apply(1'b0, 1'b1, 1'b1, 1'h1, '1, 8'd1);
    apply(1'b0, 1'b1, 1'h1, 1'h1, 8'hff, 8'h77);
    apply(1'b0, 1'b1, 1'b1, '1, 8'h7e, '1);
    apply(1'b1, '0, 1'b1, 1'd0, 8'h10, 8'hff);
    apply(1'b1, 1'b1, 1'h1, 1'h1, 8'h8, 8'hc5);
    apply(1'b1, 1'b0, 1'h1, 1'b0, '0, 8'h1);
    apply(1'b1, 1'h1, 1'b0, 1'b1, 8'h20, 8'he0);
    check_outputs_known("test 16");

    // ---------------- Test 17: alternating pattern ----------------
    test_num = test_num + 1;
    apply(1'd0, 1'b1, 1'b1, '1, 8'h20, 8'ha7);
    apply(1'd0, 1'h1, 1'b0, 1'b0, 8'h40, 8'h55);
    apply(1'b1, 1'b0, 1'h1, 1'h1, 8'h0, 8'd1);
    apply(1'h1, 1'b0, 1'b0, 1'b1, 8'h20, 8'hce);
    apply(1'b1, 1'h1, 1'b1, 1'b1, 8'he0, 8'h1);
    apply(1'b1, 1'h1, 1'h1, 1'b1, 8'h55, 8'd1);
    apply(1'b1, 1'h1, 1'b0, 1'b1, 8'h40, 8'h20);
    apply(1'b1, 1'b1, 1'h1, 1'b1, 8'h4c, 8'h20);
    apply(1'h1, 1'h1, 1'b1, '0, 8'hff, 8'd1);
    check_outputs_known("test 17");

    // ---------------- Test 18: boundary values ----------------
    test_num = test_num + 1;
    apply(1'b1, 1'b0, 1'h0, 1'b0, 8'h2e, 8'h1);
    apply(1'h1, 1'h1, 1'b1, 1'h1, 8'ha, 8'h10);
    apply(1'b1, 1'd0, 1'b1, 1'b1, 8'h5, 8'h0);
    apply('0, 1'b1, 1'b1, 1'b0, 8'd1, 8'h20);
    apply(1'b0, 1'b1, '0, 1'b1, 8'h8, 8'd1);
    apply('1, 1'h1, '1, 1'b1, 8'h4, 8'h40);
    apply(1'h1, 1'h0, 1'b0, 1'b1, 8'h0, 8'hcd);
    apply(1'h1, 1'b1, 1'h1, '1, 8'hff, 8'h80);
    apply(1'h1, 1'h1, 1'h1, 1'h1, 8'hd6, 8'h55);
    apply(1'b0, 1'h1, 1'b1, 1'b1, 8'h4, 8'h38);
    apply(1'h1, 1'b1, 1'h0, 1'b1, 8'd1, 8'h2d);
    apply(1'b1, '0, 1'b1, 1'd0, 8'd0, 8'h76);
    check_outputs_known("test 18");

    // ---------------- Test 19: single bit set ----------------
    test_num = test_num + 1;
    apply(1'b1, 1'h1, 1'h1, 1'b1, '0, 8'h93);
    apply(1'd0, 1'b1, 1'b1, 1'b1, 8'h5f, '0);
    apply(1'h1, '1, 1'b1, '0, 8'h94, 8'h80);
    apply(1'h1, 1'h1, 1'd0, 1'h1, 8'd1, '1);
    apply('1, 1'h1, 1'b1, 1'h0, 8'h55, 8'h80);
    apply(1'b0, 1'h1, 1'h1, 1'd0, 8'hff, 8'd0);
    apply(1'b1, '1, '1, 1'b1, '1, 8'h55);
    repeat (2) begin
      for (int k = 0; k < 6; k++) apply($urandom_range(0, 1), $urandom % 2, 1'($urandom), $urandom % 2, k, 8'($urandom));
    end
    check_outputs_known("test 19");

    // ---------------- Test 20: single bit set ----------------
    test_num = test_num + 1;
    $display("Test %0d: single bit set", test_num);
    apply(1'b1, 1'h1, 1'b0, '0, 8'h55, 8'd1);
    apply(1'h1, 1'b0, 1'b1, 1'b0, 8'd1, 8'h0);
    apply(1'b0, '1, 1'b0, 1'h1, 8'h2, 8'hff);
    apply(1'b1, '1, 1'h1, 1'b0, 8'ha9, 8'h4);
    apply(1'h1, 1'd0, 1'h1, 1'b0, 8'h1, '1);
    apply(1'h1, '1, 1'b0, 1'd0, 8'h0, 8'h40);
    apply(1'b1, 1'b1, 1'h1, 1'b1, 8'h4, 8'h0);
    repeat (4) begin
      for (int k = 0; k < 5; k++) apply(1'($urandom), 1'($urandom), $urandom_range(0, 1), $urandom % 2, k, k);
    end
    check_outputs_known("test 20");

    // ---------------- Test 21: maximum on first operand ----------------
    test_num = test_num + 1;
    apply(1'h1, 1'h1, 1'b0, '1, 8'hff, 8'h1);
    apply(1'b1, 1'd0, 1'b1, 1'h1, 8'h7f, 8'hce);
    apply(1'h1, 1'h0, 1'b0, 1'h1, 8'hfd, 8'hf5);
    apply(1'h1, 1'h1, 1'b0, 1'h1, 8'hff, 8'h3e);
    apply(1'b1, '0, 1'b1, 1'b0, 8'hd7, 8'h9f);
    apply(1'b1, 1'h1, 1'b1, '0, 8'h1, 8'h0);
    apply(1'h1, 1'b1, 1'd0, 1'h1, 8'h0, 8'hc7);
    check_outputs_known("test 21");

    // ---------------- Test 22: toggle control inputs ----------------
    test_num = test_num + 1;
    apply(1'b1, 1'b1, 1'b0, 1'b1, 8'h55, '1);
    apply(1'b1, 1'h0, 1'b1, 1'b1, 8'h52, 8'd1);
    apply(1'h1, 1'b1, 1'd0, 1'b1, 8'hb0, '0);
    apply(1'b1, 1'b0, 1'b1, 1'b0, 8'h2, 8'd1);
    apply(1'h1, 1'h1, 1'b0, 1'b1, 8'd0, '0);
    apply(1'b1, 1'b1, 1'b1, 1'b0, 8'h72, 8'h0);
    apply('0, 1'b1, 1'd0, 1'h1, '1, 8'h55);
    apply(1'b1, '1, 1'd0, '1, 8'h12, 8'h55);
    check_outputs_known("test 22");

    // ---------------- Test 23: all zeros ----------------
    test_num = test_num + 1;
    apply(1'b0, 1'h1, 1'h1, 1'b0, 8'h86, 8'hf9);
    apply(1'b0, '1, 1'h1, 1'b1, '1, 8'h81);
    apply(1'h1, 1'h1, '0, 1'h1, 8'ha, 8'd0);
    apply(1'h1, 1'b0, 1'b1, 1'b1, 8'h3f, '0);
    apply(1'b0, 1'b1, 1'b1, 1'b1, 8'h80, 8'd1);
    apply('0, 1'b0, 1'h1, '0, 8'h55, 8'hff);
    apply(1'b1, 1'h1, 1'h1, 1'b1, '1, 8'h8e);
    apply(1'b1, 1'h1, 1'b1, 1'h1, 8'h1, 8'h2);
    check_outputs_known("test 23");

    // ---------------- Test 24: all ones ----------------
    test_num = test_num + 1;
    apply(1'h1, 1'b0, 1'b1, 1'h0, 8'hdd, 8'h55);
    apply('1, 1'h1, 1'h1, 1'b1, 8'd1, 8'hc2);
    apply(1'b1, 1'b1, 1'b0, 1'h0, 8'h9f, 8'd1);
    apply(1'b1, 1'h1, 1'b0, 1'h1, 8'hbc, 8'h95);
    apply(1'b1, 1'b1, 1'h1, '0, '1, 8'd0);
    apply(1'b1, 1'b1, 1'h1, 1'b1, 8'hdc, 8'h80);
    apply(1'h1, 1'b0, '1, 1'b0, 8'hd4, 8'h80);
    apply('1, 1'b0, 1'h1, 1'h1, 8'hc2, 8'h9);
    apply(1'h1, 1'h1, 1'b1, 1'b1, 8'd1, 8'h4);
    apply(1'd0, 1'b1, 1'b1, '0, 8'h23, 8'hff);
    check_outputs_known("test 24");

    // ---------------- Test 25: toggle control inputs ----------------
    test_num = test_num + 1;
    apply(1'h1, 1'h1, 1'h1, 1'b1, 8'hff, 8'h55);
    apply(1'b1, 1'b1, 1'b1, 1'b1, 8'hff, '1);
    apply(1'h1, 1'b1, 1'b1, 1'b0, 8'h55, 8'h79);
    apply(1'h1, 1'h0, 1'h0, 1'b1, 8'h28, '0);
    apply(1'h0, 1'h1, 1'b1, 1'h1, 8'h0, 8'h1);
    apply(1'b0, 1'b0, 1'b1, 1'h1, 8'h32, 8'd1);
    apply(1'b0, 1'h0, 1'd0, 1'h1, 8'hff, 8'hbe);
    apply(1'b0, 1'h1, 1'b0, 1'b0, 8'h55, 8'h1);
    apply(1'h1, 1'b1, 1'h1, 1'd0, 8'hff, 8'hab);
    apply(1'b0, '0, '0, 1'h1, 8'hec, 8'hb6);
    repeat (4) begin
      for (int k = 0; k < 4; k++) apply(1'($urandom), $urandom % 2, 1'($urandom), $urandom_range(0, 1), $random, k);
    end
    check_outputs_known("test 25");

    // ---------------- Test 26: all zeros ----------------
    test_num = test_num + 1;
    $display("Test %0d: all zeros", test_num);
    apply(1'b0, '0, 1'b1, 1'h1, 8'h55, 8'h0);
    apply(1'h1, 1'h1, 1'h1, '1, '0, 8'h55);
    apply(1'd0, 1'b1, 1'h0, 1'b0, 8'd1, 8'ha2);
    apply(1'b0, '1, '0, 1'h1, 8'd1, '0);
    apply(1'd0, 1'h1, 1'h1, '1, 8'ha8, 8'h92);
    repeat (3) begin
      for (int k = 0; k < 7; k++) apply(1'($urandom), $urandom % 2, 1'($urandom), $urandom % 2, k, k);
    end
    check_outputs_known("test 26");

    // ---------------- Test 27: all zeros ----------------
    test_num = test_num + 1;
    apply(1'h1, 1'h1, 1'h1, 1'h1, 8'h80, 8'ha8);
    apply(1'd0, 1'b1, '0, 1'b1, 8'd1, 8'h10);
    apply(1'h1, '0, 1'h1, 1'b1, '1, 8'h20);
    apply(1'b1, 1'h0, 1'b1, 1'b1, 8'h9d, 8'hb7);
    apply(1'h1, 1'h1, 1'h1, 1'b1, 8'hff, 8'h7f);
    apply(1'b1, 1'b1, 1'b0, 1'b0, 8'h55, 8'h2);
    apply(1'b1, 1'b1, 1'b1, 1'h1, 8'h49, 8'd1);
    apply(1'b0, 1'h1, 1'b1, 1'b1, '1, 8'h55);
    check_outputs_known("test 27");

    // ---------------- Test 28: all ones ----------------
    test_num = test_num + 1;
    apply(1'h1, 1'h1, 1'b1, 1'h1, 8'hff, 8'h55);
    apply(1'b1, 1'h1, 1'h1, '1, 8'h55, '1);
    apply(1'h1, 1'b0, 1'd0, 1'b1, '0, 8'd0);
    apply(1'b1, '0, '0, 1'h1, '1, 8'h72);
    apply(1'h1, 1'b1, 1'b0, 1'd0, 8'd1, '0);
    apply(1'b0, '1, 1'b1, 1'b1, 8'h0, 8'hff);
    apply('0, 1'h1, 1'b1, 1'b0, 8'd1, 8'h1);
    apply(1'h1, 1'b1, '1, 1'h1, 8'h80, 8'hf7);
    apply(1'h1, 1'h0, 1'h1, 1'b1, 8'h9a, 8'h80);
    check_outputs_known("test 28");

    // Corner-value table
    begin
      logic [DATA_WIDTH-1:0] corners [6];
      corners = '{8'h0, 8'hff, 8'h55, 8'd1, 8'hc, 8'h1};
      foreach (corners[idx]) begin
        apply(1'($urandom), 1'($urandom), 1'($urandom), 1'($urandom), corners[idx], $urandom_range(0, 255));
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on i_operand_a
    for (int k = 0; k < $bits(i_operand_a); k++) begin
      i_operand_a = '0;
      i_operand_a[k] = 1'b1;
      @(posedge i_clk);
    end
    // Walking ones on i_operand_b
    for (int i = 0; i < $bits(i_operand_b); i++) begin
      i_operand_b = '0;
      i_operand_b[i] = 1'b1;
      @(posedge i_clk);
    end
    // Sweep i_operand_a with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 64; k++) begin
        i_operand_a = k;
        i_start = $urandom_range(0, 1);
        i_enable = 1'($urandom);
        i_mode = $urandom_range(0, 1);
        i_clear = $urandom_range(0, 1);
        @(posedge i_clk);
      end
    end
    // Random regression
    random_vectors(NUM_RANDOM);
    // Reset again and re-run a short sequence
    reset_dut(3);
    random_vectors(32);

    $display("==========================================");
    $display("  Tests run : %0d", test_num);
    $display("  Passed    : %0d", pass_count);
    $display("  Failed    : %0d", errors);
    $display("==========================================");
    if (errors == 0) $display("ALL TESTS PASSED");
    $finish;
  end

endmodule
