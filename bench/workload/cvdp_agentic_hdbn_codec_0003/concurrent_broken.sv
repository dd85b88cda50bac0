// ************************************************************
// Testbench for hdbn_top
// Layered testbench with parallel stimulus threads, assertions and functional coverage
// Instance name "uut" is required by the coverage flow.
// ************************************************************
`timescale 1ns/1ns

module test_hdbn_top;

  localparam int CLK_PERIOD = 4;
  localparam int NUM_RANDOM = 200;

  // DUT inputs
  logic clk_in;
  logic reset_in;
  logic pulse_active_state;
  logic [1:0] encoder_type;
  logic clk_enable_in;
  logic data_in;
  logic output_gate_in;
  logic p_in;
  logic n_in;

  // DUT outputs
  logic p_out;
  logic n_out;
  logic data_out;
  logic code_error_out;

  // Device under test
  hdbn_top uut (
    .reset_in(reset_in),
    .clk_in(clk_in),
    .pulse_active_state(pulse_active_state),
    .encoder_type(encoder_type),
    .clk_enable_in(clk_enable_in),
    .data_in(data_in),
    .output_gate_in(output_gate_in),
    .p_out(p_out),
    .n_out(n_out),
    .p_in(p_in),
    .n_in(n_in),
    .data_out(data_out),
    .code_error_out(code_error_out)
  );

  // Clock generation
  initial clk_in = 0;
  always #(CLK_PERIOD/2) clk_in = ~clk_in;

  int unsigned errors_total = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  // Assertions
  property p_p_out_known;
    @(posedge clk_in) disable iff (reset_in) checks_enabled |-> !$isunknown(p_out);
  endproperty
  a_p_out_known: assert property (p_p_out_known) else begin
    $error("p_out went unknown");
    errors++;
  end

  task automatic reset_phase(input int cycles = 2);
    begin
      pulse_active_state = '0;
      encoder_type = '0;
      clk_enable_in = '0;
      data_in = '0;
      output_gate_in = '0;
      p_in = '0;
      n_in = '0;
      reset_in = 1'b1;
      repeat (cycles) @(posedge clk_in);
      reset_in = 1'b0;
      @(posedge clk_in);
      $display("[%0t] reset done", $time);
    end
  endtask

  task automatic control_thread(input int n);
    repeat (n) begin
      pulse_active_state = $urandom_range(0, 1);
      encoder_type = $urandom;
      clk_enable_in = 1'($urandom);
      data_in = $urandom % 2;
      output_gate_in = 1'($urandom);
      p_in = 1'($urandom);
      repeat ($urandom_range(1, 4)) @(posedge clk_in);
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      vectors++;
      @(posedge clk_in);
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        pulse_active_state = 1'd0;
        encoder_type = '1;
        output_gate_in = 1'h1;
        n_in = 1'b1;
        @(posedge clk_in);
        encoder_type = '1;
        clk_enable_in = '1;
        data_in = 1'h1;
        n_in = '1;
        @(posedge clk_in);
        pulse_active_state = 1'h1;
        output_gate_in = 1'b1;
        @(posedge clk_in);
      end
      1: begin
        data_in = 1'h1;
        output_gate_in = 1'h1;
        p_in = 1'h1;
        n_in = 1'd0;
        @(posedge clk_in);
        encoder_type = 2'h2;
        clk_enable_in = 1'h1;
        output_gate_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'h1;
        clk_enable_in = 1'h1;
        data_in = 1'h1;
        @(posedge clk_in);
      end
      2: begin
        pulse_active_state = 1'b0;
        clk_enable_in = 1'h1;
        output_gate_in = 1'h1;
        n_in = 1'h0;
        @(posedge clk_in);
        data_in = 1'h1;
        output_gate_in = '1;
        @(posedge clk_in);
        pulse_active_state = 1'h0;
        data_in = 1'h1;
        output_gate_in = '1;
        p_in = '1;
        n_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'h1;
        encoder_type = '0;
        p_in = 1'h1;
        @(posedge clk_in);
        encoder_type = 2'd0;
        clk_enable_in = 1'h1;
        data_in = 1'h1;
        output_gate_in = 1'h1;
        p_in = 1'b0;
        n_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'd0;
        clk_enable_in = 1'h1;
        output_gate_in = 1'h1;
        @(posedge clk_in);
        clk_enable_in = 1'h1;
        output_gate_in = 1'h0;
        n_in = 1'b1;
        @(posedge clk_in);
        pulse_active_state = 1'h1;
        encoder_type = '0;
        clk_enable_in = 1'h1;
        data_in = 1'h1;
        output_gate_in = 1'b1;
        p_in = 1'h1;
        n_in = 1'h1;
        @(posedge clk_in);
      end
      3: begin
        clk_enable_in = 1'b1;
        data_in = 1'b1;
        p_in = 1'h1;
        n_in = 1'h0;
        @(posedge clk_in);
        pulse_active_state = 1'b0;
        data_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'h0;
        encoder_type = 2'h1;
        data_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'h1;
        encoder_type = 2'h2;
        clk_enable_in = 1'd0;
        @(posedge clk_in);
      end
      4: begin
        pulse_active_state = 1'h1;
        encoder_type = 2'h1;
        data_in = 1'h1;
        output_gate_in = '0;
        p_in = 1'h0;
        n_in = 1'b0;
        @(posedge clk_in);
        pulse_active_state = 1'h1;
        clk_enable_in = 1'h1;
        data_in = 1'b0;
        p_in = 1'b1;
        n_in = 1'b1;
        @(posedge clk_in);
        pulse_active_state = 1'b1;
        output_gate_in = '1;
        p_in = 1'h1;
        n_in = 1'h0;
        @(posedge clk_in);
        pulse_active_state = 1'h1;
        encoder_type = '0;
        data_in = 1'b1;
        output_gate_in = 1'h0;
        p_in = 1'h1;
        @(posedge clk_in);
        clk_enable_in = 1'h1;
        data_in = 1'h1;
        output_gate_in = 1'h0;
        n_in = '0;
        @(posedge clk_in);
        pulse_active_state = 1'b0;
        output_gate_in = 1'b1;
        n_in = 1'h1;
        @(posedge clk_in);
      end
      5: begin
        pulse_active_state = 1'h1;
        encoder_type = '1;
        clk_enable_in = 1'h1;
        data_in = 1'h0;
        output_gate_in = 1'h1;
        n_in = 1'h0;
        @(posedge clk_in);
        clk_enable_in = 1'h1;
        data_in = '1;
        p_in = 1'd0;
        n_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'd0;
        clk_enable_in = 1'b0;
        p_in = 1'd0;
        @(posedge clk_in);
      end
      6: begin
        pulse_active_state = 1'b1;
        encoder_type = 2'h1;
        clk_enable_in = 1'h1;
        data_in = 1'b1;
        n_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = '0;
        encoder_type = 2'h0;
        data_in = 1'h1;
        output_gate_in = 1'd0;
        n_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'h1;
        encoder_type = 2'h0;
        clk_enable_in = 1'h0;
        data_in = '1;
        output_gate_in = 1'b1;
        p_in = 1'h1;
        n_in = 1'd0;
        @(posedge clk_in);
        pulse_active_state = '1;
        clk_enable_in = 1'd0;
        data_in = 1'b0;
        output_gate_in = 1'h1;
        n_in = 1'h1;
        @(posedge clk_in);
      end
      7: begin
        encoder_type = 2'h2;
        clk_enable_in = 1'h1;
        data_in = 1'h1;
        output_gate_in = 1'h1;
        n_in = '1;
        @(posedge clk_in);
        encoder_type = 2'd0;
        clk_enable_in = 1'h1;
        data_in = '1;
        output_gate_in = 1'h1;
        p_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'b1;
        output_gate_in = 1'h1;
        p_in = 1'h1;
        n_in = 1'd0;
        @(posedge clk_in);
        pulse_active_state = 1'h1;
        encoder_type = 2'h2;
        data_in = 1'b1;
        p_in = 1'h1;
        @(posedge clk_in);
        data_in = 1'h1;
        p_in = 1'b0;
        n_in = '1;
        @(posedge clk_in);
      end
      8: begin
        pulse_active_state = 1'h1;
        data_in = 1'h0;
        p_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'b0;
        encoder_type = 2'h1;
        clk_enable_in = 1'h1;
        data_in = 1'h1;
        output_gate_in = '1;
        p_in = '1;
        @(posedge clk_in);
        encoder_type = 2'h2;
        clk_enable_in = 1'h1;
        data_in = 1'h1;
        output_gate_in = 1'd0;
        p_in = 1'd0;
        @(posedge clk_in);
        pulse_active_state = '1;
        output_gate_in = 1'h1;
        @(posedge clk_in);
        encoder_type = 2'h3;
        clk_enable_in = 1'h0;
        p_in = '0;
        @(posedge clk_in);
        pulse_active_state = 1'b1;
        encoder_type = '1;
        data_in = 1'd0;
        n_in = 1'h1;
        @(posedge clk_in);
        encoder_type = 2'h1;
        output_gate_in = 1'b1;
        p_in = 1'h1;
        @(posedge clk_in);
        encoder_type = 2'h2;
        clk_enable_in = 1'h1;
        output_gate_in = 1'h1;
        @(posedge clk_in);
      end
      9: begin
        encoder_type = '0;
        clk_enable_in = 1'h1;
        data_in = 1'h1;
        output_gate_in = 1'h1;
        n_in = 1'h1;
        @(posedge clk_in);
        encoder_type = 2'h1;
        clk_enable_in = 1'h0;
        data_in = 1'h1;
        @(posedge clk_in);
        encoder_type = 2'h1;
        clk_enable_in = '0;
        data_in = 1'h1;
        output_gate_in = 1'h1;
        p_in = 1'h1;
        n_in = 1'h1;
        @(posedge clk_in);
        encoder_type = 2'h3;
        clk_enable_in = 1'h1;
        data_in = 1'h1;
        p_in = '1;
        n_in = 1'b0;
        @(posedge clk_in);
        pulse_active_state = 1'h1;
        data_in = 1'h1;
        output_gate_in = 1'h1;
        p_in = 1'd0;
        n_in = 1'h1;
        @(posedge clk_in);
      end
      10: begin
        encoder_type = 2'h1;
        data_in = 1'h1;
        output_gate_in = 1'd0;
        p_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'd0;
        encoder_type = 2'h1;
        output_gate_in = 1'h1;
        n_in = 1'b0;
        @(posedge clk_in);
        pulse_active_state = 1'h1;
        encoder_type = 2'h2;
        n_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'b1;
        encoder_type = 2'h1;
        clk_enable_in = 1'b0;
        data_in = 1'h0;
        output_gate_in = 1'd0;
        p_in = 1'd0;
        n_in = 1'h0;
        @(posedge clk_in);
        encoder_type = 2'h0;
        output_gate_in = 1'b1;
        p_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = 1'b1;
        data_in = 1'b1;
        @(posedge clk_in);
        encoder_type = 2'h1;
        data_in = '0;
        output_gate_in = '1;
        p_in = 1'b1;
        n_in = 1'h1;
        @(posedge clk_in);
        pulse_active_state = '0;
        encoder_type = 2'h2;
        p_in = 1'h1;
        n_in = 1'h1;
        @(posedge clk_in);
      end
      default: begin
        pulse_active_state = 1'd0;
        encoder_type = '0;
        clk_enable_in = 1'h0;
        data_in = 1'h0;
        output_gate_in = '0;
        p_in = '0;
        n_in = '0;
        @(posedge clk_in);
      end
    endcase
  endtask

  always @(negedge clk_in) begin
    if (checks_enabled && !reset_in) begin
      if ($isunknown(p_out)) begin
        $error("[%0t] p_out is unknown: %b", $time, p_out);
        errors++;
      end
      if ($isunknown(n_out)) begin
        $error("[%0t] n_out is unknown: %b", $time, n_out);
        errors++;
      end
      if ($isunknown(data_out)) begin
        $error("[%0t] data_out is unknown: %b", $time, data_out);
        errors++;
      end
      if ($isunknown(code_error_out)) begin
        $error("[%0t] code_error_out is unknown: %b", $time, code_error_out);
        errors++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk_in) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] p_out=%0h n_out=%0h data_out=%0h code_error_out=%0h", $time, p_out, n_out, data_out, code_error_out);
  end

  localparam longint TIMEOUT_NS = 1_000_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
  end

  initial begin
    reset_phase();
    checks_enabled = 1;
    for (int p = 0; p < 12; p++) directed_pattern(p);
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
    // Walking ones on encoder_type
    for (int i = 0; i < $bits(encoder_type); i++) begin
      encoder_type = '0;
      encoder_type[i] = 1'b1;
      @(posedge clk_in);
    end
    // Sweep encoder_type with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 4; k++) begin
        encoder_type = k;
        pulse_active_state = $urandom % 2;
        clk_enable_in = $urandom % 2;
        data_in = 1'($urandom);
        output_gate_in = 1'($urandom);
        @(posedge clk_in);
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
