/*
 * testbench.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the shift_reg module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module testbench;

    // Parameters (defaults of the DUT)
    localparam WIDTH = 8;

    localparam int CLK_PERIOD = 10;
    localparam int NUM_RANDOM = 200;

    // DUT inputs
    logic clk;
    logic rst_n;
    logic clear;
    logic [ 1:0] mode;
    logic dir;
    logic serial_in;
    logic [WIDTH-1:0] par_in;

    // DUT outputs
    logic [WIDTH-1:0] q;
    logic serial_out;
    logic all_ones;
    logic all_zeros;

    // Device under test
    shift_reg dut (
        .clk(clk),
        .rst_n(rst_n),
        .clear(clear),
        .mode(mode),
        .dir(dir),
        .serial_in(serial_in),
        .par_in(par_in),
        .q(q),
        .serial_out(serial_out),
        .all_ones(all_ones),
        .all_zeros(all_zeros)
    );

    // Clock generation
    initial clk = 0;
    always #(CLK_PERIOD/2) clk = ~clk;

    integer num_pass = 0;
    integer num_fail = 0;
    integer test_num = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Drive one input vector and wait one cycle
    task automatic apply(
        input logic clear_v,
        input logic [ 1:0] mode_v,
        input logic dir_v,
        input logic serial_in_v,
        input logic [WIDTH-1:0] par_in_v
    );
        begin
            clear = clear_v;
            mode = mode_v;
            dir = dir_v;
            serial_in = serial_in_v;
            par_in = par_in_v;
            @(posedge clk);
            #1;
        end
    endtask

    // Record one check: a condition that must hold
    task automatic check(input bit ok, input string what);
        if (ok) begin
            num_pass = num_pass + 1;
            if (verbose) $display("PASS: %s", what);
        end else begin
            num_fail = num_fail + 1;
            $error("FAIL: %s at %0t", what, $time);
        end
    endtask

    task automatic check_outputs_known(input string where);
        check(!$isunknown(q), {where, ": q known"});
        check(!$isunknown(serial_out), {where, ": serial_out known"});
        check(!$isunknown(all_ones), {where, ": all_ones known"});
        check(!$isunknown(all_zeros), {where, ": all_zeros known"});
    endtask

    task automatic random_vectors(input int n);
        for (int i = 0; i < n; i++) begin
            apply(1'($urandom), $random, $urandom_range(0, 1), $urandom % 2, $random);
            if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
        end
    endtask

    task automatic reset_dut(input int cycles = 5);
        begin
            clear = '0;
            mode = '0;
            dir = '0;
            serial_in = '0;
            par_in = '0;
            rst_n = 1'b0;
            repeat (cycles) @(posedge clk);
            rst_n = 1'b1;
            @(posedge clk);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clk) begin
        if (checks_enabled && rst_n) begin
            if ($isunknown(q)) begin
                $error("[%0t] q is unknown: %b", $time, q);
                num_fail++;
            end
            if ($isunknown(serial_out)) begin
                $error("[%0t] serial_out is unknown: %b", $time, serial_out);
                num_fail++;
            end
            if ($isunknown(all_ones)) begin
                $error("[%0t] all_ones is unknown: %b", $time, all_ones);
                num_fail++;
            end
            if ($isunknown(all_zeros)) begin
                $error("[%0t] all_zeros is unknown: %b", $time, all_zeros);
                num_fail++;
            end
        end
    end

    initial begin
        #(5_000_000) $error("Timeout! The test did not finish");
        $finish;
    end

    initial begin
        $display("Starting shift_reg directed test");
        reset_dut();
        checks_enabled = 1;
        check_outputs_known("after reset");

        // ---------------- Test 1: maximum on first operand ----------------
        test_num = test_num + 1;
        $display("Test %0d: maximum on first operand", test_num);
        apply(1'b1, 2'h2, '1, 1'h1, 8'h40);
        apply(1'b1, 2'h1, 1'h1, 1'h1, '1);
        apply('0, 2'h0, 1'b1, 1'b1, 8'hff);
        apply(1'b1, 2'd0, 1'b0, 1'b0, 8'h0);
        apply(1'b0, 2'h2, 1'b1, '1, 8'd0);
        apply(1'b1, 2'h3, 1'b0, 1'b0, 8'hff);
        apply(1'h1, 2'h3, 1'b1, 1'h1, 8'h52);
        apply(1'b0, 2'h3, 1'd0, 1'h1, 8'hf4);
        apply(1'b0, 2'h0, 1'b1, 1'b1, 8'h55);
        apply(1'b1, '0, 1'b1, 1'b0, '0);
        apply(1'h1, 2'h3, 1'h1, 1'b1, '0);
        apply(1'b1, 2'h1, 1'h1, 1'h1, 8'd0);
        check_outputs_known("test 1");

        // ---------------- Test 2: boundary values ----------------
        test_num = test_num + 1;
        apply(1'h0, 2'h1, 1'b1, '1, 8'h1);
        apply(1'b1, 2'h3, '0, 1'b1, 8'h39);
        apply(1'b0, 2'h1, 1'b1, 1'b1, 8'h10);
        apply('0, 2'd1, 1'b0, 1'b1, 8'h55);
        apply(1'h1, 2'h2, 1'b0, 1'b1, 8'h55);
        apply('1, 2'd1, 1'b0, 1'b1, 8'd1);
        apply(1'h1, 2'd1, 1'b0, 1'h1, 8'd1);
        apply(1'd0, '1, '0, '1, '1);
        check_outputs_known("test 2");

        // ---------------- Test 3: alternating pattern ----------------
        test_num = test_num + 1;
        apply(1'h1, 2'h0, 1'b0, 1'h1, 8'h0);
        apply(1'h1, 2'h1, 1'h1, '0, 8'd1);
        apply(1'b0, 2'h1, 1'b1, 1'h1, 8'd1);
        apply(1'b0, 2'h0, 1'h1, 1'b0, 8'hff);
        apply(1'h1, 2'h0, 1'h1, 1'h1, 8'h22);
        repeat (6) begin
            for (int k = 0; k < 7; k++) apply($urandom_range(0, 1), k, $urandom_range(0, 1), 1'($urandom), k);
        end
        check_outputs_known("test 3");

        // ---------------- Test 4: boundary values ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h1, 1'b1, 1'b1, 8'hbf);
        apply(1'h1, '1, 1'h1, '0, 8'h55);
        apply(1'b1, 2'h1, '1, 1'b0, '0);
        apply(1'h1, 2'h0, 1'b1, 1'd0, 8'hfe);
        apply(1'h1, 2'h2, 1'b1, '0, 8'hfd);
        apply(1'h1, '0, 1'h1, 1'h1, 8'h1);
        apply(1'b0, '0, 1'h1, 1'h1, 8'd1);
        apply(1'b0, '1, 1'h1, 1'h1, 8'h55);
        repeat (5) begin
            for (int k = 0; k < 4; k++) apply(1'($urandom), k, $urandom_range(0, 1), $urandom % 2, 8'($urandom));
        end
        check_outputs_known("test 4");

        // ---------------- Test 5: all zeros ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h1, 1'b1, 1'b1, 8'h9f);
        apply(1'h1, 2'h0, '0, 1'b1, 8'h57);
        apply(1'b0, 2'h2, 1'd0, 1'b1, 8'h40);
        apply(1'h1, 2'h3, 1'b0, '1, 8'h55);
        apply(1'h1, 2'h0, 1'h1, 1'h1, 8'h4);
        apply(1'h1, 2'd1, 1'd0, 1'b1, '0);
        apply(1'h0, 2'd1, 1'h1, 1'h1, 8'hb0);
        apply(1'b0, 2'h1, '0, 1'b0, 8'h82);
        apply(1'h0, 2'd1, 1'b1, 1'h1, 8'h8);
        apply(1'b1, 2'd1, 1'd0, 1'b1, 8'h10);
        apply(1'b1, 2'h0, 1'b1, '1, 8'h39);
        apply(1'b1, 2'h1, 1'b0, 1'h0, '1);
        repeat (5) begin
            for (int k = 0; k < 6; k++) apply(1'($urandom), k, 1'($urandom), $urandom_range(0, 1), k);
        end
        check_outputs_known("test 5");

        // ---------------- Test 6: boundary values ----------------
        test_num = test_num + 1;
        $display("Test %0d: boundary values", test_num);
        apply(1'b0, 2'h2, 1'b1, 1'b1, 8'h80);
        apply(1'b1, 2'h1, 1'b1, 1'b0, 8'h40);
        apply(1'h1, 2'h3, 1'd0, 1'b1, 8'd1);
        apply(1'h1, '1, '1, 1'b1, 8'hff);
        apply(1'b0, 2'h0, 1'b0, '1, 8'h55);
        apply(1'd0, 2'd1, 1'h1, 1'b0, 8'd1);
        apply(1'b0, 2'h1, 1'h1, 1'h1, 8'hc6);
        check_outputs_known("test 6");

        // ---------------- Test 7: random values ----------------
        test_num = test_num + 1;
        apply(1'b0, 2'h2, 1'd0, '0, 8'h27);
        apply(1'h1, 2'h0, '1, '1, 8'he8);
        apply(1'h1, 2'h1, 1'b1, 1'h1, 8'd1);
        apply(1'h1, 2'h3, 1'h1, '0, 8'h8);
        repeat (6) begin
            for (int k = 0; k < 7; k++) apply($urandom % 2, $urandom_range(0, 3), $urandom % 2, 1'($urandom), $urandom_range(0, 255));
        end
        check_outputs_known("test 7");

        // ---------------- Test 8: all zeros ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h1, 1'h1, 1'b1, '1);
        apply(1'b0, 2'h1, 1'h1, 1'b0, 8'hda);
        apply(1'b1, 2'h1, 1'h1, 1'b0, 8'h2b);
        apply(1'h1, 2'h1, 1'b1, 1'b0, 8'ha7);
        apply(1'b1, 2'h2, '1, 1'd0, 8'd1);
        apply(1'b1, 2'h0, 1'h1, '1, '0);
        apply(1'h1, 2'd1, 1'h1, 1'h0, 8'h1);
        apply(1'h1, 2'h0, 1'b1, '1, 8'd1);
        apply(1'b1, '0, 1'd0, 1'b0, 8'h55);
        apply(1'b1, 2'd1, 1'h1, 1'b0, 8'ha2);
        check_outputs_known("test 8");

        // ---------------- Test 9: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h1, 1'd0, 1'h1, 8'd1);
        apply(1'h1, 2'h3, '0, '0, 8'd1);
        apply(1'h1, '0, '1, 1'b1, 8'hd6);
        apply(1'h1, 2'd1, 1'b1, 1'b1, '1);
        apply(1'b0, '0, 1'b0, 1'b0, 8'ha1);
        apply(1'b1, 2'h3, 1'd0, 1'b0, 8'd1);
        apply(1'h1, 2'h2, '0, '1, 8'hfc);
        apply('1, 2'h3, 1'h1, 1'h1, 8'h10);
        apply(1'h0, '1, 1'b1, 1'd0, 8'hf);
        apply('0, 2'h3, 1'b1, 1'b1, 8'h55);
        apply(1'b0, '1, 1'h1, 1'h0, 8'h37);
        apply(1'h1, 2'h0, 1'h1, 1'h1, 8'd1);
        repeat (6) begin
            for (int k = 0; k < 8; k++) apply(1'($urandom), k, 1'($urandom), $urandom % 2, 8'($urandom));
        end
        check_outputs_known("test 9");

        // ---------------- Test 10: boundary values ----------------
        test_num = test_num + 1;
        apply(1'b0, 2'h2, 1'h1, 1'h1, 8'hff);
        apply(1'b1, 2'h0, 1'b1, 1'h0, 8'h19);
        apply(1'b1, '1, 1'b1, 1'h1, '0);
        apply(1'h1, 2'h2, 1'b0, 1'h1, 8'd1);
        apply(1'h1, 2'h3, 1'b1, 1'b1, 8'h8);
        apply(1'h1, 2'd1, 1'b1, 1'b1, 8'hd0);
        apply(1'b0, 2'd1, 1'd0, 1'h1, 8'h1);
        apply(1'h1, 2'h1, 1'b1, '0, 8'd1);
        apply(1'b0, 2'h2, 1'b0, 1'b1, 8'hff);
        apply(1'b1, 2'h1, 1'h1, 1'b0, 8'd1);
        apply(1'b0, 2'h2, 1'd0, 1'b1, 8'h55);
        apply(1'b0, 2'h1, 1'h0, 1'b1, 8'd1);
        check_outputs_known("test 10");

        // ---------------- Test 11: all ones ----------------
        test_num = test_num + 1;
        apply(1'h1, 2'd1, 1'h1, 1'b0, 8'h8);
        apply(1'h1, 2'h1, 1'b1, '0, 8'd1);
        apply('1, '0, 1'b1, 1'b1, 8'h1);
        apply(1'b0, 2'd1, 1'b0, 1'b1, 8'd1);
        repeat (6) begin
            for (int k = 0; k < 4; k++) apply(1'($urandom), k, 1'($urandom), $urandom_range(0, 1), 8'($urandom));
        end
        check_outputs_known("test 11");

        // ---------------- Test 12: all ones ----------------
        test_num = test_num + 1;
        apply(1'b0, 2'h1, 1'h1, '1, 8'hff);
        apply(1'b1, 2'h1, '1, 1'h1, 8'h55);
        apply(1'h1, 2'd1, '0, 1'b1, 8'h8);
        apply('1, 2'h2, 1'b1, 1'b0, '0);
        apply(1'b0, 2'h2, 1'd0, 1'b1, 8'd0);
        apply(1'b1, 2'h1, 1'b1, 1'b1, 8'h1);
        apply('1, 2'h1, 1'h1, 1'h0, 8'h55);
        apply(1'h0, 2'd1, 1'h1, 1'h1, 8'h4);
        apply(1'b0, 2'h2, 1'h1, 1'h1, 8'h2);
        repeat (6) begin
            for (int k = 0; k < 5; k++) apply(1'($urandom), k, $urandom % 2, $urandom_range(0, 1), $urandom_range(0, 255));
        end
        check_outputs_known("test 12");

        // ---------------- Test 13: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'h1, 2'h0, 1'h1, 1'b1, 8'h0);
        apply(1'h1, 2'h1, '1, 1'h1, 8'h2d);
        apply(1'h0, 2'h2, 1'h1, 1'b1, 8'hd3);
        apply(1'b0, '1, '1, 1'h1, 8'ha2);
        repeat (6) begin
            for (int k = 0; k < 3; k++) apply($urandom_range(0, 1), k, $urandom % 2, $urandom % 2, k);
        end
        check_outputs_known("test 13");

        // ---------------- Test 14: all ones ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h1, 1'h1, 1'b0, 8'h55);
        apply(1'h1, 2'h0, 1'h1, '1, 8'd1);
        apply(1'h1, 2'h0, 1'b1, '1, 8'h47);
        apply(1'b1, 2'h2, 1'b1, 1'b0, 8'd1);
        apply('0, 2'h3, '1, 1'b0, 8'h42);
        apply(1'h1, 2'h2, 1'h1, 1'h1, '1);
        apply('0, 2'd0, 1'd0, 1'b1, 8'd0);
        apply(1'b1, 2'h3, 1'b0, 1'h0, 8'd1);
        check_outputs_known("test 14");

        // ---------------- Test 15: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'd1, 1'h1, 1'b1, 8'hf8);
        apply(1'b1, 2'h1, 1'h1, 1'b0, 8'h20);
        apply('0, 2'h3, 1'h1, 1'h1, 8'h20);
        apply(1'b1, 2'h1, 1'h1, 1'd0, 8'h7e);
        apply(1'h0, '1, 1'h1, 1'h1, 8'hac);
        apply('1, 2'h3, 1'b1, 1'h1, 8'h4e);
        apply(1'b1, '1, 1'd0, 1'h1, 8'h34);
        apply(1'h1, 2'h1, 1'b1, 1'h1, 8'h55);
        apply(1'h1, 2'h1, 1'h1, 1'h1, 8'h3f);
        apply(1'b0, 2'd0, 1'h0, 1'b1, 8'd0);
        check_outputs_known("test 15");

        // ---------------- Test 16: all ones ----------------
        test_num = test_num + 1;
        apply(1'b0, 2'h1, 1'h1, 1'b1, 8'h90);
        apply(1'b0, 2'h3, 1'h1, 1'h1, 8'd0);
        apply(1'd0, 2'h0, 1'b1, 1'h0, 8'h8);
        apply(1'b0, 2'h1, 1'b1, 1'h1, 8'h55);
        apply('1, 2'd1, 1'd0, 1'h1, 8'h40);
        apply(1'h1, 2'h2, 1'b0, 1'b1, 8'h20);
        apply(1'b1, 2'h3, 1'b1, 1'b0, 8'h1);
        apply(1'b0, 2'd0, 1'h1, 1'h0, '1);
        apply(1'b1, 2'h1, 1'b0, '0, 8'h63);
        apply(1'h1, '0, 1'b0, '0, 8'h55);
        repeat (3) begin
            for (int k = 0; k < 5; k++) apply(1'($urandom), $random, 1'($urandom), 1'($urandom), k);
        end
        check_outputs_known("test 16");

        // ---------------- Test 17: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'h1, 2'h2, 1'h1, 1'b0, 8'd0);
        apply('0, 2'h2, 1'h1, '0, 8'h0);
        apply('1, '1, 1'b1, '1, 8'h55);
        apply('1, '1, 1'h1, 1'h1, '1);
        apply(1'h1, 2'h1, 1'b0, '0, '1);
        apply(1'b0, '1, 1'h1, 1'h1, '1);
        apply('1, 2'h1, 1'b0, 1'b0, 8'he1);
        apply(1'b1, 2'd1, 1'h1, '0, 8'd1);
        apply(1'h0, 2'd1, 1'b1, 1'h1, 8'ha5);
        apply(1'h1, 2'h1, 1'b1, 1'b1, 8'd1);
        apply(1'h1, 2'h1, 1'h1, '1, '0);
        check_outputs_known("test 17");

        // ---------------- Test 18: alternating pattern ----------------
        test_num = test_num + 1;
        apply(1'b0, 2'h3, 1'h0, 1'b0, 8'h55);
        apply(1'b1, 2'h0, 1'b1, 1'd0, 8'he1);
        apply(1'b1, 2'h3, '1, '1, '0);
        apply(1'h1, 2'h3, '1, 1'h1, 8'h4b);
        check_outputs_known("test 18");

        // ---------------- Test 19: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'b0, '1, '1, 1'h1, '1);
        apply(1'h1, 2'h0, 1'h1, 1'b0, 8'hff);
        apply(1'b1, '1, 1'h1, 1'h1, '0);
        apply(1'h1, 2'h2, '1, 1'b1, 8'h55);
        apply(1'h1, 2'h3, '0, '1, 8'h11);
        apply('0, 2'd0, 1'b0, '1, 8'h5);
        apply('0, 2'h1, 1'h1, 1'b0, 8'h10);
        repeat (4) begin
            for (int k = 0; k < 4; k++) apply($urandom_range(0, 1), k, 1'($urandom), $urandom_range(0, 1), $urandom_range(0, 255));
        end
        check_outputs_known("test 19");

        // ---------------- Test 20: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h1, 1'b0, '1, '1);
        apply(1'h1, 2'd1, '0, 1'b1, 8'h55);
        apply(1'd0, '1, 1'h1, 1'b0, '0);
        apply('0, 2'h2, 1'd0, 1'b1, 8'h1f);
        check_outputs_known("test 20");

        // ---------------- Test 21: random values ----------------
        test_num = test_num + 1;
        $display("Test %0d: random values", test_num);
        apply(1'h0, 2'd1, 1'b1, 1'h1, 8'h55);
        apply(1'h1, 2'h3, 1'h1, 1'b1, 8'h3d);
        apply(1'h1, '0, 1'h0, 1'b1, 8'h3a);
        apply(1'h1, 2'h1, 1'h0, 1'h1, 8'h10);
        apply(1'h1, 2'h2, 1'b0, 1'h1, 8'h55);
        apply(1'h1, 2'h1, '1, '0, 8'h53);
        apply(1'h1, 2'd1, 1'b0, 1'h0, 8'hf1);
        apply(1'b1, 2'h1, 1'b1, 1'h1, 8'h25);
        apply(1'h0, 2'h1, 1'h0, '1, 8'h6d);
        apply(1'h1, '1, 1'h1, 1'b1, 8'hf1);
        apply(1'b1, 2'h3, 1'b1, 1'b1, 8'h47);
        check_outputs_known("test 21");

        // ---------------- Test 22: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'h1, '0, 1'h1, '0, 8'd0);
        apply('0, 2'h1, 1'h1, 1'h0, 8'd1);
        apply('1, 2'd1, 1'b1, 1'b0, '0);
        apply(1'b0, 2'd1, 1'h1, '0, 8'h4);
        apply(1'b1, 2'h2, '1, 1'h1, 8'h0);
        apply(1'b1, '0, '0, 1'b1, '1);
        apply(1'b0, 2'h2, '1, 1'h1, 8'h1);
        apply(1'h1, '1, 1'h1, 1'b1, 8'h0);
        check_outputs_known("test 22");

        // ---------------- Test 23: maximum on first operand ----------------
        test_num = test_num + 1;
        apply(1'h1, 2'h2, 1'b1, 1'd0, 8'h55);
        apply(1'b1, 2'h1, 1'h1, 1'b1, 8'hff);
        apply(1'h1, 2'd0, 1'h1, 1'b0, '1);
        apply(1'b1, 2'h2, 1'b1, 1'h1, 8'ha8);
        apply(1'h1, 2'h0, 1'h1, 1'd0, 8'h8);
        apply(1'h1, 2'h1, 1'h1, 1'h1, 8'h55);
        apply(1'd0, 2'h2, 1'b1, 1'h1, '0);
        apply(1'h1, 2'h1, 1'b0, 1'h1, 8'h40);
        apply(1'b1, 2'h1, 1'h1, 1'd0, 8'h55);
        apply(1'h1, '1, 1'b0, 1'b1, 8'h94);
        apply(1'b0, 2'h0, 1'd0, 1'h0, 8'd1);
        repeat (2) begin
            for (int k = 0; k < 4; k++) apply($urandom_range(0, 1), 2'($urandom), $urandom % 2, $urandom_range(0, 1), k);
        end
        check_outputs_known("test 23");

        // ---------------- Test 24: maximum on first operand ----------------
        test_num = test_num + 1;
        $display("Test %0d: maximum on first operand", test_num);
        apply(1'b0, 2'h1, 1'b0, 1'b1, 8'h55);
        apply(1'b1, 2'h2, 1'b0, 1'h1, 8'h20);
        apply(1'h1, 2'h0, 1'h1, 1'h1, 8'd1);
        apply(1'h1, 2'h2, 1'b0, 1'h1, 8'h10);
        repeat (4) begin
            for (int k = 0; k < 6; k++) apply($urandom % 2, k, $urandom_range(0, 1), $urandom % 2, k);
        end
        check_outputs_known("test 24");

        // ---------------- Test 25: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'h1, 2'h2, '1, 1'h0, 8'h55);
        apply(1'b1, 2'h1, 1'h1, 1'b1, 8'h1f);
        apply(1'b1, 2'h3, 1'b0, 1'h1, 8'h0);
        apply('0, 2'h1, 1'b1, 1'h1, '0);
        apply(1'h1, 2'h0, 1'b1, 1'h1, 8'h1);
        apply(1'b1, 2'h0, '0, 1'h1, 8'hff);
        apply(1'h1, 2'h2, 1'b1, 1'b1, 8'h76);
        apply(1'h1, 2'h1, 1'h0, 1'h1, 8'h4);
        apply(1'h1, 2'h1, 1'h0, 1'd0, 8'h1);
        apply(1'h1, 2'h2, 1'h1, '1, 8'd0);
        apply('1, 2'd1, 1'b1, 1'h1, 8'h1);
        apply(1'b1, 2'd1, 1'h1, 1'h1, 8'he7);
        check_outputs_known("test 25");

        // Corner-value table
        begin
            logic [ 1:0] corners [6];
            corners = '{'0, 2'h3, 2'h1, 2'd1, 2'h0, 2'h2};
            foreach (corners[idx]) begin
                apply(1'($urandom), corners[idx], 1'($urandom), 1'($urandom), 8'($urandom));
                check_outputs_known($sformatf("corner %0d", idx));
            end
        end
        // Walking ones on mode
        for (int bit_idx = 0; bit_idx < $bits(mode); bit_idx++) begin
            mode = '0;
            mode[bit_idx] = 1'b1;
            @(posedge clk);
        end
        // Walking ones on par_in
        for (int i = 0; i < $bits(par_in); i++) begin
            par_in = '0;
            par_in[i] = 1'b1;
            @(posedge clk);
        end
        // Sweep mode with every other input random, a few passes
        repeat (3) begin
            for (int k = 0; k < 4; k++) begin
                mode = k;
                clear = $urandom % 2;
                dir = $urandom_range(0, 1);
                serial_in = $urandom % 2;
                par_in = 8'($urandom);
                @(posedge clk);
            end
        end
        // Random regression
        random_vectors(NUM_RANDOM);
        // Reset again and re-run a short sequence
        reset_dut(3);
        random_vectors(32);

        $display("==========================================");
        $display("  Tests run : %0d", test_num);
        $display("  Passed    : %0d", num_pass);
        $display("  Failed    : %0d", num_fail);
        $display("==========================================");
        if (num_fail == 0) $display("ALL TESTS PASSED");
        $finish;
    end

endmodule
