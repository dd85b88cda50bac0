`timescale 1ns / 1ps
// Universal shift register: hold, shift (left/right, serial in), parallel load
// and rotate, with a synchronous clear and a serial output.
module shift_reg #(
    parameter int WIDTH = 8
) (
    input  logic             clk,
    input  logic             rst_n,
    input  logic             clear,      // synchronous clear (highest priority)
    input  logic [      1:0] mode,       // 00 hold, 01 shift, 10 load, 11 rotate
    input  logic             dir,        // 0: towards the MSB (left), 1: towards the LSB (right)
    input  logic             serial_in,
    input  logic [WIDTH-1:0] par_in,
    output logic [WIDTH-1:0] q,
    output logic             serial_out, // bit shifted out by the last shift
    output logic             all_ones,
    output logic             all_zeros
);

  localparam logic [1:0] MODE_HOLD = 2'b00;
  localparam logic [1:0] MODE_SHIFT = 2'b01;
  localparam logic [1:0] MODE_LOAD = 2'b10;
  localparam logic [1:0] MODE_ROTATE = 2'b11;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      q          <= '0;
      serial_out <= 1'b0;
    end else if (clear) begin
      q          <= '0;
      serial_out <= 1'b0;
    end else begin
      case (mode)
        MODE_HOLD: begin
          q <= q;
        end
        MODE_SHIFT: begin
          if (dir) begin
            q          <= {serial_in, q[WIDTH-1:1]};
            serial_out <= q[0];
          end else begin
            q          <= {q[WIDTH-2:0], serial_in};
            serial_out <= q[WIDTH-1];
          end
        end
        MODE_LOAD: begin
          q <= par_in;
        end
        MODE_ROTATE: begin
          if (dir) q <= {q[0], q[WIDTH-1:1]};
          else q <= {q[WIDTH-2:0], q[WIDTH-1]};
        end
      endcase
    end
  end

  assign all_ones  = &q;
  assign all_zeros = ~|q;

endmodule
