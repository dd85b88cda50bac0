`timescale 1ns / 1ps
module tb_sp_ram_be;
  logic        clk = 1'b0;
  logic        rst_n;
  logic        cs, we;
  logic [31:0] rdata;
  logic        rvalid, err;

  sp_ram_be dut (
      .clk(clk),
      .rst_n(rst_n),
      .cs(cs),
      .we(we),
      .addr(6'd1),
      .be(4'hF),
      .wdata(32'h0000_00FF),
      .rdata(rdata),
      .rvalid(rvalid),
      .err(err)
  );

  always #5 clk = ~clk;

  initial begin
    rst_n = 1'b0;
    cs = 1'b0;
    we = 1'b0;
    #20 rst_n = 1'b1;
    @(negedge clk) cs = 1'b1;
    we = 1'b1;
    @(negedge clk) we = 1'b0;
    @(negedge clk) cs = 1'b0;
    repeat (2) @(posedge clk);
    $finish;
  end
endmodule
