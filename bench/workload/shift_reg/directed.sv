/*
 * tb_shift_reg.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the shift_reg module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ns

module tb_shift_reg;

  // Parameters (defaults of the DUT)
  localparam WIDTH = 8;

  localparam int CLK_PERIOD = 20;
  localparam int NUM_RANDOM = 300;

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
  shift_reg #(
    .WIDTH(WIDTH)
  ) dut (
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

  integer pass_count = 0;
  integer errors = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic drive_inputs(
    input logic clear_v,
    input logic [ 1:0] mode_v,
    input logic dir_v,
    input logic serial_in_v,
    input logic [WIDTH-1:0] par_in_v
  );
    begin
      clear = clear_v;
      mode = mode_v;
      dir = dir_v;
      serial_in = serial_in_v;
      par_in = par_in_v;
      @(posedge clk);
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
    check(!$isunknown(q), {where, ": q known"});
    check(!$isunknown(serial_out), {where, ": serial_out known"});
    check(!$isunknown(all_ones), {where, ": all_ones known"});
    check(!$isunknown(all_zeros), {where, ": all_zeros known"});
  endtask

  task automatic random_vectors(input int n);
    for (int i = 0; i < n; i++) begin
      drive_inputs($urandom_range(0, 1), 2'($urandom), $urandom_range(0, 1), $urandom % 2, $urandom_range(0, 255));
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 5);
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
        errors++;
      end
      if ($isunknown(serial_out)) begin
        $error("[%0t] serial_out is unknown: %b", $time, serial_out);
        errors++;
      end
      if ($isunknown(all_ones)) begin
        $error("[%0t] all_ones is unknown: %b", $time, all_ones);
        errors++;
      end
      if ($isunknown(all_zeros)) begin
        $error("[%0t] all_zeros is unknown: %b", $time, all_zeros);
        errors++;
      end
    end
  end

  initial begin
    #(10_000_000) $error("Timeout! The test did not finish");
    $finish;
  end

  initial begin
    $display("Starting shift_reg directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // ---------------- Test 1: all ones ----------------
    test_num = test_num + 1;
    drive_inputs('1, '1, 1'b0, '1, 8'hff);
    drive_inputs(1'h1, '1, 1'h0, 1'h1, 8'd1);
    drive_inputs(1'b1, 2'h0, 1'h1, 1'b1, 8'hcb);
    drive_inputs(1'b1, 2'd1, 1'h1, '1, 8'hab);
    drive_inputs(1'h1, 2'h3, 1'h1, 1'b1, 8'h0);
    repeat (3) begin
      for (int k = 0; k < 7; k++) drive_inputs($urandom_range(0, 1), $urandom_range(0, 3), $urandom_range(0, 1), $urandom % 2, 8'($urandom));
    end
    check_outputs_known("test 1");

    // ---------------- Test 2: alternating pattern ----------------
    test_num = test_num + 1;
    $display("Test %0d: alternating pattern", test_num);
    drive_inputs(1'd0, 2'h1, 1'b1, 1'b1, 8'h8);
    drive_inputs(1'b0, 2'h0, 1'b0, 1'h1, 8'd1);
    drive_inputs(1'd0, 2'd1, 1'h1, 1'h1, 8'h55);
    drive_inputs(1'b0, 2'h0, 1'h1, 1'b1, 8'hff);
    drive_inputs(1'd0, 2'd0, 1'b0, 1'h1, 8'hc9);
    drive_inputs(1'h1, '0, 1'b0, 1'b1, 8'hb4);
    drive_inputs(1'h0, 2'h1, 1'b1, 1'b1, 8'd0);
    drive_inputs(1'h1, 2'h2, 1'b0, '1, 8'h60);
    drive_inputs(1'b1, 2'h2, 1'b1, 1'b1, 8'hff);
    drive_inputs(1'h1, 2'h0, 1'h0, '1, 8'ha2);
    drive_inputs('0, '1, 1'h1, 1'b0, 8'h80);
    drive_inputs(1'b1, 2'h3, 1'b1, 1'b1, 8'd1);
    repeat (2) begin
      for (int k = 0; k < 7; k++) drive_inputs(1'($urandom), $random, $urandom % 2, $urandom_range(0, 1), k);
    end
    check_outputs_known("test 2");

    // ---------------- Test 3: maximum on first operand ----------------
    test_num = test_num + 1;
    drive_inputs('1, 2'h1, 1'b0, 1'h1, '0);
    drive_inputs(1'd0, 2'h3, 1'h1, 1'b0, 8'd1);
    drive_inputs(1'h0, 2'd1, 1'h1, 1'h1, '0);
    drive_inputs(1'b0, 2'h1, 1'b1, 1'h1, 8'hff);
    drive_inputs(1'b0, 2'h2, 1'b0, 1'h1, 8'h55);
    drive_inputs(1'b1, 2'h0, 1'h1, '1, 8'hff);
    drive_inputs(1'h1, 2'h3, 1'b1, '1, 8'h55);
    drive_inputs(1'h0, 2'h1, 1'h0, 1'h1, 8'd1);
    drive_inputs(1'h1, 2'h0, 1'h0, 1'b0, 8'h0);
    drive_inputs(1'h1, 2'h1, 1'h1, 1'h1, 8'h6c);
    drive_inputs(1'b1, 2'h3, 1'h0, 1'h1, 8'hf8);
    drive_inputs(1'd0, 2'd1, 1'b1, 1'b1, 8'h80);
    check_outputs_known("test 3");

    // ---------------- Test 4: alternating pattern ----------------
    test_num = test_num + 1;
    drive_inputs(1'b1, 2'h0, 1'b1, 1'b1, 8'h55);
    drive_inputs(1'h1, 2'h0, 1'b1, 1'h1, 8'h2);
    drive_inputs(1'b1, 2'h1, 1'h1, 1'h1, 8'h4b);
    drive_inputs(1'h0, 2'h0, 1'h1, 1'b1, '1);
    drive_inputs(1'h1, 2'h1, 1'h1, 1'h1, 8'h55);
    drive_inputs('0, 2'h3, 1'h0, 1'b0, 8'hff);
    drive_inputs(1'd0, 2'h2, 1'b1, 1'h1, '0);
    repeat (2) begin
      for (int k = 0; k < 2; k++) drive_inputs(1'($urandom), $random, $urandom % 2, $urandom % 2, k);
    end
    check_outputs_known("test 4");

    // ---------------- Test 5: all ones ----------------
    test_num = test_num + 1;
    drive_inputs(1'h1, 2'h2, 1'b0, 1'b1, 8'h40);
    drive_inputs(1'b1, 2'h3, 1'b0, '1, 8'h32);
    drive_inputs('1, 2'd1, 1'b1, 1'b1, 8'h2);
    drive_inputs(1'b0, 2'h2, 1'b1, '0, 8'h8);
    drive_inputs(1'b1, 2'h1, 1'b1, 1'h0, 8'd1);
    check_outputs_known("test 5");

    // ---------------- Test 6: alternating pattern ----------------
    test_num = test_num + 1;
    drive_inputs(1'b1, 2'h2, 1'b1, 1'h1, 8'h85);
    drive_inputs('1, 2'h3, 1'h0, 1'h1, 8'd1);
    drive_inputs(1'h1, 2'h0, 1'h1, 1'b1, 8'h40);
    drive_inputs('0, 2'h1, '0, 1'h1, 8'h55);
    drive_inputs(1'b1, 2'd1, 1'h1, 1'd0, 8'he9);
    drive_inputs(1'h1, 2'h0, 1'b1, 1'b0, 8'hd1);
    drive_inputs(1'h1, 2'h1, 1'b1, 1'b1, 8'd1);
    drive_inputs(1'b0, 2'h0, 1'h0, '1, 8'h55);
    drive_inputs(1'b1, 2'h3, 1'b1, 1'b1, '0);
    drive_inputs(1'h1, 2'd1, 1'b1, 1'b0, 8'h55);
    drive_inputs('0, 2'd1, 1'b1, 1'd0, 8'd1);
    drive_inputs('0, 2'd0, 1'h1, 1'b1, 8'hff);
    check_outputs_known("test 6");

    // ---------------- Test 7: maximum on first operand ----------------
    test_num = test_num + 1;
    drive_inputs(1'b1, 2'h1, 1'h1, 1'b1, 8'hff);
    drive_inputs(1'b1, 2'h2, 1'h0, 1'h1, 8'hff);
    drive_inputs(1'b1, '0, 1'h1, 1'b1, 8'h1);
    drive_inputs(1'b0, 2'h1, 1'b1, '1, 8'h55);
    drive_inputs(1'h1, 2'h0, 1'h1, 1'd0, 8'h20);
    drive_inputs(1'h1, 2'h1, '1, '1, 8'd1);
    drive_inputs(1'b0, 2'h1, '1, '1, 8'hff);
    drive_inputs(1'h1, 2'h0, 1'h1, 1'h1, 8'h4);
    check_outputs_known("test 7");

    // ---------------- Test 8: single bit set ----------------
    test_num = test_num + 1;
    drive_inputs(1'h1, 2'h2, 1'h1, 1'b1, 8'h6c);
    drive_inputs(1'b1, 2'h3, 1'b1, 1'h1, 8'hdb);
    drive_inputs(1'h1, 2'h1, 1'h1, '0, 8'h1a);
    drive_inputs(1'b0, 2'h2, 1'b1, 1'h0, 8'h0);
    drive_inputs(1'h1, 2'h1, 1'b1, 1'h0, 8'h10);
    repeat (4) begin
      for (int k = 0; k < 6; k++) drive_inputs($urandom_range(0, 1), 2'($urandom), $urandom_range(0, 1), $urandom % 2, $urandom_range(0, 255));
    end
    check_outputs_known("test 8");

    // ---------------- Test 9: maximum on first operand ----------------
    test_num = test_num + 1;
    drive_inputs(1'h1, 2'h0, 1'b1, 1'h1, 8'h0);
    drive_inputs(1'h1, 2'h3, '1, 1'b1, 8'hcc);
    drive_inputs(1'h1, 2'h1, 1'b0, 1'b1, 8'h0);
    drive_inputs(1'b1, 2'h1, 1'b0, 1'h1, 8'h1);
    drive_inputs(1'b1, 2'h0, 1'b1, '1, 8'h55);
    drive_inputs(1'h1, 2'h0, 1'b1, 1'b1, 8'h32);
    drive_inputs('0, 2'h1, 1'h1, 1'b1, 8'h55);
    drive_inputs(1'h1, 2'h2, 1'h1, '0, 8'h0);
    drive_inputs(1'b1, '1, 1'b1, 1'h1, 8'haf);
    drive_inputs(1'b0, 2'h3, 1'b0, 1'b1, 8'd1);
    drive_inputs(1'b1, 2'h1, 1'b1, 1'h1, 8'd1);
    drive_inputs(1'h1, 2'h0, 1'b0, 1'h1, 8'h3b);
    repeat (6) begin
      for (int k = 0; k < 3; k++) drive_inputs($urandom % 2, k, 1'($urandom), $urandom % 2, k);
    end
    check_outputs_known("test 9");

    // ---------------- Test 10: hold inputs stable ----------------
    test_num = test_num + 1;
    drive_inputs(1'h1, 2'h2, 1'h0, 1'h0, 8'h40);
    drive_inputs(1'h1, 2'd1, 1'h1, 1'b1, 8'h80);
    drive_inputs(1'h1, '1, 1'b1, 1'b0, 8'h1);
    drive_inputs('1, 2'h1, 1'h1, 1'b1, 8'd1);
    drive_inputs(1'h1, 2'h1, 1'b0, 1'b0, '0);
    check_outputs_known("test 10");

    // ---------------- Test 11: boundary values ----------------
    test_num = test_num + 1;
    drive_inputs(1'b0, 2'h0, 1'b1, 1'b0, 8'h55);
    drive_inputs(1'b1, 2'h2, 1'h1, 1'b1, 8'd1);
    drive_inputs('0, 2'h0, 1'b1, '0, 8'd1);
    drive_inputs(1'd0, 2'h1, 1'b0, 1'h1, 8'h82);
    drive_inputs(1'h0, 2'h2, 1'b0, 1'b1, 8'h1);
    drive_inputs(1'h1, 2'h3, 1'b0, '0, '1);
    drive_inputs(1'h1, 2'h0, 1'b0, 1'h1, 8'h9d);
    drive_inputs(1'b1, 2'h0, 1'h1, 1'b1, 8'hb2);
    drive_inputs(1'b1, 2'h2, 1'b0, 1'h1, 8'd0);
    drive_inputs('0, '0, 1'b1, 1'b1, 8'h2);
    drive_inputs(1'd0, 2'd1, 1'b0, 1'h1, 8'd1);
    drive_inputs(1'h1, 2'h1, 1'b1, 1'h1, 8'h20);
    check_outputs_known("test 11");

    // ---------------- Test 12: boundary values ----------------
    test_num = test_num + 1;
    drive_inputs(1'b1, 2'h2, 1'b1, 1'b1, 8'd1);
    drive_inputs(1'b1, 2'h0, 1'b1, 1'h1, 8'd1);
    drive_inputs(1'h1, 2'h1, 1'h1, 1'h1, 8'hd0);
    drive_inputs('1, 2'd1, 1'b1, 1'b1, 8'hf6);
    check_outputs_known("test 12");

    // ---------------- Test 13: hold inputs stable ----------------
    test_num = test_num + 1;
    $display("Test %0d: hold inputs stable", test_num);
    drive_inputs(1'h1, 2'h1, 1'b1, 1'b1, 8'd1);
    drive_inputs('1, 2'h0, 1'b1, 1'b1, 8'd1);
    drive_inputs('0, 2'd1, 1'b0, '1, 8'h20);
    drive_inputs(1'b1, 2'd1, 1'b0, 1'b0, 8'h55);
    drive_inputs(1'h1, 2'h3, 1'b1, 1'b1, 8'd1);
    drive_inputs(1'b1, 2'd1, 1'b0, 1'b0, 8'hd7);
    drive_inputs(1'h1, 2'd1, 1'h1, 1'h0, 8'hff);
    drive_inputs(1'b1, 2'h1, 1'b1, 1'h1, 8'h73);
    drive_inputs(1'b1, 2'h0, 1'h1, '0, 8'd1);
    drive_inputs('1, 2'h2, 1'h0, 1'h0, 8'd0);
    check_outputs_known("test 13");

    // ---------------- Test 14: boundary values ----------------
    test_num = test_num + 1;
    $display("Test %0d: boundary values", test_num);
    drive_inputs(1'h1, 2'h0, 1'b0, 1'b1, 8'h7b);
    drive_inputs(1'b1, 2'd1, 1'h1, 1'h1, 8'h2);
    drive_inputs(1'b0, 2'h1, 1'b0, 1'h1, 8'ha4);
    drive_inputs(1'b1, '1, 1'h1, 1'b0, 8'd1);
    drive_inputs(1'h1, 2'h1, 1'b1, 1'b1, '0);
    drive_inputs(1'b1, 2'h0, 1'b1, 1'b1, 8'h25);
    drive_inputs(1'd0, 2'd1, '1, 1'b1, 8'hc2);
    drive_inputs(1'b0, 2'h2, 1'h1, 1'h1, 8'he1);
    drive_inputs(1'b1, 2'h0, 1'h1, 1'h1, 8'h80);
    drive_inputs(1'b0, '1, 1'd0, 1'h1, 8'hfd);
    drive_inputs(1'h1, 2'd0, '1, 1'b0, 8'h55);
    repeat (3) begin
      for (int k = 0; k < 3; k++) drive_inputs(1'($urandom), $urandom, 1'($urandom), $urandom_range(0, 1), k);
    end
    check_outputs_known("test 14");

    // ---------------- Test 15: hold inputs stable ----------------
    test_num = test_num + 1;
    drive_inputs(1'b1, 2'h1, 1'h1, '0, 8'd1);
    drive_inputs(1'd0, 2'd1, 1'h1, 1'h1, 8'd1);
    drive_inputs(1'h0, 2'd1, 1'b0, 1'h1, 8'hff);
    drive_inputs(1'h1, '1, 1'h1, 1'b1, 8'h55);
    drive_inputs(1'b1, 2'h2, 1'b0, 1'h1, '1);
    drive_inputs(1'h1, 2'h1, 1'b1, 1'h1, '0);
    drive_inputs(1'b0, 2'h1, '0, 1'b0, 8'hb9);
    drive_inputs(1'd0, 2'h0, 1'h1, '1, 8'h4);
    drive_inputs(1'b0, 2'h3, 1'h1, 1'h1, 8'hc3);
    drive_inputs(1'b1, 2'h1, 1'h1, 1'b1, 8'h40);
    drive_inputs(1'b1, 2'h1, 1'b1, 1'b1, 8'h55);
    drive_inputs('1, 2'h3, 1'h1, 1'b1, 8'h55);
    check_outputs_known("test 15");

    // ---------------- Test 16: toggle control inputs ----------------
    test_num = test_num + 1;
    drive_inputs('0, 2'h1, 1'h1, 1'b1, 8'd0);
    drive_inputs(1'b1, 2'h2, 1'b1, '0, 8'd1);
    drive_inputs(1'b1, 2'h1, 1'b1, 1'b1, 8'hac);
    drive_inputs(1'b1, '0, '0, 1'd0, 8'd1);
    drive_inputs(1'b1, '1, 1'h1, 1'h1, 8'd0);
    check_outputs_known("test 16");

    // ---------------- Test 17: toggle control inputs ----------------
    test_num = test_num + 1;
    drive_inputs(1'h1, 2'h1, 1'b0, 1'b1, 8'hf7);
    drive_inputs(1'd0, 2'h2, 1'b1, 1'b0, 8'h40);
    drive_inputs(1'b0, 2'h1, 1'h1, 1'b1, 8'h8);
    drive_inputs(1'b1, 2'h1, 1'h1, 1'h1, 8'hf7);
    drive_inputs('1, 2'h1, 1'h1, 1'b0, '0);
    drive_inputs(1'b0, 2'd0, '0, 1'b1, '1);
    drive_inputs(1'b1, 2'd1, 1'b1, 1'h1, 8'h55);
    drive_inputs(1'h1, 2'h0, 1'b1, 1'h1, '1);
    drive_inputs(1'b0, 2'h1, 1'h1, 1'b1, 8'h9c);
    drive_inputs(1'h1, '1, 1'b1, 1'h1, 8'h0);
    repeat (6) begin
      for (int k = 0; k < 2; k++) drive_inputs($urandom % 2, 2'($urandom), $urandom_range(0, 1), $urandom_range(0, 1), 8'($urandom));
    end
    check_outputs_known("test 17");

    // ---------------- Test 18: alternating pattern ----------------
    test_num = test_num + 1;
    drive_inputs(1'b0, 2'h3, '0, '0, 8'h1f);
    drive_inputs(1'b0, 2'd0, 1'b1, 1'b1, 8'h8);
    drive_inputs(1'd0, 2'd1, 1'h1, 1'b1, 8'd1);
    drive_inputs(1'h1, 2'h1, 1'h1, 1'h1, 8'd1);
    drive_inputs(1'h1, 2'h3, '1, 1'h1, 8'h55);
    drive_inputs(1'h1, '1, 1'h1, '1, 8'd1);
    drive_inputs(1'b0, 2'h0, '1, 1'h1, 8'h4f);
    drive_inputs(1'b0, 2'h3, 1'h1, 1'b0, '0);
    drive_inputs(1'd0, 2'd0, 1'b0, 1'h1, 8'h88);
    check_outputs_known("test 18");

    // ---------------- Test 19: toggle control inputs ----------------
    test_num = test_num + 1;
    drive_inputs(1'h1, 2'h0, 1'd0, 1'b1, 8'hff);
    drive_inputs(1'h1, 2'h1, 1'b1, 1'b0, 8'h40);
    drive_inputs('1, 2'h2, 1'b1, 1'b1, 8'd1);
    drive_inputs(1'd0, '1, 1'b0, 1'b1, 8'hff);
    drive_inputs(1'b1, 2'h1, 1'b1, 1'h1, '1);
    drive_inputs(1'b0, 2'h3, 1'h0, '0, 8'd1);
    drive_inputs(1'd0, 2'd1, 1'h1, 1'b1, 8'h55);
    drive_inputs(1'b1, 2'h2, 1'd0, 1'b1, 8'h40);
    drive_inputs(1'b1, 2'h1, 1'b1, '1, 8'd1);
    drive_inputs(1'h0, '0, 1'b1, 1'b0, 8'h20);
    drive_inputs(1'b0, 2'h0, 1'h1, 1'h1, 8'h0);
    drive_inputs(1'h0, 2'h3, 1'h1, 1'h1, '1);
    check_outputs_known("test 19");

    // ---------------- Test 20: alternating pattern ----------------
    test_num = test_num + 1;
    drive_inputs(1'h1, '1, 1'b1, 1'h0, 8'h20);
    drive_inputs(1'h0, 2'd1, 1'b1, 1'b1, 8'hff);
    drive_inputs(1'b1, '0, 1'b1, '0, 8'h0);
    drive_inputs('1, 2'd1, 1'b0, 1'b0, 8'hc9);
    drive_inputs(1'b1, 2'h1, 1'h1, 1'h1, 8'hff);
    repeat (2) begin
      for (int k = 0; k < 6; k++) drive_inputs($urandom % 2, k, $urandom % 2, $urandom % 2, 8'($urandom));
    end
    check_outputs_known("test 20");

    // ---------------- Test 21: alternating pattern ----------------
    test_num = test_num + 1;
    drive_inputs(1'b0, 2'd1, 1'b0, 1'h1, '0);
    drive_inputs(1'b0, 2'h2, 1'h0, 1'b0, 8'h4);
    drive_inputs(1'h1, 2'h1, 1'h1, 1'b0, 8'hed);
    drive_inputs(1'b1, 2'h0, 1'b1, 1'b1, '1);
    drive_inputs('0, 2'h2, 1'h1, '1, 8'd1);
    drive_inputs(1'h1, '0, 1'h1, 1'b1, 8'h55);
    drive_inputs(1'b1, 2'h1, 1'b1, '1, '1);
    drive_inputs(1'h1, 2'd1, 1'b0, '0, 8'd1);
    drive_inputs('0, 2'h3, 1'd0, '0, 8'h0);
    drive_inputs(1'h1, '1, 1'h1, 1'b1, 8'h6f);
    drive_inputs(1'h1, 2'h0, 1'b0, 1'b1, 8'h55);
    check_outputs_known("test 21");

    // Corner-value table
    begin
      logic [ 1:0] corners [6];
      corners = '{'0, 2'h3, 2'h1, 2'd1, 2'h1, 2'h2};
      foreach (corners[idx]) begin
        drive_inputs($urandom % 2, corners[idx], $urandom % 2, 1'($urandom), $random);
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on mode
    for (int i = 0; i < $bits(mode); i++) begin
      mode = '0;
      mode[i] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on par_in
    for (int n = 0; n < $bits(par_in); n++) begin
      par_in = '0;
      par_in[n] = 1'b1;
      @(posedge clk);
    end
    // Sweep mode with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 4; k++) begin
        mode = k;
        clear = $urandom % 2;
        dir = $urandom % 2;
        serial_in = $urandom % 2;
        par_in = 8'($urandom);
        @(posedge clk);
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
