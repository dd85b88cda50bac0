// Directed testbench: numbered tests with explicit stimulus and checks: cache_mshr
`timescale 1ns/1ps

module testbench;

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

  localparam int CLK_PERIOD = 8;
  localparam int NUM_RANDOM = 256;

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
    .CS_LINE_ADDR_WIDTH(CS_LINE_ADDR_WIDTH),
    .WORD_SEL_WIDTH(WORD_SEL_WIDTH),
    .WORD_SIZE(WORD_SIZE),
    .MSHR_ADDR_WIDTH(MSHR_ADDR_WIDTH),
    .TAG_WIDTH(TAG_WIDTH),
    .CS_WORD_WIDTH(CS_WORD_WIDTH),
    .DATA_WIDTH(DATA_WIDTH)
  ) dut (
    .clk(clk),
    .reset_i(reset),
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

  integer num_pass = 0;
  integer num_fail = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic set_inputs(
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
    end
  endtask

  // Record one check: a condition that must hold
  task automatic check(input bit ok, input string what);
    if (ok) begin
      num_pass = num_pass + 1;
      if (verbose) $display("PASS: %s", what);
    end else begin
      num_fail = num_fail + 1;
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
      set_inputs($urandom_range(0, 1), 10'($urandom), 1'($urandom), {$urandom, $urandom}, $urandom_range(0, 1), $random);
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 10);
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
        num_fail++;
      end
      if ($isunknown(allocate_id)) begin
        $error("[%0t] allocate_id is unknown: %b", $time, allocate_id);
        num_fail++;
      end
      if ($isunknown(allocate_pending)) begin
        $error("[%0t] allocate_pending is unknown: %b", $time, allocate_pending);
        num_fail++;
      end
      if ($isunknown(allocate_previd)) begin
        $error("[%0t] allocate_previd is unknown: %b", $time, allocate_previd);
        num_fail++;
      end
    end
  end

  localparam longint TIMEOUT_NS = 500_000;
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
    set_inputs(1'b0, 10'h3ff, 1'h1, 56'hc838209e8ead21, 1'h1, 5'd0);
    set_inputs(1'b0, 10'd0, 1'b1, 56'h1d21b1ea00c343, 1'h1, 5'd1);
    set_inputs(1'h0, 10'h7a, 1'h0, 56'h55555555555555, 1'b1, 5'hc);
    set_inputs(1'b0, '0, 1'b1, '1, 1'b1, 5'h15);
    set_inputs(1'h1, 10'h2c6, 1'h1, '1, 1'h1, 5'h7);
    set_inputs('0, 10'h285, 1'b1, '1, 1'b1, 5'd1);
    repeat (5) begin
      for (int k = 0; k < 2; k++) set_inputs($urandom % 2, 10'($urandom), 1'($urandom), k, 1'($urandom), $urandom_range(0, 31));
    end
    check_outputs_known("test 1");

    // ---------------- Test 2: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 10'h55, 1'h1, 56'h55555555555555, '0, 5'd1);
    set_inputs(1'b1, 10'h20c, '0, 56'h6327dd244858ad, 1'h1, 5'h16);
    set_inputs('0, 10'd1, 1'h1, 56'd1, 1'b0, 5'd0);
    set_inputs('0, 10'h10, 1'h1, 56'd1, 1'b1, 5'h15);
    set_inputs(1'b1, 10'h8, 1'b1, 56'h5d5042cbb80014, 1'h1, 5'h14);
    set_inputs('1, '1, 1'b1, 56'h55555555555555, '1, 5'h15);
    set_inputs(1'h1, '1, 1'h1, 56'h0, 1'b0, 5'h13);
    set_inputs(1'h1, 10'h155, 1'b0, 56'd1, 1'h1, 5'h1f);
    repeat (2) begin
      for (int k = 0; k < 2; k++) set_inputs($urandom_range(0, 1), $random, $urandom_range(0, 1), k, 1'($urandom), $urandom_range(0, 31));
    end
    check_outputs_known("test 2");

    // ---------------- Test 3: all ones ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 10'h2ea, 1'h1, 56'hae91aa7ea98957, 1'b1, 5'h15);
    set_inputs(1'b1, 10'h10, 1'h1, '1, 1'b0, '1);
    set_inputs(1'b0, 10'h40, 1'b0, '1, '0, 5'hd);
    set_inputs(1'b1, 10'h3ff, 1'h1, 56'd0, 1'b0, '1);
    set_inputs(1'b1, '1, 1'h1, 56'h2000000000000, 1'b1, 5'h15);
    set_inputs(1'h0, 10'h0, 1'h1, 56'd1, '1, 5'h10);
    set_inputs(1'h1, 10'h100, 1'h1, 56'h55555555555555, 1'b1, 5'h15);
    check_outputs_known("test 3");

    // ---------------- Test 4: random values ----------------
    test_num = test_num + 1;
    set_inputs(1'b0, 10'h1, 1'b1, 56'h55555555555555, 1'h1, 5'h19);
    set_inputs(1'b0, 10'h155, 1'b1, 56'h9d18f8213f2666, 1'b1, 5'h13);
    set_inputs(1'b1, 10'd1, 1'h1, 56'd0, 1'h0, 5'h10);
    set_inputs(1'h1, 10'h13e, 1'h1, '1, 1'b1, '0);
    set_inputs(1'b1, 10'h8, 1'b1, '1, 1'b0, 5'h4);
    set_inputs(1'h1, 10'h281, 1'b1, 56'd1, 1'h1, 5'h15);
    set_inputs(1'b0, 10'h1b, 1'h1, '1, 1'b1, 5'h7);
    set_inputs(1'h1, 10'h155, 1'b1, 56'h400, 1'b1, 5'h0);
    set_inputs(1'h1, 10'h0, 1'b0, 56'h55555555555555, 1'h1, 5'h16);
    set_inputs('0, 10'd0, 1'h1, 56'h7f922fee7debf1, 1'd0, '1);
    check_outputs_known("test 4");

    // ---------------- Test 5: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(1'd0, 10'h1, 1'b1, 56'd1, 1'd0, 5'd1);
    set_inputs(1'h0, 10'h155, 1'b1, '1, 1'h1, 5'h0);
    set_inputs(1'h1, 10'h3ff, 1'b1, '1, 1'h1, 5'd0);
    set_inputs(1'h1, 10'h1, 1'd0, 56'hcfe40c68c66d5e, 1'b1, 5'hf);
    set_inputs(1'h1, 10'h18a, 1'b1, 56'd0, '1, 5'h19);
    set_inputs('0, 10'h155, 1'b1, 56'd1, 1'h1, 5'h8);
    set_inputs(1'b1, 10'h0, '0, 56'hd356cfcfbf3979, 1'b1, 5'd1);
    repeat (2) begin
      for (int k = 0; k < 5; k++) set_inputs($urandom % 2, k, 1'($urandom), {$urandom, $urandom}, 1'($urandom), k);
    end
    check_outputs_known("test 5");

    // ---------------- Test 6: alternating pattern ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, '1, 1'h1, 56'h40, 1'b0, 5'h8);
    set_inputs(1'b1, 10'h56, 1'b0, 56'd1, '0, 5'd1);
    set_inputs(1'b1, 10'd1, 1'h1, 56'h55555555555555, 1'h1, 5'h1e);
    set_inputs(1'h1, 10'h40, 1'b1, 56'h14e97fd1481f05, 1'h1, '1);
    set_inputs(1'h1, 10'hcd, 1'h1, 56'h55555555555555, 1'b1, 5'h0);
    set_inputs(1'h1, 10'hb, 1'h1, '1, 1'b0, 5'h7);
    repeat (6) begin
      for (int k = 0; k < 6; k++) set_inputs($urandom_range(0, 1), k, $urandom_range(0, 1), k, $urandom % 2, 5'($urandom));
    end
    check_outputs_known("test 6");

    // ---------------- Test 7: maximum on first operand ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 10'h12d, 1'd0, 56'hc3d4680975c234, 1'b0, 5'hc);
    set_inputs('0, 10'h2f0, '0, '1, 1'b1, 5'h4);
    set_inputs(1'b1, 10'd1, 1'd0, 56'hb5d4e8174d602a, 1'h1, 5'h18);
    set_inputs(1'b1, 10'h155, 1'h1, '1, 1'h0, 5'd1);
    set_inputs(1'b0, 10'h8, 1'b0, 56'h55555555555555, 1'h0, 5'h15);
    set_inputs(1'h0, 10'h2af, 1'b1, 56'h0, '0, 5'h15);
    set_inputs(1'h1, 10'h8c, 1'b1, 56'hab42bcd49a2a53, 1'b1, 5'h4);
    set_inputs(1'b1, 10'd0, 1'h1, 56'd1, '0, 5'h1e);
    repeat (4) begin
      for (int k = 0; k < 4; k++) set_inputs($urandom_range(0, 1), $urandom_range(0, 1023), $urandom_range(0, 1), {$urandom, $urandom}, $urandom_range(0, 1), k);
    end
    check_outputs_known("test 7");

    // ---------------- Test 8: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 10'h197, 1'h1, '0, 1'b1, 5'd1);
    set_inputs(1'b0, 10'hc0, 1'b0, 56'd1, 1'h1, 5'h19);
    set_inputs('1, 10'h3ff, 1'h1, 56'd1, 1'h1, 5'h1a);
    set_inputs(1'b1, 10'h155, 1'b1, '1, 1'b1, 5'h14);
    set_inputs(1'b0, 10'h40, 1'h1, 56'h89845e7a09f6d2, 1'h1, 5'h15);
    set_inputs(1'h1, 10'd1, 1'd0, 56'h1000000, 1'b0, 5'h15);
    set_inputs(1'b0, '0, 1'h1, 56'd1, '0, 5'h15);
    set_inputs(1'h1, 10'd0, 1'h1, 56'h55555555555555, 1'h1, 5'h15);
    set_inputs(1'h1, 10'd1, 1'b1, 56'h48d1961dd15820, 1'h0, 5'h1c);
    set_inputs(1'b1, '1, 1'h1, 56'h55555555555555, 1'b1, 5'h15);
    repeat (6) begin
      for (int k = 0; k < 8; k++) set_inputs(1'($urandom), 10'($urandom), $urandom % 2, k, $urandom % 2, k);
    end
    check_outputs_known("test 8");

    // ---------------- Test 9: boundary values ----------------
    test_num = test_num + 1;
    set_inputs('1, 10'h3ff, 1'b1, 56'he3c9a89cfd833f, 1'h1, 5'h1e);
    set_inputs(1'h1, 10'h0, 1'h0, 56'h1000, 1'b1, 5'h15);
    set_inputs(1'h1, 10'h40, 1'b0, 56'd1, '0, 5'd1);
    set_inputs(1'h1, '0, 1'h1, '1, 1'h1, 5'h4);
    set_inputs(1'b1, 10'd1, 1'h1, 56'h1000000, 1'h1, 5'hd);
    set_inputs(1'b1, 10'h10, 1'h1, 56'd1, 1'b1, 5'h2);
    set_inputs(1'h1, 10'h200, 1'h0, 56'h10000, 1'b0, 5'h8);
    set_inputs(1'h1, 10'h155, 1'b1, 56'h55555555555555, 1'h1, 5'h0);
    set_inputs(1'b1, 10'h2d5, 1'b0, 56'd1, 1'b1, 5'h15);
    set_inputs(1'b1, 10'h299, 1'b0, 56'd1, 1'h1, 5'd1);
    set_inputs(1'b1, '1, 1'b1, 56'd1, '1, 5'h10);
    set_inputs(1'b0, 10'h20, 1'b1, 56'hc3fb0229bfb220, 1'h1, 5'h0);
    check_outputs_known("test 9");

    // ---------------- Test 10: all ones ----------------
    test_num = test_num + 1;
    set_inputs(1'h0, 10'h338, 1'h0, 56'h8c1f106374a267, '1, 5'hd);
    set_inputs(1'b0, 10'd1, 1'b1, 56'h78e1667b446705, 1'h0, 5'h15);
    set_inputs(1'h1, 10'h155, 1'b0, '1, 1'h1, '1);
    set_inputs(1'b1, '1, 1'h1, 56'h0, 1'd0, 5'h10);
    set_inputs(1'b0, 10'h3ff, 1'h0, 56'h40000, 1'b1, 5'h2);
    set_inputs(1'h1, 10'h8, '0, 56'h90f223ba139d7d, 1'b1, 5'h1f);
    repeat (2) begin
      for (int k = 0; k < 7; k++) set_inputs(1'($urandom), $random, 1'($urandom), k, 1'($urandom), $urandom);
    end
    check_outputs_known("test 10");

    // ---------------- Test 11: toggle control inputs ----------------
    test_num = test_num + 1;
    set_inputs(1'b0, '1, 1'h1, 56'h630735b45e96a2, '1, 5'h1d);
    set_inputs(1'h1, 10'h2ec, 1'd0, 56'h400000000000, 1'h1, 5'd1);
    set_inputs(1'h1, '1, 1'b1, 56'h55555555555555, 1'b0, 5'h8);
    set_inputs(1'b1, 10'h3ff, 1'h1, 56'h88e3f980cab17, 1'b1, 5'h1f);
    set_inputs(1'b1, '0, 1'h1, 56'h55555555555555, '1, 5'hc);
    set_inputs(1'h0, 10'h155, 1'd0, 56'he5bb77163a22c1, 1'b0, 5'h15);
    repeat (2) begin
      for (int k = 0; k < 4; k++) set_inputs($urandom_range(0, 1), k, $urandom % 2, k, 1'($urandom), k);
    end
    check_outputs_known("test 11");

    // ---------------- Test 12: back-to-back changes ----------------
    test_num = test_num + 1;
    $display("Test %0d: back-to-back changes", test_num);
    set_inputs(1'h1, 10'h155, 1'b1, 56'he0d1069f5ab87c, '1, 5'h14);
    set_inputs(1'h1, 10'h132, 1'b1, 56'h55555555555555, 1'h1, 5'd1);
    set_inputs(1'b1, 10'h0, '1, 56'hb5425835a06a84, 1'b1, 5'h0);
    set_inputs('1, 10'h1a4, 1'h1, '1, 1'h1, 5'h1f);
    set_inputs(1'b1, 10'h155, 1'h1, 56'hd57a815450cd, 1'h0, 5'h16);
    check_outputs_known("test 12");

    // ---------------- Test 13: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 10'd1, 1'h1, 56'd1, 1'b1, 5'd1);
    set_inputs(1'b0, 10'h0, '1, 56'h10000000, 1'b0, '1);
    set_inputs(1'b1, 10'h202, 1'b0, 56'h80, 1'b1, 5'h4);
    set_inputs(1'h1, 10'h0, 1'd0, 56'd1, 1'h1, 5'h1c);
    set_inputs(1'b0, '1, 1'h1, 56'h55555555555555, 1'b0, 5'hb);
    set_inputs(1'h0, 10'd1, '1, 56'h85e436ec1e5cd5, 1'h0, 5'h1);
    set_inputs(1'b0, 10'h155, 1'b0, 56'hf65d71adad56b4, 1'b0, 5'd1);
    repeat (3) begin
      for (int k = 0; k < 4; k++) set_inputs(1'($urandom), 10'($urandom), $urandom_range(0, 1), k, $urandom_range(0, 1), k);
    end
    check_outputs_known("test 13");

    // ---------------- Test 14: single bit set ----------------
    test_num = test_num + 1;
    set_inputs(1'h1, 10'd1, 1'h0, 56'h200000000, 1'b1, '0);
    set_inputs(1'b0, 10'h2, 1'h1, 56'h7ccc9d4f73a7d5, 1'b1, '0);
    set_inputs(1'b1, 10'h182, 1'b1, 56'h92979d5d5a3308, '0, 5'd1);
    set_inputs('0, 10'h155, 1'h1, 56'h40000000, '1, 5'd1);
    set_inputs(1'b1, 10'h200, 1'h1, 56'h4767ff647c270b, 1'h1, 5'h19);
    set_inputs(1'h1, '1, 1'b1, 56'hf6169b08d51a5c, 1'h1, 5'h15);
    repeat (2) begin
      for (int k = 0; k < 4; k++) set_inputs($urandom_range(0, 1), $urandom, 1'($urandom), k, 1'($urandom), $random);
    end
    check_outputs_known("test 14");

    // ---------------- Test 15: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(1'd0, 10'd0, 1'b1, '1, '1, 5'hc);
    set_inputs(1'h1, 10'd1, '1, 56'd1, 1'h0, 5'h10);
    set_inputs(1'h1, 10'he, 1'b1, 56'he9a63e71854b46, 1'h1, 5'h15);
    set_inputs(1'h1, 10'd1, 1'h1, 56'h436c322b6e1167, 1'h1, 5'h5);
    set_inputs(1'h0, 10'h155, 1'b0, 56'hac03c4689681a7, 1'h1, 5'd1);
    set_inputs('0, 10'h10f, 1'h1, 56'd0, 1'h1, '0);
    set_inputs('1, 10'h100, 1'h1, 56'he82134d47aacf, 1'b0, 5'd1);
    set_inputs(1'b1, 10'h3ff, 1'b0, '1, 1'h1, 5'h1f);
    set_inputs('1, 10'h155, 1'h0, '1, 1'h1, 5'h15);
    set_inputs(1'h1, 10'h155, 1'b1, 56'hd6cfebc325c928, 1'b1, '1);
    set_inputs(1'b1, '0, 1'b1, '1, 1'h1, 5'h1f);
    repeat (5) begin
      for (int k = 0; k < 4; k++) set_inputs($urandom % 2, $urandom_range(0, 1023), $urandom_range(0, 1), k, $urandom % 2, k);
    end
    check_outputs_known("test 15");

    // ---------------- Test 16: alternating pattern ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 10'h40, 1'h1, 56'h4000000, 1'h0, 5'h15);
    set_inputs(1'b0, 10'h10, 1'd0, 56'hba616f6a7be7f4, 1'h1, 5'h4);
    set_inputs('1, 10'h155, 1'b1, 56'h55555555555555, 1'h1, 5'h1f);
    set_inputs(1'h1, 10'h2b4, '1, 56'd0, '0, 5'h1f);
    set_inputs(1'b1, '1, 1'b1, 56'h0, 1'b1, 5'h2);
    set_inputs('1, 10'h1d7, 1'h1, '1, 1'b1, 5'h1f);
    set_inputs('0, 10'd0, 1'b0, 56'hbc2411400be9a5, 1'h1, 5'h1);
    set_inputs(1'b1, 10'd1, 1'b0, 56'h28f7302c9b14d9, 1'b1, 5'hd);
    repeat (4) begin
      for (int k = 0; k < 5; k++) set_inputs($urandom % 2, $urandom_range(0, 1023), $urandom % 2, k, $urandom_range(0, 1), k);
    end
    check_outputs_known("test 16");

    // ---------------- Test 17: all zeros ----------------
    test_num = test_num + 1;
    set_inputs(1'h0, 10'h80, 1'b0, '1, 1'h1, 5'h6);
    set_inputs(1'b0, 10'h155, 1'h1, 56'hfebef604c40697, 1'h1, 5'h2);
    set_inputs(1'd0, 10'h40, 1'h1, 56'h65f87db9c40663, 1'b0, 5'h10);
    set_inputs(1'h1, 10'd1, 1'd0, 56'h0, 1'h0, 5'h1);
    set_inputs(1'h1, 10'h335, '1, '1, 1'b1, '1);
    check_outputs_known("test 17");

    // ---------------- Test 18: all ones ----------------
    test_num = test_num + 1;
    set_inputs(1'h0, 10'd1, 1'h1, '1, 1'd0, 5'h19);
    set_inputs(1'b1, 10'h1be, 1'h1, 56'd0, '0, 5'hf);
    set_inputs(1'h1, 10'h155, 1'b1, 56'h8315f47171ee72, 1'b0, 5'ha);
    set_inputs(1'b1, 10'd1, 1'h1, 56'h40000000, 1'h1, 5'd1);
    set_inputs(1'b0, 10'h200, 1'b0, 56'h55555555555555, 1'd0, 5'h0);
    set_inputs(1'b1, 10'h3ff, 1'b1, 56'd0, 1'b1, 5'd1);
    set_inputs(1'b0, 10'h3ff, 1'd0, 56'h55555555555555, 1'b0, 5'h1f);
    set_inputs(1'b1, 10'h155, 1'h1, 56'h80, 1'b1, 5'd1);
    set_inputs(1'h1, 10'h149, 1'h1, 56'h55555555555555, 1'h0, 5'h0);
    repeat (2) begin
      for (int k = 0; k < 7; k++) set_inputs($urandom % 2, $urandom_range(0, 1023), $urandom_range(0, 1), {$urandom, $urandom}, $urandom_range(0, 1), $random);
    end
    check_outputs_known("test 18");

    // ---------------- Test 19: random values ----------------
    test_num = test_num + 1;
    set_inputs('1, 10'h155, 1'b0, 56'd1, 1'h1, 5'h15);
    set_inputs(1'h1, '1, 1'b1, '1, 1'h1, 5'h15);
    set_inputs(1'h1, 10'h155, 1'h1, '0, 1'h1, 5'h5);
    set_inputs(1'h1, 10'h285, 1'h1, 56'h8000000000, 1'b1, 5'd1);
    set_inputs('1, 10'd0, 1'b1, 56'h3b694bb3bc0802, 1'b0, '1);
    set_inputs(1'h1, 10'h155, 1'h1, '0, '1, 5'ha);
    set_inputs(1'h1, 10'h292, 1'b1, 56'h55555555555555, 1'h1, 5'h8);
    check_outputs_known("test 19");

    // ---------------- Test 20: hold inputs stable ----------------
    test_num = test_num + 1;
    set_inputs(1'b1, 10'ha4, 1'h1, 56'd1, 1'h1, 5'd1);
    set_inputs(1'h1, 10'h155, 1'b1, '1, 1'h1, '1);
    set_inputs(1'b1, 10'h249, 1'b0, 56'd1, 1'b0, 5'd1);
    set_inputs('0, 10'h7d, 1'b1, 56'hcb5ae32e04b12a, 1'h1, 5'h4);
    set_inputs(1'd0, 10'h155, 1'b1, 56'h7228819d781224, 1'h1, '0);
    set_inputs(1'h1, 10'h1b2, 1'b1, '1, 1'h1, 5'd1);
    set_inputs(1'b1, 10'h8a, 1'b1, 56'h17a128f96fcc92, 1'b1, 5'h1);
    set_inputs(1'h1, 10'h32f, 1'h1, 56'h90dfe1c548d7b, 1'h1, 5'h15);
    set_inputs(1'd0, 10'h155, 1'h1, 56'h55555555555555, 1'h1, 5'h18);
    set_inputs(1'b1, '1, 1'b1, 56'h55555555555555, 1'h1, 5'h1f);
    set_inputs(1'b1, '1, 1'b0, 56'he41dec58dd86dd, '1, '1);
    set_inputs('0, 10'd0, 1'h1, '1, 1'b0, 5'h15);
    check_outputs_known("test 20");

    // ---------------- Test 21: alternating pattern ----------------
    test_num = test_num + 1;
    $display("Test %0d: alternating pattern", test_num);
    set_inputs(1'b0, 10'h260, 1'h1, 56'h55555555555555, '1, 5'h1a);
    set_inputs('0, 10'd0, 1'h1, '1, 1'h1, 5'd1);
    set_inputs('1, 10'h3ad, '0, 56'h55555555555555, 1'b1, '1);
    set_inputs(1'b1, 10'h375, '0, 56'h55555555555555, 1'b0, 5'h15);
    set_inputs(1'h1, 10'h155, '0, 56'h100, 1'h1, 5'h1f);
    set_inputs(1'd0, 10'h80, 1'b1, 56'h55555555555555, 1'h1, 5'd1);
    set_inputs(1'h1, 10'h155, 1'h1, 56'h20000000000000, 1'h1, 5'h4);
    set_inputs(1'b1, 10'h158, 1'b1, '1, 1'd0, 5'h15);
    set_inputs(1'b0, 10'h1, 1'h1, 56'h8256cf505295a8, 1'b0, 5'h1c);
    set_inputs(1'h1, 10'h0, '0, 56'd1, 1'h1, 5'd0);
    check_outputs_known("test 21");

    // Corner-value table
    begin
      logic [CS_LINE_ADDR_WIDTH-1:0] corners [6];
      corners = '{10'h0, '1, 10'h155, 10'd1, 10'h1e3, 10'h8};
      foreach (corners[idx]) begin
        set_inputs(1'($urandom), corners[idx], $urandom % 2, {$urandom, $urandom}, $urandom_range(0, 1), $urandom_range(0, 31));
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on allocate_addr
    for (int k = 0; k < $bits(allocate_addr); k++) begin
      allocate_addr = '0;
      allocate_addr[k] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on allocate_data
    for (int bit_idx = 0; bit_idx < $bits(allocate_data); bit_idx++) begin
      allocate_data = '0;
      allocate_data[bit_idx] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on finalize_id
    for (int bit_idx = 0; bit_idx < $bits(finalize_id); bit_idx++) begin
      finalize_id = '0;
      finalize_id[bit_idx] = 1'b1;
      @(posedge clk);
    end
    // Sweep allocate_addr with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 64; k++) begin
        allocate_addr = k;
        allocate_valid = 1'($urandom);
        allocate_rw = 1'($urandom);
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
    $display("  Passed    : %0d", num_pass);
    $display("  Failed    : %0d", num_fail);
    $display("==========================================");
    if (num_fail == 0) $display("ALL TESTS PASSED");
    $finish;
  end

endmodule
