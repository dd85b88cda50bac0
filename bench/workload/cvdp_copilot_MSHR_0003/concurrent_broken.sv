// Layered testbench with parallel stimulus threads, assertions and functional coverage: cache_mshr
`timescale 1ns/1ps

module tb_cache_mshr;

	// Parameters (defaults of the DUT)
	localparam INSTANCE_ID = "mo_mshr";
	localparam MSHR_SIZE = 32;
	localparam CS_LINE_ADDR_WIDTH = 10;
	localparam WORD_SEL_WIDTH = 4;
	localparam WORD_SIZE = 4;
	localparam MSHR_ADDR_WIDTH = $clog2(MSHR_SIZE);
	localparam TAG_WIDTH = 32 - (CS_LINE_ADDR_WIDTH+ $clog2(WORD_SIZE) + WORD_SEL_WIDTH);
	localparam CS_WORD_WIDTH = WORD_SIZE * 8;
	localparam DATA_WIDTH = WORD_SEL_WIDTH + WORD_SIZE + CS_WORD_WIDTH + TAG_WIDTH;

	localparam int CLK_PERIOD = 4;
	localparam int NUM_RANDOM = 300;

	// DUT inputs
	logic clk;
	logic reset;
	logic allocate_valid;
	logic [CS_LINE_ADDR_WIDTH-1:0] allocate_addr;
	logic allocate_rw;
	logic [DATA_WIDTH-1:0] allocate_data;
	logic finalize_valid;
	logic [MSHR_ADDR_WIDTH-1:0] finalize_id;

	// DUT outputs
	logic allocate_ready;
	logic [MSHR_ADDR_WIDTH-1:0] allocate_id;
	logic allocate_pending;
	logic [MSHR_ADDR_WIDTH-1:0] allocate_previd;

	// Device under test
	cache_mshr #(
		.WORD_SEL_WIDTH(WORD_SEL_WIDTH),
		.WORD_SIZE(WORD_SIZE),
		.MSHR_ADDR_WIDTH(MSHR_ADDR_WIDTH),
		.DATA_WIDTH(DATA_WIDTH)
	) dut (
		.clk(clk),
		.reset(reset),
		.allocate_valid(allocate_valid),
		.allocate_ready(allocate_ready),
		.allocate_addr(allocate_addr),
		.allocate_rw(allocate_rw),
		.allocate_data(allocate_data),
		.allocate_id(allocate_id),
		.allocate_pending(allocate_pending),
		.allocate_previd(allocate_previd),
		.finalize_valid(finalize_valid),
		.finalize_id(finalize_id)
	);

	// Clock generation
	initial clk = 0;
	always #(CLK_PERIOD/2) clk = ~clk;

	int unsigned errors_total = 0;
	int unsigned vectors = 0;
	bit checks_enabled = 0;
	bit verbose = 0;
	event phase_done;

	// Functional coverage of the main control inputs
	covergroup cg_inputs @(posedge clk);
		cp_finalize_id: coverpoint finalize_id;
		cp_allocate_valid: coverpoint allocate_valid;
		cp_allocate_rw: coverpoint allocate_rw;
		cp_finalize_valid: coverpoint finalize_valid;
	endgroup
	cg_inputs cg = new();

	// Assertions
	property p_allocate_ready_known;
		@(posedge clk) disable iff (reset) checks_enabled |-> !$isunknown(allocate_ready);
	endproperty
	a_allocate_ready_known: assert property (p_allocate_ready_known) else begin
		$error("allocate_ready went unknown");
		errors++;
	end

	task automatic reset_phase(input int cycles = 2);
		begin
			allocate_valid = '0;
			allocate_addr = '0;
			allocate_rw = '0;
			allocate_data = '0;
			finalize_valid = '0;
			finalize_id = '0;
			reset = 1'b1;
			repeat (cycles) @(posedge clk);
			reset = 1'b0;
			@(posedge clk);
			$display("[%0t] reset done", $time);
		end
	endtask

	task automatic control_thread(input int n);
		repeat (n) begin
			allocate_valid = $urandom % 2;
			allocate_rw = $urandom_range(0, 1);
			finalize_valid = $urandom % 2;
			repeat ($urandom_range(1, 4)) @(posedge clk);
		end
	endtask

	task automatic data_thread(input int n);
		int i;
		i = 0;
		while (i < n) begin
			allocate_addr = $random;
			allocate_data = {$urandom, $urandom};
			finalize_id = $urandom_range(0, 31);
			vectors++;
			@(posedge clk);
			i++;
		end
	endtask

	task automatic directed_pattern(input int which);
		case (which)
			0: begin
				allocate_valid = 1'h1;
				allocate_data = 56'h10000000;
				finalize_valid = 1'b1;
				finalize_id = 5'h15;
				@(posedge clk);
				allocate_valid = 1'b0;
				allocate_addr = 10'h155;
				allocate_rw = '1;
				allocate_data = 56'h0;
				finalize_id = 5'h15;
				@(posedge clk);
				allocate_addr = 10'h0;
				allocate_data = '0;
				finalize_valid = 1'h1;
				@(posedge clk);
				allocate_rw = 1'b0;
				allocate_data = '1;
				finalize_valid = 1'h1;
				finalize_id = 5'h7;
				@(posedge clk);
				allocate_valid = 1'd0;
				allocate_data = '1;
				finalize_valid = 1'b0;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_data = 56'h400000000;
				finalize_valid = 1'h1;
				finalize_id = '1;
				@(posedge clk);
			end
			1: begin
				allocate_valid = 1'h1;
				allocate_rw = 1'h1;
				allocate_data = '1;
				@(posedge clk);
				allocate_valid = 1'b0;
				allocate_addr = 10'h0;
				allocate_rw = 1'h1;
				allocate_data = 56'd0;
				finalize_id = 5'h10;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_addr = 10'h3f9;
				allocate_data = '1;
				finalize_valid = '1;
				finalize_id = 5'h15;
				@(posedge clk);
				allocate_addr = 10'd0;
				allocate_rw = '0;
				allocate_data = 56'h55555555555555;
				finalize_valid = '1;
				finalize_id = 5'h15;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_addr = 10'h3ff;
				allocate_rw = 1'h1;
				allocate_data = '1;
				finalize_id = 5'h15;
				@(posedge clk);
				allocate_valid = 1'h0;
				allocate_addr = 10'd0;
				allocate_rw = 1'h0;
				allocate_data = 56'h55555555555555;
				@(posedge clk);
				allocate_rw = 1'h1;
				finalize_id = 5'h8;
				@(posedge clk);
				allocate_valid = '1;
				allocate_addr = 10'h10;
				allocate_rw = 1'b0;
				allocate_data = 56'h95b3d0bd32f735;
				finalize_valid = 1'b1;
				finalize_id = 5'hc;
				@(posedge clk);
			end
			2: begin
				allocate_valid = 1'b0;
				allocate_rw = 1'b0;
				finalize_valid = 1'b1;
				@(posedge clk);
				allocate_addr = '1;
				finalize_id = 5'h15;
				@(posedge clk);
				allocate_valid = '1;
				allocate_addr = '1;
				allocate_rw = 1'b0;
				allocate_data = 56'h0;
				finalize_id = 5'h0;
				@(posedge clk);
				allocate_valid = 1'h0;
				allocate_rw = 1'h1;
				allocate_data = 56'h55555555555555;
				finalize_id = 5'd0;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_rw = '1;
				allocate_data = 56'd0;
				finalize_valid = 1'd0;
				@(posedge clk);
				allocate_valid = '1;
				allocate_addr = 10'h155;
				allocate_data = 56'h83a4d48169dd24;
				@(posedge clk);
			end
			3: begin
				allocate_addr = 10'h3ff;
				allocate_rw = 1'h1;
				allocate_data = 56'h200000000000;
				@(posedge clk);
				allocate_valid = 1'b0;
				allocate_addr = '1;
				allocate_data = '0;
				finalize_valid = 1'b0;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_addr = '1;
				finalize_valid = 1'h1;
				finalize_id = 5'h15;
				@(posedge clk);
				allocate_valid = 1'b0;
				allocate_rw = 1'h1;
				allocate_data = 56'h8000000;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_rw = 1'h1;
				allocate_data = 56'h79c14dc7e3c570;
				finalize_id = 5'h4;
				@(posedge clk);
				allocate_valid = 1'b1;
				finalize_valid = 1'h1;
				finalize_id = 5'h12;
				@(posedge clk);
				allocate_valid = 1'b1;
				allocate_rw = 1'h1;
				allocate_data = '1;
				finalize_id = '0;
				@(posedge clk);
				allocate_valid = '1;
				allocate_addr = 10'h155;
				allocate_data = 56'h9315ce52a5d8f8;
				finalize_valid = 1'h1;
				finalize_id = 5'h15;
				@(posedge clk);
			end
			4: begin
				allocate_addr = 10'h3e5;
				allocate_rw = 1'b1;
				finalize_valid = 1'h1;
				@(posedge clk);
				allocate_valid = 1'd0;
				allocate_rw = 1'd0;
				allocate_data = 56'h55555555555555;
				finalize_valid = 1'h1;
				finalize_id = 5'hf;
				@(posedge clk);
				allocate_addr = '1;
				allocate_rw = 1'h1;
				finalize_valid = '1;
				finalize_id = 5'h10;
				@(posedge clk);
				allocate_rw = 1'h1;
				finalize_valid = 1'b1;
				finalize_id = 5'h10;
				@(posedge clk);
			end
			5: begin
				allocate_valid = 1'h1;
				allocate_addr = '0;
				allocate_data = 56'hfe4b010a4cab62;
				finalize_valid = '1;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_addr = '1;
				allocate_rw = 1'h1;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_addr = 10'h155;
				finalize_valid = 1'h1;
				@(posedge clk);
			end
			6: begin
				allocate_addr = 10'h155;
				allocate_rw = 1'h1;
				allocate_data = 56'h55555555555555;
				finalize_valid = '0;
				@(posedge clk);
				allocate_valid = 1'h0;
				allocate_rw = 1'h1;
				allocate_data = 56'h55555555555555;
				@(posedge clk);
				allocate_valid = '1;
				allocate_addr = 10'h155;
				allocate_rw = 1'h1;
				allocate_data = 56'hadf47c074be33;
				finalize_valid = 1'h1;
				finalize_id = 5'h1f;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_rw = 1'd0;
				allocate_data = 56'h10000000000;
				finalize_valid = 1'h1;
				@(posedge clk);
			end
			7: begin
				allocate_valid = 1'b0;
				allocate_rw = 1'h1;
				allocate_data = 56'h55555555555555;
				finalize_valid = '0;
				finalize_id = 5'h1f;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_addr = '1;
				allocate_rw = 1'h1;
				finalize_valid = 1'b0;
				@(posedge clk);
				allocate_addr = 10'hc0;
				allocate_rw = '1;
				finalize_id = 5'h10;
				@(posedge clk);
				allocate_valid = 1'h0;
				allocate_rw = 1'h0;
				allocate_data = '1;
				finalize_valid = '1;
				finalize_id = '1;
				@(posedge clk);
				allocate_rw = '1;
				allocate_data = 56'h9a966501d0fc8f;
				finalize_id = 5'h15;
				@(posedge clk);
				allocate_addr = 10'h0;
				allocate_rw = '1;
				@(posedge clk);
				allocate_valid = '1;
				allocate_addr = '1;
				allocate_data = 56'hc3e6ebe92b7262;
				finalize_valid = 1'h1;
				finalize_id = '0;
				@(posedge clk);
				allocate_data = 56'h484b13f235d742;
				finalize_id = 5'h4;
				@(posedge clk);
			end
			8: begin
				allocate_valid = '1;
				finalize_valid = 1'b1;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_addr = '0;
				allocate_rw = 1'b0;
				finalize_id = 5'h1f;
				@(posedge clk);
				allocate_addr = 10'h3ff;
				allocate_rw = 1'h1;
				finalize_valid = '0;
				finalize_id = '1;
				@(posedge clk);
			end
			9: begin
				allocate_valid = 1'h1;
				allocate_addr = 10'h155;
				allocate_rw = 1'h1;
				allocate_data = 56'h0;
				finalize_valid = 1'h1;
				@(posedge clk);
				allocate_valid = 1'h1;
				allocate_addr = 10'd0;
				allocate_rw = 1'h1;
				allocate_data = '1;
				finalize_valid = '1;
				finalize_id = 5'h2;
				@(posedge clk);
				allocate_addr = '1;
				allocate_rw = 1'd0;
				allocate_data = 56'hd871a8e6950a92;
				finalize_valid = 1'h1;
				finalize_id = 5'h7;
				@(posedge clk);
				allocate_rw = 1'h1;
				allocate_data = 56'heb4ef50c2f8181;
				finalize_valid = 1'h0;
				@(posedge clk);
				allocate_valid = 1'b1;
				allocate_addr = 10'h200;
				allocate_rw = 1'b0;
				allocate_data = 56'h6725a7ef13b34e;
				finalize_valid = 1'd0;
				@(posedge clk);
			end
			default: begin
				allocate_valid = '0;
				allocate_addr = 10'd0;
				allocate_rw = '0;
				allocate_data = 56'd0;
				finalize_valid = 1'h0;
				finalize_id = 5'd0;
				@(posedge clk);
			end
		endcase
	endtask

	always @(negedge clk) begin
		if (checks_enabled && !reset) begin
			if ($isunknown(allocate_ready)) begin
				$error("[%0t] allocate_ready is unknown: %b", $time, allocate_ready);
				errors++;
			end
			if ($isunknown(allocate_id)) begin
				$error("[%0t] allocate_id is unknown: %b", $time, allocate_id);
				errors++;
			end
			if ($isunknown(allocate_pending)) begin
				$error("[%0t] allocate_pending is unknown: %b", $time, allocate_pending);
				errors++;
			end
			if ($isunknown(allocate_previd)) begin
				$error("[%0t] allocate_previd is unknown: %b", $time, allocate_previd);
				errors++;
			end
		end
	end

	// Light-weight monitor (every 64th cycle, keeps the log short)
	int unsigned cycle_count = 0;
	always @(posedge clk) begin
		cycle_count <= cycle_count + 1;
		if (verbose && cycle_count % 64 == 0) $display("[%0t] allocate_ready=%0h allocate_id=%0h allocate_pending=%0h allocate_previd=%0h", $time, allocate_ready, allocate_id, allocate_pending, allocate_previd);
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
		for (int p = 0; p < 11; p++) directed_pattern(p);
		fork
			control_thread(150);
			data_thread(300);
		join
		-> phase_done;
		// Second phase: stimulus while waiting for a quiet period, bounded
		fork
			data_thread(64);
			control_thread(32);
		join_none
		wait fork;
		// Walking ones on allocate_addr
		for (int bit_idx = 0; bit_idx < $bits(allocate_addr); bit_idx++) begin
			allocate_addr = '0;
			allocate_addr[bit_idx] = 1'b1;
			@(posedge clk);
		end
		// Walking ones on allocate_data
		for (int bit_idx = 0; bit_idx < $bits(allocate_data); bit_idx++) begin
			allocate_data = '0;
			allocate_data[bit_idx] = 1'b1;
			@(posedge clk);
		end
		// Walking ones on finalize_id
		for (int i = 0; i < $bits(finalize_id); i++) begin
			finalize_id = '0;
			finalize_id[i] = 1'b1;
			@(posedge clk);
		end
		// Sweep allocate_addr with every other input random, a few passes
		repeat (4) begin
			for (int k = 0; k < 64; k++) begin
				allocate_addr = k;
				allocate_valid = 1'($urandom);
				allocate_rw = $urandom % 2;
				allocate_data = {$urandom, $urandom};
				finalize_valid = 1'($urandom);
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
