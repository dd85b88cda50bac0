`timescale 1ns / 1ps
// PWM generator: a prescaler sub-module produces the count ticks; period and
// duty are double-buffered and take effect at the start of each PWM period.
module pwm_top #(
    parameter int RES = 8
) (
    input  logic           clk,
    input  logic           rst_n,
    input  logic           en,
    input  logic [    7:0] prescale,      // ticks every prescale + 1 clock cycles
    input  logic [RES-1:0] period,        // PWM period is period + 1 ticks
    input  logic [RES-1:0] duty,          // active ticks per period
    input  logic           polarity,      // 0: active high, 1: active low
    output logic           pwm_out,
    output logic           period_start,  // one-cycle pulse when a new period begins
    output logic [RES-1:0] count
);

  logic           tick;
  logic [RES-1:0] period_q;
  logic [RES-1:0] duty_q;
  logic           active;

  prescaler #(.DIV_W(8)) u_prescaler (
      .clk (clk),
      .rst_n(rst_n),
      .en  (en),
      .div (prescale),
      .tick(tick)
  );

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      count        <= '0;
      period_q     <= '0;
      duty_q       <= '0;
      period_start <= 1'b0;
    end else begin
      period_start <= 1'b0;
      if (!en) begin
        count    <= '0;
        period_q <= period;
        duty_q   <= duty;
      end else if (tick) begin
        if (count >= period_q) begin
          count        <= '0;
          period_q     <= period;
          duty_q       <= duty;
          period_start <= 1'b1;
        end else begin
          count <= count + 1'b1;
        end
      end
    end
  end

  always_comb begin
    if (!en) active = 1'b0;
    else if (duty_q == '0) active = 1'b0;
    else if (duty_q > period_q) active = 1'b1;
    else active = (count < duty_q);
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) pwm_out <= 1'b0;
    else pwm_out <= active ^ polarity;
  end

endmodule
