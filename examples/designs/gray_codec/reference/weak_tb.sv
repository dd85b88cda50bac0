`timescale 1ns / 1ps
module tb_gray_codec;
  logic [3:0] data_in, data_out;
  logic [2:0] hamming;
  logic       adjacent, equal;

  gray_codec dut (
      .mode(1'b0),
      .data_in(data_in),
      .ref_in(4'd0),
      .data_out(data_out),
      .hamming(hamming),
      .adjacent(adjacent),
      .equal(equal)
  );

  initial begin
    data_in = 4'd0;
    #10 data_in = 4'd1;
    #10 data_in = 4'd2;
    #10 $finish;
  end
endmodule
