/*
 * tb_static_branch_predict.sv
 * Layered testbench with parallel stimulus threads, assertions and functional coverage for the static_branch_predict module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module tb_static_branch_predict;

  localparam int NUM_RANDOM = 256;

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

  int unsigned errors = 0;
  int unsigned vectors = 0;
  bit checks_enabled = 0;
  bit verbose = 0;
  event phase_done;

  task automatic reset_phase(input int cycles = 10);
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

  task automatic control_thread(input int n);
    repeat (n) begin
      fetch_valid_i = $urandom % 2;
      repeat ($urandom_range(1, 4)) #10;
    end
  endtask

  task automatic data_thread(input int n);
    int i;
    i = 0;
    while (i < n) begin
      fetch_rdata_i = $urandom;
      fetch_pc_i = $urandom;
      register_addr_i = $urandom;
      vectors++;
      #10;
      i++;
    end
  endtask

  task automatic directed_pattern(input int which);
    case (which)
      0: begin
        register_addr_i = 32'hffffffff;
        fetch_valid_i = 1'h1;
        #10;
        fetch_pc_i = 32'he1ea8925;
        register_addr_i = 32'h55555555;
        fetch_valid_i = '1;
        #10;
        fetch_rdata_i = 32'hffffffff;
        fetch_pc_i = 32'h19b3085f;
        #10;
        fetch_rdata_i = 32'h2;
        fetch_pc_i = 32'h48c1cc07;
        register_addr_i = '0;
        #10;
        fetch_rdata_i = '1;
        fetch_valid_i = 1'b1;
        #10;
      end
      1: begin
        fetch_pc_i = 32'h1000000;
        register_addr_i = 32'd0;
        #10;
        fetch_pc_i = '1;
        register_addr_i = 32'h64d37621;
        #10;
        fetch_valid_i = 1'b1;
        #10;
        fetch_rdata_i = 32'h80000000;
        fetch_pc_i = 32'h55555555;
        register_addr_i = 32'h55555555;
        fetch_valid_i = 1'h1;
        #10;
        fetch_rdata_i = 32'h55555555;
        fetch_pc_i = 32'h55555555;
        register_addr_i = 32'h0;
        #10;
        #10;
        fetch_valid_i = 1'h1;
        #10;
        fetch_rdata_i = 32'h80;
        fetch_valid_i = 1'd0;
        #10;
      end
      2: begin
        fetch_rdata_i = 32'h20000;
        register_addr_i = 32'h0;
        fetch_valid_i = 1'b1;
        #10;
        fetch_rdata_i = 32'd0;
        fetch_valid_i = 1'h1;
        #10;
        fetch_rdata_i = '0;
        fetch_pc_i = 32'd0;
        register_addr_i = 32'hfd2a0d4f;
        fetch_valid_i = 1'b1;
        #10;
        fetch_valid_i = 1'h1;
        #10;
        fetch_rdata_i = 32'h400000;
        fetch_pc_i = '0;
        register_addr_i = '1;
        fetch_valid_i = 1'h0;
        #10;
      end
      3: begin
        fetch_rdata_i = 32'd0;
        fetch_pc_i = 32'h0;
        register_addr_i = 32'd0;
        #10;
        fetch_rdata_i = 32'd0;
        fetch_pc_i = 32'hbe289679;
        register_addr_i = 32'd0;
        #10;
        fetch_rdata_i = 32'h55555555;
        fetch_pc_i = 32'h0;
        register_addr_i = 32'h0;
        fetch_valid_i = '1;
        #10;
        fetch_pc_i = 32'h20;
        register_addr_i = 32'hffffffff;
        #10;
        fetch_rdata_i = 32'h49fd62b5;
        fetch_pc_i = 32'h8;
        register_addr_i = 32'h418c7517;
        #10;
        register_addr_i = 32'h800000;
        fetch_valid_i = 1'h1;
        #10;
        #10;
        #10;
      end
      4: begin
        fetch_rdata_i = 32'h55555555;
        fetch_pc_i = '1;
        register_addr_i = '1;
        #10;
        fetch_rdata_i = 32'h55555555;
        fetch_valid_i = 1'd0;
        #10;
        fetch_rdata_i = 32'h5d797af2;
        register_addr_i = 32'h80000;
        fetch_valid_i = '1;
        #10;
        fetch_rdata_i = 32'hf44df052;
        fetch_valid_i = 1'h1;
        #10;
        fetch_pc_i = '0;
        register_addr_i = 32'h1fe82a74;
        fetch_valid_i = 1'b1;
        #10;
      end
      5: begin
        fetch_rdata_i = '1;
        fetch_valid_i = '1;
        #10;
        fetch_rdata_i = 32'hffffffff;
        #10;
        register_addr_i = 32'd0;
        fetch_valid_i = 1'b0;
        #10;
      end
      6: begin
        register_addr_i = 32'he0410bd2;
        fetch_valid_i = 1'b1;
        #10;
        fetch_rdata_i = '1;
        register_addr_i = 32'h0;
        #10;
        fetch_rdata_i = '1;
        register_addr_i = 32'h55555555;
        fetch_valid_i = 1'h1;
        #10;
        fetch_pc_i = 32'h55555555;
        register_addr_i = '0;
        #10;
        fetch_pc_i = '1;
        fetch_valid_i = 1'b1;
        #10;
        fetch_rdata_i = 32'h40000;
        fetch_pc_i = 32'h200;
        register_addr_i = 32'hffffffff;
        fetch_valid_i = '1;
        #10;
        fetch_valid_i = '1;
        #10;
      end
      7: begin
        fetch_valid_i = 1'b0;
        #10;
        register_addr_i = 32'h10;
        #10;
        fetch_rdata_i = 32'h1;
        register_addr_i = 32'h0;
        fetch_valid_i = 1'h1;
        #10;
        #10;
        fetch_pc_i = 32'hec63334b;
        fetch_valid_i = 1'h1;
        #10;
        fetch_rdata_i = 32'h55555555;
        fetch_pc_i = '0;
        register_addr_i = 32'h20000000;
        #10;
      end
      8: begin
        fetch_pc_i = 32'hb8cfdb4;
        register_addr_i = 32'd0;
        fetch_valid_i = 1'h0;
        #10;
        fetch_pc_i = 32'h92bf91e9;
        register_addr_i = 32'hbec08d12;
        fetch_valid_i = 1'd0;
        #10;
        fetch_pc_i = '1;
        #10;
        fetch_rdata_i = 32'hffffffff;
        fetch_pc_i = 32'd0;
        register_addr_i = 32'h0;
        #10;
        register_addr_i = 32'ha3df8c74;
        #10;
      end
      9: begin
        fetch_rdata_i = 32'h55555555;
        fetch_pc_i = 32'h1000;
        register_addr_i = 32'had89b247;
        fetch_valid_i = 1'h1;
        #10;
        fetch_rdata_i = 32'd0;
        fetch_valid_i = '0;
        #10;
        fetch_rdata_i = 32'd0;
        fetch_valid_i = 1'h1;
        #10;
        fetch_pc_i = 32'h55555555;
        fetch_valid_i = 1'h1;
        #10;
        fetch_pc_i = 32'he751184b;
        #10;
        fetch_rdata_i = 32'h0;
        fetch_pc_i = 32'h0;
        register_addr_i = 32'hba77999d;
        fetch_valid_i = 1'h1;
        #10;
      end
      10: begin
        register_addr_i = 32'd0;
        fetch_valid_i = 1'h1;
        #10;
        register_addr_i = 32'h0;
        fetch_valid_i = 1'd0;
        #10;
        fetch_rdata_i = 32'h55555555;
        register_addr_i = 32'h0;
        fetch_valid_i = 1'h1;
        #10;
        fetch_rdata_i = 32'hffffffff;
        #10;
        fetch_valid_i = 1'h1;
        #10;
        fetch_rdata_i = 32'd0;
        fetch_pc_i = 32'h55555555;
        register_addr_i = 32'h80000000;
        #10;
        #10;
      end
      11: begin
        fetch_pc_i = 32'h55555555;
        #10;
        fetch_pc_i = 32'he779f48a;
        fetch_valid_i = 1'h1;
        #10;
        register_addr_i = 32'h4000;
        #10;
        fetch_rdata_i = 32'h55555555;
        fetch_pc_i = 32'h8;
        fetch_valid_i = 1'b1;
        #10;
      end
      default: begin
        fetch_rdata_i = 32'd0;
        fetch_pc_i = 32'h0;
        register_addr_i = 32'd0;
        fetch_valid_i = 1'd0;
        #10;
      end
    endcase
  endtask

  always @(*) begin
    if (checks_enabled) begin
      if ($isunknown(predict_branch_taken_o)) begin
        $error("[%0t] predict_branch_taken_o is unknown: %b", $time, predict_branch_taken_o);
        errors++;
      end
      if ($isunknown(predict_branch_pc_o)) begin
        $error("[%0t] predict_branch_pc_o is unknown: %b", $time, predict_branch_pc_o);
        errors++;
      end
    end
  end

  initial begin
    #(1_000_000) $error("Timeout! The test did not finish");
    $finish;
  end

  initial begin
    reset_phase();
    checks_enabled = 1;
    for (int p = 0; p < 13; p++) directed_pattern(p);
    fork
      control_thread(150);
      data_thread(400);
    join
    -> phase_done;
    // Second phase: stimulus while waiting for a quiet period, bounded
    fork
      data_thread(64);
      control_thread(32);
    join_none
    wait fork;
    // Walking ones on fetch_rdata_i
    for (int k = 0; k < $bits(fetch_rdata_i); k++) begin
      fetch_rdata_i = '0;
      fetch_rdata_i[k] = 1'b1;
      #10;
    end
    // Walking ones on fetch_pc_i
    for (int bit_idx = 0; bit_idx < $bits(fetch_pc_i); bit_idx++) begin
      fetch_pc_i = '0;
      fetch_pc_i[bit_idx] = 1'b1;
      #10;
    end
    // Walking ones on register_addr_i
    for (int bit_idx = 0; bit_idx < $bits(register_addr_i); bit_idx++) begin
      register_addr_i = '0;
      register_addr_i[bit_idx] = 1'b1;
      #10;
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
