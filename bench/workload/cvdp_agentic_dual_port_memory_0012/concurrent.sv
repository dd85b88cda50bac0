// ========================================================================
// Testbench for dual_port_memory
// Layered testbench with parallel stimulus threads, assertions and functional coverage
// Instance name "dut" is required by the coverage flow.
// ========================================================================
`timescale 1ns/1ps

module tb;

  // Parameters (defaults of the DUT)
  localparam DATA_WIDTH = 4;
  localparam ECC_WIDTH = 3;
  localparam ADDR_WIDTH = 5;
  localparam MEM_DEPTH = (1 << ADDR_WIDTH);

  localparam int CLK_PERIOD = 4;
  localparam int NUM_RANDOM = 256;

  // DUT inputs
  reg clk;
  reg rst_n;
  reg we;
  reg [ADDR_WIDTH-1:0] addr_a;
  reg [ADDR_WIDTH-1:0] addr_b;
  reg [DATA_WIDTH-1:0] data_in;

  // DUT outputs
  wire [DATA_WIDTH-1:0] data_out;
  wire ecc_error;

  // Device under test
  dual_port_memory #(
    .DATA_WIDTH(DATA_WIDTH),
    .ADDR_WIDTH(ADDR_WIDTH),
    .MEM_DEPTH(MEM_DEPTH)
  ) dut (
    .clk(clk),
    .rst_n(rst_n),
    .we(we),
    .addr_a(addr_a),
    .addr_b(addr_b),
    .data_in(data_in),
    .data_out(data_out),
    .ecc_error(ecc_error)
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
    cp_addr_a: coverpoint addr_a;
    cp_we: coverpoint we;
    cp_data_in: coverpoint data_in;
  endgroup
  cg_inputs cg = new();

  // Assertions
  property p_data_out_known;
    @(posedge clk) disable iff (!rst_n) checks_enabled |-> !$isunknown(data_out);
  endproperty
  a_data_out_known: assert property (p_data_out_known) else begin
    $error("data_out went unknown");
    errors++;
  end

  task automatic reset_phase(input int cycles = 2);
    begin
      we = '0;
      addr_a = '0;
      addr_b = '0;
      data_in = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  task automatic control_thread(input int n);
    repeat (n) begin
      we = $urandom % 2;
      data_in = $urandom_range(0, 15);
      repeat ($urandom_range(1, 4)) @(posedge clk);
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      addr_a = $urandom;
      addr_b = 5'($urandom);
      vectors++;
      @(posedge clk);
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        addr_a = 5'h8;
        data_in = 4'd0;
        @(posedge clk);
        we = 1'h1;
        addr_b = 5'h1b;
        @(posedge clk);
        we = 1'h1;
        addr_a = '1;
        @(posedge clk);
        we = 1'h1;
        addr_a = 5'h1f;
        addr_b = 5'h8;
        @(posedge clk);
        we = 1'd0;
        addr_a = 5'h10;
        @(posedge clk);
      end
      1: begin
        addr_b = 5'd0;
        data_in = 4'h4;
        @(posedge clk);
        addr_a = 5'h10;
        addr_b = 5'h9;
        @(posedge clk);
        we = 1'b1;
        addr_a = 5'h15;
        addr_b = 5'd0;
        @(posedge clk);
        data_in = 4'h9;
        @(posedge clk);
        we = 1'h1;
        addr_a = 5'h15;
        addr_b = 5'h2;
        @(posedge clk);
        we = 1'h1;
        addr_a = 5'h10;
        addr_b = 5'd0;
        @(posedge clk);
      end
      2: begin
        we = 1'h1;
        addr_a = 5'h15;
        data_in = 4'h5;
        @(posedge clk);
        addr_a = 5'h11;
        addr_b = 5'd0;
        @(posedge clk);
        data_in = 4'h1;
        @(posedge clk);
        @(posedge clk);
        we = '1;
        addr_a = 5'h4;
        data_in = 4'h1;
        @(posedge clk);
        addr_b = 5'h4;
        data_in = 4'h4;
        @(posedge clk);
        we = 1'h1;
        addr_b = 5'h1f;
        @(posedge clk);
        we = 1'h1;
        addr_a = 5'h5;
        @(posedge clk);
      end
      3: begin
        we = 1'h0;
        addr_a = 5'h0;
        data_in = 4'd0;
        @(posedge clk);
        we = 1'b1;
        addr_a = 5'h1;
        addr_b = 5'h0;
        @(posedge clk);
        we = 1'b1;
        addr_a = '0;
        data_in = 4'hf;
        @(posedge clk);
      end
      4: begin
        addr_b = 5'h0;
        @(posedge clk);
        addr_b = 5'h15;
        @(posedge clk);
        addr_a = '1;
        addr_b = 5'h1c;
        data_in = 4'h8;
        @(posedge clk);
      end
      5: begin
        we = 1'h1;
        addr_a = 5'h0;
        data_in = 4'h0;
        @(posedge clk);
        addr_a = 5'h10;
        addr_b = 5'h15;
        @(posedge clk);
        we = 1'b1;
        addr_a = 5'd0;
        data_in = 4'h2;
        @(posedge clk);
        addr_a = 5'h1f;
        @(posedge clk);
      end
      6: begin
        addr_a = '0;
        data_in = 4'h4;
        @(posedge clk);
        addr_a = 5'h2;
        @(posedge clk);
        we = 1'd0;
        addr_a = 5'h15;
        addr_b = 5'h8;
        data_in = '0;
        @(posedge clk);
        we = '1;
        addr_b = 5'h15;
        @(posedge clk);
        we = 1'h1;
        addr_a = '1;
        data_in = 4'd0;
        @(posedge clk);
        data_in = 4'h0;
        @(posedge clk);
        addr_a = '1;
        addr_b = 5'h1f;
        @(posedge clk);
      end
      7: begin
        addr_a = 5'h15;
        addr_b = 5'h12;
        data_in = 4'h4;
        @(posedge clk);
        we = 1'h1;
        addr_b = 5'h10;
        @(posedge clk);
        @(posedge clk);
        addr_b = '1;
        @(posedge clk);
      end
      8: begin
        addr_b = 5'h15;
        @(posedge clk);
        @(posedge clk);
        we = 1'h1;
        addr_a = 5'h1f;
        addr_b = 5'h1;
        data_in = 4'h1;
        @(posedge clk);
        we = 1'h1;
        addr_a = '1;
        addr_b = 5'h8;
        data_in = 4'd0;
        @(posedge clk);
        we = 1'h1;
        addr_a = '1;
        addr_b = 5'h1f;
        data_in = 4'h2;
        @(posedge clk);
        we = '0;
        addr_a = 5'h15;
        data_in = 4'hf;
        @(posedge clk);
        we = 1'b1;
        addr_b = 5'h7;
        data_in = 4'h4;
        @(posedge clk);
      end
      default: begin
        we = 1'h0;
        addr_a = '0;
        addr_b = 5'd0;
        data_in = 4'd0;
        @(posedge clk);
      end
    endcase
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(data_out)) begin
        $error("[%0t] data_out is unknown: %b", $time, data_out);
        errors++;
      end
      if ($isunknown(ecc_error)) begin
        $error("[%0t] ecc_error is unknown: %b", $time, ecc_error);
        errors++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] data_out=%0h ecc_error=%0h", $time, data_out, ecc_error);
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
      data_thread(500);
    join
    -> phase_done;
    // Second phase: stimulus while waiting for a quiet period, bounded
    fork
      data_thread(64);
      control_thread(32);
    join_none
    wait fork;
    // Walking ones on addr_a
    for (int n = 0; n < $bits(addr_a); n++) begin
      addr_a = '0;
      addr_a[n] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on addr_b
    for (int bit_idx = 0; bit_idx < $bits(addr_b); bit_idx++) begin
      addr_b = '0;
      addr_b[bit_idx] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on data_in
    for (int k = 0; k < $bits(data_in); k++) begin
      data_in = '0;
      data_in[k] = 1'b1;
      @(posedge clk);
    end
    // Sweep addr_a with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 32; k++) begin
        addr_a = k;
        we = $urandom % 2;
        addr_b = $random;
        data_in = $urandom;
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
