/*
 * tb.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the up_down_counter module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module tb;

    // Parameters (defaults of the DUT)
    localparam WIDTH = 8;

    localparam int CLK_PERIOD = 8;
    localparam int NUM_RANDOM = 256;

    // DUT inputs
    logic clk;
    logic rst_n;
    logic en;
    logic load;
    logic up;
    logic sat;
    logic [WIDTH-1:0] load_val;

    // DUT outputs
    logic [WIDTH-1:0] count;
    logic at_max;
    logic at_min;
    logic wrap;

    // Device under test
    up_down_counter #(
        .WIDTH(WIDTH)
    ) dut (
        .clk(clk),
        .rst_n(rst_n),
        .en(en),
        .load(load),
        .up(up),
        .sat(sat),
        .load_val(load_val),
        .count(count),
        .at_max(at_max),
        .at_min(at_min),
        .wrap(wrap)
    );

    // Clock generation
    initial begin
        clk = 1'b0;
        forever #(CLK_PERIOD/2) clk = ~clk;
    end

    integer num_pass = 0;
    integer errors = 0;
    integer test_num = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Drive one input vector and wait one cycle
    task automatic drive_inputs(
        input logic en_v,
        input logic load_v,
        input logic up_v,
        input logic sat_v,
        input logic [WIDTH-1:0] load_val_v
    );
        begin
            en = en_v;
            load = load_v;
            up = up_v;
            sat = sat_v;
            load_val = load_val_v;
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
            errors = errors + 1;
            $error("FAIL: %s at %0t", what, $time);
        end
    endtask

    task automatic check_outputs_known(input string where);
        check(!$isunknown(count), {where, ": count known"});
        check(!$isunknown(at_max), {where, ": at_max known"});
        check(!$isunknown(at_min), {where, ": at_min known"});
        check(!$isunknown(wrap), {where, ": wrap known"});
    endtask

    task automatic random_vectors(input int n);
        for (int i = 0; i < n; i++) begin
            drive_inputs($urandom % 2, 1'($urandom), 1'($urandom), $urandom_range(0, 1), 8'($urandom));
            if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
        end
    endtask

    task automatic reset_dut(input int cycles = 3);
        begin
            en = '0;
            load = '0;
            up = '0;
            sat = '0;
            load_val = '0;
            rst_n = 1'b0;
            repeat (cycles) @(posedge clk);
            rst_n = 1'b1;
            @(posedge clk);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clk) begin
        if (checks_enabled && rst_n) begin
            if ($isunknown(count)) begin
                $error("[%0t] count is unknown: %b", $time, count);
                errors++;
            end
            if ($isunknown(at_max)) begin
                $error("[%0t] at_max is unknown: %b", $time, at_max);
                errors++;
            end
            if ($isunknown(at_min)) begin
                $error("[%0t] at_min is unknown: %b", $time, at_min);
                errors++;
            end
            if ($isunknown(wrap)) begin
                $error("[%0t] wrap is unknown: %b", $time, wrap);
                errors++;
            end
        end
    end

    initial begin
        #(500_000) $error("Timeout! The test did not finish");
        $finish;
    end

    initial begin
        $display("Starting up_down_counter directed test");
        reset_dut();
        checks_enabled = 1;
        check_outputs_known("after reset");

        // ---------------- Test 1: all ones ----------------
        test_num = test_num + 1;
        drive_inputs('1, 1'h1, 1'h1, 1'b1, 8'h42);
        drive_inputs(1'h0, 1'b1, 1'b0, 1'b1, '0);
        drive_inputs(1'b1, 1'b1, '0, 1'b0, 8'd1);
        drive_inputs('1, 1'h1, 1'd0, 1'd0, 8'hff);
        drive_inputs(1'b1, 1'd0, 1'h1, '0, 8'h4);
        drive_inputs(1'b0, 1'b0, 1'b0, 1'b0, 8'd1);
        drive_inputs(1'h1, 1'b1, 1'b0, 1'h1, 8'd1);
        drive_inputs('1, 1'h1, 1'b1, '1, '1);
        drive_inputs(1'h1, 1'h1, 1'h1, 1'b0, 8'h2);
        drive_inputs(1'h1, 1'h1, 1'h1, '1, 8'hf);
        drive_inputs(1'h1, 1'd0, 1'h1, 1'b1, 8'h81);
        repeat (5) begin
            for (int k = 0; k < 2; k++) drive_inputs(1'($urandom), 1'($urandom), $urandom_range(0, 1), 1'($urandom), k);
        end
        check_outputs_known("test 1");

        // ---------------- Test 2: toggle control inputs ----------------
        test_num = test_num + 1;
        $display("Test %0d: toggle control inputs", test_num);
        drive_inputs(1'h1, 1'h1, 1'b0, 1'b1, 8'h55);
        drive_inputs(1'b1, 1'h1, 1'h1, 1'h1, 8'h55);
        drive_inputs(1'h1, 1'b0, 1'b0, 1'b0, 8'h80);
        drive_inputs(1'h1, 1'h1, 1'h1, 1'h1, 8'h7c);
        drive_inputs('1, 1'h0, 1'b1, 1'b0, 8'h55);
        drive_inputs(1'h1, 1'h1, 1'h1, 1'h1, 8'h1);
        repeat (4) begin
            for (int k = 0; k < 2; k++) drive_inputs($urandom_range(0, 1), $urandom % 2, 1'($urandom), $urandom % 2, $urandom_range(0, 255));
        end
        check_outputs_known("test 2");

        // ---------------- Test 3: maximum on first operand ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 1'b1, 1'h1, 1'b1, 8'h8);
        drive_inputs(1'b1, 1'b1, 1'h1, 1'h1, 8'h55);
        drive_inputs(1'b0, 1'h1, 1'b1, 1'h1, 8'd1);
        drive_inputs(1'b1, 1'h1, 1'h1, 1'h1, 8'hff);
        repeat (5) begin
            for (int k = 0; k < 8; k++) drive_inputs(1'($urandom), 1'($urandom), $urandom_range(0, 1), $urandom_range(0, 1), k);
        end
        check_outputs_known("test 3");

        // ---------------- Test 4: alternating pattern ----------------
        test_num = test_num + 1;
        $display("Test %0d: alternating pattern", test_num);
        drive_inputs(1'b1, '0, 1'b1, '1, 8'd0);
        drive_inputs(1'h1, 1'b1, '0, 1'h1, 8'd1);
        drive_inputs(1'h0, 1'b1, 1'b0, 1'h0, '1);
        drive_inputs(1'b0, '1, 1'h1, 1'h1, 8'hac);
        drive_inputs(1'b0, 1'h1, 1'b0, 1'b0, 8'hff);
        drive_inputs(1'b1, 1'b1, 1'b0, 1'h1, 8'hb1);
        drive_inputs(1'd0, 1'h1, 1'b0, 1'b0, 8'd1);
        drive_inputs(1'b1, 1'h1, '1, 1'd0, 8'd1);
        drive_inputs(1'h1, 1'b1, 1'h1, 1'h1, 8'd1);
        drive_inputs(1'b1, 1'h0, '1, 1'b1, 8'h55);
        check_outputs_known("test 4");

        // ---------------- Test 5: random values ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, '0, 1'h0, 1'h0, 8'hb0);
        drive_inputs(1'h1, 1'b0, 1'b1, 1'b0, 8'hb8);
        drive_inputs(1'h1, 1'h1, 1'b0, 1'h1, 8'h7e);
        drive_inputs(1'h1, 1'h1, 1'b1, 1'b1, 8'hf0);
        drive_inputs(1'b1, '1, 1'h1, 1'b0, 8'd1);
        repeat (3) begin
            for (int k = 0; k < 2; k++) drive_inputs(1'($urandom), $urandom_range(0, 1), $urandom_range(0, 1), $urandom % 2, k);
        end
        check_outputs_known("test 5");

        // ---------------- Test 6: alternating pattern ----------------
        test_num = test_num + 1;
        drive_inputs(1'b0, 1'h0, 1'h1, '0, 8'd1);
        drive_inputs(1'b1, 1'h1, '1, '1, '0);
        drive_inputs(1'b1, 1'b1, 1'b1, 1'd0, '0);
        drive_inputs(1'h1, 1'b1, 1'b1, '0, 8'h3e);
        drive_inputs(1'h1, 1'h1, 1'b1, 1'b1, 8'h8);
        drive_inputs(1'b1, 1'b1, '0, 1'h1, 8'd0);
        drive_inputs(1'b1, 1'h0, 1'h1, 1'd0, 8'ha);
        drive_inputs(1'b1, 1'b0, 1'd0, 1'h1, '1);
        drive_inputs(1'b1, 1'b1, '0, 1'd0, 8'h80);
        drive_inputs(1'h1, '0, 1'b0, 1'h1, 8'h55);
        check_outputs_known("test 6");

        // ---------------- Test 7: random values ----------------
        test_num = test_num + 1;
        $display("Test %0d: random values", test_num);
        drive_inputs(1'h1, 1'b0, 1'b1, 1'h1, 8'h55);
        drive_inputs('1, 1'b0, '1, 1'h1, 8'd0);
        drive_inputs(1'h1, 1'h1, '0, 1'b0, 8'h55);
        drive_inputs(1'd0, 1'b1, 1'b0, 1'h1, '1);
        drive_inputs(1'b1, '1, 1'h1, 1'b1, 8'h0);
        drive_inputs(1'b0, 1'b1, 1'b1, 1'h0, 8'h4);
        drive_inputs(1'b0, 1'h1, 1'b1, 1'b1, 8'hba);
        drive_inputs(1'h1, 1'b0, 1'h1, 1'h0, 8'h7f);
        check_outputs_known("test 7");

        // ---------------- Test 8: boundary values ----------------
        test_num = test_num + 1;
        drive_inputs('0, 1'b1, 1'b0, 1'h1, 8'h2);
        drive_inputs(1'h1, 1'd0, 1'b1, 1'b1, '1);
        drive_inputs(1'h1, '1, 1'b1, 1'h1, 8'd0);
        drive_inputs(1'h1, '1, 1'b0, 1'b0, '1);
        drive_inputs(1'h1, 1'b0, 1'h1, 1'h0, 8'h1);
        drive_inputs('1, 1'h1, 1'h1, 1'h1, '1);
        drive_inputs(1'b1, '1, 1'h1, 1'h0, 8'h1);
        drive_inputs('1, 1'b1, 1'h1, 1'h1, '0);
        drive_inputs(1'b0, 1'b1, 1'h1, 1'b1, 8'h0);
        drive_inputs('1, 1'b1, '1, 1'b1, 8'hff);
        drive_inputs(1'b1, '1, 1'h1, 1'h1, 8'h0);
        drive_inputs(1'h1, 1'b1, 1'b1, '1, 8'h12);
        check_outputs_known("test 8");

        // ---------------- Test 9: all zeros ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 1'h1, 1'b1, 1'h1, 8'hc4);
        drive_inputs(1'b0, 1'd0, 1'b1, 1'b1, 8'd1);
        drive_inputs(1'b1, 1'b0, 1'b0, 1'h1, 8'hc);
        drive_inputs(1'h1, 1'b0, '0, 1'b0, 8'h55);
        drive_inputs(1'h1, 1'b1, 1'b1, 1'b1, 8'h0);
        drive_inputs(1'b0, 1'h1, 1'd0, 1'h1, 8'h55);
        drive_inputs(1'h1, 1'b1, 1'h1, 1'b0, 8'he5);
        drive_inputs('0, '0, 1'b1, 1'h1, '1);
        drive_inputs(1'h1, 1'b1, 1'b1, 1'd0, '0);
        check_outputs_known("test 9");

        // ---------------- Test 10: maximum on first operand ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 1'h1, 1'b0, 1'b0, 8'h0);
        drive_inputs(1'h1, 1'b1, 1'h1, 1'h1, 8'h4);
        drive_inputs(1'h1, 1'h1, '1, 1'b1, '1);
        drive_inputs(1'h1, 1'b1, 1'b0, 1'b1, 8'ha9);
        check_outputs_known("test 10");

        // ---------------- Test 11: alternating pattern ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 1'b0, 1'h1, 1'h1, '1);
        drive_inputs(1'b0, 1'h1, 1'h1, 1'b1, 8'h6f);
        drive_inputs(1'h1, 1'h1, 1'h1, 1'b1, 8'h55);
        drive_inputs(1'h1, 1'b1, 1'h1, 1'b0, 8'h2);
        drive_inputs(1'b1, 1'h1, 1'b1, 1'b1, 8'h40);
        drive_inputs(1'h1, 1'b0, 1'h1, 1'h1, 8'hff);
        drive_inputs(1'h1, 1'h1, 1'b1, 1'b1, 8'ha6);
        drive_inputs(1'h0, 1'b1, 1'b1, 1'b1, 8'h55);
        drive_inputs(1'h1, 1'h1, '1, 1'b0, 8'd1);
        drive_inputs(1'b0, 1'b1, '0, '1, 8'h55);
        drive_inputs(1'h0, 1'h1, 1'h1, 1'h1, 8'hf2);
        drive_inputs(1'h1, 1'b0, 1'b1, 1'h1, 8'h54);
        repeat (4) begin
            for (int k = 0; k < 8; k++) drive_inputs(1'($urandom), $urandom_range(0, 1), $urandom_range(0, 1), $urandom_range(0, 1), k);
        end
        check_outputs_known("test 11");

        // ---------------- Test 12: hold inputs stable ----------------
        test_num = test_num + 1;
        drive_inputs('0, 1'h1, 1'h1, '0, 8'h55);
        drive_inputs('1, 1'h0, 1'h1, 1'h1, 8'h5a);
        drive_inputs(1'b0, 1'h1, '0, 1'b0, 8'hff);
        drive_inputs(1'h1, 1'b0, 1'h1, 1'b0, 8'h20);
        drive_inputs(1'b0, 1'b1, 1'b0, 1'd0, 8'h0);
        drive_inputs(1'h1, 1'b1, 1'b0, 1'h1, 8'd0);
        drive_inputs(1'b0, 1'h1, 1'b1, 1'b1, 8'h20);
        drive_inputs(1'b1, 1'b0, 1'b0, '1, 8'hf8);
        drive_inputs(1'b1, 1'h1, '0, 1'h1, 8'd1);
        check_outputs_known("test 12");

        // ---------------- Test 13: maximum on first operand ----------------
        test_num = test_num + 1;
        drive_inputs(1'b0, 1'h1, '1, 1'b0, 8'h0);
        drive_inputs(1'b1, 1'h0, 1'b1, 1'h1, 8'h2);
        drive_inputs(1'b0, 1'b0, 1'd0, 1'b0, 8'h86);
        drive_inputs(1'h1, 1'h0, 1'd0, 1'b1, 8'h55);
        drive_inputs(1'h0, '0, 1'b0, 1'b1, 8'hed);
        drive_inputs('0, 1'h1, 1'b0, 1'h1, 8'h80);
        check_outputs_known("test 13");

        // ---------------- Test 14: all zeros ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, '0, 1'h0, 1'b1, 8'h55);
        drive_inputs(1'b0, 1'h1, '0, 1'h1, 8'h1);
        drive_inputs(1'b0, 1'h1, 1'h1, 1'b0, 8'h10);
        drive_inputs(1'b1, 1'b1, 1'h1, 1'b1, 8'h55);
        check_outputs_known("test 14");

        // ---------------- Test 15: boundary values ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 1'h0, 1'b1, 1'b1, '1);
        drive_inputs(1'h1, '0, 1'd0, 1'h1, 8'h55);
        drive_inputs(1'h1, 1'b1, 1'h1, 1'b0, 8'd1);
        drive_inputs(1'b1, 1'h1, 1'b1, 1'h0, 8'h55);
        drive_inputs(1'b1, '0, 1'h1, '1, 8'd1);
        drive_inputs(1'h1, 1'h0, 1'h1, 1'h1, 8'hff);
        drive_inputs(1'h1, 1'b1, '1, 1'b1, 8'h55);
        drive_inputs(1'd0, 1'h1, 1'h1, 1'h1, '1);
        drive_inputs(1'h1, 1'b0, 1'b1, 1'h1, 8'h0);
        check_outputs_known("test 15");

        // ---------------- Test 16: toggle control inputs ----------------
        test_num = test_num + 1;
        drive_inputs(1'd0, '1, 1'h1, 1'b0, '1);
        drive_inputs(1'h1, 1'h1, 1'h0, 1'h1, 8'h0);
        drive_inputs(1'b0, 1'b0, 1'b0, 1'd0, 8'h2);
        drive_inputs(1'h1, 1'b1, 1'h1, 1'b0, 8'hfa);
        drive_inputs(1'h1, 1'b0, 1'b0, 1'h0, 8'd0);
        drive_inputs(1'b1, 1'h1, 1'b1, 1'b0, 8'h18);
        drive_inputs(1'b1, 1'b1, 1'h1, 1'b1, 8'd0);
        repeat (2) begin
            for (int k = 0; k < 7; k++) drive_inputs($urandom_range(0, 1), $urandom_range(0, 1), 1'($urandom), $urandom_range(0, 1), k);
        end
        check_outputs_known("test 16");

        // ---------------- Test 17: random values ----------------
        test_num = test_num + 1;
        drive_inputs(1'd0, 1'b0, 1'h1, 1'h1, 8'd0);
        drive_inputs('1, 1'b1, '1, 1'b1, 8'h56);
        drive_inputs(1'h1, 1'h1, 1'b1, 1'h1, '0);
        drive_inputs(1'h1, 1'd0, 1'h1, 1'h1, 8'ha);
        repeat (3) begin
            for (int k = 0; k < 3; k++) drive_inputs($urandom_range(0, 1), $urandom % 2, $urandom_range(0, 1), $urandom_range(0, 1), $urandom);
        end
        check_outputs_known("test 17");

        // ---------------- Test 18: back-to-back changes ----------------
        test_num = test_num + 1;
        $display("Test %0d: back-to-back changes", test_num);
        drive_inputs(1'b1, 1'b1, 1'h0, 1'b1, 8'h4);
        drive_inputs(1'h1, 1'h1, 1'h1, 1'b0, 8'hab);
        drive_inputs(1'h1, 1'h1, 1'h1, 1'b0, 8'd0);
        drive_inputs(1'b1, 1'd0, 1'b1, 1'h1, 8'd1);
        drive_inputs(1'h1, 1'b1, 1'b0, 1'b0, 8'h2);
        drive_inputs(1'd0, 1'h1, 1'b1, 1'h1, '1);
        drive_inputs('0, 1'h0, 1'h1, 1'h1, 8'h8b);
        check_outputs_known("test 18");

        // ---------------- Test 19: toggle control inputs ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 1'b1, 1'd0, 1'h1, 8'h4f);
        drive_inputs(1'h1, 1'h1, 1'h1, 1'h1, '1);
        drive_inputs(1'b0, 1'h1, 1'h1, 1'b0, 8'h87);
        drive_inputs(1'b1, 1'b0, 1'h1, 1'h1, 8'h9);
        drive_inputs(1'b1, 1'b1, 1'b0, 1'h1, 8'h9b);
        drive_inputs(1'b0, 1'h1, 1'b1, 1'h1, 8'd0);
        drive_inputs(1'b1, '0, '0, 1'd0, 8'd1);
        drive_inputs('1, 1'h1, 1'b0, '1, 8'd0);
        drive_inputs(1'h1, '1, 1'b0, 1'b0, 8'h22);
        check_outputs_known("test 19");

        // ---------------- Test 20: boundary values ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 1'h0, 1'b0, 1'b1, 8'h40);
        drive_inputs(1'b1, 1'b1, 1'h0, 1'h1, 8'd1);
        drive_inputs('0, 1'h1, 1'b1, 1'h1, 8'h0);
        drive_inputs(1'b1, 1'h1, 1'b0, '0, 8'd1);
        drive_inputs(1'b1, '1, 1'h1, 1'h1, 8'hff);
        drive_inputs(1'h1, 1'h1, 1'b0, 1'b0, 8'h55);
        drive_inputs(1'h1, 1'h1, 1'b1, '1, 8'hef);
        repeat (2) begin
            for (int k = 0; k < 7; k++) drive_inputs($urandom % 2, $urandom % 2, $urandom % 2, $urandom_range(0, 1), $urandom_range(0, 255));
        end
        check_outputs_known("test 20");

        // ---------------- Test 21: maximum on first operand ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 1'h1, 1'b1, 1'd0, 8'd1);
        drive_inputs(1'h1, 1'b1, 1'h1, 1'h1, 8'h55);
        drive_inputs(1'h1, '1, 1'h1, 1'd0, 8'h1f);
        drive_inputs(1'h1, 1'b0, 1'h1, 1'h0, 8'h8);
        drive_inputs(1'h1, 1'b1, '0, 1'b1, 8'd0);
        drive_inputs(1'b1, 1'd0, 1'h1, 1'b1, 8'd1);
        drive_inputs('0, 1'b1, 1'h1, 1'b0, 8'h55);
        drive_inputs(1'b1, 1'b1, '1, 1'b1, 8'h6e);
        drive_inputs(1'b1, 1'b1, 1'b1, 1'h1, '1);
        drive_inputs(1'h0, 1'b0, 1'b0, 1'b1, 8'he3);
        drive_inputs(1'b1, 1'b1, 1'b0, 1'b0, 8'hff);
        drive_inputs(1'b1, 1'b1, 1'b1, 1'h1, 8'h4);
        repeat (6) begin
            for (int k = 0; k < 4; k++) drive_inputs($urandom_range(0, 1), $urandom % 2, $urandom_range(0, 1), $urandom_range(0, 1), $urandom);
        end
        check_outputs_known("test 21");

        // ---------------- Test 22: single bit set ----------------
        test_num = test_num + 1;
        $display("Test %0d: single bit set", test_num);
        drive_inputs(1'h1, 1'd0, 1'h0, 1'b0, 8'h35);
        drive_inputs(1'h1, 1'h1, 1'b0, 1'b1, 8'h94);
        drive_inputs(1'b1, 1'b0, 1'h1, 1'b1, 8'h0);
        drive_inputs(1'b0, 1'h1, 1'b0, 1'b0, 8'd0);
        drive_inputs(1'b1, 1'h1, 1'h1, 1'b1, 8'h55);
        drive_inputs(1'b1, '0, 1'b0, 1'h1, 8'hff);
        drive_inputs(1'h1, 1'b1, 1'h1, 1'h1, 8'd0);
        drive_inputs(1'h1, 1'b1, 1'd0, 1'b1, 8'h55);
        drive_inputs('0, 1'h1, 1'b1, 1'b1, 8'd0);
        drive_inputs(1'b1, 1'h1, '1, 1'h1, 8'h10);
        check_outputs_known("test 22");

        // ---------------- Test 23: alternating pattern ----------------
        test_num = test_num + 1;
        drive_inputs(1'h0, 1'h1, '0, '1, 8'hf2);
        drive_inputs(1'h1, 1'b1, 1'b1, 1'b0, 8'h80);
        drive_inputs(1'h1, 1'h1, 1'b1, '0, 8'h0);
        drive_inputs(1'h1, 1'b1, 1'h0, 1'h1, 8'd0);
        repeat (6) begin
            for (int k = 0; k < 7; k++) drive_inputs($urandom % 2, $urandom_range(0, 1), $urandom % 2, $urandom % 2, k);
        end
        check_outputs_known("test 23");

        // ---------------- Test 24: random values ----------------
        test_num = test_num + 1;
        drive_inputs(1'b0, 1'b0, 1'h0, 1'h1, 8'd0);
        drive_inputs(1'h1, '1, 1'b1, 1'h1, 8'd1);
        drive_inputs(1'b0, 1'h1, 1'b1, 1'b1, 8'h99);
        drive_inputs('1, 1'h1, 1'h1, 1'd0, 8'he5);
        drive_inputs(1'd0, 1'h1, 1'h1, '1, 8'h0);
        drive_inputs(1'b1, 1'h1, 1'b0, 1'b1, '1);
        drive_inputs(1'h1, 1'b1, 1'h1, 1'h1, 8'hcc);
        check_outputs_known("test 24");

        // ---------------- Test 25: single bit set ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 1'd0, 1'b1, 1'b0, 8'hc8);
        drive_inputs(1'b1, 1'b0, 1'b1, 1'h0, '0);
        drive_inputs(1'b1, 1'b0, 1'h0, 1'b1, 8'h55);
        drive_inputs(1'h0, 1'b1, 1'b0, 1'h0, 8'h55);
        drive_inputs(1'h1, 1'h1, 1'h0, 1'h1, 8'h55);
        drive_inputs(1'b1, 1'h1, 1'b1, 1'b0, 8'ha7);
        drive_inputs(1'h1, 1'b1, 1'b1, 1'h1, '0);
        drive_inputs(1'h1, 1'b1, 1'b0, 1'h1, 8'hff);
        drive_inputs(1'h1, 1'd0, 1'b1, 1'h1, 8'h58);
        drive_inputs('0, '0, 1'b0, 1'b1, 8'hff);
        drive_inputs(1'b0, '1, 1'b1, 1'b0, 8'hd8);
        drive_inputs(1'h1, 1'b1, 1'h0, 1'h1, 8'd1);
        repeat (4) begin
            for (int k = 0; k < 2; k++) drive_inputs($urandom % 2, 1'($urandom), $urandom_range(0, 1), $urandom_range(0, 1), $random);
        end
        check_outputs_known("test 25");

        // ---------------- Test 26: random values ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 1'b0, 1'b1, 1'b0, 8'h67);
        drive_inputs(1'd0, 1'b1, 1'h1, 1'h1, 8'h82);
        drive_inputs(1'b0, 1'b1, 1'h1, 1'b1, 8'h53);
        drive_inputs(1'b1, 1'b0, 1'h1, 1'b0, 8'h10);
        drive_inputs(1'b0, 1'b1, 1'h1, 1'd0, 8'h80);
        drive_inputs(1'h1, 1'b1, 1'h1, 1'b0, 8'h20);
        check_outputs_known("test 26");

        // ---------------- Test 27: single bit set ----------------
        test_num = test_num + 1;
        $display("Test %0d: single bit set", test_num);
        drive_inputs('0, 1'b1, 1'h1, 1'b0, 8'h9e);
        drive_inputs(1'b1, 1'h1, '0, 1'h0, 8'hef);
        drive_inputs(1'b1, 1'b1, 1'b1, 1'h1, 8'h1);
        drive_inputs(1'b0, 1'h0, 1'b1, 1'h1, 8'hc3);
        drive_inputs(1'h0, 1'b1, 1'b1, 1'h1, 8'h2);
        drive_inputs(1'b0, 1'b1, 1'b1, 1'b1, 8'h0);
        check_outputs_known("test 27");

        // ---------------- Test 28: single bit set ----------------
        test_num = test_num + 1;
        $display("Test %0d: single bit set", test_num);
        drive_inputs(1'b1, 1'b1, '1, 1'd0, 8'h40);
        drive_inputs(1'b1, 1'b1, 1'b1, '1, 8'h10);
        drive_inputs(1'b0, 1'h1, 1'b0, 1'h0, 8'h59);
        drive_inputs(1'd0, 1'b1, '1, 1'h1, '1);
        drive_inputs(1'h0, 1'h1, 1'h1, 1'd0, 8'd0);
        drive_inputs(1'b1, 1'b1, 1'h1, 1'b0, 8'hac);
        drive_inputs(1'b1, 1'h1, 1'b0, 1'h1, 8'hae);
        check_outputs_known("test 28");

        // ---------------- Test 29: all ones ----------------
        test_num = test_num + 1;
        drive_inputs(1'b0, 1'h1, 1'b1, 1'd0, 8'd1);
        drive_inputs(1'b0, 1'h1, 1'b0, 1'b1, 8'h30);
        drive_inputs(1'h0, 1'h1, 1'b1, 1'h1, 8'h1);
        drive_inputs('1, 1'b1, 1'h1, 1'h1, 8'd1);
        repeat (3) begin
            for (int k = 0; k < 3; k++) drive_inputs($urandom_range(0, 1), 1'($urandom), $urandom_range(0, 1), $urandom % 2, k);
        end
        check_outputs_known("test 29");

        // ---------------- Test 30: toggle control inputs ----------------
        test_num = test_num + 1;
        drive_inputs(1'h0, 1'h1, 1'b1, 1'b0, 8'h84);
        drive_inputs(1'b1, 1'h1, 1'b1, 1'b1, '0);
        drive_inputs(1'b0, 1'h1, 1'h1, 1'b1, 8'h2);
        drive_inputs(1'h0, 1'h1, '1, 1'b1, 8'h5d);
        check_outputs_known("test 30");

        // Corner-value table
        begin
            logic [WIDTH-1:0] corners [6];
            corners = '{8'h0, '1, 8'h55, 8'd1, 8'h88, 8'h10};
            foreach (corners[idx]) begin
                drive_inputs($urandom % 2, $urandom % 2, $urandom % 2, 1'($urandom), corners[idx]);
                check_outputs_known($sformatf("corner %0d", idx));
            end
        end
        // Walking ones on load_val
        for (int n = 0; n < $bits(load_val); n++) begin
            load_val = '0;
            load_val[n] = 1'b1;
            @(posedge clk);
        end
        // Sweep load_val with every other input random, a few passes
        repeat (3) begin
            for (int k = 0; k < 64; k++) begin
                load_val = k;
                en = $urandom % 2;
                load = 1'($urandom);
                up = 1'($urandom);
                sat = $urandom % 2;
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
        $display("  Failed    : %0d", errors);
        $display("==========================================");
        if (errors == 0) $display("ALL TESTS PASSED");
        $finish;
    end

endmodule
