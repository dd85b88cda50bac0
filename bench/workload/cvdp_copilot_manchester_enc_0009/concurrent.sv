// ==============================================================================
// Testbench for top_manchester
// Layered testbench with parallel stimulus threads, assertions and functional coverage
// Instance name "uut" is required by the coverage flow.
// ==============================================================================
`timescale 1ns/1ns

module tb_top_manchester;

  // Parameters (defaults of the DUT)
  localparam N = 8;

  localparam int CLK_PERIOD = 20;
  localparam int NUM_RANDOM = 400;

  // DUT inputs
  logic clk_in;
  logic rst_in;
  logic enc_valid_in;
  logic [N-1:0] enc_data_in;
  logic dec_valid_in;
  logic [2*N-1:0] dec_data_in;

  // DUT outputs
  logic enc_valid_out;
  logic [2*N-1:0] enc_data_out;
  logic dec_valid_out;
  logic [N-1:0] dec_data_out;

  // Device under test
  top_manchester uut (
    .clk_in(clk_in),
    .rst_in(rst_in),
    .enc_valid_in(enc_valid_in),
    .enc_data_in(enc_data_in),
    .enc_valid_out(enc_valid_out),
    .enc_data_out(enc_data_out),
    .dec_valid_in(dec_valid_in),
    .dec_data_in(dec_data_in),
    .dec_valid_out(dec_valid_out),
    .dec_data_out(dec_data_out)
  );

  // Clock generation
  initial clk_in = 0;
  always #(CLK_PERIOD/2) clk_in = ~clk_in;

  int unsigned errors = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  // Functional coverage of the main control inputs
  covergroup cg_inputs @(posedge clk_in);
    cp_enc_data_in: coverpoint enc_data_in;
    cp_enc_valid_in: coverpoint enc_valid_in;
    cp_dec_valid_in: coverpoint dec_valid_in;
  endgroup
  cg_inputs cg = new();

  // Assertions
  property p_enc_valid_out_known;
    @(posedge clk_in) disable iff (rst_in) checks_enabled |-> !$isunknown(enc_valid_out);
  endproperty
  a_enc_valid_out_known: assert property (p_enc_valid_out_known) else begin
    $error("enc_valid_out went unknown");
    errors++;
  end

  task automatic reset_phase(input int cycles = 10);
    begin
      enc_valid_in = '0;
      enc_data_in = '0;
      dec_valid_in = '0;
      dec_data_in = '0;
      rst_in = 1'b1;
      repeat (cycles) @(posedge clk_in);
      rst_in = 1'b0;
      @(posedge clk_in);
      $display("[%0t] reset done", $time);
    end
  endtask

  task automatic control_thread(input int n);
    repeat (n) begin
      enc_valid_in = 1'($urandom);
      dec_valid_in = $urandom_range(0, 1);
      repeat ($urandom_range(1, 4)) @(posedge clk_in);
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      enc_data_in = $urandom;
      dec_data_in = $urandom_range(0, 65535);
      vectors++;
      @(posedge clk_in);
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        enc_valid_in = 1'h1;
        enc_data_in = 8'h42;
        @(posedge clk_in);
        enc_valid_in = 1'b0;
        dec_data_in = 16'h5555;
        @(posedge clk_in);
        enc_valid_in = 1'h1;
        dec_data_in = 16'h5555;
        @(posedge clk_in);
        dec_valid_in = 1'h1;
        @(posedge clk_in);
        enc_valid_in = 1'h1;
        enc_data_in = 8'h55;
        @(posedge clk_in);
        enc_valid_in = 1'h0;
        enc_data_in = 8'he6;
        dec_valid_in = '1;
        dec_data_in = 16'h5555;
        @(posedge clk_in);
      end
      1: begin
        enc_valid_in = 1'h0;
        enc_data_in = '0;
        dec_data_in = 16'h2000;
        @(posedge clk_in);
        enc_valid_in = 1'h1;
        enc_data_in = 8'h4;
        dec_valid_in = 1'h1;
        dec_data_in = 16'hff2;
        @(posedge clk_in);
        enc_valid_in = 1'h1;
        dec_valid_in = 1'h1;
        @(posedge clk_in);
      end
      2: begin
        enc_valid_in = 1'h1;
        dec_valid_in = 1'd0;
        @(posedge clk_in);
        enc_data_in = 8'h0;
        dec_valid_in = 1'h1;
        dec_data_in = 16'h5555;
        @(posedge clk_in);
        dec_valid_in = 1'h1;
        @(posedge clk_in);
        enc_data_in = '1;
        dec_valid_in = 1'h1;
        @(posedge clk_in);
        enc_data_in = 8'h55;
        dec_valid_in = 1'b0;
        dec_data_in = 16'h1000;
        @(posedge clk_in);
        enc_valid_in = 1'h1;
        @(posedge clk_in);
      end
      3: begin
        enc_data_in = 8'h55;
        dec_valid_in = 1'h1;
        dec_data_in = 16'h8;
        @(posedge clk_in);
        enc_valid_in = 1'h1;
        enc_data_in = 8'h0;
        dec_data_in = 16'h1;
        @(posedge clk_in);
        enc_data_in = 8'h71;
        dec_valid_in = 1'h1;
        @(posedge clk_in);
        enc_data_in = 8'h55;
        dec_valid_in = 1'h1;
        dec_data_in = 16'd0;
        @(posedge clk_in);
        enc_valid_in = '1;
        enc_data_in = 8'h54;
        dec_valid_in = 1'h0;
        dec_data_in = 16'h5555;
        @(posedge clk_in);
        enc_valid_in = 1'b0;
        dec_valid_in = 1'h1;
        dec_data_in = 16'h4000;
        @(posedge clk_in);
        enc_valid_in = '0;
        enc_data_in = 8'hff;
        dec_data_in = 16'hffff;
        @(posedge clk_in);
      end
      4: begin
        enc_valid_in = '0;
        dec_valid_in = 1'h1;
        dec_data_in = '0;
        @(posedge clk_in);
        dec_data_in = 16'd0;
        @(posedge clk_in);
        enc_valid_in = 1'h1;
        dec_valid_in = 1'h0;
        @(posedge clk_in);
        enc_valid_in = 1'h0;
        dec_data_in = 16'h2;
        @(posedge clk_in);
        enc_valid_in = 1'b0;
        enc_data_in = 8'h55;
        dec_valid_in = 1'b0;
        dec_data_in = '1;
        @(posedge clk_in);
        enc_data_in = 8'hff;
        dec_data_in = 16'h2000;
        @(posedge clk_in);
      end
      5: begin
        dec_valid_in = 1'h1;
        dec_data_in = 16'hf524;
        @(posedge clk_in);
        enc_valid_in = 1'h1;
        dec_data_in = 16'h5555;
        @(posedge clk_in);
        enc_valid_in = 1'h0;
        enc_data_in = 8'hff;
        dec_valid_in = 1'h1;
        @(posedge clk_in);
        enc_data_in = '1;
        @(posedge clk_in);
      end
      6: begin
        @(posedge clk_in);
        enc_valid_in = 1'd0;
        dec_data_in = 16'h5555;
        @(posedge clk_in);
        enc_data_in = 8'h9d;
        dec_valid_in = 1'h1;
        @(posedge clk_in);
        @(posedge clk_in);
        enc_valid_in = 1'b1;
        enc_data_in = 8'd0;
        dec_valid_in = '0;
        @(posedge clk_in);
        enc_valid_in = 1'h1;
        dec_valid_in = 1'h1;
        dec_data_in = '0;
        @(posedge clk_in);
        enc_valid_in = 1'd0;
        enc_data_in = 8'h4f;
        dec_data_in = 16'h20;
        @(posedge clk_in);
      end
      7: begin
        enc_data_in = 8'h8;
        dec_valid_in = 1'h1;
        dec_data_in = 16'hb87a;
        @(posedge clk_in);
        enc_data_in = 8'h55;
        dec_valid_in = 1'b0;
        @(posedge clk_in);
        enc_valid_in = 1'b0;
        enc_data_in = 8'h10;
        dec_valid_in = '1;
        @(posedge clk_in);
        enc_data_in = 8'h10;
        dec_data_in = 16'd0;
        @(posedge clk_in);
      end
      default: begin
        enc_valid_in = 1'h0;
        enc_data_in = '0;
        dec_valid_in = 1'h0;
        dec_data_in = '0;
        @(posedge clk_in);
      end
    endcase
  endtask

  always @(negedge clk_in) begin
    if (checks_enabled && !rst_in) begin
      if ($isunknown(enc_valid_out)) begin
        $error("[%0t] enc_valid_out is unknown: %b", $time, enc_valid_out);
        errors++;
      end
      if ($isunknown(enc_data_out)) begin
        $error("[%0t] enc_data_out is unknown: %b", $time, enc_data_out);
        errors++;
      end
      if ($isunknown(dec_valid_out)) begin
        $error("[%0t] dec_valid_out is unknown: %b", $time, dec_valid_out);
        errors++;
      end
      if ($isunknown(dec_data_out)) begin
        $error("[%0t] dec_data_out is unknown: %b", $time, dec_data_out);
        errors++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk_in) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] enc_valid_out=%0h enc_data_out=%0h dec_valid_out=%0h dec_data_out=%0h", $time, enc_valid_out, enc_data_out, dec_valid_out, dec_data_out);
  end

  localparam longint TIMEOUT_NS = 500_000;
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
      data_thread(500);
    join
    -> phase_done;
    // Second phase: stimulus while waiting for a quiet period, bounded
    fork
      data_thread(64);
      control_thread(32);
    join_none
    wait fork;
    // Walking ones on enc_data_in
    for (int i = 0; i < $bits(enc_data_in); i++) begin
      enc_data_in = '0;
      enc_data_in[i] = 1'b1;
      @(posedge clk_in);
    end
    // Walking ones on dec_data_in
    for (int k = 0; k < $bits(dec_data_in); k++) begin
      dec_data_in = '0;
      dec_data_in[k] = 1'b1;
      @(posedge clk_in);
    end
    // Sweep enc_data_in with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 64; k++) begin
        enc_data_in = k;
        enc_valid_in = $urandom_range(0, 1);
        dec_valid_in = $urandom_range(0, 1);
        dec_data_in = 16'($urandom);
        @(posedge clk_in);
      end
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
