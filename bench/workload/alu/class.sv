// ------------------------------------------------------------------------------
// Testbench for alu
// Class-based constrained-random testbench with a scoreboard
// Instance name "dut" is required by the coverage flow.
// ------------------------------------------------------------------------------
`timescale 1ns/1ps

module tb_alu;

  // Parameters (defaults of the DUT)
  localparam WIDTH = 8;

  localparam int NUM_RANDOM = 300;

  // DUT inputs
  logic [WIDTH-1:0] a;
  logic [WIDTH-1:0] b;
  logic [ 3:0] op;
  logic carry_in;

  // DUT outputs
  logic [WIDTH-1:0] result;
  logic zero;
  logic carry;
  logic overflow;
  logic negative;
  logic invalid_op;

  // Device under test
  alu #(
    .WIDTH(WIDTH)
  ) dut (
    .a(a),
    .b(b),
    .op(op),
    .carry_in(carry_in),
    .result(result),
    .zero(zero),
    .carry(carry),
    .overflow(overflow),
    .negative(negative),
    .invalid_op(invalid_op)
  );

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Transaction: one set of DUT input values
  class alu_transaction;
    rand logic [WIDTH-1:0] a;
    rand logic [WIDTH-1:0] b;
    rand logic [ 3:0] op;
    rand logic carry_in;
    int id;
    static int next_id = 0;

    // Bias a towards its corner values
    constraint c_a_dist {
      a dist { 0 := 10, [1:254] :/ 80, 255 := 10 };
    }

    constraint c_carry_in_mostly_on { carry_in dist { 1 := 7, 0 := 3 }; }

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d a=%0h b=%0h op=%0h carry_in=%0h", tag, id, a, b, op, carry_in);
    endfunction

    function alu_transaction copy();
      copy = new();
      copy.a = this.a;
      copy.b = this.b;
      copy.op = this.op;
      copy.carry_in = this.carry_in;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class alu_scoreboard;
    alu_transaction sent_q[$];
    logic [WIDTH-1:0] observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(alu_transaction t);
      sent_q.push_back(t.copy());
      num_sent++;
      if (sent_q.size() > 64) void'(sent_q.pop_front());
    endfunction

    function void observe(logic [WIDTH-1:0] value);
      if (observed_q.size() > 0 && observed_q[$] != value) num_changes++;
      observed_q.push_back(value);
      if (observed_q.size() > 64) void'(observed_q.pop_front());
    endfunction

    function void report();
      $display("---------------- SCOREBOARD ----------------");
      $display(" transactions sent : %0d", num_sent);
      $display(" output changes    : %0d", num_changes);
      $display(" mismatches        : %0d", num_mismatch);
      $display("--------------------------------------------");
    endfunction
  endclass

  alu_transaction tr;
  alu_scoreboard sb;

  task automatic drive(alu_transaction t);
    a = t.a;
    b = t.b;
    op = t.op;
    carry_in = t.carry_in;
    #10;
    sb.observe(result);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic do_reset(input int cycles = 4);
    begin
      a = '0;
      b = '0;
      op = '0;
      carry_in = '0;
      #(cycles * 10);
      #1;
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(*) begin
    if (checks_enabled) begin
      if ($isunknown(result)) begin
        $error("[%0t] result is unknown: %b", $time, result);
        error_count++;
      end
      if ($isunknown(zero)) begin
        $error("[%0t] zero is unknown: %b", $time, zero);
        error_count++;
      end
      if ($isunknown(carry)) begin
        $error("[%0t] carry is unknown: %b", $time, carry);
        error_count++;
      end
      if ($isunknown(overflow)) begin
        $error("[%0t] overflow is unknown: %b", $time, overflow);
        error_count++;
      end
      if ($isunknown(negative)) begin
        $error("[%0t] negative is unknown: %b", $time, negative);
        error_count++;
      end
      if ($isunknown(invalid_op)) begin
        $error("[%0t] invalid_op is unknown: %b", $time, invalid_op);
        error_count++;
      end
    end
  end

  initial begin
    #(2_000_000) $error("Timeout! The test did not finish");
    $finish;
  end

  initial begin
    tr = new();
    sb = new();
    do_reset();
    checks_enabled = 1;

    // Phase 1: unconstrained random
    repeat (NUM_RANDOM) begin
      if (!tr.randomize()) begin
        $error("randomize() failed");
        error_count++;
      end
      drive(tr);
    end

    // Phase 2: op constrained (op inside {[1:7]})
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { op inside {[1:7]}; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 3: a constrained (a inside {[31:127]})
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { a inside {[31:127]}; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 4: carry_in constrained (carry_in == 1)
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { carry_in == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Directed corners
    a = 8'h0;
    b = 8'd0;
    op = 4'd0;
    carry_in = 1'd0;
    repeat (4) #10;
    a = 8'hff;
    b = '1;
    op = 4'hf;
    carry_in = 1'h1;
    repeat (3) #10;
    a = 8'h55;
    b = 8'h55;
    op = 4'h5;
    carry_in = 1'h1;
    repeat (3) #10;
    a = 8'h26;
    b = 8'hba;
    op = 4'h6;
    carry_in = 1'b0;
    repeat (1) #10;
    a = 8'h8;
    b = 8'h8;
    op = 4'h4;
    carry_in = 1'h1;
    repeat (2) #10;
    // Walking ones on a
    for (int k = 0; k < $bits(a); k++) begin
      a = '0;
      a[k] = 1'b1;
      #10;
    end
    // Walking ones on b
    for (int n = 0; n < $bits(b); n++) begin
      b = '0;
      b[n] = 1'b1;
      #10;
    end
    // Walking ones on op
    for (int k = 0; k < $bits(op); k++) begin
      op = '0;
      op[k] = 1'b1;
      #10;
    end
    // Sweep a with every other input random, a few passes
    repeat (4) begin
      for (int k = 0; k < 64; k++) begin
        a = k;
        b = $urandom;
        op = $urandom;
        carry_in = $urandom_range(0, 1);
        #10;
      end
    end

    sb.report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
