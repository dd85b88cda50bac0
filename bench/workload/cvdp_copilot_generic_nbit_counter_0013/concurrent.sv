// Layered testbench with parallel stimulus threads, assertions and functional coverage: generic_counter
`timescale 1ns/1ns

module tb;

  // Parameters (defaults of the DUT)
  localparam N = 8;

  localparam int CLK_PERIOD = 10;
  localparam int NUM_RANDOM = 400;

  // DUT inputs
  logic clk_in;
  logic rst_in;
  logic [2:0] mode_in;
  logic enable_in;
  logic [N-1:0] ref_modulo;

  // DUT outputs
  logic [N-1:0] o_count;

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
  initial begin
    clk_in = 1'b0;
    forever #(CLK_PERIOD/2) clk_in = ~clk_in;
  end

  int unsigned errors = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  // Functional coverage of the main control inputs
  covergroup cg_inputs @(posedge clk_in);
    cp_mode_in: coverpoint mode_in;
    cp_enable_in: coverpoint enable_in;
  endgroup
  cg_inputs cg = new();

  // Assertions
  property p_o_count_known;
    @(posedge clk_in) disable iff (rst_in) checks_enabled |-> !$isunknown(o_count);
  endproperty
  a_o_count_known: assert property (p_o_count_known) else begin
    $error("o_count went unknown");
    errors++;
  end

  task automatic reset_phase(input int cycles = 5);
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

  task automatic control_thread(input int n);
    repeat (n) begin
      mode_in = $urandom;
      enable_in = $urandom % 2;
      repeat ($urandom_range(1, 4)) @(posedge clk_in);
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      ref_modulo = $urandom;
      vectors++;
      @(posedge clk_in);
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        mode_in = 3'h4;
        ref_modulo = 8'h58;
        @(posedge clk_in);
        mode_in = 3'd0;
        @(posedge clk_in);
        mode_in = 3'h3;
        @(posedge clk_in);
        mode_in = 3'h5;
        ref_modulo = 8'h4;
        @(posedge clk_in);
        mode_in = 3'h7;
        ref_modulo = '1;
        @(posedge clk_in);
        enable_in = 1'h1;
        ref_modulo = 8'd0;
        @(posedge clk_in);
      end
      1: begin
        ref_modulo = 8'hff;
        @(posedge clk_in);
        ref_modulo = 8'h55;
        @(posedge clk_in);
        mode_in = '1;
        enable_in = 1'h1;
        ref_modulo = 8'd0;
        @(posedge clk_in);
        enable_in = 1'h1;
        ref_modulo = 8'h20;
        @(posedge clk_in);
        mode_in = 3'h0;
        ref_modulo = '1;
        @(posedge clk_in);
        mode_in = 3'h1;
        enable_in = '0;
        @(posedge clk_in);
        ref_modulo = 8'h55;
        @(posedge clk_in);
      end
      2: begin
        ref_modulo = 8'd0;
        @(posedge clk_in);
        mode_in = 3'h7;
        enable_in = '0;
        @(posedge clk_in);
        enable_in = 1'h1;
        @(posedge clk_in);
        mode_in = 3'h5;
        enable_in = '0;
        @(posedge clk_in);
      end
      3: begin
        mode_in = 3'd0;
        @(posedge clk_in);
        mode_in = 3'd0;
        enable_in = 1'h1;
        @(posedge clk_in);
        mode_in = 3'h5;
        enable_in = 1'b0;
        ref_modulo = 8'he0;
        @(posedge clk_in);
        mode_in = '0;
        ref_modulo = 8'hff;
        @(posedge clk_in);
        mode_in = 3'h2;
        enable_in = 1'h1;
        @(posedge clk_in);
        mode_in = 3'h4;
        ref_modulo = 8'h2;
        @(posedge clk_in);
        mode_in = 3'h3;
        ref_modulo = 8'ha6;
        @(posedge clk_in);
        enable_in = 1'h1;
        ref_modulo = 8'h55;
        @(posedge clk_in);
      end
      4: begin
        mode_in = 3'h5;
        @(posedge clk_in);
        @(posedge clk_in);
        enable_in = 1'd0;
        ref_modulo = 8'h8f;
        @(posedge clk_in);
        mode_in = '1;
        ref_modulo = '1;
        @(posedge clk_in);
      end
      5: begin
        mode_in = 3'h1;
        enable_in = 1'h1;
        @(posedge clk_in);
        mode_in = 3'h5;
        enable_in = 1'b1;
        ref_modulo = '1;
        @(posedge clk_in);
        mode_in = 3'h1;
        enable_in = 1'h1;
        @(posedge clk_in);
        enable_in = 1'b1;
        ref_modulo = 8'h55;
        @(posedge clk_in);
        mode_in = 3'h4;
        enable_in = 1'h1;
        @(posedge clk_in);
      end
      6: begin
        mode_in = 3'h0;
        enable_in = 1'h0;
        @(posedge clk_in);
        enable_in = 1'h0;
        ref_modulo = '0;
        @(posedge clk_in);
        enable_in = 1'h0;
        @(posedge clk_in);
        mode_in = 3'h0;
        @(posedge clk_in);
        enable_in = 1'b0;
        ref_modulo = 8'h0;
        @(posedge clk_in);
      end
      7: begin
        @(posedge clk_in);
        enable_in = 1'h1;
        ref_modulo = 8'h25;
        @(posedge clk_in);
        mode_in = 3'h5;
        ref_modulo = 8'h1;
        @(posedge clk_in);
        enable_in = 1'h1;
        ref_modulo = 8'h8;
        @(posedge clk_in);
        mode_in = 3'h4;
        ref_modulo = 8'hdf;
        @(posedge clk_in);
      end
      8: begin
        mode_in = 3'h4;
        ref_modulo = 8'd0;
        @(posedge clk_in);
        ref_modulo = '1;
        @(posedge clk_in);
        enable_in = 1'h1;
        @(posedge clk_in);
        mode_in = 3'd0;
        ref_modulo = 8'h20;
        @(posedge clk_in);
      end
      default: begin
        mode_in = '0;
        enable_in = 1'h0;
        ref_modulo = '0;
        @(posedge clk_in);
      end
    endcase
  endtask

  always @(negedge clk_in) begin
    if (checks_enabled && !rst_in) begin
      if ($isunknown(o_count)) begin
        $error("[%0t] o_count is unknown: %b", $time, o_count);
        errors++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk_in) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] o_count=%0h", $time, o_count);
  end

  initial begin
    #(500_000) $error("Timeout! The test did not finish");
    $finish;
  end

  initial begin
    reset_phase();
    checks_enabled = 1;
    for (int p = 0; p < 10; p++) directed_pattern(p);
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
    // Walking ones on mode_in
    for (int bit_idx = 0; bit_idx < $bits(mode_in); bit_idx++) begin
      mode_in = '0;
      mode_in[bit_idx] = 1'b1;
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
        enable_in = $urandom % 2;
        ref_modulo = 8'($urandom);
        @(posedge clk_in);
      end
    end
    repeat (3) begin
      reset_phase(2);
      for (int j = 0; j < 4; j++) directed_pattern($urandom_range(0, 9));
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
