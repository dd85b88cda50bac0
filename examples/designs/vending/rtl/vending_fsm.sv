`timescale 1ns / 1ps
// Vending machine controller: accepts 5/10/25 coins, sells one item type at
// PRICE, returns change, refunds on cancel and tracks the remaining stock.
module vending_fsm #(
    parameter int PRICE      = 35,
    parameter int MAX_CREDIT = 95,
    parameter int STOCK      = 9    // 1..15
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [1:0] coin,          // 0: none, 1: 5, 2: 10, 3: 25 (at most one coin per cycle)
    input  logic       buy,
    input  logic       cancel,
    input  logic       restock,       // refill to STOCK items (only while idle)
    output logic       dispense,      // one-cycle pulse: item released
    output logic       change_valid,  // one-cycle pulse: change holds the amount returned
    output logic [6:0] change,
    output logic       coin_reject,   // one-cycle pulse: the inserted coin was returned
    output logic       need_more,     // one-cycle pulse: buy pressed with too little credit
    output logic [6:0] credit,
    output logic [3:0] stock,
    output logic       sold_out
);

  typedef enum logic [1:0] {
    IDLE    = 2'd0,
    COLLECT = 2'd1,
    VEND    = 2'd2,
    RETURN  = 2'd3
  } state_t;

  state_t state;
  logic [4:0] coin_val;

  always_comb begin
    case (coin)
      2'd1: coin_val = 5'd5;
      2'd2: coin_val = 5'd10;
      2'd3: coin_val = 5'd25;
      default: coin_val = 5'd0;
    endcase
  end

  assign sold_out = (stock == '0);

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state        <= IDLE;
      credit       <= '0;
      stock        <= 4'(STOCK);
      change       <= '0;
      dispense     <= 1'b0;
      change_valid <= 1'b0;
      coin_reject  <= 1'b0;
      need_more    <= 1'b0;
    end else begin
      dispense     <= 1'b0;
      change_valid <= 1'b0;
      coin_reject  <= 1'b0;
      need_more    <= 1'b0;
      case (state)
        IDLE: begin
          if (restock) begin
            stock <= 4'(STOCK);
            if (coin != 2'd0) coin_reject <= 1'b1;
          end else if (coin != 2'd0) begin
            if (sold_out) begin
              coin_reject <= 1'b1;
            end else begin
              credit <= {2'b00, coin_val};
              state  <= COLLECT;
            end
          end
        end
        COLLECT: begin
          if (cancel) begin
            if (coin != 2'd0) coin_reject <= 1'b1;
            state <= RETURN;
          end else if (coin != 2'd0) begin
            if (credit + {2'b00, coin_val} > 7'(MAX_CREDIT)) coin_reject <= 1'b1;
            else credit <= credit + {2'b00, coin_val};
          end else if (buy) begin
            if (credit >= 7'(PRICE)) state <= VEND;
            else need_more <= 1'b1;
          end
        end
        VEND: begin
          dispense <= 1'b1;
          stock    <= stock - 1'b1;
          credit   <= credit - 7'(PRICE);
          if (credit == 7'(PRICE)) state <= IDLE;
          else state <= RETURN;
        end
        RETURN: begin
          change       <= credit;
          change_valid <= 1'b1;
          credit       <= '0;
          state        <= IDLE;
        end
      endcase
    end
  end

endmodule
