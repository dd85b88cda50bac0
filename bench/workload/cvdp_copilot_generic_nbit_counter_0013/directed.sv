// Directed testbench: numbered tests with explicit stimulus and checks: generic_counter
`timescale 1ns/1ps

module generic_counter_tb;

  // Parameters (defaults of the DUT)
  localparam N = 8;

  localparam int CLK_PERIOD = 8;
  localparam int NUM_RANDOM = 400;

  // DUT inputs
  logic clk_in;
  logic rst_in;
  logic [2:0] mode_in;
  logic enable_in;
  logic [N-1:0] ref_modulo;

  // DUT outputs
  logic [N-1:0] o_count;

  // Device under test
  generic_counter #(
    .N(N)
  ) uut (
    .clk_in(clk_in),
    .rst_in(rst_in),
    .mode_in(mode_in),
    .enable_in(enable_in),
    .ref_modulo(ref_modulo),
    .o_count(o_count)
  );

  // Clock generation
  initial clk_in = 0;
  always #(CLK_PERIOD/2) clk_in = ~clk_in;

  integer pass_count = 0;
  integer errors = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic set_inputs(
    input logic [2:0] mode_in_v,
    input logic enable_in_v,
    input logic [N-1:0] ref_modulo_v
  );
    begin
      mode_in = mode_in_v;
      enable_in = enable_in_v;
      ref_modulo = ref_modulo_v;
      @(posedge clk_in);
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
    check(!$isunknown(o_count), {where, ": o_count known"});
  endtask

  task automatic random_vectors(input int n);
    for (int i = 0; i < n; i++) begin
      set_inputs(3'($urandom), $urandom_range(0, 1), $urandom_range(0, 255));
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 4);
    begin
      mode_in = '0;
      enable_in = '0;
      ref_modulo = '0;
      rst_in = 1'b1;
      repeat (cycles) @(posedge clk_in);
      rst_in = 1'b0;
      @(posedge clk_in);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk_in) begin
    if (checks_enabled && !rst_in) begin
      if ($isunknown(o_count)) begin
        $error("[%0t] o_count is unknown: %b", $time, o_count);
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
    $display("Starting generic_counter directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // ---------------- Test 1: back-to-back changes ----------------
    test_num = test_num + 1;
    set_inputs(3'h5, 1'h1, '0);
    set_inputs(3'h3, 1'h0, 8'hd5);
    set_inputs(3'h5, 1'b1, 8'hff);
    set_inputs('0, 1'h0, 8'd0);
    set_inputs('1, 1'b0, 8'hfb);
    check_outputs_known("test 1");

    // ---------------- Test 2: boundary values ----------------
    test_num = test_num + 1;
    set_inputs(3'h2, 1'b1, 8'hff);
    set_inputs('0, 1'h1, '1);
    set_inputs(3'h2, 1'b1, 8'h3);
    set_inputs(3'd0, 1'b0, 8'he9);
    set_inputs(3'h7, 1'h0, '0);
    set_inputs(3'd1, 1'b0, 8'had);
    set_inputs(3'h1, 1'b1, 8'd1);
    set_inputs(3'h5, 1'b1, 8'h55);
    set_inputs(3'h7, 1'b1, 8'hff);
    check_outputs_known("test 2");

    // ---------------- Test 3: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(3'h0, 1'b1, 8'hfc);
    set_inputs(3'h5, '1, 8'd0);
    set_inputs(3'h0, 1'h0, 8'h80);
    set_inputs('0, 1'b1, 8'd0);
    set_inputs(3'd1, 1'h1, 8'd1);
    repeat (2) begin
      for (int k = 0; k < 6; k++) set_inputs(k, $urandom_range(0, 1), k);
    end
    check_outputs_known("test 3");

    // ---------------- Test 4: maximum on first operand ----------------
    test_num = test_num + 1;
    set_inputs(3'h5, 1'b1, 8'hb4);
    set_inputs(3'd1, 1'b1, 8'd1);
    set_inputs(3'h7, 1'h1, 8'h21);
    set_inputs(3'd1, '0, 8'h44);
    set_inputs(3'h3, 1'b1, 8'h8);
    set_inputs('1, 1'b1, 8'h1);
    check_outputs_known("test 4");

    // ---------------- Test 5: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(3'h5, 1'h1, 8'h0);
    set_inputs('1, 1'h1, 8'h6b);
    set_inputs(3'h3, 1'b1, 8'd1);
    set_inputs('1, '1, 8'h0);
    set_inputs(3'd1, 1'h1, 8'd0);
    set_inputs(3'd0, 1'h1, 8'h25);
    set_inputs(3'd1, 1'h1, 8'hff);
    set_inputs(3'h1, 1'b0, 8'd1);
    set_inputs(3'h4, 1'h1, 8'he1);
    check_outputs_known("test 5");

    // ---------------- Test 6: back-to-back changes ----------------
    test_num = test_num + 1;
    set_inputs(3'h7, 1'h1, 8'h40);
    set_inputs(3'd1, 1'd0, 8'h2);
    set_inputs(3'h1, 1'b0, 8'h55);
    set_inputs(3'h5, 1'h0, 8'h10);
    repeat (5) begin
      for (int k = 0; k < 7; k++) set_inputs(k, $urandom_range(0, 1), k);
    end
    check_outputs_known("test 6");

    // ---------------- Test 7: toggle control inputs ----------------
    test_num = test_num + 1;
    set_inputs('1, 1'h1, 8'h55);
    set_inputs(3'h7, 1'h1, 8'h26);
    set_inputs(3'd1, 1'b1, 8'h55);
    set_inputs(3'h7, 1'b0, 8'h8);
    set_inputs(3'h2, 1'b1, 8'h40);
    set_inputs(3'h1, 1'b0, '1);
    set_inputs(3'h0, 1'd0, 8'h55);
    set_inputs(3'h2, 1'h1, 8'h20);
    set_inputs(3'h5, 1'b0, 8'd1);
    set_inputs(3'h6, 1'b1, 8'h8);
    set_inputs(3'h5, 1'h0, 8'h55);
    set_inputs(3'h5, 1'b0, 8'h15);
    repeat (2) begin
      for (int k = 0; k < 6; k++) set_inputs($random, $urandom % 2, 8'($urandom));
    end
    check_outputs_known("test 7");

    // ---------------- Test 8: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(3'd1, 1'h1, 8'h40);
    set_inputs(3'd1, 1'h1, 8'hff);
    set_inputs(3'h5, 1'b1, 8'h55);
    set_inputs('1, 1'h1, 8'h8);
    check_outputs_known("test 8");

    // ---------------- Test 9: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(3'd1, '1, '1);
    set_inputs(3'h0, 1'b1, 8'd1);
    set_inputs(3'h3, 1'h1, 8'h40);
    set_inputs(3'h1, '1, 8'h55);
    set_inputs(3'h1, '0, 8'h8);
    set_inputs(3'd0, 1'b0, 8'h4);
    set_inputs(3'd1, 1'h1, 8'd0);
    check_outputs_known("test 9");

    // ---------------- Test 10: single bit set ----------------
    test_num = test_num + 1;
    $display("Test %0d: single bit set", test_num);
    set_inputs('1, 1'h1, 8'd0);
    set_inputs(3'h5, 1'h1, 8'h55);
    set_inputs(3'h1, 1'b0, 8'hff);
    set_inputs(3'h0, 1'b0, '0);
    set_inputs(3'h1, 1'b1, 8'hed);
    set_inputs(3'd0, '0, 8'hc1);
    set_inputs(3'h5, 1'h1, 8'd1);
    set_inputs(3'h0, 1'h1, 8'hff);
    set_inputs(3'h7, 1'b1, 8'ha2);
    set_inputs(3'h1, 1'h1, 8'd1);
    set_inputs('1, 1'b1, 8'h20);
    repeat (3) begin
      for (int k = 0; k < 7; k++) set_inputs(k, 1'($urandom), $random);
    end
    check_outputs_known("test 10");

    // ---------------- Test 11: toggle control inputs ----------------
    test_num = test_num + 1;
    set_inputs(3'h5, 1'b0, 8'h4f);
    set_inputs(3'h2, 1'h1, 8'h55);
    set_inputs(3'h1, 1'h1, 8'hbf);
    set_inputs(3'h5, 1'h1, 8'h3);
    set_inputs(3'd1, 1'b1, 8'hf4);
    set_inputs('1, 1'h1, 8'h2e);
    set_inputs(3'h4, 1'b1, 8'h40);
    set_inputs(3'h7, 1'b1, 8'hfd);
    set_inputs(3'd0, 1'd0, 8'hff);
    set_inputs(3'h5, 1'h1, '1);
    set_inputs(3'h5, 1'h1, 8'd0);
    check_outputs_known("test 11");

    // ---------------- Test 12: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(3'h2, 1'h1, 8'ha0);
    set_inputs(3'h5, 1'b1, 8'h55);
    set_inputs(3'h5, 1'b1, 8'd1);
    set_inputs(3'd1, 1'b1, '1);
    set_inputs(3'h7, 1'h1, 8'h55);
    set_inputs(3'd1, 1'h1, 8'd1);
    set_inputs(3'h5, 1'h1, 8'hff);
    set_inputs(3'h0, '0, '0);
    set_inputs(3'h5, 1'd0, 8'hfd);
    set_inputs(3'h0, 1'b1, 8'd1);
    repeat (4) begin
      for (int k = 0; k < 2; k++) set_inputs(k, 1'($urandom), k);
    end
    check_outputs_known("test 12");

    // ---------------- Test 13: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(3'h2, 1'b1, 8'd1);
    set_inputs(3'd0, 1'b1, 8'h2);
    set_inputs(3'h2, 1'h0, 8'd1);
    set_inputs(3'h5, 1'h1, 8'd1);
    set_inputs(3'h4, 1'b1, 8'h8);
    set_inputs(3'h3, 1'h1, 8'h6d);
    set_inputs(3'd1, '0, 8'h8);
    set_inputs(3'h0, 1'h1, 8'h6f);
    set_inputs(3'd1, 1'h1, 8'h55);
    set_inputs(3'h1, 1'h1, '0);
    repeat (4) begin
      for (int k = 0; k < 4; k++) set_inputs(k, $urandom_range(0, 1), $urandom_range(0, 255));
    end
    check_outputs_known("test 13");

    // ---------------- Test 14: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(3'h2, 1'h1, 8'h6e);
    set_inputs(3'h2, 1'h1, 8'hb4);
    set_inputs(3'h7, 1'h1, 8'h10);
    set_inputs(3'h5, 1'h1, 8'd0);
    set_inputs(3'h0, 1'b0, 8'h0);
    set_inputs(3'h1, 1'h1, 8'd0);
    set_inputs(3'h7, 1'h1, 8'he5);
    set_inputs(3'h2, 1'b0, 8'h0);
    set_inputs(3'h0, 1'b1, 8'hff);
    set_inputs(3'h1, 1'b1, 8'hb4);
    set_inputs(3'd1, 1'b0, 8'hff);
    repeat (4) begin
      for (int k = 0; k < 4; k++) set_inputs(k, $urandom_range(0, 1), k);
    end
    check_outputs_known("test 14");

    // ---------------- Test 15: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(3'h6, 1'h1, '1);
    set_inputs('0, 1'b1, '0);
    set_inputs(3'h0, 1'h1, '1);
    set_inputs(3'h5, 1'h1, 8'hd7);
    set_inputs(3'd1, 1'b1, 8'h4a);
    set_inputs(3'h5, 1'b1, 8'h55);
    set_inputs(3'h5, 1'h1, 8'h66);
    repeat (2) begin
      for (int k = 0; k < 7; k++) set_inputs(k, $urandom_range(0, 1), $random);
    end
    check_outputs_known("test 15");

    // ---------------- Test 16: hold inputs stable ----------------
    test_num = test_num + 1;
    $display("Test %0d: hold inputs stable", test_num);
    set_inputs(3'h2, 1'h1, 8'd1);
    set_inputs(3'h7, 1'b1, 8'h0);
    set_inputs(3'h5, 1'b1, 8'hb7);
    set_inputs(3'h4, 1'b1, 8'h38);
    set_inputs(3'h7, 1'b1, 8'h55);
    set_inputs(3'h7, 1'b0, 8'd0);
    set_inputs(3'h1, 1'h1, 8'h55);
    set_inputs(3'h4, 1'd0, 8'd1);
    set_inputs(3'h7, 1'b1, 8'h0);
    repeat (6) begin
      for (int k = 0; k < 7; k++) set_inputs(k, 1'($urandom), k);
    end
    check_outputs_known("test 16");

    // ---------------- Test 17: random values ----------------
    test_num = test_num + 1;
    set_inputs(3'h5, 1'b1, 8'h2);
    set_inputs(3'h5, 1'b1, 8'd0);
    set_inputs(3'h2, 1'b1, 8'd1);
    set_inputs(3'h5, 1'b0, 8'h6b);
    set_inputs(3'h5, 1'b0, 8'h67);
    set_inputs(3'h6, '0, '0);
    set_inputs(3'd1, 1'h0, 8'h55);
    set_inputs(3'h1, '0, 8'hb);
    set_inputs(3'd0, 1'h1, 8'd0);
    check_outputs_known("test 17");

    // ---------------- Test 18: random values ----------------
    test_num = test_num + 1;
    set_inputs('0, 1'h0, 8'hff);
    set_inputs('1, 1'b0, 8'h40);
    set_inputs(3'h1, 1'h1, '0);
    set_inputs(3'd0, 1'b1, 8'h4);
    set_inputs(3'd1, 1'b1, 8'hff);
    set_inputs(3'h2, '0, 8'd1);
    set_inputs(3'h3, 1'h1, 8'h55);
    check_outputs_known("test 18");

    // ---------------- Test 19: random values ----------------
    test_num = test_num + 1;
    set_inputs(3'h5, 1'h1, 8'd1);
    set_inputs(3'd1, 1'b0, 8'ha6);
    set_inputs('1, 1'b1, 8'h2);
    set_inputs(3'h5, 1'h1, 8'hd1);
    set_inputs(3'h1, 1'h1, 8'h8);
    set_inputs(3'h5, '0, 8'hac);
    set_inputs(3'd1, 1'd0, 8'h4);
    set_inputs(3'h5, 1'b1, 8'hea);
    set_inputs('0, 1'b1, 8'h7d);
    set_inputs(3'h5, 1'h1, 8'h55);
    set_inputs(3'h5, 1'h0, '0);
    set_inputs(3'h2, 1'b1, '1);
    check_outputs_known("test 19");

    // ---------------- Test 20: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs('1, 1'b0, 8'h40);
    set_inputs(3'd1, 1'b1, 8'hd8);
    set_inputs('1, 1'b1, 8'hff);
    set_inputs(3'h5, 1'b1, 8'h48);
    set_inputs(3'h5, 1'd0, 8'hff);
    set_inputs('0, 1'b0, 8'h55);
    set_inputs(3'h3, 1'h0, 8'd1);
    set_inputs(3'h1, '0, 8'h10);
    set_inputs(3'h0, 1'h1, 8'h55);
    set_inputs(3'h1, 1'h1, 8'hc5);
    set_inputs(3'd1, 1'h1, 8'h55);
    set_inputs('1, 1'h1, 8'h4);
    repeat (4) begin
      for (int k = 0; k < 6; k++) set_inputs(k, 1'($urandom), k);
    end
    check_outputs_known("test 20");

    // ---------------- Test 21: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(3'd1, '1, 8'h10);
    set_inputs('1, '0, 8'd1);
    set_inputs(3'h4, 1'b1, 8'h55);
    set_inputs(3'h7, 1'b0, 8'h4);
    set_inputs(3'h1, 1'h1, 8'd1);
    set_inputs(3'h7, 1'b0, '0);
    repeat (6) begin
      for (int k = 0; k < 6; k++) set_inputs(3'($urandom), 1'($urandom), k);
    end
    check_outputs_known("test 21");

    // ---------------- Test 22: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(3'd1, 1'b1, 8'h1d);
    set_inputs(3'd1, 1'h1, 8'h4);
    set_inputs(3'h4, '1, 8'hff);
    set_inputs(3'h7, '1, 8'hbc);
    set_inputs(3'h6, '0, 8'h65);
    check_outputs_known("test 22");

    // Corner-value table
    begin
      logic [2:0] corners [6];
      corners = '{3'h0, 3'h7, 3'h5, 3'd1, 3'h5, 3'h2};
      foreach (corners[idx]) begin
        set_inputs(corners[idx], $urandom_range(0, 1), 8'($urandom));
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on mode_in
    for (int bit_idx = 0; bit_idx < $bits(mode_in); bit_idx++) begin
      mode_in = '0;
      mode_in[bit_idx] = 1'b1;
      @(posedge clk_in);
    end
    // Walking ones on ref_modulo
    for (int i = 0; i < $bits(ref_modulo); i++) begin
      ref_modulo = '0;
      ref_modulo[i] = 1'b1;
      @(posedge clk_in);
    end
    // Sweep mode_in with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 8; k++) begin
        mode_in = k;
        enable_in = $urandom_range(0, 1);
        ref_modulo = $random;
        @(posedge clk_in);
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
