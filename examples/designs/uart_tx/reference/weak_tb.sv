`timescale 1ns / 1ps
module tb_uart_tx;
  logic clk = 1'b0;
  logic rst_n;
  logic tx_start;
  logic tx, busy, tx_done;

  uart_tx dut (
      .clk(clk),
      .rst_n(rst_n),
      .tx_start(tx_start),
      .tx_data(8'h00),
      .parity_en(1'b0),
      .parity_odd(1'b0),
      .two_stop(1'b0),
      .tx(tx),
      .busy(busy),
      .tx_done(tx_done)
  );

  always #5 clk = ~clk;

  initial begin
    rst_n = 1'b0;
    tx_start = 1'b0;
    #20 rst_n = 1'b1;
    @(negedge clk) tx_start = 1'b1;
    @(negedge clk) tx_start = 1'b0;
    repeat (20) @(posedge clk);
    $finish;
  end
endmodule
