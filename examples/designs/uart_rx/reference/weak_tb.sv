`timescale 1ns / 1ps
module tb_uart_rx;
  logic       clk = 1'b0;
  logic       rst_n;
  logic       rx;
  logic [7:0] rx_data;
  logic       rx_valid, parity_error, frame_error, busy;

  uart_rx uut (
      .clk(clk),
      .rst_n(rst_n),
      .rx(rx),
      .parity_en(1'b0),
      .parity_odd(1'b0),
      .rx_data(rx_data),
      .rx_valid(rx_valid),
      .parity_error(parity_error),
      .frame_error(frame_error),
      .busy(busy)
  );

  always #5 clk = ~clk;

  initial begin
    rst_n = 1'b0;
    rx = 1'b1;
    #20 rst_n = 1'b1;
    @(negedge clk) rx = 1'b0;
    repeat (12) @(negedge clk);
    rx = 1'b1;
    repeat (5) @(posedge clk);
    $finish;
  end
endmodule
