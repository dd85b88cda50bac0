`timescale 1ns / 1ps
module tb_uart_rx;
  localparam int CPB = 8;

  logic       clk = 1'b0;
  logic       rst_n;
  logic       rx;
  logic       parity_en;
  logic       parity_odd;
  logic [7:0] rx_data;
  logic       rx_valid;
  logic       parity_error;
  logic       frame_error;
  logic       busy;
  int         n_valid = 0, n_perr = 0, n_ferr = 0;

  uart_rx #(.CLKS_PER_BIT(CPB)) uut (
      .clk(clk),
      .rst_n(rst_n),
      .rx(rx),
      .parity_en(parity_en),
      .parity_odd(parity_odd),
      .rx_data(rx_data),
      .rx_valid(rx_valid),
      .parity_error(parity_error),
      .frame_error(frame_error),
      .busy(busy)
  );

  always #5 clk = ~clk;

  always @(posedge clk) begin
    if (rx_valid) n_valid++;
    if (parity_error) n_perr++;
    if (frame_error) n_ferr++;
  end

  task automatic send_bit(input logic b);
    rx = b;
    repeat (CPB) @(negedge clk);
  endtask

  // send a frame; flip_par corrupts the parity bit, stop_val is the stop bit level
  task automatic send(input logic [7:0] d, input logic flip_par, input logic stop_val);
    send_bit(1'b0);
    for (int i = 0; i < 8; i++) send_bit(d[i]);
    if (parity_en) send_bit((^d) ^ parity_odd ^ flip_par);
    send_bit(stop_val);
  endtask

  initial begin
    rst_n = 1'b0;
    rx = 1'b1;
    parity_en = 1'b0;
    parity_odd = 1'b0;
    repeat (3) @(negedge clk);
    rst_n = 1'b1;
    repeat (4) @(negedge clk);

    // no parity
    send(8'h55, 1'b0, 1'b1);
    send(8'h00, 1'b0, 1'b1);
    send(8'hFF, 1'b0, 1'b1);
    send(8'h3C, 1'b0, 1'b0);  // framing error
    rx = 1'b1;
    repeat (3 * CPB) @(negedge clk);
    // even parity
    parity_en = 1'b1;
    parity_odd = 1'b0;
    send(8'hA5, 1'b0, 1'b1);
    send(8'hA4, 1'b1, 1'b1);  // parity error
    send(8'h01, 1'b1, 1'b0);  // both faults: framing error wins
    rx = 1'b1;
    repeat (2 * CPB) @(negedge clk);
    // odd parity
    parity_odd = 1'b1;
    send(8'h7E, 1'b0, 1'b1);
    send(8'h80, 1'b1, 1'b1);
    // glitch on an idle line
    repeat (CPB) @(negedge clk);
    rx = 1'b0;
    repeat (2) @(negedge clk);
    rx = 1'b1;
    repeat (2 * CPB) @(negedge clk);
    // back-to-back random frames
    parity_en = 1'b0;
    for (int i = 0; i < 8; i++) send(8'($urandom), 1'b0, 1'b1);
    parity_en = 1'b1;
    for (int i = 0; i < 8; i++) begin
      parity_odd = 1'($urandom);
      send(8'($urandom), 1'($urandom_range(0, 3) == 0), 1'b1);
    end
    // reset in the middle of a frame
    send_bit(1'b0);
    send_bit(1'b1);
    rst_n = 1'b0;
    repeat (2) @(negedge clk);
    rst_n = 1'b1;
    rx = 1'b1;
    repeat (2 * CPB) @(negedge clk);
    $display("tb_uart_rx done: valid=%0d parity_err=%0d frame_err=%0d", n_valid, n_perr, n_ferr);
    $finish;
  end
endmodule
