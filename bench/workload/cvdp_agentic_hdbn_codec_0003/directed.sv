// ------------------------------------------------------------
// Testbench for hdbn_top
// Directed testbench: numbered tests with explicit stimulus and checks
// Instance name "uut" is required by the coverage flow.
// ------------------------------------------------------------
`timescale 1ns/1ps

module test_hdbn_top;

    localparam int CLK_PERIOD = 4;
    localparam int NUM_RANDOM = 256;

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

    integer passed = 0;
    integer fail_count = 0;
    integer test_num = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Drive one input vector and wait one cycle
    task automatic apply(
        input logic pulse_active_state_v,
        input logic [1:0] encoder_type_v,
        input logic clk_enable_in_v,
        input logic data_in_v,
        input logic output_gate_in_v,
        input logic p_in_v,
        input logic n_in_v
    );
        begin
            pulse_active_state = pulse_active_state_v;
            encoder_type = encoder_type_v;
            clk_enable_in = clk_enable_in_v;
            data_in = data_in_v;
            output_gate_in = output_gate_in_v;
            p_in = p_in_v;
            n_in = n_in_v;
            @(posedge clk_in);
            #1;
        end
    endtask

    // Record one check: a condition that must hold
    task automatic check(input bit ok, input string what);
        if (ok) begin
            passed = passed + 1;
            if (verbose) $display("PASS: %s", what);
        end else begin
            fail_count = fail_count + 1;
            $error("FAIL: %s at %0t", what, $time);
        end
    endtask

    task automatic check_outputs_known(input string where);
        check(!$isunknown(p_out), {where, ": p_out known"});
        check(!$isunknown(n_out), {where, ": n_out known"});
        check(!$isunknown(data_out), {where, ": data_out known"});
        check(!$isunknown(code_error_out), {where, ": code_error_out known"});
    endtask

    task automatic random_vectors(input int n);
        for (int i = 0; i < n; i++) begin
            apply($urandom_range(0, 1), $urandom_range(0, 3), $urandom_range(0, 1), $urandom % 2, $urandom % 2, $urandom_range(0, 1), 1'($urandom));
            if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
        end
    endtask

    task automatic reset_dut(input int cycles = 4);
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
                fail_count++;
            end
            if ($isunknown(n_out)) begin
                $error("[%0t] n_out is unknown: %b", $time, n_out);
                fail_count++;
            end
            if ($isunknown(data_out)) begin
                $error("[%0t] data_out is unknown: %b", $time, data_out);
                fail_count++;
            end
            if ($isunknown(code_error_out)) begin
                $error("[%0t] code_error_out is unknown: %b", $time, code_error_out);
                fail_count++;
            end
        end
    end

    // Watchdog: never hang the regression
    initial begin
        #10_000_000;
        $display("ERROR: watchdog timeout at %0t", $time);
        $finish;
    end

    initial begin
        $display("Starting hdbn_top directed test");
        reset_dut();
        checks_enabled = 1;
        check_outputs_known("after reset");

        // ---------------- Test 1: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'd0, 2'd1, '0, 1'h1, 1'd0, 1'b1, 1'b0);
        apply(1'h1, 2'h2, 1'h1, '1, 1'h1, 1'h1, 1'h1);
        apply(1'd0, '1, 1'b0, 1'h1, 1'h1, '0, '1);
        apply('0, 2'd1, 1'h0, 1'h1, 1'h1, '1, 1'h1);
        apply(1'h1, 2'h3, '1, 1'b0, 1'b0, 1'h1, 1'h1);
        apply(1'b1, '0, 1'b1, 1'b1, 1'b1, 1'h1, 1'h0);
        apply(1'h1, 2'h1, 1'b0, 1'h1, 1'b1, 1'b0, 1'h1);
        apply(1'h1, '0, 1'b1, 1'h1, 1'b1, 1'h1, 1'h1);
        apply(1'h1, '1, 1'h1, 1'b0, 1'b1, 1'b1, 1'h1);
        check_outputs_known("test 1");

        // ---------------- Test 2: all ones ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h1, 1'b0, 1'h1, '1, 1'h1, 1'b1);
        apply('0, 2'h2, 1'b1, 1'b1, 1'h1, 1'b1, 1'b0);
        apply(1'h1, 2'h3, 1'b1, 1'b0, 1'b1, 1'd0, 1'b0);
        apply(1'd0, 2'h2, 1'h1, 1'b1, 1'b0, 1'h1, 1'h1);
        check_outputs_known("test 2");

        // ---------------- Test 3: random values ----------------
        test_num = test_num + 1;
        apply(1'b0, 2'h2, 1'h1, 1'b1, 1'b1, 1'b0, 1'b1);
        apply(1'h1, 2'h2, 1'h1, 1'h1, 1'h1, 1'd0, 1'h1);
        apply(1'b1, 2'h1, 1'h1, '0, 1'h1, 1'b1, 1'h1);
        apply('1, 2'd1, 1'b0, 1'h1, 1'h1, 1'b1, 1'h1);
        apply(1'b1, 2'h2, 1'h1, 1'h1, 1'h1, 1'h1, 1'b1);
        apply(1'h1, 2'h2, 1'h1, '0, '1, 1'b1, 1'h1);
        apply(1'h0, 2'h1, 1'h1, 1'h1, '0, 1'h1, 1'h1);
        apply(1'h1, '1, 1'b0, '0, 1'h1, 1'h1, 1'b1);
        apply(1'h1, 2'h2, 1'h1, 1'b0, 1'h1, 1'h1, '0);
        apply(1'h1, 2'd1, '1, 1'h1, 1'h1, 1'h1, 1'b1);
        check_outputs_known("test 3");

        // ---------------- Test 4: random values ----------------
        test_num = test_num + 1;
        $display("Test %0d: random values", test_num);
        apply(1'b1, 2'h2, 1'b0, 1'h1, 1'b0, 1'b0, 1'b1);
        apply('0, '0, 1'h1, 1'b1, 1'h1, 1'h1, '0);
        apply(1'h1, 2'h1, 1'b1, 1'b1, 1'b1, 1'b1, 1'b0);
        apply('1, 2'h0, 1'd0, 1'h1, 1'b0, 1'h1, 1'd0);
        apply(1'b0, 2'h3, 1'h1, '1, 1'h1, 1'h1, 1'b1);
        apply(1'b1, 2'h1, 1'h1, 1'h1, '1, 1'h1, '0);
        apply(1'h1, 2'h2, 1'h1, 1'b0, 1'h1, 1'b0, 1'h1);
        apply(1'b0, '0, 1'b1, 1'h1, 1'b1, 1'h1, 1'd0);
        apply(1'h1, 2'h1, 1'b1, 1'h1, 1'b0, 1'd0, 1'h1);
        check_outputs_known("test 4");

        // ---------------- Test 5: all zeros ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h1, 1'b1, '1, 1'h1, 1'h0, 1'b1);
        apply(1'b1, 2'h1, 1'h1, 1'b0, 1'h1, 1'b1, 1'b1);
        apply(1'h0, 2'h2, 1'b1, 1'h1, 1'h1, 1'b1, 1'h1);
        apply(1'b1, 2'h3, 1'b0, 1'h1, '1, 1'h1, '1);
        apply(1'h1, '0, 1'h1, '0, '0, 1'h1, 1'b0);
        apply(1'h1, 2'd1, 1'h1, '0, 1'h1, 1'd0, 1'h1);
        apply(1'b0, 2'h2, 1'b1, 1'b1, 1'h1, 1'b0, 1'h1);
        apply('1, '0, 1'h1, 1'b1, 1'd0, 1'h1, 1'h0);
        apply(1'd0, '1, 1'b1, '0, 1'b1, 1'b1, 1'h1);
        apply(1'b0, 2'h2, 1'h1, 1'b0, 1'h1, '0, 1'h1);
        apply(1'h1, 2'h1, 1'h0, 1'b1, 1'b0, 1'b0, 1'h1);
        apply('0, 2'h2, 1'h1, 1'b1, 1'd0, 1'd0, '1);
        check_outputs_known("test 5");

        // ---------------- Test 6: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h1, '1, 1'h1, 1'b0, 1'h1, '1);
        apply(1'h1, '0, 1'b1, 1'h1, 1'b1, 1'h1, 1'h1);
        apply(1'b0, 2'd1, 1'b0, 1'b1, 1'b1, 1'h1, 1'h1);
        apply(1'h1, 2'd1, 1'h1, '0, 1'b1, 1'h0, 1'b0);
        apply(1'b0, 2'h1, 1'b1, 1'h1, 1'b1, 1'h1, '1);
        apply(1'b1, 2'h1, 1'b1, 1'h0, 1'h1, '1, '0);
        apply(1'b1, 2'h3, 1'b1, 1'b1, 1'b1, 1'h0, '0);
        repeat (3) begin
            for (int k = 0; k < 4; k++) apply(1'($urandom), $urandom_range(0, 3), $urandom % 2, $urandom_range(0, 1), $urandom % 2, $urandom_range(0, 1), 1'($urandom));
        end
        check_outputs_known("test 6");

        // ---------------- Test 7: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(1'h1, 2'h2, '1, 1'b1, 1'h1, 1'h1, 1'b0);
        apply(1'd0, 2'h1, 1'h1, 1'h1, 1'b1, 1'h1, 1'h1);
        apply(1'b1, 2'd1, 1'b1, 1'b1, 1'b1, 1'b1, 1'b1);
        apply(1'h1, 2'h2, 1'h1, 1'h1, 1'h1, 1'b0, 1'h0);
        apply(1'd0, 2'h2, 1'b1, 1'h1, 1'b0, 1'b0, 1'd0);
        apply(1'b0, 2'h2, 1'h0, 1'b0, 1'h1, 1'h0, '0);
        apply(1'h1, 2'h1, 1'h1, 1'b0, 1'b1, 1'h1, 1'b0);
        apply(1'h1, 2'h1, 1'h1, 1'b1, 1'h1, '0, 1'h1);
        apply(1'b0, 2'h3, 1'b0, 1'h1, 1'b1, 1'h1, 1'h1);
        apply(1'b1, 2'h3, 1'h1, 1'b1, 1'b0, '1, 1'b0);
        repeat (4) begin
            for (int k = 0; k < 5; k++) apply($urandom_range(0, 1), $urandom_range(0, 3), $urandom % 2, $urandom % 2, $urandom_range(0, 1), $urandom % 2, $urandom_range(0, 1));
        end
        check_outputs_known("test 7");

        // ---------------- Test 8: boundary values ----------------
        test_num = test_num + 1;
        $display("Test %0d: boundary values", test_num);
        apply(1'h1, 2'h2, 1'b1, 1'b1, 1'b0, 1'h1, 1'b1);
        apply(1'd0, 2'h2, 1'b0, 1'h0, 1'h1, '1, 1'h0);
        apply(1'd0, 2'h2, 1'h1, 1'h1, 1'b0, 1'b0, 1'h1);
        apply(1'h1, 2'h2, 1'b1, 1'h1, 1'd0, 1'h0, 1'h1);
        apply(1'h1, 2'h2, 1'b1, 1'd0, 1'h0, 1'h1, '0);
        apply(1'h1, 2'h1, 1'h1, 1'h1, 1'b1, 1'b0, 1'd0);
        check_outputs_known("test 8");

        // ---------------- Test 9: all ones ----------------
        test_num = test_num + 1;
        apply(1'h1, 2'h1, 1'd0, 1'h1, '1, 1'b1, 1'b1);
        apply(1'b0, 2'd1, 1'h1, 1'h1, 1'b1, 1'b0, '1);
        apply(1'h1, 2'h1, 1'b0, '1, 1'b1, 1'h1, 1'h1);
        apply(1'b1, 2'h1, 1'b0, 1'b1, 1'h1, 1'h1, '0);
        apply(1'b1, 2'h0, 1'h1, 1'h1, 1'b0, 1'h1, 1'h1);
        apply(1'h1, 2'h1, 1'h1, 1'b1, 1'b0, 1'h1, 1'h1);
        apply(1'h1, 2'h2, 1'h1, 1'h1, 1'b0, 1'h1, 1'h1);
        apply(1'b1, 2'h0, 1'h1, 1'b0, 1'h1, 1'h1, 1'h1);
        apply(1'h1, 2'h2, 1'b1, 1'b0, 1'b0, 1'b1, 1'b1);
        apply('1, 2'h2, 1'h1, 1'b1, 1'h1, 1'h1, '1);
        apply(1'b1, '0, 1'b1, 1'b1, 1'b0, 1'h1, 1'h1);
        apply(1'b0, 2'h1, 1'b0, 1'h1, 1'h1, 1'b1, 1'b0);
        check_outputs_known("test 9");

        // ---------------- Test 10: maximum on first operand ----------------
        test_num = test_num + 1;
        apply(1'd0, 2'h0, 1'b1, 1'h1, '1, 1'h1, 1'd0);
        apply(1'h0, 2'h2, 1'h1, 1'b0, 1'h1, 1'b0, 1'h1);
        apply(1'h1, 2'd1, '1, 1'd0, 1'h1, 1'h1, 1'b1);
        apply(1'h1, 2'h1, 1'h1, 1'h1, 1'b0, 1'h1, 1'b1);
        check_outputs_known("test 10");

        // ---------------- Test 11: hold inputs stable ----------------
        test_num = test_num + 1;
        $display("Test %0d: hold inputs stable", test_num);
        apply(1'h1, '0, 1'd0, 1'd0, 1'd0, 1'b0, 1'd0);
        apply(1'b0, '1, 1'b0, 1'h1, 1'h1, 1'b1, 1'h1);
        apply('1, 2'h2, 1'd0, 1'h1, 1'b1, 1'b1, 1'h1);
        apply(1'h1, 2'd1, 1'h1, '1, 1'b1, 1'h1, 1'h1);
        apply(1'h1, 2'h0, 1'h1, 1'h1, 1'b1, 1'h0, 1'b1);
        apply(1'h1, 2'h1, 1'b1, 1'd0, 1'h0, 1'b1, 1'b0);
        apply(1'h1, 2'h2, 1'h1, 1'b1, 1'h1, 1'h1, 1'h1);
        apply(1'b0, 2'h3, 1'b0, 1'd0, 1'b1, 1'h1, 1'b0);
        apply(1'h1, 2'd1, 1'd0, 1'h1, 1'b0, 1'h1, 1'b1);
        apply(1'd0, 2'h0, 1'b0, 1'h1, 1'b1, 1'h1, '0);
        apply(1'b1, 2'h0, 1'h1, 1'd0, 1'b1, 1'h1, 1'b1);
        apply(1'h1, 2'h1, 1'h1, 1'b1, 1'b1, 1'b1, '1);
        check_outputs_known("test 11");

        // ---------------- Test 12: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h2, 1'b1, 1'b0, '1, 1'b1, 1'b1);
        apply(1'h1, 2'd1, 1'b1, 1'h1, 1'h1, 1'b1, 1'b0);
        apply('1, 2'h3, 1'h1, 1'h1, 1'h1, '0, 1'b1);
        apply(1'h1, 2'h2, 1'h0, 1'b1, 1'h1, 1'd0, 1'h1);
        apply(1'b1, 2'h0, 1'b0, 1'h1, 1'h1, 1'b1, 1'b0);
        apply(1'h1, 2'h2, 1'b1, 1'b0, 1'h1, 1'b1, 1'h1);
        apply('0, 2'h1, 1'h1, 1'b1, 1'b1, 1'h1, 1'h1);
        apply(1'h1, 2'h1, 1'd0, 1'b0, 1'h1, 1'h1, 1'h1);
        check_outputs_known("test 12");

        // ---------------- Test 13: alternating pattern ----------------
        test_num = test_num + 1;
        apply(1'd0, 2'h1, 1'b1, 1'b1, 1'h1, 1'b1, 1'h1);
        apply(1'h1, 2'h2, 1'b1, 1'b0, 1'b1, 1'h1, 1'b1);
        apply(1'd0, 2'h1, 1'h0, 1'b1, 1'b1, 1'h1, 1'b1);
        apply(1'h1, 2'h3, 1'b1, 1'h1, 1'b0, 1'h1, 1'b1);
        apply(1'b0, '1, 1'h1, 1'h1, '1, 1'b1, 1'h1);
        apply(1'b1, '1, 1'b1, 1'b1, 1'b1, 1'h1, 1'b1);
        apply('0, 2'h1, 1'b1, 1'd0, 1'h0, 1'h1, 1'b1);
        apply(1'h1, 2'h2, '1, 1'h0, 1'h1, '0, 1'h1);
        apply(1'h1, 2'd1, 1'h1, 1'h1, 1'h1, 1'b0, 1'h1);
        apply(1'h1, 2'h1, 1'h1, 1'h1, 1'h1, 1'h1, 1'b1);
        check_outputs_known("test 13");

        // ---------------- Test 14: hold inputs stable ----------------
        test_num = test_num + 1;
        $display("Test %0d: hold inputs stable", test_num);
        apply(1'b1, 2'd1, 1'b1, 1'h1, 1'd0, 1'h1, 1'b1);
        apply(1'b1, 2'h1, 1'b1, '1, 1'd0, 1'h1, 1'h1);
        apply(1'b0, 2'h0, 1'h1, 1'd0, 1'h0, 1'b0, 1'h1);
        apply(1'b0, 2'h1, 1'b1, 1'b1, 1'h1, 1'b1, '1);
        apply('0, 2'd1, 1'b1, 1'h1, 1'b0, 1'b1, 1'd0);
        apply(1'h1, 2'd1, '1, 1'b1, '1, 1'h1, 1'h1);
        apply(1'h1, 2'h1, 1'h0, 1'h1, 1'h1, 1'h0, 1'b1);
        apply(1'b0, 2'h2, 1'h1, '1, 1'h1, 1'h0, 1'h1);
        apply(1'h1, 2'h1, '0, 1'h1, 1'b1, 1'h1, 1'h1);
        apply(1'h1, 2'h1, 1'h1, 1'h1, 1'h1, 1'b0, 1'b1);
        apply(1'h1, 2'h2, 1'h0, 1'b1, 1'b0, 1'b1, 1'h0);
        repeat (3) begin
            for (int k = 0; k < 7; k++) apply(1'($urandom), k, 1'($urandom), 1'($urandom), $urandom_range(0, 1), $urandom % 2, 1'($urandom));
        end
        check_outputs_known("test 14");

        // ---------------- Test 15: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h1, 1'h1, 1'b0, 1'h1, 1'h1, 1'b1);
        apply('1, 2'h3, 1'h1, 1'b0, 1'h1, 1'b1, 1'h1);
        apply(1'h1, 2'h1, 1'b0, '1, 1'd0, 1'b1, 1'h1);
        apply(1'b1, 2'h3, 1'b1, 1'b0, 1'h0, 1'b1, '0);
        apply(1'h1, 2'd0, 1'b1, 1'b0, 1'h1, 1'b0, 1'h1);
        apply(1'd0, 2'h1, 1'h1, 1'h1, 1'b0, 1'h0, 1'b1);
        apply(1'b1, 2'h1, 1'h1, 1'b0, '0, 1'b1, 1'b0);
        apply(1'h1, '0, 1'h0, 1'h1, 1'b1, 1'b1, 1'h1);
        apply(1'h1, 2'd1, '1, 1'h1, 1'b0, 1'b0, 1'h1);
        apply(1'b0, 2'h3, 1'b0, 1'b1, 1'd0, 1'h1, 1'b1);
        apply(1'h1, 2'h1, 1'h0, 1'b0, '0, 1'b1, 1'h1);
        apply('1, 2'h3, '1, '1, 1'b1, 1'b0, 1'b1);
        check_outputs_known("test 15");

        // ---------------- Test 16: toggle control inputs ----------------
        test_num = test_num + 1;
        apply(1'b1, 2'h1, 1'h0, 1'h1, 1'b0, 1'b1, 1'h1);
        apply(1'b0, 2'h2, 1'h1, 1'h1, 1'h1, 1'b0, 1'h1);
        apply(1'b0, 2'h2, '1, '1, 1'b1, 1'b0, '1);
        apply(1'h1, 2'h2, 1'd0, 1'h1, 1'b0, '1, 1'h1);
        apply(1'h1, 2'd1, '0, 1'b1, 1'h1, 1'h0, 1'b1);
        apply(1'b1, 2'd1, '1, 1'b1, 1'b1, 1'b0, 1'b1);
        apply(1'h1, 2'h1, 1'h1, 1'h1, '1, 1'h0, 1'h1);
        apply('1, 2'd1, 1'b1, 1'h1, 1'b1, 1'b1, 1'h1);
        apply(1'b1, 2'h0, '1, '1, 1'h1, 1'b1, '1);
        apply(1'h1, 2'h2, 1'h1, 1'b1, '1, 1'd0, 1'b0);
        apply(1'h1, 2'd1, 1'h1, '0, 1'b1, 1'h1, 1'b0);
        apply(1'b1, 2'h1, '1, 1'b1, 1'b0, 1'h1, '1);
        check_outputs_known("test 16");

        // ---------------- Test 17: all zeros ----------------
        test_num = test_num + 1;
        $display("Test %0d: all zeros", test_num);
        apply(1'h1, 2'h2, 1'h1, 1'h1, 1'b1, 1'h1, 1'b0);
        apply(1'h1, 2'h2, 1'b0, '0, 1'h1, 1'h1, 1'd0);
        apply('1, 2'd1, 1'b1, 1'd0, 1'h1, 1'h1, 1'b1);
        apply(1'b1, 2'h3, 1'h1, 1'b0, 1'h0, 1'b1, 1'h1);
        apply(1'h1, 2'h1, 1'h1, 1'h1, '1, 1'b1, 1'h0);
        apply(1'd0, 2'h1, 1'h1, 1'h1, '1, 1'b1, 1'h1);
        apply(1'b0, 2'h1, 1'h1, 1'b1, 1'b1, 1'd0, 1'b0);
        apply(1'b1, 2'h1, 1'd0, 1'b0, 1'b0, 1'b1, 1'b1);
        apply(1'b1, '1, 1'h1, 1'b1, 1'd0, 1'h1, 1'h0);
        apply(1'h1, 2'h1, 1'h1, 1'b1, '0, 1'h1, 1'b1);
        apply(1'b1, 2'd1, 1'b0, 1'h1, 1'h1, 1'h1, 1'h1);
        repeat (6) begin
            for (int k = 0; k < 7; k++) apply($urandom % 2, k, $urandom % 2, 1'($urandom), $urandom_range(0, 1), $urandom % 2, 1'($urandom));
        end
        check_outputs_known("test 17");

        // ---------------- Test 18: all ones ----------------
        test_num = test_num + 1;
        apply('1, 2'h3, 1'h1, 1'h1, 1'b0, 1'h1, 1'd0);
        apply(1'h1, 2'h3, 1'b1, 1'd0, 1'h1, 1'b1, 1'b1);
        apply(1'h1, 2'h1, 1'h0, '1, 1'd0, 1'b1, 1'b1);
        apply(1'b1, 2'd1, '1, 1'h1, '1, 1'b0, 1'b1);
        apply(1'h0, 2'h2, 1'b1, '1, 1'b1, 1'h1, 1'h1);
        apply(1'b0, 2'h3, 1'h1, 1'b1, 1'b0, 1'b0, 1'b1);
        apply(1'd0, '1, 1'h1, 1'b1, 1'h1, 1'b1, 1'h1);
        apply(1'h0, 2'd1, 1'b1, 1'h0, 1'h1, 1'b1, 1'b1);
        apply(1'b1, 2'h2, 1'h1, 1'b0, 1'b1, '1, 1'b1);
        apply(1'b1, 2'h3, 1'h0, 1'h1, '1, 1'b1, 1'd0);
        apply(1'b1, 2'h3, '1, 1'h0, 1'h1, 1'h1, 1'b1);
        repeat (3) begin
            for (int k = 0; k < 6; k++) apply(1'($urandom), k, 1'($urandom), 1'($urandom), $urandom % 2, $urandom_range(0, 1), 1'($urandom));
        end
        check_outputs_known("test 18");

        // ---------------- Test 19: maximum on first operand ----------------
        test_num = test_num + 1;
        apply(1'h1, 2'h0, 1'h1, 1'b0, 1'b1, 1'h1, '1);
        apply(1'h1, 2'h1, '1, 1'h1, 1'b1, 1'b1, 1'h1);
        apply(1'b1, 2'h0, '1, 1'b0, '1, 1'b1, 1'h1);
        apply(1'b1, 2'h1, 1'h1, 1'b1, 1'b1, '0, 1'b1);
        apply(1'h1, 2'h3, 1'd0, 1'b1, 1'h1, '0, 1'h1);
        apply(1'b1, 2'h2, 1'h1, 1'b1, 1'h1, 1'h1, '1);
        apply(1'h0, 2'h1, 1'h0, 1'b1, 1'h1, 1'h1, 1'h1);
        apply('1, 2'h0, '1, 1'h1, 1'b1, 1'b0, 1'b0);
        repeat (6) begin
            for (int k = 0; k < 3; k++) apply($urandom_range(0, 1), k, $urandom % 2, $urandom % 2, 1'($urandom), $urandom_range(0, 1), 1'($urandom));
        end
        check_outputs_known("test 19");

        // Corner-value table
        begin
            logic [1:0] corners [6];
            corners = '{'0, '1, 2'h1, 2'd1, 2'h2, 2'h1};
            foreach (corners[idx]) begin
                apply($urandom_range(0, 1), corners[idx], $urandom_range(0, 1), $urandom % 2, $urandom % 2, $urandom_range(0, 1), 1'($urandom));
                check_outputs_known($sformatf("corner %0d", idx));
            end
        end
        // Walking ones on encoder_type
        for (int bit_idx = 0; bit_idx < $bits(encoder_type); bit_idx++) begin
            encoder_type = '0;
            encoder_type[bit_idx] = 1'b1;
            @(posedge clk_in);
        end
        // Sweep encoder_type with every other input random, a few passes
        repeat (2) begin
            for (int k = 0; k < 4; k++) begin
                encoder_type = k;
                pulse_active_state = 1'($urandom);
                clk_enable_in = $urandom % 2;
                data_in = $urandom_range(0, 1);
                output_gate_in = 1'($urandom);
                @(posedge clk_in);
            end
        end
        // Random regression
        random_vectors(NUM_RANDOM);
        // Reset again and re-run a short sequence
        reset_dut(3);
        random_vectors(32);

        $display("==========================================");
        $display("  Tests run : %0d", test_num);
        $display("  Passed    : %0d", passed);
        $display("  Failed    : %0d", fail_count);
        $display("==========================================");
        if (fail_count == 0) $display("ALL TESTS PASSED");
        $finish;
    end

endmodule
