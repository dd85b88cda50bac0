// ------------------------------------------------------------------------------
// Testbench for vending_fsm
// Class-based constrained-random testbench with a scoreboard
// Instance name "dut" is required by the coverage flow.
// ------------------------------------------------------------------------------
`timescale 1ns/1ns

module tb;

  // Parameters (defaults of the DUT)
  localparam PRICE = 35;
  localparam MAX_CREDIT = 95;
  localparam STOCK = 9;

  localparam int CLK_PERIOD = 10;
  localparam int NUM_RANDOM = 400;

  // DUT inputs
  logic clk;
  logic rst_n;
  logic [1:0] coin;
  logic buy;
  logic cancel;
  logic restock;

  // DUT outputs
  logic dispense;
  logic change_valid;
  logic [6:0] change;
  logic coin_reject;
  logic need_more;
  logic [6:0] credit;
  logic [3:0] stock;
  logic sold_out;

  // Device under test
  vending_fsm #(
    .PRICE(PRICE),
    .MAX_CREDIT(MAX_CREDIT),
    .STOCK(STOCK)
  ) dut (
    .clk(clk),
    .rst_n(rst_n),
    .coin(coin),
    .buy(buy),
    .cancel(cancel),
    .restock(restock),
    .dispense(dispense),
    .change_valid(change_valid),
    .change(change),
    .coin_reject(coin_reject),
    .need_more(need_more),
    .credit(credit),
    .stock(stock),
    .sold_out(sold_out)
  );

  // Clock generation
  initial clk = 0;
  always #(CLK_PERIOD/2) clk = ~clk;

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 1;

  // Transaction: one set of DUT input values
  class vending_fsm_item;
    rand logic [1:0] coin;
    rand logic buy;
    rand logic cancel;
    rand logic restock;
    int id;
    static int next_id = 0;

    // Bias coin towards its corner values
    constraint c_coin_dist {
      coin dist { 0 := 10, [1:2] :/ 80, 3 := 10 };
    }

    constraint c_buy_mostly_on { buy dist { 1 := 7, 0 := 3 }; }

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d coin=%0h buy=%0h cancel=%0h restock=%0h", tag, id, coin, buy, cancel, restock);
    endfunction

    function vending_fsm_item copy();
      copy = new();
      copy.coin = this.coin;
      copy.buy = this.buy;
      copy.cancel = this.cancel;
      copy.restock = this.restock;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class scoreboard;
    vending_fsm_item sent_q[$];
    logic observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(vending_fsm_item t);
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

  vending_fsm_item tr;
  scoreboard sb;

  task automatic drive(vending_fsm_item t);
    coin = t.coin;
    buy = t.buy;
    cancel = t.cancel;
    restock = t.restock;
    @(posedge clk);
    sb.observe(dispense);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic do_reset(input int cycles = 2);
    begin
      coin = '0;
      buy = '0;
      cancel = '0;
      restock = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(dispense)) begin
        $error("[%0t] dispense is unknown: %b", $time, dispense);
        error_count++;
      end
      if ($isunknown(change_valid)) begin
        $error("[%0t] change_valid is unknown: %b", $time, change_valid);
        error_count++;
      end
      if ($isunknown(change)) begin
        $error("[%0t] change is unknown: %b", $time, change);
        error_count++;
      end
      if ($isunknown(coin_reject)) begin
        $error("[%0t] coin_reject is unknown: %b", $time, coin_reject);
        error_count++;
      end
      if ($isunknown(need_more)) begin
        $error("[%0t] need_more is unknown: %b", $time, need_more);
        error_count++;
      end
      if ($isunknown(credit)) begin
        $error("[%0t] credit is unknown: %b", $time, credit);
        error_count++;
      end
      if ($isunknown(stock)) begin
        $error("[%0t] stock is unknown: %b", $time, stock);
        error_count++;
      end
      if ($isunknown(sold_out)) begin
        $error("[%0t] sold_out is unknown: %b", $time, sold_out);
        error_count++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] dispense=%0h change_valid=%0h change=%0h coin_reject=%0h", $time, dispense, change_valid, change, coin_reject);
  end

  // Watchdog: never hang the regression
  initial begin
    #5_000_000;
    $display("ERROR: watchdog timeout at %0t", $time);
    $finish;
  end

  initial begin
    tr = new();
    sb = new();
    do_reset();
    checks_enabled = 1;

    // Phase 1: unconstrained random
    repeat (64) begin
      if (!tr.randomize()) begin
        $error("randomize() failed");
        error_count++;
      end
      drive(tr);
    end

    // Phase 2: restock constrained (restock == 0)
    for (int n = 0; n < 24; n++) begin
      if (!tr.randomize() with { restock == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 3: cancel constrained (cancel == 0)
    for (int n = 0; n < 16; n++) begin
      if (!tr.randomize() with { cancel == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 4: cancel constrained (cancel == 0)
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { cancel == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 5: cancel constrained (cancel == 0)
    for (int n = 0; n < 24; n++) begin
      if (!tr.randomize() with { cancel == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Directed corners
    coin = 2'h0;
    buy = '0;
    cancel = 1'd0;
    restock = '0;
    repeat (1) @(posedge clk);
    coin = '1;
    buy = '1;
    cancel = '1;
    restock = '1;
    repeat (2) @(posedge clk);
    coin = 2'h1;
    buy = 1'h1;
    cancel = 1'h1;
    restock = 1'h1;
    repeat (4) @(posedge clk);
    coin = 2'h2;
    buy = 1'b0;
    cancel = 1'b1;
    restock = 1'b1;
    repeat (1) @(posedge clk);
    coin = 2'h1;
    buy = 1'h1;
    cancel = 1'h1;
    restock = 1'h1;
    repeat (1) @(posedge clk);
    // Walking ones on coin
    for (int i = 0; i < $bits(coin); i++) begin
      coin = '0;
      coin[i] = 1'b1;
      @(posedge clk);
    end
    // Sweep coin with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 4; k++) begin
        coin = k;
        buy = $urandom_range(0, 1);
        cancel = $urandom_range(0, 1);
        restock = 1'($urandom);
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

    sb.report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
