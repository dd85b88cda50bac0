`timescale 1ns / 1ps
module tb_rr_arbiter;
  logic       clk = 1'b0;
  logic       rst_n;
  logic [3:0] req;
  logic       lock;
  logic [3:0] grant;
  logic [1:0] grant_id;
  logic       grant_valid;
  logic       switched;
  int         grants[4];
  int         errors = 0;

  rr_arbiter dut (
      .clk(clk),
      .rst_n(rst_n),
      .req(req),
      .lock(lock),
      .grant(grant),
      .grant_id(grant_id),
      .grant_valid(grant_valid),
      .switched(switched)
  );

  always #5 clk = ~clk;

  // checks: one-hot grant consistent with grant_id / grant_valid
  always @(negedge clk) begin
    if (rst_n && grant_valid) begin
      grants[grant_id]++;
      if (grant !== (4'b0001 << grant_id)) errors++;
    end
    if (rst_n && !grant_valid && grant !== 4'b0000) errors++;
  end

  task automatic drive(input logic [3:0] r, input logic l, input int n);
    req = r;
    lock = l;
    repeat (n) @(negedge clk);
  endtask

  initial begin
    rst_n = 1'b0;
    req = 4'b0000;
    lock = 1'b0;
    repeat (2) @(negedge clk);
    rst_n = 1'b1;
    @(negedge clk);

    // single requesters
    for (int i = 0; i < 4; i++) drive(4'b0001 << i, 1'b0, 3);
    drive(4'b0000, 1'b0, 2);
    // all requesting: rotation
    drive(4'b1111, 1'b0, 12);
    // every request pattern from every pointer position
    for (int p = 0; p < 16; p++) begin
      drive(4'b1111, 1'b0, p % 4 + 1);
      drive(p[3:0], 1'b0, 2);
    end
    // lock burst by the current owner, then the owner drops its request
    drive(4'b0100, 1'b0, 1);
    drive(4'b1111, 1'b1, 5);
    drive(4'b1011, 1'b1, 3);
    // lock while idle
    drive(4'b0000, 1'b1, 2);
    drive(4'b0010, 1'b1, 3);
    drive(4'b0000, 1'b0, 2);
    // random traffic
    repeat (300) begin
      @(negedge clk);
      req = 4'($urandom);
      lock = ($urandom_range(0, 3) == 0);
    end
    // reset while granting
    req = 4'b1111;
    #2 rst_n = 1'b0;
    #10 rst_n = 1'b1;
    drive(4'b1000, 1'b0, 3);
    $display("tb_rr_arbiter done, grants=%0d/%0d/%0d/%0d errors=%0d", grants[0], grants[1], grants[2],
             grants[3], errors);
    $finish;
  end
endmodule
