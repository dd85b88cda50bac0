// Layered testbench with parallel stimulus threads, assertions and functional coverage: shift_reg
`timescale 1ns/1ps

module shift_reg_tb;

  // Parameters (defaults of the DUT)
  localparam WIDTH = 8;

  localparam int CLK_PERIOD = 10;
  localparam int NUM_RANDOM = 500;

  // DUT inputs
  logic clk;
  logic rst_n;
  logic clear;
  logic [ 1:0] mode;
  logic dir;
  logic serial_in;
  logic [WIDTH-1:0] par_in;

  // DUT outputs
  logic [WIDTH-1:0] q;
  logic serial_out;
  logic all_ones;
  logic all_zeros;

  // Device under test
  shift_reg #(
    .WIDTH(WIDTH)
  ) dut (
    .clk(clk),
    .rst_n(rst_n),
    .clear(clear),
    .mode(mode),
    .dir(dir),
    .serial_in(serial_in),
    .par_in(par_in),
    .q(q),
    .serial_out(serial_out),
    .all_ones(all_ones),
    .all_zeros(all_zeros)
  );

  // Clock generation
  initial begin
    clk = 1'b0;
    forever #(CLK_PERIOD/2) clk = ~clk;
  end

  int unsigned errors = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  // Functional coverage of the main control inputs
  covergroup cg_inputs @(posedge clk);
    cp_mode: coverpoint mode;
    cp_clear: coverpoint clear;
    cp_dir: coverpoint dir;
    cp_serial_in: coverpoint serial_in;
  endgroup
  cg_inputs cg = new();

  // Assertions
  property p_q_known;
    @(posedge clk) disable iff (!rst_n) checks_enabled |-> !$isunknown(q);
  endproperty
  a_q_known: assert property (p_q_known) else begin
    $error("q went unknown");
    errors++;
  end

  task automatic reset_phase(input int cycles = 4);
    begin
      clear = '0;
      mode = '0;
      dir = '0;
      serial_in = '0;
      par_in = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  task automatic control_thread(input int n);
    repeat (n) begin
      clear = $urandom % 2;
      mode = $random;
      dir = $urandom % 2;
      serial_in = $urandom_range(0, 1);
      repeat ($urandom_range(1, 4)) @(posedge clk);
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      par_in = $random;
      vectors++;
      @(posedge clk);
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        mode = 2'h0;
        dir = 1'h1;
        par_in = 8'h8;
        @(posedge clk);
        clear = 1'h1;
        mode = 2'h3;
        serial_in = 1'h1;
        par_in = '1;
        @(posedge clk);
        clear = 1'h1;
        mode = 2'h1;
        serial_in = 1'h0;
        par_in = 8'hff;
        @(posedge clk);
      end
      1: begin
        clear = '1;
        serial_in = 1'b0;
        par_in = 8'h55;
        @(posedge clk);
        clear = '1;
        serial_in = '0;
        par_in = 8'h2;
        @(posedge clk);
        mode = '0;
        dir = 1'd0;
        serial_in = 1'b0;
        @(posedge clk);
        mode = '1;
        dir = 1'h1;
        par_in = '0;
        @(posedge clk);
        serial_in = 1'b0;
        par_in = 8'he3;
        @(posedge clk);
        clear = 1'b0;
        serial_in = 1'h1;
        par_in = '0;
        @(posedge clk);
      end
      2: begin
        clear = '0;
        serial_in = 1'h1;
        @(posedge clk);
        clear = 1'h1;
        serial_in = 1'h1;
        @(posedge clk);
        clear = 1'd0;
        dir = 1'h1;
        serial_in = 1'h1;
        @(posedge clk);
        clear = 1'h1;
        dir = 1'h1;
        @(posedge clk);
        clear = 1'h1;
        mode = '1;
        @(posedge clk);
      end
      3: begin
        clear = 1'h1;
        serial_in = 1'd0;
        @(posedge clk);
        mode = 2'h2;
        dir = 1'h0;
        par_in = 8'h1;
        @(posedge clk);
        clear = 1'b0;
        mode = '0;
        serial_in = 1'b0;
        par_in = 8'd0;
        @(posedge clk);
        clear = 1'h1;
        serial_in = 1'b0;
        par_in = 8'h55;
        @(posedge clk);
        clear = 1'h1;
        mode = 2'h0;
        @(posedge clk);
        clear = 1'h1;
        mode = 2'h3;
        dir = 1'h1;
        par_in = '1;
        @(posedge clk);
        mode = '0;
        dir = 1'h0;
        serial_in = 1'h1;
        par_in = 8'h9c;
        @(posedge clk);
        clear = 1'b1;
        mode = 2'h2;
        dir = 1'h1;
        serial_in = 1'h1;
        par_in = 8'h0;
        @(posedge clk);
      end
      4: begin
        clear = 1'h1;
        mode = 2'h0;
        serial_in = 1'h1;
        par_in = 8'h20;
        @(posedge clk);
        clear = 1'b1;
        dir = '0;
        serial_in = 1'h1;
        par_in = 8'h40;
        @(posedge clk);
        clear = 1'h1;
        mode = 2'h2;
        dir = 1'd0;
        @(posedge clk);
        clear = 1'b1;
        mode = '1;
        dir = 1'h1;
        serial_in = '1;
        @(posedge clk);
        clear = 1'h1;
        par_in = 8'h55;
        @(posedge clk);
      end
      5: begin
        clear = 1'b1;
        mode = 2'h1;
        dir = 1'h1;
        serial_in = 1'h1;
        par_in = 8'd0;
        @(posedge clk);
        clear = 1'b0;
        mode = '1;
        dir = 1'd0;
        par_in = 8'h6c;
        @(posedge clk);
        clear = 1'h1;
        dir = '1;
        serial_in = 1'h1;
        @(posedge clk);
        clear = 1'b1;
        par_in = 8'hff;
        @(posedge clk);
        mode = 2'h3;
        par_in = '1;
        @(posedge clk);
        dir = 1'b1;
        par_in = 8'd0;
        @(posedge clk);
        mode = 2'h1;
        serial_in = 1'd0;
        par_in = 8'hcb;
        @(posedge clk);
      end
      6: begin
        clear = 1'h1;
        mode = 2'h3;
        @(posedge clk);
        clear = 1'h1;
        mode = 2'h2;
        serial_in = 1'b0;
        par_in = 8'd0;
        @(posedge clk);
        clear = 1'b1;
        serial_in = 1'h1;
        @(posedge clk);
        clear = 1'h1;
        mode = 2'h0;
        dir = 1'd0;
        serial_in = 1'b1;
        par_in = 8'h4c;
        @(posedge clk);
      end
      7: begin
        clear = 1'h1;
        dir = 1'h0;
        serial_in = 1'h1;
        par_in = 8'h0;
        @(posedge clk);
        @(posedge clk);
        mode = 2'h1;
        dir = 1'h1;
        serial_in = 1'h1;
        @(posedge clk);
        dir = '1;
        serial_in = 1'b1;
        par_in = 8'h20;
        @(posedge clk);
      end
      8: begin
        mode = 2'h2;
        serial_in = 1'h1;
        par_in = '1;
        @(posedge clk);
        mode = 2'd0;
        dir = 1'd0;
        serial_in = '1;
        @(posedge clk);
        clear = 1'b0;
        dir = 1'b0;
        serial_in = '1;
        par_in = 8'h55;
        @(posedge clk);
        clear = 1'b1;
        mode = '1;
        dir = '0;
        serial_in = 1'b1;
        par_in = 8'h55;
        @(posedge clk);
        clear = 1'h0;
        mode = '0;
        dir = 1'h0;
        par_in = 8'h55;
        @(posedge clk);
      end
      default: begin
        clear = '0;
        mode = 2'h0;
        dir = '0;
        serial_in = 1'h0;
        par_in = 8'h0;
        @(posedge clk);
      end
    endcase
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(q)) begin
        $error("[%0t] q is unknown: %b", $time, q);
        errors++;
      end
      if ($isunknown(serial_out)) begin
        $error("[%0t] serial_out is unknown: %b", $time, serial_out);
        errors++;
      end
      if ($isunknown(all_ones)) begin
        $error("[%0t] all_ones is unknown: %b", $time, all_ones);
        errors++;
      end
      if ($isunknown(all_zeros)) begin
        $error("[%0t] all_zeros is unknown: %b", $time, all_zeros);
        errors++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] q=%0h serial_out=%0h all_ones=%0h all_zeros=%0h", $time, q, serial_out, all_ones, all_zeros);
  end

  localparam longint TIMEOUT_NS = 2_000_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
  end

  initial begin
    reset_phase();
    checks_enabled = 1;
    for (int p = 0; p < 10; p++) directed_pattern(p);
    fork
      control_thread(100);
      data_thread(400);
    join
    -> phase_done;
    // Second phase: stimulus while waiting for a quiet period, bounded
    fork
      data_thread(64);
      control_thread(32);
    join_none
    wait fork;
    // Walking ones on mode
    for (int n = 0; n < $bits(mode); n++) begin
      mode = '0;
      mode[n] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on par_in
    for (int n = 0; n < $bits(par_in); n++) begin
      par_in = '0;
      par_in[n] = 1'b1;
      @(posedge clk);
    end
    // Sweep mode with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 4; k++) begin
        mode = k;
        clear = $urandom_range(0, 1);
        dir = $urandom % 2;
        serial_in = $urandom_range(0, 1);
        par_in = 8'($urandom);
        @(posedge clk);
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
