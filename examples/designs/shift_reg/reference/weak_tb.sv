`timescale 1ns / 1ps
module tb_shift_reg;
  logic       clk = 1'b0;
  logic       rst_n;
  logic [1:0] mode;
  logic [7:0] q;
  logic       serial_out, all_ones, all_zeros;

  shift_reg dut (
      .clk(clk),
      .rst_n(rst_n),
      .clear(1'b0),
      .mode(mode),
      .dir(1'b0),
      .serial_in(1'b1),
      .par_in(8'h00),
      .q(q),
      .serial_out(serial_out),
      .all_ones(all_ones),
      .all_zeros(all_zeros)
  );

  always #5 clk = ~clk;

  initial begin
    rst_n = 1'b0;
    mode = 2'b00;
    #20 rst_n = 1'b1;
    @(negedge clk) mode = 2'b01;
    repeat (3) @(negedge clk);
    mode = 2'b00;
    repeat (2) @(posedge clk);
    $finish;
  end
endmodule
