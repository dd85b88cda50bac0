// Class-based constrained-random testbench with a scoreboard: static_branch_predict
`timescale 1ns/1ns

module static_branch_predict_tb;

  localparam int NUM_RANDOM = 300;

  // DUT inputs
  reg [31:0] fetch_rdata_i;
  reg [31:0] fetch_pc_i;
  reg [31:0] register_addr_i;
  reg fetch_valid_i;

  // DUT outputs
  wire predict_branch_taken_o;
  wire [31:0] predict_branch_pc_o;

  // Device under test
  static_branch_predict uut (
    .fetch_rdata_i(fetch_rdata_i),
    .fetch_pc_i(fetch_pc_i),
    .register_addr_i(register_addr_i),
    .fetch_valid_i(fetch_valid_i),
    .predict_branch_taken_o(predict_branch_taken_o),
    .predict_branch_pc_o(predict_branch_pc_o)
  );

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Transaction: one set of DUT input values
  class transaction;
    rand logic [31:0] fetch_rdata_i;
    rand logic [31:0] fetch_pc_i;
    rand logic [31:0] register_addr_i;
    rand logic fetch_valid_i;
    int id;
    static int next_id = 0;

    constraint c_fetch_valid_i_mostly_on { fetch_valid_i dist { 1 := 7, 0 := 3 }; }

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d fetch_rdata_i=%0h fetch_pc_i=%0h register_addr_i=%0h fetch_valid_i=%0h", tag, id, fetch_rdata_i, fetch_pc_i, register_addr_i, fetch_valid_i);
    endfunction

    function transaction copy();
      copy = new();
      copy.fetch_rdata_i = this.fetch_rdata_i;
      copy.fetch_pc_i = this.fetch_pc_i;
      copy.register_addr_i = this.register_addr_i;
      copy.fetch_valid_i = this.fetch_valid_i;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class static_branch_predict_scoreboard;
    transaction sent_q[$];
    logic observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(transaction t);
      sent_q.push_back(t.copy());
      num_sent++;
      if (sent_q.size() > 64) void'(sent_q.pop_front());
    endfunction

    function void observe(logic value);
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

  transaction tr;
  static_branch_predict_scoreboard sb;

  task automatic drive(transaction t);
    fetch_rdata_i = t.fetch_rdata_i;
    fetch_pc_i = t.fetch_pc_i;
    register_addr_i = t.register_addr_i;
    fetch_valid_i = t.fetch_valid_i;
    #10;
    sb.observe(predict_branch_taken_o);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic reset_dut(input int cycles = 2);
    begin
      fetch_rdata_i = '0;
      fetch_pc_i = '0;
      register_addr_i = '0;
      fetch_valid_i = '0;
      #(cycles * 10);
      #1;
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(*) begin
    if (checks_enabled) begin
      if ($isunknown(predict_branch_taken_o)) begin
        $error("[%0t] predict_branch_taken_o is unknown: %b", $time, predict_branch_taken_o);
        error_count++;
      end
      if ($isunknown(predict_branch_pc_o)) begin
        $error("[%0t] predict_branch_pc_o is unknown: %b", $time, predict_branch_pc_o);
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
    reset_dut();
    checks_enabled = 1;

    // Phase 1: unconstrained random
    repeat (NUM_RANDOM) begin
      if (!tr.randomize()) begin
        $error("randomize() failed");
        error_count++;
      end
      drive(tr);
    end

    // Phase 2: fetch_valid_i constrained (fetch_valid_i == 0)
    for (int n = 0; n < 50; n++) begin
      if (!tr.randomize() with { fetch_valid_i == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 3: fetch_valid_i constrained (fetch_valid_i == 1)
    for (int n = 0; n < 32; n++) begin
      if (!tr.randomize() with { fetch_valid_i == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 4: fetch_valid_i constrained (fetch_valid_i == 0)
    for (int n = 0; n < 64; n++) begin
      if (!tr.randomize() with { fetch_valid_i == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 5: fetch_valid_i constrained (fetch_valid_i == 1)
    for (int n = 0; n < 64; n++) begin
      if (!tr.randomize() with { fetch_valid_i == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 6: fetch_valid_i constrained (fetch_valid_i == 1)
    for (int n = 0; n < 32; n++) begin
      if (!tr.randomize() with { fetch_valid_i == 1; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Directed corners
    fetch_rdata_i = 32'd0;
    fetch_pc_i = 32'h0;
    register_addr_i = 32'd0;
    fetch_valid_i = '0;
    repeat (4) #10;
    fetch_rdata_i = 32'hffffffff;
    fetch_pc_i = '1;
    register_addr_i = '1;
    fetch_valid_i = 1'h1;
    repeat (3) #10;
    fetch_rdata_i = 32'h55555555;
    fetch_pc_i = 32'h55555555;
    register_addr_i = 32'h55555555;
    fetch_valid_i = 1'h1;
    repeat (2) #10;
    fetch_rdata_i = 32'h2c754cea;
    fetch_pc_i = 32'h343a3a4d;
    register_addr_i = 32'h8de3c389;
    fetch_valid_i = 1'b1;
    repeat (2) #10;
    fetch_rdata_i = 32'h10000;
    fetch_pc_i = 32'h10000000;
    register_addr_i = 32'h2000000;
    fetch_valid_i = 1'h1;
    repeat (4) #10;
    // Walking ones on fetch_rdata_i
    for (int bit_idx = 0; bit_idx < $bits(fetch_rdata_i); bit_idx++) begin
      fetch_rdata_i = '0;
      fetch_rdata_i[bit_idx] = 1'b1;
      #10;
    end
    // Walking ones on fetch_pc_i
    for (int i = 0; i < $bits(fetch_pc_i); i++) begin
      fetch_pc_i = '0;
      fetch_pc_i[i] = 1'b1;
      #10;
    end
    // Walking ones on register_addr_i
    for (int i = 0; i < $bits(register_addr_i); i++) begin
      register_addr_i = '0;
      register_addr_i[i] = 1'b1;
      #10;
    end

    sb.print_report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
