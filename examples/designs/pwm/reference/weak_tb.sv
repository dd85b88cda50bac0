`timescale 1ns / 1ps
module tb_pwm;
  logic       clk = 1'b0;
  logic       rst_n;
  logic       en;
  logic       pwm_out, period_start;
  logic [7:0] count;

  pwm_top uut (
      .clk(clk),
      .rst_n(rst_n),
      .en(en),
      .prescale(8'd0),
      .period(8'd7),
      .duty(8'd3),
      .polarity(1'b0),
      .pwm_out(pwm_out),
      .period_start(period_start),
      .count(count)
  );

  always #5 clk = ~clk;

  initial begin
    rst_n = 1'b0;
    en = 1'b0;
    #20 rst_n = 1'b1;
    @(negedge clk) en = 1'b1;
    repeat (6) @(posedge clk);
    $finish;
  end
endmodule
