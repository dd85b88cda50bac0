`timescale 1ns / 1ps
// Binary <-> Gray code converter pair with an adjacency checker (combinational).
module gray_codec #(
    parameter int W = 4
) (
    input  logic                mode,      // 0: data_in is binary (encode), 1: data_in is Gray (decode)
    input  logic [       W-1:0] data_in,
    input  logic [       W-1:0] ref_in,    // second code word, same encoding as data_in
    output logic [       W-1:0] data_out,  // converted data_in
    output logic [$clog2(W):0]  hamming,   // differing bits between the Gray forms of data_in and ref_in
    output logic                adjacent,  // data_in and ref_in are neighbours in the Gray sequence
    output logic                equal
);

  logic [W-1:0] enc_data, enc_ref, dec_data;
  logic [W-1:0] diff;

  bin2gray #(.W(W)) u_enc_data (.bin(data_in), .gray(enc_data));
  bin2gray #(.W(W)) u_enc_ref (.bin(ref_in), .gray(enc_ref));
  gray2bin #(.W(W)) u_dec_data (.gray(data_in), .bin(dec_data));

  always_comb begin
    if (mode) begin
      data_out = dec_data;
      diff     = data_in ^ ref_in;
    end else begin
      data_out = enc_data;
      diff     = enc_data ^ enc_ref;
    end
    hamming = '0;
    for (int i = 0; i < W; i++) begin
      if (diff[i]) hamming = hamming + 1'b1;
    end
  end

  assign adjacent = (hamming == 1);
  assign equal    = (hamming == 0);

endmodule
