`timescale 1ns / 1ps
module tb_gray_codec;
  localparam int W = 4;

  logic               mode;
  logic [W-1:0]       data_in, ref_in, data_out;
  logic [$clog2(W):0] hamming;
  logic               adjacent, equal;
  logic [W-1:0]       gray_word;
  int                 errors = 0;

  gray_codec #(.W(W)) dut (
      .mode(mode),
      .data_in(data_in),
      .ref_in(ref_in),
      .data_out(data_out),
      .hamming(hamming),
      .adjacent(adjacent),
      .equal(equal)
  );

  initial begin
    // exhaustive: every pair of values in both modes
    for (int m = 0; m < 2; m++) begin
      for (int x = 0; x < (1 << W); x++) begin
        for (int y = 0; y < (1 << W); y++) begin
          mode = m[0];
          data_in = x[W-1:0];
          ref_in = y[W-1:0];
          #1;
          if (m == 0 && data_out !== (data_in ^ (data_in >> 1))) errors++;
          if (m == 0 && y == ((x + 1) % (1 << W)) && !adjacent) errors++;
          if (x == y && !equal) errors++;
        end
      end
    end
    // round trip: encode then decode every value
    for (int x = 0; x < (1 << W); x++) begin
      mode = 1'b0;
      data_in = x[W-1:0];
      ref_in = '0;
      #1 gray_word = data_out;
      mode = 1'b1;
      data_in = gray_word;
      #1;
      if (data_out !== x[W-1:0]) begin
        $display("ERROR: round trip of %0d gave %0d", x, data_out);
        errors++;
      end
    end
    $display("tb_gray_codec done, errors=%0d", errors);
    $finish;
  end
endmodule
