/*
 * testbench.sv
 * Class-based constrained-random testbench with a scoreboard for the sp_ram_be module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns / 1ps

module testbench;

	// Parameters (defaults of the DUT)
	localparam DEPTH = 48;
	localparam ADDR_W = 6;

	localparam int CLK_PERIOD = 10;
	localparam int NUM_RANDOM = 256;

	// DUT inputs
	reg clk;
	reg rst_n;
	reg cs;
	reg we;
	reg [ADDR_W-1:0] addr;
	reg [ 3:0] be;
	reg [ 31:0] wdata;

	// DUT outputs
	wire [ 31:0] rdata;
	wire rvalid;
	wire err;

	// Device under test
	sp_ram_be #(
		.DEPTH(DEPTH),
		.ADDR_W(ADDR_W)
	) dut (
		.clk(clk),
		.rst_n(rst_n),
		.cs(cs),
		.we(we),
		.addr(addr),
		.be(be),
		.wdata(wdata),
		.rdata(rdata),
		.rvalid(rvalid),
		.err(err)
	);

	// Clock generation
	initial clk = 0;
	always #(CLK_PERIOD/2) clk = ~clk;

	int error_count = 0;
	int check_count = 0;
	bit checks_enabled = 0;
	bit verbose = 0;

	// Transaction: one set of DUT input values
	class sp_ram_be_transaction;
		rand logic cs;
		rand logic we;
		rand logic [ADDR_W-1:0] addr;
		rand logic [ 3:0] be;
		rand logic [ 31:0] wdata;
		int id;
		static int next_id = 0;

		// Bias addr towards its corner values
		constraint c_addr_dist {
			addr dist { 0 := 10, [1:62] :/ 80, 63 := 10 };
		}

		constraint c_cs_mostly_on { cs dist { 1 := 7, 0 := 3 }; }

		function new();
			id = next_id++;
		endfunction

		function void display(string tag = "TXN");
			$display("[%s] #%0d cs=%0h we=%0h addr=%0h be=%0h wdata=%0h", tag, id, cs, we, addr, be, wdata);
		endfunction

		function sp_ram_be_transaction copy();
			copy = new();
			copy.cs = this.cs;
			copy.we = this.we;
			copy.addr = this.addr;
			copy.be = this.be;
			copy.wdata = this.wdata;
		endfunction
	endclass

	// Scoreboard: keeps what was sent and what came out, reports statistics
	class sb_t;
		sp_ram_be_transaction sent_q[$];
		logic [ 31:0] observed_q[$];
		int unsigned num_sent;
		int unsigned num_changes;
		int unsigned num_mismatch;

		function void push(sp_ram_be_transaction t);
			sent_q.push_back(t.copy());
			num_sent++;
			if (sent_q.size() > 64) void'(sent_q.pop_front());
		endfunction

		function void observe(logic [ 31:0] value);
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

	sp_ram_be_transaction tr;
	sb_t sb;

	task automatic drive(sp_ram_be_transaction t);
		cs = t.cs;
		we = t.we;
		addr = t.addr;
		be = t.be;
		wdata = t.wdata;
		@(posedge clk);
		sb.observe(rdata);
		sb.push(t);
		check_count++;
		if (verbose) t.display("DRV");
	endtask

	task automatic do_reset(input int cycles = 4);
		begin
			cs = '0;
			we = '0;
			addr = '0;
			be = '0;
			wdata = '0;
			rst_n = 1'b0;
			repeat (cycles) @(posedge clk);
			rst_n = 1'b1;
			@(posedge clk);
			$display("[%0t] reset done", $time);
		end
	endtask

	always @(negedge clk) begin
		if (checks_enabled && rst_n) begin
			if ($isunknown(rdata)) begin
				$error("[%0t] rdata is unknown: %b", $time, rdata);
				error_count++;
			end
			if ($isunknown(rvalid)) begin
				$error("[%0t] rvalid is unknown: %b", $time, rvalid);
				error_count++;
			end
			if ($isunknown(err)) begin
				$error("[%0t] err is unknown: %b", $time, err);
				error_count++;
			end
		end
	end

	// Light-weight monitor (every 64th cycle, keeps the log short)
	int unsigned cycle_count = 0;
	always @(posedge clk) begin
		cycle_count <= cycle_count + 1;
		if (verbose && cycle_count % 64 == 0) $display("[%0t] rdata=%0h rvalid=%0h err=%0h", $time, rdata, rvalid, err);
	end

	initial begin
		#(5_000_000) $error("Timeout! The test did not finish");
		$finish;
	end

	initial begin
		tr = new();
		sb = new();
		do_reset();
		checks_enabled = 1;

		// Phase 1: unconstrained random
		repeat (NUM_RANDOM) begin
			if (!tr.randomize()) begin
				$error("randomize() failed");
				error_count++;
			end
			drive(tr);
		end

		// Phase 2: cs constrained (cs == 1)
		for (int n = 0; n < 32; n++) begin
			if (!tr.randomize() with { cs == 1; }) $error("constrained randomize failed");
			drive(tr);
		end

		// Phase 3: be constrained (be < 3)
		for (int n = 0; n < 50; n++) begin
			if (!tr.randomize() with { be < 3; }) $error("constrained randomize failed");
			drive(tr);
		end

		// Phase 4: be constrained (be inside {[1:7]})
		for (int n = 0; n < 20; n++) begin
			if (!tr.randomize() with { be inside {[1:7]}; }) $error("constrained randomize failed");
			drive(tr);
		end

		// Directed corners
		cs = 1'd0;
		we = 1'd0;
		addr = 6'h0;
		be = 4'h0;
		wdata = 32'd0;
		repeat (3) @(posedge clk);
		cs = 1'h1;
		we = '1;
		addr = 6'h3f;
		be = 4'hf;
		wdata = 32'hffffffff;
		repeat (2) @(posedge clk);
		cs = 1'h1;
		we = 1'h1;
		addr = 6'h15;
		be = 4'h5;
		wdata = 32'h55555555;
		repeat (2) @(posedge clk);
		cs = 1'b0;
		we = 1'b0;
		addr = 6'h1b;
		be = 4'hf;
		wdata = 32'ha1dd4471;
		repeat (1) @(posedge clk);
		cs = 1'h1;
		we = 1'h1;
		addr = 6'h1;
		be = 4'h2;
		wdata = 32'h4;
		repeat (2) @(posedge clk);
		// Walking ones on addr
		for (int k = 0; k < $bits(addr); k++) begin
			addr = '0;
			addr[k] = 1'b1;
			@(posedge clk);
		end
		// Walking ones on be
		for (int bit_idx = 0; bit_idx < $bits(be); bit_idx++) begin
			be = '0;
			be[bit_idx] = 1'b1;
			@(posedge clk);
		end
		// Walking ones on wdata
		for (int bit_idx = 0; bit_idx < $bits(wdata); bit_idx++) begin
			wdata = '0;
			wdata[bit_idx] = 1'b1;
			@(posedge clk);
		end
		// Sweep addr with every other input random, a few passes
		repeat (3) begin
			for (int k = 0; k < 64; k++) begin
				addr = k;
				cs = $urandom % 2;
				we = $urandom % 2;
				be = 4'($urandom);
				wdata = $urandom;
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
