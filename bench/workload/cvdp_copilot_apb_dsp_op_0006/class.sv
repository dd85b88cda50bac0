// Class-based constrained-random testbench with a scoreboard: apb_dsp_op
`timescale 1ns/1ps

module test_apb_dsp_op;

  // Parameters (defaults of the DUT)
  localparam ADDR_WIDTH = 'd8;
  localparam DATA_WIDTH = 'd32;

  localparam int CLK_PERIOD = 20;
  localparam int NUM_RANDOM = 300;

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
    forever #(13) PCLK = ~PCLK;
  end

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 1;

  // Transaction: one set of DUT input values
  class apb_dsp_op_txn;
    rand logic en_clk_dsp;
    rand logic [ADDR_WIDTH-1:0] PADDR;
    rand logic PWRITE;
    rand logic [DATA_WIDTH-1:0] PWDATA;
    rand logic PSEL;
    rand logic PENABLE;
    int id;
    static int next_id = 0;

    // Bias PADDR towards its corner values
    constraint c_PADDR_dist {
      PADDR dist { 0 := 10, [1:254] :/ 80, 255 := 10 };
    }

    constraint c_en_clk_dsp_mostly_on { en_clk_dsp dist { 1 := 7, 0 := 3 }; }

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d en_clk_dsp=%0h PADDR=%0h PWRITE=%0h PWDATA=%0h PSEL=%0h PENABLE=%0h", tag, id, en_clk_dsp, PADDR, PWRITE, PWDATA, PSEL, PENABLE);
    endfunction

    function apb_dsp_op_txn copy();
      copy = new();
      copy.en_clk_dsp = this.en_clk_dsp;
      copy.PADDR = this.PADDR;
      copy.PWRITE = this.PWRITE;
      copy.PWDATA = this.PWDATA;
      copy.PSEL = this.PSEL;
      copy.PENABLE = this.PENABLE;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class apb_dsp_op_scoreboard;
    apb_dsp_op_txn sent_q[$];
    logic [DATA_WIDTH-1:0] observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(apb_dsp_op_txn t);
      sent_q.push_back(t.copy());
      num_sent++;
      if (sent_q.size() > 64) void'(sent_q.pop_front());
    endfunction

    function void observe(logic [DATA_WIDTH-1:0] value);
      if (observed_q.size() > 0 && observed_q[$] != value) num_changes++;
      observed_q.push_back(value);
      if (observed_q.size() > 64) void'(observed_q.pop_front());
    endfunction

    function void report();
      $display("---------------- SCOREBOARD ----------------");
      $display(" transactions sent : %0d", num_sent);
      $display(" output changes    : %0d", num_changes);
      $display(" mismatches        : %0d", num_mismatch);
      $display("--------------------------------------------");
    endfunction
  endclass

  apb_dsp_op_txn tr;
  apb_dsp_op_scoreboard sb;

  task automatic drive(apb_dsp_op_txn t);
    en_clk_dsp = t.en_clk_dsp;
    PADDR = t.PADDR;
    PWRITE = t.PWRITE;
    PWDATA = t.PWDATA;
    PSEL = t.PSEL;
    PENABLE = t.PENABLE;
    @(posedge clk_dsp);
    sb.observe(PRDATA);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic do_reset(input int cycles = 2);
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

  always @(negedge clk_dsp) begin
    if (checks_enabled && PRESETn) begin
      if ($isunknown(PRDATA)) begin
        $error("[%0t] PRDATA is unknown: %b", $time, PRDATA);
        error_count++;
      end
      if ($isunknown(PREADY)) begin
        $error("[%0t] PREADY is unknown: %b", $time, PREADY);
        error_count++;
      end
      if ($isunknown(PSLVERR)) begin
        $error("[%0t] PSLVERR is unknown: %b", $time, PSLVERR);
        error_count++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk_dsp) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] PRDATA=%0h PREADY=%0h PSLVERR=%0h", $time, PRDATA, PREADY, PSLVERR);
  end

  localparam longint TIMEOUT_NS = 5_000_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
  end

  initial begin
    tr = new();
    sb = new();
    do_reset();
    checks_enabled = 1;

    // Phase 1: unconstrained random
    repeat (NUM_RANDOM) begin
      if (!tr.randomize()) begin
        $error("randomize() failed");
        error_count++;
      end
      drive(tr);
    end

    // Phase 2: PADDR constrained (PADDR > 127)
    for (int n = 0; n < 32; n++) begin
      if (!tr.randomize() with { PADDR > 127; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 3: PSEL constrained (PSEL == 1)
    for (int n = 0; n < 64; n++) begin
      if (!tr.randomize() with { PSEL == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 4: PSEL constrained (PSEL == 1)
    for (int n = 0; n < 64; n++) begin
      if (!tr.randomize() with { PSEL == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 5: PSEL constrained (PSEL == 0)
    for (int n = 0; n < 32; n++) begin
      if (!tr.randomize() with { PSEL == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Directed corners
    en_clk_dsp = '0;
    PADDR = 8'h0;
    PWRITE = '0;
    PWDATA = '0;
    PSEL = '0;
    PENABLE = 1'h0;
    repeat (2) @(posedge clk_dsp);
    en_clk_dsp = 1'h1;
    PADDR = 8'hff;
    PWRITE = 1'h1;
    PWDATA = '1;
    PSEL = '1;
    PENABLE = '1;
    repeat (4) @(posedge clk_dsp);
    en_clk_dsp = 1'h1;
    PADDR = 8'h55;
    PWRITE = 1'h1;
    PWDATA = 32'h55555555;
    PSEL = 1'h1;
    PENABLE = 1'h1;
    repeat (1) @(posedge clk_dsp);
    en_clk_dsp = 1'b0;
    PADDR = 8'hb9;
    PWRITE = 1'b1;
    PWDATA = 32'h4fff338c;
    PSEL = 1'b1;
    PENABLE = 1'b1;
    repeat (3) @(posedge clk_dsp);
    en_clk_dsp = 1'h1;
    PADDR = 8'h4;
    PWRITE = 1'h1;
    PWDATA = 32'h80000000;
    PSEL = 1'h1;
    PENABLE = 1'h1;
    repeat (3) @(posedge clk_dsp);
    // Walking ones on PADDR
    for (int i = 0; i < $bits(PADDR); i++) begin
      PADDR = '0;
      PADDR[i] = 1'b1;
      @(posedge clk_dsp);
    end
    // Walking ones on PWDATA
    for (int n = 0; n < $bits(PWDATA); n++) begin
      PWDATA = '0;
      PWDATA[n] = 1'b1;
      @(posedge clk_dsp);
    end
    // Sweep PADDR with every other input random, a few passes
    repeat (4) begin
      for (int k = 0; k < 64; k++) begin
        PADDR = k;
        en_clk_dsp = $urandom % 2;
        PWRITE = $urandom % 2;
        PWDATA = $urandom;
        PSEL = 1'($urandom);
        @(posedge clk_dsp);
      end
    end
    // Reset in the middle of traffic
    fork
      begin
        repeat (20) begin void'(tr.randomize()); drive(tr); end
      end
      begin
        repeat (7) @(posedge clk_dsp);
        PRESETn = 1'b0;
        repeat (2) @(posedge clk_dsp);
        PRESETn = 1'b1;
      end
    join

    sb.report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
