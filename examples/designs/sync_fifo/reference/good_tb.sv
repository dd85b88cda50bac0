`timescale 1ns / 1ps
module tb_sync_fifo;
  localparam int DEPTH = 8;
  localparam int WIDTH = 8;

  logic                   clk = 1'b0;
  logic                   rst_n;
  logic                   wr_en;
  logic [WIDTH-1:0]       wr_data;
  logic                   rd_en;
  logic [WIDTH-1:0]       rd_data;
  logic                   rd_valid;
  logic                   full, empty, almost_full, almost_empty, overflow, underflow;
  logic [$clog2(DEPTH):0] count;

  // reference model
  logic [WIDTH-1:0] model[$];
  logic [WIDTH-1:0] expected;
  int errors = 0;

  sync_fifo #(.DEPTH(DEPTH), .WIDTH(WIDTH)) dut (
      .clk(clk),
      .rst_n(rst_n),
      .wr_en(wr_en),
      .wr_data(wr_data),
      .rd_en(rd_en),
      .rd_data(rd_data),
      .rd_valid(rd_valid),
      .full(full),
      .empty(empty),
      .almost_full(almost_full),
      .almost_empty(almost_empty),
      .overflow(overflow),
      .underflow(underflow),
      .count(count)
  );

  always #5 clk = ~clk;

  // drive one cycle of stimulus and update the model at the clock edge
  task automatic step(input logic w, input logic r, input logic [WIDTH-1:0] d);
    logic acc_w, acc_r;
    wr_en = w;
    rd_en = r;
    wr_data = d;
    acc_w = w && !full;
    acc_r = r && !empty;
    @(posedge clk);
    if (acc_r) begin
      expected = model.pop_front();
    end
    if (acc_w) model.push_back(d);
    #1;
    if (acc_r && rd_data !== expected) begin
      $display("ERROR: read %h expected %h", rd_data, expected);
      errors++;
    end
    @(negedge clk);
  endtask

  initial begin
    rst_n = 1'b0;
    wr_en = 1'b0;
    rd_en = 1'b0;
    wr_data = '0;
    repeat (2) @(negedge clk);
    rst_n = 1'b1;
    @(negedge clk);

    // read while empty -> underflow
    step(1'b0, 1'b1, 8'h00);
    // simultaneous read and write at empty: only the write happens
    step(1'b1, 1'b1, 8'h11);
    // fill completely
    for (int i = 0; i < DEPTH + 2; i++) step(1'b1, 1'b0, 8'(8'hA0 + i));
    // simultaneous read and write while full: only the read happens
    step(1'b1, 1'b1, 8'hEE);
    // drain completely and beyond
    for (int i = 0; i < DEPTH + 2; i++) step(1'b0, 1'b1, 8'h00);
    // streaming with pointer wrap: keep half full, read and write together
    for (int i = 0; i < 4; i++) step(1'b1, 1'b0, 8'(8'h30 + i));
    for (int i = 0; i < 3 * DEPTH; i++) step(1'b1, 1'b1, 8'(8'h50 + i));
    // random traffic
    for (int i = 0; i < 300; i++) step($urandom_range(0, 1), $urandom_range(0, 1), 8'($urandom));
    // all data patterns
    for (int i = 0; i < DEPTH; i++) step(1'b1, 1'b0, (i % 2) ? 8'hFF : 8'h00);
    for (int i = 0; i < DEPTH; i++) step(1'b0, 1'b1, 8'h00);
    // reset while not empty
    step(1'b1, 1'b0, 8'h5A);
    step(1'b1, 1'b0, 8'hA5);
    wr_en = 1'b0;
    rst_n = 1'b0;
    #3 rst_n = 1'b1;
    model.delete();
    @(negedge clk);
    step(1'b0, 1'b1, 8'h00);
    repeat (2) @(negedge clk);
    $display("tb_sync_fifo done, errors=%0d", errors);
    $finish;
  end
endmodule
