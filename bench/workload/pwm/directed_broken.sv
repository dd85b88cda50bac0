/*
 * tb_pwm_top_top.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the pwm_top module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns / 1ps

module tb_pwm_top_top;

  // Parameters (defaults of the DUT)
  localparam RES = 8;

  localparam int CLK_PERIOD = 10;
  localparam int NUM_RANDOM = 300;

  // DUT inputs
  logic clk;
  logic rst_n;
  logic en;
  logic [ 7:0] prescale;
  logic [RES-1:0] period;
  logic [RES-1:0] duty;
  logic polarity;

  // DUT outputs
  logic pwm_out;
  logic period_start;
  logic [RES-1:0] count;

  // Device under test
  pwm_top uut (
    .clk(clk),
    .rst_n(rst_n),
    .en(en),
    .prescale(prescale),
    .period(period),
    .duty(duty),
    .polarity(polarity),
    .pwm_out(pwm_out),
    .period_start(period_start),
    .count(count)
  );

  // Clock generation
  initial begin
    clk = 1'b0;
    forever #(CLK_PERIOD/2) clk = ~clk;
  end

  integer num_pass_total = 0;
  integer errors = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic set_inputs(
    input logic en_v,
    input logic [ 7:0] prescale_v,
    input logic [RES-1:0] period_v,
    input logic [RES-1:0] duty_v,
    input logic polarity_v
  );
    begin
      en = en_v;
      prescale = prescale_v;
      period = period_v;
      duty = duty_v;
      polarity = polarity_v;
      @(posedge clk);
    end
  endtask

  // Record one check: a condition that must hold
  task automatic check(input bit ok, input string what);
    if (ok) begin
      num_pass = num_pass + 1;
      if (verbose) $display("PASS: %s", what);
    end else begin
      errors = errors + 1;
      $error("FAIL: %s at %0t", what, $time);
    end
  endtask

  task automatic check_outputs_known(input string where);
    check(!$isunknown(pwm_out), {where, ": pwm_out known"});
    check(!$isunknown(period_start), {where, ": period_start known"});
    check(!$isunknown(count), {where, ": count known"});
  endtask

  task automatic random_vectors(input int n);
    for (int i = 0; i < n; i++) begin
      set_inputs($urandom % 2, $random, $urandom_range(0, 255), $urandom_range(0, 255), $urandom % 2);
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 4);
    begin
      en = '0;
      prescale = '0;
      period = '0;
      duty = '0;
      polarity = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(pwm_out)) begin
        $error("[%0t] pwm_out is unknown: %b", $time, pwm_out);
        errors++;
      end
      if ($isunknown(period_start)) begin
        $error("[%0t] period_start is unknown: %b", $time, period_start);
        errors++;
      end
      if ($isunknown(count)) begin
        $error("[%0t] count is unknown: %b", $time, count);
        errors++;
      end
    end
  end

  // Watchdog: never hang the regression
  initial begin
    #10_000_000;
    $display("ERROR: watchdog timeout at %0t", $time);
    $finish;
  end

  initial begin
    $display("Starting pwm_top directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // ---------------- Test 1: maximum on first operand ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 8'h2, 8'h10, 8'h20, 1'b0);
    set_inputs(1'b1, 8'hff, 8'hff, 8'hc3, '1);
    set_inputs(1'b0, 8'hb7, 8'h1, 8'h55, 1'b0);
    set_inputs('1, 8'h10, 8'h55, 8'hc4, 1'b1);
    set_inputs(1'h1, 8'h55, 8'h9, 8'd1, 1'h1);
    check_outputs_known("test 1");

    // ---------------- Test 2: alternating pattern ----------------
    test_num = test_num + 1;
    set_inputs('0, '1, 8'hff, 8'h55, 1'd0);
    set_inputs(1'h1, 8'h2, 8'h55, 8'hd0, 1'h1);
    set_inputs('1, 8'd1, 8'h1, 8'd1, 1'b1);
    set_inputs(1'b1, '1, '0, 8'ha5, 1'h1);
    repeat (5) begin
      for (int k = 0; k < 7; k++) set_inputs($urandom_range(0, 1), $urandom_range(0, 255), k, k, $urandom % 2);
    end
    check_outputs_known("test 2");

    // ---------------- Test 3: back-to-back changes ----------------
    test_num = test_num + 1;
    set_inputs(1'b0, 8'hba, '0, 8'h10, 1'd0);
    set_inputs(1'h1, 8'h55, 8'h55, 8'h40, 1'h1);
    set_inputs(1'b1, 8'h55, 8'h39, 8'h2, 1'b1);
    set_inputs(1'h1, 8'hff, '1, 8'd1, 1'h1);
    set_inputs(1'h1, 8'h55, 8'h8, 8'h97, 1'b1);
    check_outputs_known("test 3");

    // ---------------- Test 4: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(1'b0, 8'ha, 8'h40, 8'h78, 1'b0);
    set_inputs('1, 8'h10, 8'h8, 8'd0, 1'h1);
    set_inputs(1'b1, 8'h0, 8'h5d, 8'd1, 1'h1);
    set_inputs(1'h1, 8'h73, 8'hb0, 8'h0, 1'b1);
    set_inputs(1'b1, 8'h69, 8'h54, '1, 1'b1);
    set_inputs(1'b1, 8'h40, 8'h55, '1, 1'b1);
    set_inputs(1'h1, 8'h0, 8'h4, 8'h69, 1'h1);
    set_inputs(1'h1, 8'h55, 8'h78, 8'd0, 1'b1);
    set_inputs(1'b1, 8'h55, 8'd1, '1, 1'd0);
    set_inputs('1, 8'h55, '0, 8'h55, 1'b1);
    set_inputs(1'b1, 8'h68, 8'h55, 8'd1, 1'd0);
    repeat (5) begin
      for (int k = 0; k < 8; k++) set_inputs(1'($urandom), k, k, 8'($urandom), $urandom % 2);
    end
    check_outputs_known("test 4");

    // ---------------- Test 5: all ones ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 8'h55, 8'h2e, 8'd1, 1'b1);
    set_inputs(1'b1, 8'h1, 8'd1, 8'h55, 1'h1);
    set_inputs(1'h1, 8'hff, 8'd1, 8'hfc, 1'b0);
    set_inputs(1'b0, 8'hdd, '1, 8'h91, 1'h1);
    set_inputs(1'h1, 8'h55, 8'h55, 8'h1, 1'h1);
    set_inputs(1'b1, 8'd0, 8'd1, 8'hee, 1'h1);
    set_inputs(1'b1, 8'h40, 8'h3b, 8'h20, 1'b1);
    set_inputs(1'h1, 8'd1, 8'h55, 8'h55, 1'b1);
    set_inputs(1'b0, 8'h55, 8'h55, '1, 1'h1);
    repeat (5) begin
      for (int k = 0; k < 6; k++) set_inputs(1'($urandom), k, k, k, $urandom % 2);
    end
    check_outputs_known("test 5");

    // ---------------- Test 6: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(1'd0, 8'd1, 8'hc, 8'd1, 1'b1);
    set_inputs(1'h1, 8'hff, 8'h4, '0, 1'h0);
    set_inputs(1'b1, 8'h5e, 8'h2, 8'd1, 1'b0);
    set_inputs(1'h1, 8'hbc, 8'h89, '0, 1'h1);
    set_inputs(1'b1, 8'h55, 8'h20, 8'hff, 1'b1);
    set_inputs('1, '1, 8'h55, 8'h55, 1'h1);
    set_inputs(1'h0, 8'd0, 8'h0, 8'h31, 1'h1);
    set_inputs(1'b1, 8'd1, 8'h55, 8'h87, 1'd0);
    set_inputs(1'h1, 8'h0, 8'h4, 8'h55, '0);
    set_inputs(1'b0, 8'h55, 8'hff, 8'hff, 1'h1);
    set_inputs(1'h1, 8'd1, 8'he7, 8'd0, 1'b1);
    set_inputs('1, 8'd1, 8'h2, 8'd1, 1'b1);
    repeat (5) begin
      for (int k = 0; k < 8; k++) set_inputs($urandom_range(0, 1), $urandom_range(0, 255), $urandom_range(0, 255), k, $urandom_range(0, 1));
    end
    check_outputs_known("test 6");

    // ---------------- Test 7: alternating pattern ----------------
    test_num = test_num + 1;
    set_inputs(1'b0, 8'd1, 8'd1, 8'hf, 1'h1);
    set_inputs(1'h1, 8'hff, 8'd1, 8'h40, 1'h0);
    set_inputs(1'b1, 8'h5a, 8'h55, 8'h34, '1);
    set_inputs(1'h1, 8'h55, 8'h2, 8'hff, '0);
    set_inputs(1'b1, 8'h2, 8'h4, 8'hff, 1'h1);
    set_inputs(1'h1, 8'h38, 8'd1, 8'h35, 1'b1);
    set_inputs(1'd0, 8'h55, 8'hc1, 8'hff, 1'b1);
    set_inputs(1'b0, 8'h20, 8'h20, 8'd0, 1'b0);
    check_outputs_known("test 7");

    // ---------------- Test 8: all ones ----------------
    test_num = test_num + 1;
    $display("Test %0d: all ones", test_num);
    set_inputs(1'b0, 8'd0, 8'h20, 8'h40, 1'b0);
    set_inputs(1'h1, 8'ha5, 8'h4, 8'h4, 1'd0);
    set_inputs(1'h1, '0, 8'h4, 8'h80, '1);
    set_inputs(1'b1, 8'd1, 8'h20, 8'h70, 1'd0);
    check_outputs_known("test 8");

    // ---------------- Test 9: alternating pattern ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 8'h55, 8'd1, 8'h4d, 1'b1);
    set_inputs(1'b1, 8'h1, 8'hff, 8'h30, 1'h1);
    set_inputs('1, 8'h55, 8'hfb, 8'hb4, 1'h1);
    set_inputs(1'h1, 8'h40, '1, 8'h55, 1'b1);
    set_inputs(1'h1, 8'hcb, 8'h55, 8'd0, 1'b1);
    check_outputs_known("test 9");

    // ---------------- Test 10: single bit set ----------------
    test_num = test_num + 1;
    set_inputs('1, 8'h10, 8'ha5, 8'h53, '0);
    set_inputs(1'h1, 8'hf8, 8'h80, '1, 1'h1);
    set_inputs(1'b0, 8'h80, 8'h55, 8'h0, 1'b1);
    set_inputs(1'b1, 8'h55, 8'h55, 8'hff, 1'b1);
    set_inputs('0, 8'h55, 8'hd8, 8'h0, 1'b1);
    set_inputs(1'b1, 8'hd4, 8'd0, 8'h5e, 1'b0);
    set_inputs(1'b0, 8'd1, '1, 8'h55, 1'b0);
    check_outputs_known("test 10");

    // ---------------- Test 11: maximum on first operand ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, '0, 8'd1, 8'd1, 1'b1);
    set_inputs(1'b1, 8'h0, 8'h7e, 8'h11, 1'b0);
    set_inputs(1'h1, 8'hff, 8'h40, 8'h80, 1'b0);
    set_inputs('1, 8'h55, 8'd1, 8'h8, 1'h1);
    set_inputs(1'h1, 8'ha6, 8'd1, '1, '1);
    set_inputs(1'h0, 8'h8, 8'h5d, 8'h55, '1);
    set_inputs(1'b1, 8'h0, 8'h21, 8'h58, 1'h1);
    set_inputs(1'h1, 8'h55, 8'h55, 8'h4, 1'b0);
    set_inputs(1'h1, 8'd1, 8'ha6, '0, 1'b1);
    set_inputs(1'b1, 8'h55, 8'd1, 8'd1, 1'h1);
    repeat (3) begin
      for (int k = 0; k < 7; k++) set_inputs(1'($urandom), k, $random, $random, $urandom % 2);
    end
    check_outputs_known("test 11");

    // ---------------- Test 12: hold inputs stable ----------------
    test_num = test_num + 1;
    $display("Test %0d: hold inputs stable", test_num);
    set_inputs('0, 8'hd, 8'hf2, 8'h25, 1'd0);
    set_inputs(1'd0, 8'h55, 8'hff, 8'h55, 1'h0);
    set_inputs(1'h0, 8'h97, 8'hff, 8'h0, 1'b0);
    set_inputs(1'b1, 8'he8, 8'h4, 8'h0, 1'h0);
    set_inputs(1'b0, 8'h2, 8'd1, 8'h0, 1'h1);
    repeat (6) begin
      for (int k = 0; k < 6; k++) set_inputs($urandom % 2, $urandom_range(0, 255), $urandom_range(0, 255), 8'($urandom), $urandom_range(0, 1));
    end
    check_outputs_known("test 12");

    // ---------------- Test 13: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(1'b0, '1, 8'h0, 8'h92, 1'b1);
    set_inputs(1'h1, 8'h73, 8'h80, 8'h0, 1'd0);
    set_inputs('0, 8'h4, 8'hd, 8'd1, 1'h1);
    set_inputs(1'h1, 8'h55, 8'h55, 8'h55, 1'h1);
    check_outputs_known("test 13");

    // ---------------- Test 14: random values ----------------
    test_num = test_num + 1;
    $display("Test %0d: random values", test_num);
    set_inputs(1'b0, 8'h80, 8'h55, 8'd1, 1'h1);
    set_inputs('1, 8'h55, 8'h48, 8'h8, '1);
    set_inputs(1'b1, 8'h20, '1, '1, 1'b1);
    set_inputs('1, 8'd1, '1, 8'd1, 1'b1);
    set_inputs(1'b1, 8'h80, 8'hff, '1, 1'b1);
    set_inputs('1, '0, '0, 8'hf6, 1'b1);
    set_inputs(1'b0, 8'd1, 8'h55, '0, 1'b1);
    set_inputs(1'h1, 8'hff, 8'h45, 8'h9b, 1'b1);
    set_inputs(1'h1, 8'h2a, '0, 8'd0, 1'h1);
    set_inputs(1'b1, 8'hff, 8'd1, 8'h55, 1'b0);
    set_inputs(1'b1, 8'h0, 8'h7e, 8'h11, 1'b1);
    set_inputs(1'b0, 8'h40, 8'h80, 8'h0, 1'h1);
    repeat (3) begin
      for (int k = 0; k < 3; k++) set_inputs($urandom % 2, $urandom, 8'($urandom), $urandom, 1'($urandom));
    end
    check_outputs_known("test 14");

    // ---------------- Test 15: back-to-back changes ----------------
    test_num = test_num + 1;
    $display("Test %0d: back-to-back changes", test_num);
    set_inputs(1'h1, 8'hd5, '0, 8'h8, 1'd0);
    set_inputs('1, 8'h20, 8'h86, 8'hff, 1'b0);
    set_inputs(1'b1, 8'h55, 8'hff, 8'hff, '1);
    set_inputs(1'b1, 8'd1, 8'h6b, 8'h55, '1);
    set_inputs(1'h1, 8'h18, 8'h78, '0, 1'b1);
    set_inputs(1'b1, '1, 8'h8, 8'h1d, 1'd0);
    set_inputs(1'h0, 8'h0, 8'h55, 8'h54, 1'h1);
    set_inputs(1'h1, 8'hc9, '1, 8'h55, 1'b0);
    check_outputs_known("test 15");

    // ---------------- Test 16: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 8'h7, 8'h8, 8'h2, 1'h1);
    set_inputs(1'b1, 8'h91, 8'hce, 8'h4, 1'h1);
    set_inputs(1'b1, 8'h22, 8'h20, 8'd1, 1'b1);
    set_inputs(1'h1, '0, 8'he6, 8'd1, 1'h1);
    set_inputs(1'd0, 8'h8, 8'h22, 8'd1, 1'b1);
    set_inputs(1'b1, 8'd1, 8'h76, 8'h55, 1'h1);
    check_outputs_known("test 16");

    // ---------------- Test 17: all zeros ----------------
    test_num = test_num + 1;
    $display("Test %0d: all zeros", test_num);
    set_inputs('1, 8'h55, 8'h0, 8'h27, 1'b1);
    set_inputs(1'b1, 8'd1, '0, 8'h1e, 1'b1);
    set_inputs(1'h1, 8'h6b, 8'h55, 8'ha3, '0);
    set_inputs(1'h1, 8'hf1, 8'h8, 8'd1, 1'h0);
    set_inputs(1'h0, 8'd0, 8'h55, 8'd0, 1'b1);
    check_outputs_known("test 17");

    // ---------------- Test 18: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 8'h9b, 8'h1, '0, 1'b1);
    set_inputs(1'b1, 8'hff, 8'h1, 8'he7, 1'h1);
    set_inputs(1'h1, 8'd1, 8'hff, 8'h12, 1'h1);
    set_inputs(1'b1, 8'h34, 8'hcb, 8'h0, 1'h0);
    set_inputs(1'b1, 8'h67, 8'h55, 8'he1, 1'b1);
    set_inputs(1'h1, 8'd1, 8'h3e, 8'hff, '1);
    set_inputs(1'b1, 8'h80, 8'h1, 8'hff, 1'b1);
    set_inputs(1'b1, 8'd1, 8'h55, 8'he0, 1'd0);
    set_inputs(1'b1, 8'h8, 8'h55, 8'h0, 1'b0);
    set_inputs(1'h1, 8'h8, 8'h2, 8'h0, '1);
    repeat (3) begin
      for (int k = 0; k < 2; k++) set_inputs($urandom % 2, 8'($urandom), k, k, 1'($urandom));
    end
    check_outputs_known("test 18");

    // ---------------- Test 19: boundary values ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 8'd1, 8'd1, 8'h55, '1);
    set_inputs(1'h1, 8'h55, 8'h0, 8'h71, 1'b0);
    set_inputs(1'h1, 8'hdf, 8'he0, '1, 1'h0);
    set_inputs(1'b1, 8'h55, 8'h11, 8'h0, 1'b1);
    set_inputs(1'b1, 8'h93, 8'hff, 8'h1, 1'h1);
    set_inputs(1'h1, 8'd0, '1, 8'h10, 1'h0);
    set_inputs('1, 8'd1, 8'h1, 8'd1, 1'b0);
    check_outputs_known("test 19");

    // ---------------- Test 20: random values ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 8'h40, 8'd1, 8'hd9, 1'b0);
    set_inputs(1'b0, 8'd0, 8'h55, 8'h16, 1'b1);
    set_inputs(1'h1, 8'h63, 8'hff, 8'd1, 1'b0);
    set_inputs(1'b0, '1, 8'h8d, 8'h10, 1'b1);
    set_inputs(1'h1, 8'h2a, 8'h1, 8'd0, 1'h1);
    set_inputs(1'h1, 8'hff, 8'h55, 8'h0, 1'd0);
    set_inputs(1'b0, 8'd0, 8'h55, 8'h55, 1'b1);
    set_inputs(1'h0, 8'h5a, 8'd1, 8'h30, 1'h1);
    set_inputs(1'd0, 8'd1, 8'd1, 8'hd5, 1'b1);
    set_inputs('1, 8'd1, 8'd1, 8'h4, '1);
    set_inputs(1'b1, 8'h55, 8'h47, 8'h0, 1'h1);
    repeat (5) begin
      for (int k = 0; k < 3; k++) set_inputs($urandom % 2, $random, k, $urandom, $urandom % 2);
    end
    check_outputs_known("test 20");

    // ---------------- Test 21: maximum on first operand ----------------
    test_num = test_num + 1;
    $display("Test %0d: maximum on first operand", test_num);
    set_inputs('0, 8'h0, 8'h55, 8'h8, 1'h1);
    set_inputs(1'h1, 8'h55, '0, 8'hdc, 1'h1);
    set_inputs(1'b1, 8'h3c, 8'h55, 8'd1, 1'b0);
    set_inputs(1'b1, 8'h55, 8'hee, 8'h2, 1'b1);
    set_inputs(1'b1, '0, 8'h8d, '1, 1'h0);
    set_inputs(1'b1, 8'hec, 8'hf9, 8'h79, 1'h1);
    set_inputs(1'b0, 8'h60, 8'd1, 8'd1, 1'h0);
    set_inputs(1'h1, '0, 8'd1, 8'h97, 1'b1);
    set_inputs(1'b1, 8'h0, 8'd1, 8'h55, 1'h0);
    check_outputs_known("test 21");

    // ---------------- Test 22: back-to-back changes ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, '0, 8'hff, 8'h65, 1'b0);
    set_inputs(1'h1, 8'ha9, 8'h10, 8'he5, 1'b0);
    set_inputs('1, 8'h1, 8'h55, 8'h87, 1'b1);
    set_inputs(1'b1, 8'h55, '0, 8'h55, 1'h1);
    set_inputs('0, 8'h20, 8'h16, 8'd1, 1'd0);
    set_inputs(1'b1, 8'h8, 8'd1, 8'h80, 1'b1);
    set_inputs(1'h1, 8'h37, 8'd0, 8'd1, 1'b1);
    set_inputs(1'd0, '0, 8'hc0, 8'hff, 1'h1);
    set_inputs(1'b1, 8'h55, 8'h7a, '1, 1'h1);
    set_inputs(1'h1, 8'hff, 8'h4, 8'h55, 1'h1);
    set_inputs(1'b1, 8'd1, 8'hff, 8'h1, 1'b1);
    check_outputs_known("test 22");

    // ---------------- Test 23: alternating pattern ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 8'h87, 8'h31, 8'h0, 1'd0);
    set_inputs(1'h1, 8'h80, 8'h1f, 8'd0, 1'h1);
    set_inputs(1'h1, 8'h6a, 8'd0, '0, '1);
    set_inputs('1, 8'd1, '0, 8'h51, 1'h0);
    set_inputs(1'b0, 8'h40, 8'h8, 8'h54, 1'b1);
    set_inputs(1'b0, 8'h4, 8'd1, 8'h77, 1'b0);
    set_inputs(1'b1, 8'd1, 8'h1, 8'h55, 1'h1);
    check_outputs_known("test 23");

    // ---------------- Test 24: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs('0, 8'h55, 8'd1, 8'd0, 1'b0);
    set_inputs(1'b1, 8'h7a, 8'd1, 8'd1, 1'b0);
    set_inputs(1'b1, '0, 8'h55, 8'h42, 1'h1);
    set_inputs(1'h0, 8'h55, 8'd0, 8'd1, 1'b0);
    set_inputs(1'b1, 8'h10, 8'hff, 8'hb8, 1'b0);
    check_outputs_known("test 24");

    // Corner-value table
    begin
      logic [ 7:0] corners [6];
      corners = '{8'h0, 8'hff, 8'h55, 8'd1, 8'h83, 8'h80};
      foreach (corners[idx]) begin
        set_inputs(1'($urandom), corners[idx], $urandom, $random, $urandom_range(0, 1));
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on prescale
    for (int n = 0; n < $bits(prescale); n++) begin
      prescale = '0;
      prescale[n] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on period
    for (int i = 0; i < $bits(period); i++) begin
      period = '0;
      period[i] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on duty
    for (int n = 0; n < $bits(duty); n++) begin
      duty = '0;
      duty[n] = 1'b1;
      @(posedge clk);
    end
    // Sweep prescale with every other input random, a few passes
    repeat (4) begin
      for (int k = 0; k < 64; k++) begin
        prescale = k;
        en = $urandom_range(0, 1);
        period = $random;
        duty = $urandom_range(0, 255);
        polarity = $urandom % 2;
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
    $display("  Passed    : %0d", num_pass);
    $display("  Failed    : %0d", errors);
    $display("==========================================");
    if (errors == 0) $display("ALL TESTS PASSED");
    $finish;
  end

endmodule
