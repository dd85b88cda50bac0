// Layered testbench with parallel stimulus threads, assertions and functional coverage: signedadder
`timescale 1ns/1ps

module tb;

  // Parameters (defaults of the DUT)
  localparam DATA_WIDTH = 8;

  localparam int CLK_PERIOD = 4;
  localparam int NUM_RANDOM = 300;

  // DUT inputs
  logic i_clk;
  logic i_rst_n;
  logic i_start;
  logic i_enable;
  logic i_mode;
  logic i_clear;
  logic [DATA_WIDTH-1:0] i_operand_a;
  logic [DATA_WIDTH-1:0] i_operand_b;

  // DUT outputs
  logic [DATA_WIDTH-1:0] o_resultant_sum;
  logic o_overflow;
  logic o_ready;
  logic [1:0] o_status;

  // Device under test
  signedadder dut (
    .i_clk(i_clk),
    .i_rst_n(i_rst_n),
    .i_start(i_start),
    .i_enable(i_enable),
    .i_mode(i_mode),
    .i_clear(i_clear),
    .i_operand_a(i_operand_a),
    .i_operand_b(i_operand_b),
    .o_resultant_sum(o_resultant_sum),
    .o_overflow(o_overflow),
    .o_ready(o_ready),
    .o_status(o_status)
  );

  // Clock generation
  initial i_clk = 0;
  always #(CLK_PERIOD/2) i_clk = ~i_clk;

  int unsigned errors = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  // Assertions
  property p_o_resultant_sum_known;
    @(posedge i_clk) disable iff (!i_rst_n) checks_enabled |-> !$isunknown(o_resultant_sum);
  endproperty
  a_o_resultant_sum_known: assert property (p_o_resultant_sum_known) else begin
    $error("o_resultant_sum went unknown");
    errors++;
  end

  task automatic reset_phase(input int cycles = 2);
    begin
      i_start = '0;
      i_enable = '0;
      i_mode = '0;
      i_clear = '0;
      i_operand_a = '0;
      i_operand_b = '0;
      i_rst_n = 1'b0;
      repeat (cycles) @(posedge i_clk);
      i_rst_n = 1'b1;
      @(posedge i_clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  task automatic control_thread(input int n);
    repeat (n) begin
      i_start = 1'($urandom);
      i_enable = $urandom_range(0, 1);
      i_mode = 1'($urandom);
      i_clear = $urandom % 2;
      repeat ($urandom_range(1, 4)) @(posedge i_clk);
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      i_operand_a = $urandom;
      i_operand_b = 8'($urandom);
      vectors++;
      @(posedge i_clk);
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        i_start = 1'b0;
        i_mode = 1'd0;
        i_clear = 1'h1;
        i_operand_a = 8'hf7;
        @(posedge i_clk);
        i_start = 1'h1;
        i_clear = 1'b1;
        i_operand_a = 8'h55;
        @(posedge i_clk);
        i_mode = 1'h1;
        i_clear = 1'h1;
        i_operand_a = 8'h0;
        @(posedge i_clk);
        i_mode = 1'h1;
        i_clear = 1'b0;
        i_operand_a = 8'd0;
        i_operand_b = 8'h55;
        @(posedge i_clk);
        i_enable = 1'h0;
        i_mode = 1'h1;
        i_operand_a = 8'h0;
        @(posedge i_clk);
        i_enable = 1'h1;
        i_mode = 1'h1;
        i_operand_a = 8'd0;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = 1'h1;
        i_mode = 1'h1;
        i_clear = '1;
        i_operand_b = 8'h55;
        @(posedge i_clk);
      end
      1: begin
        i_start = 1'h1;
        i_enable = 1'b0;
        @(posedge i_clk);
        i_mode = 1'b0;
        i_operand_a = 8'h55;
        @(posedge i_clk);
        i_start = '0;
        i_mode = 1'd0;
        i_clear = '0;
        i_operand_a = 8'hff;
        @(posedge i_clk);
        i_clear = 1'h1;
        i_operand_b = 8'hff;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = 1'h1;
        i_mode = 1'h1;
        i_clear = 1'h1;
        i_operand_b = 8'h20;
        @(posedge i_clk);
      end
      2: begin
        i_enable = 1'h1;
        i_operand_a = 8'h80;
        i_operand_b = '0;
        @(posedge i_clk);
        i_start = '1;
        i_enable = 1'b1;
        i_mode = '1;
        i_operand_a = 8'h86;
        i_operand_b = 8'h0;
        @(posedge i_clk);
        i_start = 1'h1;
        i_mode = 1'h1;
        i_operand_a = 8'h45;
        i_operand_b = 8'h7;
        @(posedge i_clk);
        i_start = 1'b0;
        i_enable = 1'b0;
        i_clear = 1'h1;
        i_operand_b = 8'he7;
        @(posedge i_clk);
        i_start = 1'h1;
        i_mode = 1'h1;
        @(posedge i_clk);
        i_start = 1'd0;
        i_mode = 1'd0;
        i_clear = 1'h1;
        @(posedge i_clk);
        i_start = '1;
        i_mode = '1;
        i_clear = 1'h1;
        @(posedge i_clk);
      end
      3: begin
        i_enable = 1'd0;
        @(posedge i_clk);
        i_start = 1'b0;
        i_enable = 1'h1;
        i_mode = 1'b0;
        i_clear = 1'h1;
        i_operand_a = 8'h55;
        i_operand_b = '1;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = 1'd0;
        i_mode = 1'b1;
        i_operand_a = 8'hfd;
        @(posedge i_clk);
        i_enable = '0;
        i_mode = 1'h1;
        @(posedge i_clk);
        i_clear = 1'h0;
        i_operand_a = 8'hff;
        i_operand_b = '1;
        @(posedge i_clk);
        i_enable = 1'h1;
        i_mode = 1'b0;
        @(posedge i_clk);
        i_mode = 1'h1;
        i_clear = '1;
        i_operand_a = 8'h4e;
        i_operand_b = 8'h4c;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = 1'h1;
        i_clear = 1'b1;
        @(posedge i_clk);
      end
      4: begin
        i_start = 1'h0;
        i_clear = 1'b0;
        i_operand_a = '1;
        @(posedge i_clk);
        i_mode = 1'h1;
        i_clear = 1'h1;
        i_operand_a = 8'h80;
        @(posedge i_clk);
        i_enable = 1'h1;
        i_mode = '1;
        i_operand_a = 8'h40;
        @(posedge i_clk);
        i_mode = '1;
        i_clear = '1;
        i_operand_a = 8'h2;
        i_operand_b = 8'h2;
        @(posedge i_clk);
        i_start = 1'b0;
        i_enable = '1;
        i_mode = 1'd0;
        i_clear = 1'b0;
        i_operand_a = 8'h10;
        i_operand_b = 8'd0;
        @(posedge i_clk);
        i_start = 1'h1;
        i_mode = 1'h1;
        i_operand_b = 8'h1;
        @(posedge i_clk);
      end
      5: begin
        i_enable = 1'h0;
        i_mode = 1'h1;
        i_operand_a = 8'h8b;
        @(posedge i_clk);
        i_enable = 1'h1;
        i_mode = 1'h1;
        @(posedge i_clk);
        i_enable = 1'h1;
        i_mode = 1'b0;
        i_clear = 1'h1;
        i_operand_a = 8'h55;
        @(posedge i_clk);
        i_start = 1'b0;
        i_mode = 1'b1;
        i_operand_a = 8'h1c;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = '1;
        i_clear = 1'b1;
        i_operand_a = 8'd0;
        @(posedge i_clk);
        i_enable = '1;
        i_clear = 1'b0;
        i_operand_a = 8'd0;
        i_operand_b = 8'h55;
        @(posedge i_clk);
        i_start = 1'd0;
        i_enable = 1'h1;
        i_mode = '1;
        i_clear = 1'h1;
        @(posedge i_clk);
      end
      6: begin
        i_mode = '0;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = '1;
        i_clear = 1'b0;
        i_operand_b = '1;
        @(posedge i_clk);
        i_clear = 1'h1;
        i_operand_a = 8'h80;
        i_operand_b = 8'hff;
        @(posedge i_clk);
        i_enable = 1'h1;
        i_clear = 1'h1;
        @(posedge i_clk);
      end
      7: begin
        i_start = 1'h1;
        i_enable = 1'b0;
        i_clear = 1'h1;
        i_operand_b = 8'h62;
        @(posedge i_clk);
        i_start = '0;
        i_operand_b = 8'h55;
        @(posedge i_clk);
        i_start = 1'h1;
        i_mode = 1'h1;
        i_clear = 1'h1;
        i_operand_a = 8'h2;
        i_operand_b = 8'hdf;
        @(posedge i_clk);
        i_start = '1;
        i_clear = 1'h1;
        i_operand_b = '0;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = 1'h1;
        i_operand_a = 8'h22;
        @(posedge i_clk);
        i_start = '1;
        i_mode = 1'd0;
        i_clear = 1'b1;
        i_operand_a = 8'h55;
        i_operand_b = '0;
        @(posedge i_clk);
      end
      8: begin
        i_clear = '0;
        i_operand_a = 8'h10;
        i_operand_b = 8'h2;
        @(posedge i_clk);
        i_start = 1'h1;
        i_mode = 1'h1;
        i_operand_a = 8'h21;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = 1'h0;
        i_mode = 1'h1;
        i_operand_a = 8'h55;
        i_operand_b = 8'h20;
        @(posedge i_clk);
        i_clear = 1'h0;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = 1'h1;
        i_mode = 1'h0;
        i_clear = 1'h1;
        i_operand_a = 8'hff;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = 1'h1;
        i_clear = 1'h1;
        i_operand_b = 8'h0;
        @(posedge i_clk);
      end
      9: begin
        i_enable = '0;
        i_mode = 1'b1;
        i_clear = 1'h1;
        i_operand_a = 8'h88;
        i_operand_b = 8'h55;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = 1'h1;
        i_mode = 1'h1;
        i_clear = 1'h1;
        i_operand_b = 8'h0;
        @(posedge i_clk);
        i_mode = 1'b1;
        i_clear = 1'h1;
        @(posedge i_clk);
        i_enable = 1'b1;
        i_operand_b = 8'h8;
        @(posedge i_clk);
        i_start = 1'h1;
        i_mode = 1'h1;
        i_clear = 1'h1;
        i_operand_b = 8'h8;
        @(posedge i_clk);
        i_enable = 1'h1;
        i_mode = 1'h1;
        i_clear = 1'h1;
        i_operand_b = 8'h55;
        @(posedge i_clk);
        i_mode = 1'h1;
        @(posedge i_clk);
      end
      10: begin
        i_enable = 1'h1;
        i_mode = 1'd0;
        i_operand_a = '1;
        i_operand_b = 8'h2;
        @(posedge i_clk);
        i_start = '0;
        i_enable = 1'b1;
        i_mode = 1'd0;
        i_clear = '0;
        @(posedge i_clk);
        i_start = 1'h1;
        i_enable = 1'd0;
        i_mode = '1;
        i_operand_b = 8'h4;
        @(posedge i_clk);
      end
      default: begin
        i_start = '0;
        i_enable = 1'h0;
        i_mode = 1'h0;
        i_clear = '0;
        i_operand_a = 8'd0;
        i_operand_b = 8'h0;
        @(posedge i_clk);
      end
    endcase
  endtask

  always @(negedge i_clk) begin
    if (checks_enabled && i_rst_n) begin
      if ($isunknown(o_resultant_sum)) begin
        $error("[%0t] o_resultant_sum is unknown: %b", $time, o_resultant_sum);
        errors++;
      end
      if ($isunknown(o_overflow)) begin
        $error("[%0t] o_overflow is unknown: %b", $time, o_overflow);
        errors++;
      end
      if ($isunknown(o_ready)) begin
        $error("[%0t] o_ready is unknown: %b", $time, o_ready);
        errors++;
      end
      if ($isunknown(o_status)) begin
        $error("[%0t] o_status is unknown: %b", $time, o_status);
        errors++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge i_clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] o_resultant_sum=%0h o_overflow=%0h o_ready=%0h o_status=%0h", $time, o_resultant_sum, o_overflow, o_ready, o_status);
  end

  initial begin
    #(5_000_000) $error("Timeout! The test did not finish");
    $finish;
  end

  initial begin
    reset_phase();
    checks_enabled = 1;
    for (int p = 0; p < 12; p++) directed_pattern(p);
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
    // Walking ones on i_operand_a
    for (int n = 0; n < $bits(i_operand_a); n++) begin
      i_operand_a = '0;
      i_operand_a[n] = 1'b1;
      @(posedge i_clk);
    end
    // Walking ones on i_operand_b
    for (int i = 0; i < $bits(i_operand_b); i++) begin
      i_operand_b = '0;
      i_operand_b[i] = 1'b1;
      @(posedge i_clk);
    end
    // Sweep i_operand_a with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 64; k++) begin
        i_operand_a = k;
        i_start = $urandom_range(0, 1);
        i_enable = 1'($urandom);
        i_mode = $urandom_range(0, 1);
        i_clear = 1'($urandom);
        @(posedge i_clk);
      end
    end
    repeat (3) begin
      reset_phase(2);
      for (int j = 0; j < 4; j++) directed_pattern($urandom_range(0, 11));
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
