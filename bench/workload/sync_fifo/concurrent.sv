// Layered testbench with parallel stimulus threads, assertions and functional coverage: sync_fifo
`timescale 1ns/1ps

module tb_sync_fifo_top;

	// Parameters (defaults of the DUT)
	localparam DEPTH = 8;
	localparam WIDTH = 8;
	localparam AF_LEVEL = DEPTH - 2;
	localparam AE_LEVEL = 2;

	localparam int CLK_PERIOD = 8;
	localparam int NUM_RANDOM = 400;

	// DUT inputs
	logic clk;
	logic rst_n;
	logic wr_en;
	logic [WIDTH-1:0] wr_data;
	logic rd_en;

	// DUT outputs
	logic [WIDTH-1:0] rd_data;
	logic rd_valid;
	logic full;
	logic empty;
	logic almost_full;
	logic almost_empty;
	logic overflow;
	logic underflow;
	logic [$clog2(DEPTH):0] count;

	// Device under test
	sync_fifo #(
		.WIDTH(WIDTH)
	) dut (
		.clk(clk),
		.rst_n(rst_n),
		.wr_en(wr_en),
		.wr_data(wr_data),
		.rd_en(rd_en),
		.rd_data(rd_data),
		.rd_valid(rd_valid),
		.full(full),
		.empty(empty),
		.almost_full(almost_full),
		.almost_empty(almost_empty),
		.overflow(overflow),
		.underflow(underflow),
		.count(count)
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
	property p_rd_data_known;
		@(posedge clk) disable iff (!rst_n) checks_enabled |-> !$isunknown(rd_data);
	endproperty
	a_rd_data_known: assert property (p_rd_data_known) else begin
		$error("rd_data went unknown");
		errors++;
	end

	task automatic reset_phase(input int cycles = 10);
		begin
			wr_en = '0;
			wr_data = '0;
			rd_en = '0;
			rst_n = 1'b0;
			repeat (cycles) @(posedge clk);
			rst_n = 1'b1;
			@(posedge clk);
			$display("[%0t] reset done", $time);
		end
	endtask

	task automatic control_thread(input int n);
		repeat (n) begin
			wr_en = $urandom_range(0, 1);
			rd_en = $urandom % 2;
			repeat ($urandom_range(1, 4)) @(posedge clk);
		end
	endtask

	task automatic data_thread(input int n);
		int i;
		i = 0;
		while (i < n) begin
			wr_data = $random;
			vectors++;
			@(posedge clk);
			i++;
		end
	endtask

	task automatic directed_pattern(input int which);
		case (which)
			0: begin
				@(posedge clk);
				wr_data = '0;
				@(posedge clk);
				wr_en = 1'd0;
				wr_data = 8'hff;
				rd_en = 1'd0;
				@(posedge clk);
			end
			1: begin
				wr_en = 1'b0;
				wr_data = 8'h55;
				rd_en = 1'h1;
				@(posedge clk);
				wr_data = 8'h8;
				rd_en = 1'h1;
				@(posedge clk);
				wr_data = 8'hcf;
				@(posedge clk);
				wr_data = 8'hff;
				rd_en = 1'h1;
				@(posedge clk);
				@(posedge clk);
				wr_en = 1'h1;
				wr_data = 8'h80;
				rd_en = 1'b1;
				@(posedge clk);
				wr_data = 8'h0;
				rd_en = 1'b1;
				@(posedge clk);
				@(posedge clk);
			end
			2: begin
				wr_en = 1'b0;
				wr_data = '1;
				@(posedge clk);
				@(posedge clk);
				wr_data = 8'd0;
				@(posedge clk);
				wr_data = 8'h0;
				@(posedge clk);
			end
			3: begin
				wr_en = '1;
				@(posedge clk);
				wr_en = 1'h1;
				wr_data = 8'd0;
				@(posedge clk);
				wr_en = 1'h0;
				rd_en = 1'h0;
				@(posedge clk);
			end
			4: begin
				@(posedge clk);
				wr_en = 1'h1;
				rd_en = 1'b1;
				@(posedge clk);
				wr_en = 1'h1;
				wr_data = 8'h3c;
				rd_en = 1'd0;
				@(posedge clk);
				wr_en = 1'h1;
				wr_data = 8'hff;
				rd_en = '0;
				@(posedge clk);
			end
			5: begin
				wr_en = 1'h1;
				wr_data = 8'h1;
				@(posedge clk);
				@(posedge clk);
				wr_data = 8'hff;
				rd_en = 1'h1;
				@(posedge clk);
				wr_data = 8'h55;
				@(posedge clk);
				wr_data = '0;
				@(posedge clk);
			end
			6: begin
				wr_en = '1;
				@(posedge clk);
				wr_data = 8'hdd;
				@(posedge clk);
				wr_en = 1'h1;
				wr_data = 8'h9a;
				rd_en = 1'h1;
				@(posedge clk);
			end
			7: begin
				wr_data = 8'h88;
				rd_en = 1'h1;
				@(posedge clk);
				wr_data = 8'h55;
				rd_en = 1'h1;
				@(posedge clk);
				wr_en = 1'd0;
				wr_data = 8'h0;
				@(posedge clk);
				wr_en = 1'h0;
				wr_data = '1;
				rd_en = 1'h1;
				@(posedge clk);
				wr_en = 1'b1;
				rd_en = '1;
				@(posedge clk);
				wr_data = '0;
				@(posedge clk);
				@(posedge clk);
				wr_en = 1'b0;
				wr_data = 8'h55;
				rd_en = '1;
				@(posedge clk);
			end
			8: begin
				wr_en = 1'h1;
				wr_data = 8'hd9;
				@(posedge clk);
				rd_en = 1'h1;
				@(posedge clk);
				wr_en = 1'h1;
				wr_data = 8'hff;
				rd_en = 1'h1;
				@(posedge clk);
			end
			9: begin
				wr_en = 1'h1;
				wr_data = 8'd0;
				rd_en = 1'h1;
				@(posedge clk);
				wr_en = 1'h1;
				rd_en = 1'h1;
				@(posedge clk);
				wr_en = '1;
				wr_data = 8'h8;
				rd_en = 1'h1;
				@(posedge clk);
			end
			10: begin
				wr_en = 1'h1;
				rd_en = 1'b0;
				@(posedge clk);
				wr_en = 1'b1;
				wr_data = 8'h40;
				rd_en = 1'h1;
				@(posedge clk);
				wr_en = 1'b0;
				rd_en = 1'd0;
				@(posedge clk);
			end
			11: begin
				wr_en = 1'd0;
				rd_en = 1'h1;
				@(posedge clk);
				wr_en = 1'h1;
				wr_data = 8'h80;
				rd_en = '0;
				@(posedge clk);
				wr_en = 1'h0;
				wr_data = 8'hff;
				rd_en = 1'h1;
				@(posedge clk);
				wr_en = 1'h1;
				wr_data = 8'd0;
				rd_en = 1'b1;
				@(posedge clk);
				wr_en = 1'h1;
				@(posedge clk);
				rd_en = '0;
				@(posedge clk);
			end
			default: begin
				wr_en = 1'd0;
				wr_data = 8'd0;
				rd_en = '0;
				@(posedge clk);
			end
		endcase
	endtask

	always @(negedge clk) begin
		if (checks_enabled && rst_n) begin
			if ($isunknown(rd_data)) begin
				$error("[%0t] rd_data is unknown: %b", $time, rd_data);
				errors++;
			end
			if ($isunknown(rd_valid)) begin
				$error("[%0t] rd_valid is unknown: %b", $time, rd_valid);
				errors++;
			end
			if ($isunknown(full)) begin
				$error("[%0t] full is unknown: %b", $time, full);
				errors++;
			end
			if ($isunknown(empty)) begin
				$error("[%0t] empty is unknown: %b", $time, empty);
				errors++;
			end
			if ($isunknown(almost_full)) begin
				$error("[%0t] almost_full is unknown: %b", $time, almost_full);
				errors++;
			end
			if ($isunknown(almost_empty)) begin
				$error("[%0t] almost_empty is unknown: %b", $time, almost_empty);
				errors++;
			end
			if ($isunknown(overflow)) begin
				$error("[%0t] overflow is unknown: %b", $time, overflow);
				errors++;
			end
			if ($isunknown(underflow)) begin
				$error("[%0t] underflow is unknown: %b", $time, underflow);
				errors++;
			end
		end
	end

	// Light-weight monitor (every 64th cycle, keeps the log short)
	int unsigned cycle_count = 0;
	always @(posedge clk) begin
		cycle_count <= cycle_count + 1;
		if (verbose && cycle_count % 64 == 0) $display("[%0t] rd_data=%0h rd_valid=%0h full=%0h empty=%0h", $time, rd_data, rd_valid, full, empty);
	end

	// Watchdog: never hang the regression
	initial begin
		#5_000_000;
		$display("ERROR: watchdog timeout at %0t", $time);
		$finish;
	end

	initial begin
		reset_phase();
		checks_enabled = 1;
		for (int p = 0; p < 13; p++) directed_pattern(p);
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
		// Walking ones on wr_data
		for (int i = 0; i < $bits(wr_data); i++) begin
			wr_data = '0;
			wr_data[i] = 1'b1;
			@(posedge clk);
		end
		// Sweep wr_data with every other input random, a few passes
		repeat (4) begin
			for (int k = 0; k < 64; k++) begin
				wr_data = k;
				wr_en = $urandom % 2;
				rd_en = 1'($urandom);
				@(posedge clk);
			end
		end
		repeat (3) begin
			reset_phase(2);
			for (int j = 0; j < 4; j++) directed_pattern($urandom_range(0, 12));
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
