// ------------------------------------------------------------------------
// Testbench for vending_fsm
// Layered testbench with parallel stimulus threads, assertions and functional coverage
// Instance name "dut" is required by the coverage flow.
// ------------------------------------------------------------------------
`timescale 1ns/1ps

module tb_vending_fsm_top;

  // Parameters (defaults of the DUT)
  localparam PRICE = 35;
  localparam MAX_CREDIT = 95;
  localparam STOCK = 9;

  localparam int CLK_PERIOD = 20;
  localparam int NUM_RANDOM = 300;

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
    .PRICE(PRICE)
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
  initial begin
    clk = 1'b0;
    forever #(CLK_PERIOD/2) clk = ~clk;
  end

  int unsigned errors = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  // Assertions
  property p_dispense_known;
    @(posedge clk) disable iff (!rst_n) checks_enabled |-> !$isunknown(dispense);
  endproperty
  a_dispense_known: assert property (p_dispense_known) else begin
    $error("dispense went unknown");
    errors++;
  end

  task automatic reset_phase(input int cycles = 2);
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

  task automatic control_thread(input int n);
    repeat (n) begin
      coin = $urandom_range(0, 3);
      buy = $urandom % 2;
      cancel = 1'($urandom);
      restock = $urandom % 2;
      repeat ($urandom_range(1, 4)) @(posedge clk);
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      vectors++;
      @(posedge clk);
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        coin = 2'h1;
        buy = 1'h0;
        cancel = 1'h1;
        restock = 1'h1;
        @(posedge clk);
        coin = 2'h2;
        buy = 1'h1;
        @(posedge clk);
        coin = 2'h2;
        @(posedge clk);
        coin = 2'h0;
        cancel = 1'd0;
        @(posedge clk);
      end
      1: begin
        coin = '0;
        buy = 1'b1;
        cancel = '1;
        @(posedge clk);
        coin = '1;
        buy = 1'b1;
        cancel = 1'h1;
        restock = 1'h1;
        @(posedge clk);
        buy = '0;
        cancel = 1'h1;
        restock = 1'h1;
        @(posedge clk);
        restock = 1'h1;
        @(posedge clk);
      end
      2: begin
        coin = 2'h0;
        restock = 1'h1;
        @(posedge clk);
        coin = 2'h1;
        buy = 1'h0;
        cancel = '1;
        @(posedge clk);
        buy = 1'h0;
        cancel = 1'h1;
        restock = 1'h1;
        @(posedge clk);
        coin = 2'h1;
        buy = 1'd0;
        cancel = 1'b1;
        restock = 1'h1;
        @(posedge clk);
        cancel = 1'h1;
        @(posedge clk);
      end
      3: begin
        coin = 2'd0;
        buy = 1'h0;
        @(posedge clk);
        coin = 2'h0;
        buy = 1'h1;
        cancel = 1'h1;
        restock = 1'b0;
        @(posedge clk);
        coin = 2'h3;
        buy = '0;
        restock = 1'd0;
        @(posedge clk);
        cancel = '1;
        restock = 1'h1;
        @(posedge clk);
        buy = 1'b1;
        cancel = 1'h1;
        @(posedge clk);
        coin = '0;
        buy = 1'h1;
        cancel = 1'h1;
        restock = 1'b1;
        @(posedge clk);
        buy = 1'h1;
        restock = '0;
        @(posedge clk);
      end
      4: begin
        coin = 2'h0;
        buy = 1'h1;
        cancel = 1'h1;
        restock = 1'b1;
        @(posedge clk);
        buy = 1'h1;
        cancel = 1'b1;
        @(posedge clk);
        buy = '0;
        @(posedge clk);
        coin = 2'h2;
        @(posedge clk);
        coin = 2'h1;
        buy = 1'h0;
        @(posedge clk);
        buy = '1;
        cancel = '1;
        @(posedge clk);
        buy = 1'h1;
        cancel = 1'b0;
        @(posedge clk);
      end
      5: begin
        coin = 2'h1;
        cancel = 1'h1;
        restock = 1'b1;
        @(posedge clk);
        coin = 2'h3;
        buy = 1'h0;
        cancel = 1'h1;
        restock = '1;
        @(posedge clk);
        coin = 2'h1;
        cancel = 1'h1;
        @(posedge clk);
        cancel = 1'b0;
        restock = 1'd0;
        @(posedge clk);
      end
      6: begin
        coin = 2'h1;
        cancel = 1'h1;
        restock = 1'd0;
        @(posedge clk);
        coin = 2'h1;
        buy = '0;
        cancel = '1;
        restock = 1'h1;
        @(posedge clk);
        coin = 2'h3;
        buy = 1'h1;
        cancel = '1;
        @(posedge clk);
        cancel = '1;
        @(posedge clk);
        cancel = 1'h0;
        restock = 1'b0;
        @(posedge clk);
        coin = 2'h2;
        buy = 1'h1;
        restock = 1'h1;
        @(posedge clk);
        buy = 1'h1;
        @(posedge clk);
        coin = 2'h1;
        buy = 1'b0;
        @(posedge clk);
      end
      7: begin
        buy = '1;
        restock = '1;
        @(posedge clk);
        cancel = 1'b1;
        restock = 1'h1;
        @(posedge clk);
        coin = 2'h3;
        cancel = 1'h1;
        @(posedge clk);
        coin = 2'h3;
        buy = 1'h1;
        cancel = 1'b0;
        restock = 1'h0;
        @(posedge clk);
        cancel = 1'h1;
        @(posedge clk);
        restock = '0;
        @(posedge clk);
      end
      8: begin
        buy = 1'h1;
        restock = 1'h1;
        @(posedge clk);
        coin = 2'd0;
        restock = 1'h1;
        @(posedge clk);
        coin = 2'h1;
        @(posedge clk);
        cancel = 1'b0;
        @(posedge clk);
        coin = 2'h1;
        buy = 1'h1;
        cancel = 1'b0;
        restock = 1'h0;
        @(posedge clk);
      end
      9: begin
        buy = 1'h1;
        cancel = 1'h0;
        restock = '1;
        @(posedge clk);
        coin = 2'h2;
        buy = 1'h1;
        restock = '1;
        @(posedge clk);
        coin = 2'h0;
        cancel = 1'h1;
        @(posedge clk);
        coin = 2'h3;
        cancel = 1'h0;
        @(posedge clk);
        coin = 2'h1;
        buy = '1;
        cancel = '0;
        restock = 1'h1;
        @(posedge clk);
      end
      default: begin
        coin = 2'h0;
        buy = '0;
        cancel = '0;
        restock = 1'h0;
        @(posedge clk);
      end
    endcase
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(dispense)) begin
        $error("[%0t] dispense is unknown: %b", $time, dispense);
        errors++;
      end
      if ($isunknown(change_valid)) begin
        $error("[%0t] change_valid is unknown: %b", $time, change_valid);
        errors++;
      end
      if ($isunknown(change)) begin
        $error("[%0t] change is unknown: %b", $time, change);
        errors++;
      end
      if ($isunknown(coin_reject)) begin
        $error("[%0t] coin_reject is unknown: %b", $time, coin_reject);
        errors++;
      end
      if ($isunknown(need_more)) begin
        $error("[%0t] need_more is unknown: %b", $time, need_more);
        errors++;
      end
      if ($isunknown(credit)) begin
        $error("[%0t] credit is unknown: %b", $time, credit);
        errors++;
      end
      if ($isunknown(stock)) begin
        $error("[%0t] stock is unknown: %b", $time, stock);
        errors++;
      end
      if ($isunknown(sold_out)) begin
        $error("[%0t] sold_out is unknown: %b", $time, sold_out);
        errors++;
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
    reset_phase();
    checks_enabled = 1;
    for (int p = 0; p < 11; p++) directed_pattern(p);
    fork
      control_thread(100);
      data_thread(400);
    join
    -> phase_done;
    // Second phase: stimulus while waiting for a quiet period, bounded
    fork
      data_thread(64);
      control_thread(32);
    join_none
    wait fork;
    // Walking ones on coin
    for (int i = 0; i < $bits(coin); i++) begin
      coin = '0;
      coin[i] = 1'b1;
      @(posedge clk);
    end
    // Sweep coin with every other input random, a few passes
    repeat (4) begin
      for (int k = 0; k < 4; k++) begin
        coin = k;
        buy = 1'($urandom);
        cancel = $urandom_range(0, 1);
        restock = $urandom % 2;
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
