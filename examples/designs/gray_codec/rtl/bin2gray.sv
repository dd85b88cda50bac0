`timescale 1ns / 1ps
// binary to Gray: g = b ^ (b >> 1)
module bin2gray #(
    parameter int W = 4
) (
    input  logic [W-1:0] bin,
    output logic [W-1:0] gray
);
  assign gray = bin ^ (bin >> 1);
endmodule
