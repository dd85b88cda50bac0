`timescale 1ns / 1ps
module tb_alu;
  logic [7:0] a, b, result;
  logic [3:0] op;
  logic zero, carry, overflow, negative, invalid_op;

  alu dut (
      .a(a),
      .b(b),
      .op(op),
      .carry_in(1'b0),
      .result(result),
      .zero(zero),
      .carry(carry),
      .overflow(overflow),
      .negative(negative),
      .invalid_op(invalid_op)
  );

  initial begin
    op = 4'h0;
    a = 8'd3;
    b = 8'd4;
    #10 op = 4'h5;
    #10 op = 4'h6;
    #10 $finish;
  end
endmodule
