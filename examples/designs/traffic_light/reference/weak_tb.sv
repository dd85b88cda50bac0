`timescale 1ns / 1ps
module tb_traffic_light;
  logic       clk = 1'b0;
  logic       rst_n;
  logic [2:0] ns_light, ew_light;
  logic       walk, ped_wait;

  traffic_light dut (
      .clk(clk),
      .rst_n(rst_n),
      .car_ew(1'b0),
      .ped_btn(1'b0),
      .emergency(1'b0),
      .ns_light(ns_light),
      .ew_light(ew_light),
      .walk(walk),
      .ped_wait(ped_wait)
  );

  always #5 clk = ~clk;

  initial begin
    rst_n = 1'b0;
    #20 rst_n = 1'b1;
    repeat (10) @(posedge clk);
    $finish;
  end
endmodule
