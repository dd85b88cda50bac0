// ========================================================================
// Testbench for rr_arbiter
// Directed testbench: numbered tests with explicit stimulus and checks
// Instance name "dut" is required by the coverage flow.
// ========================================================================
`timescale 1ns / 1ps

module tb_rr_arbiter;

	localparam int CLK_PERIOD = 20;
	localparam int NUM_RANDOM = 200;

	// DUT inputs
	logic clk;
	logic rst_n;
	logic [3:0] req;
	logic lock;

	// DUT outputs
	logic [3:0] grant;
	logic [1:0] grant_id;
	logic grant_valid;
	logic switched;

	// Device under test
	rr_arbiter dut (
		.clk(clk),
		.rst_n(rst_n),
		.req(req),
		.lock(lock),
		.grant(grant),
		.grant_id(grant_id),
		.grant_valid(grant_valid),
		.switched(switched)
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
	task automatic apply_inputs(
		input logic [3:0] req_v,
		input logic lock_v
	);
		begin
			req = req_v;
			lock = lock_v;
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
		check(!$isunknown(grant), {where, ": grant known"});
		check(!$isunknown(grant_id), {where, ": grant_id known"});
		check(!$isunknown(grant_valid), {where, ": grant_valid known"});
		check(!$isunknown(switched), {where, ": switched known"});
	endtask

	task automatic random_vectors(input int n);
		for (int i = 0; i < n; i++) begin
			apply_inputs($urandom_range(0, 15), 1'($urandom));
			if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
		end
	endtask

	task automatic reset_dut(input int cycles = 2);
		begin
			req = '0;
			lock = '0;
			rst_n = 1'b0;
			repeat (cycles) @(posedge clk);
			rst_n = 1'b1;
			@(posedge clk);
			$display("[%0t] reset done", $time);
		end
	endtask

	always @(negedge clk) begin
		if (checks_enabled && rst_n) begin
			if ($isunknown(grant)) begin
				$error("[%0t] grant is unknown: %b", $time, grant);
				num_fail++;
			end
			if ($isunknown(grant_id)) begin
				$error("[%0t] grant_id is unknown: %b", $time, grant_id);
				num_fail++;
			end
			if ($isunknown(grant_valid)) begin
				$error("[%0t] grant_valid is unknown: %b", $time, grant_valid);
				num_fail++;
			end
			if ($isunknown(switched)) begin
				$error("[%0t] switched is unknown: %b", $time, switched);
				num_fail++;
			end
		end
	end

	initial begin
		#(1_000_000) $error("Timeout! The test did not finish");
		$finish;
	end

	initial begin
		$display("Starting rr_arbiter directed test");
		reset_dut();
		checks_enabled = 1;
		check_outputs_known("after reset");

		// ---------------- Test 1: toggle control inputs ----------------
		test_num = test_num + 1;
		apply_inputs(4'd1, 1'h1);
		apply_inputs(4'd1, 1'h1);
		apply_inputs('0, 1'h1);
		apply_inputs('1, 1'h1);
		apply_inputs(4'hc, 1'h1);
		apply_inputs(4'h6, 1'b0);
		apply_inputs(4'd1, 1'h1);
		apply_inputs(4'h8, 1'd0);
		apply_inputs(4'h6, 1'h1);
		repeat (6) begin
			for (int k = 0; k < 8; k++) apply_inputs(k, $urandom % 2);
		end
		check_outputs_known("test 1");

		// ---------------- Test 2: back-to-back changes ----------------
		test_num = test_num + 1;
		apply_inputs(4'd1, 1'b1);
		apply_inputs(4'hd, '1);
		apply_inputs('0, 1'b0);
		apply_inputs(4'h5, 1'h1);
		check_outputs_known("test 2");

		// ---------------- Test 3: all zeros ----------------
		test_num = test_num + 1;
		$display("Test %0d: all zeros", test_num);
		apply_inputs(4'h1, 1'h1);
		apply_inputs(4'h4, '1);
		apply_inputs('1, 1'b1);
		apply_inputs(4'h0, 1'b0);
		apply_inputs('1, 1'h1);
		apply_inputs(4'd1, 1'b1);
		apply_inputs(4'h5, 1'h1);
		apply_inputs(4'd1, '0);
		apply_inputs(4'h6, '1);
		apply_inputs(4'h5, 1'h1);
		repeat (3) begin
			for (int k = 0; k < 8; k++) apply_inputs($random, $urandom % 2);
		end
		check_outputs_known("test 3");

		// ---------------- Test 4: all ones ----------------
		test_num = test_num + 1;
		apply_inputs(4'hf, 1'b1);
		apply_inputs(4'h5, 1'b1);
		apply_inputs(4'd0, 1'b1);
		apply_inputs(4'h5, 1'h1);
		apply_inputs(4'd1, 1'd0);
		apply_inputs(4'ha, 1'b1);
		apply_inputs(4'hd, 1'b1);
		apply_inputs(4'h1, 1'h1);
		apply_inputs('1, 1'h1);
		apply_inputs(4'hf, 1'h1);
		apply_inputs(4'h0, 1'b1);
		repeat (6) begin
			for (int k = 0; k < 4; k++) apply_inputs(k, 1'($urandom));
		end
		check_outputs_known("test 4");

		// ---------------- Test 5: all ones ----------------
		test_num = test_num + 1;
		apply_inputs(4'h5, 1'b0);
		apply_inputs(4'h0, '0);
		apply_inputs(4'he, 1'b1);
		apply_inputs(4'h0, 1'b1);
		apply_inputs('1, 1'b1);
		apply_inputs(4'd1, '0);
		apply_inputs(4'hf, 1'h1);
		apply_inputs(4'hc, 1'b0);
		apply_inputs(4'd1, 1'h1);
		apply_inputs('1, '0);
		repeat (5) begin
			for (int k = 0; k < 2; k++) apply_inputs(4'($urandom), $urandom_range(0, 1));
		end
		check_outputs_known("test 5");

		// ---------------- Test 6: hold inputs stable ----------------
		test_num = test_num + 1;
		$display("Test %0d: hold inputs stable", test_num);
		apply_inputs(4'h7, 1'h1);
		apply_inputs(4'h8, '1);
		apply_inputs(4'h4, 1'b1);
		apply_inputs(4'd1, 1'h1);
		apply_inputs(4'h5, 1'h1);
		apply_inputs(4'd1, 1'h1);
		check_outputs_known("test 6");

		// ---------------- Test 7: alternating pattern ----------------
		test_num = test_num + 1;
		apply_inputs(4'h1, '0);
		apply_inputs(4'h3, 1'd0);
		apply_inputs('1, 1'b0);
		apply_inputs(4'hb, 1'b1);
		repeat (6) begin
			for (int k = 0; k < 4; k++) apply_inputs(k, 1'($urandom));
		end
		check_outputs_known("test 7");

		// ---------------- Test 8: hold inputs stable ----------------
		test_num = test_num + 1;
		apply_inputs(4'h5, 1'b0);
		apply_inputs(4'h2, 1'h1);
		apply_inputs(4'hf, 1'b0);
		apply_inputs(4'h5, 1'h1);
		apply_inputs(4'h0, 1'b0);
		check_outputs_known("test 8");

		// ---------------- Test 9: back-to-back changes ----------------
		test_num = test_num + 1;
		$display("Test %0d: back-to-back changes", test_num);
		apply_inputs(4'h5, 1'b0);
		apply_inputs(4'd0, 1'b0);
		apply_inputs(4'h9, 1'h1);
		apply_inputs(4'h9, 1'h1);
		apply_inputs(4'h0, 1'b1);
		apply_inputs(4'h2, '0);
		apply_inputs(4'h7, 1'b1);
		apply_inputs(4'h9, 1'b1);
		apply_inputs(4'hf, 1'h1);
		apply_inputs(4'h5, 1'd0);
		apply_inputs(4'h5, 1'h1);
		apply_inputs('0, 1'h1);
		check_outputs_known("test 9");

		// ---------------- Test 10: boundary values ----------------
		test_num = test_num + 1;
		apply_inputs(4'h5, 1'b0);
		apply_inputs(4'h0, 1'b1);
		apply_inputs(4'd1, 1'b1);
		apply_inputs(4'd0, 1'h1);
		apply_inputs(4'h8, '0);
		apply_inputs(4'h5, 1'h1);
		repeat (4) begin
			for (int k = 0; k < 7; k++) apply_inputs(4'($urandom), $urandom_range(0, 1));
		end
		check_outputs_known("test 10");

		// ---------------- Test 11: back-to-back changes ----------------
		test_num = test_num + 1
		apply_inputs(4'h4, 1'b1);
		apply_inputs(4'h5, 1'd0);
		apply_inputs(4'd0, 1'b0);
		apply_inputs(4'he, 1'h0);
		apply_inputs(4'h3, 1'b0);
		apply_inputs(4'h8, 1'h1);
		apply_inputs(4'h5, '1);
		apply_inputs('0, 1'h1);
		apply_inputs(4'he, '1);
		apply_inputs(4'h2, 1'h0);
		apply_inputs(4'h0, 1'h1);
		apply_inputs('1, 1'b0);
		check_outputs_known("test 11");

		// ---------------- Test 12: all zeros ----------------
		test_num = test_num + 1;
		$display("Test %0d: all zeros", test_num);
		apply_inputs(4'h0, 1'b1);
		apply_inputs(4'd1, 1'b0);
		apply_inputs(4'd1, 1'h1);
		apply_inputs(4'd0, 1'b1);
		apply_inputs(4'hf, 1'b1);
		check_outputs_known("test 12");

		// ---------------- Test 13: alternating pattern ----------------
		test_num = test_num + 1;
		apply_inputs(4'hf, '0);
		apply_inputs(4'h9, '1);
		apply_inputs(4'ha, 1'b1);
		apply_inputs('1, '1);
		apply_inputs(4'd1, 1'b1);
		apply_inputs(4'h9, 1'h1);
		apply_inputs(4'hf, 1'b0);
		apply_inputs(4'hc, '1);
		apply_inputs('1, 1'h0);
		check_outputs_known("test 13");

		// ---------------- Test 14: maximum on first operand ----------------
		test_num = test_num + 1;
		apply_inputs('1, 1'd0);
		apply_inputs('1, 1'h1);
		apply_inputs(4'hc, '1);
		apply_inputs(4'hb, 1'h1);
		apply_inputs(4'hb, 1'b1);
		apply_inputs(4'ha, 1'h1);
		apply_inputs('1, 1'b1);
		apply_inputs(4'h5, 1'b1);
		apply_inputs('1, 1'd0);
		apply_inputs(4'd1, 1'b1);
		apply_inputs(4'd1, 1'h1);
		apply_inputs(4'd1, 1'h1);
		check_outputs_known("test 14");

		// ---------------- Test 15: all ones ----------------
		test_num = test_num + 1;
		apply_inputs('0, 1'b1);
		apply_inputs(4'h5, 1'h0);
		apply_inputs(4'd1, 1'b0);
		apply_inputs(4'h5, 1'b0);
		apply_inputs(4'hf, 1'b0);
		apply_inputs(4'hd, 1'h1);
		apply_inputs(4'he, 1'b1);
		check_outputs_known("test 15");

		// ---------------- Test 16: single bit set ----------------
		test_num = test_num + 1;
		$display("Test %0d: single bit set", test_num);
		apply_inputs(4'h6, 1'h1);
		apply_inputs(4'h6, '0);
		apply_inputs(4'd1, 1'h1);
		apply_inputs('0, 1'h1);
		apply_inputs(4'hf, 1'h0);
		check_outputs_known("test 16");

		// ---------------- Test 17: all zeros ----------------
		test_num = test_num + 1;
		apply_inputs(4'd1, 1'h0);
		apply_inputs(4'h5, 1'b1);
		apply_inputs(4'd1, 1'h1);
		apply_inputs(4'h9, 1'h0);
		apply_inputs(4'h0, '1);
		apply_inputs(4'd1, 1'b1);
		apply_inputs(4'h2, 1'b1);
		check_outputs_known("test 17");

		// ---------------- Test 18: single bit set ----------------
		test_num = test_num + 1;
		apply_inputs('0, 1'b0);
		apply_inputs(4'hf, 1'b1);
		apply_inputs(4'h8, 1'b1);
		apply_inputs(4'h2, 1'b1);
		apply_inputs(4'hf, 1'h1);
		apply_inputs(4'h1, '0);
		apply_inputs('1, 1'h1);
		check_outputs_known("test 18");

		// ---------------- Test 19: hold inputs stable ----------------
		test_num = test_num + 1;
		$display("Test %0d: hold inputs stable", test_num);
		apply_inputs(4'd0, 1'b1);
		apply_inputs(4'h5, 1'h1);
		apply_inputs('1, 1'b1);
		apply_inputs(4'h5, 1'b1);
		apply_inputs(4'h1, 1'b0);
		apply_inputs(4'h1, 1'h1);
		apply_inputs(4'd0, 1'b0);
		check_outputs_known("test 19");

		// ---------------- Test 20: all ones ----------------
		test_num = test_num + 1;
		apply_inputs(4'd1, 1'h1);
		apply_inputs(4'h5, 1'b1);
		apply_inputs(4'h2, 1'h1);
		apply_inputs(4'h0, 1'b0);
		apply_inputs(4'h5, '0);
		check_outputs_known("test 20");

		// ---------------- Test 21: alternating pattern ----------------
		test_num = test_num + 1;
		apply_inputs(4'h4, 1'b1);
		apply_inputs(4'd0, '1);
		apply_inputs(4'h5, 1'b0);
		apply_inputs(4'h2, 1'h1);
		repeat (5) begin
			for (int k = 0; k < 4; k++) apply_inputs(k, $urandom_range(0, 1));
		end
		check_outputs_known("test 21");

		// ---------------- Test 22: toggle control inputs ----------------
		test_num = test_num + 1;
		apply_inputs('0, 1'b1);
		apply_inputs(4'h5, 1'b1);
		apply_inputs(4'h5, 1'b1);
		apply_inputs(4'd0, 1'b1);
		apply_inputs(4'd1, 1'b1);
		apply_inputs(4'h5, 1'b1);
		apply_inputs(4'h2, 1'h1);
		apply_inputs(4'h7, 1'h1);
		apply_inputs(4'hb, 1'h1);
		apply_inputs(4'h2, 1'h1);
		apply_inputs('1, '1);
		apply_inputs('0, '1);
		check_outputs_known("test 22");

		// ---------------- Test 23: alternating pattern ----------------
		test_num = test_num + 1;
		apply_inputs(4'hf, 1'h1);
		apply_inputs(4'd0, 1'h1);
		apply_inputs(4'd0, 1'b1);
		apply_inputs('0, 1'h1);
		apply_inputs(4'h4, 1'b1);
		apply_inputs(4'd0, 1'b1);
		apply_inputs(4'ha, 1'b1);
		apply_inputs(4'h1, 1'h1);
		apply_inputs(4'd0, 1'b1);
		apply_inputs(4'h8, 1'b1);
		apply_inputs(4'h2, 1'h1);
		apply_inputs(4'd0, 1'h1);
		check_outputs_known("test 23");

		// ---------------- Test 24: random values ----------------
		test_num = test_num + 1;
		apply_inputs('1, 1'b1);
		apply_inputs(4'h8, 1'h0);
		apply_inputs(4'h5, 1'h1);
		apply_inputs(4'h5, 1'b0);
		apply_inputs(4'd1, 1'h1);
		apply_inputs(4'h7, 1'h0);
		apply_inputs(4'hc, 1'h1);
		apply_inputs(4'd1, 1'b1);
		apply_inputs(4'hf, 1'b1);
		check_outputs_known("test 24");

		// ---------------- Test 25: all ones ----------------
		test_num = test_num + 1;
		$display("Test %0d: all ones", test_num);
		apply_inputs(4'h5, 1'h1);
		apply_inputs(4'h8, 1'b0);
		apply_inputs(4'h5, 1'b1);
		apply_inputs(4'd1, 1'b1);
		apply_inputs('1, 1'b0);
		apply_inputs(4'he, 1'h0);
		apply_inputs(4'hd, 1'h0);
		apply_inputs(4'h5, 1'd0);
		apply_inputs(4'd1, 1'b1);
		apply_inputs(4'd0, 1'h0);
		apply_inputs(4'h2, 1'b1);
		check_outputs_known("test 25");

		// ---------------- Test 26: back-to-back changes ----------------
		test_num = test_num + 1;
		$display("Test %0d: back-to-back changes", test_num);
		apply_inputs(4'h8, 1'h1);
		apply_inputs('1, 1'h1);
		apply_inputs(4'd1, 1'b1);
		apply_inputs('1, 1'h1);
		apply_inputs(4'h2, 1'h1);
		apply_inputs(4'h2, '1);
		check_outputs_known("test 26");

		// ---------------- Test 27: random values ----------------
		test_num = test_num + 1;
		apply_inputs(4'h5, 1'h1);
		apply_inputs(4'hf, 1'b1);
		apply_inputs(4'd1, 1'h1);
		apply_inputs(4'd1, '1);
		apply_inputs(4'hf, 1'b1);
		apply_inputs(4'ha, 1'h1);
		apply_inputs('1, 1'h1);
		check_outputs_known("test 27");

		// Corner-value table
		begin
			logic [3:0] corners [6];
			corners = '{'0, 4'hf, 4'h5, 4'd1, 4'h0, 4'h4};
			foreach (corners[idx]) begin
				apply_inputs(corners[idx], $urandom % 2);
				check_outputs_known($sformatf("corner %0d", idx));
			end
		end
		// Walking ones on req
		for (int i = 0; i < $bits(req); i++) begin
			req = '0;
			req[i] = 1'b1;
			@(posedge clk);
		end
		// Sweep req with every other input random, a few passes
		repeat (4) begin
			for (int k = 0; k < 16; k++) begin
				req = k;
				lock = $urandom % 2;
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
