// Layered testbench with parallel stimulus threads, assertions and functional coverage: alu
`timescale 1ns / 1ps

module alu_tb;

	// Parameters (defaults of the DUT)
	localparam WIDTH = 8;

	localparam int NUM_RANDOM = 300;

	// DUT inputs
	logic [WIDTH-1:0] a;
	logic [WIDTH-1:0] b;
	logic [ 3:0] op;
	logic carry_in;

	// DUT outputs
	logic [WIDTH-1:0] result;
	logic zero;
	logic carry;
	logic overflow;
	logic negative;
	logic invalid_op;

	// Device under test
	alu dut (
		.a(a),
		.b(b),
		.op(op),
		.carry_in(carry_in),
		.result(result),
		.zero(zero),
		.carry(carry),
		.overflow(overflow),
		.negative(negative),
		.invalid_op(invalid_op)
	);

	int unsigned errors = 0;
	int unsigned vectors = 0;
	bit checks_enabled = 0;
	bit verbose = 0;
	event phase_done;

	task automatic reset_phase(input int cycles = 5);
		begin
			a = '0;
			b = '0;
			op = '0;
			carry_in = '0;
			#(cycles * 20);
			#1;
			$display("[%0t] reset done", $time);
		end

	task automatic control_thread(input int n);
		repeat (n) begin
			op = $urandom_range(0, 15);
			carry_in = $urandom % 2;
			repeat ($urandom_range(1, 4)) #20;
		end
	endtask

	task automatic data_thread(input int n);
		int i;
		i = 0;
		while (i < n) begin
			a = $urandom_range(0, 255);
			b = $urandom;
			vectors++;
			#20;
			i++;
		end
	endtask

	task automatic directed_pattern(input int which);
		case (which)
			0: begin
				a = 8'h8c;
				op = '0;
				#20;
				b = '1;
				op = 4'he;
				carry_in = 1'h1;
				#20;
				b = 8'hd3;
				op = 4'hf;
				#20;
				a = 8'd0;
				b = 8'h84;
				carry_in = 1'h1;
				#20;
				a = 8'h7a;
				b = 8'h4;
				op = 4'h0;
				carry_in = '0;
				#20;
			end
			1: begin
				a = 8'h46;
				#20;
				a = 8'h55;
				b = 8'hff;
				carry_in = 1'h1;
				#20;
				a = '1;
				b = 8'h32;
				op = 4'h0;
				carry_in = 1'h1;
				#20;
				a = '1;
				b = 8'h4;
				op = 4'hf;
				#20;
				b = 8'ha;
				carry_in = 1'h1;
				#20;
			end
			2: begin
				op = 4'h5;
				#20;
				a = 8'h0;
				#20;
				a = 8'h1;
				b = 8'd0;
				op = 4'hf;
				carry_in = 1'h1;
				#20;
				op = '0;
				carry_in = '1;
				#20;
				b = '0;
				#20;
				a = 8'hb3;
				b = 8'hff;
				op = 4'h0;
				carry_in = 1'h1;
				#20;
				op = 4'h4;
				#20;
				a = 8'h0;
				b = 8'hff;
				op = 4'h4;
				#20;
			end
			3: begin
				b = 8'h55;
				#20;
				a = '0;
				b = 8'h55;
				op = 4'h2;
				carry_in = '0;
				#20;
				#20;
				b = 8'h55;
				op = 4'hc;
				carry_in = 1'h1;
				#20;
				op = 4'h5;
				#20;
				a = '0;
				op = 4'h5;
				carry_in = 1'h0;
				#20;
				a = 8'h9;
				b = 8'd0;
				carry_in = 1'h1;
				#20;
				a = 8'hfe;
				#20;
			end
			4: begin
				a = 8'hf6;
				op = 4'h4;
				#20;
				op = 4'h8;
				carry_in = 1'd0;
				#20;
				a = 8'h83;
				b = 8'h55;
				op = '1;
				#20;
				b = 8'h2;
				#20;
				b = 8'h20;
				op = 4'h1;
				carry_in = 1'h1;
				#20;
				a = 8'h55;
				carry_in = '1;
				#20;
				a = 8'h55;
				b = 8'h55;
				#20;
			end
			5: begin
				b = 8'h6d;
				#20;
				a = '1;
				carry_in = 1'h1;
				#20;
				a = 8'h40;
				b = 8'h55;
				op = 4'hf;
				#20;
				a = '1;
				b = 8'h5f;
				op = 4'hf;
				#20;
			end
			6: begin
				b = 8'h4;
				carry_in = '1;
				#20;
				a = 8'hff;
				carry_in = 1'h1;
				#20;
				a = 8'h55;
				b = 8'h55;
				op = 4'd0;
				carry_in = 1'd0;
				#20;
				a = 8'h55;
				op = 4'h4;
				#20;
			end
			7: begin
				a = 8'h55;
				b = 8'h33;
				#20;
				a = 8'h2;
				b = '0;
				op = 4'h5;
				#20;
				b = 8'h20;
				op = 4'h5;
				carry_in = 1'b1;
				#20;
				carry_in = 1'b0;
				#20;
				a = 8'h55;
				b = 8'h55;
				#20;
				a = 8'h55;
				b = 8'hff;
				op = 4'h0;
				#20;
				a = 8'h5c;
				carry_in = 1'h1;
				#20;
				b = 8'h55;
				op = 4'h4;
				carry_in = 1'b0;
				#20;
			end
			default: begin
				a = 8'h0;
				b = 8'h0;
				op = 4'd0;
				carry_in = 1'h0;
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
			if ($isunknown(zero)) begin
				$error("[%0t] zero is unknown: %b", $time, zero);
				errors++;
			end
			if ($isunknown(carry)) begin
				$error("[%0t] carry is unknown: %b", $time, carry);
				errors++;
			end
			if ($isunknown(overflow)) begin
				$error("[%0t] overflow is unknown: %b", $time, overflow);
				errors++;
			end
			if ($isunknown(negative)) begin
				$error("[%0t] negative is unknown: %b", $time, negative);
				errors++;
			end
			if ($isunknown(invalid_op)) begin
				$error("[%0t] invalid_op is unknown: %b", $time, invalid_op);
				errors++;
			end
		end
	end

	localparam longint TIMEOUT_NS = 2_000_000;
	initial begin : watchdog
		#(TIMEOUT_NS);
		$fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
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
		// Walking ones on a
		for (int bit_idx = 0; bit_idx < $bits(a); bit_idx++) begin
			a = '0;
			a[bit_idx] = 1'b1;
			#20;
		end
		// Walking ones on b
		for (int i = 0; i < $bits(b); i++) begin
			b = '0;
			b[i] = 1'b1;
			#20;
		end
		// Walking ones on op
		for (int n = 0; n < $bits(op); n++) begin
			op = '0;
			op[n] = 1'b1;
			#20;
		end
		// Sweep a with every other input random, a few passes
		repeat (2) begin
			for (int k = 0; k < 64; k++) begin
				a = k;
				b = $urandom;
				op = $urandom_range(0, 15);
				carry_in = $urandom_range(0, 1);
				#20;
			end
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
