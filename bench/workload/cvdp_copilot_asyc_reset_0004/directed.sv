/*
 * async_reset_tb.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the async_reset module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns / 1ps

module async_reset_tb;

  localparam int CLK_PERIOD = 10;
  localparam int NUM_RANDOM = 256;

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
    .reset(reset),
    .release_reset_o(release_reset_o),
    .gate_clk_o(gate_clk_o),
    .cnt_q(cnt_q)
  );

  // Clock generation
  initial begin
    clk = 1'b0;
    forever #(CLK_PERIOD/2) clk = ~clk;
  end

  integer passed = 0;
  integer errors = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic apply(
  );
    begin
      @(posedge clk);
    end
  endtask

  // Record one check: a condition that must hold
  task automatic check(input bit ok, input string what);
    if (ok) begin
      passed = passed + 1;
      if (verbose) $display("PASS: %s", what);
    end else begin
      errors = errors + 1;
      $error("FAIL: %s at %0t", what, $time);
    end
  endtask

  task automatic check_outputs_known(input string where);
    check(!$isunknown(release_reset_o), {where, ": release_reset_o known"});
    check(!$isunknown(gate_clk_o), {where, ": gate_clk_o known"});
    check(!$isunknown(cnt_q), {where, ": cnt_q known"});
  endtask

  task automatic random_vectors(input int n);
    for (int i = 0; i < n; i++) begin
      apply();
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 4);
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
        errors++;
      end
      if ($isunknown(gate_clk_o)) begin
        $error("[%0t] gate_clk_o is unknown: %b", $time, gate_clk_o);
        errors++;
      end
      if ($isunknown(cnt_q)) begin
        $error("[%0t] cnt_q is unknown: %b", $time, cnt_q);
        errors++;
      end
    end
  end

  initial begin
    #(2_000_000) $error("Timeout! The test did not finish");
    $finish;
  end

  initial begin
    $display("Starting async_reset directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // Corner-value table
    // Random regression
    random_vectors(NUM_RANDOM);
    // Reset again and re-run a short sequence
    reset_dut(3);
    random_vectors(32);

    $display("==========================================");
    $display("  Tests run : %0d", test_num);
    $display("  Passed    : %0d", passed);
    $display("  Failed    : %0d", errors);
    $display("==========================================");
    if (errors == 0) $display("ALL TESTS PASSED");
    $finish;
  end

endmodule
