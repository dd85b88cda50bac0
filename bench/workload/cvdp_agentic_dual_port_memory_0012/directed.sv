/*
 * tb_dual_port_memory.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the dual_port_memory module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module tb_dual_port_memory;

  // Parameters (defaults of the DUT)
  localparam DATA_WIDTH = 4;
  localparam ECC_WIDTH = 3;
  localparam ADDR_WIDTH = 5;
  localparam MEM_DEPTH = (1 << ADDR_WIDTH);

  localparam int CLK_PERIOD = 8;
  localparam int NUM_RANDOM = 200;

  // DUT inputs
  logic clk;
  logic rst_n;
  logic we;
  logic [ADDR_WIDTH-1:0] addr_a;
  logic [ADDR_WIDTH-1:0] addr_b;
  logic [DATA_WIDTH-1:0] data_in;

  // DUT outputs
  logic [DATA_WIDTH-1:0] data_out;
  logic ecc_error;

  // Device under test
  dual_port_memory #(
    .ECC_WIDTH(ECC_WIDTH),
    .ADDR_WIDTH(ADDR_WIDTH),
    .MEM_DEPTH(MEM_DEPTH)
  ) dut (
    .clk(clk),
    .rst_n(rst_n),
    .we(we),
    .addr_a(addr_a),
    .addr_b(addr_b),
    .data_in(data_in),
    .data_out(data_out),
    .ecc_error(ecc_error)
  );

  // Clock generation
  initial clk = 0;
  always #(CLK_PERIOD/2) clk = ~clk;

  integer pass_count = 0;
  integer fail_count = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic set_inputs(
    input logic we_v,
    input logic [ADDR_WIDTH-1:0] addr_a_v,
    input logic [ADDR_WIDTH-1:0] addr_b_v,
    input logic [DATA_WIDTH-1:0] data_in_v
  );
    begin
      we = we_v;
      addr_a = addr_a_v;
      addr_b = addr_b_v;
      data_in = data_in_v;
      @(posedge clk);
    end
  endtask

  // Record one check: a condition that must hold
  task automatic check(input bit ok, input string what);
    if (ok) begin
      pass_count = pass_count + 1;
      if (verbose) $display("PASS: %s", what);
    end else begin
      fail_count = fail_count + 1;
      $error("FAIL: %s at %0t", what, $time);
    end
  endtask

  task automatic check_outputs_known(input string where);
    check(!$isunknown(data_out), {where, ": data_out known"});
    check(!$isunknown(ecc_error), {where, ": ecc_error known"});
  endtask

  task automatic random_vectors(input int n);
    for (int i = 0; i < n; i++) begin
      set_inputs($urandom % 2, 5'($urandom), $random, 4'($urandom));
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 5);
    begin
      we = '0;
      addr_a = '0;
      addr_b = '0;
      data_in = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(data_out)) begin
        $error("[%0t] data_out is unknown: %b", $time, data_out);
        fail_count++;
      end
      if ($isunknown(ecc_error)) begin
        $error("[%0t] ecc_error is unknown: %b", $time, ecc_error);
        fail_count++;
      end
    end
  end

  localparam longint TIMEOUT_NS = 1_000_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
  end

  initial begin
    $display("Starting dual_port_memory directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // ---------------- Test 1: hold inputs stable ----------------
    test_num = test_num + 1;
    $display("Test %0d: hold inputs stable", test_num);
    set_inputs(1'b0, '0, 5'd1, 4'd1);
    set_inputs(1'h1, 5'he, 5'h12, 4'he);
    set_inputs(1'h1, 5'he, 5'h1b, 4'd0);
    set_inputs(1'b1, '1, 5'h4, 4'h0);
    set_inputs('1, 5'h2, '1, 4'h0);
    set_inputs('1, 5'h1f, 5'h2, 4'd1);
    set_inputs(1'h1, '1, 5'h15, '0);
    set_inputs(1'b0, 5'h15, 5'h19, 4'd1);
    set_inputs(1'h1, 5'h15, 5'h0, 4'd1);
    set_inputs(1'b1, 5'h15, 5'h7, 4'h1);
    set_inputs(1'h1, 5'h1f, 5'd1, 4'h1);
    check_outputs_known("test 1");

    // ---------------- Test 2: boundary values ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 5'h10, 5'd0, 4'hc);
    set_inputs(1'b0, 5'h1e, 5'd1, '1);
    set_inputs('0, 5'h8, 5'h15, '0);
    set_inputs('1, 5'd1, 5'he, 4'hf);
    set_inputs(1'h0, 5'h1f, 5'h3, 4'd1);
    set_inputs(1'h1, 5'h0, 5'h1e, 4'h5);
    repeat (5) begin
      for (int k = 0; k < 7; k++) set_inputs(1'($urandom), $urandom, k, $urandom);
    end
    check_outputs_known("test 2");

    // ---------------- Test 3: single bit set ----------------
    test_num = test_num + 1;
    $display("Test %0d: single bit set", test_num);
    set_inputs(1'h0, 5'h8, 5'h1, 4'hf);
    set_inputs(1'b0, 5'd1, 5'h1f, 4'd0);
    set_inputs(1'b0, 5'h0, 5'h0, 4'h8);
    set_inputs(1'b1, 5'h15, 5'h10, 4'h1);
    set_inputs(1'b0, 5'd1, 5'd0, 4'h7);
    set_inputs(1'h1, 5'h1f, 5'h1a, 4'd1);
    set_inputs(1'h1, 5'h15, '1, 4'ha);
    set_inputs(1'h0, 5'h0, 5'h1, 4'h4);
    check_outputs_known("test 3");

    // ---------------- Test 4: all ones ----------------
    test_num = test_num + 1;
    set_inputs(1'h0, '0, 5'h7, '1);
    set_inputs(1'b0, 5'h1a, 5'h1d, 4'h2);
    set_inputs(1'h1, '1, 5'h15, 4'hf);
    set_inputs(1'b1, 5'h15, 5'd1, 4'h5);
    set_inputs(1'b0, 5'd0, 5'd1, 4'h1);
    set_inputs(1'h1, 5'h0, 5'h17, '0);
    set_inputs(1'd0, 5'h15, '1, 4'h6);
    set_inputs(1'h1, 5'h10, 5'd1, 4'hf);
    set_inputs(1'h1, 5'd1, 5'h8, 4'd1);
    set_inputs('1, 5'h1f, 5'h15, 4'h0);
    check_outputs_known("test 4");

    // ---------------- Test 5: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 5'd1, 5'd1, 4'h6);
    set_inputs(1'h1, 5'h15, 5'h1f, 4'h0);
    set_inputs('1, 5'h3, 5'h4, 4'h5);
    set_inputs(1'd0, 5'h4, 5'h15, 4'h5);
    set_inputs('1, 5'hd, 5'h1f, 4'hf);
    set_inputs(1'h1, 5'h15, '1, '1);
    set_inputs(1'h1, '1, 5'h15, 4'd1);
    set_inputs(1'b1, 5'h4, 5'h3, 4'h2);
    set_inputs(1'd0, 5'ha, 5'h1f, 4'hc);
    set_inputs(1'b1, 5'h15, 5'h1d, 4'ha);
    set_inputs(1'b0, 5'h15, 5'h1f, 4'hb);
    set_inputs(1'b0, 5'h1a, 5'h15, '1);
    check_outputs_known("test 5");

    // ---------------- Test 6: hold inputs stable ----------------
    test_num = test_num + 1;
    $display("Test %0d: hold inputs stable", test_num);
    set_inputs(1'h1, 5'h8, '1, 4'hf);
    set_inputs(1'b0, 5'h0, 5'h1f, '1);
    set_inputs(1'b1, 5'h18, 5'h15, 4'h5);
    set_inputs(1'b1, 5'h13, 5'h15, 4'h5);
    set_inputs(1'b1, 5'h15, 5'h0, 4'h4);
    set_inputs(1'b1, 5'h1f, 5'h2, 4'hf);
    set_inputs(1'h1, 5'h1c, 5'h1, 4'd1);
    set_inputs(1'd0, 5'd0, 5'd1, 4'hb);
    set_inputs(1'b1, 5'h19, 5'h15, 4'h0);
    set_inputs(1'd0, '1, 5'he, 4'd0);
    set_inputs(1'b0, 5'h15, 5'h1f, 4'h5);
    set_inputs(1'h1, '1, 5'h15, 4'h5);
    check_outputs_known("test 6");

    // ---------------- Test 7: boundary values ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 5'he, 5'd1, 4'hf);
    set_inputs(1'h1, 5'd1, 5'h1f, 4'h5);
    set_inputs(1'h1, 5'h1f, 5'd1, 4'hf);
    set_inputs(1'h1, 5'h10, 5'h1f, 4'h5);
    set_inputs(1'h1, 5'h3, 5'h11, '0);
    set_inputs(1'h1, 5'h7, 5'h2, 4'h9);
    set_inputs(1'b0, 5'h0, 5'h14, 4'h4);
    set_inputs(1'h1, '0, 5'h1a, 4'h6);
    set_inputs(1'h1, 5'h19, 5'ha, 4'h7);
    repeat (5) begin
      for (int k = 0; k < 8; k++) set_inputs($urandom % 2, $urandom_range(0, 31), k, $urandom_range(0, 15));
    end
    check_outputs_known("test 7");

    // ---------------- Test 8: toggle control inputs ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, '1, 5'h1f, 4'd1);
    set_inputs(1'b1, 5'd1, 5'h10, 4'd1);
    set_inputs('1, 5'h0, 5'h2, '0);
    set_inputs(1'h1, 5'h4, 5'h8, 4'd1);
    set_inputs(1'b0, 5'd1, 5'h5, '1);
    set_inputs(1'h1, 5'd1, 5'd1, '1);
    set_inputs('1, 5'h15, 5'h15, 4'h4);
    set_inputs(1'b1, 5'h4, 5'h7, 4'h6);
    set_inputs(1'b0, 5'h8, 5'hc, 4'h4);
    set_inputs(1'h1, 5'h17, 5'h2, '0);
    set_inputs(1'b1, 5'h1, '1, 4'h6);
    repeat (5) begin
      for (int k = 0; k < 2; k++) set_inputs($urandom_range(0, 1), $urandom, k, k);
    end
    check_outputs_known("test 8");

    // ---------------- Test 9: single bit set ----------------
    test_num = test_num + 1;
    $display("Test %0d: single bit set", test_num);
    set_inputs(1'h1, 5'h1f, 5'd0, 4'hc);
    set_inputs(1'b1, 5'h1e, 5'h10, 4'h5);
    set_inputs(1'b1, '1, '1, '0);
    set_inputs(1'd0, 5'h15, 5'h1, 4'd1);
    set_inputs(1'h1, 5'h8, 5'h0, 4'h1);
    set_inputs(1'b1, 5'h6, 5'h1f, 4'h0);
    repeat (3) begin
      for (int k = 0; k < 6; k++) set_inputs(1'($urandom), $urandom, k, $urandom);
    end
    check_outputs_known("test 9");

    // ---------------- Test 10: toggle control inputs ----------------
    test_num = test_num + 1;
    $display("Test %0d: toggle control inputs", test_num);
    set_inputs(1'b1, '1, 5'h15, 4'd1);
    set_inputs(1'h1, 5'h14, 5'h15, 4'h5);
    set_inputs(1'b1, 5'h15, 5'h0, 4'h4);
    set_inputs(1'h1, 5'd1, 5'h2, 4'h5);
    set_inputs(1'b0, 5'h0, 5'h1f, 4'd1);
    repeat (5) begin
      for (int k = 0; k < 4; k++) set_inputs(1'($urandom), $random, 5'($urandom), $random);
    end
    check_outputs_known("test 10");

    // ---------------- Test 11: all zeros ----------------
    test_num = test_num + 1;
    $display("Test %0d: all zeros", test_num);
    set_inputs(1'b1, 5'h6, '1, 4'h5);
    set_inputs(1'b1, 5'd1, 5'h1f, 4'h8);
    set_inputs(1'b1, 5'h2, 5'h1, 4'h5);
    set_inputs(1'b1, 5'h14, 5'h5, 4'h1);
    set_inputs(1'b1, '1, 5'hf, 4'h4);
    repeat (3) begin
      for (int k = 0; k < 3; k++) set_inputs($urandom % 2, 5'($urandom), k, k);
    end
    check_outputs_known("test 11");

    // ---------------- Test 12: toggle control inputs ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 5'h10, 5'h1f, 4'ha);
    set_inputs(1'b1, 5'h0, 5'h1b, 4'h5);
    set_inputs(1'h1, 5'h1, 5'h2, 4'ha);
    set_inputs(1'b1, 5'h1f, 5'h1, 4'h5);
    set_inputs(1'b0, 5'h1f, 5'd1, 4'h3);
    check_outputs_known("test 12");

    // ---------------- Test 13: random values ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 5'h10, 5'h15, '1);
    set_inputs(1'h1, 5'h4, 5'd1, '1);
    set_inputs('1, 5'h15, 5'h6, 4'd1);
    set_inputs('1, 5'd1, '1, 4'd0);
    set_inputs(1'b0, 5'd1, 5'h18, 4'h5);
    set_inputs(1'd0, 5'd1, 5'he, 4'h1);
    set_inputs(1'b0, 5'h3, 5'ha, 4'h3);
    repeat (4) begin
      for (int k = 0; k < 5; k++) set_inputs($urandom % 2, k, k, $urandom_range(0, 15));
    end
    check_outputs_known("test 13");

    // ---------------- Test 14: all ones ----------------
    test_num = test_num + 1;
    set_inputs('0, 5'd1, 5'h10, '0);
    set_inputs(1'h0, 5'hd, 5'h15, 4'h0);
    set_inputs(1'h1, 5'h10, 5'd1, 4'd1);
    set_inputs(1'b1, 5'd1, 5'h11, 4'h8);
    set_inputs(1'b1, 5'h1c, 5'd1, 4'hf);
    set_inputs(1'h1, 5'd1, 5'h6, 4'ha);
    set_inputs(1'b1, '0, 5'h10, 4'd1);
    set_inputs(1'h1, 5'h15, 5'd1, '1);
    set_inputs(1'b1, 5'd0, 5'h15, 4'd1);
    repeat (3) begin
      for (int k = 0; k < 6; k++) set_inputs(1'($urandom), k, $urandom, 4'($urandom));
    end
    check_outputs_known("test 14");

    // ---------------- Test 15: alternating pattern ----------------
    test_num = test_num + 1;
    $display("Test %0d: alternating pattern", test_num);
    set_inputs('0, 5'h1f, 5'h2, '0);
    set_inputs(1'b1, '1, 5'h0, 4'd1);
    set_inputs(1'h1, 5'h15, '1, 4'h1);
    set_inputs(1'h1, 5'h18, 5'd1, 4'h5);
    set_inputs(1'h1, 5'h15, 5'd1, 4'h0);
    set_inputs(1'b1, 5'h4, 5'hf, 4'h1);
    set_inputs(1'h1, 5'd1, 5'h1f, 4'h7);
    check_outputs_known("test 15");

    // ---------------- Test 16: hold inputs stable ----------------
    test_num = test_num + 1;
    $display("Test %0d: hold inputs stable", test_num);
    set_inputs(1'b0, 5'h15, 5'h17, 4'hd);
    set_inputs(1'b1, 5'h2, 5'h1, 4'ha);
    set_inputs(1'b1, 5'h10, 5'h18, 4'hf);
    set_inputs(1'h1, 5'h0, '1, 4'h5);
    set_inputs(1'b1, 5'h8, 5'h16, 4'h4);
    set_inputs(1'b1, '1, 5'h2, 4'h0);
    set_inputs(1'h1, 5'h1a, 5'he, 4'he);
    repeat (2) begin
      for (int k = 0; k < 3; k++) set_inputs($urandom_range(0, 1), k, k, k);
    end
    check_outputs_known("test 16");

    // ---------------- Test 17: all ones ----------------
    test_num = test_num + 1;
    $display("Test %0d: all ones", test_num);
    set_inputs(1'b1, 5'h4, 5'h15, 4'h2);
    set_inputs(1'h1, 5'h15, '1, 4'hf);
    set_inputs('0, '0, 5'h1f, 4'h5);
    set_inputs(1'h1, 5'h5, 5'd1, 4'hf);
    set_inputs(1'b1, 5'h0, '0, 4'd1);
    set_inputs(1'b1, 5'h2, 5'h15, 4'd1);
    set_inputs(1'b0, '0, 5'ha, 4'd1);
    repeat (6) begin
      for (int k = 0; k < 7; k++) set_inputs(1'($urandom), k, k, k);
    end
    check_outputs_known("test 17");

    // ---------------- Test 18: all ones ----------------
    test_num = test_num + 1;
    set_inputs(1'b0, '1, 5'h1, 4'd1);
    set_inputs('1, 5'h10, 5'h16, 4'h4);
    set_inputs(1'h0, 5'h15, 5'h15, 4'ha);
    set_inputs(1'b1, 5'h1f, 5'h9, 4'hf);
    set_inputs('0, 5'd1, 5'hd, 4'h0);
    set_inputs(1'h0, 5'h10, 5'h2, 4'h9);
    set_inputs(1'h1, 5'h15, 5'h0, 4'd1);
    check_outputs_known("test 18");

    // Corner-value table
    begin
      logic [ADDR_WIDTH-1:0] corners [6];
      corners = '{'0, '1, 5'h15, 5'd1, 5'h1f, 5'h4};
      foreach (corners[idx]) begin
        set_inputs(1'($urandom), corners[idx], $urandom_range(0, 31), $random);
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on addr_a
    for (int i = 0; i < $bits(addr_a); i++) begin
      addr_a = '0;
      addr_a[i] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on addr_b
    for (int bit_idx = 0; bit_idx < $bits(addr_b); bit_idx++) begin
      addr_b = '0;
      addr_b[bit_idx] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on data_in
    for (int i = 0; i < $bits(data_in); i++) begin
      data_in = '0;
      data_in[i] = 1'b1;
      @(posedge clk);
    end
    // Sweep addr_a with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 32; k++) begin
        addr_a = k;
        we = $urandom % 2;
        addr_b = $urandom_range(0, 31);
        data_in = $urandom;
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
    $display("  Failed    : %0d", fail_count);
    $display("==========================================");
    if (fail_count == 0) $display("ALL TESTS PASSED");
    $finish;
  end

endmodule
