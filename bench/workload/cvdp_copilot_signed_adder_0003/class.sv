/*
 * tb.sv
 * Class-based constrained-random testbench with a scoreboard for the signedadder module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ns

module tb;

	// Parameters (defaults of the DUT)
	localparam DATA_WIDTH = 8;

	localparam int CLK_PERIOD = 8;
	localparam int NUM_RANDOM = 300;

	// DUT inputs
	reg i_clk;
	reg i_rst_n;
	reg i_start;
	reg i_enable;
	reg i_mode;
	reg i_clear;
	reg [DATA_WIDTH-1:0] i_operand_a;
	reg [DATA_WIDTH-1:0] i_operand_b;

	// DUT outputs
	wire [DATA_WIDTH-1:0] o_resultant_sum;
	wire o_overflow;
	wire o_ready;
	wire [1:0] o_status;

	// Device under test
	signedadder #(
		.DATA_WIDTH(DATA_WIDTH)
	) dut (
		.i_clk(i_clk),
		.i_rst_n(i_rst_n),
		.i_start(i_start),
		.i_enable(i_enable),
		.i_mode(i_mode),
		.i_clear(i_clear),
		.i_operand_a(i_operand_a),
		.i_operand_b(i_operand_b),
		.o_resultant_sum(o_resultant_sum),
		.o_overflow(o_overflow),
		.o_ready(o_ready),
		.o_status(o_status)
	);

	// Clock generation
	initial begin
		i_clk = 1'b0;
		forever #(CLK_PERIOD/2) i_clk = ~i_clk;
	end

	int error_count = 0;
	int check_count = 0;
	bit checks_enabled = 0;
	bit verbose = 0;

	// Transaction: one set of DUT input values
	class signedadder_transaction;
		rand logic i_start;
		rand logic i_enable;
		rand logic i_mode;
		rand logic i_clear;
		rand logic [DATA_WIDTH-1:0] i_operand_a;
		rand logic [DATA_WIDTH-1:0] i_operand_b;
		int id;
		static int next_id = 0;

		// Bias i_operand_a towards its corner values
		constraint c_i_operand_a_dist {
			i_operand_a dist { 0 := 10, [1:254] :/ 80, 255 := 10 };
		}

		constraint c_i_start_mostly_on { i_start dist { 1 := 7, 0 := 3 }; }

		function new();
			id = next_id++;
		endfunction

		function void display(string tag = "TXN");
			$display("[%s] #%0d i_start=%0h i_enable=%0h i_mode=%0h i_clear=%0h i_operand_a=%0h i_operand_b=%0h", tag, id, i_start, i_enable, i_mode, i_clear, i_operand_a, i_operand_b);
		endfunction

		function signedadder_transaction copy();
			copy = new();
			copy.i_start = this.i_start;
			copy.i_enable = this.i_enable;
			copy.i_mode = this.i_mode;
			copy.i_clear = this.i_clear;
			copy.i_operand_a = this.i_operand_a;
			copy.i_operand_b = this.i_operand_b;
		endfunction
	endclass

	// Scoreboard: keeps what was sent and what came out, reports statistics
	class scoreboard;
		signedadder_transaction sent_q[$];
		logic [DATA_WIDTH-1:0] observed_q[$];
		int unsigned num_sent;
		int unsigned num_changes;
		int unsigned num_mismatch;

		function void push(signedadder_transaction t);
			sent_q.push_back(t.copy());
			num_sent++;
			if (sent_q.size() > 64) void'(sent_q.pop_front());
		endfunction

		function void observe(logic [DATA_WIDTH-1:0] value);
			if (observed_q.size() > 0 && observed_q[$] != value) num_changes++;
			observed_q.push_back(value);
			if (observed_q.size() > 64) void'(observed_q.pop_front());
		endfunction

		function void report();
			$display("---------------- SCOREBOARD ----------------");
			$display(" transactions sent : %0d", num_sent);
			$display(" output changes    : %0d", num_changes);
			$display(" mismatches        : %0d", num_mismatch);
			$display("--------------------------------------------");
		endfunction
	endclass

	signedadder_transaction tr;
	scoreboard sb;

	task automatic drive(signedadder_transaction t);
		i_start = t.i_start;
		i_enable = t.i_enable;
		i_mode = t.i_mode;
		i_clear = t.i_clear;
		i_operand_a = t.i_operand_a;
		i_operand_b = t.i_operand_b;
		@(posedge i_clk);
		sb.observe(o_resultant_sum);
		sb.push(t);
		check_count++;
		if (verbose) t.display("DRV");
	endtask

	task automatic reset_dut(input int cycles = 5);
		begin
			i_start = '0;
			i_enable = '0;
			i_mode = '0;
			i_clear = '0;
			i_operand_a = '0;
			i_operand_b = '0;
			i_rst_n = 1'b0;
			repeat (cycles) @(posedge i_clk);
			i_rst_n = 1'b1;
			@(posedge i_clk);
			$display("[%0t] reset done", $time);
		end
	endtask

	always @(negedge i_clk) begin
		if (checks_enabled && i_rst_n) begin
			if ($isunknown(o_resultant_sum)) begin
				$error("[%0t] o_resultant_sum is unknown: %b", $time, o_resultant_sum);
				error_count++;
			end
			if ($isunknown(o_overflow)) begin
				$error("[%0t] o_overflow is unknown: %b", $time, o_overflow);
				error_count++;
			end
			if ($isunknown(o_ready)) begin
				$error("[%0t] o_ready is unknown: %b", $time, o_ready);
				error_count++;
			end
			if ($isunknown(o_status)) begin
				$error("[%0t] o_status is unknown: %b", $time, o_status);
				error_count++;
			end
		end
	end

	// Light-weight monitor (every 64th cycle, keeps the log short)
	int unsigned cycle_count = 0;
	always @(posedge i_clk) begin
		cycle_count <= cycle_count + 1;
		if (verbose && cycle_count % 64 == 0) $display("[%0t] o_resultant_sum=%0h o_overflow=%0h o_ready=%0h o_status=%0h", $time, o_resultant_sum, o_overflow, o_ready, o_status);
	end

	// Watchdog: never hang the regression
	initial begin
		#5_000_000;
		$display("ERROR: watchdog timeout at %0t", $time);
		$finish;
	end

	initial begin
		tr = new();
		sb = new();
		reset_dut();
		checks_enabled = 1;

		// Phase 1: unconstrained random
		repeat (100) begin
			if (!tr.randomize()) begin
				$error("randomize() failed");
				error_count++;
			end
			drive(tr);
		end

		// Phase 2: i_mode constrained (i_mode == 1)
		for (int n = 0; n < 20; n++) begin
			if (!tr.randomize() with { i_mode == 1; }) $error("constrained randomize failed");
			drive(tr);
		end

		// Phase 3: i_operand_b constrained (i_operand_b > 127)
		for (int n = 0; n < 20; n++) begin
			if (!tr.randomize() with { i_operand_b > 127; }) $error("constrained randomize failed");
			drive(tr);
		end

		// Directed corners
		i_start = 1'h0;
		i_enable = 1'h0;
		i_mode = '0;
		i_clear = 1'h0;
		i_operand_a = 8'd0;
		i_operand_b = '0;
		repeat (4) @(posedge i_clk);
		i_start = 1'h1;
		i_enable = '1;
		i_mode = 1'h1;
		i_clear = '1;
		i_operand_a = 8'hff;
		i_operand_b = '1;
		repeat (4) @(posedge i_clk);
		i_start = 1'h1;
		i_enable = 1'h1;
		i_mode = 1'h1;
		i_clear = 1'h1;
		i_operand_a = 8'h55;
		i_operand_b = 8'h55;
		repeat (4) @(posedge i_clk);
		i_start = 1'b1;
		i_enable = 1'b0;
		i_mode = 1'b0;
		i_clear = 1'b1;
		i_operand_a = 8'had;
		i_operand_b = 8'hf8;
		repeat (3) @(posedge i_clk);
		i_start = 1'h1;
		i_enable = 1'h1;
		i_mode = 1'h1;
		i_clear = 1'h1;
		i_operand_a = 8'h1;
		i_operand_b = 8'h10;
		repeat (3) @(posedge i_clk);
		// Walking ones on i_operand_a
		for (int bit_idx = 0; bit_idx < $bits(i_operand_a); bit_idx++) begin
			i_operand_a = '0;
			i_operand_a[bit_idx] = 1'b1;
			@(posedge i_clk);
		end
		// Walking ones on i_operand_b
		for (int n = 0; n < $bits(i_operand_b); n++) begin
			i_operand_b = '0;
			i_operand_b[n] = 1'b1;
			@(posedge i_clk);
		end
		// Sweep i_operand_a with every other input random, a few passes
		repeat (4) begin
			for (int k = 0; k < 64; k++) begin
				i_operand_a = k;
				i_start = 1'($urandom);
				i_enable = $urandom % 2;
				i_mode = 1'($urandom);
				i_clear = $urandom_range(0, 1);
				@(posedge i_clk);
			end
		end
		// Reset in the middle of traffic
		fork
			begin
				repeat (20) begin void'(tr.randomize()); drive(tr); end
			end
			begin
				repeat (7) @(posedge i_clk);
				i_rst_n = 1'b0;
				repeat (2) @(posedge i_clk);
				i_rst_n = 1'b1;
			end
		join

		sb.report();
		$display("checks: %0d, errors: %0d", check_count, error_count);
		if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
		$finish;
	end

endmodule
