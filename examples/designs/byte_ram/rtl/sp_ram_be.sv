`timescale 1ns / 1ps
// Single-port synchronous RAM, 32-bit words with four byte-write enables.
// Registered read data; accesses beyond DEPTH are flagged and have no effect.
module sp_ram_be #(
    parameter int DEPTH  = 48,  // number of 32-bit words (need not be a power of two)
    parameter int ADDR_W = 6
) (
    input  logic              clk,
    input  logic              rst_n,
    input  logic              cs,      // chip select: no access when low
    input  logic              we,      // 1: write, 0: read
    input  logic [ADDR_W-1:0] addr,    // word address
    input  logic [       3:0] be,      // byte enables for writes, be[i] covers wdata[8*i+7:8*i]
    input  logic [      31:0] wdata,
    output logic [      31:0] rdata,
    output logic              rvalid,  // one-cycle pulse: rdata holds the result of a read
    output logic              err      // one-cycle pulse: access to an address >= DEPTH
);

  localparam logic [31:0] BAD_DATA = 32'hDEAD_BEEF;

  logic [31:0] mem[DEPTH];
  logic        in_range;
  logic        wr_ok;

  assign in_range = (addr < ADDR_W'(DEPTH));
  assign wr_ok    = cs && we && in_range;

  // byte lanes written individually
  always_ff @(posedge clk) begin
    if (wr_ok) begin
      if (be[0]) mem[addr][7:0] <= wdata[7:0];
      if (be[1]) mem[addr][15:8] <= wdata[15:8];
      if (be[2]) mem[addr][23:16] <= wdata[23:16];
      if (be[3]) mem[addr][31:24] <= wdata[31:24];
    end
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      rdata  <= '0;
      rvalid <= 1'b0;
      err    <= 1'b0;
    end else begin
      rvalid <= 1'b0;
      err    <= 1'b0;
      if (cs) begin
        if (!in_range) begin
          err <= 1'b1;
          if (!we) begin
            rdata  <= BAD_DATA;
            rvalid <= 1'b1;
          end
        end else if (!we) begin
          rdata  <= mem[addr];
          rvalid <= 1'b1;
        end else if (be == 4'b0000) begin
          // a write with no byte enabled is reported as an error
          err <= 1'b1;
        end
      end
    end
  end

endmodule
