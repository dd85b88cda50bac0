// ==============================================================================
// Testbench for sobel_filter
// Layered testbench with parallel stimulus threads, assertions and functional coverage
// Instance name "dut" is required by the coverage flow.
// ==============================================================================
`timescale 1ns/1ns

module tb_sobel_filter_top;

	localparam int CLK_PERIOD = 8;
	localparam int NUM_RANDOM = 400;

	// DUT inputs
	reg clk;
	reg rst_n;
	reg [7:0] pixel_in;
	reg valid_in;

	// DUT outputs
	wire [7:0] edge_out;
	wire valid_out;

	// Device under test
	sobel_filter dut (
		.clk(clk),
		.rst_n(rst_n),
		.pixel_in(pixel_in),
		.valid_in(valid_in),
		.edge_out(edge_out),
		.valid_out(valid_out)
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
		cp_pixel_in: coverpoint pixel_in;
		cp_valid_in: coverpoint valid_in;
	endgroup
	cg_inputs cg = new();

	// Assertions
	property p_edge_out_known;
		@(posedge clk) disable iff (!rst_n) checks_enabled |-> !$isunknown(edge_out);
	endproperty
	a_edge_out_known: assert property (p_edge_out_known) else begin
		$error("edge_out went unknown");
		errors++;
	end

	task automatic reset_phase(input int cycles = 4);
		begin
			pixel_in = '0;
			valid_in = '0;
			rst_n = 1'b0;
			repeat (cycles) @(posedge clk);
			rst_n = 1'b1;
			@(posedge clk);
			$display("[%0t] reset done", $time);
		end

	task automatic control_thread(input int n);
		repeat (n) begin
			valid_in = $urandom_range(0, 1);
			repeat ($urandom_range(1, 4)) @(posedge clk);
		end
	endtask

	task automatic data_thread(input int n);
		int i;
		i = 0;
		while (i < n) begin
			pixel_in = $urandom;
			vectors++;
			@(posedge clk);
			i++;
		end
	endtask

	task automatic directed_pattern(input int which);
		case (which)
			0: begin
				pixel_in = 8'hff;
				valid_in = '1;
				@(posedge clk);
				@(posedge clk);
				@(posedge clk);
				pixel_in = 8'd0;
				valid_in = 1'h1;
				@(posedge clk);
				valid_in = '0;
				@(posedge clk);
				pixel_in = '0;
				valid_in = 1'h1;
				@(posedge clk);
				pixel_in = '1;
				valid_in = '1;
				@(posedge clk);
				pixel_in = 8'h55;
				valid_in = '0;
				@(posedge clk);
			end
			1: begin
				pixel_in = 8'hc5;
				@(posedge clk);
				pixel_in = 8'hda;
				valid_in = 1'h1;
				@(posedge clk);
				pixel_in = 8'd0;
				valid_in = 1'h1;
				@(posedge clk);
				pixel_in = 8'hff;
				@(posedge clk);
				valid_in = 1'h1;
				@(posedge clk);
				valid_in = 1'h1;
				@(posedge clk);
			end
			2: begin
				pixel_in = 8'h1;
				valid_in = 1'h1;
				@(posedge clk);
				valid_in = 1'h1;
				@(posedge clk);
				pixel_in = 8'h89;
				valid_in = 1'b0;
				@(posedge clk);
				pixel_in = 8'h1;
				valid_in = '0;
				@(posedge clk);
				pixel_in = 8'h55;
				valid_in = 1'h1;
				@(posedge clk);
				pixel_in = 8'h55;
				valid_in = 1'h1;
				@(posedge clk);
				valid_in = 1'b1;
				@(posedge clk);
			end
			3: begin
				pixel_in = '0;
				@(posedge clk);
				valid_in = 1'd0;
				@(posedge clk);
				pixel_in = 8'h20;
				valid_in = 1'b1;
				@(posedge clk);
				pixel_in = 8'h3a;
				valid_in = 1'b1;
				@(posedge clk);
				pixel_in = 8'h55;
				valid_in = 1'h1;
				@(posedge clk);
				valid_in = 1'h1;
				@(posedge clk);
				pixel_in = 8'h4f;
				@(posedge clk);
				@(posedge clk);
			end
			4: begin
				valid_in = 1'h1;
				@(posedge clk);
				valid_in = '1;
				@(posedge clk);
				@(posedge clk);
			end
			5: begin
				@(posedge clk);
				pixel_in = 8'he1;
				valid_in = '1;
				@(posedge clk);
				valid_in = 1'b0;
				@(posedge clk);
			end
			6: begin
				pixel_in = '1;
				valid_in = 1'b1;
				@(posedge clk);
				pixel_in = 8'h55;
				valid_in = 1'h1;
				@(posedge clk);
				pixel_in = 8'h55;
				valid_in = 1'b0;
				@(posedge clk);
				@(posedge clk);
				@(posedge clk);
				pixel_in = 8'h1;
				@(posedge clk);
				valid_in = 1'h1;
				@(posedge clk);
			end
			7: begin
				valid_in = 1'b1;
				@(posedge clk);
				pixel_in = '1;
				@(posedge clk);
				@(posedge clk);
				valid_in = 1'h0;
				@(posedge clk);
			end
			default: begin
				pixel_in = 8'h0;
				valid_in = '0;
				@(posedge clk);
			end
		endcase
	endtask

	always @(negedge clk) begin
		if (checks_enabled && rst_n) begin
			if ($isunknown(edge_out)) begin
				$error("[%0t] edge_out is unknown: %b", $time, edge_out);
				errors++;
			end
			if ($isunknown(valid_out)) begin
				$error("[%0t] valid_out is unknown: %b", $time, valid_out);
				errors++;
			end
		end
	end

	// Light-weight monitor (every 64th cycle, keeps the log short)
	int unsigned cycle_count = 0;
	always @(posedge clk) begin
		cycle_count <= cycle_count + 1;
		if (verbose && cycle_count % 64 == 0) $display("[%0t] edge_out=%0h valid_out=%0h", $time, edge_out, valid_out);
	end

	// Watchdog: never hang the regression
	initial begin
		#2_000_000;
		$display("ERROR: watchdog timeout at %0t", $time);
		$finish;
	end

	initial begin
		reset_phase();
		checks_enabled = 1;
		for (int p = 0; p < 9; p++) directed_pattern(p);
		fork
			control_thread(200);
			data_thread(300);
		join
		-> phase_done;
		// Second phase: stimulus while waiting for a quiet period, bounded
		fork
			data_thread(64);
			control_thread(32);
		join_none
		wait fork;
		// Walking ones on pixel_in
		for (int i = 0; i < $bits(pixel_in); i++) begin
			pixel_in = '0;
			pixel_in[i] = 1'b1;
			@(posedge clk);
		end
		// Sweep pixel_in with every other input random, a few passes
		repeat (4) begin
			for (int k = 0; k < 64; k++) begin
				pixel_in = k;
				valid_in = $urandom % 2;
				@(posedge clk);
			end
		end
		repeat (3) begin
			reset_phase(2);
			for (int j = 0; j < 4; j++) directed_pattern($urandom_range(0, 8));
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
