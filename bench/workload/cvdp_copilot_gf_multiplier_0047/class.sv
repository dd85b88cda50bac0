// Class-based constrained-random testbench with a scoreboard: gf_mac
`timescale 1ns / 1ps

module testbench;

  // Parameters (defaults of the DUT)
  localparam WIDTH = 32;

  localparam int NUM_RANDOM = 500;

  // DUT inputs
  logic reset;
  logic enable;
  logic pass_through;
  logic [WIDTH-1:0] a;
  logic [WIDTH-1:0] b;

  // DUT outputs
  logic [7:0] result;
  logic valid_result;
  logic ready;
  logic error_flag;

  // Device under test
  gf_mac #(
    .WIDTH(WIDTH)
  ) uut (
    .reset(reset),
    .enable(enable),
    .pass_through(pass_through),
    .a(a),
    .b(b),
    .result(result),
    .valid_result(valid_result),
    .ready(ready),
    .error_flag(error_flag)
  );

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 1;

  // Transaction: one set of DUT input values
  class gf_mac_item;
    rand logic enable;
    rand logic pass_through;
    rand logic [WIDTH-1:0] a;
    rand logic [WIDTH-1:0] b;
    int id;
    static int next_id = 0;

    constraint c_enable_mostly_on { enable dist { 1 := 7, 0 := 3 }; }

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d enable=%0h pass_through=%0h a=%0h b=%0h", tag, id, enable, pass_through, a, b);
    endfunction

    function gf_mac_item copy();
      copy = new();
      copy.enable = this.enable;
      copy.pass_through = this.pass_through;
      copy.a = this.a;
      copy.b = this.b;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class scoreboard;
    gf_mac_item sent_q[$];
    logic [7:0] observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(gf_mac_item t);
      sent_q.push_back(t.copy());
      num_sent++;
      if (sent_q.size() > 64) void'(sent_q.pop_front());
    endfunction

    function void observe(logic [7:0] value);
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

  gf_mac_item tr;
  scoreboard sb;

  task automatic drive(gf_mac_item t);
    enable = t.enable;
    pass_through = t.pass_through;
    a = t.a;
    b = t.b;
    #4;
    sb.observe(result);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic reset_dut(input int cycles = 3);
    begin
      enable = '0;
      pass_through = '0;
      a = '0;
      b = '0;
      reset = 1'b1;
      #(cycles * 4);
      reset = 1'b0;
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
      if ($isunknown(valid_result)) begin
        $error("[%0t] valid_result is unknown: %b", $time, valid_result);
        error_count++;
      end
      if ($isunknown(ready)) begin
        $error("[%0t] ready is unknown: %b", $time, ready);
        error_count++;
      end
      if ($isunknown(error_flag)) begin
        $error("[%0t] error_flag is unknown: %b", $time, error_flag);
        error_count++;
      end
    end
  end

  // Watchdog: never hang the regression
  initial begin
    #2_000_000;
    $display("ERROR: watchdog timeout at %0t", $time);
    $finish;
  end

  initial begin
    tr = new();
    sb = new();
    reset_dut();
    checks_enabled = 1;

    // Phase 1: unconstrained random
    repeat (100) begin
      if (!tr.randomize()) begin
        $error("randomize() failed");
        error_count++;
      end
      drive(tr);
    end

    // Phase 2: pass_through constrained (pass_through == 0)
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { pass_through == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 3: pass_through constrained (pass_through == 1)
    for (int n = 0; n < 16; n++) begin
      if (!tr.randomize() with { pass_through == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 4: pass_through constrained (pass_through == 0)
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { pass_through == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 5: pass_through constrained (pass_through == 1)
    for (int n = 0; n < 24; n++) begin
      if (!tr.randomize() with { pass_through == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Directed corners
    enable = 1'd0;
    pass_through = 1'd0;
    a = 32'h0;
    b = '0;
    repeat (3) #4;
    enable = '1;
    pass_through = '1;
    a = '1;
    b = 32'hffffffff;
    repeat (1) #4;
    enable = 1'h1;
    pass_through = 1'h1;
    a = 32'h55555555;
    b = 32'h55555555;
    repeat (3) #4;
    enable = 1'b0;
    pass_through = 1'b0;
    a = 32'h186cf5f4;
    b = 32'h5ec39bb;
    repeat (3) #4;
    enable = 1'h1;
    pass_through = 1'h1;
    a = 32'h20000;
    b = 32'h2000;
    repeat (4) #4;
    // Walking ones on a
    for (int i = 0; i < $bits(a); i++) begin
      a = '0;
      a[i] = 1'b1;
      #4;
    end
    // Walking ones on b
    for (int bit_idx = 0; bit_idx < $bits(b); bit_idx++) begin
      b = '0;
      b[bit_idx] = 1'b1;
      #4;
    end
    // Reset in the middle of traffic
    fork
      begin
        repeat (20) begin void'(tr.randomize()); drive(tr); end
      end
      begin
        repeat (7) #4;
        reset = 1'b1;
        repeat (2) #4;
        reset = 1'b0;
      end
    join

    sb.report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
