// Layered testbench with parallel stimulus threads, assertions and functional coverage: traffic_light
`timescale 1ns/1ns

module tb_traffic_light_top;

  // Parameters (defaults of the DUT)
  localparam NS_MIN_GREEN = 8;
  localparam EW_MAX_GREEN = 6;
  localparam YELLOW_TIME = 3;
  localparam ALL_RED_TIME = 2;
  localparam WALK_TIME = 5;

  localparam int CLK_PERIOD = 10;
  localparam int NUM_RANDOM = 400;

  // DUT inputs
  logic clk;
  logic rst_n;
  logic car_ew;
  logic ped_btn;
  logic emergency;

  // DUT outputs
  logic [2:0] ns_light;
  logic [2:0] ew_light;
  logic walk;
  logic ped_wait;

  // Device under test
  traffic_light #(
    .NS_MIN_GREEN(NS_MIN_GREEN),
    .ALL_RED_TIME(ALL_RED_TIME),
    .WALK_TIME(WALK_TIME)
  ) dut (
    .clk(clk),
    .rst_n(rst_n),
    .car_ew(car_ew),
    .ped_btn(ped_btn),
    .emergency(emergency),
    .ns_light(ns_light),
    .ew_light(ew_light),
    .walk(walk),
    .ped_wait(ped_wait)
  );

  // Clock generation
  initial clk = 0;
  always #(CLK_PERIOD/2) clk = ~clk;

  int unsigned errors = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  // Functional coverage of the main control inputs
  covergroup cg_inputs @(posedge clk);
    cp_ns_light: coverpoint ns_light;
    cp_car_ew: coverpoint car_ew;
    cp_ped_btn: coverpoint ped_btn;
    cp_emergency: coverpoint emergency;
  endgroup
  cg_inputs cg = new();

  // Assertions
  property p_ns_light_known;
    @(posedge clk) disable iff (!rst_n) checks_enabled |-> !$isunknown(ns_light);
  endproperty
  a_ns_light_known: assert property (p_ns_light_known) else begin
    $error("ns_light went unknown");
    errors++;
  end

  task automatic reset_phase(input int cycles = 10);
    begin
      car_ew = '0;
      ped_btn = '0;
      emergency = '0;
      rst_n = 1'b0;
      repeat (cycles) @(posedge clk);
      rst_n = 1'b1;
      @(posedge clk);
      $display("[%0t] reset done", $time);
    end
  endtask

  task automatic control_thread(input int n);
    repeat (n) begin
      car_ew = 1'($urandom);
      ped_btn = $urandom % 2;
      emergency = 1'($urandom);
      repeat ($urandom_range(1, 4)) @(posedge clk);
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      vectors++;
      @(posedge clk);
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        @(posedge clk);
        ped_btn = 1'd0;
        emergency = '0;
        @(posedge clk);
        car_ew = 1'h1;
        emergency = 1'h1;
        @(posedge clk);
        ped_btn = '1;
        emergency = '1;
        @(posedge clk);
        car_ew = '1;
        ped_btn = 1'b0;
        emergency = 1'h1;
        @(posedge clk);
        car_ew = 1'h0;
        emergency = 1'b1;
        @(posedge clk);
        car_ew = 1'h1;
        ped_btn = 1'h1;
        emergency = '1;
        @(posedge clk);
        car_ew = 1'h1;
        ped_btn = 1'h0;
        emergency = 1'h1;
        @(posedge clk);
      end
      1: begin
        car_ew = 1'b1;
        ped_btn = 1'h1;
        @(posedge clk);
        car_ew = 1'h1;
        ped_btn = 1'h1;
        @(posedge clk);
        ped_btn = 1'h1;
        emergency = '1;
        @(posedge clk);
        car_ew = 1'h1;
        ped_btn = 1'h1;
        @(posedge clk);
        car_ew = 1'h1;
        @(posedge clk);
        ped_btn = '0;
        @(posedge clk);
        car_ew = '1;
        ped_btn = 1'b1;
        @(posedge clk);
      end
      2: begin
        car_ew = 1'b0;
        emergency = 1'h1;
        @(posedge clk);
        ped_btn = 1'h1;
        @(posedge clk);
        ped_btn = 1'h0;
        emergency = '0;
        @(posedge clk);
      end
      3: begin
        car_ew = 1'h1;
        @(posedge clk);
        car_ew = 1'b1;
        ped_btn = 1'h1;
        emergency = 1'h1;
        @(posedge clk);
        emergency = 1'h0;
        @(posedge clk);
        emergency = 1'b0;
        @(posedge clk);
      end
      4: begin
        emergency = '0;
        @(posedge clk);
        car_ew = 1'h1;
        ped_btn = 1'h1;
        @(posedge clk);
        car_ew = 1'h1;
        ped_btn = 1'h1;
        emergency = 1'h1;
        @(posedge clk);
        car_ew = 1'b0;
        ped_btn = '1;
        emergency = 1'b0;
        @(posedge clk);
        car_ew = 1'b0;
        emergency = 1'h0;
        @(posedge clk);
        car_ew = 1'h1;
        ped_btn = 1'h1;
        @(posedge clk);
      end
      5: begin
        car_ew = '0;
        ped_btn = '1;
        emergency = 1'h1;
        @(posedge clk);
        car_ew = '1;
        @(posedge clk);
        emergency = 1'h0;
        @(posedge clk);
        @(posedge clk);
        car_ew = 1'h1;
        ped_btn = 1'b0;
        emergency = '0;
        @(posedge clk);
        ped_btn = 1'h1;
        emergency = 1'b1;
        @(posedge clk);
        ped_btn = 1'h1;
        emergency = 1'h0;
        @(posedge clk);
      end
      6: begin
        car_ew = 1'h1;
        ped_btn = 1'b0;
        emergency = 1'b1;
        @(posedge clk);
        car_ew = '0;
        ped_btn = 1'h1;
        emergency = 1'd0;
        @(posedge clk);
        car_ew = 1'h0;
        ped_btn = 1'h1;
        emergency = 1'b0;
        @(posedge clk);
        car_ew = 1'h1;
        ped_btn = 1'b1;
        emergency = 1'b1;
        @(posedge clk);
        car_ew = 1'h1;
        ped_btn = 1'h1;
        @(posedge clk);
        car_ew = 1'h1;
        emergency = 1'b0;
        @(posedge clk);
        car_ew = 1'b0;
        @(posedge clk);
        ped_btn = 1'h0;
        emergency = '1;
        @(posedge clk);
      end
      default: begin
        car_ew = 1'd0;
        ped_btn = 1'd0;
        emergency = 1'h0;
        @(posedge clk);
      end
    endcase
  endtask

  always @(negedge clk) begin
    if (checks_enabled && rst_n) begin
      if ($isunknown(ns_light)) begin
        $error("[%0t] ns_light is unknown: %b", $time, ns_light);
        errors++;
      end
      if ($isunknown(ew_light)) begin
        $error("[%0t] ew_light is unknown: %b", $time, ew_light);
        errors++;
      end
      if ($isunknown(walk)) begin
        $error("[%0t] walk is unknown: %b", $time, walk);
        errors++;
      end
      if ($isunknown(ped_wait)) begin
        $error("[%0t] ped_wait is unknown: %b", $time, ped_wait);
        errors++;
      end
    end
  end

  // Light-weight monitor (every 64th cycle, keeps the log short)
  int unsigned cycle_count = 0;
  always @(posedge clk) begin
    cycle_count <= cycle_count + 1;
    if (verbose && cycle_count % 64 == 0) $display("[%0t] ns_light=%0h ew_light=%0h walk=%0h ped_wait=%0h", $time, ns_light, ew_light, walk, ped_wait);
  end

  localparam longint TIMEOUT_NS = 5_000_000;
  initial begin : watchdog
    #(TIMEOUT_NS);
    $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
  end

  initial begin
    reset_phase();
    checks_enabled = 1;
    for (int p = 0; p < 8; p++) directed_pattern(p);
    fork
      control_thread(200);
      data_thread(300);
    join
    -> phase_done;
    // Second phase: stimulus while waiting for a quiet period, bounded
    fork
      data_thread(64);
      control_thread(32);
    join_none
    wait fork;
    repeat (3) begin
      reset_phase(2);
      for (int j = 0; j < 4; j++) directed_pattern($urandom_range(0, 7));
    end
    $display("vectors=%0d errors=%0d", vectors, errors);
    $display(errors == 0 ? "*** PASSED ***" : "*** FAILED ***");
    $finish;
  end

  initial begin
    @(phase_done);
    $display("[%0t] phase 1 done, %0d vectors", $time, vectors);
  end

endmodule
