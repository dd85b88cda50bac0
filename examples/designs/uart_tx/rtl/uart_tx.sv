`timescale 1ns / 1ps
// UART transmitter: 8 data bits LSB first, optional even/odd parity,
// one or two stop bits. The line idles high.
module uart_tx #(
    parameter int CLKS_PER_BIT = 8
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       tx_start,    // start a frame (accepted only when idle)
    input  logic [7:0] tx_data,
    input  logic       parity_en,   // 1: append a parity bit
    input  logic       parity_odd,  // 1: odd parity, 0: even parity
    input  logic       two_stop,    // 1: two stop bits, 0: one stop bit
    output logic       tx,
    output logic       busy,
    output logic       tx_done      // one-cycle pulse at the end of the last stop bit
);

  typedef enum logic [2:0] {
    IDLE   = 3'd0,
    START  = 3'd1,
    DATA   = 3'd2,
    PARITY = 3'd3,
    STOP   = 3'd4
  } state_t;

  localparam int CW = (CLKS_PER_BIT > 1) ? $clog2(CLKS_PER_BIT) : 1;

  state_t           state;
  logic   [ CW-1:0] baud_cnt;
  logic   [    2:0] bit_idx;
  logic   [    7:0] shifter;
  logic             par_bit;
  logic             stop_idx;
  logic             use_par;
  logic             use_two;
  logic             bit_end;

  assign bit_end = (baud_cnt == CW'(CLKS_PER_BIT - 1));
  assign busy    = (state != IDLE);

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state    <= IDLE;
      baud_cnt <= '0;
      bit_idx  <= '0;
      shifter  <= '0;
      par_bit  <= 1'b0;
      stop_idx <= 1'b0;
      use_par  <= 1'b0;
      use_two  <= 1'b0;
      tx       <= 1'b1;
      tx_done  <= 1'b0;
    end else begin
      tx_done <= 1'b0;
      if (state == IDLE || bit_end) baud_cnt <= '0;
      else baud_cnt <= baud_cnt + 1'b1;

      case (state)
        IDLE: begin
          tx <= 1'b1;
          if (tx_start) begin
            shifter <= tx_data;
            par_bit <= (^tx_data) ^ parity_odd;
            use_par <= parity_en;
            use_two <= two_stop;
            tx      <= 1'b0;
            state   <= START;
          end
        end
        START: begin
          if (bit_end) begin
            tx      <= shifter[0];
            bit_idx <= '0;
            state   <= DATA;
          end
        end
        DATA: begin
          if (bit_end) begin
            if (bit_idx == 3'd7) begin
              if (use_par) begin
                tx    <= par_bit;
                state <= PARITY;
              end else begin
                tx       <= 1'b1;
                stop_idx <= 1'b0;
                state    <= STOP;
              end
            end else begin
              tx      <= shifter[bit_idx+1'b1];
              bit_idx <= bit_idx + 1'b1;
            end
          end
        end
        PARITY: begin
          if (bit_end) begin
            tx       <= 1'b1;
            stop_idx <= 1'b0;
            state    <= STOP;
          end
        end
        STOP: begin
          if (bit_end) begin
            if (use_two && !stop_idx) begin
              stop_idx <= 1'b1;
            end else begin
              tx_done <= 1'b1;
              state   <= IDLE;
            end
          end
        end
        default: state <= IDLE;
      endcase
    end
  end

endmodule
