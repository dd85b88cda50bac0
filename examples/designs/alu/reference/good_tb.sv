`timescale 1ns / 1ps
module tb_alu;
  localparam int WIDTH = 8;

  logic [WIDTH-1:0] a, b, result;
  logic [3:0] op;
  logic carry_in, zero, carry, overflow, negative, invalid_op;
  int errors = 0;

  alu #(.WIDTH(WIDTH)) dut (
      .a(a),
      .b(b),
      .op(op),
      .carry_in(carry_in),
      .result(result),
      .zero(zero),
      .carry(carry),
      .overflow(overflow),
      .negative(negative),
      .invalid_op(invalid_op)
  );

  task automatic apply(input logic [3:0] o, input logic [7:0] x, input logic [7:0] y, input logic ci);
    logic [8:0] exp;
    logic check;
    op = o;
    a = x;
    b = y;
    carry_in = ci;
    #1;
    exp = '0;
    check = 1'b1;
    case (o)
      4'h0: exp = {1'b0, x} + {1'b0, y};
      4'h1: exp = {1'b0, x} + {1'b0, y} + ci;
      4'h2: exp = {1'b0, x} - {1'b0, y};
      4'h5: exp = {1'b0, x & y};
      4'hE: exp = {1'b0, y};
      default: check = 1'b0;
    endcase
    if (check && {carry, result} !== exp) begin
      $display("ERROR: op=%h a=%h b=%h -> %b%h expected %h", o, x, y, carry, result, exp);
      errors++;
    end
    if (zero !== (result == 0) || negative !== result[WIDTH-1]) errors++;
    #4;
  endtask

  initial begin
    logic [7:0] corners[8];
    corners[0] = 8'h00;
    corners[1] = 8'h01;
    corners[2] = 8'h7F;
    corners[3] = 8'h80;
    corners[4] = 8'hFF;
    corners[5] = 8'h55;
    corners[6] = 8'hAA;
    corners[7] = 8'h07;

    // every operation with every pair of corner operands
    for (int o = 0; o < 16; o++) begin
      for (int i = 0; i < 8; i++) begin
        for (int j = 0; j < 8; j++) apply(o[3:0], corners[i], corners[j], (i + j) % 2 == 1);
      end
    end
    // shifts by every amount
    for (int o = 9; o <= 11; o++) begin
      for (int s = 0; s < 8; s++) begin
        apply(o[3:0], 8'hB5, s[7:0], 1'b0);
        apply(o[3:0], 8'h4A, s[7:0], 1'b0);
      end
    end
    // random operands
    repeat (500) apply(4'($urandom), 8'($urandom), 8'($urandom), 1'($urandom));
    $display("tb_alu done, errors=%0d", errors);
    $finish;
  end
endmodule
