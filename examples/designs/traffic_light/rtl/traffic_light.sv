`timescale 1ns / 1ps
// Traffic-light controller for a main road (north-south) crossing a side road
// (east-west), with a pedestrian walk phase and an emergency override.
module traffic_light #(
    parameter int NS_MIN_GREEN = 8,  // minimum main-road green time (cycles)
    parameter int EW_MAX_GREEN = 6,  // maximum side-road green time (cycles)
    parameter int YELLOW_TIME  = 3,
    parameter int ALL_RED_TIME = 2,
    parameter int WALK_TIME    = 5
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       car_ew,     // vehicle waiting on the side road
    input  logic       ped_btn,    // pedestrian push button (pulse)
    input  logic       emergency,  // emergency vehicle override
    output logic [2:0] ns_light,   // {red, yellow, green}
    output logic [2:0] ew_light,   // {red, yellow, green}
    output logic       walk,
    output logic       ped_wait    // a pedestrian request is pending
);

  typedef enum logic [2:0] {
    NS_GREEN  = 3'd0,
    NS_YELLOW = 3'd1,
    RED_TO_EW = 3'd2,
    EW_GREEN  = 3'd3,
    EW_YELLOW = 3'd4,
    RED_TO_NS = 3'd5,
    PED_WALK  = 3'd6,
    EMERG     = 3'd7
  } state_t;

  localparam logic [2:0] RED = 3'b100, YELLOW = 3'b010, GREEN = 3'b001;

  state_t state, next_state;
  logic [3:0] timer;  // cycles spent in the current state (saturating)

  always_comb begin
    next_state = state;
    if (emergency) begin
      next_state = EMERG;
    end else begin
      case (state)
        NS_GREEN:
        if (timer >= 4'(NS_MIN_GREEN - 1) && (car_ew || ped_wait)) next_state = NS_YELLOW;
        NS_YELLOW:
        if (timer >= 4'(YELLOW_TIME - 1)) begin
          if (ped_wait) next_state = PED_WALK;
          else next_state = RED_TO_EW;
        end
        RED_TO_EW: if (timer >= 4'(ALL_RED_TIME - 1)) next_state = EW_GREEN;
        EW_GREEN: if (timer >= 4'(EW_MAX_GREEN - 1) || !car_ew) next_state = EW_YELLOW;
        EW_YELLOW: if (timer >= 4'(YELLOW_TIME - 1)) next_state = RED_TO_NS;
        RED_TO_NS: if (timer >= 4'(ALL_RED_TIME - 1)) next_state = NS_GREEN;
        PED_WALK:
        if (timer >= 4'(WALK_TIME - 1)) begin
          if (car_ew) next_state = RED_TO_EW;
          else next_state = RED_TO_NS;
        end
        EMERG: next_state = RED_TO_NS;
      endcase
    end
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state    <= NS_GREEN;
      timer    <= '0;
      ped_wait <= 1'b0;
    end else begin
      state <= next_state;
      if (next_state != state) timer <= '0;
      else if (timer != 4'hF) timer <= timer + 1'b1;

      if (state == PED_WALK) ped_wait <= 1'b0;
      else if (ped_btn) ped_wait <= 1'b1;
    end
  end

  always_comb begin
    ns_light = RED;
    ew_light = RED;
    walk     = 1'b0;
    case (state)
      NS_GREEN:  ns_light = GREEN;
      NS_YELLOW: ns_light = YELLOW;
      EW_GREEN:  ew_light = GREEN;
      EW_YELLOW: ew_light = YELLOW;
      PED_WALK:  walk = 1'b1;
      default:   ;  // all-red states and emergency
    endcase
  end

endmodule
