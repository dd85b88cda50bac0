// Layered testbench with parallel stimulus threads, assertions and functional coverage: endian_swapper
`timescale 1ns / 1ps

module tb_endian_swapper_top;

	// Parameters (defaults of the DUT)
	localparam DATA_BYTES = 8;

	localparam int CLK_PERIOD = 8;
	localparam int NUM_RANDOM = 500;

	// DUT inputs
	logic clk;
	logic reset_n;
	logic [(DATA_BYTES*8)-1:0] stream_in_data;
	logic [$clog2(DATA_BYTES)-1:0] stream_in_empty;
	logic stream_in_valid;
	logic stream_in_startofpacket;
	logic stream_in_endofpacket;
	logic stream_out_ready;
	logic [1:0] csr_address;
	logic csr_read;
	logic csr_write;
	logic [31:0] csr_writedata;

	// DUT outputs
	logic stream_in_ready;
	logic [(DATA_BYTES*8)-1:0] stream_out_data;
	logic [$clog2(DATA_BYTES)-1:0] stream_out_empty;
	logic stream_out_valid;
	logic stream_out_startofpacket;
	logic stream_out_endofpacket;
	logic [31:0] csr_readdata;
	logic csr_readdatavalid;
	logic csr_waitrequest;

	// Device under test
	endian_swapper #(
		.DATA_BYTES(DATA_BYTES)
	) dut (
		.clk(clk),
		.reset_n(reset_n),
		.stream_in_data(stream_in_data),
		.stream_in_empty(stream_in_empty),
		.stream_in_valid(stream_in_valid),
		.stream_in_startofpacket(stream_in_startofpacket),
		.stream_in_endofpacket(stream_in_endofpacket),
		.stream_in_ready(stream_in_ready),
		.stream_out_data(stream_out_data),
		.stream_out_empty(stream_out_empty),
		.stream_out_valid(stream_out_valid),
		.stream_out_startofpacket(stream_out_startofpacket),
		.stream_out_endofpacket(stream_out_endofpacket),
		.stream_out_ready(stream_out_ready),
		.csr_address(csr_address),
		.csr_readdata(csr_readdata),
		.csr_readdatavalid(csr_readdatavalid),
		.csr_read(csr_read),
		.csr_write(csr_write),
		.csr_waitrequest(csr_waitrequest),
		.csr_writedata(csr_writedata)
	);

	// Clock generation
	initial clk = 0;
	always #(CLK_PERIOD/2) clk = ~clk;

	int unsigned errors = 0;
	int unsigned vectors = 0;
	bit checks_enabled = 0;
	bit verbose = 0;
	event phase_done;

	// Assertions
	property p_stream_in_ready_known;
		@(posedge clk) disable iff (!reset_n) checks_enabled |-> !$isunknown(stream_in_ready);
	endproperty
	a_stream_in_ready_known: assert property (p_stream_in_ready_known) else begin
		$error("stream_in_ready went unknown");
		errors++;
	end

	task automatic reset_phase(input int cycles = 3);
		begin
			stream_in_data = '0;
			stream_in_empty = '0;
			stream_in_valid = '0;
			stream_in_startofpacket = '0;
			stream_in_endofpacket = '0;
			stream_out_ready = '0;
			csr_address = '0;
			csr_read = '0;
			csr_write = '0;
			csr_writedata = '0;
			reset_n = 1'b0;
			repeat (cycles) @(posedge clk);
			reset_n = 1'b1;
			@(posedge clk);
			$display("[%0t] reset done", $time);
		end
	endtask

	task automatic control_thread(input int n);
		repeat (n) begin
			stream_in_empty = $urandom_range(0, 7);
			stream_in_valid = $urandom % 2;
			stream_in_startofpacket = 1'($urandom);
			stream_in_endofpacket = $urandom % 2;
			stream_out_ready = $urandom_range(0, 1);
			csr_address = $urandom_range(0, 3);
			repeat ($urandom_range(1, 4)) @(posedge clk);
		end
	endtask

	task automatic data_thread(input int n);
		int i;
		i = 0;
		while (i < n) begin
			stream_in_data = {$urandom, $urandom};
			csr_writedata = $urandom;
			vectors++;
			@(posedge clk);
			i++;
		end
	endtask

	task automatic directed_pattern(input int which);
		case (which)
			0: begin
				stream_out_ready = 1'h1;
				csr_read = 1'h1;
				csr_writedata = 32'hffffffff;
				@(posedge clk);
				stream_in_data = 64'hcebb1acb802aeda5;
				stream_in_empty = 3'h5;
				stream_in_valid = 1'b1;
				stream_in_startofpacket = 1'd0;
				stream_in_endofpacket = 1'h1;
				csr_address = 2'h1;
				csr_write = '0;
				@(posedge clk);
				stream_in_data = 64'h0;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = 1'h1;
				stream_in_endofpacket = 1'b1;
				csr_read = 1'h1;
				csr_write = 1'b1;
				csr_writedata = 32'd0;
				@(posedge clk);
				stream_in_data = 64'h5555555555555555;
				stream_in_empty = 3'h5;
				stream_in_valid = 1'b0;
				stream_in_startofpacket = '1;
				stream_out_ready = '1;
				csr_address = 2'h0;
				csr_read = 1'h1;
				csr_write = 1'h1;
				csr_writedata = '1;
				@(posedge clk);
				stream_in_valid = '1;
				stream_in_startofpacket = '0;
				stream_out_ready = 1'h0;
				csr_address = 2'h3;
				csr_read = 1'h1;
				csr_writedata = '1;
				@(posedge clk);
				stream_in_data = 64'h0;
				stream_in_endofpacket = 1'h1;
				csr_write = '1;
				csr_writedata = '0;
				@(posedge clk);
				stream_in_data = '1;
				stream_in_empty = '1;
				stream_in_valid = '1;
				stream_in_startofpacket = 1'b0;
				stream_in_endofpacket = 1'h1;
				stream_out_ready = 1'h1;
				csr_address = 2'h1;
				csr_read = 1'h1;
				csr_write = 1'h1;
				csr_writedata = '1;
				@(posedge clk);
				stream_in_empty = 3'h4;
				stream_in_valid = 1'b0;
				stream_out_ready = 1'b0;
				csr_read = 1'b0;
				csr_write = 1'h1;
				csr_writedata = 32'hffffffff;
				@(posedge clk);
			end
			1: begin
				stream_in_data = 64'h0;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = 1'h1;
				stream_in_endofpacket = 1'h1;
				stream_out_ready = 1'h1;
				csr_read = 1'b1;
				csr_writedata = 32'h2000000;
				@(posedge clk);
				stream_in_empty = 3'h5;
				stream_in_valid = 1'b1;
				csr_address = '1;
				csr_writedata = 32'd0;
				@(posedge clk);
				stream_in_data = '0;
				stream_in_startofpacket = 1'h1;
				stream_out_ready = 1'h1;
				csr_read = 1'h1;
				csr_writedata = '0;
				@(posedge clk);
			end
			2: begin
				stream_in_data = 64'h5555555555555555;
				stream_in_startofpacket = 1'h1;
				stream_out_ready = '0;
				csr_address = 2'h2;
				csr_writedata = 32'h0;
				@(posedge clk);
				stream_in_empty = 3'h2;
				stream_in_valid = '1;
				stream_in_endofpacket = 1'h1;
				stream_out_ready = 1'h1;
				csr_address = 2'h1;
				csr_read = '1;
				@(posedge clk);
				stream_in_valid = 1'b1;
				stream_in_endofpacket = 1'h1;
				csr_address = 2'h0;
				csr_write = 1'h1;
				csr_writedata = 32'h4000000;
				@(posedge clk);
				stream_in_data = 64'h5555555555555555;
				stream_in_empty = 3'h5;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = 1'h1;
				stream_in_endofpacket = 1'h1;
				csr_read = 1'h1;
				csr_writedata = 32'h0;
				@(posedge clk);
			end
			3: begin
				stream_in_empty = 3'h2;
				stream_in_startofpacket = 1'h0;
				stream_out_ready = 1'h1;
				csr_address = 2'd0;
				csr_read = 1'h1;
				csr_write = 1'h1;
				@(posedge clk);
				stream_in_data = '1;
				stream_in_empty = 3'h4;
				stream_in_valid = 1'd0;
				stream_in_endofpacket = 1'b0;
				csr_address = 2'h2;
				csr_read = 1'h1;
				csr_write = 1'h1;
				csr_writedata = 32'h20;
				@(posedge clk);
				stream_in_data = 64'h680b06a5651878a8;
				stream_in_empty = 3'h2;
				stream_in_valid = 1'h0;
				csr_read = 1'h1;
				csr_writedata = '1;
				@(posedge clk);
				stream_in_empty = 3'h6;
				stream_in_valid = '1;
				stream_out_ready = '0;
				csr_read = '1;
				csr_writedata = 32'h6290359;
				@(posedge clk);
				stream_in_data = 64'h5555555555555555;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = 1'h1;
				stream_in_endofpacket = 1'h1;
				stream_out_ready = 1'h1;
				csr_address = 2'h0;
				csr_write = 1'h1;
				csr_writedata = 32'h3002828f;
				@(posedge clk);
			end
			4: begin
				stream_in_valid = 1'b1;
				stream_in_startofpacket = 1'b0;
				stream_in_endofpacket = '1;
				stream_out_ready = '1;
				csr_writedata = 32'h8000;
				@(posedge clk);
				stream_in_data = 64'h5555555555555555;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = 1'h1;
				csr_read = 1'h0;
				csr_writedata = 32'h20000000;
				@(posedge clk);
				stream_in_data = 64'h10000;
				stream_in_empty = 3'h5;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = 1'h1;
				stream_in_endofpacket = 1'h1;
				csr_read = 1'h1;
				csr_writedata = 32'h55555555;
				@(posedge clk);
				stream_in_data = 64'h400;
				stream_in_empty = 3'h0;
				stream_in_valid = 1'h1;
				stream_in_endofpacket = 1'h1;
				csr_address = 2'h1;
				csr_read = 1'h1;
				csr_write = 1'b1;
				@(posedge clk);
			end
			5: begin
				stream_in_data = '1;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = 1'h1;
				stream_in_endofpacket = 1'b1;
				stream_out_ready = 1'b1;
				csr_address = 2'h0;
				csr_read = 1'h1;
				@(posedge clk);
				stream_in_valid = '1;
				stream_in_startofpacket = 1'd0;
				stream_out_ready = 1'h1;
				csr_address = 2'h3;
				csr_read = 1'b1;
				csr_writedata = 32'h55555555;
				@(posedge clk);
				stream_in_data = 64'h8000000000000000;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = 1'h1;
				stream_in_endofpacket = 1'h1;
				stream_out_ready = '1;
				csr_address = 2'h3;
				csr_writedata = 32'h55555555;
				@(posedge clk);
				stream_in_data = '0;
				stream_in_empty = 3'h5;
				stream_in_valid = 1'b1;
				stream_in_startofpacket = 1'h1;
				stream_in_endofpacket = 1'b1;
				stream_out_ready = '1;
				csr_writedata = 32'h55555555;
				@(posedge clk);
				stream_in_data = 64'h5555555555555555;
				stream_in_valid = 1'b1;
				stream_in_startofpacket = '0;
				stream_in_endofpacket = 1'h1;
				stream_out_ready = 1'h1;
				csr_address = 2'h1;
				csr_write = 1'b0;
				@(posedge clk);
				stream_in_data = 64'h5555555555555555;
				stream_in_endofpacket = 1'h1;
				csr_address = 2'd0;
				csr_read = 1'h1;
				csr_write = 1'h1;
				csr_writedata = '0;
				@(posedge clk);
			end
			6: begin
				stream_in_data = '1;
				stream_in_valid = 1'b1;
				stream_in_endofpacket = 1'h1;
				stream_out_ready = 1'h0;
				csr_address = 2'h1;
				@(posedge clk);
				stream_in_data = 64'h400000000000;
				stream_in_empty = 3'h2;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = '0;
				stream_in_endofpacket = '1;
				csr_read = 1'd0;
				csr_write = 1'h1;
				@(posedge clk);
				stream_in_data = '1;
				stream_in_empty = 3'h1;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = 1'd0;
				stream_in_endofpacket = 1'h0;
				csr_address = 2'h1;
				csr_read = 1'h1;
				csr_write = 1'h1;
				@(posedge clk);
				stream_in_data = '0;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = 1'h1;
				stream_in_endofpacket = '0;
				stream_out_ready = 1'h1;
				csr_read = 1'h1;
				csr_writedata = 32'h55555555;
				@(posedge clk);
				stream_in_empty = 3'h0;
				stream_in_startofpacket = 1'd0;
				stream_in_endofpacket = 1'd0;
				csr_read = 1'h1;
				csr_writedata = '1;
				@(posedge clk);
				stream_in_data = 64'h5555555555555555;
				stream_in_empty = 3'h5;
				stream_in_startofpacket = 1'b0;
				stream_out_ready = 1'h1;
				csr_address = 2'h1;
				csr_write = 1'd0;
				@(posedge clk);
				stream_in_empty = 3'h5;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = 1'h1;
				stream_in_endofpacket = 1'b0;
				csr_address = 2'h1;
				csr_writedata = 32'h40;
				@(posedge clk);
				stream_in_valid = 1'h0;
				@(posedge clk);
			end
			7: begin
				stream_in_data = 64'h2000000000000;
				stream_in_empty = 3'h4;
				stream_out_ready = 1'h1;
				csr_address = 2'h2;
				csr_write = 1'h1;
				csr_writedata = 32'hd5dfcc36;
				@(posedge clk);
				stream_in_data = 64'h10000000;
				stream_in_valid = 1'h0;
				stream_in_startofpacket = 1'b1;
				stream_in_endofpacket = '1;
				stream_out_ready = 1'b0;
				csr_write = 1'b0;
				csr_writedata = '1;
				@(posedge clk);
				stream_in_data = 64'h21660eb63af5591a;
				stream_in_empty = 3'h5;
				stream_in_valid = '1;
				stream_in_startofpacket = 1'h1;
				stream_in_endofpacket = 1'h1;
				csr_address = '0;
				@(posedge clk);
				stream_in_data = 64'h1beeb649d4908e68;
				stream_in_empty = '1;
				stream_in_valid = '1;
				stream_in_startofpacket = 1'h1;
				stream_out_ready = 1'h1;
				csr_address = 2'h1;
				csr_read = 1'd0;
				csr_write = 1'b0;
				@(posedge clk);
				stream_in_empty = 3'h5;
				stream_in_valid = 1'h1;
				stream_in_startofpacket = '0;
				stream_in_endofpacket = 1'b0;
				stream_out_ready = 1'h1;
				csr_read = 1'h1;
				@(posedge clk);
				stream_in_data = 64'h200;
				stream_in_valid = 1'b0;
				stream_in_endofpacket = 1'b1;
				csr_address = 2'h1;
				csr_read = 1'h1;
				csr_write = '1;
				@(posedge clk);
				stream_in_data = 64'd0;
				stream_in_empty = '1;
				stream_in_startofpacket = 1'b1;
				stream_in_endofpacket = '1;
				stream_out_ready = 1'b1;
				csr_address = 2'h1;
				csr_write = 1'b1;
				@(posedge clk);
				stream_in_data = 64'hb9944b7f6c6bc6e6;
				stream_in_startofpacket = '1;
				csr_address = 2'h2;
				csr_writedata = 32'hffffffff;
				@(posedge clk);
			end
			default: begin
				stream_in_data = 64'd0;
				stream_in_empty = '0;
				stream_in_valid = 1'd0;
				stream_in_startofpacket = 1'd0;
				stream_in_endofpacket = 1'h0;
				stream_out_ready = 1'd0;
				csr_address = '0;
				csr_read = '0;
				csr_write = 1'd0;
				csr_writedata = 32'h0;
				@(posedge clk);
			end
		endcase
	endtask

	always @(negedge clk) begin
		if (checks_enabled && reset_n) begin
			if ($isunknown(stream_in_ready)) begin
				$error("[%0t] stream_in_ready is unknown: %b", $time, stream_in_ready);
				errors++;
			end
			if ($isunknown(stream_out_data)) begin
				$error("[%0t] stream_out_data is unknown: %b", $time, stream_out_data);
				errors++;
			end
			if ($isunknown(stream_out_empty)) begin
				$error("[%0t] stream_out_empty is unknown: %b", $time, stream_out_empty);
				errors++;
			end
			if ($isunknown(stream_out_valid)) begin
				$error("[%0t] stream_out_valid is unknown: %b", $time, stream_out_valid);
				errors++;
			end
			if ($isunknown(stream_out_startofpacket)) begin
				$error("[%0t] stream_out_startofpacket is unknown: %b", $time, stream_out_startofpacket);
				errors++;
			end
			if ($isunknown(stream_out_endofpacket)) begin
				$error("[%0t] stream_out_endofpacket is unknown: %b", $time, stream_out_endofpacket);
				errors++;
			end
			if ($isunknown(csr_readdata)) begin
				$error("[%0t] csr_readdata is unknown: %b", $time, csr_readdata);
				errors++;
			end
			if ($isunknown(csr_readdatavalid)) begin
				$error("[%0t] csr_readdatavalid is unknown: %b", $time, csr_readdatavalid);
				errors++;
			end
		end
	end

	// Light-weight monitor (every 64th cycle, keeps the log short)
	int unsigned cycle_count = 0;
	always @(posedge clk) begin
		cycle_count <= cycle_count + 1;
		if (verbose && cycle_count % 64 == 0) $display("[%0t] stream_in_ready=%0h stream_out_data=%0h stream_out_empty=%0h stream_out_valid=%0h", $time, stream_in_ready, stream_out_data, stream_out_empty, stream_out_valid);
	end

	// Watchdog: never hang the regression
	initial begin
		#500_000;
		$display("ERROR: watchdog timeout at %0t", $time);
		$finish;
	end

	initial begin
		reset_phase();
		checks_enabled = 1;
		for (int p = 0; p < 9; p++) directed_pattern(p);
		fork
			control_thread(150);
			data_thread(400);
		join
		-> phase_done;
		// Second phase: stimulus while waiting for a quiet period, bounded
		fork
			data_thread(64);
			control_thread(32);
		join_none
		wait fork;
		// Walking ones on stream_in_data
		for (int i = 0; i < $bits(stream_in_data); i++) begin
			stream_in_data = '0;
			stream_in_data[i] = 1'b1;
			@(posedge clk);
		end
		// Walking ones on stream_in_empty
		for (int bit_idx = 0; bit_idx < $bits(stream_in_empty); bit_idx++) begin
			stream_in_empty = '0;
			stream_in_empty[bit_idx] = 1'b1;
			@(posedge clk);
		end
		// Walking ones on csr_address
		for (int i = 0; i < $bits(csr_address); i++) begin
			csr_address = '0;
			csr_address[i] = 1'b1;
			@(posedge clk);
		end
		// Sweep stream_in_empty with every other input random, a few passes
		repeat (2) begin
			for (int k = 0; k < 8; k++) begin
				stream_in_empty = k;
				stream_in_data = {$urandom, $urandom};
				stream_in_valid = $urandom_range(0, 1);
				stream_in_startofpacket = $urandom_range(0, 1);
				stream_in_endofpacket = $urandom % 2;
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
