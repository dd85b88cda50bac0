// Class-based constrained-random testbench with a scoreboard: sync_fifo
`timescale 1ns / 1ps

module tb_sync_fifo_top;

  // Parameters (defaults of the DUT)
  localparam DEPTH = 8;
  localparam WIDTH = 8;
  localparam AF_LEVEL = DEPTH - 2;
  localparam AE_LEVEL = 2;

  localparam int CLK_PERIOD = 4;
  localparam int NUM_RANDOM = 400;

  // DUT inputs
  logic clk;
  logic rst_n;
  logic wr_en;
  logic [WIDTH-1:0] wr_data;
  logic rd_en;

  // DUT outputs
  logic [WIDTH-1:0] rd_data;
  logic rd_valid;
  logic full;
  logic empty;
  logic almost_full;
  logic almost_empty;
  logic overflow;
  logic underflow;
  logic [$clog2(DEPTH):0] count;

  // Device under test
  sync_fifo #(
    .DEPTH(DEPTH),
    .WIDTH(WIDTH),
    .AF_LEVEL(AF_LEVEL),
    .AE_LEVEL(AE_LEVEL)
  ) dut (
    .clk(clk),
    .rst_n(rst_n),
    .wr_en(wr_en),
    .wr_data(wr_data),
    .rd_en(rd_en),
    .rd_data(rd_data),
    .rd_valid(rd_valid),
    .full(full),
    .empty(empty),
    .almost_full(almost_full),
    .almost_empty(almost_empty),
    .overflow(overflow),
    .underflow(underflow),
    .count(count)
  );

  // Clock generation
  initial begin
    clk = 1'b0;
    forever #(CLK_PERIOD/2) clk = ~clk;
  end

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 1;

  // Transaction: one set of DUT input values
  class sync_fifo_transaction;
    rand logic wr_en;
    rand logic [WIDTH-1:0] wr_data;
    rand logic rd_en;
    int id;
    static int next_id = 0;

    // Bias wr_data towards its corner values
    constraint c_wr_data_dist {
      wr_data dist { 0 := 10, [1:254] :/ 80, 255 := 10 };
    }

    constraint c_wr_en_mostly_on { wr_en dist { 1 := 7, 0 := 3 }; }

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d wr_en=%0h wr_data=%0h rd_en=%0h", tag, id, wr_en, wr_data, rd_en);
    endfunction

    function sync_fifo_transaction copy();
      copy = new();
      copy.wr_en = this.wr_en;
      copy.wr_data = this.wr_data;
      copy.rd_en = this.rd_en;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class sb_t;
    sync_fifo_transaction sent_q[$];
    logic [WIDTH-1:0] observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(sync_fifo_transaction t);
      sent_q.push_back(t.copy());
      num_sent++;
      if (sent_q.size() > 64) void'(sent_q.pop_front());
    endfunction

    function void observe(logic [WIDTH-1:0] value);
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

  sync_fifo_transaction tr;
  sb_t sb;

  task automatic drive(sync_fifo_transaction t);
    wr_en = t.wr_en;
    wr_data = t.wr_data;
    rd_en = t.rd_en;
    @(posedge clk);
    sb.observe(rd_data);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic do_reset(input int cycles = 10);
    begin
      wr_en = '0;
      wr_data = '0;
      rd_en = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(rd_data)) begin
        $error("[%0t] rd_data is unknown: %b", $time, rd_data);
        error_count++;
      end
      if ($isunknown(rd_valid)) begin
        $error("[%0t] rd_valid is unknown: %b", $time, rd_valid);
        error_count++;
      end
      if ($isunknown(full)) begin
        $error("[%0t] full is unknown: %b", $time, full);
        error_count++;
      end
      if ($isunknown(empty)) begin
        $error("[%0t] empty is unknown: %b", $time, empty);
        error_count++;
      end
      if ($isunknown(almost_full)) begin
        $error("[%0t] almost_full is unknown: %b", $time, almost_full);
        error_count++;
      end
      if ($isunknown(almost_empty)) begin
        $error("[%0t] almost_empty is unknown: %b", $time, almost_empty);
        error_count++;
      end
      if ($isunknown(overflow)) begin
        $error("[%0t] overflow is unknown: %b", $time, overflow);
        error_count++;
      end
      if ($isunknown(underflow)) begin
        $error("[%0t] underflow is unknown: %b", $time, underflow);
        error_count++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] rd_data=%0h rd_valid=%0h full=%0h empty=%0h", $time, rd_data, rd_valid, full, empty);
  end

  // Watchdog: never hang the regression
  initial begin
    #500_000;
    $display("ERROR: watchdog timeout at %0t", $time);
    $finish;
  end

  initial begin
    tr = new();
    sb = new();
    do_reset();
    checks_enabled = 1;

    // Phase 1: unconstrained random
    repeat (100) begin
      if (!tr.randomize()) begin
        $error("randomize() failed");
        error_count++;
      end
      drive(tr);
    end

    // Phase 2: rd_en constrained (rd_en == 0)
    for (int n = 0; n < 16; n++) begin
      if (!tr.randomize() with { rd_en == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 3: rd_en constrained (rd_en == 1)
    for (int n = 0; n < 16; n++) begin
      if (!tr.randomize() with { rd_en == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 4: rd_en constrained (rd_en == 1)
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { rd_en == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 5: rd_en constrained (rd_en == 0)
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { rd_en == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Directed corners
    wr_en = 1'h0;
    wr_data = 8'd0;
    rd_en = 1'd0;
    repeat (3) @(posedge clk);
    wr_en = 1'h1;
    wr_data = 8'hff;
    rd_en = 1'h1;
    repeat (2) @(posedge clk);
    wr_en = 1'h1;
    wr_data = 8'h55;
    rd_en = 1'h1;
    repeat (1) @(posedge clk);
    wr_en = 1'b1;
    wr_data = 8'hab;
    rd_en = 1'b1;
    repeat (3) @(posedge clk);
    wr_en = 1'h1;
    wr_data = 8'h2;
    rd_en = 1'h1;
    repeat (3) @(posedge clk);
    // Walking ones on wr_data
    for (int i = 0; i < $bits(wr_data); i++) begin
      wr_data = '0;
      wr_data[i] = 1'b1;
      @(posedge clk);
    end
    // Sweep wr_data with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 64; k++) begin
        wr_data = k;
        wr_en = $urandom_range(0, 1);
        rd_en = $urandom_range(0, 1);
        @(posedge clk);
      end
    end
    // Reset in the middle of traffic
    fork
      begin
        repeat (20) begin void'(tr.randomize()); drive(tr); end
      end
      begin
        repeat (7) @(posedge clk);
        rst_n = 1'b0;
        repeat (2) @(posedge clk);
        rst_n = 1'b1;
      end
    join

    sb.print_report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
