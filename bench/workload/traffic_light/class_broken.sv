// ========================================================================
// Testbench for traffic_light
// Class-based constrained-random testbench with a scoreboard
// Instance name "dut" is required by the coverage flow.
// ========================================================================
`timescale 1ns / 1ps

module tb;

	// Parameters (defaults of the DUT)
	localparam NS_MIN_GREEN = 8;
	localparam EW_MAX_GREEN = 6;
	localparam YELLOW_TIME = 3;
	localparam ALL_RED_TIME = 2;
	localparam WALK_TIME = 5;

	localparam int CLK_PERIOD = 8;
	localparam int NUM_RANDOM = 500;

	// DUT inputs
	reg clk;
	reg rst_n;
	reg car_ew;
	reg ped_btn;
	reg emergency;

	// DUT outputs
	wire [2:0] ns_light;
	wire [2:0] ew_light;
	wire walk;
	wire ped_wait;

	// Device under test
	traffic_light #(
		.NS_MIN_GREEN(NS_MIN_GREEN),
		.EW_MAX_GREEN(EW_MAX_GREEN),
		.ALL_RED_TIME(ALL_RED_TIME),
		.WALK_TIME(WALK_TIME)
	) dut (
		.clk(clk),
		.rst_n(rst_n),
		.car_ew(car_ew),
		.ped_btn(ped_btn),
		.emergency(emergency),
		.ns_light(ns_light),
		.ew_light(ew_light),
		.walk(walk),
		.ped_wait(ped_wait)
	);

	// Clock generation
	initial begin
		clk = 1'b0;
		forever #(CLK_PERIOD/2) clk = ~clk;
	end

	int error_count_total = 0;
	int check_count = 0;
	bit checks_enabled = 0;
	bit verbose = 0;

	// Transaction: one set of DUT input values
	class traffic_light_transaction;
		rand logic car_ew;
		rand logic ped_btn;
		rand logic emergency;
		int id;
		static int next_id = 0;

		constraint c_car_ew_mostly_on { car_ew dist { 1 := 7, 0 := 3 }; }

		function new();
			id = next_id++;
		endfunction

		function void display(string tag = "TXN");
			$display("[%s] #%0d car_ew=%0h ped_btn=%0h emergency=%0h", tag, id, car_ew, ped_btn, emergency);
		endfunction

		function traffic_light_transaction copy();
			copy = new();
			copy.car_ew = this.car_ew;
			copy.ped_btn = this.ped_btn;
			copy.emergency = this.emergency;
		endfunction
	endclass

	// Scoreboard: keeps what was sent and what came out, reports statistics
	class traffic_light_scoreboard;
		traffic_light_transaction sent_q[$];
		logic [2:0] observed_q[$];
		int unsigned num_sent;
		int unsigned num_changes;
		int unsigned num_mismatch;

		function void push(traffic_light_transaction t);
			sent_q.push_back(t.copy());
			num_sent++;
			if (sent_q.size() > 64) void'(sent_q.pop_front());
		endfunction

		function void observe(logic [2:0] value);
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

	traffic_light_transaction tr;
	traffic_light_scoreboard sb;

	task automatic drive(traffic_light_transaction t);
		car_ew = t.car_ew;
		ped_btn = t.ped_btn;
		emergency = t.emergency;
		@(posedge clk);
		sb.observe(ns_light);
		sb.push(t);
		check_count++;
		if (verbose) t.display("DRV");
	endtask

	task automatic reset_dut(input int cycles = 2);
		begin
			car_ew = '0;
			ped_btn = '0;
			emergency = '0;
			rst_n = 1'b0;
			repeat (cycles) @(posedge clk);
			rst_n = 1'b1;
			@(posedge clk);
			$display("[%0t] reset done", $time);
		end
	endtask

	always @(negedge clk) begin
		if (checks_enabled && rst_n) begin
			if ($isunknown(ns_light)) begin
				$error("[%0t] ns_light is unknown: %b", $time, ns_light);
				error_count++;
			end
			if ($isunknown(ew_light)) begin
				$error("[%0t] ew_light is unknown: %b", $time, ew_light);
				error_count++;
			end
			if ($isunknown(walk)) begin
				$error("[%0t] walk is unknown: %b", $time, walk);
				error_count++;
			end
			if ($isunknown(ped_wait)) begin
				$error("[%0t] ped_wait is unknown: %b", $time, ped_wait);
				error_count++;
			end
		end
	end

	// Light-weight monitor (every 64th cycle, keeps the log short)
	int unsigned cycle_count = 0;
	always @(posedge clk) begin
		cycle_count <= cycle_count + 1;
		if (verbose && cycle_count % 64 == 0) $display("[%0t] ns_light=%0h ew_light=%0h walk=%0h ped_wait=%0h", $time, ns_light, ew_light, walk, ped_wait);
	end

	// Watchdog: never hang the regression
	initial begin
		#10_000_000;
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

		// Phase 2: emergency constrained (emergency == 0)
		for (int n = 0; n < 16; n++) begin
			if (!tr.randomize() with { emergency == 0; }) $error("constrained randomize failed");
			drive(tr);
		end

		// Phase 3: emergency constrained (emergency == 1)
		for (int n = 0; n < 24; n++) begin
			if (!tr.randomize() with { emergency == 1; }) $error("constrained randomize failed");
			drive(tr);
		end

		// Phase 4: ped_btn constrained (ped_btn == 1)
		for (int n = 0; n < 24; n++) begin
			if (!tr.randomize() with { ped_btn == 1; }) $error("constrained randomize failed");
			drive(tr);
		end

		// Directed corners
		car_ew = 1'h0;
		ped_btn = '0;
		emergency = '0;
		repeat (1) @(posedge clk);
		car_ew = 1'h1;
		ped_btn = 1'h1;
		emergency = '1;
		repeat (2) @(posedge clk);
		car_ew = 1'h1;
		ped_btn = 1'h1;
		emergency = 1'h1;
		repeat (2) @(posedge clk);
		car_ew = 1'b0;
		ped_btn = 1'b0;
		emergency = 1'b0;
		repeat (4) @(posedge clk);
		car_ew = 1'h1;
		ped_btn = 1'h1;
		emergency = 1'h1;
		repeat (2) @(posedge clk);
		// Reset in the middle of traffic
		fork
			begin
				repeat (20) begin void'(tr.randomize()); drive(tr); end
			end
			begin
				repeat (7) @(posedge clk);
				rst_n = 1'b0;
				repeat (2) @(posedge clk);
				rst_n = 1'b1;
			end
		join

		sb.report();
		$display("checks: %0d, errors: %0d", check_count, error_count);
		if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
		$finish;
	end

endmodule
