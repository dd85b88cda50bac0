// ============================================================
// Testbench for gf_mac
// Layered testbench with parallel stimulus threads, assertions and functional coverage
// Instance name "uut" is required by the coverage flow.
// ============================================================
`timescale 1ns / 1ps

module tb;

  // Parameters (defaults of the DUT)
  localparam WIDTH = 32;

  localparam int NUM_RANDOM = 256;

  // DUT inputs
  logic reset;
  logic enable;
  logic pass_through;
  logic [WIDTH-1:0] a;
  logic [WIDTH-1:0] b;

  // DUT outputs
  logic [7:0] result;
  logic valid_result;
  logic ready;
  logic error_flag;

  // Device under test
  gf_mac #(
    .WIDTH(WIDTH)
  ) uut (
    .reset(reset),
    .enable(enable),
    .pass_through(pass_through),
    .a(a),
    .b(b),
    .result(result),
    .valid_result(valid_result),
    .ready(ready),
    .error_flag(error_flag)
  );

  int unsigned errors = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  task automatic reset_phase(input int cycles = 2);
    begin
      enable = '0;
      pass_through = '0;
      a = '0;
      b = '0;
      reset = 1'b1;
      #(cycles * 10);
      reset = 1'b0;
      #1;
      $display("[%0t] reset done", $time);
    end

  task automatic control_thread(input int n);
    repeat (n) begin
      enable = $urandom % 2;
      pass_through = $urandom_range(0, 1);
      repeat ($urandom_range(1, 4)) #10;
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      a = $urandom;
      b = $urandom;
      vectors++;
      #10;
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        pass_through = '1;
        b = 32'h55555555;
        #10;
        pass_through = '1;
        a = 32'h0;
        b = '1;
        #10;
        pass_through = 1'b1;
        a = 32'h55555555;
        b = '0;
        #10;
        enable = 1'h1;
        pass_through = 1'h1;
        b = '1;
        #10;
        pass_through = '1;
        a = 32'hffffffff;
        b = 32'd0;
        #10;
        enable = 1'h1;
        pass_through = 1'h1;
        a = 32'ha692ce80;
        b = 32'hffffffff;
        #10;
        pass_through = 1'b0;
        a = 32'd0;
        #10;
        enable = 1'h0;
        pass_through = 1'h1;
        a = 32'h60e4cf68;
        #10;
      end
      1: begin
        enable = 1'b1;
        pass_through = 1'b1;
        a = 32'h2c20d133;
        #10;
        enable = 1'b1;
        pass_through = 1'h1;
        a = 32'h55555555;
        b = 32'hffffffff;
        #10;
        enable = 1'h1;
        b = 32'h10000;
        #10;
        pass_through = 1'h0;
        a = 32'd0;
        #10;
        enable = 1'h1;
        #10;
        enable = '1;
        a = 32'h2000000;
        b = 32'hffffffff;
        #10;
        enable = 1'h1;
        pass_through = 1'b0;
        a = 32'h55555555;
        #10;
        a = 32'h40ee4f0e;
        b = 32'h80;
        #10;
      end
      2: begin
        enable = 1'b0;
        pass_through = 1'b0;
        a = 32'hffffffff;
        #10;
        enable = 1'b0;
        pass_through = '0;
        a = 32'hcde2f172;
        b = 32'd0;
        #10;
        pass_through = 1'b1;
        a = 32'h55555555;
        b = 32'h100;
        #10;
        enable = 1'h0;
        a = 32'h2;
        #10;
        pass_through = '1;
        a = 32'h4000000;
        #10;
        pass_through = 1'h1;
        a = 32'h55555555;
        #10;
        a = 32'h0;
        b = 32'hffffffff;
        #10;
      end
      3: begin
        a = 32'hffffffff;
        b = '1;
        #10;
        enable = 1'h1;
        pass_through = 1'b0;
        a = 32'hffffffff;
        b = 32'h40;
        #10;
        enable = 1'h1;
        b = 32'h55555555;
        #10;
        enable = '1;
        #10;
        #10;
        enable = 1'b1;
        pass_through = '1;
        a = 32'h431fad16;
        #10;
        pass_through = 1'h1;
        a = '1;
        b = '1;
        #10;
      end
      4: begin
        enable = 1'd0;
        a = 32'hc197839e;
        b = 32'h55555555;
        #10;
        a = 32'h55555555;
        b = 32'h950b8071;
        #10;
        b = 32'hf456cdf7;
        #10;
        enable = 1'b1;
        pass_through = 1'h1;
        a = 32'd0;
        b = '1;
        #10;
      end
      5: begin
        enable = '1;
        pass_through = 1'h1;
        b = 32'he48f8a6e;
        #10;
        a = 32'h0;
        #10;
        enable = 1'h0;
        pass_through = 1'h0;
        a = 32'ha9307d43;
        #10;
      end
      6: begin
        b = 32'd0;
        #10;
        enable = 1'b1;
        pass_through = 1'h1;
        a = 32'hffffffff;
        #10;
        enable = 1'h1;
        pass_through = 1'd0;
        a = 32'h80;
        b = 32'hff0d62b8;
        #10;
        pass_through = 1'h1;
        a = 32'hffffffff;
        b = 32'hffffffff;
        #10;
        enable = 1'h1;
        pass_through = 1'h0;
        b = 32'h200;
        #10;
        enable = 1'd0;
        pass_through = 1'h1;
        b = 32'h55555555;
        #10;
        enable = 1'h1;
        a = 32'h55d2bae0;
        #10;
        enable = '0;
        #10;
      end
      7: begin
        enable = 1'h1;
        pass_through = '1;
        a = '0;
        b = '1;
        #10;
        enable = '1;
        pass_through = 1'b1;
        b = 32'h7a2908e1;
        #10;
        a = 32'h0;
        b = 32'h40000000;
        #10;
        enable = 1'h1;
        a = 32'he05436e;
        b = 32'h55555555;
        #10;
        pass_through = 1'h0;
        b = 32'd0;
        #10;
      end
      8: begin
        enable = 1'd0;
        a = 32'h0;
        #10;
        pass_through = 1'b0;
        b = '1;
        #10;
        enable = 1'h1;
        pass_through = 1'b1;
        a = 32'h81dbbc7d;
        #10;
        enable = 1'h1;
        a = 32'h100000;
        b = 32'h55555555;
        #10;
      end
      9: begin
        enable = 1'h1;
        pass_through = 1'h1;
        a = 32'h0;
        #10;
        enable = 1'd0;
        pass_through = 1'h1;
        a = 32'hbaea56d0;
        b = 32'h75b1f62e;
        #10;
        enable = 1'b0;
        pass_through = 1'h1;
        a = '0;
        #10;
        #10;
        enable = 1'h1;
        a = 32'd0;
        b = 32'h2000;
        #10;
        pass_through = 1'h1;
        b = 32'h55555555;
        #10;
      end
      10: begin
        enable = 1'h1;
        b = 32'd0;
        #10;
        b = 32'h0;
        #10;
        pass_through = 1'h1;
        a = 32'hba66dc48;
        b = '1;
        #10;
      end
      11: begin
        enable = 1'h1;
        a = 32'h55555555;
        #10;
        enable = 1'd0;
        pass_through = 1'h0;
        a = 32'h4000000;
        #10;
        pass_through = 1'h1;
        a = 32'h10000000;
        b = 32'h5a2cf618;
        #10;
        enable = 1'b0;
        pass_through = '1;
        a = 32'h55555555;
        b = 32'h800;
        #10;
        enable = 1'h1;
        a = '1;
        b = 32'h4;
        #10;
        a = '0;
        #10;
        enable = 1'h1;
        pass_through = 1'h1;
        b = 32'h1000;
        #10;
      end
      default: begin
        enable = '0;
        pass_through = 1'd0;
        a = 32'd0;
        b = 32'h0;
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
      if ($isunknown(valid_result)) begin
        $error("[%0t] valid_result is unknown: %b", $time, valid_result);
        errors++;
      end
      if ($isunknown(ready)) begin
        $error("[%0t] ready is unknown: %b", $time, ready);
        errors++;
      end
      if ($isunknown(error_flag)) begin
        $error("[%0t] error_flag is unknown: %b", $time, error_flag);
        errors++;
      end
    end
  end

  localparam longint TIMEOUT_NS = 5_000_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
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
    // Walking ones on a
    for (int bit_idx = 0; bit_idx < $bits(a); bit_idx++) begin
      a = '0;
      a[bit_idx] = 1'b1;
      #10;
    end
    // Walking ones on b
    for (int bit_idx = 0; bit_idx < $bits(b); bit_idx++) begin
      b = '0;
      b[bit_idx] = 1'b1;
      #10;
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
