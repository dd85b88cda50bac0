/*
 * tb_cache_mshr.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the cache_mshr module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module tb_cache_mshr;

  // Parameters (defaults of the DUT)
  localparam INSTANCE_ID = "mo_mshr";
  localparam MSHR_SIZE = 32;
  localparam CS_LINE_ADDR_WIDTH = 10;
  localparam WORD_SEL_WIDTH = 4;
  localparam WORD_SIZE = 4;
  localparam MSHR_ADDR_WIDTH = $clog2(MSHR_SIZE);
  localparam TAG_WIDTH = 32 - (CS_LINE_ADDR_WIDTH+ $clog2(WORD_SIZE) + WORD_SEL_WIDTH);
  localparam CS_WORD_WIDTH = WORD_SIZE * 8;
  localparam DATA_WIDTH = WORD_SEL_WIDTH + WORD_SIZE + CS_WORD_WIDTH + TAG_WIDTH;

  localparam int CLK_PERIOD = 10;
  localparam int NUM_RANDOM = 500;

  // DUT inputs
  reg clk;
  reg reset;
  reg allocate_valid;
  reg [CS_LINE_ADDR_WIDTH-1:0] allocate_addr;
  reg allocate_rw;
  reg [DATA_WIDTH-1:0] allocate_data;
  reg finalize_valid;
  reg [MSHR_ADDR_WIDTH-1:0] finalize_id;

  // DUT outputs
  wire allocate_ready;
  wire [MSHR_ADDR_WIDTH-1:0] allocate_id;
  wire allocate_pending;
  wire [MSHR_ADDR_WIDTH-1:0] allocate_previd;

  // Device under test
  cache_mshr #(
    .MSHR_SIZE(MSHR_SIZE),
    .WORD_SEL_WIDTH(WORD_SEL_WIDTH),
    .CS_WORD_WIDTH(CS_WORD_WIDTH)
  ) dut (
    .clk(clk),
    .reset(reset),
    .allocate_valid(allocate_valid),
    .allocate_ready(allocate_ready),
    .allocate_addr(allocate_addr),
    .allocate_rw(allocate_rw),
    .allocate_data(allocate_data),
    .allocate_id(allocate_id),
    .allocate_pending(allocate_pending),
    .allocate_previd(allocate_previd),
    .finalize_valid(finalize_valid),
    .finalize_id(finalize_id)
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
    input logic allocate_valid_v,
    input logic [CS_LINE_ADDR_WIDTH-1:0] allocate_addr_v,
    input logic allocate_rw_v,
    input logic [DATA_WIDTH-1:0] allocate_data_v,
    input logic finalize_valid_v,
    input logic [MSHR_ADDR_WIDTH-1:0] finalize_id_v
  );
    begin
      allocate_valid = allocate_valid_v;
      allocate_addr = allocate_addr_v;
      allocate_rw = allocate_rw_v;
      allocate_data = allocate_data_v;
      finalize_valid = finalize_valid_v;
      finalize_id = finalize_id_v;
      @(posedge clk);
      #1;
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
    check(!$isunknown(allocate_ready), {where, ": allocate_ready known"});
    check(!$isunknown(allocate_id), {where, ": allocate_id known"});
    check(!$isunknown(allocate_pending), {where, ": allocate_pending known"});
    check(!$isunknown(allocate_previd), {where, ": allocate_previd known"});
  endtask

  task automatic random_vectors(input int n);
    for (int i = 0; i < n; i++) begin
      apply(1'($urandom), $random, $urandom_range(0, 1), {$urandom, $urandom}, 1'($urandom), 5'($urandom));
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 2);
    begin
      allocate_valid = '0;
      allocate_addr = '0;
      allocate_rw = '0;
      allocate_data = '0;
      finalize_valid = '0;
      finalize_id = '0;
      reset = 1'b1;
      repeat (cycles) @(posedge clk);
      reset = 1'b0;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk) begin
    if (checks_enabled && !reset) begin
      if ($isunknown(allocate_ready)) begin
        $error("[%0t] allocate_ready is unknown: %b", $time, allocate_ready);
        errors++;
      end
      if ($isunknown(allocate_id)) begin
        $error("[%0t] allocate_id is unknown: %b", $time, allocate_id);
        errors++;
      end
      if ($isunknown(allocate_pending)) begin
        $error("[%0t] allocate_pending is unknown: %b", $time, allocate_pending);
        errors++;
      end
      if ($isunknown(allocate_previd)) begin
        $error("[%0t] allocate_previd is unknown: %b", $time, allocate_previd);
        errors++;
      end
    end
  end

  localparam longint TIMEOUT_NS = 5_000_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
  end

  initial begin
    $display("Starting cache_mshr directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // ---------------- Test 1: toggle control inputs ----------------
    test_num = test_num + 1;
    $display("Test %0d: toggle control inputs", test_num);
    apply('0, 10'h141, 1'h1, 56'hf32b4f8eb166dd, 1'h1, 5'h15);
    apply(1'd0, 10'h0, 1'h1, 56'h2000000000, 1'b0, 5'h10);
    apply('1, '0, '0, 56'h8d5c8f7515fc27, '0, 5'h8);
    apply(1'h1, 10'h155, 1'b1, 56'h55555555555555, 1'b0, 5'h1f);
    apply(1'b1, 10'h155, 1'h0, 56'd1, 1'h1, 5'h1);
    apply(1'b1, 10'h3ff, 1'b0, 56'd0, '1, 5'h9);
    apply(1'b1, 10'h155, 1'd0, '1, 1'h1, 5'h10);
    apply(1'h0, 10'h155, 1'b0, 56'h0, 1'b0, 5'd1);
    apply(1'b1, 10'd0, 1'b1, 56'h411d72d5e4a804, 1'h1, 5'h1f);
    repeat (5) begin
      for (int k = 0; k < 6; k++) apply($urandom % 2, k, 1'($urandom), k, $urandom_range(0, 1), 5'($urandom));
    end
    check_outputs_known("test 1");

    // ---------------- Test 2: boundary values ----------------
    test_num = test_num + 1;
    apply(1'h1, 10'h1a4, '1, 56'ha2d353a1e9d7b8, 1'h0, 5'h4);
    apply(1'b0, '0, 1'b1, 56'h3e20b204619d18, 1'h1, '0);
    apply(1'h0, 10'h20, 1'b0, 56'd0, 1'h1, 5'h11);
    apply(1'h1, 10'h3ff, 1'h1, 56'h400000000000, 1'b1, '1);
    repeat (6) begin
      for (int k = 0; k < 6; k++) apply(1'($urandom), k, $urandom % 2, {$urandom, $urandom}, $urandom_range(0, 1), k);
    end
    check_outputs_known("test 2");

    // ---------------- Test 3: all zeros ----------------
    test_num = test_num + 1;
    apply(1'b1, 10'h61, 1'h1, 56'had7b3ab88205ba, 1'h1, 5'h2);
    apply(1'd0, 10'd1, 1'b1, 56'hcfd1c5630fb51f, 1'b1, 5'd1);
    apply(1'h1, 10'd0, 1'b0, '0, 1'b1, 5'h16);
    apply(1'h1, 10'h78, '1, 56'he579b97bd362b1, 1'h1, 5'h8);
    apply(1'b1, 10'h153, 1'h1, 56'd1, 1'b1, 5'h13);
    apply(1'h1, 10'h4, 1'h1, 56'h0, 1'h1, 5'd0);
    apply(1'b1, 10'h155, 1'h1, 56'h0, 1'h1, 5'h1b);
    apply(1'h1, 10'd1, 1'b0, 56'h55555555555555, 1'h1, 5'h19);
    apply(1'b1, '1, 1'b0, 56'd1, 1'h1, 5'd1);
    check_outputs_known("test 3");

    // ---------------- Test 4: back-to-back changes ----------------
    test_num = test_num + 1;
    apply(1'd0, 10'h155, 1'd0, 56'h55555555555555, 1'b1, 5'h6);
    apply(1'b1, 10'h2, 1'h1, 56'h6a79c6c1b8950, 1'h1, 5'h18);
    apply(1'h1, 10'h155, 1'h1, 56'h55555555555555, 1'h1, 5'h2);
    apply(1'h1, '0, '1, 56'h55555555555555, 1'b1, 5'h15);
    apply(1'b1, 10'he, '0, 56'h8, '1, '0);
    apply(1'h1, 10'h155, '1, 56'h38d6e7b44f241, 1'd0, 5'h14);
    apply(1'h1, 10'h155, 1'h1, 56'h55555555555555, 1'b1, 5'h1f);
    apply(1'b1, 10'h7a, 1'h1, 56'h400000000000, 1'h1, 5'h15);
    apply(1'h1, 10'd1, 1'h1, '1, 1'b0, 5'h1a);
    apply(1'h0, 10'h2f8, 1'h1, 56'd1, '1, 5'd1);
    apply(1'b1, '0, 1'b0, 56'h55555555555555, 1'b1, 5'h1c);
    apply(1'b1, '1, '1, 56'h55555555555555, 1'b1, '1);
    repeat (2) begin
      for (int k = 0; k < 7; k++) apply($urandom % 2, k, 1'($urandom), {$urandom, $urandom}, 1'($urandom), $random);
    end
    check_outputs_known("test 4");

    // ---------------- Test 5: back-to-back changes ----------------
    test_num = test_num + 1;
    apply(1'h1, 10'h269, 1'b1, 56'h4000000, 1'b1, 5'h1c);
    apply('0, 10'h0, '1, 56'h8c813ce20860f0, 1'b1, '0);
    apply('0, 10'h8, 1'h1, 56'h55555555555555, 1'h1, 5'h15);
    apply(1'h1, 10'h200, 1'h1, '1, 1'b1, 5'd0);
    apply(1'b1, 10'd1, 1'h1, 56'd1, '1, 5'h8);
    apply(1'b1, '0, 1'b1, 56'h55555555555555, 1'h1, 5'h15);
    apply(1'h1, 10'd0, '0, 56'h98dfdeb9f4ae41, '0, 5'hf);
    apply('1, 10'h8, 1'h1, 56'h55555555555555, 1'h1, 5'h14);
    apply(1'b0, 10'h2, 1'h1, 56'h1000000000000, 1'h1, 5'h2);
    apply(1'b1, 10'h2c, 1'b0, '1, 1'h1, 5'hb);
    apply(1'h1, 10'h154, '1, 56'd0, 1'h1, 5'd1);
    apply(1'b1, 10'h1e2, 1'h1, 56'h100, 1'b0, 5'd0);
    check_outputs_known("test 5");

    // ---------------- Test 6: single bit set ----------------
    test_num = test_num + 1;
    apply(1'h1, 10'hf, 1'h1, 56'h200000, 1'h1, 5'h0);
    apply(1'b1, 10'h0, 1'b1, 56'hb9cf96d0cafe30, 1'b1, 5'd1);
    apply(1'h0, 10'd1, 1'b1, 56'h55555555555555, 1'b1, '0);
    apply(1'h1, 10'd1, 1'h1, 56'h7d94318d807ce2, 1'h1, 5'h1f);
    repeat (4) begin
      for (int k = 0; k < 2; k++) apply(1'($urandom), k, 1'($urandom), {$urandom, $urandom}, $urandom % 2, $urandom_range(0, 31));
    end
    check_outputs_known("test 6");

    // ---------------- Test 7: hold inputs stable ----------------
    test_num = test_num + 1;
    apply(1'b1, 10'h20e, '1, '1, 1'b1, 5'h8);
    apply(1'h1, 10'h3ff, '0, 56'hd7f982b2c1f921, 1'h1, 5'h12);
    apply(1'h1, '0, 1'h1, 56'h40000000, 1'b1, 5'h15);
    apply(1'h1, 10'h155, 1'h1, 56'd1, 1'b0, 5'h8);
    apply('1, 10'h155, 1'b1, 56'h88bf2d88b64557, 1'b1, 5'h1f);
    apply(1'b1, 10'h0, 1'h1, 56'h800000000, 1'b1, 5'h2);
    check_outputs_known("test 7");

    // ---------------- Test 8: all zeros ----------------
    test_num = test_num + 1;
    apply(1'h1, 10'h170, '0, 56'h55555555555555, 1'h1, 5'h16);
    apply(1'h1, 10'h26d, '1, 56'd1, 1'h1, 5'h1f);
    apply(1'd0, 10'd0, 1'h1, 56'h1000000000000, 1'b0, 5'd1);
    apply('1, 10'h158, 1'b1, 56'd1, 1'h1, 5'h5);
    apply(1'b1, 10'h10, 1'b1, '1, 1'h1, 5'h4);
    apply(1'b1, 10'h200, '1, 56'h8773430feeb594, 1'h1, '0);
    apply(1'h1, 10'h155, 1'b0, 56'heca1dbdd5a2112, 1'b1, 5'h1);
    apply(1'b1, 10'h3ff, 1'b1, 56'd0, 1'h1, 5'd1);
    apply(1'h1, 10'h32c, 1'h1, 56'hb9c145f837f09e, '1, '1);
    apply(1'b0, 10'd1, 1'h1, '1, 1'b1, '1);
    apply(1'h1, 10'h2c6, 1'h1, 56'h55555555555555, 1'b0, 5'h10);
    apply(1'b1, 10'd1, 1'b1, 56'd1, 1'b1, '1);
    check_outputs_known("test 8");

    // ---------------- Test 9: boundary values ----------------
    test_num = test_num + 1;
    apply(1'h1, 10'h155, '0, 56'h80000, 1'h1, 5'h1a);
    apply(1'b1, '1, 1'd0, 56'h1000000000000, 1'h1, '1);
    apply(1'b1, 10'h40, 1'b1, 56'h400000000000, 1'h1, 5'h15);
    apply(1'h1, '1, 1'd0, 56'd0, 1'b0, 5'd0);
    apply(1'b1, 10'h376, 1'd0, '0, 1'h1, 5'h15);
    apply(1'b0, 10'h2bc, '1, 56'haa1eccc4277c75, 1'h1, 5'h15);
    check_outputs_known("test 9");

    // ---------------- Test 10: boundary values ----------------
    test_num = test_num + 1;
    apply('0, 10'h155, 1'b0, 56'h0, 1'b1, 5'h7);
    apply(1'h1, 10'd1, 1'b0, 56'h1f90185e24e6a9, 1'b0, 5'h1f);
    apply(1'b1, '1, 1'h1, 56'h8, 1'b0, '0);
    apply(1'd0, 10'h9, 1'h1, 56'h55555555555555, 1'h1, 5'h10);
    apply(1'h1, 10'h348, 1'd0, '1, 1'h1, 5'h15);
    check_outputs_known("test 10");

    // ---------------- Test 11: back-to-back changes ----------------
    test_num = test_num + 1;
    apply(1'b1, 10'd1, 1'b1, 56'h55555555555555, 1'h1, 5'd1);
    apply(1'b1, 10'h155, 1'h1, 56'h4000, 1'b1, 5'd1);
    apply(1'h1, '1, 1'b1, 56'd0, '1, 5'd1);
    apply(1'h1, 10'h15c, '1, '1, 1'b1, '0);
    apply(1'h1, '1, 1'h1, 56'h1000000000, 1'd0, 5'h19);
    check_outputs_known("test 11");

    // ---------------- Test 12: alternating pattern ----------------
    test_num = test_num + 1;
    apply(1'b1, 10'hbd, 1'h1, '1, 1'h0, 5'h5);
    apply('1, 10'h10, 1'h0, 56'h5e192851977e48, 1'h1, '0);
    apply(1'd0, 10'h155, 1'h1, 56'd0, 1'b1, 5'h1d);
    apply(1'b1, 10'h1, 1'h1, 56'h83b63723d43412, 1'h1, 5'h19);
    apply(1'b0, 10'h376, 1'b1, 56'hd622b7b481d519, 1'b1, 5'h15);
    apply(1'b0, 10'h323, 1'b0, 56'h8000000000000, 1'b1, 5'd1);
    apply(1'b0, 10'd1, 1'h1, 56'h34e7e5fb9dfea4, 1'h1, '0);
    apply(1'h1, 10'h80, 1'b0, 56'h55555555555555, 1'h1, 5'd1);
    check_outputs_known("test 12");

    // ---------------- Test 13: alternating pattern ----------------
    test_num = test_num + 1;
    apply('0, '1, '1, 56'h400000000, 1'b0, 5'h13);
    apply('0, 10'h155, 1'b0, 56'h55555555555555, 1'h1, 5'h1c);
    apply(1'h1, '1, 1'h1, '1, 1'b1, 5'h5);
    apply(1'b0, 10'h3ff, 1'b0, 56'h10, 1'h1, '1);
    apply('0, 10'd0, 1'b0, 56'h1000000, 1'h1, 5'h15);
    check_outputs_known("test 13");

    // ---------------- Test 14: back-to-back changes ----------------
    test_num = test_num + 1;
    apply(1'b0, 10'h7b, 1'd0, 56'h0, 1'b1, 5'ha);
    apply(1'b1, 10'h155, 1'b1, 56'hc719db25d4088b, 1'b0, 5'h0);
    apply(1'h0, 10'h3ff, 1'b0, 56'd1, 1'h1, 5'd0);
    apply(1'b1, 10'h0, 1'b1, 56'h36e82c185cbeb4, 1'b0, 5'h1f);
    apply(1'd0, 10'h155, 1'b1, 56'd0, 1'b1, 5'h5);
    apply(1'b1, 10'h3dc, 1'b1, 56'hf23fe8c9aa8fa0, 1'h1, '1);
    apply(1'h0, 10'h1de, 1'h1, 56'he97fb41cf9716, 1'b1, '1);
    apply(1'h1, 10'h280, 1'b1, 56'hf29f579a8dbf5d, 1'b0, 5'h15);
    apply(1'h1, 10'd1, 1'h1, 56'h8, 1'b0, 5'h10);
    apply(1'h1, 10'h2c1, 1'h1, 56'h55555555555555, 1'b1, '1);
    repeat (6) begin
      for (int k = 0; k < 4; k++) apply($urandom_range(0, 1), 10'($urandom), 1'($urandom), {$urandom, $urandom}, $urandom_range(0, 1), $urandom);
    end
    check_outputs_known("test 14");

    // ---------------- Test 15: alternating pattern ----------------
    test_num = test_num + 1;
    apply(1'd0, 10'h155, 1'h1, '1, 1'b1, 5'h6);
    apply(1'h0, 10'h1, 1'h0, 56'h55555555555555, 1'h1, 5'h1f);
    apply(1'h1, 10'h3ff, 1'b1, '1, '0, 5'h4);
    apply(1'h1, 10'd0, 1'd0, '1, 1'h1, 5'd0);
    apply(1'b0, 10'h23a, 1'b1, '1, '1, 5'h15);
    apply(1'h1, 10'h204, 1'b1, 56'h40000000000000, 1'h1, 5'h1f);
    apply(1'b0, 10'h155, 1'h1, 56'h0, '0, 5'h1b);
    apply(1'b0, 10'd0, 1'h1, 56'h55555555555555, 1'h1, 5'h1b);
    apply('0, 10'h80, 1'h1, 56'h4000000, 1'b1, 5'h15);
    apply(1'h1, 10'h18a, '0, 56'h4000, 1'h1, '0);
    repeat (5) begin
      for (int k = 0; k < 6; k++) apply($urandom_range(0, 1), k, 1'($urandom), k, 1'($urandom), $urandom_range(0, 31));
    end
    check_outputs_known("test 15");

    // ---------------- Test 16: random values ----------------
    test_num = test_num + 1;
    apply('0, 10'h155, 1'b0, 56'h55555555555555, 1'h1, '1);
    apply('0, 10'd1, 1'h1, 56'h0, 1'b1, 5'h4);
    apply(1'b0, 10'hc5, 1'b1, '1, 1'b0, 5'h15);
    apply('1, 10'h1d6, 1'b0, 56'h160c568cf3b17b, 1'b1, 5'ha);
    apply(1'b1, 10'h3ff, 1'h1, '1, 1'd0, 5'h15);
    apply(1'b0, 10'h20, 1'h1, 56'h4bd90095d677b3, 1'b1, 5'h1f);
    repeat (4) begin
      for (int k = 0; k < 7; k++) apply($urandom_range(0, 1), $random, $urandom_range(0, 1), k, $urandom % 2, k);
    end
    check_outputs_known("test 16");

    // ---------------- Test 17: single bit set ----------------
    test_num = test_num + 1;
    apply(1'h0, 10'h100, 1'b0, 56'h4000000000, 1'b0, 5'd1);
    apply(1'h1, 10'd1, 1'b1, 56'hdd3636aee20870, 1'b1, 5'h4);
    apply(1'b0, 10'h219, 1'h1, 56'hdf1762adfef, 1'b0, 5'ha);
    apply(1'b1, 10'h155, 1'h1, 56'd1, 1'h1, 5'h3);
    apply(1'h1, 10'h71, '1, 56'h55555555555555, 1'b1, '1);
    apply(1'b1, '1, 1'b1, 56'd0, 1'b1, 5'h18);
    apply(1'd0, 10'h1d2, 1'h1, 56'h8000000000, 1'h1, 5'd0);
    apply(1'h1, 10'h40, 1'h1, 56'h5786dc33487aa2, 1'h1, 5'h15);
    apply(1'd0, 10'h155, 1'h1, 56'h200000000, 1'b0, 5'hd);
    apply(1'b1, 10'h3f5, '1, 56'h55555555555555, 1'h0, '1);
    check_outputs_known("test 17");

    // ---------------- Test 18: maximum on first operand ----------------
    test_num = test_num + 1;
    apply(1'h1, 10'h1, 1'h1, 56'h1e971ccf8ca37e, 1'b1, 5'h18);
    apply(1'b1, 10'h155, 1'h1, 56'h8e288b85aa6f59, 1'h1, 5'd1);
    apply(1'b1, 10'd1, 1'b1, 56'h0, 1'b1, '0);
    apply(1'b0, 10'h3ff, 1'b1, 56'hfe3e7380bf273d, 1'b1, 5'd1);
    apply(1'b1, 10'had, 1'b1, '1, 1'b0, 5'h10);
    apply(1'h1, 10'h20, 1'b1, 56'd0, 1'h1, 5'h10);
    apply(1'b0, 10'h200, 1'h1, 56'hf478679cc35d9e, 1'd0, 5'h4);
    apply('1, 10'h3ff, 1'h0, '1, 1'h0, '1);
    check_outputs_known("test 18");

    // ---------------- Test 19: all ones ----------------
    test_num = test_num + 1;
    $display("Test %0d: all ones", test_num);
    apply(1'h1, 10'd1, 1'b0, '1, 1'b1, '1);
    apply(1'h1, 10'h155, '1, 56'h55555555555555, 1'b0, 5'd0);
    apply(1'b1, 10'h3ff, 1'h1, 56'd1, '1, 5'd1);
    apply('0, 10'h155, 1'b1, 56'd1, 1'h0, 5'h0);
    apply(1'h1, '1, 1'b1, 56'h55555555555555, 1'd0, 5'h14);
    apply(1'h1, 10'h248, 1'h1, 56'd1, 1'h1, 5'h10);
    apply(1'b1, 10'd1, 1'h1, '0, 1'h1, 5'h10);
    check_outputs_known("test 19");

    // ---------------- Test 20: alternating pattern ----------------
    test_num = test_num + 1;
    apply(1'h0, 10'h155, 1'h1, 56'h0, 1'd0, 5'h10);
    apply(1'b1, 10'h200, 1'b1, 56'h55555555555555, '0, 5'h1f);
    apply(1'd0, 10'h3ff, 1'b1, 56'h55555555555555, 1'h1, 5'h15);
    apply(1'b1, 10'h1cc, 1'b1, 56'hdd38af7d6f7aba, '1, 5'h1f);
    apply(1'b1, 10'h282, 1'h1, '1, 1'h1, 5'd1);
    repeat (5) begin
      for (int k = 0; k < 2; k++) apply(1'($urandom), k, $urandom_range(0, 1), k, 1'($urandom), k);
    end
    check_outputs_known("test 20");

    // ---------------- Test 21: hold inputs stable ----------------
    test_num = test_num + 1;
    $display("Test %0d: hold inputs stable", test_num);
    apply(1'b0, 10'h155, '0, 56'h0, 1'h1, 5'h8);
    apply(1'h1, 10'h4, 1'b1, 56'h0, 1'b1, '1);
    apply(1'b0, 10'd0, 1'b1, 56'h960e8ebbbd2658, 1'h1, 5'd1);
    apply(1'h1, 10'h9e, 1'h1, 56'hf17aa708bd14bb, '0, 5'he);
    apply(1'h1, 10'h155, 1'b0, 56'd1, 1'b0, 5'hd);
    apply(1'b1, 10'd0, 1'h1, '0, 1'h1, 5'h15);
    apply(1'h1, 10'd1, 1'b0, 56'h6837eca46adaf5, 1'b1, 5'h17);
    apply(1'h1, 10'h3ff, 1'b1, 56'h55555555555555, 1'h1, 5'h10);
    apply(1'h1, '1, 1'h0, 56'h80, 1'h1, '1);
    repeat (3) begin
      for (int k = 0; k < 4; k++) apply($urandom % 2, k, $urandom_range(0, 1), {$urandom, $urandom}, 1'($urandom), k);
    end
    check_outputs_known("test 21");

    // ---------------- Test 22: toggle control inputs ----------------
    test_num = test_num + 1;
    apply(1'b1, 10'h26f, '0, '1, 1'h1, 5'h15);
    apply(1'h1, 10'h3a6, 1'b1, 56'h0, 1'h1, 5'h4);
    apply(1'h1, 10'd0, 1'b0, '1, 1'h1, 5'h8);
    apply(1'd0, 10'h42, '0, 56'd0, 1'd0, '1);
    apply(1'b0, 10'd1, 1'b1, '1, 1'd0, 5'h1a);
    check_outputs_known("test 22");

    // ---------------- Test 23: all zeros ----------------
    test_num = test_num + 1;
    $display("Test %0d: all zeros", test_num);
    apply(1'b1, 10'h3e, 1'b0, 56'hca7ffdde384e33, '1, '1);
    apply(1'h1, 10'd1, '0, 56'h89e5eb7edbd805, 1'h1, 5'h10);
    apply(1'h0, 10'd0, 1'h1, '1, 1'h1, 5'h10);
    apply(1'h1, 10'h100, 1'b1, 56'd0, 1'b0, 5'h15);
    apply(1'b0, 10'h1c4, 1'b1, 56'h8e3e721e82e472, 1'h1, 5'h10);
    apply(1'h1, 10'hba, 1'h1, 56'he5c9bc5e638862, 1'b0, 5'h15);
    apply(1'h1, 10'd1, 1'h1, 56'hc2c3d0998cf9fe, 1'h1, 5'h1f);
    apply(1'h1, 10'h11a, 1'h1, 56'd1, 1'h1, 5'h1f);
    repeat (2) begin
      for (int k = 0; k < 6; k++) apply($urandom_range(0, 1), $urandom, $urandom_range(0, 1), k, $urandom % 2, $urandom_range(0, 31));
    end
    check_outputs_known("test 23");

    // ---------------- Test 24: boundary values ----------------
    test_num = test_num + 1;
    apply(1'b1, 10'h16f, 1'b0, 56'hd3b91aaf98727, 1'd0, 5'h15);
    apply(1'b0, 10'h155, 1'h1, 56'ha4feb1e9fb1b74, 1'b1, 5'd0);
    apply(1'h0, 10'h155, 1'h1, 56'd1, 1'b0, 5'h10);
    apply(1'h1, 10'h3ff, '1, 56'hf664c1dae1f830, 1'd0, 5'h0);
    apply(1'h0, 10'd1, 1'h0, 56'd1, 1'b0, 5'd0);
    apply(1'b0, 10'h80, 1'b1, 56'h55555555555555, '1, 5'h4);
    apply(1'b1, 10'd0, 1'b1, 56'd1, 1'b1, 5'hb);
    apply(1'd0, 10'd1, '1, 56'hc6c0687f36478f, 1'h1, 5'h1f);
    apply(1'b1, 10'h8, 1'b0, 56'h55555555555555, 1'h1, '1);
    apply(1'h1, 10'd1, 1'h1, 56'h55555555555555, 1'b0, 5'h10);
    apply(1'b0, 10'h10, 1'b1, 56'h55555555555555, 1'b1, 5'd1);
    repeat (5) begin
      for (int k = 0; k < 5; k++) apply($urandom_range(0, 1), 10'($urandom), 1'($urandom), {$urandom, $urandom}, $urandom % 2, k);
    end
    check_outputs_known("test 24");

    // ---------------- Test 25: all ones ----------------
    test_num = test_num + 1;
    apply(1'b1, 10'h155, 1'h1, 56'h0, 1'h1, 5'd1);
    apply(1'b0, 10'h3ff, 1'b0, 56'h55555555555555, 1'b1, 5'h15);
    apply(1'b1, 10'd1, 1'b0, '1, 1'h1, '0);
    apply(1'h1, 10'hac, '1, 56'd1, 1'd0, 5'h15);
    apply(1'h1, 10'h35f, 1'd0, 56'h387d9857a54bb8, 1'h1, 5'h15);
    apply(1'b0, 10'h155, '1, 56'h2cdf8d5f99cba5, 1'b1, 5'h0);
    apply(1'd0, '1, 1'h1, 56'h2000, 1'h0, 5'h13);
    apply(1'b0, 10'h80, 1'h1, 56'hcacbb214182745, 1'd0, 5'h16);
    apply(1'h1, 10'h205, 1'h1, '1, 1'h1, 5'h15);
    apply(1'b1, 10'h155, 1'b1, 56'h5d8476e9d93502, '1, 5'h1f);
    repeat (4) begin
      for (int k = 0; k < 3; k++) apply($urandom_range(0, 1), $random, 1'($urandom), {$urandom, $urandom}, $urandom_range(0, 1), k);
    end
    check_outputs_known("test 25");

    // ---------------- Test 26: single bit set ----------------
    test_num = test_num + 1;
    apply(1'b0, 10'h155, 1'b0, 56'h0, '1, 5'h1);
    apply(1'h1, 10'h155, 1'h0, 56'h55555555555555, 1'b1, 5'h10);
    apply(1'd0, 10'd1, 1'h1, 56'd0, 1'b1, '0);
    apply(1'b1, 10'h0, 1'd0, 56'h55555555555555, '1, 5'h1f);
    apply(1'h0, '0, 1'h1, 56'd0, 1'h1, 5'h0);
    apply(1'h0, '1, 1'h1, '1, 1'b0, '1);
    apply(1'h1, 10'd1, 1'b1, 56'd0, 1'b1, 5'd1);
    apply(1'h1, 10'h286, '1, 56'h55555555555555, 1'h1, 5'd0);
    check_outputs_known("test 26");

    // ---------------- Test 27: back-to-back changes ----------------
    test_num = test_num + 1;
    apply(1'b0, 10'h31f, 1'b1, 56'h291eb56467e20b, 1'b1, '1);
    apply(1'b1, 10'd1, 1'h1, 56'h3d5cbf48608b4d, 1'h1, 5'h0);
    apply(1'b1, 10'h155, 1'h1, '0, 1'h1, 5'h18);
    apply(1'b1, 10'd1, 1'h1, 56'h55555555555555, '1, 5'h15);
    apply(1'h1, 10'h21c, 1'b0, 56'h55555555555555, 1'h1, 5'd0);
    apply(1'b0, 10'h3ff, '1, 56'd1, 1'd0, '0);
    apply(1'h1, '1, 1'h1, '1, 1'h1, 5'h18);
    apply(1'h1, 10'd1, 1'h1, 56'h0, 1'h1, 5'h1e);
    apply(1'b1, 10'd1, 1'h1, '1, 1'b1, 5'h15);
    apply(1'h1, 10'h176, 1'h1, 56'h55555555555555, 1'h0, '1);
    repeat (4) begin
      for (int k = 0; k < 4; k++) apply($urandom_range(0, 1), $random, 1'($urandom), {$urandom, $urandom}, $urandom_range(0, 1), k);
    end
    check_outputs_known("test 27");

    // ---------------- Test 28: boundary values ----------------
    test_num = test_num + 1;
    apply(1'h1, '0, 1'h1, '1, 1'h1, 5'h4);
    apply(1'd0, '1, 1'h1, 56'd1, 1'h0, '0);
    apply(1'b1, 10'h3ff, 1'b1, '1, 1'h1, 5'h15);
    apply(1'h1, 10'h4a, 1'b1, 56'hfda898050fc93d, 1'd0, 5'd0);
    check_outputs_known("test 28");

    // ---------------- Test 29: single bit set ----------------
    test_num = test_num + 1;
    apply(1'b1, 10'h8, 1'b1, 56'h4, 1'h1, 5'h1e);
    apply(1'b1, 10'h10, 1'h1, 56'h20000000000000, 1'h1, 5'd1);
    apply('0, 10'h0, 1'b1, 56'ha58e6174012d70, 1'h1, 5'h15);
    apply(1'b1, 10'd0, '1, 56'd0, 1'b0, 5'h0);
    apply(1'h1, 10'h0, 1'd0, 56'h4bd90eadad6b6d, 1'b1, 5'h1f);
    apply(1'b1, 10'h155, 1'h1, 56'd0, 1'b0, 5'h15);
    check_outputs_known("test 29");

    // ---------------- Test 30: toggle control inputs ----------------
    test_num = test_num + 1;
    $display("Test %0d: toggle control inputs", test_num);
    apply(1'h1, '1, 1'h1, 56'h20000000000, 1'b1, 5'h1);
    apply(1'b1, '1, 1'h1, 56'h2000, 1'b1, 5'd1);
    apply(1'h1, 10'd1, '0, '1, 1'h1, 5'd0);
    apply(1'b0, 10'h12, 1'h1, 56'd1, 1'b0, 5'h15);
    apply(1'b1, 10'h200, 1'b0, 56'h10, 1'b1, 5'h2);
    apply(1'h1, 10'h24e, '1, 56'h55555555555555, 1'h1, 5'd1);
    apply(1'b0, 10'h256, 1'b1, 56'h1ec95a0cee931b, 1'b1, 5'h16);
    apply(1'b0, 10'd1, 1'b0, 56'h400000000, 1'h0, 5'd1);
    repeat (4) begin
      for (int k = 0; k < 6; k++) apply($urandom % 2, $random, $urandom % 2, k, 1'($urandom), $random);
    end
    check_outputs_known("test 30");

    // Corner-value table
    begin
      logic [CS_LINE_ADDR_WIDTH-1:0] corners [6];
      corners = '{10'h0, 10'h3ff, 10'h155, 10'd1, 10'h2c8, 10'h1};
      foreach (corners[idx]) begin
        apply($urandom_range(0, 1), corners[idx], $urandom_range(0, 1), {$urandom, $urandom}, $urandom % 2, $urandom);
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on allocate_addr
    for (int bit_idx = 0; bit_idx < $bits(allocate_addr); bit_idx++) begin
      allocate_addr = '0;
      allocate_addr[bit_idx] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on allocate_data
    for (int n = 0; n < $bits(allocate_data); n++) begin
      allocate_data = '0;
      allocate_data[n] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on finalize_id
    for (int n = 0; n < $bits(finalize_id); n++) begin
      finalize_id = '0;
      finalize_id[n] = 1'b1;
      @(posedge clk);
    end
    // Sweep allocate_addr with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 64; k++) begin
        allocate_addr = k;
        allocate_valid = 1'($urandom);
        allocate_rw = $urandom_range(0, 1);
        allocate_data = {$urandom, $urandom};
        finalize_valid = 1'($urandom);
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
    $display("  Passed    : %0d", passed);
    $display("  Failed    : %0d", errors);
    $display("==========================================");
    if (errors == 0) $display("ALL TESTS PASSED");
    $finish;
  end

endmodule
