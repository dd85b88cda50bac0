// ************************************************************
// Testbench for up_down_counter
// Layered testbench with parallel stimulus threads, assertions and functional coverage
// Instance name "dut" is required by the coverage flow.
// ************************************************************
`timescale 1ns/1ns

module test_up_down_counter;

  // Parameters (defaults of the DUT)
  localparam WIDTH = 8;

  localparam int CLK_PERIOD = 10;
  localparam int NUM_RANDOM = 400;

  // DUT inputs
  logic clk;
  logic rst_n;
  logic en;
  logic load;
  logic up;
  logic sat;
  logic [WIDTH-1:0] load_val;

  // DUT outputs
  logic [WIDTH-1:0] count;
  logic at_max;
  logic at_min;
  logic wrap;

  // Device under test
  up_down_counter #(
    .WIDTH(WIDTH)
  ) dut (
    .clk(clk),
    .rst_n_i(rst_n),
    .en(en),
    .load(load),
    .up(up),
    .sat(sat),
    .load_val(load_val),
    .count(count),
    .at_max(at_max),
    .at_min(at_min),
    .wrap(wrap)
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
    cp_load_val: coverpoint load_val;
    cp_en: coverpoint en;
    cp_load: coverpoint load;
    cp_up: coverpoint up;
  endgroup
  cg_inputs cg = new();

  // Assertions
  property p_count_known;
    @(posedge clk) disable iff (!rst_n) checks_enabled |-> !$isunknown(count);
  endproperty
  a_count_known: assert property (p_count_known) else begin
    $error("count went unknown");
    errors++;
  end

  task automatic reset_phase(input int cycles = 4);
    begin
      en = '0;
      load = '0;
      up = '0;
      sat = '0;
      load_val = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  task automatic control_thread(input int n);
    repeat (n) begin
      en = 1'($urandom);
      load = 1'($urandom);
      up = $urandom % 2;
      sat = $urandom_range(0, 1);
      repeat ($urandom_range(1, 4)) @(posedge clk);
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      load_val = $random;
      vectors++;
      @(posedge clk);
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        en = 1'h1;
        load = 1'h1;
        load_val = 8'h1;
        @(posedge clk);
        en = 1'h1;
        load = 1'h1;
        up = '0;
        load_val = 8'h55;
        @(posedge clk);
        load = 1'h1;
        load_val = 8'hb1;
        @(posedge clk);
        en = 1'b1;
        up = 1'b0;
        @(posedge clk);
        load = 1'h1;
        up = 1'd0;
        sat = 1'h1;
        @(posedge clk);
        load = 1'h1;
        up = 1'h1;
        sat = 1'h1;
        @(posedge clk);
        load = 1'h0;
        load_val = 8'h1;
        @(posedge clk);
        en = 1'd0;
        load = 1'b1;
        up = '0;
        load_val = 8'd0;
        @(posedge clk);
      end
      1: begin
        sat = 1'h0;
        @(posedge clk);
        up = 1'd0;
        load_val = 8'h55;
        @(posedge clk);
        en = 1'h1;
        up = '0;
        sat = 1'h1;
        load_val = 8'hff;
        @(posedge clk);
        en = 1'h1;
        load_val = 8'h8;
        @(posedge clk);
        load = 1'h1;
        up = 1'b1;
        sat = 1'h1;
        @(posedge clk);
        load = 1'h1;
        @(posedge clk);
      end
      2: begin
        load = 1'h1;
        up = 1'h1;
        load_val = 8'h80;
        @(posedge clk);
        en = 1'h1;
        up = '0;
        @(posedge clk);
        up = 1'h1;
        load_val = '1;
        @(posedge clk);
      end
      3: begin
        up = 1'h1;
        sat = 1'h1;
        load_val = 8'h1d;
        @(posedge clk);
        load = 1'h1;
        up = 1'h1;
        sat = 1'h1;
        load_val = 8'h55;
        @(posedge clk);
        load = 1'h0;
        load_val = 8'd0;
        @(posedge clk);
        en = 1'b0;
        load = '1;
        up = 1'b1;
        sat = 1'h1;
        @(posedge clk);
        up = 1'h0;
        sat = 1'h1;
        load_val = 8'h8d;
        @(posedge clk);
        load = 1'h1;
        up = 1'h1;
        sat = 1'b1;
        @(posedge clk);
        en = '1;
        load = '1;
        sat = 1'b0;
        @(posedge clk);
      end
      4: begin
        en = 1'b1;
        up = 1'h1;
        sat = 1'b1;
        load_val = '1;
        @(posedge clk);
        up = 1'b1;
        sat = 1'h1;
        load_val = 8'h1;
        @(posedge clk);
        up = 1'b0;
        sat = 1'h1;
        load_val = '1;
        @(posedge clk);
        en = '0;
        load = 1'h1;
        sat = 1'h1;
        load_val = 8'hce;
        @(posedge clk);
      end
      5: begin
        en = '0;
        up = 1'b0;
        sat = 1'h1;
        load_val = 8'h4a;
        @(posedge clk);
        sat = '1;
        load_val = '0;
        @(posedge clk);
        up = 1'h1;
        @(posedge clk);
        en = '1;
        load = '1;
        up = 1'd0;
        sat = 1'h0;
        load_val = 8'h20;
        @(posedge clk);
      end
      6: begin
        en = '1;
        load = 1'b0;
        up = 1'h0;
        sat = '1;
        @(posedge clk);
        en = 1'h1;
        load = 1'h1;
        up = 1'h1;
        sat = 1'b1;
        @(posedge clk);
        en = 1'h0;
        up = 1'h1;
        sat = '0;
        load_val = 8'd0;
        @(posedge clk);
        load = 1'h0;
        up = 1'd0;
        sat = 1'h1;
        load_val = 8'h5;
        @(posedge clk);
        en = '1;
        load = 1'b0;
        load_val = '1;
        @(posedge clk);
        en = 1'b1;
        load = 1'h0;
        up = 1'b0;
        sat = '1;
        load_val = 8'h4b;
        @(posedge clk);
        en = 1'h1;
        up = 1'h1;
        sat = 1'h1;
        load_val = 8'h1;
        @(posedge clk);
      end
      7: begin
        load = 1'b1;
        sat = 1'h1;
        load_val = '0;
        @(posedge clk);
        load = 1'b1;
        up = 1'd0;
        sat = 1'b1;
        load_val = 8'h55;
        @(posedge clk);
        en = 1'h1;
        sat = 1'b0;
        load_val = 8'h2;
        @(posedge clk);
        up = 1'b1;
        sat = 1'h1;
        load_val = 8'h55;
        @(posedge clk);
        load = 1'h1;
        load_val = 8'h4;
        @(posedge clk);
      end
      8: begin
        load = 1'h1;
        sat = 1'h1;
        @(posedge clk);
        en = 1'h1;
        sat = 1'h1;
        load_val = 8'h2a;
        @(posedge clk);
        load = 1'h1;
        sat = 1'h1;
        @(posedge clk);
        load = 1'h1;
        sat = 1'b1;
        load_val = 8'h0;
        @(posedge clk);
        sat = '1;
        load_val = 8'h2e;
        @(posedge clk);
        load = '1;
        up = 1'b0;
        sat = 1'h1;
        @(posedge clk);
      end
      9: begin
        en = 1'h0;
        load = '0;
        up = 1'h1;
        @(posedge clk);
        en = 1'h1;
        load = 1'd0;
        sat = 1'd0;
        load_val = 8'hff;
        @(posedge clk);
        load = 1'b0;
        up = 1'b1;
        sat = '0;
        load_val = 8'h2;
        @(posedge clk);
        load = 1'h1;
        up = 1'h1;
        sat = 1'd0;
        @(posedge clk);
        load = 1'h1;
        up = 1'b1;
        sat = 1'h1;
        load_val = 8'hff;
        @(posedge clk);
        load = 1'h1;
        up = '1;
        sat = 1'h1;
        load_val = 8'hff;
        @(posedge clk);
        en = 1'h1;
        up = 1'h1;
        load_val = 8'h55;
        @(posedge clk);
        up = '1;
        @(posedge clk);
      end
      10: begin
        en = 1'b1;
        load = 1'h1;
        up = '0;
        sat = 1'h1;
        load_val = '1;
        @(posedge clk);
        en = 1'h1;
        load = 1'h1;
        up = 1'h1;
        sat = '1;
        load_val = 8'h55;
        @(posedge clk);
        en = 1'h1;
        up = 1'h1;
        sat = 1'h0;
        @(posedge clk);
        en = 1'b1;
        up = 1'h1;
        sat = 1'h1;
        @(posedge clk);
        up = 1'h0;
        load_val = 8'h0;
        @(posedge clk);
        en = 1'h1;
        load = 1'h0;
        up = 1'b1;
        sat = 1'b1;
        load_val = 8'h55;
        @(posedge clk);
        en = 1'h1;
        load = '0;
        up = 1'h1;
        load_val = 8'h55;
        @(posedge clk);
        @(posedge clk);
      end
      11: begin
        en = 1'd0;
        load = '1;
        up = 1'h1;
        load_val = 8'h9c;
        @(posedge clk);
        en = 1'h1;
        load = 1'h1;
        sat = 1'h1;
        @(posedge clk);
        up = 1'h1;
        sat = 1'h0;
        @(posedge clk);
        en = 1'h1;
        sat = 1'd0;
        @(posedge clk);
        en = 1'b1;
        load = 1'h1;
        up = 1'h1;
        sat = 1'h1;
        load_val = '0;
        @(posedge clk);
        en = 1'h1;
        load = 1'd0;
        load_val = 8'hff;
        @(posedge clk);
        en = 1'h1;
        sat = 1'h1;
        @(posedge clk);
        load = 1'h1;
        up = 1'h0;
        sat = 1'b1;
        @(posedge clk);
      end
      default: begin
        en = 1'd0;
        load = 1'h0;
        up = 1'd0;
        sat = 1'h0;
        load_val = 8'd0;
        @(posedge clk);
      end
    endcase
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(count)) begin
        $error("[%0t] count is unknown: %b", $time, count);
        errors++;
      end
      if ($isunknown(at_max)) begin
        $error("[%0t] at_max is unknown: %b", $time, at_max);
        errors++;
      end
      if ($isunknown(at_min)) begin
        $error("[%0t] at_min is unknown: %b", $time, at_min);
        errors++;
      end
      if ($isunknown(wrap)) begin
        $error("[%0t] wrap is unknown: %b", $time, wrap);
        errors++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] count=%0h at_max=%0h at_min=%0h wrap=%0h", $time, count, at_max, at_min, wrap);
  end

  localparam longint TIMEOUT_NS = 10_000_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
  end

  initial begin
    reset_phase();
    checks_enabled = 1;
    for (int p = 0; p < 13; p++) directed_pattern(p);
    fork
      control_thread(150);
      data_thread(500);
    join
    -> phase_done;
    // Second phase: stimulus while waiting for a quiet period, bounded
    fork
      data_thread(64);
      control_thread(32);
    join_none
    wait fork;
    // Walking ones on load_val
    for (int i = 0; i < $bits(load_val); i++) begin
      load_val = '0;
      load_val[i] = 1'b1;
      @(posedge clk);
    end
    // Sweep load_val with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 64; k++) begin
        load_val = k;
        en = $urandom_range(0, 1);
        load = $urandom % 2;
        up = $urandom_range(0, 1);
        sat = 1'($urandom);
        @(posedge clk);
      end
    end
    repeat (3) begin
      reset_phase(2);
      for (int j = 0; j < 4; j++) directed_pattern($urandom_range(0, 12));
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
