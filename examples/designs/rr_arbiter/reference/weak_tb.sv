`timescale 1ns / 1ps
module tb_rr_arbiter;
  logic       clk = 1'b0;
  logic       rst_n;
  logic [3:0] req;
  logic [3:0] grant;
  logic [1:0] grant_id;
  logic       grant_valid, switched;

  rr_arbiter dut (
      .clk(clk),
      .rst_n(rst_n),
      .req(req),
      .lock(1'b0),
      .grant(grant),
      .grant_id(grant_id),
      .grant_valid(grant_valid),
      .switched(switched)
  );

  always #5 clk = ~clk;

  initial begin
    rst_n = 1'b0;
    req = 4'b0000;
    #20 rst_n = 1'b1;
    @(negedge clk) req = 4'b0001;
    repeat (3) @(negedge clk);
    req = 4'b0000;
    repeat (2) @(posedge clk);
    $finish;
  end
endmodule
