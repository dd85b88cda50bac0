// ========================================================================
// Testbench for uart_rx
// Directed testbench: numbered tests with explicit stimulus and checks
// Instance name "uut" is required by the coverage flow.
// ========================================================================
`timescale 1ns/1ps

module test_uart_rx;

	// Parameters (defaults of the DUT)
	localparam CLKS_PER_BIT = 8;

	localparam int CLK_PERIOD = 10;
	localparam int NUM_RANDOM = 400;

	// DUT inputs
	reg clk;
	reg rst_n;
	reg rx;
	reg parity_en;
	reg parity_odd;

	// DUT outputs
	wire [7:0] rx_data;
	wire rx_valid;
	wire parity_error;
	wire frame_error;
	wire busy;

	// Device under test
	uart_rx uut (
		.clk(clk),
		.rst_n(rst_n),
		.rx(rx),
		.parity_en(parity_en),
		.parity_odd(parity_odd),
		.rx_data(rx_data),
		.rx_valid(rx_valid),
		.parity_error(parity_error),
		.frame_error(frame_error),
		.busy(busy)
	);

	// Clock generation
	initial begin
		clk = 1'b0;
		forever #(CLK_PERIOD/2) clk = ~clk;
	end

	integer pass_count_total = 0;
	integer errors = 0;
	integer test_num = 0;
	bit checks_enabled = 0;
	bit verbose = 0;

	// Drive one input vector and wait one cycle
	task automatic apply(
		input logic rx_v,
		input logic parity_en_v,
		input logic parity_odd_v
	);
		begin
			rx = rx_v;
			parity_en = parity_en_v;
			parity_odd = parity_odd_v;
			@(posedge clk);
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
		check(!$isunknown(rx_data), {where, ": rx_data known"});
		check(!$isunknown(rx_valid), {where, ": rx_valid known"});
		check(!$isunknown(parity_error), {where, ": parity_error known"});
		check(!$isunknown(frame_error), {where, ": frame_error known"});
		check(!$isunknown(busy), {where, ": busy known"});
	endtask

	task automatic random_vectors(input int n);
		for (int i = 0; i < n; i++) begin
			apply($urandom_range(0, 1), $urandom % 2, $urandom % 2);
			if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
		end
	endtask

	task automatic reset_dut(input int cycles = 10);
		begin
			rx = '0;
			parity_en = '0;
			parity_odd = '0;
			rst_n = 1'b0;
			repeat (cycles) @(posedge clk);
			rst_n = 1'b1;
			@(posedge clk);
			$display("[%0t] reset done", $time);
		end
	endtask

	always @(negedge clk) begin
		if (checks_enabled && rst_n) begin
			if ($isunknown(rx_data)) begin
				$error("[%0t] rx_data is unknown: %b", $time, rx_data);
				errors++;
			end
			if ($isunknown(rx_valid)) begin
				$error("[%0t] rx_valid is unknown: %b", $time, rx_valid);
				errors++;
			end
			if ($isunknown(parity_error)) begin
				$error("[%0t] parity_error is unknown: %b", $time, parity_error);
				errors++;
			end
			if ($isunknown(frame_error)) begin
				$error("[%0t] frame_error is unknown: %b", $time, frame_error);
				errors++;
			end
			if ($isunknown(busy)) begin
				$error("[%0t] busy is unknown: %b", $time, busy);
				errors++;
			end
		end
	end

	// Watchdog: never hang the regression
	initial begin
		#500_000;
		$display("ERROR: watchdog timeout at %0t", $time);
		$finish;
	end

	initial begin
		$display("Starting uart_rx directed test");
		reset_dut();
		checks_enabled = 1;
		check_outputs_known("after reset");

		// ---------------- Test 1: back-to-back changes ----------------
		test_num = test_num + 1;
		$display("Test %0d: back-to-back changes", test_num);
		apply(1'h1, '1, '0);
		apply(1'd0, 1'h0, 1'h1);
		apply(1'd0, 1'b0, 1'h1);
		apply(1'h1, 1'h1, 1'h0);
		apply(1'h1, 1'b1, 1'h1);
		apply(1'h0, 1'b1, 1'b1);
		apply(1'b0, 1'h1, 1'd0);
		apply('0, 1'h1, 1'b1);
		apply(1'h1, 1'b1, 1'b0);
		apply(1'h1, 1'b0, '0);
		apply('0, 1'b0, 1'h0);
		repeat (2) begin
			for (int k = 0; k < 7; k++) apply(1'($urandom), 1'($urandom), 1'($urandom));
		end
		check_outputs_known("test 1");

		// ---------------- Test 2: toggle control inputs ----------------
		test_num = test_num + 1;
		$display("Test %0d: toggle control inputs", test_num);
		apply('0, 1'b1, 1'd0);
		apply(1'd0, '0, 1'h1);
		apply(1'h1, '0, 1'h1);
		apply(1'b0, 1'b1, 1'h1);
		apply(1'b0, 1'b1, 1'h1);
		apply('1, 1'h0, 1'h1);
		apply(1'b1, 1'b1, 1'h0);
		apply('0, '0, 1'h1);
		apply(1'h1, 1'h1, 1'b0);
		apply(1'h0, 1'h1, 1'b1);
		apply(1'h1, 1'b0, 1'b1);
		apply(1'b1, 1'h0, 1'b1);
		repeat (5) begin
			for (int k = 0; k < 3; k++) apply(1'($urandom), $urandom % 2, 1'($urandom));
		end
		check_outputs_known("test 2");

		// ---------------- Test 3: boundary values ----------------
		test_num = test_num + 1;
		apply(1'b1, 1'b0, 1'd0);
		apply(1'h1, 1'b1, 1'h1);
		apply('0, 1'b0, 1'h1);
		apply(1'h1, 1'b1, 1'b0);
		apply(1'h1, 1'h1, 1'h0);
		apply(1'h1, 1'b1, '1);
		apply(1'b1, 1'd0, 1'h1);
		apply(1'h0, 1'b0, 1'd0);
		apply(1'h1, 1'b1, 1'h1);
		apply(1'd0, 1'b1, 1'h1);
		apply(1'h1, 1'b1, 1'b1);
		apply('1, 1'h1, 1'h1);
		check_outputs_known("test 3");

		// ---------------- Test 4: toggle control inputs ----------------
		test_num = test_num + 1;
		$display("Test %0d: toggle control inputs", test_num);
		apply(1'h1, 1'h1, 1'h1);
		apply(1'b1, 1'b1, 1'h1);
		apply(1'b0, 1'b1, 1'b1);
		apply(1'h1, 1'b1, '1);
		apply(1'b1, 1'h1, 1'h1);
		apply(1'h1, 1'h1, 1'b1);
		check_outputs_known("test 4");

		// ---------------- Test 5: all zeros ----------------
		test_num = test_num + 1;
		apply(1'b1, 1'h1, 1'h1);
		apply(1'h1, 1'b1, 1'b1);
		apply(1'h1, 1'b0, 1'b0);
		apply(1'b1, 1'b1, 1'b1);
		check_outputs_known("test 5");

		// ---------------- Test 6: all ones ----------------
		test_num = test_num + 1;
		$display("Test %0d: all ones", test_num);
		apply(1'h1, 1'h1, 1'b1);
		apply(1'h1, 1'h0, 1'b0);
		apply(1'h1, 1'b1, 1'b1);
		apply(1'h1, 1'b1, 1'h1);
		apply(1'h1, 1'b0, 1'h1);
		check_outputs_known("test 6");

		// ---------------- Test 7: maximum on first operand ----------------
		test_num = test_num + 1;
		$display("Test %0d: maximum on first operand", test_num);
		apply(1'b1, 1'h1, 1'h1);
		apply('0, 1'd0, 1'b1);
		apply(1'h1, 1'h1, 1'h1);
		apply('0, 1'b1, 1'b1);
		apply(1'h1, 1'h1, 1'h1);
		apply(1'd0, 1'b0, 1'h1);
		apply('1, 1'h1, 1'h1);
		apply(1'h1, 1'h1, 1'b1);
		apply(1'h1, 1'h1, 1'b0);
		apply(1'h1, 1'b1, 1'b0);
		apply(1'h1, 1'h1, 1'b1);
		check_outputs_known("test 7");

		// ---------------- Test 8: random values ----------------
		test_num = test_num + 1;
		apply(1'b0, 1'b1, 1'h0);
		apply(1'h1, 1'h1, 1'h1);
		apply(1'h1, 1'h0, 1'b0);
		apply(1'b1, '0, 1'h1);
		apply(1'b0, 1'h1, 1'h1);
		apply(1'd0, 1'h1, '1);
		apply('1, 1'b1, 1'b1);
		apply(1'h1, '1, 1'b0);
		repeat (6) begin
			for (int k = 0; k < 6; k++) apply($urandom_range(0, 1), $urandom % 2, $urandom % 2);
		end
		check_outputs_known("test 8");

		// ---------------- Test 9: maximum on first operand ----------------
		test_num = test_num + 1;
		apply(1'h1, 1'h1, 1'h1);
		apply(1'b1, 1'b0, 1'b0);
		apply(1'd0, 1'h1, 1'h1);
		apply(1'b1, 1'h1, 1'h1);
		apply(1'h1, 1'b0, 1'h1);
		apply(1'h1, 1'b0, 1'h1);
		apply(1'b1, 1'b1, 1'b1);
		apply(1'h1, 1'h1, 1'b1);
		apply(1'h1, 1'h1, '1);
		apply(1'b0, 1'h1, 1'h1);
		check_outputs_known("test 9");

		// ---------------- Test 10: random values ----------------
		test_num = test_num + 1;
		$display("Test %0d: random values", test_num);
		apply(1'h1, 1'h1, 1'd0);
		apply(1'b1, 1'h1, 1'b1);
		apply(1'h1, 1'h1, '1);
		apply(1'h1, 1'h1, 1'h1);
		repeat (3) begin
			for (int k = 0; k < 3; k++) apply($urandom % 2, 1'($urandom), $urandom_range(0, 1));
		end
		check_outputs_known("test 10");

		// ---------------- Test 11: maximum on first operand ----------------
		test_num = test_num + 1;
		apply(1'b0, 1'h1, 1'h1);
		apply(1'd0, 1'h1, 1'b1);
		apply(1'h1, 1'h0, 1'b1);
		apply(1'h1, 1'b1, 1'b1);
		apply(1'b1, 1'b0, 1'b1);
		apply(1'h1, 1'b1, 1'b0);
		apply(1'b1, '1, 1'h1);
		repeat (3) begin
			for (int k = 0; k < 2; k++) apply($urandom_range(0, 1), $urandom_range(0, 1), 1'($urandom));
		end
		check_outputs_known("test 11");

		// ---------------- Test 12: random values ----------------
		test_num = test_num + 1;
		$display("Test %0d: random values", test_num);
		apply(1'h1, 1'b1, 1'b1);
		apply(1'h0, 1'b1, 1'b0);
		apply(1'b1, 1'b1, 1'h1);
		apply(1'h1, 1'b0, 1'h1);
		check_outputs_known("test 12");

		// ---------------- Test 13: boundary values ----------------
		test_num = test_num + 1;
		$display("Test %0d: boundary values", test_num);
		apply(1'b0, 1'h1, 1'h0);
		apply(1'h1, 1'h1, 1'b1);
		apply('1, 1'b1, 1'b1);
		apply(1'b1, 1'b0, 1'h1);
		apply(1'h1, 1'b1, '0);
		check_outputs_known("test 13");

		// ---------------- Test 14: hold inputs stable ----------------
		test_num = test_num + 1;
		$display("Test %0d: hold inputs stable", test_num);
		apply(1'h1, 1'b1, 1'h1);
		apply(1'h1, 1'b1, 1'b0);
		apply(1'd0, 1'h1, 1'h1);
		apply(1'h1, 1'b0, 1'h1);
		apply(1'h0, 1'h1, 1'h1);
		apply(1'b1, 1'b0, 1'b0);
		apply('1, '0, 1'h1);
		apply(1'b1, 1'h1, 1'b0);
		apply(1'b0, 1'h1, 1'h1);
		apply(1'b1, 1'b1, 1'b0);
		repeat (5) begin
			for (int k = 0; k < 7; k++) apply($urandom % 2, 1'($urandom), $urandom % 2);
		end
		check_outputs_known("test 14");

		// ---------------- Test 15: single bit set ----------------
		test_num = test_num + 1;
		apply(1'h1, 1'h1, 1'b1);
		apply('1, 1'b1, 1'h1);
		apply(1'h1, 1'b1, 1'b1);
		apply(1'b1, 1'b1, 1'h1);
		apply(1'b1, 1'h1, '0);
		apply(1'b1, '1, 1'b0);
		apply(1'b0, 1'h1, 1'h1);
		repeat (5) begin
			for (int k = 0; k < 2; k++) apply(1'($urandom), $urandom % 2, $urandom_range(0, 1));
		end
		check_outputs_known("test 15");

		// ---------------- Test 16: hold inputs stable ----------------
		test_num = test_num + 1;
		apply(1'b1, 1'b1, 1'b1);
		apply(1'h1, 1'b1, 1'b1);
		apply(1'b1, 1'h1, '0);
		apply(1'b0, 1'd0, 1'd0);
		apply(1'b1, 1'b1, 1'h1);
		apply(1'h1, 1'h1, 1'h0);
		check_outputs_known("test 16");

		// ---------------- Test 17: boundary values ----------------
		test_num = test_num + 1;
		apply(1'h1, 1'h0, '1);
		apply(1'h1, 1'h1, 1'b1);
		apply('1, 1'h1, 1'h1);
		apply(1'h1, 1'h1, 1'h1);
		apply(1'h1, 1'b1, 1'h1);
		apply(1'h1, 1'h1, 1'h1);
		apply(1'b1, 1'b1, 1'b1);
		apply(1'h0, '0, 1'h1);
		apply(1'h1, 1'h1, '0);
		check_outputs_known("test 17");

		// ---------------- Test 18: single bit set ----------------
		test_num = test_num + 1;
		apply(1'h0, 1'h1, 1'b0);
		apply(1'h1, 1'h0, '1);
		apply(1'b0, 1'd0, '0);
		apply(1'h1, 1'b1, 1'h1);
		apply('0, 1'b1, 1'h1);
		apply(1'b1, 1'b1, 1'h1);
		apply(1'b1, 1'h1, '0);
		apply(1'h1, 1'b1, 1'h1);
		apply(1'h1, 1'h1, 1'b1);
		apply(1'b0, 1'h1, 1'h0);
		check_outputs_known("test 18");

		// ---------------- Test 19: all ones ----------------
		test_num = test_num + 1;
		apply(1'h1, 1'b0, 1'h1);
		apply(1'h1, 1'b1, 1'h1);
		apply(1'h1, 1'b0, 1'h1);
		apply(1'b1, 1'b0, 1'b1);
		apply(1'h1, '0, 1'b1);
		apply(1'b1, 1'h1, 1'h1);
		apply(1'h1, 1'h1, '1);
		apply(1'b0, 1'h1, 1'h1);
		apply(1'b1, '0, 1'h1);
		apply(1'h1, 1'h1, 1'b1);
		apply(1'b1, 1'h1, 1'b0);
		repeat (3) begin
			for (int k = 0; k < 3; k++) apply($urandom % 2, $urandom_range(0, 1), $urandom_range(0, 1));
		end
		check_outputs_known("test 19");

		// ---------------- Test 20: all ones ----------------
		test_num = test_num + 1;
		apply(1'h0, 1'h1, 1'd0);
		apply(1'b1, 1'h1, 1'b1);
		apply(1'b1, 1'b1, 1'b0);
		apply(1'b1, 1'b1, 1'h1);
		apply(1'h0, '0, 1'h1);
		apply(1'h1, 1'b1, 1'h1);
		apply(1'h1, '0, 1'b0);
		repeat (2) begin
			for (int k = 0; k < 4; k++) apply(1'($urandom), $urandom_range(0, 1), $urandom_range(0, 1));
		end
		check_outputs_known("test 20");

		// Corner-value table
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
