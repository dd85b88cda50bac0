// Directed testbench: numbered tests with explicit stimulus and checks: static_branch_predict
`timescale 1ns/1ps

module testbench;

  localparam int NUM_RANDOM = 500;

  // DUT inputs
  logic [31:0] fetch_rdata_i;
  logic [31:0] fetch_pc_i;
  logic [31:0] register_addr_i;
  logic fetch_valid_i;

  // DUT outputs
  logic predict_branch_taken_o;
  logic [31:0] predict_branch_pc_o;

  // Device under test
  static_branch_predict uut (
    .fetch_rdata_i(fetch_rdata_i),
    .fetch_pc_i(fetch_pc_i),
    .register_addr_i(register_addr_i),
    .fetch_valid_i(fetch_valid_i),
    .predict_branch_taken_o(predict_branch_taken_o),
    .predict_branch_pc_o(predict_branch_pc_o)
  );

  integer num_pass = 0;
  integer fail_count = 0;
  integer test_num = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Drive one input vector and wait one cycle
  task automatic drive_inputs(
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
      num_pass = num_pass + 1;
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
      drive_inputs($urandom, $urandom, $urandom, 1'($urandom));
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

  // Watchdog: never hang the regression
  initial begin
    #1_000_000;
    $display("ERROR: watchdog timeout at %0t", $time);
    $finish;
  end

  initial begin
    $display("Starting static_branch_predict directed test");
    reset_dut();
    checks_enabled = 1;
    check_outputs_known("after reset");

    // ---------------- Test 1: alternating pattern ----------------
    test_num = test_num + 1;
    drive_inputs(32'd1, 32'h4b62d82f, 32'h90b21bd6, 1'b1);
    drive_inputs(32'hab2c63ac, 32'h80000, 32'd1, 1'h1);
    drive_inputs(32'h40, 32'd1, 32'h69fc7ff5, 1'd0);
    drive_inputs(32'h55555555, 32'd0, 32'h80, 1'h1);
    drive_inputs(32'hfd4e6b91, '0, 32'h20, 1'b0);
    repeat (5) begin
      for (int k = 0; k < 2; k++) drive_inputs(k, k, k, 1'($urandom));
    end
    check_outputs_known("test 1");

    // ---------------- Test 2: boundary values ----------------
    test_num = test_num + 1;
    drive_inputs(32'h0, 32'h8000, 32'hffffffff, 1'h1);
    drive_inputs(32'd1, 32'd1, 32'h20a2e995, 1'h0);
    drive_inputs(32'h1000, 32'hfea0d6cc, 32'hffffffff, 1'b0);
    drive_inputs(32'h55555555, 32'h55555555, 32'd1, 1'b0);
    drive_inputs(32'h8527f8c, 32'h8000, 32'he300cb5a, 1'h1);
    drive_inputs(32'h21ae7945, 32'h55555555, 32'h2, 1'd0);
    drive_inputs(32'h40000, 32'h0, 32'h2728004, 1'h1);
    drive_inputs(32'h0, 32'd1, '1, 1'b1);
    drive_inputs(32'h2000000, 32'd0, 32'd1, 1'h1);
    drive_inputs(32'h55555555, 32'h3f474e35, 32'h0, 1'h1);
    drive_inputs(32'd1, 32'hc01dfdd9, 32'hffffffff, 1'b1);
    drive_inputs(32'h800000, 32'h8000000, '1, 1'h1);
    check_outputs_known("test 2");

    // ---------------- Test 3: alternating pattern ----------------
    test_num = test_num + 1;
    $display("Test %0d: alternating pattern", test_num);
    drive_inputs(32'hef1230c9, 32'hf30ad2a7, 32'hb8155179, 1'b0);
    drive_inputs(32'h9e57c5c8, 32'h55555555, 32'h0, 1'h1);
    drive_inputs(32'h71a30ce9, 32'd1, 32'd0, 1'h1);
    drive_inputs('1, 32'h2dc5ff33, 32'hffffffff, 1'h1);
    drive_inputs(32'h55555555, 32'd0, 32'd1, 1'h1);
    drive_inputs(32'd1, 32'h0, 32'h40000, 1'b0);
    drive_inputs('0, 32'h182706ab, 32'h20000, 1'b1);
    drive_inputs(32'd0, 32'h2d2934fd, '1, '1);
    drive_inputs(32'd1, '0, 32'h0, 1'h1);
    drive_inputs(32'd0, 32'h8000, 32'd1, 1'b0);
    drive_inputs(32'h4000000, '1, 32'd1, 1'b1);
    check_outputs_known("test 3");

    // ---------------- Test 4: maximum on first operand ----------------
    test_num = test_num + 1;
    $display("Test %0d: maximum on first operand", test_num);
    drive_inputs(32'hf5eca5f9, 32'd1, 32'h4ce62c6f, 1'b0);
    drive_inputs(32'h3e6aaf7d, '0, 32'h54b92a1a, 1'h1);
    drive_inputs(32'd0, '1, 32'd1, 1'b0);
    drive_inputs(32'h2263dbe2, 32'h1b139014, 32'h55555555, 1'h1);
    drive_inputs(32'hcbf9b52b, 32'h55555555, 32'hd99bba3c, 1'b1);
    check_outputs_known("test 4");

    // ---------------- Test 5: all zeros ----------------
    test_num = test_num + 1;
    drive_inputs(32'd1, 32'd1, 32'd1, 1'h1);
    drive_inputs(32'h55555555, 32'd0, '0, 1'b1);
    drive_inputs('0, 32'd1, '1, 1'h1);
    drive_inputs(32'd1, 32'h55555555, 32'h700b062a, 1'b0);
    drive_inputs(32'h4000000, 32'h3a45d932, 32'd1, 1'b1);
    drive_inputs(32'd1, 32'h200, '0, '1);
    drive_inputs(32'd1, 32'd0, 32'h31e40213, 1'b1);
    check_outputs_known("test 5");

    // ---------------- Test 6: random values ----------------
    test_num = test_num + 1;
    drive_inputs(32'hedff5ebf, 32'h27514247, 32'hffffffff, 1'h1);
    drive_inputs(32'd1, 32'h10000, 32'h10000000, 1'h1);
    drive_inputs(32'h1a193206, '1, 32'h72449c96, 1'h1);
    drive_inputs(32'h10000000, 32'h55555555, 32'hffffffff, 1'b1);
    drive_inputs(32'hb275e519, '0, 32'h55555555, 1'b1);
    drive_inputs(32'hffffffff, 32'h850ad29e, '1, '1);
    drive_inputs(32'h0, 32'h80000000, 32'd0, 1'b1);
    drive_inputs(32'hc5b22bab, 32'hffffffff, 32'hffffffff, 1'h1);
    drive_inputs('0, 32'h7946a7cf, 32'hffffffff, 1'b0);
    drive_inputs(32'h2c0d97cd, 32'hcdffab23, 32'h0, 1'b0);
    check_outputs_known("test 6");

    // ---------------- Test 7: toggle control inputs ----------------
    test_num = test_num + 1;
    drive_inputs(32'h7ac9928c, 32'h80000000, 32'hd8c7c89e, 1'b1);
    drive_inputs(32'hffffffff, 32'd0, 32'h1, '1);
    drive_inputs(32'h0, 32'h20000, 32'ha23e4503, 1'h1);
    drive_inputs('1, 32'h1000000, '0, 1'b1);
    drive_inputs(32'h1b153f97, 32'h55555555, 32'd0, 1'h1);
    drive_inputs(32'h919b5813, 32'd1, 32'h100000, 1'h1);
    repeat (6) begin
      for (int k = 0; k < 7; k++) drive_inputs($urandom, k, $urandom, 1'($urandom));
    end
    check_outputs_known("test 7");

    // ---------------- Test 8: single bit set ----------------
    test_num = test_num + 1;
    drive_inputs('1, 32'hffffffff, 32'h55555555, 1'b1);
    drive_inputs(32'd1, 32'h0, 32'h7a04340d, 1'h1);
    drive_inputs(32'h4000000, 32'd1, 32'h55555555, 1'h0);
    drive_inputs(32'd1, 32'h28da47d5, 32'hd853a334, 1'h1);
    drive_inputs(32'h3791b620, 32'hccdf1de1, 32'h55555555, '1);
    drive_inputs(32'h0, 32'ha441322, 32'hffffffff, 1'b1);
    drive_inputs(32'h8000000, 32'h55555555, 32'h200, 1'd0);
    drive_inputs(32'hbf73e303, 32'he60c6297, 32'h10004854, 1'h1);
    drive_inputs(32'd1, 32'h7a2eb4c8, 32'he9d48da3, 1'b1);
    drive_inputs(32'h0, '0, 32'h0, 1'h1);
    drive_inputs(32'h20000000, 32'd1, 32'hee543ef8, 1'h1);
    drive_inputs('0, '0, 32'd1, 1'h1);
    check_outputs_known("test 8");

    // ---------------- Test 9: toggle control inputs ----------------
    test_num = test_num + 1;
    drive_inputs(32'h6381b291, 32'h800000, 32'd1, 1'b0);
    drive_inputs(32'h4c31bb15, 32'h55555555, 32'h102133ae, '0);
    drive_inputs(32'h8000000, 32'd0, 32'hffffffff, 1'b1);
    drive_inputs(32'd1, 32'h40000000, 32'h40, 1'b0);
    drive_inputs(32'hffffffff, 32'h4655f52a, '1, 1'b1);
    drive_inputs(32'h55555555, 32'hd0dc5425, 32'd1, '1);
    drive_inputs('0, 32'h400000, '1, 1'b1);
    drive_inputs(32'd0, 32'h55555555, 32'h55555555, '1);
    check_outputs_known("test 9");

    // ---------------- Test 10: single bit set ----------------
    test_num = test_num + 1;
    drive_inputs(32'hbecab1b7, 32'h400000, '0, 1'h0);
    drive_inputs(32'd0, 32'h800c2ca0, 32'h35cf634c, '0);
    drive_inputs(32'h6c8fc7d6, 32'd0, '1, '0);
    drive_inputs('0, 32'h3d434297, 32'd1, 1'h1);
    drive_inputs('1, 32'h43adfaab, 32'h9c50dd1a, '0);
    repeat (2) begin
      for (int k = 0; k < 3; k++) drive_inputs($urandom, k, $urandom, $urandom_range(0, 1));
    end
    check_outputs_known("test 10");

    // ---------------- Test 11: boundary values ----------------
    test_num = test_num + 1;
    $display("Test %0d: boundary values", test_num);
    drive_inputs(32'he98e0de, 32'hffffffff, 32'hffffffff, 1'b1);
    drive_inputs(32'h8000000, 32'hb6e2b7d, 32'h55555555, 1'h1);
    drive_inputs(32'hd50e9bb9, '0, 32'd1, 1'h1);
    drive_inputs(32'd0, 32'hffffffff, 32'hc486b20b, '1);
    drive_inputs(32'h8bb2c7dd, 32'h0, '0, 1'b1);
    check_outputs_known("test 11");

    // ---------------- Test 12: alternating pattern ----------------
    test_num = test_num + 1;
    drive_inputs(32'hbaad7397, 32'h55555555, 32'h68c9a66a, 1'b1);
    drive_inputs(32'hf85f02ad, 32'h55555555, 32'd0, 1'b0);
    drive_inputs(32'h40570be3, 32'hd365104e, 32'hffffffff, 1'h1);
    drive_inputs(32'h4000000, '1, 32'hf95d1617, 1'h1);
    drive_inputs(32'h8000, '0, 32'h2000, 1'h1);
    repeat (5) begin
      for (int k = 0; k < 5; k++) drive_inputs(k, $urandom, k, $urandom % 2);
    end
    check_outputs_known("test 12");

    // ---------------- Test 13: maximum on first operand ----------------
    test_num = test_num + 1;
    drive_inputs(32'h55555555, 32'h55555555, 32'h0, '0);
    drive_inputs(32'hffffffff, 32'hc08a1e60, 32'h800, 1'b0);
    drive_inputs('0, 32'hffffffff, 32'hf92088a6, 1'h1);
    drive_inputs(32'h997cbd99, 32'h80000000, 32'd1, 1'b0);
    check_outputs_known("test 13");

    // ---------------- Test 14: alternating pattern ----------------
    test_num = test_num + 1;
    drive_inputs(32'ha4f1c65, 32'h93889fc8, 32'd1, 1'h1);
    drive_inputs('1, 32'hffffffff, 32'h55555555, 1'h0);
    drive_inputs(32'h0, 32'h40000, 32'h4d251d72, '1);
    drive_inputs(32'd0, '1, 32'h0, 1'd0);
    drive_inputs(32'h40, 32'h40, 32'hee972be6, 1'b1);
    check_outputs_known("test 14");

    // ---------------- Test 15: alternating pattern ----------------
    test_num = test_num + 1;
    drive_inputs(32'h348715e1, 32'h55555555, '1, 1'b0);
    drive_inputs(32'h14420c1f, 32'd1, 32'h55555555, 1'd0);
    drive_inputs(32'h100000, 32'hffffffff, 32'hc2bdee0, 1'b1);
    drive_inputs(32'hb39aa7e9, 32'h80, 32'd1, 1'b1);
    drive_inputs(32'h55555555, 32'hffffffff, 32'hf8e6610b, 1'h1);
    drive_inputs('1, 32'd1, 32'h55555555, 1'b1);
    drive_inputs(32'hffffffff, '1, 32'h55555555, 1'b0);
    drive_inputs(32'h55555555, 32'h55555555, 32'h5b00f98, 1'b1);
    drive_inputs(32'h320c1b45, '0, 32'd1, 1'h1);
    drive_inputs(32'h0, '0, 32'h40, 1'd0);
    repeat (3) begin
      for (int k = 0; k < 2; k++) drive_inputs(k, k, $urandom, $urandom_range(0, 1));
    end
    check_outputs_known("test 15");

    // ---------------- Test 16: toggle control inputs ----------------
    test_num = test_num + 1;
    $display("Test %0d: toggle control inputs", test_num);
    drive_inputs(32'h67af12fa, 32'hdf678925, 32'h105d503d, '0);
    drive_inputs(32'hffffffff, 32'h40, '1, 1'b0);
    drive_inputs(32'd1, 32'h55555555, 32'd1, 1'h1);
    drive_inputs(32'h886d261f, 32'h0, 32'hffffffff, 1'h1);
    drive_inputs(32'h55555555, 32'h55555555, 32'h0, 1'b1);
    drive_inputs(32'h42f31940, '0, 32'd0, 1'b1);
    drive_inputs(32'h21c94266, '0, 32'hffffffff, '1);
    drive_inputs(32'h2640fd50, 32'd0, 32'hffffffff, 1'b1);
    drive_inputs(32'h1977275e, 32'h55555555, 32'h6d751ea0, 1'b1);
    drive_inputs(32'hc1775f98, 32'h55555555, 32'hde10eee8, 1'h1);
    drive_inputs(32'hc04d8ef5, 32'h55555555, 32'h20, 1'h1);
    drive_inputs(32'h395a2fbd, 32'd1, '1, 1'h1);
    check_outputs_known("test 16");

    // ---------------- Test 17: hold inputs stable ----------------
    test_num = test_num + 1;
    drive_inputs(32'hbb999135, 32'd1, 32'h4000, '1);
    drive_inputs(32'hffffffff, '1, 32'hbb0efc4c, 1'h1);
    drive_inputs(32'd1, '1, 32'h40000, 1'h1);
    drive_inputs(32'h3b655278, '0, 32'h55555555, 1'b0);
    drive_inputs('1, 32'hbc4d3f9, 32'd1, '0);
    drive_inputs(32'd0, 32'h55555555, 32'h3f5d5df8, '1);
    drive_inputs(32'h62caebc0, '0, 32'h58870e03, '1);
    drive_inputs(32'hffffffff, 32'd1, 32'h55555555, '1);
    drive_inputs(32'hffffffff, 32'h468de7e9, 32'h7d501e90, 1'h1);
    drive_inputs(32'hc7e1ec24, 32'd1, 32'h8000000, 1'h1);
    drive_inputs(32'd1, 32'h0, 32'hffffffff, 1'b1);
    drive_inputs(32'h4e8ddf8d, 32'h20, 32'h88a50f2, 1'b1);
    repeat (4) begin
      for (int k = 0; k < 7; k++) drive_inputs($urandom, k, $urandom, 1'($urandom));
    end
    check_outputs_known("test 17");

    // ---------------- Test 18: hold inputs stable ----------------
    test_num = test_num + 1;
    drive_inputs(32'h55555555, 32'd1, 32'h16be545, 1'b1);
    drive_inputs(32'd1, 32'd1, 32'h55555555, 1'b0);
    drive_inputs(32'h7b89b522, 32'h21980470, 32'h1c20d42f, 1'b1);
    drive_inputs(32'd0, 32'h800, '0, 1'h0);
    check_outputs_known("test 18");

    // ---------------- Test 19: maximum on first operand ----------------
    test_num = test_num + 1;
    drive_inputs(32'h733814e3, 32'd1, '0, 1'b0);
    drive_inputs(32'h40, 32'h9b7cd2f0, 32'hc7ac7e9d, 1'h1);
    drive_inputs(32'hd3ab15, 32'h55555555, 32'h91ea0e59, 1'b1);
    drive_inputs(32'hffffffff, 32'hffffffff, 32'h55555555, 1'b1);
    drive_inputs(32'h7de972ff, '0, 32'h55555555, 1'h1);
    drive_inputs(32'd1, 32'd1, 32'he9537de4, 1'b1);
    check_outputs_known("test 19");

    // Corner-value table
    begin
      logic [31:0] corners [6];
      corners = '{'0, '1, 32'h55555555, 32'd1, 32'h79777c49, 32'h2000000};
      foreach (corners[idx]) begin
        drive_inputs(corners[idx], $urandom, $urandom, 1'($urandom));
        check_outputs_known($sformatf("corner %0d", idx));
      end
    end
    // Walking ones on fetch_rdata_i
    for (int i = 0; i < $bits(fetch_rdata_i); i++) begin
      fetch_rdata_i = '0;
      fetch_rdata_i[i] = 1'b1;
      #20;
    end
    // Walking ones on fetch_pc_i
    for (int k = 0; k < $bits(fetch_pc_i); k++) begin
      fetch_pc_i = '0;
      fetch_pc_i[k] = 1'b1;
      #20;
    end
    // Walking ones on register_addr_i
    for (int k = 0; k < $bits(register_addr_i); k++) begin
      register_addr_i = '0;
      register_addr_i[k] = 1'b1;
      #20;
    end
    // Random regression
    random_vectors(NUM_RANDOM);

    $display("==========================================");
    $display("  Tests run : %0d", test_num);
    $display("  Passed    : %0d", num_pass);
    $display("  Failed    : %0d", fail_count);
    $display("==========================================");
    if (fail_count == 0) $display("ALL TESTS PASSED");
    $finish;
  end

endmodule
