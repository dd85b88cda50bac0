// Class-based constrained-random testbench with a scoreboard: generic_counter
`timescale 1ns/1ps

module tb_generic_counter;

	// Parameters (defaults of the DUT)
	localparam N = 8;

	localparam int CLK_PERIOD = 10;
	localparam int NUM_RANDOM = 200;

	// DUT inputs
	reg clk_in;
	reg rst_in;
	reg [2:0] mode_in;
	reg enable_in;
	reg [N-1:0] ref_modulo;

	// DUT outputs
	wire [N-1:0] o_count;

	// Device under test
	generic_counter uut (
		.clk_in(clk_in),
		.rst_in(rst_in),
		.mode_in(mode_in),
		.enable_in(enable_in),
		.ref_modulo(ref_modulo),
		.o_count(o_count)
	);

	// Clock generation
	initial clk_in = 0;
	always #(CLK_PERIOD/2) clk_in = ~clk_in;

	int error_count = 0;
	int check_count = 0;
	bit checks_enabled = 0;
	bit verbose = 1;

	// Transaction: one set of DUT input values
	class generic_counter_item;
		rand logic [2:0] mode_in;
		rand logic enable_in;
		rand logic [N-1:0] ref_modulo;
		int id;
		static int next_id = 0;

		// Bias mode_in towards its corner values
		constraint c_mode_in_dist {
			mode_in dist { 0 := 10, [1:6] :/ 80, 7 := 10 };
		}

		constraint c_enable_in_mostly_on { enable_in dist { 1 := 7, 0 := 3 }; }

		function new();
			id = next_id++;
		endfunction

		function void display(string tag = "TXN");
			$display("[%s] #%0d mode_in=%0h enable_in=%0h ref_modulo=%0h", tag, id, mode_in, enable_in, ref_modulo);
		endfunction

		function generic_counter_item copy();
			copy = new();
			copy.mode_in = this.mode_in;
			copy.enable_in = this.enable_in;
			copy.ref_modulo = this.ref_modulo;
		endfunction
	endclass

	// Scoreboard: keeps what was sent and what came out, reports statistics
	class scoreboard;
		generic_counter_item sent_q[$];
		logic [N-1:0] observed_q[$];
		int unsigned num_sent;
		int unsigned num_changes;
		int unsigned num_mismatch;

		function void push(generic_counter_item t);
			sent_q.push_back(t.copy());
			num_sent++;
			if (sent_q.size() > 64) void'(sent_q.pop_front());
		endfunction

		function void observe(logic [N-1:0] value);
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

	generic_counter_item tr;
	scoreboard sb;

	task automatic drive(generic_counter_item t);
		mode_in = t.mode_in;
		enable_in = t.enable_in;
		ref_modulo = t.ref_modulo;
		@(posedge clk_in);
		sb.observe(o_count);
		sb.push(t);
		check_count++;
		if (verbose) t.display("DRV");
	endtask

	task automatic reset_dut(input int cycles = 3);
		begin
			mode_in = '0;
			enable_in = '0;
			ref_modulo = '0;
			rst_in = 1'b1;
			repeat (cycles) @(posedge clk_in);
			rst_in = 1'b0;
			@(posedge clk_in);
			$display("[%0t] reset done", $time);
		end
	endtask

	always @(negedge clk_in) begin
		if (checks_enabled && !rst_in) begin
			if ($isunknown(o_count)) begin
				$error("[%0t] o_count is unknown: %b", $time, o_count);
				error_count++;
			end
		end
	end

	// Light-weight monitor (every 64th cycle, keeps the log short)
	int unsigned cycle_count = 0;
	always @(posedge clk_in) begin
		cycle_count <= cycle_count + 1;
		if (verbose && cycle_count % 64 == 0) $display("[%0t] o_count=%0h", $time, o_count);
	end

	localparam longint TIMEOUT_NS = 5_000_000;
	initial begin : watchdog
		#(TIMEOUT_NS);
		$fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
	end

	initial begin
		tr = new();
		sb = new();
		reset_dut();
		checks_enabled = 1;

		// Phase 1: unconstrained random
		repeat (NUM_RANDOM / 4) begin
			if (!tr.randomize()) begin
				$error("randomize() failed");
				error_count++;
			end
			drive(tr);
		end

		// Phase 2: ref_modulo constrained (ref_modulo > 127)
		for (int n = 0; n < 24; n++) begin
			if (!tr.randomize() with { ref_modulo > 127; }) $error("constrained randomize failed");
			drive(tr);
		end

		// Phase 3: ref_modulo constrained (ref_modulo inside {0, 255})
		for (int n = 0; n < 24; n++) begin
			if (!tr.randomize() with { ref_modulo inside {0, 255}; }) $error("constrained randomize failed");
			drive(tr);
		end

		// Phase 4: ref_modulo constrained (ref_modulo > 127)
		for (int n = 0; n < 16; n++) begin
			if (!tr.randomize() with { ref_modulo > 127; }) $error("constrained randomize failed");
			drive(tr);
		end

		// Directed corners
		mode_in = 3'h0;
		enable_in = 1'h0;
		ref_modulo = '0;
		repeat (1) @(posedge clk_in);
		mode_in = '1;
		enable_in = '1;
		ref_modulo = 8'hff;
		repeat (1) @(posedge clk_in);
		mode_in = 3'h5;
		enable_in = 1'h1;
		ref_modulo = 8'h55;
		repeat (3) @(posedge clk_in);
		mode_in = 3'h4;
		enable_in = 1'b1;
		ref_modulo = 8'h6e;
		repeat (4) @(posedge clk_in);
		mode_in = 3'h1;
		enable_in = 1'h1;
		ref_modulo = 8'h80;
		repeat (4) @(posedge clk_in);
		// Walking ones on mode_in
		for (int n = 0; n < $bits(mode_in); n++) begin
			mode_in = '0;
			mode_in[n] = 1'b1;
			@(posedge clk_in);
		end
		// Walking ones on ref_modulo
		for (int k = 0; k < $bits(ref_modulo); k++) begin
			ref_modulo = '0;
			ref_modulo[k] = 1'b1;
			@(posedge clk_in);
		end
		// Sweep mode_in with every other input random, a few passes
		repeat (2) begin
			for (int k = 0; k < 8; k++) begin
				mode_in = k;
				enable_in = $urandom_range(0, 1);
				ref_modulo = 8'($urandom);
				@(posedge clk_in);
			end
		end
		// Reset in the middle of traffic
		fork
			begin
				repeat (20) begin void'(tr.randomize()); drive(tr); end
			end
			begin
				repeat (7) @(posedge clk_in);
				rst_in = 1'b1;
				repeat (2) @(posedge clk_in);
				rst_in = 1'b0;
			end
		join

		sb.report();
		$display("checks: %0d, errors: %0d", check_count, error_count);
		if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
		$finish;
	end

endmodule
