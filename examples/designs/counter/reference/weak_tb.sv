`timescale 1ns / 1ps
module tb_counter;
  logic       clk = 1'b0;
  logic       rst_n;
  logic       en;
  logic [7:0] count;
  logic       at_max, at_min, wrap;

  up_down_counter dut (
      .clk(clk),
      .rst_n(rst_n),
      .en(en),
      .load(1'b0),
      .up(1'b1),
      .sat(1'b0),
      .load_val(8'd0),
      .count(count),
      .at_max(at_max),
      .at_min(at_min),
      .wrap(wrap)
  );

  always #5 clk = ~clk;

  initial begin
    rst_n = 1'b0;
    en = 1'b0;
    #20 rst_n = 1'b1;
    en = 1'b1;
    repeat (4) @(posedge clk);
    $finish;
  end
endmodule
