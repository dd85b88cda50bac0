/*
 * test_pwm_top.sv
 * Layered testbench with parallel stimulus threads, assertions and functional coverage for the pwm_top module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module test_pwm_top;

  // Parameters (defaults of the DUT)
  localparam RES = 8;

  localparam int CLK_PERIOD = 4;
  localparam int NUM_RANDOM = 300;

  // DUT inputs
  reg clk;
  reg rst_n;
  reg en;
  reg [ 7:0] prescale;
  reg [RES-1:0] period;
  reg [RES-1:0] duty;
  reg polarity;

  // DUT outputs
  wire pwm_out;
  wire period_start;
  wire [RES-1:0] count;

  // Device under test
  pwm_top #(
    .RES(RES)
  ) uut (
    .clk(clk),
    .rst_n(rst_n),
    .en(en),
    .prescale(prescale),
    .period(period),
    .duty(duty),
    .polarity(polarity),
    .pwm_out(pwm_out),
    .period_start(period_start),
    .count(count)
  );

  // Clock generation
  initial begin
    clk = 1'b0;
    forever #(CLK_PERIOD/2) clk = ~clk;
  end

  int unsigned errors_total = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  // Functional coverage of the main control inputs
  covergroup cg_inputs @(posedge clk);
    cp_prescale: coverpoint prescale;
    cp_en: coverpoint en;
    cp_polarity: coverpoint polarity;
  endgroup
  cg_inputs cg = new();

  // Assertions
  property p_pwm_out_known;
    @(posedge clk) disable iff (!rst_n) checks_enabled |-> !$isunknown(pwm_out);
  endproperty
  a_pwm_out_known: assert property (p_pwm_out_known) else begin
    $error("pwm_out went unknown");
    errors++;
  end

  task automatic reset_phase(input int cycles = 5);
    begin
      en = '0;
      prescale = '0;
      period = '0;
      duty = '0;
      polarity = '0;
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
      polarity = 1'($urandom);
      repeat ($urandom_range(1, 4)) @(posedge clk);
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      prescale = $urandom;
      period = $urandom;
      duty = $random;
      vectors++;
      @(posedge clk);
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        en = 1'h1;
        prescale = 8'hc0;
        duty = 8'h55;
        polarity = 1'b0;
        @(posedge clk);
        period = '1;
        duty = 8'h0;
        polarity = 1'b1;
        @(posedge clk);
        en = 1'h1;
        duty = 8'h67;
        @(posedge clk);
      end
      1: begin
        period = '1;
        duty = 8'h40;
        @(posedge clk);
        en = 1'b0;
        duty = 8'hfa;
        polarity = '0;
        @(posedge clk);
        en = 1'h1;
        prescale = 8'd0;
        @(posedge clk);
        prescale = 8'h1;
        period = 8'h55;
        duty = 8'h55;
        polarity = 1'b1;
        @(posedge clk);
        en = '1;
        prescale = 8'hff;
        period = 8'h55;
        duty = '1;
        polarity = 1'h1;
        @(posedge clk);
        period = 8'h80;
        duty = 8'h4;
        polarity = '0;
        @(posedge clk);
        prescale = 8'h2;
        @(posedge clk);
      end
      2: begin
        en = 1'h1;
        period = 8'h0;
        duty = 8'h55;
        @(posedge clk);
        en = 1'h1;
        prescale = '0;
        period = 8'd0;
        @(posedge clk);
        en = 1'h1;
        duty = '0;
        polarity = 1'h1;
        @(posedge clk);
        prescale = 8'h55;
        duty = 8'h55;
        polarity = 1'h1;
        @(posedge clk);
        period = 8'h20;
        duty = 8'd0;
        polarity = 1'h0;
        @(posedge clk);
        en = 1'h1;
        prescale = 8'hb3;
        duty = 8'd0;
        polarity = '0;
        @(posedge clk);
        en = 1'h0;
        prescale = 8'h55;
        period = 8'h10;
        @(posedge clk);
      end
      3: begin
        prescale = 8'h9c;
        period = 8'h20;
        polarity = 1'h1;
        @(posedge clk);
        en = 1'h1;
        period = 8'h29;
        duty = 8'h4;
        @(posedge clk);
        period = '1;
        duty = 8'h55;
        @(posedge clk);
      end
      4: begin
        en = '1;
        polarity = 1'h1;
        @(posedge clk);
        period = 8'h55;
        @(posedge clk);
        en = 1'h1;
        prescale = 8'hff;
        period = 8'd0;
        duty = 8'hff;
        @(posedge clk);
        en = 1'b0;
        period = 8'h0;
        duty = 8'h4;
        @(posedge clk);
        duty = 8'h84;
        @(posedge clk);
        en = 1'h1;
        prescale = 8'h33;
        period = 8'ha8;
        duty = 8'd0;
        polarity = 1'h1;
        @(posedge clk);
        en = 1'h0;
        prescale = 8'h85;
        @(posedge clk);
      end
      5: begin
        en = 1'h1;
        duty = 8'h40;
        polarity = 1'h1;
        @(posedge clk);
        prescale = 8'h87;
        period = 8'h56;
        duty = 8'hff;
        @(posedge clk);
        prescale = 8'h20;
        @(posedge clk);
        en = 1'h1;
        period = 8'h0;
        polarity = 1'd0;
        @(posedge clk);
      end
      6: begin
        en = 1'h1;
        period = 8'h55;
        duty = 8'h4;
        polarity = 1'h1;
        @(posedge clk);
        prescale = 8'h37;
        @(posedge clk);
        en = '1;
        prescale = 8'h55;
        period = 8'hb2;
        polarity = '0;
        @(posedge clk);
        duty = 8'h55;
        polarity = 1'h1;
        @(posedge clk);
      end
      7: begin
        en = '1;
        polarity = '0;
        @(posedge clk);
        en = 1'h1;
        period = '0;
        @(posedge clk);
        en = '1;
        prescale = 8'hac;
        period = 8'h55;
        polarity = 1'h1;
        @(posedge clk);
        en = 1'h1;
        duty = '1;
        polarity = '0;
        @(posedge clk);
        en = 1'b1;
        prescale = 8'hff;
        period = 8'h20;
        polarity = 1'b1;
        @(posedge clk);
        en = 1'b1;
        prescale = '0;
        duty = 8'h55;
        polarity = 1'b0;
        @(posedge clk);
      end
      8: begin
        prescale = 8'h55;
        @(posedge clk);
        period = '1;
        duty = '1;
        @(posedge clk);
        en = 1'h0;
        prescale = 8'h20;
        period = 8'h5c;
        polarity = '1;
        @(posedge clk);
        en = 1'h0;
        period = 8'hf;
        @(posedge clk);
        en = 1'h1;
        duty = 8'h5d;
        polarity = 1'b1;
        @(posedge clk);
        polarity = '1;
        @(posedge clk);
        period = '1;
        duty = 8'h55;
        polarity = 1'h1;
        @(posedge clk);
        prescale = 8'h55;
        duty = 8'hff;
        polarity = '0;
        @(posedge clk);
      end
      9: begin
        en = 1'h1;
        prescale = 8'hff;
        period = 8'hff;
        polarity = 1'h1;
        @(posedge clk);
        en = '1;
        prescale = 8'h97;
        period = 8'hff;
        @(posedge clk);
        prescale = 8'd0;
        polarity = 1'h1;
        @(posedge clk);
        duty = 8'h55;
        polarity = 1'h1;
        @(posedge clk);
        en = 1'd0;
        period = 8'd0;
        @(posedge clk);
        en = 1'h1;
        period = 8'hff;
        polarity = 1'h0;
        @(posedge clk);
        en = '1;
        polarity = 1'b1;
        @(posedge clk);
      end
      default: begin
        en = 1'd0;
        prescale = '0;
        period = 8'd0;
        duty = '0;
        polarity = 1'h0;
        @(posedge clk);
      end
    endcase
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(pwm_out)) begin
        $error("[%0t] pwm_out is unknown: %b", $time, pwm_out);
        errors++;
      end
      if ($isunknown(period_start)) begin
        $error("[%0t] period_start is unknown: %b", $time, period_start);
        errors++;
      end
      if ($isunknown(count)) begin
        $error("[%0t] count is unknown: %b", $time, count);
        errors++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] pwm_out=%0h period_start=%0h count=%0h", $time, pwm_out, period_start, count);
  end

  localparam longint TIMEOUT_NS = 1_000_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
  end

  initial begin
    reset_phase();
    checks_enabled = 1;
    for (int p = 0; p < 11; p++) directed_pattern(p);
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
    // Walking ones on prescale
    for (int i = 0; i < $bits(prescale); i++) begin
      prescale = '0;
      prescale[i] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on period
    for (int n = 0; n < $bits(period); n++) begin
      period = '0;
      period[n] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on duty
    for (int i = 0; i < $bits(duty); i++) begin
      duty = '0;
      duty[i] = 1'b1;
      @(posedge clk);
    end
    // Sweep prescale with every other input random, a few passes
    repeat (4) begin
      for (int k = 0; k < 64; k++) begin
        prescale = k;
        en = 1'($urandom);
        period = $random;
        duty = 8'($urandom);
        polarity = $urandom % 2;
        @(posedge clk);
      end
    end
    repeat (3) begin
      reset_phase(2);
      for (int j = 0; j < 4; j++) directed_pattern($urandom_range(0, 10));
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
