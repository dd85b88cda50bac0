`timescale 1ns / 1ps
// Combinational ALU with arithmetic, logic, shift and compare operations and
// zero / carry / overflow / negative flags.
module alu #(
    parameter int WIDTH = 8
) (
    input  logic [WIDTH-1:0] a,
    input  logic [WIDTH-1:0] b,
    input  logic [      3:0] op,
    input  logic             carry_in,
    output logic [WIDTH-1:0] result,
    output logic             zero,
    output logic             carry,
    output logic             overflow,
    output logic             negative,
    output logic             invalid_op
);

  localparam int SW = $clog2(WIDTH);

  localparam logic [3:0] OP_ADD = 4'h0, OP_ADC = 4'h1, OP_SUB = 4'h2, OP_INC = 4'h3;
  localparam logic [3:0] OP_DEC = 4'h4, OP_AND = 4'h5, OP_OR = 4'h6, OP_XOR = 4'h7;
  localparam logic [3:0] OP_NOT = 4'h8, OP_SHL = 4'h9, OP_SHR = 4'hA, OP_SAR = 4'hB;
  localparam logic [3:0] OP_SLT = 4'hC, OP_SLTU = 4'hD, OP_PASSB = 4'hE;

  logic [  WIDTH:0] wide;  // result with carry/borrow in the top bit
  logic [   SW-1:0] shamt;
  logic             shift_out;  // last bit shifted out by a right shift
  logic             wide_top, msb_a, msb_b, msb_r;

  assign shamt    = b[SW-1:0];
  assign result   = wide[WIDTH-1:0];
  assign wide_top = wide[WIDTH];
  assign msb_a    = a[WIDTH-1];
  assign msb_b    = b[WIDTH-1];
  assign msb_r    = result[WIDTH-1];
  assign zero     = (result == '0);
  assign negative = msb_r;

  always_comb begin
    wide       = '0;
    shift_out  = 1'b0;
    invalid_op = 1'b0;
    case (op)
      OP_ADD: wide = {1'b0, a} + {1'b0, b};
      OP_ADC: wide = {1'b0, a} + {1'b0, b} + {{WIDTH{1'b0}}, carry_in};
      OP_SUB: wide = {1'b0, a} - {1'b0, b};
      OP_INC: wide = {1'b0, a} + 1'b1;
      OP_DEC: wide = {1'b0, a} - 1'b1;
      OP_AND: wide = {1'b0, a & b};
      OP_OR:  wide = {1'b0, a | b};
      OP_XOR: wide = {1'b0, a ^ b};
      OP_NOT: wide = {1'b0, ~a};
      OP_SHL: wide = {1'b0, a} << shamt;
      OP_SHR: begin
        wide = {1'b0, a >> shamt};
        if (shamt != '0) shift_out = a[shamt-1'b1];
      end
      OP_SAR: begin
        wide = {1'b0, WIDTH'($signed(a) >>> shamt)};
        if (shamt != '0) shift_out = a[shamt-1'b1];
      end
      OP_SLT: wide = {{WIDTH{1'b0}}, $signed(a) < $signed(b)};
      OP_SLTU: wide = {{WIDTH{1'b0}}, a < b};
      OP_PASSB: wide = {1'b0, b};
      default: invalid_op = 1'b1;
    endcase
  end

  // flags: carry is the carry out of additions and left shifts, the borrow of
  // subtractions and the last bit shifted out of right shifts; overflow is the
  // signed overflow of the arithmetic operations
  always_comb begin
    carry    = 1'b0;
    overflow = 1'b0;
    case (op)
      OP_ADD, OP_ADC: begin
        carry    = wide_top;
        overflow = (msb_a == msb_b) && (msb_r != msb_a);
      end
      OP_SUB: begin
        carry    = wide_top;
        overflow = (msb_a != msb_b) && (msb_r != msb_a);
      end
      OP_INC: begin
        carry    = wide_top;
        overflow = !msb_a && msb_r;
      end
      OP_DEC: begin
        carry    = wide_top;
        overflow = msb_a && !msb_r;
      end
      OP_SHL: carry = wide_top;
      OP_SHR, OP_SAR: carry = shift_out;
      default: ;
    endcase
  end

endmodule
