// Layered testbench with parallel stimulus threads, assertions and functional coverage: serial_line_code_converter
`timescale 1ns/1ps

module testbench;

	// Parameters (defaults of the DUT)
	localparam CLK_DIV = 16;

	localparam int CLK_PERIOD = 10;
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

	int unsigned errors = 0;
	int unsigned vectors = 0;
	bit checks_enabled = 0;
	bit verbose = 0;
	event phase_done;

	// Functional coverage of the main control inputs
	covergroup cg_inputs @(posedge clk);
		cp_mode: coverpoint mode;
		cp_serial_in: coverpoint serial_in;
	endgroup
	cg_inputs cg = new();

	// Assertions
	property p_serial_out_known;
		@(posedge clk) disable iff (!reset_n) checks_enabled |-> !$isunknown(serial_out);
	endproperty
	a_serial_out_known: assert property (p_serial_out_known) else begin
		$error("serial_out went unknown");
		errors++;
	end

	task automatic reset_phase(input int cycles = 10);
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

	task automatic control_thread(input int n);
		repeat (n) begin
			serial_in = $urandom_range(0, 1);
			mode = $random;
			repeat ($urandom_range(1, 4)) @(posedge clk);
		end
	endtask

	task automatic data_thread(input int n);
		int i;
		i = 0;
		while (i < n) begin
			vectors++;
			@(posedge clk);
			i++;
		end
	endtask

	task automatic directed_pattern(input int which);
		case (which)
			0: begin
				@(posedge clk);
				@(posedge clk);
				@(posedge clk);
			end
			1: begin
				serial_in = 1'b0;
				mode = 3'h5;
				@(posedge clk);
				serial_in = 1'h0;
				@(posedge clk);
				serial_in = '1;
				@(posedge clk);
				mode = 3'h7;
				@(posedge clk);
			end
			2: begin
				mode = '1;
				@(posedge clk);
				mode = 3'h1;
				@(posedge clk);
				mode = 3'h1;
				@(posedge clk);
				@(posedge clk);
				mode = 3'h7;
				@(posedge clk);
				@(posedge clk);
			end
			3: begin
				serial_in = 1'h1;
				mode = 3'd0;
				@(posedge clk);
				serial_in = 1'h1;
				mode = 3'h5;
				@(posedge clk);
				mode = 3'h0;
				@(posedge clk);
			end
			4: begin
				serial_in = 1'b0;
				mode = 3'h7;
				@(posedge clk);
				mode = 3'h0;
				@(posedge clk);
				serial_in = 1'b1;
				mode = 3'h4;
				@(posedge clk);
				serial_in = 1'h1;
				mode = 3'h7;
				@(posedge clk);
				serial_in = 1'b0;
				@(posedge clk);
				serial_in = 1'd0;
				@(posedge clk);
			end
			5: begin
				mode = '1;
				@(posedge clk);
				serial_in = 1'd0;
				mode = 3'h1;
				@(posedge clk);
				@(posedge clk);
			end
			6: begin
				serial_in = '1;
				mode = 3'h4;
				@(posedge clk);
				serial_in = 1'h1;
				mode = 3'h5;
				@(posedge clk);
				serial_in = 1'h1;
				mode = 3'h2;
				@(posedge clk);
				serial_in = '1;
				@(posedge clk);
				serial_in = 1'b1;
				mode = 3'h5;
				@(posedge clk);
				serial_in = 1'h1;
				@(posedge clk);
			end
			7: begin
				@(posedge clk);
				mode = 3'h1;
				@(posedge clk);
				serial_in = 1'h1;
				@(posedge clk);
				mode = 3'h1;
				@(posedge clk);
				serial_in = 1'b0;
				mode = 3'h3;
				@(posedge clk);
				@(posedge clk);
				serial_in = 1'h1;
				@(posedge clk);
				@(posedge clk);
			end
			8: begin
				mode = 3'h4;
				@(posedge clk);
				serial_in = '1;
				mode = 3'h1;
				@(posedge clk);
				serial_in = 1'b1;
				@(posedge clk);
				serial_in = 1'h1;
				@(posedge clk);
				serial_in = 1'h0;
				mode = 3'h4;
				@(posedge clk);
				serial_in = '0;
				@(posedge clk);
				serial_in = 1'b0;
				mode = 3'h7;
				@(posedge clk);
				mode = 3'h4;
				@(posedge clk);
			end
			9: begin
				serial_in = 1'd0;
				mode = '0;
				@(posedge clk);
				serial_in = 1'h0;
				mode = 3'h4;
				@(posedge clk);
				serial_in = 1'h1;
				mode = 3'h5;
				@(posedge clk);
			end
			default: begin
				serial_in = 1'h0;
				mode = 3'd0;
				@(posedge clk);
			end
		endcase
	endtask

	always @(negedge clk) begin
		if (checks_enabled && reset_n) begin
			if ($isunknown(serial_out)) begin
				$error("[%0t] serial_out is unknown: %b", $time, serial_out);
				errors++;
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
		reset_phase();
		checks_enabled = 1;
		for (int p = 0; p < 11; p++) directed_pattern(p);
		fork
			control_thread(150);
			data_thread(500);
		join
		-> phase_done;
		// Second phase: stimulus while waiting for a quiet period, bounded
		fork
			data_thread(64);
			control_thread(32);
		join_none
		wait fork;
		// Walking ones on mode
		for (int n = 0; n < $bits(mode); n++) begin
			mode = '0;
			mode[n] = 1'b1;
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
		repeat (3) begin
			reset_phase(2);
			for (int j = 0; j < 4; j++) directed_pattern($urandom_range(0, 10));
		end
		$display("vectors=%0d errors=%0d", vectors, errors);
		$display(errors == 0 ? "*** PASSED ***" : "*** FAILED ***");
		$finish;
	end

	initial begin
		@(phase_done);
		$display("[%0t] phase 1 done, %0d vectors", $time, vectors);
	end

endmodule
