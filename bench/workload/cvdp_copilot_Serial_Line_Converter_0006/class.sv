/*
 * tb_serial_line_code_converter.sv
 * Class-based constrained-random testbench with a scoreboard for the serial_line_code_converter module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns / 1ps

module tb_serial_line_code_converter;

	// Parameters (defaults of the DUT)
	localparam CLK_DIV = 16;

	localparam int CLK_PERIOD = 8;
	localparam int NUM_RANDOM = 300;

	// DUT inputs
	logic clk;
	logic reset_n;
	logic serial_in;
	logic [2:0] mode;

	// DUT outputs
	logic serial_out;

	// Device under test
	serial_line_code_converter #(
		.CLK_DIV(CLK_DIV)
	) dut (
		.clk(clk),
		.reset_n(reset_n),
		.serial_in(serial_in),
		.mode(mode),
		.serial_out(serial_out)
	);

	// Clock generation
	initial clk = 0;
	always #(CLK_PERIOD/2) clk = ~clk;

	int error_count = 0;
	int check_count = 0;
	bit checks_enabled = 0;
	bit verbose = 0;

	// Transaction: one set of DUT input values
	class serial_line_code_converter_transaction;
		rand logic serial_in;
		rand logic [2:0] mode;
		int id;
		static int next_id = 0;

		function new();
			id = next_id++;
		endfunction

		function void display(string tag = "TXN");
			$display("[%s] #%0d serial_in=%0h mode=%0h", tag, id, serial_in, mode);
		endfunction

		function serial_line_code_converter_transaction copy();
			copy = new();
			copy.serial_in = this.serial_in;
			copy.mode = this.mode;
		endfunction
	endclass

	// Scoreboard: keeps what was sent and what came out, reports statistics
	class sb_t;
		serial_line_code_converter_transaction sent_q[$];
		logic observed_q[$];
		int unsigned num_sent;
		int unsigned num_changes;
		int unsigned num_mismatch;

		function void push(serial_line_code_converter_transaction t);
			sent_q.push_back(t.copy());
			num_sent++;
			if (sent_q.size() > 64) void'(sent_q.pop_front());
		endfunction

		function void observe(logic value);
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

	serial_line_code_converter_transaction tr;
	sb_t sb;

	task automatic drive(serial_line_code_converter_transaction t);
		serial_in = t.serial_in;
		mode = t.mode;
		@(posedge clk);
		sb.observe(serial_out);
		sb.push(t);
		check_count++;
		if (verbose) t.display("DRV");
	endtask

	task automatic apply_reset(input int cycles = 3);
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
				error_count++;
			end
		end
	end

	// Light-weight monitor (every 64th cycle, keeps the log short)
	int unsigned cycle_count = 0;
	always @(posedge clk) begin
		cycle_count <= cycle_count + 1;
		if (verbose && cycle_count % 64 == 0) $display("[%0t] serial_out=%0h", $time, serial_out);
	end

	localparam longint TIMEOUT_NS = 2_000_000;
	initial begin : watchdog
		#(TIMEOUT_NS);
		$fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
	end

	initial begin
		tr = new();
		sb = new();
		apply_reset();
		checks_enabled = 1;

		// Phase 1: unconstrained random
		repeat (NUM_RANDOM) begin
			if (!tr.randomize()) begin
				$error("randomize() failed");
				error_count++;
			end
			drive(tr);
		end

		// Directed corners
		serial_in = '0;
		mode = '0;
		repeat (4) @(posedge clk);
		serial_in = '1;
		mode = 3'h7;
		repeat (2) @(posedge clk);
		serial_in = 1'h1;
		mode = 3'h5;
		repeat (1) @(posedge clk);
		serial_in = 1'b0;
		mode = 3'h6;
		repeat (2) @(posedge clk);
		serial_in = 1'h1;
		mode = 3'h2;
		repeat (1) @(posedge clk);
		// Walking ones on mode
		for (int bit_idx = 0; bit_idx < $bits(mode); bit_idx++) begin
			mode = '0;
			mode[bit_idx] = 1'b1;
			@(posedge clk);
		end
		// Sweep mode with every other input random, a few passes
		repeat (2) begin
			for (int k = 0; k < 8; k++) begin
				mode = k;
				serial_in = 1'($urandom);
				@(posedge clk);
			end
		end
		// Reset in the middle of traffic
		fork
			begin
				repeat (20) begin void'(tr.randomize()); drive(tr); end
			end
			begin
				repeat (7) @(posedge clk);
				reset_n = 1'b0;
				repeat (2) @(posedge clk);
				reset_n = 1'b1;
			end
		join

		sb.report();
		$display("checks: %0d, errors: %0d", check_count, error_count);
		if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
		$finish;
	end

endmodule
