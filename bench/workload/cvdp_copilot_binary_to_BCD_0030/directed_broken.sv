// ========================================================================
// Testbench for binary_to_bcd
// Directed testbench: numbered tests with explicit stimulus and checks
// Instance name "uut" is required by the coverage flow.
// ========================================================================
`timescale 1ns / 1ps

module tb;

    localparam int NUM_RANDOM = 200;

    // DUT inputs
    logic [7:0] binary_in;

    // DUT outputs
    logic [11:0] bcd_out;

    // Device under test
    binary_to_bcd uut (
        .binary_in_i(binary_in),
        .bcd_out(bcd_out)
    );

    integer pass_count = 0;
    integer num_fail = 0;
    integer test_num = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Drive one input vector and wait one cycle
    task automatic apply(
        input logic [7:0] binary_in_v
    );
        begin
            binary_in = binary_in_v;
            #20;
        end
    endtask

    // Record one check: a condition that must hold
    task automatic check(input bit ok, input string what);
        if (ok) begin
            pass_count = pass_count + 1;
            if (verbose) $display("PASS: %s", what);
        end else begin
            num_fail = num_fail + 1;
            $error("FAIL: %s at %0t", what, $time);
        end
    endtask

    task automatic check_outputs_known(input string where);
        check(!$isunknown(bcd_out), {where, ": bcd_out known"});
    endtask

    task automatic random_vectors(input int n);
        for (int i = 0; i < n; i++) begin
            apply(8'($urandom));
            if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
        end
    endtask

    task automatic reset_dut(input int cycles = 3);
        begin
            binary_in = '0;
            #(cycles * 20);
            #1;
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(*) begin
        if (checks_enabled) begin
            if ($isunknown(bcd_out)) begin
                $error("[%0t] bcd_out is unknown: %b", $time, bcd_out);
                num_fail++;
            end
        end
    end

    localparam longint TIMEOUT_NS = 5_000_000;
    initial begin : watchdog
        #(TIMEOUT_NS);
        $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
    end

    initial begin
        $display("Starting binary_to_bcd directed test");
        reset_dut();
        checks_enabled = 1;
        check_outputs_known("after reset");

        // ---------------- Test 1: random values ----------------
        test_num = test_num + 1;
        apply(8'h94);
        apply('1);
        apply(8'h12);
        apply(8'h0);
        apply(8'h55);
        apply(8'h73);
        apply(8'd1);
        apply('0);
        apply(8'h55);
        repeat (2) begin
            for (int k = 0; k < 5; k++) apply($urandom);
        end
        check_outputs_known("test 1");

        // ---------------- Test 2: back-to-back changes ----------------
        test_num = test_num + 1;
        apply('0);
        apply('1);
        apply('1);
        apply('1);
        apply(8'hc3);
        check_outputs_known("test 2");

        // ---------------- Test 3: boundary values ----------------
        test_num = test_num + 1;
        apply(8'h55);
        apply('0);
        apply('1);
        apply('0);
        apply(8'hff);
        apply(8'h55);
        apply(8'hd);
        apply('1);
        apply(8'h2b);
        apply(8'h40);
        apply(8'hb7);
        apply(8'd1);
        repeat (2) begin
            for (int k = 0; k < 5; k++) apply(8'($urandom));
        end
        check_outputs_known("test 3");

        // ---------------- Test 4: all ones ----------------
        test_num = test_num + 1;
        $display("Test %0d: all ones", test_num);
        apply('1);
        apply(8'h55);
        apply(8'hff);
        apply('0);
        apply(8'h55);
        check_outputs_known("test 4");

        // ---------------- Test 5: toggle control inputs ----------------
        test_num = test_num + 1;
        $display("Test %0d: toggle control inputs", test_num);
        apply(8'h2e);
        apply(8'h2);
        apply(8'h55);
        apply(8'h40);
        apply(8'h55);
        apply(8'd1);
        apply(8'hec);
        apply(8'd1);
        apply(8'hff);
        apply('0);
        apply(8'h20);
        check_outputs_known("test 5");

        // ---------------- Test 6: single bit set ----------------
        test_num = test_num + 1;
        apply(8'hc7);
        apply('1);
        apply(8'hb7);
        apply(8'h28);
        apply(8'h8);
        apply(8'h55);
        apply(8'hff);
        apply(8'h55);
        apply(8'h55);
        check_outputs_known("test 6");

        // ---------------- Test 7: random values ----------------
        test_num = test_num + 1;
        apply(8'h3d);
        apply(8'h40);
        apply(8'd1);
        apply(8'h4d);
        apply(8'h0);
        apply(8'h9);
        apply('1);
        apply(8'd1);
        apply('1);
        apply(8'h55);
        check_outputs_known("test 7");

        // ---------------- Test 8: toggle control inputs ----------------
        test_num = test_num + 1;
        apply(8'd1);
        apply(8'h55);
        apply(8'hb1);
        apply(8'd1);
        apply(8'd0);
        apply(8'hff);
        apply(8'h10);
        apply(8'h63);
        check_outputs_known("test 8");

        // ---------------- Test 9: boundary values ----------------
        test_num = test_num + 1;
        $display("Test %0d: boundary values", test_num);
        apply(8'h19);
        apply(8'd0);
        apply(8'h80);
        apply('1);
        apply(8'h62);
        apply(8'h55);
        apply(8'he3);
        apply(8'h55);
        apply(8'h6b);
        apply(8'h10);
        apply(8'd1);
        check_outputs_known("test 9");

        // ---------------- Test 10: boundary values ----------------
        test_num = test_num + 1;
        apply('1);
        apply(8'h55);
        apply(8'h55);
        apply(8'h91);
        apply(8'h85);
        check_outputs_known("test 10");

        // ---------------- Test 11: maximum on first operand ----------------
        test_num = test_num + 1;
        apply(8'h8);
        apply('0);
        apply(8'h69);
        apply(8'd1);
        apply(8'h7a);
        apply(8'h82);
        apply('1);
        apply(8'd1);
        apply(8'h31);
        apply(8'h3b);
        apply(8'h73);
        apply(8'h72);
        check_outputs_known("test 11");

        // ---------------- Test 12: alternating pattern ----------------
        test_num = test_num + 1;
        apply(8'h55);
        apply('1);
        apply(8'h12);
        apply('1);
        apply(8'h55);
        apply(8'h9b);
        check_outputs_known("test 12");

        // ---------------- Test 13: boundary values ----------------
        test_num = test_num + 1;
        apply(8'h55);
        apply(8'h55);
        apply(8'h55);
        apply(8'h0);
        apply(8'h55);
        check_outputs_known("test 13");

        // ---------------- Test 14: boundary values ----------------
        test_num = test_num + 1;
        apply(8'd0);
        apply('0);
        apply(8'he4);
        apply('0);
        apply(8'h49);
        apply(8'd0);
        repeat (4) begin
            for (int k = 0; k < 2; k++) apply($urandom_range(0, 255));
        end
        check_outputs_known("test 14");

        // ---------------- Test 15: alternating pattern ----------------
        test_num = test_num + 1;
        $display("Test %0d: alternating pattern", test_num);
        apply(8'h0);
        apply(8'h0);
        apply(8'h94);
        apply(8'hf3);
        apply(8'h55);
        apply(8'd1);
        apply(8'ha0);
        apply('0);
        apply(8'hff);
        apply(8'h55);
        repeat (3) begin
            for (int k = 0; k < 8; k++) apply($random);
        end
        check_outputs_known("test 15");

        // ---------------- Test 16: all zeros ----------------
        test_num = test_num + 1;
        apply('0);
        apply(8'hff);
        apply(8'h9e);
        apply(8'h55);
        apply(8'hff);
        apply(8'd0);
        apply(8'h7c);
        apply(8'h63);
        apply('1);
        repeat (6) begin
            for (int k = 0; k < 6; k++) apply($urandom);
        end
        check_outputs_known("test 16");

        // ---------------- Test 17: alternating pattern ----------------
        test_num = test_num + 1;
        apply('1);
        apply(8'hff);
        apply(8'h55);
        apply(8'h64);
        apply(8'h0);
        apply(8'd0);
        apply(8'h40);
        apply(8'd1);
        apply(8'h55);
        apply(8'h40);
        apply(8'hff);
        repeat (4) begin
            for (int k = 0; k < 6; k++) apply($urandom);
        end
        check_outputs_known("test 17");

        // ---------------- Test 18: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(8'h4);
        apply(8'hc6);
        apply(8'h10);
        apply(8'd0);
        apply(8'd1);
        apply(8'h16);
        apply(8'hff);
        apply(8'h2b);
        apply(8'd1);
        apply(8'hf7);
        apply(8'd1);
        apply('1);
        check_outputs_known("test 18");

        // ---------------- Test 19: toggle control inputs ----------------
        test_num = test_num + 1;
        apply(8'd1);
        apply(8'd1);
        apply(8'd1);
        apply(8'h10);
        apply(8'he2);
        apply(8'd1);
        check_outputs_known("test 19");

        // ---------------- Test 20: single bit set ----------------
        test_num = test_num + 1;
        apply(8'he1);
        apply(8'h76);
        apply('0);
        apply('1);
        apply(8'h9a);
        repeat (4) begin
            for (int k = 0; k < 4; k++) apply($urandom);
        end
        check_outputs_known("test 20");

        // Corner-value table
        begin
            logic [7:0] corners [6];
            corners = '{8'd0, 8'hff, 8'h55, 8'd1, 8'hdf, 8'h20};
            foreach (corners[idx]) begin
                apply(corners[idx]);
                check_outputs_known($sformatf("corner %0d", idx));
            end
        end
        // Walking ones on binary_in
        for (int n = 0; n < $bits(binary_in); n++) begin
            binary_in = '0;
            binary_in[n] = 1'b1;
            #20;
        end
        // Sweep binary_in with every other input random, a few passes
        repeat (4) begin
            for (int k = 0; k < 64; k++) begin
                binary_in = k;
                #20;
            end
        end
        // Random regression
        random_vectors(NUM_RANDOM);

        $display("==========================================");
        $display("  Tests run : %0d", test_num);
        $display("  Passed    : %0d", pass_count);
        $display("  Failed    : %0d", num_fail);
        $display("==========================================");
        if (num_fail == 0) $display("ALL TESTS PASSED");
        $finish;
    end

endmodule
