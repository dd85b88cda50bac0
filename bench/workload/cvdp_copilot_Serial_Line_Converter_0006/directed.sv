/*
 * serial_line_code_converter_tb.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the serial_line_code_converter module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns / 1ps

module serial_line_code_converter_tb;

	// Parameters (defaults of the DUT)
	localparam CLK_DIV = 16;

	localparam int CLK_PERIOD = 10;
	localparam int NUM_RANDOM = 500;

	// DUT inputs
	logic clk;
	logic reset_n;
	logic serial_in;
	logic [2:0] mode;

	// DUT outputs
	logic serial_out;

	// Device under test
	serial_line_code_converter dut (
		.clk(clk),
		.reset_n(reset_n),
		.serial_in(serial_in),
		.mode(mode),
		.serial_out(serial_out)
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
	task automatic drive_inputs(
		input logic serial_in_v,
		input logic [2:0] mode_v
	);
		begin
			serial_in = serial_in_v;
			mode = mode_v;
			@(posedge clk);
			#1;
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
		check(!$isunknown(serial_out), {where, ": serial_out known"});
	endtask

	task automatic random_vectors(input int n);
		for (int i = 0; i < n; i++) begin
			drive_inputs(1'($urandom), $urandom_range(0, 7));
			if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
		end
	endtask

	task automatic reset_dut(input int cycles = 3);
		begin
			serial_in = '0;
			mode = '0;
			reset_n = 1'b0;
			repeat (cycles) @(posedge clk);
			reset_n = 1'b1;
			@(posedge clk);
			$display("[%0t] reset done", $time);
		end
	endtask

	always @(negedge clk) begin
		if (checks_enabled && reset_n) begin
			if ($isunknown(serial_out)) begin
				$error("[%0t] serial_out is unknown: %b", $time, serial_out);
				num_fail++;
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
		$display("Starting serial_line_code_converter directed test");
		reset_dut();
		checks_enabled = 1;
		check_outputs_known("after reset");

		// ---------------- Test 1: maximum on first operand ----------------
		test_num = test_num + 1;
		$display("Test %0d: maximum on first operand", test_num);
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'h1, 3'h6);
		drive_inputs(1'h1, 3'h7);
		drive_inputs(1'h1, '1);
		drive_inputs(1'b1, '0);
		drive_inputs(1'h1, 3'd1);
		check_outputs_known("test 1");

		// ---------------- Test 2: alternating pattern ----------------
		test_num = test_num + 1;
		drive_inputs('0, '1);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'b1, '1);
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'h1, 3'h4);
		drive_inputs(1'h1, '1);
		repeat (2) begin
			for (int k = 0; k < 2; k++) drive_inputs(1'($urandom), k);
		end
		check_outputs_known("test 2");

		// ---------------- Test 3: maximum on first operand ----------------
		test_num = test_num + 1;
		drive_inputs(1'h1, 3'h0);
		drive_inputs(1'h1, 3'h7);
		drive_inputs(1'h0, '0);
		drive_inputs(1'd0, 3'h6);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'b1, 3'h2);
		drive_inputs(1'b1, 3'h1);
		drive_inputs(1'h1, '0);
		drive_inputs(1'b1, 3'd1);
		drive_inputs(1'h1, '0);
		check_outputs_known("test 3");

		// ---------------- Test 4: maximum on first operand ----------------
		test_num = test_num + 1;
		drive_inputs(1'b1, '1);
		drive_inputs(1'b1, 3'h4);
		drive_inputs(1'b0, 3'h5);
		drive_inputs(1'b0, 3'd0);
		drive_inputs(1'h1, 3'h4);
		drive_inputs('0, 3'd1);
		drive_inputs(1'h1, 3'h2);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'h1, 3'h5);
		repeat (2) begin
			for (int k = 0; k < 8; k++) drive_inputs($urandom % 2, $random);
		end
		check_outputs_known("test 4");

		// ---------------- Test 5: back-to-back changes ----------------
		test_num = test_num + 1;
		drive_inputs(1'b0, 3'h6);
		drive_inputs(1'b1, 3'h5);
		drive_inputs('1, 3'd1);
		drive_inputs(1'h1, 3'h5);
		repeat (5) begin
			for (int k = 0; k < 6; k++) drive_inputs(1'($urandom), k);
		end
		check_outputs_known("test 5");

		// ---------------- Test 6: random values ----------------
		test_num = test_num + 1;
		$display("Test %0d: random values", test_num);
		drive_inputs(1'b0, 3'h7);
		drive_inputs(1'h1, 3'd1);
		drive_inputs(1'h1, '1);
		drive_inputs(1'd0, 3'h1);
		drive_inputs(1'b1, '1);
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'h1, '0);
		drive_inputs(1'b0, 3'h1);
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'h1, 3'd0);
		repeat (4) begin
			for (int k = 0; k < 8; k++) drive_inputs($urandom_range(0, 1), k);
		end
		check_outputs_known("test 6");

		// ---------------- Test 7: boundary values ----------------
		test_num = test_num + 1;
		drive_inputs(1'b0, 3'h1);
		drive_inputs(1'h0, 3'h0);
		drive_inputs(1'd0, 3'd1);
		drive_inputs(1'b0, 3'h5);
		check_outputs_known("test 7");

		// ---------------- Test 8: boundary values ----------------
		test_num = test_num + 1;
		drive_inputs(1'h1, 3'h2);
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'b1, 3'd1);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'd0, '1);
		drive_inputs(1'h1, 3'h1);
		drive_inputs(1'b1, 3'h1);
		drive_inputs(1'b0, 3'h2);
		check_outputs_known("test 8");

		// ---------------- Test 9: toggle control inputs ----------------
		test_num = test_num + 1;
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'b1, '1);
		drive_inputs('1, 3'h1);
		drive_inputs(1'b1, 3'h2);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'h1, 3'd0);
		drive_inputs(1'd0, 3'h7);
		drive_inputs('0, 3'h4);
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'b0, 3'd1);
		repeat (3) begin
			for (int k = 0; k < 7; k++) drive_inputs($urandom_range(0, 1), k);
		end
		check_outputs_known("test 9");

		// ---------------- Test 10: single bit set ----------------
		test_num = test_num + 1;
		drive_inputs(1'h1, 3'd1);
		drive_inputs(1'b0, 3'd1);
		drive_inputs(1'b1, 3'h2);
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'h1, 3'h2);
		drive_inputs('0, 3'd1);
		drive_inputs(1'b1, '0);
		drive_inputs('0, '1);
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'h1, 3'h3);
		repeat (6) begin
			for (int k = 0; k < 3; k++) drive_inputs($urandom_range(0, 1), k);
		end
		check_outputs_known("test 10");

		// ---------------- Test 11: back-to-back changes ----------------
		test_num = test_num + 1;
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'h0, 3'h7);
		drive_inputs(1'b1, 3'h0);
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'b1, 3'h3);
		drive_inputs('1, 3'h1);
		drive_inputs(1'h1, 3'h2);
		drive_inputs(1'h1, 3'h6);
		check_outputs_known("test 11");

		// ---------------- Test 12: toggle control inputs ----------------
		test_num = test_num + 1;
		drive_inputs(1'b1, 3'd1);
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'b1, 3'd1);
		drive_inputs(1'd0, 3'h2);
		drive_inputs(1'h1, 3'h0);
		drive_inputs(1'b0, 3'h5);
		drive_inputs('1, 3'h0);
		drive_inputs(1'h1, 3'h0);
		drive_inputs(1'b0, 3'h7);
		drive_inputs(1'h0, 3'h3);
		repeat (4) begin
			for (int k = 0; k < 4; k++) drive_inputs($urandom_range(0, 1), k);
		end
		check_outputs_known("test 12");

		// ---------------- Test 13: maximum on first operand ----------------
		test_num = test_num + 1;
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'd0, '1);
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'h1, 3'd1);
		drive_inputs(1'b0, 3'h2);
		drive_inputs(1'h1, '0);
		drive_inputs(1'b0, 3'h2);
		repeat (3) begin
			for (int k = 0; k < 8; k++) drive_inputs(1'($urandom), $random);
		end
		check_outputs_known("test 13");

		// ---------------- Test 14: back-to-back changes ----------------
		test_num = test_num + 1;
		$display("Test %0d: back-to-back changes", test_num);
		drive_inputs(1'd0, 3'h5);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'h1, 3'h2);
		drive_inputs(1'b0, 3'd1);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'h1, 3'h1);
		drive_inputs(1'd0, 3'd1);
		drive_inputs(1'b1, 3'h6);
		drive_inputs(1'h1, 3'h4);
		check_outputs_known("test 14");

		// ---------------- Test 15: back-to-back changes ----------------
		test_num = test_num + 1;
		drive_inputs(1'b0, 3'd1);
		drive_inputs('0, 3'h3);
		drive_inputs('0, 3'h1);
		drive_inputs(1'h1, '1);
		check_outputs_known("test 15");

		// ---------------- Test 16: toggle control inputs ----------------
		test_num = test_num + 1;
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'b0, 3'h1);
		drive_inputs(1'b0, 3'h6);
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'b1, 3'd1);
		drive_inputs('1, 3'd1);
		drive_inputs(1'b1, 3'h4);
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'h1, 3'h2);
		drive_inputs(1'h1, 3'd1);
		drive_inputs(1'h1, 3'h4);
		check_outputs_known("test 16");

		// ---------------- Test 17: random values ----------------
		test_num = test_num + 1;
		drive_inputs(1'd0, 3'h5);
		drive_inputs(1'h1, 3'h7);
		drive_inputs(1'b0, 3'd1);
		drive_inputs('1, '0);
		drive_inputs(1'b0, 3'h7);
		drive_inputs(1'b1, 3'h2);
		drive_inputs(1'h1, 3'h7);
		drive_inputs(1'b1, 3'h1);
		drive_inputs('0, 3'h4);
		drive_inputs(1'b1, '1);
		drive_inputs(1'b1, 3'h7);
		check_outputs_known("test 17");

		// ---------------- Test 18: hold inputs stable ----------------
		test_num = test_num + 1;
		drive_inputs(1'h1, 3'd1);
		drive_inputs(1'b1, 3'h4);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'h1, '0);
		drive_inputs(1'd0, 3'h3);
		repeat (5) begin
			for (int k = 0; k < 4; k++) drive_inputs(1'($urandom), k);
		end
		check_outputs_known("test 18");

		// ---------------- Test 19: all zeros ----------------
		test_num = test_num + 1;
		drive_inputs(1'b0, 3'd1);
		drive_inputs('1, 3'd1);
		drive_inputs(1'h1, 3'h7);
		drive_inputs(1'b1, 3'd1);
		drive_inputs(1'b1, 3'h0);
		drive_inputs(1'b0, 3'h7);
		drive_inputs(1'b0, 3'h7);
		drive_inputs(1'b1, '1);
		check_outputs_known("test 19");

		// ---------------- Test 20: maximum on first operand ----------------
		test_num = test_num + 1;
		drive_inputs(1'b1, 3'h1);
		drive_inputs(1'h1, 3'h0);
		drive_inputs(1'b1, 3'h1);
		drive_inputs(1'b0, 3'h1);
		drive_inputs(1'h1, 3'h2);
		drive_inputs(1'h0, 3'd0);
		drive_inputs(1'b1, 3'h4);
		drive_inputs(1'b1, 3'd1);
		drive_inputs(1'h1, '0);
		repeat (6) begin
			for (int k = 0; k < 5; k++) drive_inputs($urandom_range(0, 1), k);
		end
		check_outputs_known("test 20");

		// ---------------- Test 21: all ones ----------------
		test_num = test_num + 1;
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'b0, 3'h4);
		drive_inputs(1'h1, 3'h7);
		check_outputs_known("test 21");

		// ---------------- Test 22: alternating pattern ----------------
		test_num = test_num + 1;
		$display("Test %0d: alternating pattern", test_num);
		drive_inputs(1'b0, 3'h3);
		drive_inputs('0, '1);
		drive_inputs(1'b0, 3'h5);
		drive_inputs('1, 3'h4);
		drive_inputs(1'b1, 3'h4);
		drive_inputs(1'h0, '1);
		drive_inputs(1'h1, 3'h7);
		drive_inputs(1'b1, '1);
		drive_inputs('0, 3'h7);
		drive_inputs(1'b0, 3'h5);
		check_outputs_known("test 22");

		// ---------------- Test 23: single bit set ----------------
		test_num = test_num + 1;
		$display("Test %0d: single bit set", test_num);
		drive_inputs(1'h1, 3'h2);
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'd0, 3'h3);
		drive_inputs('0, 3'h4);
		drive_inputs(1'b1, 3'h4);
		drive_inputs(1'd0, 3'h7);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'h1, 3'd1);
		drive_inputs(1'b0, 3'h2);
		repeat (5) begin
			for (int k = 0; k < 5; k++) drive_inputs($urandom % 2, 3'($urandom));
		end
		check_outputs_known("test 23");

		// ---------------- Test 24: maximum on first operand ----------------
		test_num = test_num + 1;
		drive_inputs(1'h1, 3'h3);
		drive_inputs(1'b1, 3'd1);
		drive_inputs(1'd0, 3'd0);
		drive_inputs(1'h1, 3'h1);
		drive_inputs(1'h1, 3'h7);
		drive_inputs(1'h1, '1);
		drive_inputs(1'b1, 3'd1);
		drive_inputs(1'b1, 3'h7);
		drive_inputs('1, 3'h5);
		drive_inputs('0, 3'h4);
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'h1, 3'h1);
		check_outputs_known("test 24");

		// ---------------- Test 25: maximum on first operand ----------------
		test_num = test_num + 1;
		$display("Test %0d: maximum on first operand", test_num);
		drive_inputs(1'b1, 3'h1);
		drive_inputs(1'h1, 3'd0);
		drive_inputs(1'h1, 3'h2);
		drive_inputs('0, '1);
		drive_inputs(1'b1, '1);
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'h1, 3'h2);
		drive_inputs(1'h1, 3'h5);
		check_outputs_known("test 25");

		// ---------------- Test 26: random values ----------------
		test_num = test_num + 1;
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'b0, 3'h2);
		drive_inputs(1'b0, 3'h0);
		drive_inputs(1'b0, 3'd1);
		drive_inputs(1'h1, 3'h5);
		drive_inputs(1'h0, 3'h5);
		repeat (2) begin
			for (int k = 0; k < 6; k++) drive_inputs($urandom_range(0, 1), $random);
		end
		check_outputs_known("test 26");

		// ---------------- Test 27: single bit set ----------------
		test_num = test_num + 1;
		$display("Test %0d: single bit set", test_num);
		drive_inputs(1'h1, 3'd1);
		drive_inputs(1'b1, 3'h4);
		drive_inputs(1'b1, 3'h3);
		drive_inputs(1'h1, 3'h0);
		drive_inputs(1'h1, 3'h0);
		drive_inputs(1'b0, 3'h1);
		drive_inputs(1'b1, 3'd0);
		drive_inputs(1'b1, 3'h5);
		check_outputs_known("test 27");

		// ---------------- Test 28: hold inputs stable ----------------
		test_num = test_num + 1;
		drive_inputs(1'b1, 3'h1);
		drive_inputs(1'b0, 3'h7);
		drive_inputs(1'b0, 3'd1);
		drive_inputs(1'b1, 3'h5);
		drive_inputs(1'h1, '1);
		drive_inputs(1'h1, 3'h2);
		drive_inputs(1'b1, 3'h7);
		drive_inputs(1'h1, 3'd1);
		repeat (2) begin
			for (int k = 0; k < 8; k++) drive_inputs($urandom_range(0, 1), $urandom);
		end
		check_outputs_known("test 28");

		// ---------------- Test 29: back-to-back changes ----------------
		test_num = test_num + 1;
		drive_inputs(1'b1, 3'h0);
		drive_inputs('1, 3'd1);
		drive_inputs(1'b0, 3'd1);
		drive_inputs(1'b1, 3'd1);
		drive_inputs(1'b1, 3'h0);
		check_outputs_known("test 29");

		// Corner-value table
		begin
			logic [2:0] corners [6];
			corners = '{3'h0, '1, 3'h5, 3'd1, 3'h6, 3'h2};
			foreach (corners[idx]) begin
				drive_inputs($urandom_range(0, 1), corners[idx]);
				check_outputs_known($sformatf("corner %0d", idx));
			end
		end
		// Walking ones on mode
		for (int i = 0; i < $bits(mode); i++) begin
			mode = '0;
			mode[i] = 1'b1;
			@(posedge clk);
		end
		// Sweep mode with every other input random, a few passes
		repeat (4) begin
			for (int k = 0; k < 8; k++) begin
				mode = k;
				serial_in = $urandom_range(0, 1);
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
