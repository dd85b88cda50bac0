`timescale 1ns / 1ps
module tb_shift_reg;
  localparam int WIDTH = 8;

  logic             clk = 1'b0;
  logic             rst_n;
  logic             clear;
  logic [      1:0] mode;
  logic             dir;
  logic             serial_in;
  logic [WIDTH-1:0] par_in;
  logic [WIDTH-1:0] q;
  logic             serial_out;
  logic             all_ones;
  logic             all_zeros;
  int               errors = 0;

  shift_reg #(.WIDTH(WIDTH)) dut (
      .clk(clk),
      .rst_n(rst_n),
      .clear(clear),
      .mode(mode),
      .dir(dir),
      .serial_in(serial_in),
      .par_in(par_in),
      .q(q),
      .serial_out(serial_out),
      .all_ones(all_ones),
      .all_zeros(all_zeros)
  );

  always #5 clk = ~clk;

  task automatic op(input logic [1:0] m, input logic d, input logic si, input logic [WIDTH-1:0] p);
    mode = m;
    dir = d;
    serial_in = si;
    par_in = p;
    @(negedge clk);
  endtask

  initial begin
    logic [WIDTH-1:0] saved;
    rst_n = 1'b0;
    clear = 1'b0;
    mode = 2'b00;
    dir = 1'b0;
    serial_in = 1'b0;
    par_in = '0;
    repeat (2) @(negedge clk);
    rst_n = 1'b1;

    // load and hold
    op(2'b10, 1'b0, 1'b0, 8'hFF);
    if (!all_ones) errors++;
    op(2'b00, 1'b0, 1'b0, 8'h00);
    op(2'b00, 1'b1, 1'b1, 8'h00);
    // shift left a full width of alternating bits
    for (int i = 0; i < WIDTH + 2; i++) op(2'b01, 1'b0, i[0], 8'h00);
    // shift right with serial output
    op(2'b10, 1'b0, 1'b0, 8'hC3);
    for (int i = 0; i < WIDTH + 2; i++) op(2'b01, 1'b1, ~i[0], 8'h00);
    // rotate a full turn in both directions
    op(2'b10, 1'b0, 1'b0, 8'h81);
    saved = q;
    for (int i = 0; i < WIDTH; i++) op(2'b11, 1'b0, 1'b0, 8'h00);
    if (q !== saved) errors++;
    op(2'b10, 1'b0, 1'b0, 8'h96);
    saved = q;
    for (int i = 0; i < WIDTH; i++) op(2'b11, 1'b1, 1'b0, 8'h00);
    if (q !== saved) errors++;
    // clear wins over every mode
    for (int m = 0; m < 4; m++) begin
      op(2'b10, 1'b0, 1'b0, 8'h5A);
      clear = 1'b1;
      op(m[1:0], m[0], 1'b1, 8'hFF);
      clear = 1'b0;
      if (!all_zeros) errors++;
    end
    // random operations
    repeat (300) begin
      clear = ($urandom_range(0, 31) == 0);
      op(2'($urandom), 1'($urandom), 1'($urandom), 8'($urandom));
    end
    clear = 1'b0;
    // reset during activity
    op(2'b10, 1'b0, 1'b0, 8'hFF);
    rst_n = 1'b0;
    op(2'b01, 1'b0, 1'b1, 8'h00);
    rst_n = 1'b1;
    op(2'b01, 1'b0, 1'b1, 8'h00);
    $display("tb_shift_reg done, errors=%0d", errors);
    $finish;
  end
endmodule
