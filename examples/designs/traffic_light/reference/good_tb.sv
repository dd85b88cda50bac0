`timescale 1ns / 1ps
module tb_traffic_light;
  logic       clk = 1'b0;
  logic       rst_n;
  logic       car_ew;
  logic       ped_btn;
  logic       emergency;
  logic [2:0] ns_light;
  logic [2:0] ew_light;
  logic       walk;
  logic       ped_wait;

  traffic_light dut (
      .clk(clk),
      .rst_n(rst_n),
      .car_ew(car_ew),
      .ped_btn(ped_btn),
      .emergency(emergency),
      .ns_light(ns_light),
      .ew_light(ew_light),
      .walk(walk),
      .ped_wait(ped_wait)
  );

  always #5 clk = ~clk;

  // safety check: never green or yellow on both roads at once
  always @(negedge clk) begin
    if (rst_n && !ns_light[2] && !ew_light[2]) $display("ERROR: conflicting lights at %0t", $time);
  end

  task automatic press_button;
    @(negedge clk) ped_btn = 1'b1;
    @(negedge clk) ped_btn = 1'b0;
  endtask

  task automatic wait_cycles(input int n);
    repeat (n) @(negedge clk);
  endtask

  initial begin
    rst_n = 1'b0;
    car_ew = 1'b0;
    ped_btn = 1'b0;
    emergency = 1'b0;
    wait_cycles(2);
    rst_n = 1'b1;

    // NS green held with no requests
    wait_cycles(20);
    // side-road car stays long: EW green reaches its maximum
    car_ew = 1'b1;
    wait_cycles(30);
    // car leaves during EW green: cut short
    wait_cycles(10);
    while (ew_light != 3'b001) @(negedge clk);
    car_ew = 1'b0;
    wait_cycles(20);
    // pedestrian request with no car: walk then back to NS
    press_button();
    wait_cycles(30);
    // pedestrian request with a car waiting: walk then EW green
    press_button();
    car_ew = 1'b1;
    while (!walk) @(negedge clk);
    press_button();  // ignored during walk
    wait_cycles(20);
    car_ew = 1'b0;
    wait_cycles(15);
    // emergency in every state
    for (int s = 0; s < 12; s++) begin
      car_ew = 1'b1;
      if (s % 3 == 0) press_button();
      wait_cycles(s * 3 + 1);
      emergency = 1'b1;
      wait_cycles(3);
      emergency = 1'b0;
      wait_cycles(2);
    end
    // random stimulus
    repeat (400) begin
      @(negedge clk);
      car_ew = ($urandom_range(0, 3) != 0);
      ped_btn = ($urandom_range(0, 15) == 0);
      emergency = ($urandom_range(0, 40) == 0);
    end
    // reset in the middle of a phase
    rst_n = 1'b0;
    wait_cycles(2);
    rst_n = 1'b1;
    wait_cycles(5);
    $display("tb_traffic_light done");
    $finish;
  end
endmodule
