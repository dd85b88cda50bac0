// ==============================================================================
// Testbench for alu
// Layered testbench with parallel stimulus threads, assertions and functional coverage
// Instance name "dut" is required by the coverage flow.
// ==============================================================================
`timescale 1ns/1ps

module tb_alu_top;

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
  alu #(
    .WIDTH(WIDTH)
  ) dut (
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
      #(cycles * 10);
      #1;
      $display("[%0t] reset done", $time);
    end
  endtask

  task automatic control_thread(input int n);
    repeat (n) begin
      op = 4'($urandom);
      carry_in = $urandom_range(0, 1);
      repeat ($urandom_range(1, 4)) #10;
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      a = 8'($urandom);
      b = $random;
      vectors++;
      #10;
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        a = 8'hff;
        b = 8'h20;
        op = 4'h4;
        carry_in = 1'h1;
        #10;
        a = 8'h4;
        carry_in = 1'h1;
        #10;
        a = '0;
        b = 8'h20;
        op = 4'h0;
        #10;
        a = 8'h55;
        b = 8'd0;
        carry_in = 1'h1;
        #10;
        a = 8'hff;
        b = 8'h55;
        #10;
        a = 8'h8;
        b = 8'h40;
        #10;
        a = 8'h55;
        b = 8'h68;
        #10;
      end
      1: begin
        a = 8'd0;
        b = 8'h55;
        op = 4'h5;
        carry_in = '1;
        #10;
        a = 8'hff;
        op = 4'h5;
        carry_in = 1'h1;
        #10;
        a = 8'h10;
        b = 8'h4;
        carry_in = 1'h1;
        #10;
        b = 8'h40;
        #10;
        op = 4'h1;
        #10;
        a = 8'd0;
        b = 8'hff;
        op = '0;
        #10;
        a = 8'h20;
        b = 8'h80;
        op = 4'h4;
        carry_in = 1'h1;
        #10;
        carry_in = '0;
        #10;
      end
      2: begin
        a = '1;
        b = 8'hff;
        carry_in = 1'b0;
        #10;
        op = 4'hb;
        carry_in = 1'h1;
        #10;
        a = 8'h0;
        b = 8'hff;
        op = 4'h5;
        carry_in = 1'b1;
        #10;
        a = 8'h80;
        carry_in = 1'b1;
        #10;
      end
      3: begin
        a = 8'd0;
        b = 8'hff;
        carry_in = 1'b1;
        #10;
        a = 8'h55;
        b = 8'd0;
        op = '0;
        #10;
        op = 4'h1;
        #10;
      end
      4: begin
        b = 8'h55;
        carry_in = 1'b0;
        #10;
        b = 8'h55;
        op = 4'h0;
        carry_in = 1'h1;
        #10;
        b = '1;
        op = 4'h2;
        #10;
        a = 8'h0;
        b = 8'h8;
        carry_in = 1'h1;
        #10;
        a = 8'd0;
        op = '1;
        carry_in = 1'b0;
        #10;
        a = '1;
        b = '0;
        carry_in = 1'h1;
        #10;
        op = '0;
        #10;
        a = 8'h8a;
        #10;
      end
      5: begin
        a = 8'h4d;
        b = 8'hff;
        carry_in = 1'd0;
        #10;
        b = 8'h0;
        op = '0;
        carry_in = 1'h1;
        #10;
        a = 8'h71;
        b = 8'h14;
        op = 4'h0;
        carry_in = 1'h1;
        #10;
        a = '1;
        op = 4'h5;
        carry_in = '0;
        #10;
        b = 8'h80;
        #10;
      end
      6: begin
        a = '1;
        op = 4'h4;
        #10;
        op = '1;
        #10;
        b = '1;
        op = 4'hf;
        carry_in = '0;
        #10;
        a = 8'h55;
        #10;
        a = 8'h4;
        #10;
        a = 8'd0;
        b = 8'hff;
        carry_in = '0;
        #10;
        a = '1;
        b = 8'h5b;
        carry_in = 1'h1;
        #10;
        a = '0;
        b = 8'd0;
        #10;
      end
      default: begin
        a = '0;
        b = 8'h0;
        op = 4'd0;
        carry_in = 1'h0;
        #10;
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

  // Watchdog: never hang the regression
  initial begin
    #1_000_000;
    $display("ERROR: watchdog timeout at %0t", $time);
    $finish;
  end

  initial begin
    reset_phase();
    checks_enabled = 1;
    for (int p = 0; p < 8; p++) directed_pattern(p);
    fork
      control_thread(100);
      data_thread(500);
    join
    -> phase_done;
    // Second phase: stimulus while waiting for a quiet period, bounded
    fork
      data_thread(64);
      control_thread(32);
    join_none
    wait fork;
    // Walking ones on a
    for (int i = 0; i < $bits(a); i++) begin
      a = '0;
      a[i] = 1'b1;
      #10;
    end
    // Walking ones on b
    for (int bit_idx = 0; bit_idx < $bits(b); bit_idx++) begin
      b = '0;
      b[bit_idx] = 1'b1;
      #10;
    end
    // Walking ones on op
    for (int k = 0; k < $bits(op); k++) begin
      op = '0;
      op[k] = 1'b1;
      #10;
    end
    // Sweep a with every other input random, a few passes
    repeat (4) begin
      for (int k = 0; k < 64; k++) begin
        a = k;
        b = $random;
        op = $urandom_range(0, 15);
        carry_in = $urandom % 2;
        #10;
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
