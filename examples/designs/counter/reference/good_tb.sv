`timescale 1ns / 1ps
module tb_counter;
  localparam int WIDTH = 8;

  logic             clk = 1'b0;
  logic             rst_n;
  logic             en;
  logic             load;
  logic             up;
  logic             sat;
  logic [WIDTH-1:0] load_val;
  logic [WIDTH-1:0] count;
  logic             at_max;
  logic             at_min;
  logic             wrap;

  up_down_counter #(.WIDTH(WIDTH)) dut (
      .clk(clk),
      .rst_n(rst_n),
      .en(en),
      .load(load),
      .up(up),
      .sat(sat),
      .load_val(load_val),
      .count(count),
      .at_max(at_max),
      .at_min(at_min),
      .wrap(wrap)
  );

  always #5 clk = ~clk;

  task automatic do_load(input logic [WIDTH-1:0] v);
    @(negedge clk);
    load = 1'b1;
    load_val = v;
    @(negedge clk);
    load = 1'b0;
  endtask

  task automatic run(input logic dir, input logic s, input int n);
    @(negedge clk);
    up = dir;
    sat = s;
    en = 1'b1;
    repeat (n) @(negedge clk);
    en = 1'b0;
  endtask

  initial begin
    rst_n = 1'b0;
    en = 1'b0;
    load = 1'b0;
    up = 1'b1;
    sat = 1'b0;
    load_val = '0;
    repeat (3) @(negedge clk);
    rst_n = 1'b1;

    // count up through every value, wrapping at the top
    run(1'b1, 1'b0, 260);
    // count down through zero (wrap to max)
    run(1'b0, 1'b0, 10);
    // saturate at the top
    do_load(8'hFD);
    run(1'b1, 1'b1, 6);
    // saturate at the bottom
    do_load(8'h02);
    run(1'b0, 1'b1, 6);
    // wrap down from zero, wrap up from max
    do_load(8'h00);
    run(1'b0, 1'b0, 2);
    do_load(8'hFF);
    run(1'b1, 1'b0, 2);
    // load wins over enable
    @(negedge clk);
    en = 1'b1;
    load = 1'b1;
    load_val = 8'hA5;
    @(negedge clk);
    load_val = 8'h5A;
    @(negedge clk);
    load = 1'b0;
    en = 1'b0;
    // enable low holds
    up = 1'b0;
    repeat (3) @(negedge clk);
    // random stimulus
    repeat (200) begin
      @(negedge clk);
      en = $urandom_range(0, 1);
      load = ($urandom_range(0, 9) == 0);
      up = $urandom_range(0, 1);
      sat = $urandom_range(0, 1);
      load_val = $urandom;
    end
    // asynchronous reset in the middle of counting
    en = 1'b1;
    #2 rst_n = 1'b0;
    #7 rst_n = 1'b1;
    repeat (5) @(negedge clk);
    $display("tb_counter done, count=%0d", count);
    $finish;
  end
endmodule
