// ------------------------------------------------------------------------------
// Testbench for apb_dsp_op
// Directed testbench: numbered tests with explicit stimulus and checks
// Instance name "apb_dsp_op_dut" is required by the coverage flow.
// ------------------------------------------------------------------------------
`timescale 1ns/1ps

module test_apb_dsp_op;

  // Parameters (defaults of the DUT)
  localparam ADDR_WIDTH = 'd8;
  localparam DATA_WIDTH = 'd32;

  localparam int CLK_PERIOD = 8;
  localparam int NUM_RANDOM = 300;

  // DUT inputs
  logic clk_dsp;
  logic PCLK;
  logic PRESETn;
  logic en_clk_dsp;
  logic [ADDR_WIDTH-1:0] PADDR;
  logic PWRITE;
  logic [DATA_WIDTH-1:0] PWDATA;
  logic PSEL;
  logic PENABLE;

  // DUT outputs
  logic [DATA_WIDTH-1:0] PRDATA;
  logic PREADY;
  logic PSLVERR;

  // Device under test
  apb_dsp_op apb_dsp_op_dut (
    .clk_dsp(clk_dsp),
    .en_clk_dsp(en_clk_dsp),
    .PCLK(PCLK),
    .PRESETn(PRESETn),
    .PADDR(PADDR),
    .PWRITE(PWRITE),
    .PWDATA(PWDATA),
    .PSEL(PSEL),
    .PENABLE(PENABLE),
    .PRDATA(PRDATA),
    .PREADY(PREADY),
    .PSLVERR(PSLVERR)
  );

  // Clock generation
  initial begin
    clk_dsp = 1'b0;
    forever #(CLK_PERIOD/2) clk_dsp = ~clk_dsp;
  end
  initial PCLK = 0;
  always #(7) PCLK = ~PCLK;

  integer passed = 0;
  integer errors = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic set_inputs(
    input logic en_clk_dsp_v,
    input logic [ADDR_WIDTH-1:0] PADDR_v,
    input logic PWRITE_v,
    input logic [DATA_WIDTH-1:0] PWDATA_v,
    input logic PSEL_v,
    input logic PENABLE_v
  );
    begin
      en_clk_dsp = en_clk_dsp_v;
      PADDR = PADDR_v;
      PWRITE = PWRITE_v;
      PWDATA = PWDATA_v;
      PSEL = PSEL_v;
      PENABLE = PENABLE_v;
      @(posedge clk_dsp);
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
    check(!$isunknown(PRDATA), {where, ": PRDATA known"});
    check(!$isunknown(PREADY), {where, ": PREADY known"});
    check(!$isunknown(PSLVERR), {where, ": PSLVERR known"});
  endtask

  task automatic random_vectors(input int n);
    for (int i = 0; i < n; i++) begin
      set_inputs($urandom_range(0, 1), $random, $urandom % 2, $urandom, $urandom_range(0, 1), $urandom_range(0, 1));
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 5);
    begin
      en_clk_dsp = '0;
      PADDR = '0;
      PWRITE = '0;
      PWDATA = '0;
      PSEL = '0;
      PENABLE = '0;
      PRESETn = 1'b0;
      repeat (cycles) @(posedge clk_dsp);
      PRESETn = 1'b1;
      @(posedge clk_dsp);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk_dsp) begin
    if (checks_enabled && PRESETn) begin
      if ($isunknown(PRDATA)) begin
        $error("[%0t] PRDATA is unknown: %b", $time, PRDATA);
        errors++;
      end
      if ($isunknown(PREADY)) begin
        $error("[%0t] PREADY is unknown: %b", $time, PREADY);
        errors++;
      end
      if ($isunknown(PSLVERR)) begin
        $error("[%0t] PSLVERR is unknown: %b", $time, PSLVERR);
        errors++;
      end
    end
  end

  localparam longint TIMEOUT_NS = 500_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
  end

  initial begin
    $display("Starting apb_dsp_op directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // ---------------- Test 1: alternating pattern ----------------
    test_num = test_num + 1;
    set_inputs(1'b0, 8'h0, '0, 32'd1, 1'b0, 1'b1);
    set_inputs(1'h1, 8'h0, 1'b0, 32'h100, 1'h1, 1'b1);
    set_inputs(1'b0, 8'd1, 1'b1, 32'd1, 1'h1, 1'h1);
    set_inputs('1, 8'h55, '0, 32'ha7bc6a27, 1'b0, 1'b0);
    set_inputs('1, 8'h55, 1'b0, 32'h55555555, 1'b1, 1'h0);
    repeat (2) begin
      for (int k = 0; k < 2; k++) set_inputs(1'($urandom), k, $urandom % 2, k, 1'($urandom), 1'($urandom));
    end
    check_outputs_known("test 1");

    // ---------------- Test 2: boundary values ----------------
    test_num = test_num + 1;
    $display("Test %0d: boundary values", test_num);
    set_inputs(1'h1, 8'h0, '0, 32'h8, '1, 1'b1);
    set_inputs('1, 8'h55, 1'b1, 32'h55555555, 1'b0, 1'b1);
    set_inputs(1'b0, 8'h8b, 1'b0, 32'h551f0db, 1'h1, 1'b1);
    set_inputs(1'h1, 8'd1, 1'h1, 32'he43a2508, '1, 1'd0);
    repeat (2) begin
      for (int k = 0; k < 6; k++) set_inputs(1'($urandom), k, 1'($urandom), k, $urandom % 2, $urandom_range(0, 1));
    end
    check_outputs_known("test 2");

    // ---------------- Test 3: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 8'h55, 1'd0, '0, 1'h1, 1'h1);
    set_inputs(1'b1, 8'd1, 1'h1, 32'h0, 1'h1, 1'h1);
    set_inputs(1'h1, 8'hff, 1'h1, 32'h55555555, 1'b1, 1'd0);
    set_inputs(1'd0, 8'h7d, '1, '1, 1'h1, 1'h1);
    set_inputs(1'h1, 8'd0, 1'b1, 32'h40, 1'h1, 1'h1);
    set_inputs(1'h1, 8'd1, '0, 32'h55555555, 1'd0, 1'h0);
    set_inputs(1'd0, 8'd1, 1'h1, 32'd1, 1'h1, 1'h1);
    set_inputs(1'h1, 8'h62, 1'b1, 32'h55555555, 1'b1, 1'b1);
    set_inputs(1'b0, 8'd1, '0, 32'h0, 1'h1, '1);
    check_outputs_known("test 3");

    // ---------------- Test 4: alternating pattern ----------------
    test_num = test_num + 1;
    $display("Test %0d: alternating pattern", test_num);
    set_inputs(1'b0, 8'ha8, 1'b1, 32'hc1d11202, 1'd0, 1'd0);
    set_inputs(1'b1, 8'h2, 1'h0, 32'h2, 1'b1, 1'h1);
    set_inputs('1, 8'd1, 1'b1, '1, 1'h1, 1'b0);
    set_inputs(1'b1, 8'h55, 1'h1, 32'h55555555, 1'b1, 1'h1);
    set_inputs(1'h1, 8'hff, '1, 32'h2590da08, 1'b1, 1'b1);
    set_inputs(1'h1, 8'hff, 1'h1, 32'h68ccbcaa, 1'b1, 1'b1);
    check_outputs_known("test 4");

    // ---------------- Test 5: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, '0, 1'h1, 32'h685a9c1, 1'b1, 1'b1);
    set_inputs(1'h1, 8'h2, 1'h1, 32'hffffffff, 1'h1, '1);
    set_inputs(1'h1, 8'h64, 1'h1, 32'h20c954e1, 1'b1, 1'b1);
    set_inputs(1'b0, 8'd0, '1, '1, 1'h1, 1'b1);
    set_inputs(1'b1, 8'hcc, 1'd0, '0, 1'h1, 1'h1);
    set_inputs(1'h1, 8'd1, 1'h1, 32'd0, 1'h1, '0);
    set_inputs(1'b1, 8'hd0, 1'd0, 32'd0, 1'h1, 1'b0);
    set_inputs(1'b1, 8'h78, 1'h1, 32'd1, 1'h1, '1);
    set_inputs(1'h0, 8'hff, '1, 32'h4a7922d5, 1'b0, 1'h1);
    set_inputs(1'h0, 8'h94, 1'b0, 32'h55555555, 1'b1, '1);
    set_inputs(1'd0, 8'd0, 1'h1, 32'h0, 1'b1, 1'b1);
    set_inputs(1'h1, 8'h0, 1'h1, 32'ha495ec9, 1'h0, 1'h1);
    check_outputs_known("test 5");

    // ---------------- Test 6: maximum on first operand ----------------
    test_num = test_num + 1;
    set_inputs(1'b0, 8'h33, 1'b1, 32'h29771078, 1'h1, 1'h1);
    set_inputs('0, 8'd1, 1'b1, '1, 1'b0, '1);
    set_inputs(1'b1, 8'd1, 1'h1, 32'h55555555, 1'h1, 1'h1);
    set_inputs(1'b0, 8'h4, 1'b0, 32'h800, '0, 1'b1);
    set_inputs(1'b1, 8'h55, 1'h1, 32'd1, 1'h0, 1'h0);
    check_outputs_known("test 6");

    // ---------------- Test 7: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(1'h0, 8'h67, '0, 32'h55555555, 1'h1, 1'b0);
    set_inputs(1'b1, 8'h55, '1, 32'h55555555, 1'h1, 1'b1);
    set_inputs(1'h1, 8'hf8, 1'h1, 32'hfef6191, 1'h1, 1'h1);
    set_inputs(1'b0, 8'h55, '0, 32'h55555555, 1'b0, 1'h1);
    set_inputs(1'h1, 8'h6c, 1'b1, 32'd1, 1'b1, '0);
    set_inputs(1'h1, 8'h4, 1'b0, 32'd1, 1'h0, '1);
    set_inputs(1'b0, 8'h10, 1'h1, 32'h80, 1'h1, 1'h1);
    set_inputs(1'b0, '1, 1'b1, 32'h100, 1'b0, 1'b0);
    set_inputs(1'b0, 8'h2, 1'h1, 32'h1000, 1'h1, '0);
    set_inputs(1'h1, 8'h55, 1'b1, 32'h80000000, 1'h1, 1'b0);
    set_inputs(1'b1, 8'd1, 1'b0, 32'hb46bbf06, 1'h0, '0);
    repeat (5) begin
      for (int k = 0; k < 7; k++) set_inputs($urandom_range(0, 1), k, 1'($urandom), k, $urandom_range(0, 1), $urandom % 2);
    end
    check_outputs_known("test 7");

    // ---------------- Test 8: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 8'd1, 1'h1, 32'h20000000, 1'b0, 1'h1);
    set_inputs(1'h0, '0, 1'b0, '1, 1'h1, 1'h1);
    set_inputs(1'h1, 8'h55, 1'b1, 32'h8, '0, 1'b0);
    set_inputs(1'h1, 8'h0, 1'h1, 32'h200000, '1, 1'h1);
    set_inputs(1'b1, 8'h7e, 1'b1, 32'he1a0c20a, 1'd0, 1'b0);
    check_outputs_known("test 8");

    // ---------------- Test 9: boundary values ----------------
    test_num = test_num + 1;
    $display("Test %0d: boundary values", test_num);
    set_inputs('1, 8'h40, 1'h0, 32'h100000, 1'b0, 1'b0);
    set_inputs(1'h1, 8'hff, 1'b0, 32'hd4bf09a7, '0, 1'h1);
    set_inputs(1'h1, 8'h59, 1'b0, 32'd0, 1'h1, 1'b1);
    set_inputs(1'h1, 8'h55, 1'b0, 32'd0, 1'h0, 1'b1);
    set_inputs(1'h1, 8'h3b, 1'b1, '1, '0, 1'b1);
    set_inputs(1'd0, 8'd0, 1'h1, 32'h1a3c54fd, 1'h1, 1'b1);
    set_inputs(1'h0, 8'hb4, 1'd0, 32'h100, 1'd0, 1'b1);
    set_inputs(1'b1, 8'h63, 1'b1, 32'h55555555, '1, 1'b1);
    set_inputs(1'h1, 8'h2f, 1'h1, 32'hffffffff, 1'b1, 1'h1);
    set_inputs(1'b0, 8'd0, 1'h1, 32'h556eccd9, 1'h1, 1'b0);
    repeat (4) begin
      for (int k = 0; k < 5; k++) set_inputs($urandom % 2, 8'($urandom), $urandom_range(0, 1), k, $urandom_range(0, 1), 1'($urandom));
    end
    check_outputs_known("test 9");

    // ---------------- Test 10: toggle control inputs ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 8'hec, 1'h1, 32'h80000000, 1'b0, 1'h1);
    set_inputs(1'h1, 8'd1, 1'h1, '0, 1'h1, 1'b1);
    set_inputs(1'b1, 8'hff, '1, 32'h55555555, 1'b0, 1'b1);
    set_inputs('1, 8'd1, 1'b1, '0, 1'b1, 1'h1);
    repeat (3) begin
      for (int k = 0; k < 4; k++) set_inputs(1'($urandom), k, 1'($urandom), $urandom, $urandom % 2, 1'($urandom));
    end
    check_outputs_known("test 10");

    // ---------------- Test 11: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 8'd0, 1'b1, 32'h55555555, '0, 1'b0);
    set_inputs(1'b1, 8'hff, 1'b0, 32'h0, 1'h0, 1'h1);
    set_inputs(1'h1, 8'h55, 1'b0, 32'h2, '0, 1'b1);
    set_inputs(1'b0, 8'h55, 1'h1, 32'h4c9042c6, 1'b0, 1'b1);
    set_inputs(1'b0, 8'd0, 1'h1, 32'hffffffff, 1'b1, 1'b0);
    check_outputs_known("test 11");

    // ---------------- Test 12: boundary values ----------------
    test_num = test_num + 1;
    $display("Test %0d: boundary values", test_num);
    set_inputs('1, 8'hcd, 1'd0, 32'h0, 1'h0, 1'h0);
    set_inputs(1'h1, 8'hbe, 1'h1, '1, 1'b1, 1'b1);
    set_inputs(1'h1, 8'd1, 1'h0, 32'd0, 1'b1, 1'h1);
    set_inputs(1'h1, 8'h3c, 1'b1, 32'd1, 1'h1, 1'h1);
    set_inputs('1, '1, 1'h1, 32'hffffffff, '1, 1'h1);
    repeat (2) begin
      for (int k = 0; k < 5; k++) set_inputs($urandom % 2, 8'($urandom), 1'($urandom), $urandom, $urandom % 2, $urandom % 2);
    end
    check_outputs_known("test 12");

    // ---------------- Test 13: all ones ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 8'd1, 1'b1, 32'h7512cb0a, 1'h1, 1'h0);
    set_inputs(1'h1, 8'h55, 1'b0, 32'hbcfda803, 1'b1, '1);
    set_inputs(1'b0, 8'd0, 1'b1, 32'd1, 1'h1, 1'h1);
    set_inputs(1'h1, '1, 1'b0, 32'h26612e51, 1'b1, 1'b1);
    check_outputs_known("test 13");

    // ---------------- Test 14: random values ----------------
    test_num = test_num + 1;
    set_inputs(1'h0, 8'h0, 1'h1, 32'h55555555, 1'b0, 1'b1);
    set_inputs(1'b1, 8'd0, 1'h1, 32'h0, 1'h0, 1'd0);
    set_inputs(1'b1, 8'h1, 1'b1, 32'd1, 1'h1, '1);
    set_inputs(1'b1, 8'h0, 1'b0, 32'h19815c1f, 1'b0, 1'h0);
    set_inputs(1'b1, 8'h55, 1'h1, 32'h4, 1'b1, 1'd0);
    set_inputs(1'b1, 8'h10, 1'b1, 32'h20, '0, 1'b1);
    repeat (2) begin
      for (int k = 0; k < 3; k++) set_inputs(1'($urandom), $random, 1'($urandom), k, $urandom_range(0, 1), $urandom % 2);
    end
    check_outputs_known("test 14");

    // ---------------- Test 15: all ones ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 8'h55, 1'b1, 32'd1, 1'h1, 1'h0);
    set_inputs(1'h0, 8'h7, 1'h1, 32'h80000000, 1'h1, 1'b1);
    set_inputs('0, 8'h0, '0, 32'd1, 1'b1, 1'b0);
    set_inputs(1'd0, 8'd1, 1'd0, 32'hc5fc2da2, 1'h1, 1'h1);
    set_inputs(1'b1, 8'h0, 1'h1, 32'hf6e8d2b6, 1'b1, 1'h1);
    set_inputs(1'b1, 8'h55, 1'h1, 32'h55555555, 1'h0, 1'h1);
    set_inputs(1'b0, 8'd1, 1'b1, '0, 1'h1, 1'b1);
    set_inputs(1'b1, 8'h10, 1'b1, 32'hf0c56bcb, '1, 1'd0);
    repeat (6) begin
      for (int k = 0; k < 6; k++) set_inputs(1'($urandom), k, $urandom % 2, k, $urandom_range(0, 1), $urandom % 2);
    end
    check_outputs_known("test 15");

    // ---------------- Test 16: alternating pattern ----------------
    test_num = test_num + 1;
    $display("Test %0d: alternating pattern", test_num);
    set_inputs(1'h1, 8'hff, 1'b0, 32'h55555555, 1'd0, 1'h1);
    set_inputs('1, 8'h6a, 1'b1, 32'd1, 1'b1, 1'b1);
    set_inputs(1'h1, '0, 1'h0, 32'hffffffff, '0, 1'h1);
    set_inputs(1'h1, 8'h55, 1'b1, 32'd0, 1'h1, 1'b1);
    check_outputs_known("test 16");

    // ---------------- Test 17: back-to-back changes ----------------
    test_num = test_num + 1;
    set_inputs(1'b0, 8'd1, 1'h1, 32'h0, 1'b1, 1'b0);
    set_inputs('1, 8'hb6, 1'h1, 32'hcd2e9370, 1'h0, 1'b1);
    set_inputs(1'b1, 8'h55, 1'h1, 32'h0, '1, 1'h1);
    set_inputs(1'b0, 8'h55, 1'h1, 32'd0, 1'h1, '1);
    set_inputs('0, 8'h9e, '1, 32'h919956b6, '0, 1'h1);
    set_inputs(1'h1, 8'h8, '1, '0, 1'h1, '0);
    set_inputs('0, 8'hac, 1'h1, 32'h4000, 1'h0, 1'h1);
    set_inputs(1'b1, 8'h74, 1'b1, 32'hffffffff, 1'h1, 1'h1);
    set_inputs('1, 8'd0, 1'b1, '1, 1'd0, '1);
    set_inputs(1'h1, '0, 1'h1, '1, 1'h1, 1'h1);
    set_inputs(1'h1, 8'hff, 1'b1, 32'h40000, '1, 1'd0);
    set_inputs(1'b0, 8'h9f, 1'h0, 32'hd8f26ab7, 1'b1, 1'b1);
    repeat (3) begin
      for (int k = 0; k < 3; k++) set_inputs($urandom_range(0, 1), k, $urandom_range(0, 1), $urandom, $urandom % 2, $urandom_range(0, 1));
    end
    check_outputs_known("test 17");

    // ---------------- Test 18: back-to-back changes ----------------
    test_num = test_num + 1;
    set_inputs('1, 8'he8, 1'h1, 32'd0, 1'b1, 1'b1);
    set_inputs(1'h1, 8'd0, 1'h1, 32'h2, 1'h0, 1'h1);
    set_inputs(1'b0, 8'h55, 1'b1, 32'd1, 1'b0, 1'h1);
    set_inputs(1'b0, 8'hcf, 1'h1, 32'h2000, 1'b1, 1'h0);
    set_inputs('0, 8'hff, 1'h1, 32'hffffffff, 1'b1, 1'b1);
    set_inputs(1'b1, '0, 1'h1, 32'hdfdc22e7, '1, 1'b0);
    repeat (2) begin
      for (int k = 0; k < 7; k++) set_inputs($urandom % 2, k, $urandom_range(0, 1), $urandom, $urandom % 2, $urandom % 2);
    end
    check_outputs_known("test 18");

    // ---------------- Test 19: single bit set ----------------
    test_num = test_num + 1;
    $display("Test %0d: single bit set", test_num);
    set_inputs(1'h1, 8'h55, 1'b1, 32'h1db4032b, 1'b1, 1'b1);
    set_inputs(1'b0, 8'h0, '0, 32'h100000, 1'h1, 1'b1);
    set_inputs(1'h1, 8'd1, 1'b0, 32'd1, 1'b0, 1'b1);
    set_inputs(1'b0, 8'h1, '0, 32'heade4215, '0, 1'h1);
    set_inputs(1'b0, 8'hff, 1'b1, 32'h800000, 1'h1, 1'b1);
    set_inputs(1'd0, 8'd1, 1'b0, 32'h4, 1'h1, '0);
    set_inputs(1'b0, 8'hb1, '1, 32'h554b814d, 1'b0, 1'b0);
    set_inputs(1'b1, 8'd1, 1'h1, 32'h7f845950, 1'b1, '0);
    set_inputs(1'h1, '1, 1'b0, 32'ha918df6d, 1'd0, 1'b1);
    set_inputs(1'h1, 8'hd1, 1'b0, 32'h0, 1'b1, 1'b0);
    set_inputs(1'b0, 8'h55, 1'b1, '1, '0, 1'b0);
    check_outputs_known("test 19");

    // ---------------- Test 20: random values ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 8'h8e, '1, 32'h33dd933f, 1'b0, 1'h1);
    set_inputs('0, 8'hf9, 1'h0, 32'h614fa132, 1'b1, 1'h1);
    set_inputs('0, 8'd1, 1'd0, 32'd0, 1'b1, 1'b1);
    set_inputs(1'h1, 8'h8, 1'b1, 32'h2d2f9ed3, 1'b1, '1);
    set_inputs(1'd0, 8'hff, 1'h1, '1, '1, 1'b0);
    set_inputs(1'b1, 8'hab, 1'h1, 32'h0, '0, 1'b1);
    set_inputs(1'h1, 8'h2c, '0, 32'he096c6cb, 1'b1, 1'b1);
    set_inputs(1'h1, 8'hff, 1'b1, 32'hd452ffe0, 1'd0, 1'b1);
    set_inputs(1'b1, 8'h3e, 1'b1, 32'd1, 1'b1, 1'b1);
    set_inputs(1'b1, 8'h17, 1'h0, 32'ha4d69359, '1, 1'b1);
    set_inputs(1'b1, 8'h10, 1'b0, 32'hc1cd0d88, 1'b1, 1'h1);
    set_inputs(1'b0, '1, 1'b0, 32'h20, '1, 1'h1);
    repeat (3) begin
      for (int k = 0; k < 4; k++) set_inputs($urandom_range(0, 1), $random, $urandom % 2, k, $urandom_range(0, 1), $urandom_range(0, 1));
    end
    check_outputs_known("test 20");

    // ---------------- Test 21: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, '1, 1'b1, '1, 1'b1, 1'h1);
    set_inputs(1'h1, 8'd1, 1'h1, 32'hffffffff, 1'b1, 1'b1);
    set_inputs('0, 8'hb0, '1, 32'h55555555, '0, '1);
    set_inputs(1'b1, 8'h0, 1'b1, 32'h2000, 1'b1, 1'b1);
    set_inputs(1'b0, 8'd0, 1'h1, 32'd0, 1'h1, 1'h1);
    set_inputs(1'b1, 8'h73, 1'h1, 32'h905b35fd, 1'h1, '1);
    set_inputs(1'b1, 8'h2, 1'b0, 32'd1, 1'h1, 1'h1);
    set_inputs(1'b1, 8'h0, '1, 32'd1, '1, 1'h0);
    set_inputs(1'b1, 8'hc1, 1'h0, '1, '0, 1'b1);
    set_inputs(1'h1, 8'ha3, 1'h1, 32'h80, 1'b0, 1'h1);
    check_outputs_known("test 21");

    // ---------------- Test 22: toggle control inputs ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 8'h4, 1'b1, 32'd0, 1'b1, 1'h1);
    set_inputs(1'h1, '0, 1'b1, 32'h80000, 1'b1, 1'h0);
    set_inputs(1'b1, 8'd1, 1'h1, '1, '1, 1'h1);
    set_inputs(1'b0, 8'h40, 1'b0, 32'd1, 1'h1, '0);
    set_inputs('1, 8'hde, 1'h1, 32'h2000000, 1'h0, 1'b0);
    set_inputs(1'h1, 8'hff, 1'h1, 32'h55555555, 1'b1, 1'b0);
    set_inputs('1, 8'hff, 1'h1, 32'hec751bc2, 1'h1, '0);
    set_inputs('0, 8'h55, 1'h1, 32'd1, 1'b0, '1);
    set_inputs(1'b1, 8'h0, 1'b1, 32'h8a046621, 1'h1, '0);
    set_inputs(1'b1, '1, '1, 32'h37e9e7f8, 1'b1, 1'd0);
    set_inputs(1'h1, 8'h62, 1'b1, 32'd1, 1'b1, 1'd0);
    set_inputs(1'd0, '1, 1'h1, 32'h17cb7136, 1'h1, 1'h1);
    check_outputs_known("test 22");

    // Corner-value table
    begin
      logic [ADDR_WIDTH-1:0] corners [6];
      corners = '{'0, '1, 8'h55, 8'd1, 8'h56, 8'h4};
      foreach (corners[idx]) begin
        set_inputs($urandom_range(0, 1), corners[idx], $urandom_range(0, 1), $urandom, $urandom % 2, 1'($urandom));
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on PADDR
    for (int k = 0; k < $bits(PADDR); k++) begin
      PADDR = '0;
      PADDR[k] = 1'b1;
      @(posedge clk_dsp);
    end
    // Walking ones on PWDATA
    for (int bit_idx = 0; bit_idx < $bits(PWDATA); bit_idx++) begin
      PWDATA = '0;
      PWDATA[bit_idx] = 1'b1;
      @(posedge clk_dsp);
    end
    // Sweep PADDR with every other input random, a few passes
    repeat (4) begin
      for (int k = 0; k < 64; k++) begin
        PADDR = k;
        en_clk_dsp = $urandom_range(0, 1);
        PWRITE = $urandom % 2;
        PWDATA = $urandom;
        PSEL = $urandom_range(0, 1);
        @(posedge clk_dsp);
      end
    end
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
