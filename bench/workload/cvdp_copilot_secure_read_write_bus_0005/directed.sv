/*
 * testbench.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the secure_read_write_bus_interface module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module testbench;

  // Parameters (defaults of the DUT)
  localparam p_configurable_key = 8'hAA;
  localparam p_data_width = 8;
  localparam p_addr_width = 8;

  localparam int NUM_RANDOM = 256;

  // DUT inputs
  logic i_reset_bar;
  logic [p_addr_width-1:0] i_addr;
  logic [p_data_width-1:0] i_data_in;
  logic [7:0] i_key_in;
  logic i_read_write_enable;
  logic i_capture_pulse;

  // DUT outputs
  logic [p_data_width-1:0] o_data_out;
  logic o_error;

  // Device under test
  secure_read_write_bus_interface dut (
    .i_addr(i_addr),
    .i_data_in(i_data_in),
    .i_key_in(i_key_in),
    .i_read_write_enable(i_read_write_enable),
    .i_capture_pulse(i_capture_pulse),
    .i_reset_bar(i_reset_bar),
    .o_data_out(o_data_out),
    .o_error(o_error)
  );

  integer pass_count = 0;
  integer num_fail = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic set_inputs(
    input logic [p_addr_width-1:0] i_addr_v,
    input logic [p_data_width-1:0] i_data_in_v,
    input logic [7:0] i_key_in_v,
    input logic i_read_write_enable_v,
    input logic i_capture_pulse_v
  );
    begin
      i_addr = i_addr_v;
      i_data_in = i_data_in_v;
      i_key_in = i_key_in_v;
      i_read_write_enable = i_read_write_enable_v;
      i_capture_pulse = i_capture_pulse_v;
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
    check(!$isunknown(o_data_out), {where, ": o_data_out known"});
    check(!$isunknown(o_error), {where, ": o_error known"});
  endtask

  task automatic random_vectors(input int n);
    for (int i = 0; i < n; i++) begin
      set_inputs($urandom, $random, $urandom, $urandom_range(0, 1), $urandom_range(0, 1));
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 3);
    begin
      i_addr = '0;
      i_data_in = '0;
      i_key_in = '0;
      i_read_write_enable = '0;
      i_capture_pulse = '0;
      i_reset_bar = 1'b0;
      #(cycles * 8);
      i_reset_bar = 1'b1;
      #1;
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(*) begin
    if (checks_enabled) begin
      if ($isunknown(o_data_out)) begin
        $error("[%0t] o_data_out is unknown: %b", $time, o_data_out);
        num_fail++;
      end
      if ($isunknown(o_error)) begin
        $error("[%0t] o_error is unknown: %b", $time, o_error);
        num_fail++;
      end
    end
  end

  initial begin
    #(10_000_000) $error("Timeout! The test did not finish");
    $finish;
  end

  initial begin
    $display("Starting secure_read_write_bus_interface directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // ---------------- Test 1: toggle control inputs ----------------
    test_num = test_num + 1;
    set_inputs(8'h55, 8'd1, 8'h9b, 1'b1, 1'b1);
    set_inputs('0, 8'd1, 8'h0, 1'b1, 1'b1);
    set_inputs(8'h20, 8'h5, 8'h3a, 1'b0, 1'h1);
    set_inputs(8'd0, 8'hff, '0, 1'h1, 1'b1);
    set_inputs(8'h20, 8'h33, 8'hff, 1'h1, 1'h1);
    set_inputs(8'hdb, '0, 8'h1, 1'b0, 1'b0);
    set_inputs(8'h10, 8'h1d, 8'h55, 1'h1, 1'b1);
    set_inputs(8'hff, '1, 8'hff, '1, 1'h1);
    set_inputs(8'h6a, 8'h8a, 8'd1, 1'h1, 1'h1);
    set_inputs(8'h29, 8'h55, 8'h55, '1, 1'b0);
    set_inputs(8'd1, 8'h55, 8'h55, 1'h0, 1'b1);
    set_inputs(8'd1, '1, 8'h55, 1'b1, 1'b0);
    check_outputs_known("test 1");

    // ---------------- Test 2: single bit set ----------------
    test_num = test_num + 1;
    $display("Test %0d: single bit set", test_num);
    set_inputs(8'hff, 8'hff, 8'h9d, 1'h1, 1'b1);
    set_inputs(8'd1, 8'h5e, 8'h55, 1'b1, '1);
    set_inputs(8'd1, '1, 8'd0, 1'h1, '0);
    set_inputs('1, '0, 8'h10, '0, 1'b1);
    set_inputs(8'h5c, 8'hff, 8'd1, 1'b1, 1'h1);
    set_inputs('1, 8'd1, 8'h2, 1'b0, 1'b1);
    set_inputs(8'd1, '1, 8'd1, 1'h1, 1'b1);
    set_inputs(8'd1, 8'h80, 8'hba, 1'b0, '0);
    set_inputs(8'h5c, 8'hed, 8'h80, 1'h1, 1'd0);
    set_inputs(8'h5c, 8'h4, 8'h55, 1'b0, 1'h1);
    set_inputs(8'h10, 8'h55, 8'h62, 1'b1, 1'd0);
    set_inputs(8'ha2, 8'hff, 8'd1, 1'h1, 1'h1);
    check_outputs_known("test 2");

    // ---------------- Test 3: toggle control inputs ----------------
    test_num = test_num + 1;
    set_inputs(8'hd1, 8'h55, '0, 1'b1, 1'b1);
    set_inputs(8'h55, 8'h37, 8'd1, 1'h1, 1'b1);
    set_inputs(8'd1, 8'h0, 8'h55, 1'b1, 1'b1);
    set_inputs(8'h55, 8'h4, 8'h4d, 1'h1, '1);
    set_inputs(8'd1, 8'h10, 8'h0, 1'h1, 1'h1);
    set_inputs(8'hff, 8'h20, 8'hff, 1'd0, 1'h1);
    set_inputs(8'd0, '1, '0, 1'b1, '0);
    set_inputs(8'h4, 8'h8, 8'hff, 1'd0, 1'h1);
    set_inputs(8'd1, 8'h55, 8'd1, 1'b1, 1'h1);
    set_inputs('1, 8'h1d, 8'd1, 1'b0, 1'b1);
    set_inputs(8'hc0, 8'h6d, 8'hff, 1'h1, 1'b0);
    check_outputs_known("test 3");

    // ---------------- Test 4: all zeros ----------------
    test_num = test_num + 1;
    set_inputs('1, 8'h55, 8'h55, 1'b1, 1'b0);
    set_inputs(8'h2, 8'd1, 8'h0, 1'b1, 1'h0);
    set_inputs(8'h55, 8'hc0, 8'h0, 1'b1, 1'b1);
    set_inputs(8'h55, 8'h2, 8'h8c, 1'h1, '0);
    set_inputs('1, 8'h0, 8'h0, 1'b1, 1'h1);
    set_inputs(8'd1, 8'd1, 8'h2c, 1'b1, 1'b1);
    set_inputs(8'hff, 8'h34, 8'hdd, '0, 1'h1);
    set_inputs(8'h76, 8'd1, 8'h80, 1'h1, 1'h1);
    set_inputs(8'he1, 8'd1, '0, 1'b0, 1'd0);
    set_inputs(8'hd2, 8'd0, 8'h8, 1'b1, 1'h1);
    set_inputs(8'd1, 8'h55, 8'hd, 1'b0, '1);
    set_inputs(8'hf8, '0, '0, 1'h1, 1'b1);
    check_outputs_known("test 4");

    // ---------------- Test 5: boundary values ----------------
    test_num = test_num + 1;
    set_inputs(8'd1, 8'h55, 8'h10, 1'b1, 1'b1);
    set_inputs(8'h40, 8'h6b, 8'd1, 1'h0, 1'h1);
    set_inputs(8'hcd, 8'h55, 8'd1, '1, 1'h1);
    set_inputs(8'h2, 8'h0, 8'd1, 1'b1, 1'b1);
    set_inputs(8'h80, '0, 8'd1, 1'b0, 1'h1);
    set_inputs(8'h55, 8'h55, 8'h58, 1'h1, 1'b1);
    set_inputs('1, 8'h15, 8'hf6, 1'h1, 1'b1);
    set_inputs(8'h34, 8'h85, 8'd0, 1'h1, 1'h1);
    set_inputs(8'hf8, 8'h0, '0, 1'h1, 1'b0);
    set_inputs(8'h55, 8'hff, 8'd0, 1'h1, 1'h1);
    set_inputs(8'h9d, '1, '0, 1'd0, '1);
    repeat (6) begin
      for (int k = 0; k < 5; k++) set_inputs(k, 8'($urandom), k, 1'($urandom), $urandom_range(0, 1));
    end
    check_outputs_known("test 5");

    // ---------------- Test 6: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(8'd1, 8'h55, 8'h10, 1'h1, 1'h1);
    set_inputs('0, 8'h5e, 8'h2, 1'h1, 1'h1);
    set_inputs('1, '0, 8'h7d, 1'h0, 1'b1);
    set_inputs('1, 8'hff, 8'h4, 1'h1, 1'b1);
    set_inputs(8'h0, 8'hc3, 8'hce, 1'h0, '1);
    set_inputs(8'h20, 8'd1, 8'd1, 1'b0, '0);
    set_inputs(8'd1, 8'd0, 8'h4b, 1'b0, 1'h1);
    set_inputs(8'd1, 8'hff, '1, 1'b1, 1'b1);
    set_inputs(8'h0, 8'h4, 8'd0, 1'b0, 1'b1);
    check_outputs_known("test 6");

    // ---------------- Test 7: all zeros ----------------
    test_num = test_num + 1;
    set_inputs('1, 8'h2, 8'h55, 1'b1, 1'b1);
    set_inputs(8'h69, 8'hff, 8'd1, '0, 1'b1);
    set_inputs(8'h0, 8'hff, 8'ha5, 1'b0, 1'd0);
    set_inputs(8'h55, '1, 8'h78, 1'h1, 1'h1);
    repeat (6) begin
      for (int k = 0; k < 6; k++) set_inputs(k, k, k, 1'($urandom), $urandom % 2);
    end
    check_outputs_known("test 7");

    // ---------------- Test 8: all ones ----------------
    test_num = test_num + 1;
    $display("Test %0d: all ones", test_num);
    set_inputs(8'd0, 8'd1, 8'h55, 1'h1, 1'h1);
    set_inputs(8'ha, 8'h22, 8'h55, 1'h1, 1'h1);
    set_inputs(8'h20, '1, 8'd1, '0, '0);
    set_inputs(8'hc8, 8'h20, 8'd0, 1'b1, 1'h1);
    set_inputs(8'h55, 8'hff, 8'h59, 1'b1, 1'h1);
    set_inputs(8'h8, 8'h33, 8'hff, 1'h1, 1'h1);
    set_inputs(8'h36, 8'h20, 8'h0, 1'h1, 1'h1);
    set_inputs(8'h27, 8'h55, 8'd0, '1, 1'b1);
    set_inputs('1, 8'hff, 8'd1, 1'h0, 1'b0);
    check_outputs_known("test 8");

    // ---------------- Test 9: boundary values ----------------
    test_num = test_num + 1;
    $display("Test %0d: boundary values", test_num);
    set_inputs(8'h0, 8'h55, 8'h0, 1'b1, 1'b0);
    set_inputs(8'hff, 8'h10, 8'd1, 1'b0, 1'h1);
    set_inputs(8'd1, 8'd1, '0, 1'd0, '1);
    set_inputs('0, 8'd1, 8'h27, 1'b1, 1'b0);
    set_inputs(8'h20, 8'hff, 8'd1, 1'b1, 1'b1);
    set_inputs(8'h8a, '0, 8'h55, 1'b1, 1'h0);
    set_inputs(8'd1, 8'hf9, 8'h55, 1'b1, 1'h1);
    check_outputs_known("test 9");

    // ---------------- Test 10: all ones ----------------
    test_num = test_num + 1;
    set_inputs(8'haa, 8'h2, 8'h55, 1'h1, 1'b1);
    set_inputs(8'hff, 8'h0, 8'hf2, 1'h1, 1'h1);
    set_inputs(8'h55, 8'd1, 8'd1, 1'h1, 1'b0);
    set_inputs(8'h97, '1, 8'h7, 1'b0, 1'h1);
    set_inputs(8'h0, 8'hc, 8'h0, 1'h0, 1'b0);
    set_inputs(8'h4, 8'hcf, 8'h55, 1'h1, '0);
    set_inputs(8'h55, 8'hed, 8'd1, 1'h1, 1'b1);
    set_inputs('1, 8'h40, 8'h3b, 1'b1, 1'b1);
    set_inputs(8'h0, '0, 8'h20, 1'b1, 1'b1);
    set_inputs(8'd1, 8'h10, 8'd1, 1'h1, 1'd0);
    set_inputs(8'hff, 8'd1, 8'h0, 1'h1, 1'b0);
    repeat (4) begin
      for (int k = 0; k < 7; k++) set_inputs($urandom, k, k, $urandom_range(0, 1), $urandom % 2);
    end
    check_outputs_known("test 10");

    // ---------------- Test 11: all ones ----------------
    test_num = test_num + 1;
    set_inputs(8'h55, 8'd1, 8'd1, 1'h0, 1'b1);
    set_inputs(8'h45, 8'h0, 8'hba, 1'b1, 1'b1);
    set_inputs(8'd1, 8'hff, 8'h55, 1'b1, 1'h1);
    set_inputs(8'hb, 8'd1, 8'ha7, 1'b1, 1'b1);
    set_inputs(8'd1, 8'hff, 8'd0, 1'b0, 1'b1);
    set_inputs(8'ha3, 8'd1, '1, 1'h1, 1'h1);
    set_inputs(8'd1, 8'h80, 8'd0, 1'b0, 1'b1);
    check_outputs_known("test 11");

    // ---------------- Test 12: boundary values ----------------
    test_num = test_num + 1;
    set_inputs(8'hc7, 8'h8, 8'h8, 1'b1, 1'h1);
    set_inputs(8'h20, 8'h95, '0, '1, 1'b1);
    set_inputs(8'd1, 8'hbd, '1, 1'h1, 1'b1);
    set_inputs(8'h8, 8'h19, 8'd1, 1'b0, 1'h1);
    set_inputs(8'h55, '1, '0, 1'h1, 1'b0);
    set_inputs('0, 8'd1, 8'd1, 1'h0, 1'b0);
    set_inputs(8'h83, 8'h55, 8'h43, 1'b1, 1'h1);
    set_inputs(8'h55, 8'hc5, 8'h8c, 1'b1, 1'h1);
    check_outputs_known("test 12");

    // ---------------- Test 13: maximum on first operand ----------------
    test_num = test_num + 1;
    set_inputs(8'h1, 8'hd0, '1, 1'h1, 1'd0);
    set_inputs(8'h40, 8'h55, '1, 1'h1, 1'b1);
    set_inputs(8'd0, 8'h10, 8'h20, 1'b1, 1'b1);
    set_inputs('1, '1, 8'd1, 1'h1, 1'h0);
    check_outputs_known("test 13");

    // ---------------- Test 14: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(8'h6b, '1, 8'h8, '1, 1'h1);
    set_inputs(8'hff, 8'h8e, 8'h10, 1'h1, 1'h1);
    set_inputs(8'h55, 8'd0, '1, 1'b1, 1'b0);
    set_inputs(8'd1, 8'h55, 8'd0, '0, 1'h0);
    set_inputs(8'd1, 8'hff, 8'hff, 1'b0, 1'h1);
    set_inputs(8'h8a, 8'd1, 8'hff, 1'h0, 1'b1);
    set_inputs(8'h2, 8'h55, 8'hbb, 1'h0, '1);
    set_inputs(8'hff, 8'd1, 8'd1, '1, '0);
    set_inputs(8'h3f, 8'h55, 8'h55, 1'b1, 1'b0);
    set_inputs(8'h1, 8'h4, 8'd1, 1'h1, 1'b1);
    set_inputs(8'hff, 8'hff, 8'h1, 1'b1, 1'h1);
    set_inputs(8'h40, 8'h55, 8'd0, 1'h1, 1'b1);
    check_outputs_known("test 14");

    // ---------------- Test 15: single bit set ----------------
    test_num = test_num + 1;
    $display("Test %0d: single bit set", test_num);
    set_inputs('0, 8'd1, 8'd0, 1'b1, '0);
    set_inputs(8'hc3, '1, 8'h8f, 1'b1, 1'b1);
    set_inputs(8'h55, 8'd1, 8'h8, 1'h1, 1'b1);
    set_inputs(8'h0, 8'd1, 8'd0, 1'b1, 1'b0);
    repeat (4) begin
      for (int k = 0; k < 5; k++) set_inputs(k, $urandom_range(0, 255), $urandom_range(0, 255), $urandom % 2, $urandom_range(0, 1));
    end
    check_outputs_known("test 15");

    // ---------------- Test 16: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(8'heb, 8'd1, 8'hf1, 1'h1, 1'h1);
    set_inputs(8'hf6, 8'h40, '1, 1'h1, 1'b0);
    set_inputs(8'h55, 8'hd8, 8'd1, 1'h1, 1'h1);
    set_inputs(8'h55, '1, 8'h68, 1'h1, '1);
    repeat (3) begin
      for (int k = 0; k < 7; k++) set_inputs($random, k, $random, $urandom % 2, $urandom_range(0, 1));
    end
    check_outputs_known("test 16");

    // ---------------- Test 17: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(8'd1, 8'h80, 8'hd5, 1'h1, 1'b1);
    set_inputs(8'h44, 8'h1, 8'd1, 1'h1, 1'b1);
    set_inputs('1, 8'h55, 8'h1, 1'b0, 1'b1);
    set_inputs(8'h2e, 8'hff, 8'd1, '0, '0);
    repeat (4) begin
      for (int k = 0; k < 4; k++) set_inputs($urandom_range(0, 255), k, k, $urandom % 2, $urandom_range(0, 1));
    end
    check_outputs_known("test 17");

    // ---------------- Test 18: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(8'd1, 8'h55, 8'd0, '0, '1);
    set_inputs(8'hcc, 8'd1, 8'h40, '0, 1'b1);
    set_inputs(8'h35, '1, 8'h55, 1'h1, 1'b1);
    set_inputs(8'd0, 8'd1, 8'hd5, 1'h1, 1'b1);
    set_inputs(8'hf6, 8'he1, '1, 1'h1, 1'b1);
    check_outputs_known("test 18");

    // ---------------- Test 19: back-to-back changes ----------------
    test_num = test_num + 1;
    set_inputs(8'hfb, '0, '1, 1'b0, 1'b0);
    set_inputs(8'd1, 8'hd2, 8'h55, 1'b1, '1);
    set_inputs(8'h56, 8'h55, 8'd1, '0, 1'h1);
    set_inputs(8'hf5, 8'hff, 8'ha2, 1'h1, 1'h1);
    set_inputs(8'hd0, '1, 8'h53, 1'h1, 1'h0);
    set_inputs(8'hff, 8'h93, 8'h0, 1'b1, 1'b1);
    set_inputs(8'hb4, 8'h55, '0, 1'b0, 1'h1);
    set_inputs('0, 8'h55, 8'h20, 1'b0, 1'b1);
    set_inputs('1, 8'h20, 8'd1, '1, 1'h1);
    set_inputs(8'h0, 8'h5, 8'h55, 1'h1, '1);
    check_outputs_known("test 19");

    // ---------------- Test 20: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(8'h4e, '1, 8'h29, 1'b1, 1'h1);
    set_inputs(8'd1, '0, '1, '1, 1'b1);
    set_inputs(8'd1, 8'd0, 8'h0, 1'b1, 1'b1);
    set_inputs(8'hff, 8'h13, 8'h40, 1'h1, 1'b1);
    set_inputs('1, '0, 8'd1, 1'b0, 1'h1);
    set_inputs(8'h92, 8'hff, 8'hff, 1'h1, 1'b0);
    set_inputs(8'd1, 8'd0, 8'd1, 1'b1, 1'h1);
    set_inputs(8'hff, 8'h2, 8'h10, 1'h0, 1'h1);
    set_inputs(8'h4b, 8'h77, 8'h10, 1'h1, '1);
    set_inputs(8'hbb, 8'd1, 8'h55, 1'b1, 1'b1);
    repeat (4) begin
      for (int k = 0; k < 7; k++) set_inputs($random, $urandom, k, $urandom % 2, 1'($urandom));
    end
    check_outputs_known("test 20");

    // ---------------- Test 21: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(8'd1, 8'h0, 8'h0, 1'b0, 1'b1);
    set_inputs('1, 8'h9b, 8'h55, 1'h1, 1'b1);
    set_inputs(8'd1, 8'h55, 8'd1, 1'b1, 1'b0);
    set_inputs(8'h48, 8'hff, 8'd1, 1'h1, 1'h1);
    check_outputs_known("test 21");

    // ---------------- Test 22: all ones ----------------
    test_num = test_num + 1;
    set_inputs(8'hd5, 8'h55, 8'd0, 1'b1, 1'b1);
    set_inputs(8'd0, 8'h55, 8'h55, 1'h1, 1'h1);
    set_inputs(8'hff, 8'h10, 8'h2, 1'b0, '1);
    set_inputs(8'h27, 8'hff, 8'h10, 1'b1, 1'b0);
    set_inputs(8'h2, '1, 8'h55, 1'h1, 1'h1);
    check_outputs_known("test 22");

    // ---------------- Test 23: all ones ----------------
    test_num = test_num + 1;
    $display("Test %0d: all ones", test_num);
    set_inputs(8'h0, '1, 8'h77, 1'b1, 1'h1);
    set_inputs(8'h4, '1, 8'h55, 1'h1, 1'b1);
    set_inputs(8'h55, 8'h9, 8'hd0, 1'b0, 1'b0);
    set_inputs(8'hff, 8'h9c, 8'h58, 1'h1, 1'h1);
    set_inputs(8'h80, 8'hff, 8'h0, 1'b0, 1'h1);
    set_inputs(8'h55, 8'hc4, 8'd0, 1'b0, 1'h1);
    set_inputs(8'h6c, '1, 8'd0, 1'h1, 1'h1);
    set_inputs(8'd1, 8'h55, 8'd1, 1'b1, 1'b1);
    set_inputs(8'h82, 8'd1, 8'h6d, 1'b1, 1'h1);
    set_inputs(8'h9a, 8'd1, 8'hf6, 1'b1, 1'h1);
    set_inputs(8'd1, 8'h55, 8'he3, 1'h1, 1'h1);
    repeat (5) begin
      for (int k = 0; k < 5; k++) set_inputs(8'($urandom), 8'($urandom), k, $urandom_range(0, 1), $urandom % 2);
    end
    check_outputs_known("test 23");

    // ---------------- Test 24: toggle control inputs ----------------
    test_num = test_num + 1;
    $display("Test %0d: toggle control inputs", test_num);
    set_inputs(8'h3, 8'h20, 8'h55, 1'b1, 1'b1);
    set_inputs(8'h55, 8'h0, '0, 1'h1, 1'b1);
    set_inputs(8'd1, 8'd1, '0, 1'b1, 1'h1);
    set_inputs(8'h80, 8'hbf, 8'h55, 1'd0, 1'h1);
    set_inputs(8'd1, 8'd1, 8'h1, 1'b0, 1'h1);
    set_inputs(8'd1, 8'd1, 8'hff, 1'b0, 1'h1);
    check_outputs_known("test 24");

    // ---------------- Test 25: random values ----------------
    test_num = test_num + 1;
    set_inputs(8'd1, 8'd1, '0, 1'h1, 1'b1);
    set_inputs(8'h35, '1, 8'h55, 1'b1, 1'h1);
    set_inputs(8'h25, 8'd1, 8'hb6, '1, 1'b0);
    set_inputs(8'h55, 8'd1, 8'h55, 1'b1, 1'h1);
    set_inputs('1, '0, 8'h1, '0, '1);
    set_inputs(8'hff, 8'd1, '0, 1'b0, 1'd0);
    set_inputs(8'h0, '1, 8'hff, 1'h1, 1'b1);
    check_outputs_known("test 25");

    // ---------------- Test 26: boundary values ----------------
    test_num = test_num + 1;
    set_inputs(8'hff, 8'h55, 8'h9e, 1'h1, 1'h1);
    set_inputs(8'hec, 8'h30, 8'h55, 1'h1, 1'h1);
    set_inputs(8'h55, 8'h55, 8'h80, 1'h1, '0);
    set_inputs(8'd0, 8'h55, 8'h31, 1'h1, 1'h1);
    check_outputs_known("test 26");

    // ---------------- Test 27: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs('1, 8'h78, '1, 1'b0, '1);
    set_inputs(8'd1, 8'd1, 8'h10, '1, 1'b1);
    set_inputs(8'h0, 8'hff, 8'h0, 1'b0, 1'h1);
    set_inputs(8'd0, 8'h40, 8'h8, 1'h1, 1'h1);
    set_inputs(8'h20, 8'h0, 8'h55, 1'b1, 1'h1);
    check_outputs_known("test 27");

    // ---------------- Test 28: all ones ----------------
    test_num = test_num + 1;
    $display("Test %0d: all ones", test_num);
    set_inputs(8'd0, 8'd1, 8'h3e, 1'h1, 1'h1);
    set_inputs(8'h60, 8'd1, '1, 1'h1, 1'b1);
    set_inputs('1, 8'h55, 8'h2, 1'b0, 1'h1);
    set_inputs(8'h40, 8'h0, 8'hb6, 1'h1, 1'h1);
    set_inputs('0, 8'd1, '1, 1'h1, 1'h1);
    set_inputs(8'h55, '0, 8'h55, 1'b0, 1'b0);
    repeat (2) begin
      for (int k = 0; k < 7; k++) set_inputs(k, $random, $urandom_range(0, 255), $urandom % 2, $urandom % 2);
    end
    check_outputs_known("test 28");

    // Corner-value table
    begin
      logic [p_addr_width-1:0] corners [6];
      corners = '{8'd0, '1, 8'h55, 8'd1, 8'h6f, 8'h20};
      foreach (corners[idx]) begin
        set_inputs(corners[idx], $urandom_range(0, 255), $urandom_range(0, 255), $urandom % 2, $urandom % 2);
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on i_addr
    for (int k = 0; k < $bits(i_addr); k++) begin
      i_addr = '0;
      i_addr[k] = 1'b1;
      #8;
    end
    // Walking ones on i_data_in
    for (int bit_idx = 0; bit_idx < $bits(i_data_in); bit_idx++) begin
      i_data_in = '0;
      i_data_in[bit_idx] = 1'b1;
      #8;
    end
    // Walking ones on i_key_in
    for (int bit_idx = 0; bit_idx < $bits(i_key_in); bit_idx++) begin
      i_key_in = '0;
      i_key_in[bit_idx] = 1'b1;
      #8;
    end
    // Sweep i_addr with every other input random, a few passes
    repeat (4) begin
      for (int k = 0; k < 64; k++) begin
        i_addr = k;
        i_data_in = $urandom;
        i_key_in = $urandom;
        i_read_write_enable = 1'($urandom);
        i_capture_pulse = $urandom % 2;
        #8;
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
    $display("  Failed    : %0d", num_fail);
    $display("==========================================");
    if (num_fail == 0) $display("ALL TESTS PASSED");
    $finish;
  end

endmodule
