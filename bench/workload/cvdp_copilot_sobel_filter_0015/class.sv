// ******************************************************************************
// Testbench for sobel_filter
// Class-based constrained-random testbench with a scoreboard
// Instance name "dut" is required by the coverage flow.
// ******************************************************************************
`timescale 1ns/1ns

module sobel_filter_tb;

  localparam int CLK_PERIOD = 10;
  localparam int NUM_RANDOM = 256;

  // DUT inputs
  logic clk;
  logic rst_n;
  logic [7:0] pixel_in;
  logic valid_in;

  // DUT outputs
  logic [7:0] edge_out;
  logic valid_out;

  // Device under test
  sobel_filter dut (
    .clk(clk),
    .rst_n(rst_n),
    .pixel_in(pixel_in),
    .valid_in(valid_in),
    .edge_out(edge_out),
    .valid_out(valid_out)
  );

  // Clock generation
  initial begin
    clk = 1'b0;
    forever #(CLK_PERIOD/2) clk = ~clk;
  end

  int error_count = 0;
  int check_count = 0;
  bit checks_enabled = 0;
  bit verbose = 0;

  // Transaction: one set of DUT input values
  class sobel_filter_item;
    rand logic [7:0] pixel_in;
    rand logic valid_in;
    int id;
    static int next_id = 0;

    // Bias pixel_in towards its corner values
    constraint c_pixel_in_dist {
      pixel_in dist { 0 := 10, [1:254] :/ 80, 255 := 10 };
    }

    constraint c_valid_in_mostly_on { valid_in dist { 1 := 7, 0 := 3 }; }

    function new();
      id = next_id++;
    endfunction

    function void display(string tag = "TXN");
      $display("[%s] #%0d pixel_in=%0h valid_in=%0h", tag, id, pixel_in, valid_in);
    endfunction

    function sobel_filter_item copy();
      copy = new();
      copy.pixel_in = this.pixel_in;
      copy.valid_in = this.valid_in;
    endfunction
  endclass

  // Scoreboard: keeps what was sent and what came out, reports statistics
  class scoreboard;
    sobel_filter_item sent_q[$];
    logic [7:0] observed_q[$];
    int unsigned num_sent;
    int unsigned num_changes;
    int unsigned num_mismatch;

    function void push(sobel_filter_item t);
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

  sobel_filter_item tr;
  scoreboard sb;

  task automatic drive(sobel_filter_item t);
    pixel_in = t.pixel_in;
    valid_in = t.valid_in;
    @(posedge clk);
    sb.observe(edge_out);
    sb.push(t);
    check_count++;
    if (verbose) t.display("DRV");
  endtask

  task automatic reset_dut(input int cycles = 5);
    begin
      pixel_in = '0;
      valid_in = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(edge_out)) begin
        $error("[%0t] edge_out is unknown: %b", $time, edge_out);
        error_count++;
      end
      if ($isunknown(valid_out)) begin
        $error("[%0t] valid_out is unknown: %b", $time, valid_out);
        error_count++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] edge_out=%0h valid_out=%0h", $time, edge_out, valid_out);
  end

  initial begin
    #(1_000_000) $error("Timeout! The test did not finish");
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

    // Directed corners
    pixel_in = '0;
    valid_in = '0;
    repeat (1) @(posedge clk);
    pixel_in = 8'hff;
    valid_in = 1'h1;
    repeat (3) @(posedge clk);
    pixel_in = 8'h55;
    valid_in = 1'h1;
    repeat (4) @(posedge clk);
    pixel_in = 8'h62;
    valid_in = 1'b0;
    repeat (3) @(posedge clk);
    pixel_in = 8'h8;
    valid_in = 1'h1;
    repeat (1) @(posedge clk);
    // Walking ones on pixel_in
    for (int k = 0; k < $bits(pixel_in); k++) begin
      pixel_in = '0;
      pixel_in[k] = 1'b1;
      @(posedge clk);
    end
    // Sweep pixel_in with every other input random, a few passes
    repeat (3) begin
      for (int k = 0; k < 64; k++) begin
        pixel_in = k;
        valid_in = $urandom % 2;
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
