`timescale 1ns / 1ps
module tb_sp_ram_be;
  localparam int DEPTH = 48;

  logic        clk = 1'b0;
  logic        rst_n;
  logic        cs;
  logic        we;
  logic [ 5:0] addr;
  logic [ 3:0] be;
  logic [31:0] wdata;
  logic [31:0] rdata;
  logic        rvalid;
  logic        err;
  logic [31:0] model[DEPTH];
  int          errors = 0;

  sp_ram_be #(.DEPTH(DEPTH), .ADDR_W(6)) dut (
      .clk(clk),
      .rst_n(rst_n),
      .cs(cs),
      .we(we),
      .addr(addr),
      .be(be),
      .wdata(wdata),
      .rdata(rdata),
      .rvalid(rvalid),
      .err(err)
  );

  always #5 clk = ~clk;

  task automatic write(input logic [5:0] a, input logic [3:0] b, input logic [31:0] d);
    cs = 1'b1;
    we = 1'b1;
    addr = a;
    be = b;
    wdata = d;
    @(negedge clk);
    cs = 1'b0;
    if (a < DEPTH) begin
      for (int i = 0; i < 4; i++) if (b[i]) model[a][i*8+:8] = d[i*8+:8];
    end
  endtask

  task automatic read(input logic [5:0] a, input logic check);
    cs = 1'b1;
    we = 1'b0;
    addr = a;
    be = 4'h0;
    @(negedge clk);
    cs = 1'b0;
    if (check && a < DEPTH && rdata !== model[a]) begin
      $display("ERROR: addr %0d read %h expected %h", a, rdata, model[a]);
      errors++;
    end
    if (check && a >= DEPTH && rdata !== 32'hDEADBEEF) errors++;
  endtask

  initial begin
    rst_n = 1'b0;
    cs = 1'b0;
    we = 1'b0;
    addr = '0;
    be = '0;
    wdata = '0;
    repeat (2) @(negedge clk);
    rst_n = 1'b1;

    // initialise every word with full writes, then read it back
    for (int a = 0; a < DEPTH; a++) write(a[5:0], 4'hF, {a[7:0], ~a[7:0], a[7:0] ^ 8'h5A, 8'hC3});
    for (int a = 0; a < DEPTH; a++) read(a[5:0], 1'b1);
    // every byte-enable combination
    for (int b = 0; b < 16; b++) begin
      write(b[5:0], b[3:0], 32'hFFFF_FFFF);
      write(6'(b + 16), b[3:0], 32'h0000_0000);
      read(b[5:0], 1'b1);
      read(6'(b + 16), 1'b1);
    end
    // out-of-range accesses
    write(6'd48, 4'hF, 32'h1234_5678);
    write(6'd63, 4'hF, 32'h1234_5678);
    read(6'd48, 1'b1);
    read(6'd63, 1'b1);
    read(6'd47, 1'b1);
    // deselected accesses do nothing
    we = 1'b1;
    addr = 6'd3;
    be = 4'hF;
    wdata = 32'hAAAA_AAAA;
    @(negedge clk);
    read(6'd3, 1'b1);
    // read right after write to the same address
    write(6'd7, 4'b0101, 32'h1357_9BDF);
    read(6'd7, 1'b1);
    // random traffic
    repeat (300) begin
      if ($urandom_range(0, 1)) write(6'($urandom_range(0, 55)), 4'($urandom), $urandom);
      else read(6'($urandom_range(0, 55)), 1'b1);
    end
    // reset clears the outputs, not the memory
    rst_n = 1'b0;
    @(negedge clk);
    rst_n = 1'b1;
    read(6'd7, 1'b1);
    $display("tb_sp_ram_be done, errors=%0d", errors);
    $finish;
  end
endmodule
