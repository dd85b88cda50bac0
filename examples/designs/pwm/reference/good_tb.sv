`timescale 1ns / 1ps
module tb_pwm;
  logic       clk = 1'b0;
  logic       rst_n;
  logic       en;
  logic [7:0] prescale;
  logic [7:0] period;
  logic [7:0] duty;
  logic       polarity;
  logic       pwm_out;
  logic       period_start;
  logic [7:0] count;
  int         high_cycles;
  int         periods;

  pwm_top uut (
      .clk(clk),
      .rst_n(rst_n),
      .en(en),
      .prescale(prescale),
      .period(period),
      .duty(duty),
      .polarity(polarity),
      .pwm_out(pwm_out),
      .period_start(period_start),
      .count(count)
  );

  always #5 clk = ~clk;

  always @(posedge clk) begin
    if (pwm_out) high_cycles++;
    if (period_start) periods++;
  end

  // run one configuration for a number of clock cycles
  task automatic run(input logic [7:0] ps, input logic [7:0] per, input logic [7:0] d, input logic pol,
                     input int cycles);
    en = 1'b0;
    prescale = ps;
    period = per;
    duty = d;
    polarity = pol;
    @(negedge clk);
    en = 1'b1;
    high_cycles = 0;
    periods = 0;
    repeat (cycles) @(negedge clk);
    $display("ps=%0d period=%0d duty=%0d pol=%0d: high=%0d periods=%0d", ps, per, d, pol, high_cycles,
             periods);
  endtask

  initial begin
    rst_n = 1'b0;
    en = 1'b0;
    prescale = 8'd0;
    period = 8'd0;
    duty = 8'd0;
    polarity = 1'b0;
    repeat (2) @(negedge clk);
    rst_n = 1'b1;

    run(8'd0, 8'd9, 8'd3, 1'b0, 60);     // 30 % duty, fast
    run(8'd0, 8'd9, 8'd0, 1'b0, 30);     // 0 %
    run(8'd0, 8'd9, 8'd10, 1'b0, 30);    // 100 % (duty > period)
    run(8'd0, 8'd9, 8'd9, 1'b1, 30);     // duty == period, inverted
    run(8'd2, 8'd4, 8'd2, 1'b0, 60);     // with prescaler
    run(8'd0, 8'd0, 8'd1, 1'b0, 10);     // period 0
    run(8'd1, 8'd255, 8'd128, 1'b1, 600);  // full range: count reaches its top bits
    run(8'd0, 8'd255, 8'd255, 1'b0, 300);
    run(8'd52, 8'd1, 8'd1, 1'b0, 220);
    // change duty and period in the middle of a period
    run(8'd1, 8'd15, 8'd4, 1'b0, 20);
    duty = 8'd12;
    period = 8'd7;
    repeat (60) @(negedge clk);
    // lower the prescale value below the running prescaler count
    run(8'd255, 8'd3, 8'd1, 1'b0, 200);
    prescale = 8'd180;
    repeat (200) @(negedge clk);
    prescale = 8'd3;
    repeat (60) @(negedge clk);
    // disable in mid-period and re-enable
    en = 1'b0;
    repeat (5) @(negedge clk);
    en = 1'b1;
    repeat (20) @(negedge clk);
    // random configurations
    repeat (10) run(8'($urandom_range(0, 3)), 8'($urandom_range(0, 20)), 8'($urandom_range(0, 22)),
                    1'($urandom), 80);
    // reset while running
    rst_n = 1'b0;
    repeat (2) @(negedge clk);
    rst_n = 1'b1;
    repeat (10) @(negedge clk);
    $display("tb_pwm done");
    $finish;
  end
endmodule
