// ==============================================================================
// Testbench for gray_codec
// Layered testbench with parallel stimulus threads, assertions and functional coverage
// Instance name "dut" is required by the coverage flow.
// ==============================================================================
`timescale 1ns/1ns

module testbench;

  // Parameters (defaults of the DUT)
  localparam W = 4;

  localparam int NUM_RANDOM = 400;

  // DUT inputs
  logic mode;
  logic [ W-1:0] data_in;
  logic [ W-1:0] ref_in;

  // DUT outputs
  logic [ W-1:0] data_out;
  logic [$clog2(W):0] hamming;
  logic adjacent;
  logic equal;

  // Device under test
  gray_codec dut (
    .mode(mode),
    .data_in(data_in),
    .ref_in(ref_in),
    .data_out(data_out),
    .hamming(hamming),
    .adjacent(adjacent),
    .equal(equal)
  );

  int unsigned errors = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  task automatic reset_phase(input int cycles = 4);
    begin
      mode = '0;
      data_in = '0;
      ref_in = '0;
      #(cycles * 8);
      #1;
      $display("[%0t] reset done", $time);
    end
  endtask

  task automatic control_thread(input int n);
    repeat (n) begin
      mode = 1'($urandom);
      data_in = $urandom;
      ref_in = 4'($urandom);
      repeat ($urandom_range(1, 4)) #8;
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      vectors++;
      #8;
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        #8;
        mode = 1'h1;
        data_in = 4'h1;
        #8;
        mode = 1'h1;
        data_in = 4'h9;
        #8;
      end
      1: begin
        mode = '1;
        ref_in = '0;
        #8;
        mode = 1'b1;
        ref_in = 4'h5;
        #8;
        mode = '1;
        ref_in = '1;
        #8;
      end
      2: begin
        mode = 1'h1;
        data_in = 4'h2;
        #8;
        ref_in = 4'h2;
        #8;
        data_in = 4'h4;
        #8;
      end
      3: begin
        ref_in = 4'h5;
        #8;
        mode = 1'h1;
        data_in = 4'h4;
        ref_in = 4'h5;
        #8;
        mode = 1'h1;
        data_in = 4'hf;
        #8;
        mode = 1'h1;
        ref_in = 4'd0;
        #8;
        mode = 1'd0;
        data_in = 4'h5;
        ref_in = 4'h2;
        #8;
        mode = 1'b1;
        data_in = 4'h1;
        ref_in = 4'h0;
        #8;
      end
      4: begin
        mode = 1'h1;
        data_in = 4'd0;
        ref_in = '1;
        #8;
        mode = 1'h0;
        data_in = 4'h8;
        #8;
        mode = 1'h1;
        data_in = 4'h5;
        ref_in = '1;
        #8;
        mode = '0;
        ref_in = 4'h0;
        #8;
        mode = 1'h1;
        data_in = 4'h2;
        ref_in = 4'h1;
        #8;
        mode = 1'h1;
        data_in = 4'h1;
        #8;
      end
      5: begin
        mode = 1'h1;
        data_in = 4'h2;
        ref_in = 4'hf;
        #8;
        mode = 1'h0;
        data_in = 4'h8;
        #8;
        mode = 1'b0;
        data_in = 4'h8;
        ref_in = 4'h8;
        #8;
        mode = 1'b1;
        data_in = 4'h5;
        ref_in = 4'h1;
        #8;
        mode = 1'h1;
        data_in = 4'hf;
        ref_in = 4'h0;
        #8;
      end
      6: begin
        mode = 1'b1;
        ref_in = 4'h8;
        #8;
        mode = 1'h1;
        data_in = 4'h5;
        #8;
        mode = 1'h1;
        data_in = '1;
        ref_in = '1;
        #8;
        data_in = 4'h5;
        #8;
        #8;
        data_in = 4'd0;
        #8;
      end
      7: begin
        mode = 1'b0;
        #8;
        mode = 1'h1;
        data_in = 4'd0;
        #8;
        mode = '0;
        ref_in = '0;
        #8;
      end
      default: begin
        mode = '0;
        data_in = 4'h0;
        ref_in = '0;
        #8;
      end
    endcase
  endtask

  always @(*) begin
    if (checks_enabled) begin
      if ($isunknown(data_out)) begin
        $error("[%0t] data_out is unknown: %b", $time, data_out);
        errors++;
      end
      if ($isunknown(hamming)) begin
        $error("[%0t] hamming is unknown: %b", $time, hamming);
        errors++;
      end
      if ($isunknown(adjacent)) begin
        $error("[%0t] adjacent is unknown: %b", $time, adjacent);
        errors++;
      end
      if ($isunknown(equal)) begin
        $error("[%0t] equal is unknown: %b", $time, equal);
        errors++;
      end
    end
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
      control_thread(200);
      data_thread(400);
    join
    -> phase_done;
    // Second phase: stimulus while waiting for a quiet period, bounded
    fork
      data_thread(64);
      control_thread(32);
    join_none
    wait fork;
    // Walking ones on data_in
    for (int i = 0; i < $bits(data_in); i++) begin
      data_in = '0;
      data_in[i] = 1'b1;
      #8;
    end
    // Walking ones on ref_in
    for (int bit_idx = 0; bit_idx < $bits(ref_in); bit_idx++) begin
      ref_in = '0;
      ref_in[bit_idx] = 1'b1;
      #8;
    end
    // Sweep data_in with every other input random, a few passes
    repeat (4) begin
      for (int k = 0; k < 16; k++) begin
        data_in = k;
        mode = 1'($urandom);
        ref_in = 4'($urandom);
        #8;
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
