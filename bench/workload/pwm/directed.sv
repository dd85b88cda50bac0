/*
 * testbench.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the pwm_top module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module testbench;

	// Parameters (defaults of the DUT)
	localparam RES = 8;

	localparam int CLK_PERIOD = 10;
	localparam int NUM_RANDOM = 256;

	// DUT inputs
	reg clk;
	reg rst_n;
	reg en;
	reg [ 7:0] prescale;
	reg [RES-1:0] period;
	reg [RES-1:0] duty;
	reg polarity;

	// DUT outputs
	wire pwm_out;
	wire period_start;
	wire [RES-1:0] count;

	// Device under test
	pwm_top uut (
		.clk(clk),
		.rst_n(rst_n),
		.en(en),
		.prescale(prescale),
		.period(period),
		.duty(duty),
		.polarity(polarity),
		.pwm_out(pwm_out),
		.period_start(period_start),
		.count(count)
	);

	// Clock generation
	initial clk = 0;
	always #(CLK_PERIOD/2) clk = ~clk;

	integer pass_count = 0;
	integer errors = 0;
	integer test_num = 0;
	bit checks_enabled = 0;
	bit verbose = 0;

	// Drive one input vector and wait one cycle
	task automatic apply(
		input logic en_v,
		input logic [ 7:0] prescale_v,
		input logic [RES-1:0] period_v,
		input logic [RES-1:0] duty_v,
		input logic polarity_v
	);
		begin
			en = en_v;
			prescale = prescale_v;
			period = period_v;
			duty = duty_v;
			polarity = polarity_v;
			@(posedge clk);
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
		check(!$isunknown(pwm_out), {where, ": pwm_out known"});
		check(!$isunknown(period_start), {where, ": period_start known"});
		check(!$isunknown(count), {where, ": count known"});
	endtask

	task automatic random_vectors(input int n);
		for (int i = 0; i < n; i++) begin
			apply(1'($urandom), $urandom_range(0, 255), $urandom_range(0, 255), $random, $urandom % 2);
			if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
		end
	endtask

	task automatic reset_dut(input int cycles = 5);
		begin
			en = '0;
			prescale = '0;
			period = '0;
			duty = '0;
			polarity = '0;
			rst_n = 1'b0;
			repeat (cycles) @(posedge clk);
			rst_n = 1'b1;
			@(posedge clk);
			$display("[%0t] reset done", $time);
		end
	endtask

	always @(negedge clk) begin
		if (checks_enabled && rst_n) begin
			if ($isunknown(pwm_out)) begin
				$error("[%0t] pwm_out is unknown: %b", $time, pwm_out);
				errors++;
			end
			if ($isunknown(period_start)) begin
				$error("[%0t] period_start is unknown: %b", $time, period_start);
				errors++;
			end
			if ($isunknown(count)) begin
				$error("[%0t] count is unknown: %b", $time, count);
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
		$display("Starting pwm_top directed test");
		reset_dut();
		checks_enabled = 1;
		check_outputs_known("after reset");

		// ---------------- Test 1: hold inputs stable ----------------
		test_num = test_num + 1;
		$display("Test %0d: hold inputs stable", test_num);
		apply(1'b1, 8'hcc, 8'h34, 8'h6d, 1'h1);
		apply('0, 8'h3d, '0, 8'hc, 1'b1);
		apply(1'b1, 8'h4f, 8'd1, 8'h96, 1'b1);
		apply(1'b0, 8'hb8, 8'h8, 8'hf, 1'b1);
		apply(1'b1, 8'hc0, 8'h48, '1, '0);
		apply(1'h1, 8'h58, 8'haa, 8'hff, 1'h0);
		apply(1'b1, 8'h6f, '1, 8'h55, 1'h1);
		apply(1'd0, '1, '1, 8'h55, '1);
		apply(1'h1, 8'd1, 8'h98, 8'd1, 1'b0);
		apply('0, 8'hff, 8'h55, 8'h80, 1'h1);
		repeat (5) begin
			for (int k = 0; k < 8; k++) apply($urandom_range(0, 1), k, k, k, $urandom % 2);
		end
		check_outputs_known("test 1");

		// ---------------- Test 2: random values ----------------
		test_num = test_num + 1;
		apply(1'b1, 8'h0, 8'd1, '0, 1'b0);
		apply(1'b1, 8'd1, 8'd1, 8'd0, 1'b1);
		apply(1'h1, '1, 8'h55, 8'ha2, 1'b1);
		apply('1, '1, 8'h55, 8'h2, 1'b1);
		apply(1'h1, 8'h55, 8'h0, 8'd1, '0);
		apply(1'b1, 8'h55, 8'h3e, 8'h9b, 1'h0);
		apply(1'b0, 8'd0, 8'h0, 8'h0, 1'b0);
		apply(1'b1, 8'h57, '1, 8'd0, '0);
		apply(1'b1, '0, '0, 8'h55, 1'b1);
		check_outputs_known("test 2");

		// ---------------- Test 3: toggle control inputs ----------------
		test_num = test_num + 1;
		apply(1'b1, 8'h55, 8'h55, 8'h7f, 1'b1);
		apply(1'h1, 8'd1, 8'd0, 8'h9b, 1'd0);
		apply(1'b0, 8'h8, 8'h41, 8'h1d, 1'b1);
		apply('1, 8'hff, 8'h55, 8'h3c, 1'h1);
		apply(1'b0, 8'h0, 8'hff, 8'hea, 1'b1);
		repeat (6) begin
			for (int k = 0; k < 2; k++) apply($urandom_range(0, 1), k, $urandom, $urandom, $urandom % 2);
		end
		check_outputs_known("test 3");

		// ---------------- Test 4: alternating pattern ----------------
		test_num = test_num + 1;
		apply(1'b1, 8'd1, 8'h40, 8'h70, 1'h0);
		apply('0, 8'd1, 8'h77, 8'hff, 1'b0);
		apply(1'b0, 8'h55, 8'hff, 8'h0, 1'h0);
		apply(1'b1, 8'h0, 8'd1, 8'h4c, '1);
		apply(1'b1, 8'h2d, 8'h8, 8'd0, 1'h1);
		apply(1'b1, 8'd0, '0, 8'h10, 1'b1);
		apply(1'h1, '1, '0, 8'hff, 1'h1);
		repeat (4) begin
			for (int k = 0; k < 3; k++) apply($urandom_range(0, 1), $random, $urandom, k, 1'($urandom));
		end
		check_outputs_known("test 4");

		// ---------------- Test 5: hold inputs stable ----------------
		test_num = test_num + 1;
		$display("Test %0d: hold inputs stable", test_num);
		apply(1'h0, 8'h80, 8'h1, '1, 1'b1);
		apply(1'b1, 8'hff, 8'hff, 8'd1, 1'h1);
		apply(1'b0, '0, 8'h40, '1, 1'd0);
		apply('1, 8'h8a, 8'h16, 8'hff, '1);
		apply(1'h1, 8'd1, 8'h20, 8'h80, '0);
		apply(1'h1, 8'h40, 8'd1, 8'h8, 1'h1);
		apply('0, '0, 8'h7b, 8'h2, 1'b0);
		apply(1'h1, 8'h4, 8'ha9, 8'h20, 1'b1);
		apply(1'b1, 8'd1, 8'h4, 8'h65, 1'b1);
		apply(1'b1, 8'hdb, 8'h55, 8'd1, 1'h1);
		apply(1'd0, 8'h0, 8'h8e, 8'h2, 1'h1);
		check_outputs_known("test 5");

		// ---------------- Test 6: maximum on first operand ----------------
		test_num = test_num + 1;
		apply(1'b1, 8'h4c, 8'h60, 8'hff, 1'h1);
		apply(1'b0, '0, 8'h2f, 8'h55, '0);
		apply(1'b1, 8'd1, 8'h2d, 8'd1, 1'h1);
		apply('0, 8'hc4, 8'h76, 8'd1, 1'h1);
		apply(1'h1, '0, 8'h53, 8'h44, 1'b1);
		apply(1'h1, 8'h8, 8'hde, 8'h55, 1'b1);
		apply(1'h1, 8'h55, 8'h49, 8'h55, 1'd0);
		apply(1'h0, 8'h19, 8'h7f, 8'h55, 1'b0);
		check_outputs_known("test 6");

		// ---------------- Test 7: back-to-back changes ----------------
		test_num = test_num + 1;
		$display("Test %0d: back-to-back changes", test_num);
		apply(1'b0, 8'd1, 8'h2, 8'h55, 1'h1);
		apply(1'h1, 8'h10, 8'h8, 8'h0, 1'h1);
		apply('1, 8'h1, '1, 8'h18, 1'h1);
		apply(1'b0, 8'h55, 8'h3f, 8'hff, 1'b1);
		apply('0, 8'heb, 8'hc4, 8'h10, 1'h1);
		apply(1'b0, 8'h42, 8'd1, 8'ha3, 1'b0);
		apply(1'b1, 8'ha5, 8'h69, '1, 1'h1);
		apply(1'h1, 8'h46, 8'h55, 8'h55, '0);
		apply(1'b0, '1, 8'h55, 8'hff, 1'h1);
		apply(1'b1, 8'h1, 8'hff, 8'h55, 1'b1);
		repeat (2) begin
			for (int k = 0; k < 6; k++) apply(1'($urandom), $urandom, 8'($urandom), k, $urandom % 2);
		end
		check_outputs_known("test 7");

		// ---------------- Test 8: hold inputs stable ----------------
		test_num = test_num + 1;
		$display("Test %0d: hold inputs stable", test_num);
		apply(1'h1, 8'h7a, 8'hff, 8'h55, 1'h1);
		apply(1'b1, 8'h55, 8'h25, '0, 1'h1);
		apply(1'h1, 8'ha2, 8'h1f, 8'h2, 1'b0);
		apply(1'b1, '0, 8'h55, 8'd1, 1'b1);
		apply('1, 8'h7, 8'd0, 8'd1, 1'h1);
		repeat (4) begin
			for (int k = 0; k < 4; k++) apply($urandom % 2, k, $random, $urandom, $urandom % 2);
		end
		check_outputs_known("test 8");

		// ---------------- Test 9: hold inputs stable ----------------
		test_num = test_num + 1;
		$display("Test %0d: hold inputs stable", test_num);
		apply(1'h1, 8'hd1, 8'h20, 8'h55, 1'b1);
		apply(1'h0, 8'h55, 8'h7c, 8'h14, 1'h1);
		apply(1'h1, 8'h2e, 8'h6b, 8'h26, 1'd0);
		apply(1'h1, 8'h55, '0, '1, 1'd0);
		apply(1'b1, 8'hff, 8'd1, 8'h10, 1'h1);
		apply(1'h1, 8'h80, 8'hfa, 8'hff, 1'h1);
		apply('1, 8'h55, '0, 8'hd2, 1'h1);
		apply(1'b1, 8'h7c, 8'h8e, 8'd1, 1'b1);
		apply(1'h1, 8'd1, '0, 8'h55, 1'b1);
		apply('0, 8'hd3, 8'h55, 8'd1, '0);
		apply(1'h1, 8'h0, 8'd1, 8'd1, 1'b1);
		apply(1'b1, 8'h7f, 8'd1, 8'hff, 1'b0);
		check_outputs_known("test 9");

		// ---------------- Test 10: back-to-back changes ----------------
		test_num = test_num + 1;
		$display("Test %0d: back-to-back changes", test_num);
		apply(1'b0, 8'h35, 8'ha, '1, 1'd0);
		apply(1'd0, '1, 8'h40, 8'h8, 1'b1);
		apply('0, 8'h2d, 8'h40, 8'h20, 1'h1);
		apply(1'b0, 8'h8, 8'hff, 8'hff, 1'b0);
		apply(1'h1, 8'hc8, '1, 8'd1, 1'h1);
		apply(1'd0, 8'd1, 8'h20, 8'h8, 1'h1);
		apply(1'h0, 8'h55, 8'h40, 8'h67, 1'b1);
		apply(1'h1, 8'd1, '1, 8'h40, 1'h1);
		apply(1'h1, '0, 8'hf, 8'h55, 1'b1);
		apply(1'h1, 8'h10, 8'h55, 8'h80, 1'h0);
		apply(1'b1, 8'ha6, '1, 8'd1, 1'h1);
		apply(1'h1, 8'h20, 8'h2, '1, 1'h1);
		repeat (2) begin
			for (int k = 0; k < 5; k++) apply(1'($urandom), k, $urandom, $urandom, $urandom % 2);
		end
		check_outputs_known("test 10");

		// ---------------- Test 11: boundary values ----------------
		test_num = test_num + 1;
		apply(1'h1, 8'd1, 8'h4a, 8'he4, 1'h1);
		apply(1'b1, 8'h95, 8'hb7, 8'h0, 1'h1);
		apply(1'h1, 8'h20, '0, 8'h1, 1'h1);
		apply(1'b1, 8'hff, 8'h40, 8'h1c, 1'b0);
		apply(1'b1, 8'h88, 8'h55, 8'hfb, 1'h1);
		apply(1'h1, 8'h0, 8'h55, 8'h1, 1'b0);
		apply(1'h1, 8'h23, '0, 8'h4, '1);
		apply(1'b1, 8'h80, 8'hff, 8'h0, 1'b1);
		apply(1'b1, 8'hf9, 8'hb3, 8'd1, 1'b1);
		apply(1'b0, 8'h81, 8'h64, 8'h40, 1'h1);
		apply(1'h1, 8'd0, 8'd1, 8'h1, 1'h1);
		repeat (5) begin
			for (int k = 0; k < 2; k++) apply($urandom % 2, $urandom, k, k, $urandom % 2);
		end
		check_outputs_known("test 11");

		// ---------------- Test 12: single bit set ----------------
		test_num = test_num + 1;
		apply(1'b1, 8'h1, 8'd0, 8'h8, 1'b1);
		apply('1, 8'h20, 8'd1, '1, 1'h1);
		apply(1'b1, 8'h55, 8'hff, 8'h20, 1'b1);
		apply(1'b1, 8'd1, 8'h81, '0, 1'b1);
		apply('0, 8'd1, '0, 8'd1, 1'b1);
		apply(1'b1, 8'hf0, 8'd1, 8'h55, 1'h1);
		repeat (3) begin
			for (int k = 0; k < 3; k++) apply($urandom_range(0, 1), $random, k, k, $urandom % 2);
		end
		check_outputs_known("test 12");

		// ---------------- Test 13: hold inputs stable ----------------
		test_num = test_num + 1;
		apply(1'h1, 8'hc6, 8'hb7, 8'h55, 1'b1);
		apply(1'h0, 8'h40, '1, 8'h8, 1'h1);
		apply(1'h1, 8'h24, 8'hff, '1, 1'd0);
		apply(1'h0, 8'h3d, '0, 8'h7c, 1'h1);
		apply(1'h1, 8'd1, 8'h55, 8'h45, 1'b1);
		apply(1'h1, 8'd1, 8'h55, '1, 1'b0);
		apply('1, 8'h55, 8'h0, 8'hff, 1'b1);
		apply(1'b1, 8'h62, 8'd1, '1, 1'h1);
		apply(1'b1, 8'h55, 8'hec, 8'h0, 1'b1);
		repeat (2) begin
			for (int k = 0; k < 7; k++) apply($urandom_range(0, 1), 8'($urandom), k, k, $urandom_range(0, 1));
		end
		check_outputs_known("test 13");

		// ---------------- Test 14: hold inputs stable ----------------
		test_num = test_num + 1;
		$display("Test %0d: hold inputs stable", test_num);
		apply(1'b0, 8'd1, 8'h10, 8'h1, '1);
		apply(1'b1, 8'd1, 8'h10, 8'd1, 1'b1);
		apply(1'h1, 8'd1, 8'hff, 8'h55, 1'b0);
		apply(1'b1, 8'h57, 8'h0, 8'd1, 1'b0);
		apply(1'h1, '1, 8'h80, 8'hfa, 1'd0);
		apply('0, 8'h1d, 8'd1, '1, 1'b1);
		apply(1'b1, 8'h36, 8'h29, 8'h55, 1'h1);
		apply(1'b0, 8'd0, 8'h0, 8'd1, 1'h0);
		apply(1'b0, 8'h55, 8'h80, 8'he6, '1);
		apply(1'h1, 8'h4, 8'd1, 8'hcd, 1'b0);
		apply(1'b0, 8'h55, 8'hac, 8'd1, 1'b1);
		check_outputs_known("test 14");

		// ---------------- Test 15: all zeros ----------------
		test_num = test_num + 1;
		apply(1'h1, 8'h1, 8'hff, 8'h20, 1'b0);
		apply(1'b1, 8'd1, 8'd1, 8'hff, 1'h1);
		apply(1'b1, 8'h40, 8'he8, 8'h8, '1);
		apply(1'b1, 8'h55, 8'hff, 8'd1, 1'b0);
		apply(1'h1, 8'h55, 8'h96, 8'd0, 1'h1);
		check_outputs_known("test 15");

		// ---------------- Test 16: random values ----------------
		test_num = test_num + 1;
		$display("Test %0d: random values", test_num);
		apply(1'b1, '1, 8'd1, 8'h80, 1'b1);
		apply(1'b0, 8'd1, 8'h55, 8'd1, 1'd0);
		apply(1'd0, 8'hc7, 8'h7c, '1, 1'b0);
		apply('1, 8'd1, 8'h0, 8'h55, 1'b1);
		apply(1'b1, '0, '1, 8'h8d, 1'h1);
		check_outputs_known("test 16");

		// ---------------- Test 17: boundary values ----------------
		test_num = test_num + 1;
		apply(1'b1, 8'h92, 8'd1, 8'h80, 1'h0);
		apply(1'b1, '1, 8'd1, 8'd1, 1'b1);
		apply(1'b1, 8'h5a, 8'h72, 8'hca, 1'b1);
		apply(1'd0, 8'he6, 8'h0, '0, 1'h1);
		apply(1'b1, 8'd1, '1, '1, 1'h1);
		apply(1'b1, 8'hb6, 8'hc4, 8'd1, 1'h1);
		apply(1'h1, 8'h40, 8'h8f, 8'h55, '1);
		apply(1'b1, 8'hff, 8'h6c, '1, 1'd0);
		apply(1'h1, 8'd1, 8'h0, '1, 1'h1);
		repeat (2) begin
			for (int k = 0; k < 2; k++) apply(1'($urandom), k, $urandom, $urandom_range(0, 255), $urandom % 2);
		end
		check_outputs_known("test 17");

		// ---------------- Test 18: maximum on first operand ----------------
		test_num = test_num + 1;
		apply(1'b0, '1, 8'h10, 8'hff, 1'b1);
		apply('1, 8'h83, 8'h40, 8'hfb, 1'b1);
		apply(1'b0, 8'h8, 8'h4e, 8'h4, 1'h0);
		apply(1'b1, 8'hff, 8'hff, 8'h55, '1);
		check_outputs_known("test 18");

		// ---------------- Test 19: hold inputs stable ----------------
		test_num = test_num + 1;
		apply('1, 8'h20, 8'h24, 8'hff, 1'b1);
		apply(1'b0, 8'hc6, 8'h2c, 8'he4, 1'h1);
		apply(1'b1, 8'd1, 8'h16, '1, 1'b1);
		apply(1'h1, 8'hcf, 8'ha1, 8'h55, 1'b1);
		apply(1'b0, 8'h55, 8'hff, 8'h4f, 1'h0);
		apply('0, 8'h3, 8'h5, 8'h40, 1'b0);
		apply(1'b0, 8'd1, 8'h55, 8'h55, 1'h1);
		apply(1'h1, 8'h30, 8'hc1, '0, 1'h1);
		apply(1'h1, 8'h55, 8'h7c, 8'hff, 1'b0);
		apply(1'h1, 8'h80, 8'hff, 8'h44, 1'b0);
		apply(1'h0, 8'h53, 8'h55, 8'hfd, 1'b0);
		apply(1'h1, 8'he5, 8'h55, 8'h55, 1'b1);
		check_outputs_known("test 19");

		// ---------------- Test 20: back-to-back changes ----------------
		test_num = test_num + 1;
		apply(1'h1, 8'h4, 8'hc0, 8'd1, 1'h1);
		apply('0, '0, 8'h55, '1, 1'h1);
		apply(1'h1, 8'hca, 8'h0, 8'h8, 1'b0);
		apply(1'b1, 8'h20, 8'hff, '1, 1'b0);
		apply(1'b1, 8'h8, 8'd1, 8'h55, 1'b1);
		apply(1'h1, 8'h40, 8'ha2, '0, 1'h1);
		apply(1'h0, 8'h55, 8'd1, '0, 1'b1);
		apply(1'd0, '0, 8'h68, 8'h60, 1'b0);
		check_outputs_known("test 20");

		// ---------------- Test 21: maximum on first operand ----------------
		test_num = test_num + 1;
		apply(1'h1, 8'h20, 8'h4, 8'h22, 1'b1);
		apply(1'h1, 8'h55, '1, 8'h53, 1'h1);
		apply(1'b1, 8'hfe, 8'h0, 8'hf8, 1'h1);
		apply(1'h1, 8'hff, 8'hd8, 8'h55, '1);
		apply(1'b0, '1, 8'd1, 8'h10, 1'h1);
		apply('1, 8'd1, '1, 8'h55, 1'b1);
		apply(1'd0, '1, 8'he0, 8'hee, 1'b0);
		apply(1'b1, '0, 8'hc5, 8'h8, 1'h1);
		apply(1'b1, 8'h55, 8'h55, 8'h10, 1'h1);
		apply(1'h1, 8'd1, 8'h55, 8'h4, 1'b1);
		apply(1'b1, 8'h0, 8'h4, 8'hac, 1'd0);
		apply(1'b1, 8'hff, 8'h55, 8'hc8, '1);
		check_outputs_known("test 21");

		// ---------------- Test 22: maximum on first operand ----------------
		test_num = test_num + 1;
		apply(1'h1, 8'h0, 8'h1, '1, 1'h1);
		apply(1'h1, '1, 8'h55, 8'd1, 1'b0);
		apply(1'h1, 8'h55, 8'd0, 8'd1, 1'b1);
		apply('1, 8'hd, '0, 8'hdf, 1'b1);
		apply(1'b1, 8'd1, 8'h40, 8'h0, 1'b0);
		apply(1'h1, 8'h55, 8'h66, 8'hff, 1'b0);
		repeat (5) begin
			for (int k = 0; k < 3; k++) apply($urandom % 2, k, k, $random, 1'($urandom));
		end
		check_outputs_known("test 22");

		// ---------------- Test 23: single bit set ----------------
		test_num = test_num + 1;
		apply(1'b0, 8'hff, 8'hff, 8'h10, 1'b1);
		apply(1'b1, 8'h55, 8'h55, 8'd1, '0);
		apply(1'h0, '0, 8'h36, 8'd1, 1'b1);
		apply(1'b1, 8'd1, 8'hff, 8'd1, 1'b1);
		apply(1'b1, 8'hde, '0, 8'h10, 1'h1);
		apply(1'h0, 8'h55, 8'h0, 8'h18, 1'h1);
		apply(1'b1, '1, 8'h55, 8'h11, 1'b0);
		apply(1'b0, 8'h89, 8'd1, 8'd1, 1'b1);
		check_outputs_known("test 23");

		// Corner-value table
		begin
			logic [ 7:0] corners [6];
			corners = '{'0, 8'hff, 8'h55, 8'd1, 8'hba, 8'h2};
			foreach (corners[idx]) begin
				apply(1'($urandom), corners[idx], $urandom_range(0, 255), $urandom, 1'($urandom));
				check_outputs_known($sformatf("corner %0d", idx));
			end
		end
		// Walking ones on prescale
		for (int bit_idx = 0; bit_idx < $bits(prescale); bit_idx++) begin
			prescale = '0;
			prescale[bit_idx] = 1'b1;
			@(posedge clk);
		end
		// Walking ones on period
		for (int i = 0; i < $bits(period); i++) begin
			period = '0;
			period[i] = 1'b1;
			@(posedge clk);
		end
		// Walking ones on duty
		for (int bit_idx = 0; bit_idx < $bits(duty); bit_idx++) begin
			duty = '0;
			duty[bit_idx] = 1'b1;
			@(posedge clk);
		end
		// Sweep prescale with every other input random, a few passes
		repeat (3) begin
			for (int k = 0; k < 64; k++) begin
				prescale = k;
				en = 1'($urandom);
				period = $urandom;
				duty = $random;
				polarity = $urandom % 2;
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
		$display("  Passed    : %0d", pass_count);
		$display("  Failed    : %0d", errors);
		$display("==========================================");
		if (errors == 0) $display("ALL TESTS PASSED");
		$finish;
	end

endmodule
