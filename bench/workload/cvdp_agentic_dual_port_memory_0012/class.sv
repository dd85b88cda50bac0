// ============================================================
// Testbench for dual_port_memory
// Class-based constrained-random testbench with a scoreboard
// Instance name "dut" is required by the coverage flow.
// ============================================================
`timescale 1ns/1ps

module test_dual_port_memory;

  // Parameters (defaults of the DUT)
  localparam DATA_WIDTH = 4;
  localparam ECC_WIDTH = 3;
  localparam ADDR_WIDTH = 5;
  localparam MEM_DEPTH = (1 << ADDR_WIDTH);

  localparam int CLK_PERIOD = 10;
  localparam int NUM_RANDOM = 256;

  // DUT inputs
  logic clk;
  logic rst_n;
  logic we;
  logic [ADDR_WIDTH-1:0] addr_a;
  logic [ADDR_WIDTH-1:0] addr_b;
  logic [DATA_WIDTH-1:0] data_in;

  // DUT outputs
  logic [DATA_WIDTH-1:0] data_out;
  logic ecc_error;

  // Device under test
  dual_port_memory #(
    .DATA_WIDTH(DATA_WIDTH),
    .ECC_WIDTH(ECC_WIDTH),
    .ADDR_WIDTH(ADDR_WIDTH),
    .MEM_DEPTH(MEM_DEPTH)
  ) dut (
    .clk(clk),
    .rst_n(rst_n),
    .we(we),
    .addr_a(addr_a),
    .addr_b(addr_b),
    .data_in(data_in),
    .data_out(data_out),
    .ecc_error(ecc_error)
  );

  // Clock generation
  initial begin
    clk = 1'b0;
    forever #(CLK_PERIOD/2) clk = ~clk;
  end

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 1;

  // Transaction: one set of DUT input values
  class dual_port_memory_transaction;
    rand logic we;
    rand logic [ADDR_WIDTH-1:0] addr_a;
    rand logic [ADDR_WIDTH-1:0] addr_b;
    rand logic [DATA_WIDTH-1:0] data_in;
    int id;
    static int next_id = 0;

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d we=%0h addr_a=%0h addr_b=%0h data_in=%0h", tag, id, we, addr_a, addr_b, data_in);
    endfunction

    function dual_port_memory_transaction copy();
      copy = new();
      copy.we = this.we;
      copy.addr_a = this.addr_a;
      copy.addr_b = this.addr_b;
      copy.data_in = this.data_in;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class sb_t;
    dual_port_memory_transaction sent_q[$];
    logic [DATA_WIDTH-1:0] observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(dual_port_memory_transaction t);
      sent_q.push_back(t.copy());
      num_sent++;
      if (sent_q.size() > 64) void'(sent_q.pop_front());
    endfunction

    function void observe(logic [DATA_WIDTH-1:0] value);
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

  dual_port_memory_transaction tr;
  sb_t sb;

  task automatic drive(dual_port_memory_transaction t);
    we = t.we;
    addr_a = t.addr_a;
    addr_b = t.addr_b;
    data_in = t.data_in;
    @(posedge clk);
    sb.observe(data_out);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic reset_dut(input int cycles = 5);
    begin
      we = '0;
      addr_a = '0;
      addr_b = '0;
      data_in = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(data_out)) begin
        $error("[%0t] data_out is unknown: %b", $time, data_out);
        error_count++;
      end
      if ($isunknown(ecc_error)) begin
        $error("[%0t] ecc_error is unknown: %b", $time, ecc_error);
        error_count++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] data_out=%0h ecc_error=%0h", $time, data_out, ecc_error);
  end

  localparam longint TIMEOUT_NS = 500_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
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

    // Directed corners
    we = 1'h0;
    addr_a = 5'd0;
    addr_b = 5'd0;
    data_in = '0;
    repeat (3) @(posedge clk);
    we = '1;
    addr_a = '1;
    addr_b = '1;
    data_in = 4'hf;
    repeat (2) @(posedge clk);
    we = 1'h1;
    addr_a = 5'h15;
    addr_b = 5'h15;
    data_in = 4'h5;
    repeat (2) @(posedge clk);
    we = 1'b1;
    addr_a = 5'h0;
    addr_b = 5'h0;
    data_in = 4'h8;
    repeat (2) @(posedge clk);
    we = 1'h1;
    addr_a = 5'h10;
    addr_b = 5'h4;
    data_in = 4'h1;
    repeat (1) @(posedge clk);
    // Walking ones on addr_a
    for (int k = 0; k < $bits(addr_a); k++) begin
      addr_a = '0;
      addr_a[k] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on addr_b
    for (int bit_idx = 0; bit_idx < $bits(addr_b); bit_idx++) begin
      addr_b = '0;
      addr_b[bit_idx] = 1'b1;
      @(posedge clk);
    end
    // Walking ones on data_in
    for (int n = 0; n < $bits(data_in); n++) begin
      data_in = '0;
      data_in[n] = 1'b1;
      @(posedge clk);
    end
    // Sweep addr_a with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 32; k++) begin
        addr_a = k;
        we = $urandom_range(0, 1);
        addr_b = $urandom;
        data_in = $random;
        @(posedge clk);
      end
    end
    // Reset in the middle of traffic
    fork
      begin
        repeat (20) begin void'(tr.randomize()); drive(tr); end
      end
      begin
        repeat (7) @(posedge clk);
        rst_n = 1'b0;
        repeat (2) @(posedge clk);
        rst_n = 1'b1;
      end
    join

    sb.report();
    $display("checks: %0d, errors: %0d", check_count, error_count);
    if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
    $finish;
  end

endmodule
