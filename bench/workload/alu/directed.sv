// ==============================================================================
// Testbench for alu
// Directed testbench: numbered tests with explicit stimulus and checks
// Instance name "dut" is required by the coverage flow.
// ==============================================================================
`timescale 1ns/1ps

module tb;

  // Parameters (defaults of the DUT)
  localparam WIDTH = 8;

  localparam int NUM_RANDOM = 256;

  // DUT inputs
  logic [WIDTH-1:0] a;
  logic [WIDTH-1:0] b;
  logic [ 3:0] op;
  logic carry_in;

  // DUT outputs
  logic [WIDTH-1:0] result;
  logic zero;
  logic carry;
  logic overflow;
  logic negative;
  logic invalid_op;

  // Device under test
  alu dut (
    .a(a),
    .b(b),
    .op(op),
    .carry_in(carry_in),
    .result(result),
    .zero(zero),
    .carry(carry),
    .overflow(overflow),
    .negative(negative),
    .invalid_op(invalid_op)
  );

  integer pass_count = 0;
  integer num_fail = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic apply(
    input logic [WIDTH-1:0] a_v,
    input logic [WIDTH-1:0] b_v,
    input logic [ 3:0] op_v,
    input logic carry_in_v
  );
    begin
      a = a_v;
      b = b_v;
      op = op_v;
      carry_in = carry_in_v;
      #8;
    end
  endtask

  // Record one check: a condition that must hold
  task automatic check(input bit ok, input string what);
    if (ok) begin
      pass_count = pass_count + 1;
      if (verbose) $display("PASS: %s", what);
    end else begin
      num_fail = num_fail + 1;
      $error("FAIL: %s at %0t", what, $time);
    end
  endtask

  task automatic check_outputs_known(input string where);
    check(!$isunknown(result), {where, ": result known"});
    check(!$isunknown(zero), {where, ": zero known"});
    check(!$isunknown(carry), {where, ": carry known"});
    check(!$isunknown(overflow), {where, ": overflow known"});
    check(!$isunknown(negative), {where, ": negative known"});
    check(!$isunknown(invalid_op), {where, ": invalid_op known"});
  endtask

  task automatic random_vectors(input int n);
    for (int i = 0; i < n; i++) begin
      apply($random, $urandom, $random, $urandom_range(0, 1));
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 4);
    begin
      a = '0;
      b = '0;
      op = '0;
      carry_in = '0;
      #(cycles * 8);
      #1;
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(*) begin
    if (checks_enabled) begin
      if ($isunknown(result)) begin
        $error("[%0t] result is unknown: %b", $time, result);
        num_fail++;
      end
      if ($isunknown(zero)) begin
        $error("[%0t] zero is unknown: %b", $time, zero);
        num_fail++;
      end
      if ($isunknown(carry)) begin
        $error("[%0t] carry is unknown: %b", $time, carry);
        num_fail++;
      end
      if ($isunknown(overflow)) begin
        $error("[%0t] overflow is unknown: %b", $time, overflow);
        num_fail++;
      end
      if ($isunknown(negative)) begin
        $error("[%0t] negative is unknown: %b", $time, negative);
        num_fail++;
      end
      if ($isunknown(invalid_op)) begin
        $error("[%0t] invalid_op is unknown: %b", $time, invalid_op);
        num_fail++;
      end
    end
  end

  initial begin
    #(1_000_000) $error("Timeout! The test did not finish");
    $finish;
  end

  initial begin
    $display("Starting alu directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // ---------------- Test 1: back-to-back changes ----------------
    test_num = test_num + 1;
    apply(8'hff, 8'h41, 4'h5, 1'h1);
    apply(8'h55, 8'hff, 4'hd, '0);
    apply(8'h2, 8'h55, 4'd1, 1'h1);
    apply(8'd1, 8'h55, 4'd1, 1'd0);
    apply(8'd1, 8'd1, 4'h5, 1'd0);
    apply(8'h55, 8'h55, 4'h5, 1'b1);
    apply('0, 8'hb1, 4'hf, 1'b1);
    apply(8'd1, 8'h0, 4'd1, 1'b1);
    apply(8'h55, 8'hd1, 4'h1, 1'b1);
    apply(8'hf, 8'h55, 4'd1, 1'b1);
    apply(8'd1, '1, 4'd1, 1'h1);
    check_outputs_known("test 1");

    // ---------------- Test 2: toggle control inputs ----------------
    test_num = test_num + 1;
    apply(8'd1, 8'h1, 4'h5, 1'h1);
    apply(8'd1, '1, 4'h8, 1'b1);
    apply('1, 8'h55, 4'hf, 1'd0);
    apply(8'h55, 8'h20, 4'h7, 1'd0);
    apply(8'h64, '0, 4'd1, 1'b1);
    apply(8'hcb, 8'hdd, 4'd0, '1);
    apply(8'd0, 8'd1, '0, 1'b0);
    check_outputs_known("test 2");

    // ---------------- Test 3: single bit set ----------------
    test_num = test_num + 1;
    apply(8'h55, 8'h8, 4'h4, 1'b1);
    apply(8'h20, 8'd1, 4'hd, 1'b0);
    apply(8'hbe, 8'h42, 4'h8, 1'b0);
    apply(8'h0, 8'h27, 4'h2, 1'b1);
    apply(8'h4b, 8'h55, 4'h6, 1'b0);
    apply(8'h55, 8'h0, 4'd1, 1'b1);
    apply(8'h10, 8'hff, 4'h2, '1);
    check_outputs_known("test 3");

    // ---------------- Test 4: boundary values ----------------
    test_num = test_num + 1;
    apply(8'hff, 8'h17, 4'h5, 1'h1);
    apply(8'heb, 8'ha, 4'hb, '1);
    apply(8'd0, 8'd0, 4'h8, '0);
    apply(8'he5, 8'h90, 4'he, 1'h0);
    apply('1, 8'h44, 4'h9, 1'h0);
    apply(8'h0, 8'hbf, '1, 1'h1);
    apply(8'd0, '1, '1, '1);
    apply(8'h55, 8'd1, '1, 1'b0);
    apply(8'd1, 8'd0, 4'd1, 1'h1);
    repeat (3) begin
      for (int k = 0; k < 4; k++) apply($random, k, $urandom_range(0, 15), $urandom_range(0, 1));
    end
    check_outputs_known("test 4");

    // ---------------- Test 5: all ones ----------------
    test_num = test_num + 1;
    $display("Test %0d: all ones", test_num);
    apply(8'had, 8'hff, 4'he, 1'b0);
    apply(8'h40, '0, 4'd0, '1);
    apply(8'd1, 8'he4, '0, 1'h1);
    apply(8'h5b, 8'h0, '1, 1'b1);
    apply(8'hff, 8'h9a, 4'd0, 1'h1);
    apply(8'ha6, 8'he0, 4'h1, 1'h0);
    apply(8'h26, 8'd1, 4'h9, '0);
    apply(8'h20, 8'h2f, '1, 1'd0);
    apply(8'ha1, 8'd1, 4'hc, 1'b1);
    apply(8'h55, 8'h4f, 4'h1, 1'b1);
    apply('1, '1, 4'h4, 1'h1);
    check_outputs_known("test 5");

    // ---------------- Test 6: toggle control inputs ----------------
    test_num = test_num + 1;
    apply(8'hf5, 8'haa, 4'h0, 1'b0);
    apply(8'h30, 8'h3e, 4'hb, '1);
    apply('1, 8'h98, 4'h8, 1'b0);
    apply('0, 8'hc9, 4'h0, 1'h1);
    apply(8'h55, 8'h53, 4'd1, 1'h1);
    apply('1, 8'h40, 4'd1, 1'h1);
    apply(8'h0, 8'h54, 4'h4, '1);
    apply(8'd1, 8'hc6, 4'h2, 1'h1);
    apply(8'h8d, '0, 4'h1, 1'b1);
    apply(8'h0, 8'd0, 4'h4, 1'h1);
    apply(8'h55, 8'h40, 4'h0, 1'b1);
    check_outputs_known("test 6");

    // ---------------- Test 7: back-to-back changes ----------------
    test_num = test_num + 1;
    apply(8'h55, 8'h6a, 4'h2, 1'h1);
    apply(8'h10, 8'h55, 4'he, 1'b1);
    apply(8'h55, 8'hf8, 4'h2, 1'b1);
    apply(8'h4, 8'h40, '1, 1'h1);
    apply(8'h31, 8'h94, 4'hf, 1'h1);
    check_outputs_known("test 7");

    // ---------------- Test 8: random values ----------------
    test_num = test_num + 1;
    apply(8'd1, 8'h4, 4'h9, 1'h1);
    apply(8'hca, '1, 4'ha, '1);
    apply(8'h10, 8'hff, 4'd1, 1'b0);
    apply('0, '1, '1, 1'b0);
    apply(8'h0, 8'h55, 4'h9, '1);
    apply('1, 8'h90, 4'hf, 1'b1);
    apply(8'hf2, 8'h10, 4'h1, 1'h0);
    apply('0, '1, 4'd1, 1'b1);
    apply(8'h55, 8'h20, 4'h2, 1'b1);
    apply(8'h2, 8'h55, 4'ha, 1'b1);
    repeat (6) begin
      for (int k = 0; k < 5; k++) apply(k, k, k, $urandom % 2);
    end
    check_outputs_known("test 8");

    // ---------------- Test 9: boundary values ----------------
    test_num = test_num + 1;
    apply(8'hff, '1, 4'h5, '1);
    apply(8'h0, 8'h8, 4'h6, 1'h1);
    apply(8'h55, 8'h49, 4'hf, 1'h1);
    apply(8'h60, 8'hff, 4'hf, 1'h1);
    apply(8'h19, 8'h4, 4'h0, 1'b1);
    apply(8'h4, 8'd1, '0, '1);
    apply(8'h4, 8'h55, 4'h5, 1'h1);
    apply('1, 8'd1, 4'h6, 1'd0);
    repeat (4) begin
      for (int k = 0; k < 5; k++) apply(8'($urandom), $urandom, k, 1'($urandom));
    end
    check_outputs_known("test 9");

    // ---------------- Test 10: alternating pattern ----------------
    test_num = test_num + 1;
    apply('0, '1, 4'd1, '0);
    apply('1, 8'h55, 4'd1, 1'b0);
    apply(8'hac, 8'h19, 4'h0, 1'h1);
    apply(8'd1, 8'ha7, 4'hf, 1'h1);
    apply(8'h7a, 8'd1, '1, 1'b1);
    apply(8'd1, 8'h0, 4'hf, 1'h1);
    repeat (4) begin
      for (int k = 0; k < 7; k++) apply($random, $random, $random, $urandom % 2);
    end
    check_outputs_known("test 10");

    // ---------------- Test 11: alternating pattern ----------------
    test_num = test_num + 1;
    apply(8'h55, 8'd0, 4'hf, 1'h1);
    apply(8'd1, 8'h55, 4'd1, 1'b0);
    apply(8'h55, 8'h8, 4'h6, '0);
    apply(8'd0, 8'd0, 4'h2, 1'b0);
    apply(8'd1, 8'd1, 4'd1, 1'h1);
    apply(8'd1, 8'h8a, 4'd1, 1'd0);
    apply(8'd1, 8'h55, 4'hf, 1'b1);
    apply(8'h55, 8'h9e, 4'h1, 1'h1);
    repeat (4) begin
      for (int k = 0; k < 7; k++) apply(k, 8'($urandom), k, $urandom_range(0, 1));
    end
    check_outputs_known("test 11");

    // ---------------- Test 12: all ones ----------------
    test_num = test_num + 1;
    apply(8'he3, '0, 4'h0, 1'b1);
    apply(8'h55, 8'h38, 4'hb, 1'b1);
    apply(8'h2, 8'd1, 4'd1, 1'h1);
    apply(8'h33, 8'ha8, 4'h5, 1'b0);
    apply(8'h10, 8'hff, 4'hf, 1'b0);
    apply('0, 8'h8, 4'd1, 1'h1);
    apply(8'h76, 8'hf8, 4'hf, 1'h1);
    apply(8'h20, '0, 4'h5, 1'h1);
    apply(8'h55, 8'h0, 4'h6, 1'd0);
    apply(8'd1, 8'hff, 4'h5, 1'h1);
    check_outputs_known("test 12");

    // ---------------- Test 13: maximum on first operand ----------------
    test_num = test_num + 1;
    apply(8'h6b, 8'd1, 4'h4, 1'b1);
    apply('1, 8'h53, 4'h3, 1'b0);
    apply(8'd1, 8'hdb, 4'h4, 1'h1);
    apply(8'd1, 8'h62, 4'h4, 1'b1);
    apply('1, 8'h55, 4'h5, 1'b0);
    apply(8'he1, '1, 4'h3, 1'd0);
    apply(8'h5e, 8'h2, '1, 1'h1);
    apply(8'h55, 8'h55, 4'h9, 1'b1);
    apply(8'd1, 8'd1, 4'h5, 1'h1);
    apply(8'd1, 8'd1, 4'd1, 1'h1);
    apply(8'hb, 8'h1, 4'h8, 1'h1);
    apply(8'h55, 8'h2b, 4'h5, 1'h1);
    repeat (4) begin
      for (int k = 0; k < 5; k++) apply(k, k, $urandom, 1'($urandom));
    end
    check_outputs_known("test 13");

    // ---------------- Test 14: all ones ----------------
    test_num = test_num + 1;
    apply(8'h4, 8'h55, 4'd0, '1);
    apply(8'd1, '0, '0, 1'b1);
    apply(8'd1, '1, 4'hf, 1'h0);
    apply(8'ha8, 8'h0, 4'h5, 1'b1);
    apply(8'hf8, 8'd1, 4'd1, 1'h1);
    apply(8'h20, 8'd0, 4'hc, 1'b1);
    apply(8'h40, 8'h44, 4'h0, 1'h1);
    apply('0, 8'h55, 4'h0, 1'b0);
    apply(8'h55, 8'h7e, 4'd1, 1'h1);
    apply(8'h97, 8'h55, 4'h2, 1'h1);
    apply(8'h9e, 8'h10, 4'h2, '1);
    check_outputs_known("test 14");

    // ---------------- Test 15: maximum on first operand ----------------
    test_num = test_num + 1;
    apply(8'hff, 8'h7b, 4'h8, 1'b1);
    apply(8'h0, 8'h89, 4'h8, 1'h1);
    apply(8'hc5, 8'd1, 4'h6, 1'b1);
    apply(8'h5, 8'h73, 4'h5, 1'h1);
    apply(8'd1, 8'h72, 4'h5, 1'h1);
    check_outputs_known("test 15");

    // ---------------- Test 16: alternating pattern ----------------
    test_num = test_num + 1;
    $display("Test %0d: alternating pattern", test_num);
    apply(8'h55, 8'h1, '1, 1'b0);
    apply(8'h86, 8'h0, 4'h2, 1'd0);
    apply(8'hff, '1, 4'h8, '1);
    apply(8'hfc, 8'h39, 4'h4, 1'h1);
    apply(8'h64, 8'h36, 4'h5, 1'h1);
    apply(8'h25, 8'd1, 4'hd, 1'h1);
    apply(8'hff, '1, 4'hf, 1'b1);
    apply(8'hbc, 8'd0, '1, 1'b0);
    apply(8'hcd, 8'h5a, '0, 1'h1);
    apply(8'h55, 8'd1, '0, 1'b1);
    check_outputs_known("test 16");

    // ---------------- Test 17: hold inputs stable ----------------
    test_num = test_num + 1;
    apply('1, 8'd1, 4'hf, 1'b1);
    apply(8'h40, 8'h4, 4'hf, 1'h1);
    apply(8'd1, '1, 4'h1, 1'b1);
    apply(8'd1, 8'd1, 4'h5, 1'b0);
    apply('1, 8'd1, 4'd1, 1'b1);
    apply('1, 8'h6f, 4'ha, 1'b1);
    apply(8'h0, 8'h55, 4'hf, 1'h1);
    apply(8'h80, 8'h8, 4'd0, 1'h1);
    apply(8'h31, 8'h50, 4'hb, 1'b1);
    repeat (5) begin
      for (int k = 0; k < 2; k++) apply($urandom_range(0, 255), $random, k, 1'($urandom));
    end
    check_outputs_known("test 17");

    // ---------------- Test 18: back-to-back changes ----------------
    test_num = test_num + 1;
    $display("Test %0d: back-to-back changes", test_num);
    apply(8'd0, '1, 4'd1, 1'h1);
    apply(8'hff, '1, 4'hf, 1'b1);
    apply(8'd1, 8'hdb, 4'h5, 1'd0);
    apply(8'h43, 8'h8, 4'h1, 1'b1);
    apply(8'hba, 8'd0, 4'd1, 1'b1);
    check_outputs_known("test 18");

    // ---------------- Test 19: single bit set ----------------
    test_num = test_num + 1;
    apply(8'h55, 8'h53, 4'hb, 1'b1);
    apply(8'h55, 8'h38, 4'd1, 1'h1);
    apply(8'hf1, 8'h15, 4'd1, 1'b1);
    apply(8'he9, 8'h1a, 4'hf, 1'b1);
    apply(8'hc3, 8'h40, 4'h5, 1'b1);
    apply(8'h63, 8'h80, '1, 1'h1);
    apply(8'd0, '0, 4'h0, 1'd0);
    apply(8'hfa, 8'hd, 4'hd, 1'h1);
    apply(8'd1, 8'h10, 4'hf, 1'h1);
    apply(8'd1, '0, 4'hf, 1'h1);
    apply(8'h55, 8'h55, 4'd1, 1'h1);
    apply(8'h55, 8'd0, 4'h9, 1'b0);
    check_outputs_known("test 19");

    // ---------------- Test 20: maximum on first operand ----------------
    test_num = test_num + 1;
    apply('1, 8'h39, 4'h8, 1'b0);
    apply(8'h55, '0, 4'd1, 1'h1);
    apply(8'h26, 8'h10, 4'h5, 1'b1);
    apply(8'h8, 8'd1, 4'h1, 1'h0);
    apply(8'h2, 8'h1, 4'd1, 1'h1);
    apply(8'hbe, 8'hff, 4'h5, 1'h0);
    check_outputs_known("test 20");

    // ---------------- Test 21: back-to-back changes ----------------
    test_num = test_num + 1;
    apply(8'd1, 8'h2, 4'hf, '1);
    apply(8'h0, 8'd0, 4'hf, '0);
    apply(8'd0, 8'hc6, 4'ha, 1'h1);
    apply(8'h55, 8'h55, 4'h5, 1'b1);
    apply(8'h40, 8'h8, 4'h0, 1'd0);
    apply(8'h4, 8'hef, '0, 1'h1);
    apply(8'h55, 8'h48, 4'h5, 1'h1);
    apply(8'd1, 8'h4, 4'h5, 1'b1);
    check_outputs_known("test 21");

    // ---------------- Test 22: maximum on first operand ----------------
    test_num = test_num + 1;
    apply(8'h3a, '0, 4'h2, 1'h1);
    apply(8'h8, 8'd1, 4'h5, '1);
    apply('1, 8'h2c, 4'hc, 1'b0);
    apply(8'h80, 8'd1, 4'h0, 1'b0);
    apply(8'd0, 8'd1, 4'h0, 1'h1);
    apply('1, 8'h55, 4'h5, 1'b1);
    apply(8'he2, 8'h55, 4'hb, 1'b1);
    check_outputs_known("test 22");

    // ---------------- Test 23: random values ----------------
    test_num = test_num + 1;
    apply(8'h8f, '1, 4'hf, 1'h1);
    apply(8'hc2, 8'hff, 4'h1, 1'b1);
    apply(8'hff, 8'h44, 4'hd, 1'h1);
    apply('0, 8'd0, 4'hb, 1'b0);
    apply('0, 8'h55, 4'h5, 1'b0);
    apply('1, 8'hae, 4'h1, '1);
    apply(8'h0, 8'h89, 4'hf, 1'd0);
    apply('1, 8'h2, 4'h2, 1'b0);
    apply(8'd1, 8'h55, 4'hf, 1'b1);
    apply('0, 8'd1, 4'h1, 1'd0);
    check_outputs_known("test 23");

    // ---------------- Test 24: alternating pattern ----------------
    test_num = test_num + 1;
    apply(8'd1, 8'd1, 4'h1, '0);
    apply(8'd1, 8'h55, 4'h4, 1'h1);
    apply(8'h7c, 8'h7c, 4'h2, 1'h1);
    apply(8'd1, 8'h55, 4'h2, '1);
    apply('1, 8'h0, 4'h4, 1'h1);
    apply(8'h55, '0, '1, 1'b0);
    apply(8'h83, 8'd1, 4'ha, 1'h1);
    check_outputs_known("test 24");

    // ---------------- Test 25: toggle control inputs ----------------
    test_num = test_num + 1;
    $display("Test %0d: toggle control inputs", test_num);
    apply(8'h0, 8'h55, 4'h5, '0);
    apply(8'd1, 8'hd4, '1, 1'h1);
    apply(8'hff, 8'h2f, 4'd1, 1'b1);
    apply(8'h0, 8'd0, 4'd0, 1'h1);
    apply(8'h55, 8'd0, 4'h8, 1'h1);
    apply(8'h20, 8'd1, 4'h2, 1'h1);
    apply(8'h55, 8'hb2, 4'd1, '0);
    apply('1, 8'h93, '1, 1'b0);
    apply(8'h55, '1, 4'd0, 1'h1);
    apply(8'h10, 8'h55, 4'h5, 1'b1);
    apply('1, 8'he, 4'h4, 1'b1);
    apply(8'h0, '1, 4'h8, '0);
    repeat (2) begin
      for (int k = 0; k < 5; k++) apply($urandom, k, 4'($urandom), $urandom_range(0, 1));
    end
    check_outputs_known("test 25");

    // ---------------- Test 26: hold inputs stable ----------------
    test_num = test_num + 1;
    apply(8'h1, 8'h55, 4'h1, 1'b1);
    apply(8'h0, 8'd1, 4'h0, 1'b1);
    apply(8'd1, 8'hff, 4'h0, 1'h1);
    apply(8'hf2, 8'h1c, '1, 1'b0);
    apply(8'h55, 8'd1, 4'd1, '0);
    apply('1, '1, 4'h9, 1'b1);
    apply(8'h66, 8'h2e, 4'h5, 1'b0);
    apply(8'h0, 8'h7c, 4'h5, 1'h1);
    apply(8'h20, 8'hd9, 4'd1, 1'b0);
    check_outputs_known("test 26");

    // Corner-value table
    begin
      logic [WIDTH-1:0] corners [6];
      corners = '{'0, '1, 8'h55, 8'd1, 8'h9e, 8'h8};
      foreach (corners[idx]) begin
        apply(corners[idx], $random, $urandom, 1'($urandom));
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on a
    for (int i = 0; i < $bits(a); i++) begin
      a = '0;
      a[i] = 1'b1;
      #8;
    end
    // Walking ones on b
    for (int i = 0; i < $bits(b); i++) begin
      b = '0;
      b[i] = 1'b1;
      #8;
    end
    // Walking ones on op
    for (int bit_idx = 0; bit_idx < $bits(op); bit_idx++) begin
      op = '0;
      op[bit_idx] = 1'b1;
      #8;
    end
    // Sweep a with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 64; k++) begin
        a = k;
        b = $urandom_range(0, 255);
        op = 4'($urandom);
        carry_in = $urandom % 2;
        #8;
      end
    end
    // Random regression
    random_vectors(NUM_RANDOM);

    $display("==========================================");
    $display("  Tests run : %0d", test_num);
    $display("  Passed    : %0d", pass_count);
    $display("  Failed    : %0d", num_fail);
    $display("==========================================");
    if (num_fail == 0) $display("ALL TESTS PASSED");
    $finish;
  end

endmodule
