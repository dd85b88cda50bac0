// ============================================================
// Testbench for apb_dsp_op
// Layered testbench with parallel stimulus threads, assertions and functional coverage
// Instance name "apb_dsp_op_dut" is required by the coverage flow.
// ============================================================
`timescale 1ns/1ps

module tb_apb_dsp_op;

  // Parameters (defaults of the DUT)
  localparam ADDR_WIDTH = 'd8;
  localparam DATA_WIDTH = 'd32;

  localparam int CLK_PERIOD = 10;
  localparam int NUM_RANDOM = 256;

  // DUT inputs
  reg clk_dsp;
  reg PCLK;
  reg PRESETn;
  reg en_clk_dsp;
  reg [ADDR_WIDTH-1:0] PADDR;
  reg PWRITE;
  reg [DATA_WIDTH-1:0] PWDATA;
  reg PSEL;
  reg PENABLE;

  // DUT outputs
  wire [DATA_WIDTH-1:0] PRDATA;
  wire PREADY;
  wire PSLVERR;

  // Device under test
  apb_dsp_op #(
    .ADDR_WIDTH(ADDR_WIDTH),
    .DATA_WIDTH(DATA_WIDTH)
  ) apb_dsp_op_dut (
    .clk_dsp(clk_dsp),
    .en_clk_dsp(en_clk_dsp),
    .PCLK(PCLK),
    .PRESETn(PRESETn),
    .PADDR(PADDR),
    .PWRITE(PWRITE),
    .PWDATA(PWDATA),
    .PSEL(PSEL),
    .PENABLE(PENABLE),
    .PRDATA(PRDATA),
    .PREADY(PREADY),
    .PSLVERR(PSLVERR)
  );

  // Clock generation
  initial clk_dsp = 0;
  always #(CLK_PERIOD/2) clk_dsp = ~clk_dsp;
  initial begin
    PCLK = 1'b0;
    forever #(8) PCLK = ~PCLK;
  end

  int unsigned errors = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  // Assertions
  property p_PRDATA_known;
    @(posedge clk_dsp) disable iff (!PRESETn) checks_enabled |-> !$isunknown(PRDATA);
  endproperty
  a_PRDATA_known: assert property (p_PRDATA_known) else begin
    $error("PRDATA went unknown");
    errors++;
  end

  task automatic reset_phase(input int cycles = 2);
    begin
      en_clk_dsp = '0;
      PADDR = '0;
      PWRITE = '0;
      PWDATA = '0;
      PSEL = '0;
      PENABLE = '0;
      PRESETn = 1'b0;
      repeat (cycles) @(posedge clk_dsp);
      PRESETn = 1'b1;
      @(posedge clk_dsp);
      $display("[%0t] reset done", $time);
    end
  endtask

  task automatic control_thread(input int n);
    repeat (n) begin
      en_clk_dsp = $urandom % 2;
      PWRITE = 1'($urandom);
      PSEL = $urandom % 2;
      PENABLE = $urandom % 2;
      repeat ($urandom_range(1, 4)) @(posedge clk_dsp);
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      PADDR = 8'($urandom);
      PWDATA = $urandom;
      vectors++;
      @(posedge clk_dsp);
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        en_clk_dsp = 1'h1;
        PADDR = 8'hff;
        PWRITE = 1'd0;
        PWDATA = 32'h6360e1c6;
        PSEL = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h0;
        PADDR = 8'hff;
        PWRITE = 1'd0;
        PSEL = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = '0;
        PSEL = 1'h1;
        PENABLE = 1'b1;
        @(posedge clk_dsp);
      end
      1: begin
        en_clk_dsp = 1'h1;
        PWRITE = 1'h1;
        PWDATA = 32'h55555555;
        @(posedge clk_dsp);
        PADDR = 8'h55;
        PWDATA = 32'd0;
        PENABLE = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PADDR = 8'h55;
        PWRITE = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = '1;
        PADDR = '0;
        PWRITE = 1'h1;
        PSEL = 1'd0;
        PENABLE = 1'h1;
        @(posedge clk_dsp);
      end
      2: begin
        en_clk_dsp = 1'b0;
        PWRITE = 1'h1;
        @(posedge clk_dsp);
        PSEL = '1;
        PENABLE = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PWDATA = 32'hffffffff;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PWRITE = 1'b0;
        PWDATA = 32'hffffffff;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PWRITE = 1'h1;
        PWDATA = 32'hffffffff;
        PENABLE = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PADDR = 8'h55;
        PWDATA = 32'h2000;
        PSEL = '1;
        @(posedge clk_dsp);
        en_clk_dsp = '1;
        PWDATA = 32'h55555555;
        PENABLE = 1'b1;
        @(posedge clk_dsp);
        PWDATA = 32'h55555555;
        PSEL = '1;
        PENABLE = 1'h1;
        @(posedge clk_dsp);
      end
      3: begin
        en_clk_dsp = 1'b0;
        PWRITE = '1;
        PWDATA = 32'h628562ca;
        @(posedge clk_dsp);
        PWRITE = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = '1;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PADDR = 8'h20;
        PWDATA = 32'h10000000;
        @(posedge clk_dsp);
        PADDR = 8'hf5;
        PWRITE = 1'h1;
        PWDATA = 32'h55555555;
        PSEL = 1'h0;
        @(posedge clk_dsp);
        PSEL = 1'h1;
        PENABLE = '0;
        @(posedge clk_dsp);
        en_clk_dsp = '1;
        PADDR = '0;
        PWRITE = 1'h1;
        PWDATA = '1;
        PENABLE = 1'h1;
        @(posedge clk_dsp);
      end
      4: begin
        PADDR = 8'h55;
        PSEL = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = 1'b1;
        PWRITE = 1'h1;
        PENABLE = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = '1;
        PWRITE = 1'h1;
        PWDATA = 32'h55555555;
        @(posedge clk_dsp);
        en_clk_dsp = '1;
        PADDR = 8'h55;
        PWDATA = 32'h2b5b4bf4;
        @(posedge clk_dsp);
        PADDR = 8'h0;
        PWRITE = '1;
        PSEL = '1;
        PENABLE = 1'd0;
        @(posedge clk_dsp);
        PWDATA = 32'hffffffff;
        PSEL = 1'b0;
        PENABLE = 1'b0;
        @(posedge clk_dsp);
      end
      5: begin
        PADDR = 8'h20;
        PWRITE = '1;
        PENABLE = 1'b0;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PWDATA = 32'h4000000;
        PSEL = 1'h1;
        PENABLE = 1'b0;
        @(posedge clk_dsp);
        PENABLE = 1'd0;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PWDATA = 32'habfd39df;
        @(posedge clk_dsp);
        en_clk_dsp = '1;
        PADDR = '0;
        PWRITE = 1'b1;
        PWDATA = 32'h55555555;
        PSEL = 1'h1;
        PENABLE = '1;
        @(posedge clk_dsp);
        PADDR = 8'd0;
        PWRITE = 1'h1;
        PSEL = '1;
        PENABLE = '1;
        @(posedge clk_dsp);
      end
      6: begin
        en_clk_dsp = 1'h1;
        PADDR = '0;
        PSEL = 1'b0;
        PENABLE = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PWRITE = 1'b0;
        PWDATA = 32'h0;
        PSEL = 1'h1;
        @(posedge clk_dsp);
        PADDR = '0;
        PWRITE = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = '1;
        PADDR = 8'h20;
        PWRITE = 1'h1;
        PWDATA = 32'h8f25d918;
        @(posedge clk_dsp);
        en_clk_dsp = 1'b0;
        PADDR = 8'h1d;
        PWRITE = 1'h1;
        PWDATA = '1;
        PSEL = 1'h1;
        @(posedge clk_dsp);
        PADDR = 8'h2e;
        PWRITE = 1'h1;
        PWDATA = 32'ha39e09c6;
        PSEL = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PWRITE = 1'h1;
        PWDATA = 32'h55555555;
        PSEL = 1'h1;
        PENABLE = 1'b0;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PADDR = 8'h55;
        PWRITE = 1'h1;
        PWDATA = 32'h400000;
        PSEL = 1'h0;
        @(posedge clk_dsp);
      end
      7: begin
        en_clk_dsp = 1'b0;
        PWDATA = 32'h2fa0557d;
        @(posedge clk_dsp);
        en_clk_dsp = 1'd0;
        PADDR = 8'hff;
        PENABLE = 1'b0;
        @(posedge clk_dsp);
        en_clk_dsp = 1'd0;
        PWRITE = 1'd0;
        PWDATA = 32'd0;
        PENABLE = 1'b0;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PADDR = 8'h43;
        PWRITE = 1'h0;
        PENABLE = 1'b0;
        @(posedge clk_dsp);
        en_clk_dsp = 1'd0;
        PADDR = 8'h55;
        PSEL = 1'd0;
        PENABLE = 1'b0;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        @(posedge clk_dsp);
      end
      8: begin
        en_clk_dsp = '0;
        PSEL = 1'h1;
        PENABLE = 1'h1;
        @(posedge clk_dsp);
        PADDR = 8'hff;
        PWRITE = 1'h1;
        PWDATA = '0;
        PSEL = '0;
        PENABLE = 1'h1;
        @(posedge clk_dsp);
        en_clk_dsp = 1'h1;
        PWRITE = '1;
        PWDATA = 32'h55555555;
        PSEL = 1'h0;
        @(posedge clk_dsp);
        PADDR = 8'd0;
        PWDATA = 32'h55555555;
        @(posedge clk_dsp);
      end
      default: begin
        en_clk_dsp = 1'd0;
        PADDR = '0;
        PWRITE = 1'd0;
        PWDATA = 32'd0;
        PSEL = '0;
        PENABLE = 1'd0;
        @(posedge clk_dsp);
      end
    endcase
  endtask

  always @(negedge clk_dsp) begin
    if (checks_enabled && PRESETn) begin
      if ($isunknown(PRDATA)) begin
        $error("[%0t] PRDATA is unknown: %b", $time, PRDATA);
        errors++;
      end
      if ($isunknown(PREADY)) begin
        $error("[%0t] PREADY is unknown: %b", $time, PREADY);
        errors++;
      end
      if ($isunknown(PSLVERR)) begin
        $error("[%0t] PSLVERR is unknown: %b", $time, PSLVERR);
        errors++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk_dsp) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] PRDATA=%0h PREADY=%0h PSLVERR=%0h", $time, PRDATA, PREADY, PSLVERR);
  end

  localparam longint TIMEOUT_NS = 10_000_000;
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
      data_thread(300);
    join
    -> phase_done;
    // Second phase: stimulus while waiting for a quiet period, bounded
    fork
      data_thread(64);
      control_thread(32);
    join_none
    wait fork;
    // Walking ones on PADDR
    for (int i = 0; i < $bits(PADDR); i++) begin
      PADDR = '0;
      PADDR[i] = 1'b1;
      @(posedge clk_dsp);
    end
    // Walking ones on PWDATA
    for (int k = 0; k < $bits(PWDATA); k++) begin
      PWDATA = '0;
      PWDATA[k] = 1'b1;
      @(posedge clk_dsp);
    end
    // Sweep PADDR with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 64; k++) begin
        PADDR = k;
        en_clk_dsp = $urandom % 2;
        PWRITE = $urandom_range(0, 1);
        PWDATA = $urandom;
        PSEL = 1'($urandom);
        @(posedge clk_dsp);
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
