`timescale 1ns / 1ps
// Four-way round-robin arbiter with registered one-hot grant and a lock input
// that lets the current owner keep the grant for a burst.
module rr_arbiter (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [3:0] req,
    input  logic       lock,         // current owner keeps the grant while it still requests
    output logic [3:0] grant,        // one-hot, registered
    output logic [1:0] grant_id,     // index of the granted requester
    output logic       grant_valid,
    output logic       switched      // pulse: ownership moved to a different requester
);

  logic [1:0] ptr;  // highest-priority requester for the next arbitration
  logic [1:0] pick;
  logic [1:0] idx;
  logic       found;
  logic       keep;

  // search req starting at ptr, wrapping around
  always_comb begin
    found = 1'b0;
    pick  = ptr;
    idx   = ptr;
    for (int i = 0; i < 4; i++) begin
      idx = ptr + 2'(i);
      if (!found && req[idx]) begin
        found = 1'b1;
        pick  = idx;
      end
    end
  end

  assign keep = lock && grant_valid && req[grant_id];

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      ptr         <= 2'd0;
      grant       <= 4'b0000;
      grant_id    <= 2'd0;
      grant_valid <= 1'b0;
      switched    <= 1'b0;
    end else begin
      switched <= 1'b0;
      if (keep) begin
        // burst in progress: hold the current grant
        grant_valid <= 1'b1;
      end else if (found) begin
        grant       <= 4'b0001 << pick;
        grant_id    <= pick;
        grant_valid <= 1'b1;
        ptr         <= pick + 2'd1;
        if (!grant_valid || pick != grant_id) switched <= 1'b1;
      end else begin
        grant       <= 4'b0000;
        grant_valid <= 1'b0;
      end
    end
  end

endmodule
