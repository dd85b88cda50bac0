/*
 * testbench.sv
 * Class-based constrained-random testbench with a scoreboard for the cache_mshr module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module testbench;

  // Parameters (defaults of the DUT)
  localparam INSTANCE_ID = "mo_mshr";
  localparam MSHR_SIZE = 32;
  localparam CS_LINE_ADDR_WIDTH = 10;
  localparam WORD_SEL_WIDTH = 4;
  localparam WORD_SIZE = 4;
  localparam MSHR_ADDR_WIDTH = $clog2(MSHR_SIZE);
  localparam TAG_WIDTH = 32 - (CS_LINE_ADDR_WIDTH+ $clog2(WORD_SIZE) + WORD_SEL_WIDTH);
  localparam CS_WORD_WIDTH = WORD_SIZE * 8;
  localparam DATA_WIDTH = WORD_SEL_WIDTH + WORD_SIZE + CS_WORD_WIDTH + TAG_WIDTH;

  localparam int CLK_PERIOD = 4;
  localparam int NUM_RANDOM = 400;

  // DUT inputs
  logic clk;
  logic reset;
  logic allocate_valid;
  logic [CS_LINE_ADDR_WIDTH-1:0] allocate_addr;
  logic allocate_rw;
  logic [DATA_WIDTH-1:0] allocate_data;
  logic finalize_valid;
  logic [MSHR_ADDR_WIDTH-1:0] finalize_id;

  // DUT outputs
  logic allocate_ready;
  logic [MSHR_ADDR_WIDTH-1:0] allocate_id;
  logic allocate_pending;
  logic [MSHR_ADDR_WIDTH-1:0] allocate_previd;

  // Device under test
  cache_mshr #(
    .MSHR_SIZE(MSHR_SIZE),
    .CS_LINE_ADDR_WIDTH(CS_LINE_ADDR_WIDTH),
    .MSHR_ADDR_WIDTH(MSHR_ADDR_WIDTH),
    .TAG_WIDTH(TAG_WIDTH),
    .CS_WORD_WIDTH(CS_WORD_WIDTH)
  ) dut (
    .clk(clk),
    .reset(reset),
    .allocate_valid(allocate_valid),
    .allocate_ready(allocate_ready),
    .allocate_addr(allocate_addr),
    .allocate_rw(allocate_rw),
    .allocate_data(allocate_data),
    .allocate_id(allocate_id),
    .allocate_pending(allocate_pending),
    .allocate_previd(allocate_previd),
    .finalize_valid(finalize_valid),
    .finalize_id(finalize_id)
  );

  // Clock generation
  initial clk = 0;
  always #(CLK_PERIOD/2) clk = ~clk;

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 1;

  // Transaction: one set of DUT input values
  class cache_mshr_transaction;
    rand logic allocate_valid;
    rand logic [CS_LINE_ADDR_WIDTH-1:0] allocate_addr;
    rand logic allocate_rw;
    rand logic [DATA_WIDTH-1:0] allocate_data;
    rand logic finalize_valid;
    rand logic [MSHR_ADDR_WIDTH-1:0] finalize_id;
    int id;
    static int next_id = 0;

    // Bias allocate_addr towards its corner values
    constraint c_allocate_addr_dist {
      allocate_addr dist { 0 := 10, [1:1022] :/ 80, 1023 := 10 };
    }

    constraint c_allocate_valid_mostly_on { allocate_valid dist { 1 := 7, 0 := 3 }; }

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d allocate_valid=%0h allocate_addr=%0h allocate_rw=%0h allocate_data=%0h finalize_valid=%0h finalize_id=%0h", tag, id, allocate_valid, allocate_addr, allocate_rw, allocate_data, finalize_valid, finalize_id);
    endfunction

    function cache_mshr_transaction copy();
      copy = new();
      copy.allocate_valid = this.allocate_valid;
      copy.allocate_addr = this.allocate_addr;
      copy.allocate_rw = this.allocate_rw;
      copy.allocate_data = this.allocate_data;
      copy.finalize_valid = this.finalize_valid;
      copy.finalize_id = this.finalize_id;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class sb_t;
    cache_mshr_transaction sent_q[$];
    logic observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(cache_mshr_transaction t);
      sent_q.push_back(t.copy());
      num_sent++;
      if (sent_q.size() > 64) void'(sent_q.pop_front());
    endfunction

    function void observe(logic value);
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

  cache_mshr_transaction tr;
  sb_t sb;

  task automatic drive(cache_mshr_transaction t);
    allocate_valid = t.allocate_valid;
    allocate_addr = t.allocate_addr;
    allocate_rw = t.allocate_rw;
    allocate_data = t.allocate_data;
    finalize_valid = t.finalize_valid;
    finalize_id = t.finalize_id;
    @(posedge clk);
    sb.observe(allocate_ready);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic do_reset(input int cycles = 4);
    begin
      allocate_valid = '0;
      allocate_addr = '0;
      allocate_rw = '0;
      allocate_data = '0;
      finalize_valid = '0;
      finalize_id = '0;
      reset = 1'b1;
      repeat (cycles) @(posedge clk);
      reset = 1'b0;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk) begin
    if (checks_enabled && !reset) begin
      if ($isunknown(allocate_ready)) begin
        $error("[%0t] allocate_ready is unknown: %b", $time, allocate_ready);
        error_count++;
      end
      if ($isunknown(allocate_id)) begin
        $error("[%0t] allocate_id is unknown: %b", $time, allocate_id);
        error_count++;
      end
      if ($isunknown(allocate_pending)) begin
        $error("[%0t] allocate_pending is unknown: %b", $time, allocate_pending);
        error_count++;
      end
      if ($isunknown(allocate_previd)) begin
        $error("[%0t] allocate_previd is unknown: %b", $time, allocate_previd);
        error_count++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] allocate_ready=%0h allocate_id=%0h allocate_pending=%0h allocate_previd=%0h", $time, allocate_ready, allocate_id, allocate_pending, allocate_previd);
  end

  initial begin
    #(1_000_000) $error("Timeout! The test did not finish");
    $finish;
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

    // Phase 2: finalize_valid constrained (finalize_valid == 0)
    for (int n = 0; n < 50; n++) begin
      if (!tr.randomize() with { finalize_valid == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 3: allocate_addr constrained (allocate_addr > 511)
    for (int n = 0; n < 32; n++) begin
      if (!tr.randomize() with { allocate_addr > 511; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 4: finalize_id constrained (finalize_id < 7)
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { finalize_id < 7; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 5: allocate_rw constrained (allocate_rw == 1)
    for (int n = 0; n < 32; n++) begin
      if (!tr.randomize() with { allocate_rw == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 6: allocate_rw constrained (allocate_rw == 1)
    for (int n = 0; n < 32; n++) begin
      if (!tr.randomize() with { allocate_rw == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 7: finalize_valid constrained (finalize_valid == 0)
    for (int n = 0; n < 64; n++) begin
      if (!tr.randomize() with { finalize_valid == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Directed corners
    allocate_valid = 1'h0;
    allocate_addr = '0;
    allocate_rw = '0;
    allocate_data = 56'h0;
    finalize_valid = 1'd0;
    finalize_id = '0;
    repeat (1) @(posedge clk);
    allocate_valid = '1;
    allocate_addr = '1;
    allocate_rw = 1'h1;
    allocate_data = '1;
    finalize_valid = '1;
    finalize_id = 5'h1f;
    repeat (1) @(posedge clk);
    allocate_valid = 1'h1;
    allocate_addr = 10'h155;
    allocate_rw = 1'h1;
    allocate_data = 56'h55555555555555;
    finalize_valid = 1'h1;
    finalize_id = 5'h15;
    repeat (1) @(posedge clk);
    allocate_valid = 1'b1;
    allocate_addr = 10'h1ce;
    allocate_rw = 1'b1;
    allocate_data = 56'h738578197a9c3c;
    finalize_valid = 1'b0;
    finalize_id = 5'h14;
    repeat (2) @(posedge clk);
    allocate_valid = 1'h1;
    allocate_addr = 10'h100;
    allocate_rw = 1'h1;
    allocate_data = 56'h20000000000000;
    finalize_valid = 1'h1;
    finalize_id = 5'h4;
    repeat (1) @(posedge clk);
    // Walking ones on allocate_addr
    for (int i = 0; i < $bits(allocate_addr); i++) begin
      allocate_addr = '0;
      allocate_addr[i] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on allocate_data
    for (int k = 0; k < $bits(allocate_data); k++) begin
      allocate_data = '0;
      allocate_data[k] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on finalize_id
    for (int k = 0; k < $bits(finalize_id); k++) begin
      finalize_id = '0;
      finalize_id[k] = 1'b1;
      @(posedge clk);
    end
    // Sweep allocate_addr with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 64; k++) begin
        allocate_addr = k;
        allocate_valid = 1'($urandom);
        allocate_rw = $urandom_range(0, 1);
        allocate_data = {$urandom, $urandom};
        finalize_valid = $urandom % 2;
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
        reset = 1'b1;
        repeat (2) @(posedge clk);
        reset = 1'b0;
      end
    join

    sb.report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
