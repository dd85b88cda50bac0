// Layered testbench with parallel stimulus threads, assertions and functional coverage: gf_mac
`timescale 1ns / 1ps

module test_gf_mac;

	// Parameters (defaults of the DUT)
	localparam WIDTH = 32;

	localparam int NUM_RANDOM = 300;

	// DUT inputs
	reg reset;
	reg enable;
	reg pass_through;
	reg [WIDTH-1:0] a;
	reg [WIDTH-1:0] b;

	// DUT outputs
	wire [7:0] result;
	wire valid_result;
	wire ready;
	wire error_flag;

	// Device under test
	gf_mac #(
		.WIDTH(WIDTH)
	) uut (
		.reset(reset),
		.enable(enable),
		.pass_through(pass_through),
		.a(a),
		.b(b),
		.result(result),
		.valid_result(valid_result),
		.ready(ready),
		.error_flag(error_flag)
	);

	int unsigned errors = 0;
	int unsigned vectors = 0;
	bit checks_enabled = 0;
	bit verbose = 0;
	event phase_done;

	task automatic reset_phase(input int cycles = 3);
		begin
			enable = '0;
			pass_through = '0;
			a = '0;
			b = '0;
			reset = 1'b1;
			#(cycles * 20);
			reset = 1'b0;
			#1;
			$display("[%0t] reset done", $time);
		end
	endtask

	task automatic control_thread(input int n);
		repeat (n) begin
			enable = $urandom_range(0, 1);
			pass_through = $urandom_range(0, 1);
			repeat ($urandom_range(1, 4)) #20;
		end
	endtask

	task automatic data_thread(input int n);
		int i;
		i = 0;
		while (i < n) begin
			a = $urandom;
			b = $urandom;
			vectors++;
			#20;
			i++;
		end
	endtask

	task automatic directed_pattern(input int which);
		case (which)
			0: begin
				enable = 1'b0;
				b = 32'hffffffff;
				#20;
				enable = '1;
				pass_through = 1'h1;
				a = 32'h55555555;
				b = 32'h0;
				#20;
				pass_through = 1'h1;
				a = '1;
				b = '0;
				#20;
				enable = 1'h0;
				a = 32'h55555555;
				b = 32'h83b6c570;
				#20;
				b = '1;
				#20;
			end
			1: begin
				a = 32'h605f04a8;
				#20;
				pass_through = 1'h1;
				a = 32'h8467eff2;
				b = 32'h10000;
				#20;
				pass_through = 1'h1;
				a = 32'hffffffff;
				#20;
				enable = 1'h1;
				a = 32'h40;
				#20;
				pass_through = '1;
				b = 32'd0;
				#20;
				enable = 1'b0;
				pass_through = 1'h1;
				a = 32'h8000000;
				b = 32'h4000000;
				#20;
				b = 32'h0;
				#20;
			end
			2: begin
				enable = '1;
				pass_through = 1'h1;
				a = 32'h251bafa3;
				b = 32'h666ea4d9;
				#20;
				enable = 1'h0;
				a = 32'h1c02c3bc;
				b = 32'h2;
				#20;
				enable = 1'h0;
				pass_through = 1'h1;
				a = 32'h0;
				#20;
				#20;
				b = 32'd0;
				#20;
				#20;
			end
			3: begin
				enable = 1'h1;
				#20;
				pass_through = '0;
				#20;
				enable = 1'b0;
				#20;
				pass_through = 1'h1;
				a = 32'h0;
				#20;
			end
			4: begin
				a = 32'hc73f06;
				b = 32'h0;
				#20;
				enable = 1'b0;
				pass_through = 1'h1;
				#20;
				enable = 1'h1;
				pass_through = 1'h1;
				a = '0;
				b = 32'hffffffff;
				#20;
				#20;
			end
			5: begin
				enable = 1'd0;
				b = 32'h8;
				#20;
				enable = '0;
				pass_through = 1'b0;
				b = 32'h9230c1bf;
				#20;
				enable = '1;
				pass_through = 1'h1;
				b = '1;
				#20;
				enable = '1;
				pass_through = 1'b0;
				b = 32'hffffffff;
				#20;
			end
			6: begin
				#20;
				enable = 1'h1;
				a = 32'hf8872b13;
				#20;
				enable = 1'd0;
				pass_through = 1'b0;
				a = 32'h55555555;
				b = 32'd0;
				#20;
				b = 32'd0;
				#20;
				enable = 1'h0;
				pass_through = 1'h0;
				a = 32'h4f9bb6f7;
				b = 32'h100000;
				#20;
				pass_through = '1;
				a = 32'h20;
				b = 32'h55555555;
				#20;
				#20;
				enable = 1'd0;
				pass_through = 1'b0;
				a = '1;
				b = 32'hffffffff;
				#20;
			end
			7: begin
				pass_through = 1'h1;
				a = 32'h55555555;
				b = 32'h4000;
				#20;
				enable = 1'h1;
				b = 32'h4;
				#20;
				a = 32'h55555555;
				b = 32'hab33f48c;
				#20;
				enable = 1'h1;
				a = 32'h7c31ebc7;
				b = 32'h55555555;
				#20;
				enable = 1'b0;
				b = 32'h55555555;
				#20;
			end
			default: begin
				enable = 1'd0;
				pass_through = 1'h0;
				a = '0;
				b = 32'h0;
				#20;
			end
		endcase
	endtask

	always @(*) begin
		if (checks_enabled) begin
			if ($isunknown(result)) begin
				$error("[%0t] result is unknown: %b", $time, result);
				errors++;
			end
			if ($isunknown(valid_result)) begin
				$error("[%0t] valid_result is unknown: %b", $time, valid_result);
				errors++;
			end
			if ($isunknown(ready)) begin
				$error("[%0t] ready is unknown: %b", $time, ready);
				errors++;
			end
			if ($isunknown(error_flag)) begin
				$error("[%0t] error_flag is unknown: %b", $time, error_flag);
				errors++;
			end
		end
	end

	initial begin
		#(1_000_000) $error("Timeout! The test did not finish");
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
		// Walking ones on a
		for (int bit_idx = 0; bit_idx < $bits(a); bit_idx++) begin
			a = '0;
			a[bit_idx] = 1'b1;
			#20;
		end
		// Walking ones on b
		for (int n = 0; n < $bits(b); n++) begin
			b = '0;
			b[n] = 1'b1;
			#20;
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
