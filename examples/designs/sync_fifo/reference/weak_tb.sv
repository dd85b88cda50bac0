`timescale 1ns / 1ps
module tb_sync_fifo;
  logic       clk = 1'b0;
  logic       rst_n;
  logic       wr_en, rd_en;
  logic [7:0] wr_data, rd_data;
  logic       rd_valid, full, empty, almost_full, almost_empty, overflow, underflow;
  logic [3:0] count;

  sync_fifo dut (
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

  always #5 clk = ~clk;

  initial begin
    rst_n = 1'b0;
    wr_en = 1'b0;
    rd_en = 1'b0;
    wr_data = 8'h3C;
    #20 rst_n = 1'b1;
    @(negedge clk) wr_en = 1'b1;
    @(negedge clk) wr_en = 1'b0;
    rd_en = 1'b1;
    @(negedge clk) rd_en = 1'b0;
    repeat (2) @(posedge clk);
    $finish;
  end
endmodule
