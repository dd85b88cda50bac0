`timescale 1ns / 1ps
module tb_vending_fsm;
  logic       clk = 1'b0;
  logic       rst_n;
  logic [1:0] coin;
  logic       dispense, change_valid, coin_reject, need_more, sold_out;
  logic [6:0] change, credit;
  logic [3:0] stock;

  vending_fsm dut (
      .clk(clk),
      .rst_n(rst_n),
      .coin(coin),
      .buy(1'b0),
      .cancel(1'b0),
      .restock(1'b0),
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

  initial begin
    rst_n = 1'b0;
    coin = 2'd0;
    #20 rst_n = 1'b1;
    @(negedge clk) coin = 2'd1;
    @(negedge clk) coin = 2'd0;
    repeat (3) @(posedge clk);
    $finish;
  end
endmodule
