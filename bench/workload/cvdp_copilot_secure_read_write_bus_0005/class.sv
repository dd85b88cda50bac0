// Class-based constrained-random testbench with a scoreboard: secure_read_write_bus_interface
`timescale 1ns / 1ps

module tb_secure_read_write_bus_interface;

  // Parameters (defaults of the DUT)
  localparam p_configurable_key = 8'hAA;
  localparam p_data_width = 8;
  localparam p_addr_width = 8;

  localparam int NUM_RANDOM = 500;

  // DUT inputs
  logic i_reset_bar;
  logic [p_addr_width-1:0] i_addr;
  logic [p_data_width-1:0] i_data_in;
  logic [7:0] i_key_in;
  logic i_read_write_enable;
  logic i_capture_pulse;

  // DUT outputs
  logic [p_data_width-1:0] o_data_out;
  logic o_error;

  // Device under test
  secure_read_write_bus_interface #(
    .p_configurable_key(p_configurable_key),
    .p_data_width(p_data_width)
  ) dut (
    .i_addr(i_addr),
    .i_data_in(i_data_in),
    .i_key_in(i_key_in),
    .i_read_write_enable(i_read_write_enable),
    .i_capture_pulse(i_capture_pulse),
    .i_reset_bar(i_reset_bar),
    .o_data_out(o_data_out),
    .o_error(o_error)
  );

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Transaction: one set of DUT input values
  class transaction;
    rand logic [p_addr_width-1:0] i_addr;
    rand logic [p_data_width-1:0] i_data_in;
    rand logic [7:0] i_key_in;
    rand logic i_read_write_enable;
    rand logic i_capture_pulse;
    int id;
    static int next_id = 0;

    // Bias i_addr towards its corner values
    constraint c_i_addr_dist {
      i_addr dist { 0 := 10, [1:254] :/ 80, 255 := 10 };
    }

    constraint c_i_read_write_enable_mostly_on { i_read_write_enable dist { 1 := 7, 0 := 3 }; }

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d i_addr=%0h i_data_in=%0h i_key_in=%0h i_read_write_enable=%0h i_capture_pulse=%0h", tag, id, i_addr, i_data_in, i_key_in, i_read_write_enable, i_capture_pulse);
    endfunction

    function transaction copy();
      copy = new();
      copy.i_addr = this.i_addr;
      copy.i_data_in = this.i_data_in;
      copy.i_key_in = this.i_key_in;
      copy.i_read_write_enable = this.i_read_write_enable;
      copy.i_capture_pulse = this.i_capture_pulse;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class scoreboard;
    transaction sent_q[$];
    logic [p_data_width-1:0] observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(transaction t);
      sent_q.push_back(t.copy());
      num_sent++;
      if (sent_q.size() > 64) void'(sent_q.pop_front());
    endfunction

    function void observe(logic [p_data_width-1:0] value);
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
  scoreboard sb;

  task automatic drive(transaction t);
    i_addr = t.i_addr;
    i_data_in = t.i_data_in;
    i_key_in = t.i_key_in;
    i_read_write_enable = t.i_read_write_enable;
    i_capture_pulse = t.i_capture_pulse;
    #10;
    sb.observe(o_data_out);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic do_reset(input int cycles = 10);
    begin
      i_addr = '0;
      i_data_in = '0;
      i_key_in = '0;
      i_read_write_enable = '0;
      i_capture_pulse = '0;
      i_reset_bar = 1'b0;
      #(cycles * 10);
      i_reset_bar = 1'b1;
      #1;
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(*) begin
    if (checks_enabled) begin
      if ($isunknown(o_data_out)) begin
        $error("[%0t] o_data_out is unknown: %b", $time, o_data_out);
        error_count++;
      end
      if ($isunknown(o_error)) begin
        $error("[%0t] o_error is unknown: %b", $time, o_error);
        error_count++;
      end
    end
  end

  // Watchdog: never hang the regression
  initial begin
    #1_000_000;
    $display("ERROR: watchdog timeout at %0t", $time);
    $finish;
  end

  initial begin
    tr = new();
    sb = new();
    do_reset();
    checks_enabled = 1;

    // Phase 1: unconstrained random
    repeat (NUM_RANDOM / 4) begin
      if (!tr.randomize()) begin
        $error("randomize() failed");
        error_count++;
      end
      drive(tr);
    end

    // Phase 2: i_data_in constrained (i_data_in > 127)
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { i_data_in > 127; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 3: i_key_in constrained (i_key_in inside {[31:127]})
    for (int n = 0; n < 20; n++) begin
      if (!tr.randomize() with { i_key_in inside {[31:127]}; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Directed corners
    i_addr = '0;
    i_data_in = '0;
    i_key_in = 8'h0;
    i_read_write_enable = 1'd0;
    i_capture_pulse = '0;
    repeat (3) #10;
    i_addr = 8'hff;
    i_data_in = 8'hff;
    i_key_in = 8'hff;
    i_read_write_enable = '1;
    i_capture_pulse = '1;
    repeat (1) #10;
    i_addr = 8'h55;
    i_data_in = 8'h55;
    i_key_in = 8'h55;
    i_read_write_enable = 1'h1;
    i_capture_pulse = 1'h1;
    repeat (3) #10;
    i_addr = 8'h57;
    i_data_in = 8'h46;
    i_key_in = 8'h77;
    i_read_write_enable = 1'b1;
    i_capture_pulse = 1'b0;
    repeat (4) #10;
    i_addr = 8'h4;
    i_data_in = 8'h4;
    i_key_in = 8'h10;
    i_read_write_enable = 1'h1;
    i_capture_pulse = 1'h1;
    repeat (4) #10;
    // Walking ones on i_addr
    for (int n = 0; n < $bits(i_addr); n++) begin
      i_addr = '0;
      i_addr[n] = 1'b1;
      #10;
    end
    // Walking ones on i_data_in
    for (int i = 0; i < $bits(i_data_in); i++) begin
      i_data_in = '0;
      i_data_in[i] = 1'b1;
      #10;
    end
    // Walking ones on i_key_in
    for (int i = 0; i < $bits(i_key_in); i++) begin
      i_key_in = '0;
      i_key_in[i] = 1'b1;
      #10;
    end
    // Sweep i_addr with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 64; k++) begin
        i_addr = k;
        i_data_in = $random;
        i_key_in = 8'($urandom);
        i_read_write_enable = $urandom % 2;
        i_capture_pulse = 1'($urandom);
        #10;
      end
    end
    // Reset in the middle of traffic
    fork
      begin
        repeat (20) begin void'(tr.randomize()); drive(tr); end
      end
      begin
        repeat (7) #10;
        i_reset_bar = 1'b0;
        repeat (2) #10;
        i_reset_bar = 1'b1;
      end
    join

    sb.report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
