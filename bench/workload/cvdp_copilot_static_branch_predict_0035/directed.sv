/*
 * testbench.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the static_branch_predict module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ns

module testbench;

  localparam int NUM_RANDOM = 400;

  // DUT inputs
  reg [31:0] fetch_rdata_i;
  reg [31:0] fetch_pc_i;
  reg [31:0] register_addr_i;
  reg fetch_valid_i;

  // DUT outputs
  wire predict_branch_taken_o;
  wire [31:0] predict_branch_pc_o;

  // Device under test
  static_branch_predict uut (
    .fetch_rdata_i(fetch_rdata_i),
    .fetch_pc_i(fetch_pc_i),
    .register_addr_i(register_addr_i),
    .fetch_valid_i(fetch_valid_i),
    .predict_branch_taken_o(predict_branch_taken_o),
    .predict_branch_pc_o(predict_branch_pc_o)
  );

  integer pass_count = 0;
  integer fail_count = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic apply_inputs(
    input logic [31:0] fetch_rdata_i_v,
    input logic [31:0] fetch_pc_i_v,
    input logic [31:0] register_addr_i_v,
    input logic fetch_valid_i_v
  );
    begin
      fetch_rdata_i = fetch_rdata_i_v;
      fetch_pc_i = fetch_pc_i_v;
      register_addr_i = register_addr_i_v;
      fetch_valid_i = fetch_valid_i_v;
      #20;
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
    check(!$isunknown(predict_branch_taken_o), {where, ": predict_branch_taken_o known"});
    check(!$isunknown(predict_branch_pc_o), {where, ": predict_branch_pc_o known"});
  endtask

  task automatic random_vectors(input int n);
    for (int i = 0; i < n; i++) begin
      apply_inputs($urandom, $urandom, $urandom, 1'($urandom));
      if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
    end
  endtask

  task automatic reset_dut(input int cycles = 5);
    begin
      fetch_rdata_i = '0;
      fetch_pc_i = '0;
      register_addr_i = '0;
      fetch_valid_i = '0;
      #(cycles * 20);
      #1;
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(*) begin
    if (checks_enabled) begin
      if ($isunknown(predict_branch_taken_o)) begin
        $error("[%0t] predict_branch_taken_o is unknown: %b", $time, predict_branch_taken_o);
        fail_count++;
      end
      if ($isunknown(predict_branch_pc_o)) begin
        $error("[%0t] predict_branch_pc_o is unknown: %b", $time, predict_branch_pc_o);
        fail_count++;
      end
    end
  end

  localparam longint TIMEOUT_NS = 2_000_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
  end

  initial begin
    $display("Starting static_branch_predict directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // ---------------- Test 1: all ones ----------------
    test_num = test_num + 1;
    apply_inputs(32'd1, 32'd1, '0, 1'b1);
    apply_inputs(32'h55555555, 32'h3794a908, 32'hd5e4cf43, 1'h1);
    apply_inputs(32'hd47771e9, 32'hdf40ec0b, 32'hffffffff, 1'b1);
    apply_inputs(32'h55555555, 32'h80000, 32'hea0df48b, 1'h0);
    repeat (6) begin
      for (int k = 0; k < 7; k++) apply_inputs(k, k, k, 1'($urandom));
    end
    check_outputs_known("test 1");

    // ---------------- Test 2: single bit set ----------------
    test_num = test_num + 1;
    apply_inputs(32'h5695ebf6, 32'hffffffff, '1, 1'b1);
    apply_inputs(32'd1, 32'hffffffff, 32'h21cd2527, 1'h1);
    apply_inputs(32'h55555555, 32'd1, 32'd1, 1'b0);
    apply_inputs(32'h8000000, 32'h55555555, 32'd1, 1'b0);
    apply_inputs(32'h0, 32'hd358600, 32'h200, '0);
    apply_inputs(32'he95a9aae, 32'd1, 32'hd24a9296, 1'b1);
    apply_inputs(32'd1, 32'd1, 32'h55555555, 1'b1);
    apply_inputs(32'd0, 32'h55555555, 32'd0, 1'b1);
    apply_inputs(32'hb3f9eca7, 32'h4f8c3941, 32'h100000, 1'b0);
    apply_inputs(32'h3444cfa8, 32'd0, 32'h8, 1'h1);
    apply_inputs(32'hb009932b, 32'h8c72e28b, 32'h8e8be31f, 1'h1);
    apply_inputs(32'h10000, 32'h1e33af6a, 32'h0, 1'h1);
    repeat (5) begin
      for (int k = 0; k < 3; k++) apply_inputs(k, k, k, $urandom_range(0, 1));
    end
    check_outputs_known("test 2");

    // ---------------- Test 3: back-to-back changes ----------------
    test_num = test_num + 1;
    $display("Test %0d: back-to-back changes", test_num);
    apply_inputs(32'h8000000, 32'h0, 32'h20, 1'b0);
    apply_inputs(32'h55555555, 32'd0, 32'hf6eef312, 1'h0);
    apply_inputs(32'hdfa1011b, 32'h48685766, 32'd1, 1'b1);
    apply_inputs(32'h400000, 32'h55555555, 32'h42064f08, 1'h1);
    apply_inputs(32'h55555555, 32'h200000, 32'd1, 1'h1);
    check_outputs_known("test 3");

    // ---------------- Test 4: single bit set ----------------
    test_num = test_num + 1;
    $display("Test %0d: single bit set", test_num);
    apply_inputs(32'hb6f4cfd2, '0, 32'h55555555, 1'h1);
    apply_inputs(32'h20000, 32'h40000000, 32'h55555555, 1'b0);
    apply_inputs(32'h0, 32'h55555555, 32'd1, 1'h1);
    apply_inputs(32'h55555555, 32'h0, 32'hffffffff, 1'b1);
    apply_inputs(32'h6ff6155d, '1, '0, 1'h1);
    apply_inputs(32'hffffffff, 32'h400, 32'h6c409b81, 1'h1);
    apply_inputs(32'h55555555, 32'h1, '0, 1'h1);
    apply_inputs(32'h99cdabcf, '0, '1, 1'b0);
    apply_inputs(32'ha1341a99, 32'h0, 32'd0, 1'h1);
    apply_inputs(32'd0, 32'hf832767b, 32'h55555555, 1'h1);
    repeat (3) begin
      for (int k = 0; k < 2; k++) apply_inputs(k, k, $urandom, $urandom % 2);
    end
    check_outputs_known("test 4");

    // ---------------- Test 5: alternating pattern ----------------
    test_num = test_num + 1;
    apply_inputs(32'h55555555, 32'h2, '1, 1'b1);
    apply_inputs(32'd0, 32'h0, 32'h99af6160, 1'h0);
    apply_inputs(32'h8b9abaff, 32'hffffffff, 32'h55555555, 1'h1);
    apply_inputs(32'h55555555, 32'h4000, 32'h583c159d, 1'h0);
    apply_inputs(32'd1, 32'd1, 32'd0, 1'h1);
    apply_inputs(32'h55555555, '0, 32'h55555555, 1'b0);
    apply_inputs(32'hffffffff, 32'h0, 32'he67b3ce1, 1'h1);
    repeat (6) begin
      for (int k = 0; k < 6; k++) apply_inputs($urandom, k, k, $urandom % 2);
    end
    check_outputs_known("test 5");

    // ---------------- Test 6: all zeros ----------------
    test_num = test_num + 1;
    $display("Test %0d: all zeros", test_num);
    apply_inputs(32'hd066a6af, 32'h80000, 32'h2000000, 1'b1);
    apply_inputs(32'd1, 32'd0, 32'h3c829fec, 1'h0);
    apply_inputs(32'h2000, 32'haf0951ef, 32'ha9d10dab, 1'h1);
    apply_inputs(32'h97663ed8, 32'h55555555, '1, 1'b1);
    apply_inputs(32'h0, 32'd1, 32'h40, 1'b0);
    apply_inputs(32'h23de4b80, 32'd1, 32'h68ceb35c, 1'b1);
    apply_inputs(32'h10000000, 32'ha86b3547, 32'hffffffff, 1'b0);
    apply_inputs(32'h2, 32'h0, 32'h3798ce3c, 1'b1);
    apply_inputs(32'h8000, 32'hbdb85356, 32'h55555555, 1'b1);
    check_outputs_known("test 6");

    // ---------------- Test 7: all ones ----------------
    test_num = test_num + 1;
    $display("Test %0d: all ones", test_num);
    apply_inputs(32'h400000, '1, 32'h99a36715, 1'b0);
    apply_inputs(32'hf03588cf, 32'h55555555, 32'h308692c1, 1'b1);
    apply_inputs(32'd1, 32'd0, 32'h55555555, 1'b1);
    apply_inputs('0, 32'h9ee3df45, 32'hcc248ee1, 1'b1);
    apply_inputs('1, 32'd0, 32'd1, 1'd0);
    repeat (6) begin
      for (int k = 0; k < 8; k++) apply_inputs(k, $urandom, $urandom, 1'($urandom));
    end
    check_outputs_known("test 7");

    // ---------------- Test 8: random values ----------------
    test_num = test_num + 1;
    apply_inputs(32'hffffffff, 32'h5a94e12c, '0, 1'd0);
    apply_inputs(32'h1000, 32'h0, 32'd0, 1'h0);
    apply_inputs(32'h1, 32'h55555555, 32'h55555555, 1'h1);
    apply_inputs('1, 32'h8e108b29, '1, 1'b1);
    check_outputs_known("test 8");

    // ---------------- Test 9: all ones ----------------
    test_num = test_num + 1;
    $display("Test %0d: all ones", test_num);
    apply_inputs(32'h55555555, 32'hc1c85a44, '1, 1'b1);
    apply_inputs(32'h55555555, 32'hffffffff, '1, 1'h1);
    apply_inputs(32'h8, 32'h888039ab, 32'h8ac193e2, 1'b1);
    apply_inputs(32'h55555555, 32'hffffffff, 32'h41fb2922, 1'h1);
    check_outputs_known("test 9");

    // ---------------- Test 10: back-to-back changes ----------------
    test_num = test_num + 1;
    apply_inputs(32'h100, 32'd0, '0, 1'b1);
    apply_inputs(32'd1, 32'h0, 32'h8a096191, 1'h1);
    apply_inputs(32'h21ae10f8, 32'h2, '0, 1'h1);
    apply_inputs(32'hfb28b9f6, 32'he2b02800, 32'h20000, 1'h1);
    apply_inputs(32'd0, 32'hfefd0a28, 32'h55555555, 1'b1);
    repeat (2) begin
      for (int k = 0; k < 6; k++) apply_inputs($urandom, $urandom, $urandom, 1'($urandom));
    end
    check_outputs_known("test 10");

    // ---------------- Test 11: boundary values ----------------
    test_num = test_num + 1;
    apply_inputs('0, 32'h3db576b, 32'h34a880ce, 1'b1);
    apply_inputs(32'h0, '1, '0, 1'b1);
    apply_inputs(32'h52070af9, 32'd1, 32'h733c06d0, 1'b0);
    apply_inputs(32'h263b107e, 32'd0, 32'h7e84f85b, 1'b1);
    apply_inputs(32'hffffffff, 32'h91220339, '1, '0);
    apply_inputs(32'h1, 32'h55555555, 32'h2b950b96, '0);
    apply_inputs('0, 32'd1, 32'hfc830a05, 1'd0);
    apply_inputs(32'h55555555, 32'h4296820, 32'hffffffff, 1'b0);
    apply_inputs(32'h144f56f1, 32'hade6c12e, 32'h55555555, 1'b1);
    check_outputs_known("test 11");

    // ---------------- Test 12: back-to-back changes ----------------
    test_num = test_num + 1;
    apply_inputs(32'hecd5cd06, 32'hf0dd6a81, 32'h50d63fd7, 1'h1);
    apply_inputs(32'h55555555, 32'hffffffff, 32'h55555555, 1'h1);
    apply_inputs(32'he8c12cf0, 32'hcb026335, 32'h950492a1, 1'h1);
    apply_inputs(32'h4000000, '1, '0, 1'b1);
    apply_inputs('1, 32'd0, 32'h55555555, '0);
    check_outputs_known("test 12");

    // ---------------- Test 13: boundary values ----------------
    test_num = test_num + 1;
    apply_inputs('0, 32'hdb92581, '1, 1'b1);
    apply_inputs(32'h55555555, 32'h55555555, 32'h50e8d7fa, 1'b0);
    apply_inputs(32'h444bb577, 32'd1, 32'h55152a54, 1'h1);
    apply_inputs('0, 32'hc58401c0, '0, 1'h1);
    apply_inputs(32'd1, 32'd1, 32'h46d0d87d, 1'b0);
    repeat (3) begin
      for (int k = 0; k < 8; k++) apply_inputs($urandom, k, $urandom, 1'($urandom));
    end
    check_outputs_known("test 13");

    // ---------------- Test 14: maximum on first operand ----------------
    test_num = test_num + 1;
    apply_inputs('1, 32'd0, 32'h55555555, 1'd0);
    apply_inputs(32'h55555555, 32'hbb24b3f9, 32'h55555555, 1'b1);
    apply_inputs(32'h5019496b, 32'h55555555, 32'h8000000, 1'b1);
    apply_inputs(32'h0, 32'd1, 32'h8eb2509f, '1);
    apply_inputs(32'he21cd195, 32'h55555555, 32'h55555555, 1'b1);
    apply_inputs(32'd1, 32'h16ebb3f2, 32'h0, '0);
    repeat (6) begin
      for (int k = 0; k < 4; k++) apply_inputs($urandom, k, k, $urandom_range(0, 1));
    end
    check_outputs_known("test 14");

    // ---------------- Test 15: alternating pattern ----------------
    test_num = test_num + 1;
    $display("Test %0d: alternating pattern", test_num);
    apply_inputs(32'd1, 32'h55555555, 32'd0, '1);
    apply_inputs(32'hf97e3a31, 32'h0, 32'h1abe966e, 1'h0);
    apply_inputs(32'h80000, 32'h400, 32'h400000, 1'd0);
    apply_inputs(32'd1, 32'd1, '1, 1'h1);
    apply_inputs(32'd1, 32'hb4523ace, 32'h0, 1'h1);
    apply_inputs(32'h0, '1, 32'd1, 1'b1);
    apply_inputs(32'h90b72921, 32'd0, 32'h55555555, 1'b1);
    apply_inputs(32'h838430aa, 32'hb1a583b, 32'h55555555, 1'b1);
    apply_inputs(32'h39ff841e, 32'hd44d0ae8, 32'h6c3616af, 1'd0);
    apply_inputs(32'h10000, 32'h400000, 32'h8abfb7a5, 1'b0);
    check_outputs_known("test 15");

    // ---------------- Test 16: random values ----------------
    test_num = test_num + 1;
    apply_inputs('0, 32'h237dac4e, 32'h1000000, 1'h0);
    apply_inputs(32'hffffffff, 32'h3c0f8e95, 32'h26477de9, 1'h1);
    apply_inputs('0, '1, 32'd1, 1'b1);
    apply_inputs(32'h55555555, 32'd0, 32'h400000, 1'h1);
    apply_inputs(32'h200000, 32'd1, 32'd0, 1'b1);
    apply_inputs(32'h400, 32'd1, 32'h0, '0);
    apply_inputs(32'h55555555, 32'hffffffff, '1, 1'h1);
    apply_inputs(32'hffffffff, 32'h20000, 32'h19051fb5, 1'h1);
    repeat (3) begin
      for (int k = 0; k < 4; k++) apply_inputs(k, k, k, 1'($urandom));
    end
    check_outputs_known("test 16");

    // ---------------- Test 17: hold inputs stable ----------------
    test_num = test_num + 1;
    apply_inputs(32'd1, 32'h7e971fee, 32'd1, 1'h1);
    apply_inputs(32'h20, 32'd1, 32'hffffffff, 1'b1);
    apply_inputs(32'hde75a1b7, 32'h55555555, 32'h8000, 1'b1);
    apply_inputs(32'h0, 32'h2703af78, '0, 1'h1);
    check_outputs_known("test 17");

    // ---------------- Test 18: boundary values ----------------
    test_num = test_num + 1;
    apply_inputs(32'hb316cc05, 32'ha0ef61dc, 32'h861792f, 1'b1);
    apply_inputs('1, 32'h55555555, 32'h7991760d, 1'b0);
    apply_inputs(32'h94318241, 32'h55555555, '1, 1'h0);
    apply_inputs(32'd1, 32'hea92588, 32'h55555555, 1'b1);
    apply_inputs(32'h579fbb97, '1, 32'hffffffff, 1'b1);
    apply_inputs(32'h20000, 32'h100, 32'h881ff66b, 1'b1);
    apply_inputs(32'h55555555, 32'h819d5585, 32'd0, 1'b1);
    apply_inputs(32'h2af28fdb, 32'hffffffff, 32'h55555555, 1'b0);
    apply_inputs(32'd1, '0, 32'hffffffff, 1'b0);
    repeat (3) begin
      for (int k = 0; k < 3; k++) apply_inputs($urandom, k, k, 1'($urandom));
    end
    check_outputs_known("test 18");

    // ---------------- Test 19: hold inputs stable ----------------
    test_num = test_num + 1;
    apply_inputs(32'hffffffff, '1, 32'h4000000, 1'h0);
    apply_inputs(32'd1, 32'h8000, 32'h2000, 1'b0);
    apply_inputs(32'hdfa2703b, 32'd1, 32'h10000000, 1'd0);
    apply_inputs(32'h200, 32'h100, 32'd0, 1'b0);
    apply_inputs('1, '1, 32'h7a3b17c6, 1'b0);
    apply_inputs(32'hffffffff, 32'hffffffff, 32'd1, 1'b0);
    apply_inputs(32'h4762b449, 32'd0, 32'h55555555, 1'h1);
    repeat (4) begin
      for (int k = 0; k < 3; k++) apply_inputs($urandom, $urandom, k, 1'($urandom));
    end
    check_outputs_known("test 19");

    // ---------------- Test 20: boundary values ----------------
    test_num = test_num + 1;
    apply_inputs(32'd1, 32'h2, '1, 1'b1);
    apply_inputs('1, 32'd1, 32'd1, 1'b1);
    apply_inputs('1, 32'h55555555, 32'h1000000, 1'b1);
    apply_inputs('1, 32'hffffffff, 32'h7e0b969a, 1'h1);
    check_outputs_known("test 20");

    // ---------------- Test 21: alternating pattern ----------------
    test_num = test_num + 1;
    $display("Test %0d: alternating pattern", test_num);
    apply_inputs(32'h55555555, 32'h0, 32'hd0c6565b, 1'h1);
    apply_inputs(32'h11effb7b, 32'he7dba36, 32'h55555555, 1'h1);
    apply_inputs(32'd1, 32'h55555555, 32'h1, 1'h1);
    apply_inputs(32'h80000, 32'd1, '0, 1'b1);
    apply_inputs(32'h55555555, '1, '1, 1'h1);
    apply_inputs(32'h6579aa27, '1, '1, 1'b0);
    apply_inputs(32'd1, 32'h55555555, 32'd1, 1'h1);
    check_outputs_known("test 21");

    // ---------------- Test 22: toggle control inputs ----------------
    test_num = test_num + 1;
    $display("Test %0d: toggle control inputs", test_num);
    apply_inputs(32'h200000, '0, 32'hffffffff, 1'b1);
    apply_inputs(32'd0, 32'hf34676b, 32'hf6e92b1c, 1'h1);
    apply_inputs(32'h800, 32'h4000, 32'h7d382c7c, 1'h1);
    apply_inputs(32'h4, 32'h1b3ff7fe, 32'h2802df71, 1'h1);
    apply_inputs('1, 32'he78ab486, 32'h0, 1'h1);
    apply_inputs(32'h55555555, 32'h2000, 32'd1, 1'h1);
    apply_inputs(32'hdc8535a3, 32'h55555555, 32'd1, 1'h1);
    apply_inputs(32'hd27684f2, 32'd0, 32'h55555555, 1'b1);
    apply_inputs('0, 32'h55555555, 32'h55555555, 1'b1);
    repeat (2) begin
      for (int k = 0; k < 3; k++) apply_inputs(k, $urandom, $urandom, $urandom_range(0, 1));
    end
    check_outputs_known("test 22");

    // ---------------- Test 23: all zeros ----------------
    test_num = test_num + 1;
    $display("Test %0d: all zeros", test_num);
    apply_inputs(32'h55555555, 32'h0, 32'h55555555, 1'h1);
    apply_inputs(32'h101373ac, 32'h800000, 32'h55555555, 1'b1);
    apply_inputs(32'h400000, 32'h55555555, 32'h79d7c70c, 1'b1);
    apply_inputs(32'h55555555, 32'h4000, 32'hf622d426, 1'b1);
    apply_inputs(32'h0, 32'd1, 32'd1, 1'b1);
    check_outputs_known("test 23");

    // ---------------- Test 24: all zeros ----------------
    test_num = test_num + 1;
    $display("Test %0d: all zeros", test_num);
    apply_inputs(32'h55555555, 32'h55555555, 32'h0, 1'b1);
    apply_inputs(32'ha3007991, 32'hffffffff, 32'h0, 1'b1);
    apply_inputs(32'hbda2035c, 32'h6d307a26, 32'hdd92549, 1'b1);
    apply_inputs(32'h55555555, 32'h800000, 32'd0, 1'h0);
    apply_inputs(32'h800000, 32'h55555555, 32'd0, 1'h1);
    apply_inputs(32'd1, 32'he648fa28, 32'hffffffff, '1);
    apply_inputs(32'hbdb297bc, 32'h55555555, '0, 1'b1);
    apply_inputs(32'h55555555, 32'h40000000, 32'hcebece4c, '0);
    apply_inputs('0, '0, 32'h40000000, 1'b1);
    apply_inputs(32'hffffffff, 32'h68ea12b, 32'h55555555, 1'b1);
    apply_inputs(32'h55555555, 32'hffffffff, 32'h2a321f0b, 1'h1);
    repeat (2) begin
      for (int k = 0; k < 4; k++) apply_inputs(k, $urandom, k, $urandom_range(0, 1));
    end
    check_outputs_known("test 24");

    // ---------------- Test 25: random values ----------------
    test_num = test_num + 1;
    $display("Test %0d: random values", test_num);
    apply_inputs(32'had73ca55, 32'd1, 32'h40, 1'b1);
    apply_inputs(32'd1, 32'd1, 32'h200000, 1'h1);
    apply_inputs(32'h768ea710, 32'h886ff63c, 32'd0, 1'h1);
    apply_inputs(32'hdb664366, 32'h55555555, 32'h55555555, 1'b1);
    apply_inputs(32'h7fcdd356, 32'h72696251, 32'hffffffff, 1'h1);
    apply_inputs(32'hd7c7e398, 32'd1, 32'h545917d3, 1'b1);
    check_outputs_known("test 25");

    // ---------------- Test 26: all ones ----------------
    test_num = test_num + 1;
    $display("Test %0d: all ones", test_num);
    apply_inputs(32'h55555555, 32'h6153aa8a, 32'h5a739f0d, '1);
    apply_inputs(32'hffffffff, 32'hb91b412b, 32'd1, 1'h1);
    apply_inputs(32'h800, 32'h2d5f0f79, 32'h55555555, 1'h1);
    apply_inputs(32'h51b69040, 32'd0, 32'hffffffff, 1'h1);
    apply_inputs(32'd1, '0, 32'h1000, 1'h1);
    apply_inputs(32'h20000000, 32'hc9913caa, 32'h2f9a68d0, 1'h1);
    apply_inputs(32'h10000, 32'h0, 32'h55555555, 1'b1);
    apply_inputs(32'd0, 32'd1, 32'hd9e9c000, 1'b1);
    apply_inputs(32'd1, 32'd1, 32'h0, 1'b1);
    apply_inputs(32'h100000, 32'h1fd7610d, 32'h773156c0, 1'h1);
    apply_inputs('1, 32'h0, 32'h80000000, 1'b1);
    check_outputs_known("test 26");

    // ---------------- Test 27: hold inputs stable ----------------
    test_num = test_num + 1;
    apply_inputs(32'd1, 32'hffffffff, 32'h55555555, 1'h1);
    apply_inputs(32'h55555555, 32'h55555555, '1, 1'b0);
    apply_inputs(32'h93b742e3, '0, '0, 1'b1);
    apply_inputs(32'h55067374, 32'hd80e5639, 32'h434370a0, 1'h0);
    apply_inputs(32'h40000000, '1, 32'd1, 1'b1);
    apply_inputs(32'h55555555, 32'h57cc2019, 32'h20, 1'h1);
    apply_inputs(32'd0, 32'h200000, 32'h931965e5, '1);
    apply_inputs(32'h731f82aa, 32'h61edbf8a, 32'h40000, 1'h1);
    apply_inputs(32'hb9984eac, 32'h55555555, '0, 1'd0);
    apply_inputs(32'h55555555, 32'h400000, 32'he959e775, 1'h1);
    apply_inputs(32'hffffffff, 32'h55555555, 32'h0, 1'b1);
    apply_inputs(32'd1, 32'h55555555, 32'h55555555, '1);
    repeat (4) begin
      for (int k = 0; k < 8; k++) apply_inputs(k, $urandom, $urandom, 1'($urandom));
    end
    check_outputs_known("test 27");

    // Corner-value table
    begin
      logic [31:0] corners [6];
      corners = '{32'd0, 32'hffffffff, 32'h55555555, 32'd1, 32'hdfe674ef, 32'h2000000};
      foreach (corners[idx]) begin
        apply_inputs(corners[idx], $urandom, $urandom, $urandom % 2);
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on fetch_rdata_i
    for (int bit_idx = 0; bit_idx < $bits(fetch_rdata_i); bit_idx++) begin
      fetch_rdata_i = '0;
      fetch_rdata_i[bit_idx] = 1'b1;
      #20;
    end
    // Walking ones on fetch_pc_i
    for (int i = 0; i < $bits(fetch_pc_i); i++) begin
      fetch_pc_i = '0;
      fetch_pc_i[i] = 1'b1;
      #20;
    end
    // Walking ones on register_addr_i
    for (int n = 0; n < $bits(register_addr_i); n++) begin
      register_addr_i = '0;
      register_addr_i[n] = 1'b1;
      #20;
    end
    // Random regression
    random_vectors(NUM_RANDOM);

    $display("==========================================");
    $display("  Tests run : %0d", test_num);
    $display("  Passed    : %0d", pass_count);
    $display("  Failed    : %0d", fail_count);
    $display("==========================================");
    if (fail_count == 0) $display("ALL TESTS PASSED");
    $finish;
  end

endmodule
