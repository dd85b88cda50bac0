// Directed testbench: numbered tests with explicit stimulus and checks: vending_fsm
`timescale 1ns/1ps

module tb_vending_fsm;

	// Parameters (defaults of the DUT)
	localparam PRICE = 35;
	localparam MAX_CREDIT = 95;
	localparam STOCK = 9;

	localparam int CLK_PERIOD = 10;
	localparam int NUM_RANDOM = 256;

	// DUT inputs
	logic clk;
	logic rst_n;
	logic [1:0] coin;
	logic buy;
	logic cancel;
	logic restock;

	// DUT outputs
	logic dispense;
	logic change_valid;
	logic [6:0] change;
	logic coin_reject;
	logic need_more;
	logic [6:0] credit;
	logic [3:0] stock;
	logic sold_out;

	// Device under test
	vending_fsm #(
		.PRICE(PRICE),
		.MAX_CREDIT(MAX_CREDIT)
	) dut (
		.clk(clk),
		.rst_n(rst_n),
		.coin(coin),
		.buy(buy),
		.cancel(cancel),
		.restock(restock),
		.dispense(dispense),
		.change_valid(change_valid),
		.change(change),
		.coin_reject(coin_reject),
		.need_more(need_more),
		.credit(credit),
		.stock(stock),
		.sold_out(sold_out)
	);

	// Clock generation
	initial clk = 0;
	always #(CLK_PERIOD/2) clk = ~clk;

	integer passed_total = 0;
	integer num_fail = 0;
	integer test_num = 0;
	bit checks_enabled = 0;
	bit verbose = 0;

	// Drive one input vector and wait one cycle
	task automatic set_inputs(
		input logic [1:0] coin_v,
		input logic buy_v,
		input logic cancel_v,
		input logic restock_v
	);
		begin
			coin = coin_v;
			buy = buy_v;
			cancel = cancel_v;
			restock = restock_v;
			@(posedge clk);
		end
	endtask

	// Record one check: a condition that must hold
	task automatic check(input bit ok, input string what);
		if (ok) begin
			passed = passed + 1;
			if (verbose) $display("PASS: %s", what);
		end else begin
			num_fail = num_fail + 1;
			$error("FAIL: %s at %0t", what, $time);
		end
	endtask

	task automatic check_outputs_known(input string where);
		check(!$isunknown(dispense), {where, ": dispense known"});
		check(!$isunknown(change_valid), {where, ": change_valid known"});
		check(!$isunknown(change), {where, ": change known"});
		check(!$isunknown(coin_reject), {where, ": coin_reject known"});
		check(!$isunknown(need_more), {where, ": need_more known"});
		check(!$isunknown(credit), {where, ": credit known"});
	endtask

	task automatic random_vectors(input int n);
		for (int i = 0; i < n; i++) begin
			set_inputs($urandom_range(0, 3), $urandom_range(0, 1), 1'($urandom), $urandom % 2);
			if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
		end
	endtask

	task automatic reset_dut(input int cycles = 4);
		begin
			coin = '0;
			buy = '0;
			cancel = '0;
			restock = '0;
			rst_n = 1'b0;
			repeat (cycles) @(posedge clk);
			rst_n = 1'b1;
			@(posedge clk);
			$display("[%0t] reset done", $time);
		end
	endtask

	always @(negedge clk) begin
		if (checks_enabled && rst_n) begin
			if ($isunknown(dispense)) begin
				$error("[%0t] dispense is unknown: %b", $time, dispense);
				num_fail++;
			end
			if ($isunknown(change_valid)) begin
				$error("[%0t] change_valid is unknown: %b", $time, change_valid);
				num_fail++;
			end
			if ($isunknown(change)) begin
				$error("[%0t] change is unknown: %b", $time, change);
				num_fail++;
			end
			if ($isunknown(coin_reject)) begin
				$error("[%0t] coin_reject is unknown: %b", $time, coin_reject);
				num_fail++;
			end
			if ($isunknown(need_more)) begin
				$error("[%0t] need_more is unknown: %b", $time, need_more);
				num_fail++;
			end
			if ($isunknown(credit)) begin
				$error("[%0t] credit is unknown: %b", $time, credit);
				num_fail++;
			end
			if ($isunknown(stock)) begin
				$error("[%0t] stock is unknown: %b", $time, stock);
				num_fail++;
			end
			if ($isunknown(sold_out)) begin
				$error("[%0t] sold_out is unknown: %b", $time, sold_out);
				num_fail++;
			end
		end
	end

	localparam longint TIMEOUT_NS = 10_000_000;
	initial begin : watchdog
		#(TIMEOUT_NS);
		$fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
	end

	initial begin
		$display("Starting vending_fsm directed test");
		reset_dut();
		checks_enabled = 1;
		check_outputs_known("after reset");

		// ---------------- Test 1: boundary values ----------------
		test_num = test_num + 1;
		$display("Test %0d: boundary values", test_num);
		set_inputs('0, 1'h1, 1'h1, 1'b1);
		set_inputs(2'd1, 1'h1, 1'h0, 1'b1);
		set_inputs(2'h2, '0, 1'b1, 1'b1);
		set_inputs(2'h2, 1'b1, 1'h1, 1'h1);
		set_inputs(2'h3, 1'b0, 1'b0, 1'h1);
		set_inputs(2'd1, 1'h1, 1'h1, 1'b1);
		set_inputs(2'd0, '1, 1'b1, 1'h1);
		set_inputs(2'd1, 1'b0, 1'b1, 1'b1);
		set_inputs('0, 1'h1, 1'b0, 1'h1);
		check_outputs_known("test 1");

		// ---------------- Test 2: alternating pattern ----------------
		test_num = test_num + 1;
		set_inputs(2'h1, 1'b0, 1'h1, 1'h1);
		set_inputs('0, 1'b1, 1'h1, 1'b0);
		set_inputs(2'h2, 1'h0, 1'b0, 1'b0);
		set_inputs(2'h2, 1'b1, 1'h1, 1'd0);
		set_inputs(2'h1, 1'h1, 1'h1, 1'h1);
		set_inputs(2'h1, 1'b1, 1'b1, '1);
		set_inputs(2'd1, 1'h1, 1'b1, '0);
		set_inputs(2'h1, 1'd0, 1'h1, 1'd0);
		check_outputs_known("test 2");

		// ---------------- Test 3: single bit set ----------------
		test_num = test_num + 1;
		set_inputs(2'h1, 1'b0, 1'd0, 1'h0);
		set_inputs(2'd0, '0, 1'b1, 1'h1);
		set_inputs(2'h3, 1'd0, 1'b1, 1'b1);
		set_inputs(2'h3, 1'b1, 1'b0, 1'b0);
		set_inputs(2'd1, 1'h1, 1'h1, 1'b1);
		check_outputs_known("test 3");

		// ---------------- Test 4: random values ----------------
		test_num = test_num + 1;
		set_inputs('0, 1'h1, 1'b1, 1'h1);
		set_inputs(2'h1, 1'b1, 1'b1, 1'b0);
		set_inputs(2'h2, 1'b1, 1'b1, 1'h1);
		set_inputs('0, 1'h1, 1'b1, 1'b1);
		set_inputs(2'h3, '1, '0, 1'b1);
		set_inputs(2'h3, 1'b0, 1'h1, 1'b1);
		set_inputs(2'h1, 1'b1, 1'h1, 1'h1);
		set_inputs(2'h1, 1'b0, 1'h1, 1'b0);
		set_inputs(2'h2, 1'h1, 1'h1, 1'b0);
		repeat (4) begin
			for (int k = 0; k < 6; k++) set_inputs($random, $urandom_range(0, 1), $urandom % 2, 1'($urandom));
		end
		check_outputs_known("test 4");

		// ---------------- Test 5: all zeros ----------------
		test_num = test_num + 1;
		set_inputs(2'h3, 1'b0, 1'b1, 1'h1);
		set_inputs(2'h2, 1'b0, 1'b1, 1'b1);
		set_inputs(2'h1, '1, 1'h1, 1'h1);
		set_inputs(2'h1, 1'h1, 1'b1, 1'h1);
		set_inputs(2'h3, 1'b0, 1'd0, 1'b0);
		set_inputs(2'd1, 1'h1, '1, 1'h0);
		set_inputs(2'h2, 1'h1, 1'b0, 1'b1);
		set_inputs(2'h1, 1'b0, 1'b0, 1'b1);
		set_inputs(2'h3, 1'b1, 1'b1, 1'b1);
		set_inputs(2'h0, 1'h1, 1'b0, 1'h0);
		set_inputs(2'h2, 1'h1, 1'b1, 1'h1);
		set_inputs(2'h2, 1'b0, 1'h1, 1'b1);
		repeat (3) begin
			for (int k = 0; k < 3; k++) set_inputs($random, $urandom % 2, $urandom_range(0, 1), $urandom % 2);
		end
		check_outputs_known("test 5");

		// ---------------- Test 6: alternating pattern ----------------
		test_num = test_num + 1;
		$display("Test %0d: alternating pattern", test_num);
		set_inputs(2'h1, 1'h1, 1'b0, 1'b1);
		set_inputs('1, 1'b1, 1'b1, 1'h1);
		set_inputs(2'd0, '1, '1, 1'b1);
		set_inputs(2'h2, 1'h1, 1'b1, 1'b1);
		set_inputs(2'h2, 1'h0, 1'd0, 1'b1);
		set_inputs('1, 1'h0, 1'b1, 1'b1);
		check_outputs_known("test 6");

		// ---------------- Test 7: boundary values ----------------
		test_num = test_num + 1;
		$display("Test %0d: boundary values", test_num);
		set_inputs(2'h1, 1'b1, '0, 1'h1);
		set_inputs(2'h2, 1'h1, 1'h0, '0);
		set_inputs('0, 1'd0, 1'h1, 1'b1);
		set_inputs(2'd0, 1'b1, 1'h1, 1'h1);
		set_inputs(2'h2, 1'b1, 1'h1, 1'h1);
		set_inputs(2'h2, 1'h1, '1, 1'd0);
		set_inputs(2'd0, '1, '0, 1'h1);
		check_outputs_known("test 7");

		// ---------------- Test 8: all ones ----------------
		test_num = test_num + 1;
		set_inputs(2'h1, 1'h1, 1'b0, 1'b1);
		set_inputs('0, 1'b0, 1'b0, 1'b1);
		set_inputs('1, 1'h1, 1'h1, 1'h0);
		set_inputs(2'h2, '1, 1'h1, 1'b1);
		set_inputs(2'h3, 1'h1, '1, 1'h1);
		set_inputs(2'h1, 1'b0, 1'b1, '1);
		set_inputs(2'h1, 1'h1, 1'b1, 1'b1);
		set_inputs(2'h1, 1'h1, 1'b0, 1'b1);
		set_inputs('0, 1'b0, 1'b0, 1'b1);
		set_inputs(2'h1, 1'b1, 1'b0, 1'd0);
		set_inputs(2'h1, 1'h1, 1'b0, 1'h1);
		repeat (5) begin
			for (int k = 0; k < 6; k++) set_inputs(k, 1'($urandom), $urandom % 2, $urandom % 2);
		end
		check_outputs_known("test 8");

		// ---------------- Test 9: alternating pattern ----------------
		test_num = test_num + 1;
		set_inputs(2'h3, '1, 1'h1, 1'b1);
		set_inputs(2'd1, 1'b0, 1'b1, 1'b1);
		set_inputs(2'h2, 1'b1, 1'b0, 1'd0);
		set_inputs(2'h1, 1'h1, 1'b0, 1'h1);
		set_inputs(2'h0, 1'd0, 1'b1, 1'h1);
		set_inputs(2'h2, 1'b0, 1'h0, '0);
		set_inputs('1, 1'h1, 1'b1, 1'b1);
		set_inputs('1, 1'h1, 1'b0, 1'b1);
		check_outputs_known("test 9");

		// ---------------- Test 10: boundary values ----------------
		test_num = test_num + 1;
		$display("Test %0d: boundary values", test_num);
		set_inputs(2'h2, 1'b0, 1'b1, 1'h1);
		set_inputs(2'h0, 1'b1, 1'b1, '0);
		set_inputs('0, 1'h1, 1'b1, 1'h1);
		set_inputs(2'h2, 1'b1, '0, 1'h1);
		set_inputs(2'h2, 1'b1, 1'h1, 1'b1);
		set_inputs(2'h3, 1'h1, 1'h1, 1'h1);
		set_inputs(2'h3, 1'b1, 1'b1, 1'b1);
		set_inputs('0, '0, 1'b0, 1'b1);
		set_inputs(2'h3, '0, 1'b1, 1'b1);
		set_inputs(2'h3, 1'b1, 1'b0, 1'b0);
		set_inputs(2'h1, 1'b1, 1'b1, 1'b1);
		set_inputs(2'h2, 1'b0, 1'b1, 1'b1);
		check_outputs_known("test 10");

		// ---------------- Test 11: all ones ----------------
		test_num = test_num + 1;
		set_inputs(2'd1, 1'h1, 1'b0, 1'b1);
		set_inputs(2'd1, 1'b1, 1'b1, '0);
		set_inputs(2'h1, 1'b0, 1'b1, 1'b1);
		set_inputs(2'd0, 1'b1, 1'h1, 1'b1);
		set_inputs(2'h2, '0, 1'h1, 1'b0);
		set_inputs(2'h3, 1'h1, 1'h1, 1'd0);
		set_inputs(2'h2, 1'b0, 1'h1, 1'b1);
		set_inputs(2'h1, 1'd0, 1'h1, 1'b0);
		set_inputs(2'd0, 1'h0, 1'b0, 1'h1);
		set_inputs(2'h0, 1'b1, 1'b1, 1'b1);
		repeat (3) begin
			for (int k = 0; k < 7; k++) set_inputs($urandom, 1'($urandom), $urandom_range(0, 1), $urandom % 2);
		end
		check_outputs_known("test 11");

		// ---------------- Test 12: hold inputs stable ----------------
		test_num = test_num + 1;
		set_inputs(2'h1, 1'h1, 1'h0, 1'b1);
		set_inputs(2'h1, 1'h1, 1'b0, 1'd0);
		set_inputs(2'h1, '1, 1'h0, 1'b1);
		set_inputs(2'd0, 1'b0, 1'h1, 1'b1);
		set_inputs(2'h1, '1, 1'b1, 1'h1);
		set_inputs(2'h1, 1'b0, 1'h1, 1'h1);
		set_inputs(2'h0, '0, '1, 1'b1);
		set_inputs(2'h3, '0, 1'b0, 1'b1);
		set_inputs(2'h3, 1'h1, 1'h1, 1'b0);
		set_inputs(2'h1, '0, 1'h1, '1);
		set_inputs(2'h1, 1'b0, 1'h1, 1'b1);
		check_outputs_known("test 12");

		// ---------------- Test 13: all ones ----------------
		test_num = test_num + 1;
		set_inputs(2'h3, 1'b1, 1'b1, 1'h1);
		set_inputs(2'd1, 1'b0, 1'h1, 1'b1);
		set_inputs(2'h1, 1'h1, 1'h1, 1'b0);
		set_inputs('0, 1'h1, '0, '1);
		set_inputs(2'd0, 1'b1, '1, 1'h1);
		set_inputs(2'h1, 1'h1, '1, 1'h1);
		set_inputs(2'h0, 1'b0, 1'b1, 1'h1);
		repeat (3) begin
			for (int k = 0; k < 2; k++) set_inputs($urandom_range(0, 3), $urandom_range(0, 1), 1'($urandom), 1'($urandom));
		end
		check_outputs_known("test 13");

		// ---------------- Test 14: single bit set ----------------
		test_num = test_num + 1;
		$display("Test %0d: single bit set", test_num);
		set_inputs(2'h3, 1'd0, 1'b1, '0);
		set_inputs(2'h0, 1'b1, 1'b1, 1'b1);
		set_inputs(2'h2, 1'b1, 1'h1, '0);
		set_inputs(2'h3, 1'b1, 1'b1, 1'b1);
		repeat (3) begin
			for (int k = 0; k < 8; k++) set_inputs(k, 1'($urandom), $urandom % 2, $urandom % 2);
		end
		check_outputs_known("test 14");

		// ---------------- Test 15: toggle control inputs ----------------
		test_num = test_num + 1;
		set_inputs(2'd1, 1'h1, 1'h1, 1'h1);
		set_inputs('1, 1'b0, 1'b1, 1'b1);
		set_inputs('1, 1'h1, 1'd0, '1);
		set_inputs(2'h2, 1'b0, 1'h1, '1);
		set_inputs(2'h1, 1'h1, 1'h1, 1'b1);
		check_outputs_known("test 15");

		// ---------------- Test 16: back-to-back changes ----------------
		test_num = test_num + 1;
		set_inputs(2'd1, 1'b1, 1'b0, 1'h0);
		set_inputs('1, '0, 1'b1, 1'h1);
		set_inputs(2'h1, 1'h1, 1'h1, 1'b1);
		set_inputs(2'h3, 1'b1, 1'b1, 1'b1);
		set_inputs(2'd0, 1'h1, 1'b1, 1'b0);
		set_inputs(2'h2, 1'h1, '1, 1'b0);
		set_inputs('1, 1'h1, 1'h1, 1'h1);
		set_inputs(2'h1, 1'h1, 1'b1, 1'b1);
		set_inputs(2'h1, '1, 1'b1, 1'h1);
		set_inputs(2'h3, 1'b1, 1'b1, 1'h1);
		repeat (6) begin
			for (int k = 0; k < 6; k++) set_inputs($urandom_range(0, 3), $urandom % 2, $urandom % 2, 1'($urandom));
		end
		check_outputs_known("test 16");

		// ---------------- Test 17: boundary values ----------------
		test_num = test_num + 1;
		set_inputs(2'h3, 1'b0, 1'h1, 1'b0);
		set_inputs(2'h0, 1'b1, '0, 1'd0);
		set_inputs('1, 1'h1, 1'd0, 1'b1);
		set_inputs(2'h3, 1'h1, 1'b0, 1'h1);
		set_inputs('1, 1'b1, 1'b1, '1);
		set_inputs(2'h0, 1'b0, 1'h1, 1'b1);
		set_inputs(2'h1, 1'b1, '1, 1'b1);
		set_inputs(2'h1, 1'b1, 1'h1, 1'b1);
		repeat (2) begin
			for (int k = 0; k < 3; k++) set_inputs(k, $urandom % 2, 1'($urandom), 1'($urandom));
		end
		check_outputs_known("test 17");

		// ---------------- Test 18: all zeros ----------------
		test_num = test_num + 1;
		set_inputs(2'd1, 1'b1, '1, 1'h1);
		set_inputs(2'd0, 1'h1, 1'h1, '1);
		set_inputs(2'h2, 1'h1, '0, 1'h1);
		set_inputs('0, 1'h1, 1'h1, '1);
		set_inputs(2'h1, 1'b1, 1'b0, 1'h1);
		check_outputs_known("test 18");

		// ---------------- Test 19: alternating pattern ----------------
		test_num = test_num + 1;
		$display("Test %0d: alternating pattern", test_num);
		set_inputs(2'h0, 1'h1, 1'b1, '1);
		set_inputs('0, '1, 1'b1, 1'h1);
		set_inputs(2'h1, 1'h1, 1'b0, 1'h1);
		set_inputs(2'h2, 1'h0, '1, 1'h1);
		set_inputs(2'h1, 1'b0, 1'h1, 1'h1);
		set_inputs(2'h3, 1'b0, 1'h1, 1'h1);
		set_inputs(2'd1, 1'h1, '0, 1'b1);
		set_inputs(2'h1, '1, 1'h1, 1'h1);
		set_inputs(2'd1, 1'h1, 1'b1, 1'b1);
		set_inputs(2'h1, 1'h1, '1, 1'h1);
		set_inputs(2'h1, 1'b1, 1'b1, 1'b1);
		set_inputs(2'h3, 1'h1, 1'b1, 1'b1);
		check_outputs_known("test 19");

		// Corner-value table
		begin
			logic [1:0] corners [6];
			corners = '{'0, 2'h3, 2'h1, 2'd1, 2'h1, 2'h2};
			foreach (corners[idx]) begin
				set_inputs(corners[idx], 1'($urandom), $urandom_range(0, 1), 1'($urandom));
				check_outputs_known($sformatf("corner %0d", idx));
			end
		end
		// Walking ones on coin
		for (int n = 0; n < $bits(coin); n++) begin
			coin = '0;
			coin[n] = 1'b1;
			@(posedge clk);
		end
		// Sweep coin with every other input random, a few passes
		repeat (2) begin
			for (int k = 0; k < 4; k++) begin
				coin = k;
				buy = $urandom_range(0, 1);
				cancel = $urandom_range(0, 1);
				restock = $urandom % 2;
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
		$display("  Failed    : %0d", num_fail);
		$display("==========================================");
		if (num_fail == 0) $display("ALL TESTS PASSED");
		$finish;
	end

endmodule
