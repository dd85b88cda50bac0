`timescale 1ns / 1ps
// Parameterized up/down counter with synchronous load, count enable and an
// optional saturating mode. Load has priority over counting.
module up_down_counter #(
    parameter int WIDTH = 8
) (
    input  logic             clk,
    input  logic             rst_n,     // active-low asynchronous reset
    input  logic             en,        // count enable
    input  logic             load,      // synchronous load (priority over en)
    input  logic             up,        // 1: count up, 0: count down
    input  logic             sat,       // 1: saturate at the limits instead of wrapping
    input  logic [WIDTH-1:0] load_val,
    output logic [WIDTH-1:0] count,
    output logic             at_max,
    output logic             at_min,
    output logic             wrap       // one-cycle pulse when the counter wraps around
);

  localparam logic [WIDTH-1:0] MAX_VAL = {WIDTH{1'b1}};
  localparam logic [WIDTH-1:0] MIN_VAL = '0;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      count <= MIN_VAL;
      wrap  <= 1'b0;
    end else begin
      wrap <= 1'b0;
      if (load) begin
        count <= load_val;
      end else if (en) begin
        if (up) begin
          if (count != MAX_VAL) begin
            count <= count + 1'b1;
          end else if (!sat) begin
            count <= MIN_VAL;
            wrap  <= 1'b1;
          end
        end else begin
          if (count != MIN_VAL) begin
            count <= count - 1'b1;
          end else if (!sat) begin
            count <= MAX_VAL;
            wrap  <= 1'b1;
          end
        end
      end
    end
  end

  assign at_max = (count == MAX_VAL);
  assign at_min = (count == MIN_VAL);

endmodule
