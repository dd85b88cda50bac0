`timescale 1ns / 1ps
// UART receiver: 8 data bits LSB first, optional even/odd parity, one stop bit.
// The input is synchronised with two flip-flops and sampled in the middle of each bit.
module uart_rx #(
    parameter int CLKS_PER_BIT = 8
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       rx,            // serial input, idles high
    input  logic       parity_en,
    input  logic       parity_odd,
    output logic [7:0] rx_data,
    output logic       rx_valid,      // one-cycle pulse: rx_data holds a good byte
    output logic       parity_error,  // one-cycle pulse: parity mismatch (byte dropped)
    output logic       frame_error,   // one-cycle pulse: stop bit was 0 (byte dropped)
    output logic       busy
);

  typedef enum logic [2:0] {
    IDLE   = 3'd0,
    START  = 3'd1,
    DATA   = 3'd2,
    PARITY = 3'd3,
    STOP   = 3'd4
  } state_t;

  localparam int CW = $clog2(CLKS_PER_BIT);
  localparam logic [CW-1:0] HALF = CW'(CLKS_PER_BIT / 2 - 1);
  localparam logic [CW-1:0] FULL = CW'(CLKS_PER_BIT - 1);

  state_t state;
  logic [CW-1:0] cnt;
  logic [2:0] bit_idx;
  logic [7:0] shifter;
  logic par_ok;
  logic rx_meta, rx_sync;

  // two-flop synchroniser, reset to the idle level
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      rx_meta <= 1'b1;
      rx_sync <= 1'b1;
    end else begin
      rx_meta <= rx;
      rx_sync <= rx_meta;
    end
  end

  assign busy = (state != IDLE);

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state        <= IDLE;
      cnt          <= '0;
      bit_idx      <= '0;
      shifter      <= '0;
      par_ok       <= 1'b1;
      rx_data      <= '0;
      rx_valid     <= 1'b0;
      parity_error <= 1'b0;
      frame_error  <= 1'b0;
    end else begin
      rx_valid     <= 1'b0;
      parity_error <= 1'b0;
      frame_error  <= 1'b0;
      case (state)
        IDLE: begin
          cnt <= '0;
          if (!rx_sync) state <= START;
        end
        START: begin
          // confirm the start bit in its middle, reject glitches
          if (cnt == HALF) begin
            cnt <= '0;
            if (!rx_sync) begin
              bit_idx <= '0;
              state   <= DATA;
            end else begin
              state <= IDLE;
            end
          end else begin
            cnt <= cnt + 1'b1;
          end
        end
        DATA: begin
          if (cnt == FULL) begin
            cnt     <= '0;
            shifter <= {rx_sync, shifter[7:1]};
            if (bit_idx == 3'd7) begin
              if (parity_en) state <= PARITY;
              else state <= STOP;
            end
            bit_idx <= bit_idx + 1'b1;
          end else begin
            cnt <= cnt + 1'b1;
          end
        end
        PARITY: begin
          if (cnt == FULL) begin
            cnt    <= '0;
            par_ok <= ((^shifter) ^ rx_sync) == parity_odd;
            state  <= STOP;
          end else begin
            cnt <= cnt + 1'b1;
          end
        end
        STOP: begin
          if (cnt == FULL) begin
            cnt    <= '0;
            par_ok <= 1'b1;
            state  <= IDLE;
            if (!rx_sync) begin
              frame_error <= 1'b1;
            end else if (!par_ok) begin
              parity_error <= 1'b1;
            end else begin
              rx_data  <= shifter;
              rx_valid <= 1'b1;
            end
          end else begin
            cnt <= cnt + 1'b1;
          end
        end
        default: state <= IDLE;
      endcase
    end
  end

endmodule
