// Class-based constrained-random testbench with a scoreboard: hdbn_top
`timescale 1ns/1ns

module tb_hdbn_top;

  localparam int CLK_PERIOD = 8;
  localparam int NUM_RANDOM = 400;

  // DUT inputs
  logic clk_in;
  logic reset_in;
  logic pulse_active_state;
  logic [1:0] encoder_type;
  logic clk_enable_in;
  logic data_in;
  logic output_gate_in;
  logic p_in;
  logic n_in;

  // DUT outputs
  logic p_out;
  logic n_out;
  logic data_out;
  logic code_error_out;

  // Device under test
  hdbn_top uut (
    .reset_in(reset_in),
    .clk_in(clk_in),
    .pulse_active_state(pulse_active_state),
    .encoder_type(encoder_type),
    .clk_enable_in(clk_enable_in),
    .data_in(data_in),
    .output_gate_in(output_gate_in),
    .p_out(p_out),
    .n_out(n_out),
    .p_in(p_in),
    .n_in(n_in),
    .data_out(data_out),
    .code_error_out(code_error_out)
  );

  // Clock generation
  initial begin
    clk_in = 1'b0;
    forever #(CLK_PERIOD/2) clk_in = ~clk_in;
  end

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Transaction: one set of DUT input values
  class hdbn_top_txn;
    rand logic pulse_active_state;
    rand logic [1:0] encoder_type;
    rand logic clk_enable_in;
    rand logic data_in;
    rand logic output_gate_in;
    rand logic p_in;
    rand logic n_in;
    int id;
    static int next_id = 0;

    // Bias encoder_type towards its corner values
    constraint c_encoder_type_dist {
      encoder_type dist { 0 := 10, [1:2] :/ 80, 3 := 10 };
    }

    constraint c_pulse_active_state_mostly_on { pulse_active_state dist { 1 := 7, 0 := 3 }; }

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d pulse_active_state=%0h encoder_type=%0h clk_enable_in=%0h data_in=%0h output_gate_in=%0h p_in=%0h n_in=%0h", tag, id, pulse_active_state, encoder_type, clk_enable_in, data_in, output_gate_in, p_in, n_in);
    endfunction

    function hdbn_top_txn copy();
      copy = new();
      copy.pulse_active_state = this.pulse_active_state;
      copy.encoder_type = this.encoder_type;
      copy.clk_enable_in = this.clk_enable_in;
      copy.data_in = this.data_in;
      copy.output_gate_in = this.output_gate_in;
      copy.p_in = this.p_in;
      copy.n_in = this.n_in;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class sb_t;
    hdbn_top_txn sent_q[$];
    logic observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(hdbn_top_txn t);
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

  hdbn_top_txn tr;
  sb_t sb;

  task automatic drive(hdbn_top_txn t);
    pulse_active_state = t.pulse_active_state;
    encoder_type = t.encoder_type;
    clk_enable_in = t.clk_enable_in;
    data_in = t.data_in;
    output_gate_in = t.output_gate_in;
    p_in = t.p_in;
    n_in = t.n_in;
    @(posedge clk_in);
    sb.observe(p_out);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");

  task automatic apply_reset(input int cycles = 3);
    begin
      pulse_active_state = '0;
      encoder_type = '0;
      clk_enable_in = '0;
      data_in = '0;
      output_gate_in = '0;
      p_in = '0;
      n_in = '0;
      reset_in = 1'b1;
      repeat (cycles) @(posedge clk_in);
      reset_in = 1'b0;
      @(posedge clk_in);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk_in) begin
    if (checks_enabled && !reset_in) begin
      if ($isunknown(p_out)) begin
        $error("[%0t] p_out is unknown: %b", $time, p_out);
        error_count++;
      end
      if ($isunknown(n_out)) begin
        $error("[%0t] n_out is unknown: %b", $time, n_out);
        error_count++;
      end
      if ($isunknown(data_out)) begin
        $error("[%0t] data_out is unknown: %b", $time, data_out);
        error_count++;
      end
      if ($isunknown(code_error_out)) begin
        $error("[%0t] code_error_out is unknown: %b", $time, code_error_out);
        error_count++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk_in) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] p_out=%0h n_out=%0h data_out=%0h code_error_out=%0h", $time, p_out, n_out, data_out, code_error_out);
  end

  initial begin
    #(2_000_000) $error("Timeout! The test did not finish");
    $finish;
  end

  initial begin
    tr = new();
    sb = new();
    apply_reset();
    checks_enabled = 1;

    // Phase 1: unconstrained random
    repeat (100) begin
      if (!tr.randomize()) begin
        $error("randomize() failed");
        error_count++;
      end
      drive(tr);
    end

    // Phase 2: data_in constrained (data_in == 0)
    for (int n = 0; n < 24; n++) begin
      if (!tr.randomize() with { data_in == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Phase 3: clk_enable_in constrained (clk_enable_in == 0)
    for (int n = 0; n < 24; n++) begin
      if (!tr.randomize() with { clk_enable_in == 0; }) $error("constrained randomize failed");
      drive(tr);
    end

    // Directed corners
    pulse_active_state = 1'h0;
    encoder_type = 2'h0;
    clk_enable_in = 1'd0;
    data_in = 1'h0;
    output_gate_in = 1'h0;
    p_in = 1'h0;
    n_in = 1'd0;
    repeat (2) @(posedge clk_in);
    pulse_active_state = 1'h1;
    encoder_type = '1;
    clk_enable_in = 1'h1;
    data_in = 1'h1;
    output_gate_in = '1;
    p_in = '1;
    n_in = 1'h1;
    repeat (3) @(posedge clk_in);
    pulse_active_state = 1'h1;
    encoder_type = 2'h1;
    clk_enable_in = 1'h1;
    data_in = 1'h1;
    output_gate_in = 1'h1;
    p_in = 1'h1;
    n_in = 1'h1;
    repeat (3) @(posedge clk_in);
    pulse_active_state = 1'b0;
    encoder_type = 2'h0;
    clk_enable_in = 1'b1;
    data_in = 1'b0;
    output_gate_in = 1'b1;
    p_in = 1'b1;
    n_in = 1'b1;
    repeat (1) @(posedge clk_in);
    pulse_active_state = 1'h1;
    encoder_type = 2'h1;
    clk_enable_in = 1'h1;
    data_in = 1'h1;
    output_gate_in = 1'h1;
    p_in = 1'h1;
    n_in = 1'h1;
    repeat (1) @(posedge clk_in);
    // Walking ones on encoder_type
    for (int n = 0; n < $bits(encoder_type); n++) begin
      encoder_type = '0;
      encoder_type[n] = 1'b1;
      @(posedge clk_in);
    end
    // Sweep encoder_type with every other input random, a few passes
    repeat (2) begin
      for (int k = 0; k < 4; k++) begin
        encoder_type = k;
        pulse_active_state = 1'($urandom);
        clk_enable_in = $urandom_range(0, 1);
        data_in = $urandom_range(0, 1);
        output_gate_in = $urandom % 2;
        @(posedge clk_in);
      end
    end
    // Reset in the middle of traffic
    fork
      begin
        repeat (20) begin void'(tr.randomize()); drive(tr); end
      end
      begin
        repeat (7) @(posedge clk_in);
        reset_in = 1'b1;
        repeat (2) @(posedge clk_in);
        reset_in = 1'b0;
      end
    join

    sb.report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
