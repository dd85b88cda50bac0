`timescale 1ns / 1ps
module tb_uart_tx;
  localparam int CPB = 8;

  logic       clk = 1'b0;
  logic       rst_n;
  logic       tx_start;
  logic [7:0] tx_data;
  logic       parity_en;
  logic       parity_odd;
  logic       two_stop;
  logic       tx;
  logic       busy;
  logic       tx_done;
  int         errors = 0;

  uart_tx #(.CLKS_PER_BIT(CPB)) dut (
      .clk(clk),
      .rst_n(rst_n),
      .tx_start(tx_start),
      .tx_data(tx_data),
      .parity_en(parity_en),
      .parity_odd(parity_odd),
      .two_stop(two_stop),
      .tx(tx),
      .busy(busy),
      .tx_done(tx_done)
  );

  always #5 clk = ~clk;

  // send one frame and check the serial stream by sampling mid-bit
  task automatic send(input logic [7:0] d, input logic pe, input logic po, input logic ts);
    logic [7:0] got;
    @(negedge clk);
    tx_data = d;
    parity_en = pe;
    parity_odd = po;
    two_stop = ts;
    tx_start = 1'b1;
    @(negedge clk);
    tx_start = 1'b0;
    tx_data = ~d;  // must not affect the frame in flight
    repeat (CPB / 2) @(negedge clk);
    if (tx !== 1'b0) errors++;
    for (int i = 0; i < 8; i++) begin
      repeat (CPB) @(negedge clk);
      got[i] = tx;
    end
    if (got !== d) begin
      $display("ERROR: sent %h got %h", d, got);
      errors++;
    end
    if (pe) begin
      repeat (CPB) @(negedge clk);
      if (tx !== ((^d) ^ po)) errors++;
    end
    repeat (CPB) @(negedge clk);
    if (tx !== 1'b1) errors++;
    wait (tx_done === 1'b1);
    @(negedge clk);
  endtask

  initial begin
    rst_n = 1'b0;
    tx_start = 1'b0;
    tx_data = 8'h00;
    parity_en = 1'b0;
    parity_odd = 1'b0;
    two_stop = 1'b0;
    repeat (2) @(negedge clk);
    rst_n = 1'b1;
    repeat (3) @(negedge clk);

    send(8'h55, 1'b0, 1'b0, 1'b0);
    send(8'hA3, 1'b1, 1'b0, 1'b0);
    send(8'hA3, 1'b1, 1'b1, 1'b0);
    send(8'h00, 1'b0, 1'b0, 1'b1);
    send(8'hFF, 1'b1, 1'b1, 1'b1);
    send(8'h81, 1'b1, 1'b0, 1'b1);
    repeat (6) send(8'($urandom), 1'($urandom), 1'($urandom), 1'($urandom));

    // start held high: back-to-back frames, and pulses while busy are ignored
    @(negedge clk);
    tx_data = 8'hC6;
    parity_en = 1'b0;
    two_stop = 1'b0;
    tx_start = 1'b1;
    repeat (3 * 10 * CPB) @(negedge clk);
    tx_start = 1'b0;
    wait (!busy);

    // reset in the middle of a frame
    @(negedge clk) tx_start = 1'b1;
    @(negedge clk) tx_start = 1'b0;
    repeat (4 * CPB) @(negedge clk);
    rst_n = 1'b0;
    repeat (2) @(negedge clk);
    rst_n = 1'b1;
    repeat (CPB) @(negedge clk);
    $display("tb_uart_tx done, errors=%0d", errors);
    $finish;
  end
endmodule
