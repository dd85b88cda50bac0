`timescale 1ns / 1ps
module tb_vending_fsm;
  logic       clk = 1'b0;
  logic       rst_n;
  logic [1:0] coin;
  logic       buy;
  logic       cancel;
  logic       restock;
  logic       dispense;
  logic       change_valid;
  logic [6:0] change;
  logic       coin_reject;
  logic       need_more;
  logic [6:0] credit;
  logic [3:0] stock;
  logic       sold_out;
  int         items = 0;
  int         returned = 0;

  vending_fsm dut (
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

  always #5 clk = ~clk;

  always @(posedge clk) begin
    if (dispense) items++;
    if (change_valid) returned += change;
  end

  task automatic idle_cycles(input int n);
    coin = 2'd0;
    buy = 1'b0;
    cancel = 1'b0;
    restock = 1'b0;
    repeat (n) @(negedge clk);
  endtask

  task automatic insert(input logic [1:0] c);
    coin = c;
    @(negedge clk);
    coin = 2'd0;
  endtask

  task automatic press_buy;
    buy = 1'b1;
    @(negedge clk);
    buy = 1'b0;
    repeat (3) @(negedge clk);
  endtask

  task automatic press_cancel;
    cancel = 1'b1;
    @(negedge clk);
    cancel = 1'b0;
    repeat (3) @(negedge clk);
  endtask

  initial begin
    rst_n = 1'b0;
    idle_cycles(2);
    rst_n = 1'b1;
    idle_cycles(2);

    // buttons in idle are ignored
    press_buy();
    press_cancel();
    // exact payment: 25 + 10
    insert(2'd3);
    insert(2'd2);
    press_buy();
    // overpayment with change: 25 + 25
    insert(2'd3);
    insert(2'd3);
    press_buy();
    // nickels only, buy too early first
    insert(2'd1);
    press_buy();
    repeat (6) insert(2'd1);
    press_buy();
    // credit limit: 25 x 4 = 100 > 95 -> last coin rejected, then refund the big credit
    repeat (4) insert(2'd3);
    insert(2'd2);
    insert(2'd2);
    press_cancel();
    // cancel together with a coin
    insert(2'd2);
    coin = 2'd1;
    cancel = 1'b1;
    @(negedge clk);
    idle_cycles(3);
    // restock while busy is ignored
    insert(2'd3);
    restock = 1'b1;
    insert(2'd3);
    restock = 1'b0;
    press_buy();
    // sell out the machine
    while (!sold_out) begin
      insert(2'd3);
      insert(2'd3);
      press_buy();
    end
    // coins while sold out are rejected
    insert(2'd1);
    insert(2'd3);
    idle_cycles(2);
    // restock without a coin, then with a coin in the same cycle
    restock = 1'b1;
    @(negedge clk);
    restock = 1'b0;
    insert(2'd3);
    press_cancel();
    coin = 2'd2;
    restock = 1'b1;
    @(negedge clk);
    idle_cycles(2);
    // random customers
    repeat (300) begin
      @(negedge clk);
      coin = 2'($urandom);
      buy = ($urandom_range(0, 3) == 0);
      cancel = ($urandom_range(0, 15) == 0);
      restock = ($urandom_range(0, 31) == 0);
    end
    idle_cycles(3);
    // reset in the middle of a purchase
    insert(2'd3);
    rst_n = 1'b0;
    idle_cycles(1);
    rst_n = 1'b1;
    idle_cycles(3);
    $display("tb_vending_fsm done: items=%0d change returned=%0d", items, returned);
    $finish;
  end
endmodule
