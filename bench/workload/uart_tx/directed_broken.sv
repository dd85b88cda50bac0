// ************************************************************
// Testbench for uart_tx
// Directed testbench: numbered tests with explicit stimulus and checks
// Instance name "dut" is required by the coverage flow.
// ************************************************************
`timescale 1ns/1ns

module tb;

    // Parameters (defaults of the DUT)
    localparam CLKS_PER_BIT = 8;

    localparam int CLK_PERIOD = 8;
    localparam int NUM_RANDOM = 256;

    // DUT inputs
    logic clk;
    logic rst_n;
    logic tx_start;
    logic [7:0] tx_data;
    logic parity_en;
    logic parity_odd;
    logic two_stop;

    // DUT outputs
    logic tx;
    logic busy;
    logic tx_done;

    // Device under test
    uart_tx dut (
        .clk(clk),
        .rst_n_i(rst_n),
        .tx_start(tx_start),
        .tx_data(tx_data),
        .parity_en(parity_en),
        .parity_odd(parity_odd),
        .two_stop(two_stop),
        .tx(tx),
        .busy(busy),
        .tx_done(tx_done)
    );

    // Clock generation
    initial clk = 0;
    always #(CLK_PERIOD/2) clk = ~clk;

    integer pass_count = 0;
    integer fail_count = 0;
    integer test_num = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Drive one input vector and wait one cycle
    task automatic apply_inputs(
        input logic tx_start_v,
        input logic [7:0] tx_data_v,
        input logic parity_en_v,
        input logic parity_odd_v,
        input logic two_stop_v
    );
        begin
            tx_start = tx_start_v;
            tx_data = tx_data_v;
            parity_en = parity_en_v;
            parity_odd = parity_odd_v;
            two_stop = two_stop_v;
            @(posedge clk);
        end
    endtask

    // Record one check: a condition that must hold
    task automatic check(input bit ok, input string what);
        if (ok) begin
            pass_count = pass_count + 1;
            if (verbose) $display("PASS: %s", what);
        end else begin
            fail_count = fail_count + 1;
            $error("FAIL: %s at %0t", what, $time);
        end
    endtask

    task automatic check_outputs_known(input string where);
        check(!$isunknown(tx), {where, ": tx known"});
        check(!$isunknown(busy), {where, ": busy known"});
        check(!$isunknown(tx_done), {where, ": tx_done known"});
    endtask

    task automatic random_vectors(input int n);
        for (int i = 0; i < n; i++) begin
            apply_inputs($urandom_range(0, 1), 8'($urandom), $urandom_range(0, 1), 1'($urandom), 1'($urandom));
            if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
        end
    endtask

    task automatic reset_dut(input int cycles = 4);
        begin
            tx_start = '0;
            tx_data = '0;
            parity_en = '0;
            parity_odd = '0;
            two_stop = '0;
            rst_n = 1'b0;
            repeat (cycles) @(posedge clk);
            rst_n = 1'b1;
            @(posedge clk);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clk) begin
        if (checks_enabled && rst_n) begin
            if ($isunknown(tx)) begin
                $error("[%0t] tx is unknown: %b", $time, tx);
                fail_count++;
            end
            if ($isunknown(busy)) begin
                $error("[%0t] busy is unknown: %b", $time, busy);
                fail_count++;
            end
            if ($isunknown(tx_done)) begin
                $error("[%0t] tx_done is unknown: %b", $time, tx_done);
                fail_count++;
            end
        end
    end

    initial begin
        #(1_000_000) $error("Timeout! The test did not finish");
        $finish;
    end

    initial begin
        $display("Starting uart_tx directed test");
        reset_dut();
        checks_enabled = 1;
        check_outputs_known("after reset");

        // ---------------- Test 1: toggle control inputs ----------------
        test_num = test_num + 1;
        apply_inputs(1'b1, 8'hd5, 1'h1, 1'b1, 1'b0);
        apply_inputs(1'b1, 8'h20, 1'h1, 1'b1, 1'b1);
        apply_inputs(1'b1, 8'd0, 1'h1, 1'h1, 1'h1);
        apply_inputs(1'b0, 8'd0, 1'h0, 1'b1, 1'h1);
        apply_inputs(1'd0, 8'h0, 1'h1, 1'd0, 1'h0);
        apply_inputs('1, 8'h55, 1'b1, '1, 1'h1);
        apply_inputs(1'b0, 8'hff, '1, 1'h1, 1'b1);
        check_outputs_known("test 1");

        // ---------------- Test 2: hold inputs stable ----------------
        test_num = test_num + 1;
        apply_inputs(1'd0, '1, 1'h1, 1'b0, '1);
        apply_inputs(1'b1, 8'h1, 1'b0, 1'h1, 1'b1);
        apply_inputs(1'b1, 8'hff, 1'b1, 1'b1, 1'h1);
        apply_inputs(1'b1, 8'hff, 1'h1, 1'd0, 1'h1);
        apply_inputs(1'h1, 8'h55, 1'b0, 1'h1, 1'd0);
        check_outputs_known("test 2");

        // ---------------- Test 3: random values ----------------
        test_num = test_num + 1;
        $display("Test %0d: random values", test_num);
        apply_inputs(1'h1, 8'h60, 1'h0, 1'b1, 1'h1);
        apply_inputs(1'b1, 8'hff, 1'b1, 1'b0, 1'h1);
        apply_inputs(1'd0, 8'h55, 1'b1, 1'h1, 1'h1);
        apply_inputs(1'b1, 8'd1, 1'b1, 1'h1, 1'h0);
        apply_inputs('1, '1, 1'h1, 1'b1, 1'b0);
        apply_inputs(1'h1, 8'd0, 1'h1, 1'h1, 1'b1);
        apply_inputs(1'h1, 8'h2e, 1'b1, 1'b0, 1'b1);
        apply_inputs(1'h0, 8'h20, '0, 1'b1, 1'b1);
        apply_inputs(1'h1, 8'h0, 1'b1, 1'b1, '1);
        apply_inputs(1'h1, 8'h93, 1'h1, '1, 1'b1);
        check_outputs_known("test 3");

        // ---------------- Test 4: maximum on first operand ----------------
        test_num = test_num + 1;
        apply_inputs('1, 8'h6f, 1'h0, 1'h1, 1'b1);
        apply_inputs(1'b1, 8'hff, 1'h1, 1'b1, 1'h0);
        apply_inputs(1'd0, 8'd1, 1'b1, 1'h1, 1'h1);
        apply_inputs(1'b1, 8'he8, 1'h1, 1'b1, 1'b1);
        apply_inputs(1'b1, 8'hbe, 1'h1, 1'b0, 1'h1);
        apply_inputs(1'b0, 8'h8, 1'b1, 1'h1, 1'b1);
        check_outputs_known("test 4");

        // ---------------- Test 5: alternating pattern ----------------
        test_num = test_num + 1;
        apply_inputs('1, 8'd1, 1'h1, 1'b0, 1'h1);
        apply_inputs(1'b1, 8'd0, 1'h0, 1'd0, 1'h1);
        apply_inputs(1'h1, 8'h7c, 1'h1, 1'h1, 1'b0);
        apply_inputs(1'b1, 8'hb3, 1'h1, '1, 1'b0);
        repeat (6) begin
            for (int k = 0; k < 6; k++) apply_inputs($urandom_range(0, 1), k, $urandom_range(0, 1), $urandom_range(0, 1), $urandom % 2);
        end
        check_outputs_known("test 5");

        // ---------------- Test 6: maximum on first operand ----------------
        test_num = test_num + 1;
        apply_inputs(1'h1, 8'h55, 1'b1, 1'b0, 1'h1);
        apply_inputs(1'h1, 8'hd6, 1'd0, 1'b0, 1'b1);
        apply_inputs(1'b1, 8'h4, 1'b1, 1'b0, 1'b0);
        apply_inputs(1'b0, 8'h85, 1'd0, '1, '0);
        apply_inputs('0, 8'hab, 1'h1, 1'h1, 1'b0);
        apply_inputs(1'b0, '1, 1'h1, 1'h1, 1'h1);
        apply_inputs(1'b1, 8'h55, 1'd0, 1'h1, 1'b1);
        apply_inputs('0, 8'h35, 1'b0, 1'h1, '1);
        apply_inputs(1'b1, 8'h10, 1'b0, 1'h0, 1'h1);
        apply_inputs(1'h1, 8'h2, 1'b1, 1'h1, 1'b0);
        apply_inputs(1'b1, 8'h6, '0, 1'b0, 1'h1);
        apply_inputs(1'h1, 8'd1, 1'b1, 1'b1, 1'b1);
        check_outputs_known("test 6");

        // ---------------- Test 7: boundary values ----------------
        test_num = test_num + 1;
        apply_inputs('0, 8'h20, '1, 1'b1, 1'b0);
        apply_inputs(1'h1, 8'h13, 1'b1, 1'h1, 1'h1);
        apply_inputs(1'h1, 8'h4, 1'h1, 1'h0, 1'b1);
        apply_inputs(1'b1, 8'd1, 1'h0, '0, 1'b1);
        apply_inputs(1'h0, 8'h55, '0, 1'b1, 1'b1);
        apply_inputs(1'h1, 8'h55, 1'h1, 1'h1, '0);
        apply_inputs(1'b0, 8'h6c, 1'h0, 1'h1, 1'b1);
        apply_inputs(1'b1, 8'd1, 1'h1, 1'b1, 1'h1);
        apply_inputs(1'h0, 8'h40, 1'b1, 1'b1, 1'h1);
        apply_inputs(1'h1, 8'ha0, 1'h1, 1'b1, 1'd0);
        apply_inputs(1'h1, 8'hfc, 1'b1, 1'b1, 1'b1);
        check_outputs_known("test 7");

        // ---------------- Test 8: single bit set ----------------
        test_num = test_num + 1;
        apply_inputs(1'b0, 8'd1, 1'h1, 1'h1, 1'h1);
        apply_inputs(1'b1, 8'hff, 1'b1, 1'b0, 1'b1);
        apply_inputs(1'h0, 8'hf3, 1'b1, 1'h1, 1'b0);
        apply_inputs(1'h1, 8'hc7, 1'b0, 1'b1, 1'b0);
        apply_inputs(1'b1, 8'h80, 1'h0, 1'b1, 1'b1);
        check_outputs_known("test 8");

        // ---------------- Test 9: random values ----------------
        test_num = test_num + 1;
        apply_inputs('1, 8'h6, 1'b1, 1'b1, 1'b1);
        apply_inputs(1'b0, '0, 1'h1, 1'b0, 1'b1);
        apply_inputs(1'h1, 8'd1, 1'b0, 1'b1, 1'h1);
        apply_inputs(1'b0, '0, 1'b0, 1'h1, 1'b1);
        apply_inputs(1'b1, 8'h19, 1'h1, 1'b0, '1);
        apply_inputs(1'h0, 8'd0, 1'b1, 1'b1, 1'h1);
        apply_inputs(1'd0, '0, 1'h1, 1'b0, 1'h0);
        apply_inputs(1'h1, 8'h43, 1'b1, 1'b0, 1'h1);
        apply_inputs(1'h1, 8'h0, '0, 1'h1, 1'b1);
        apply_inputs(1'h1, 8'd1, 1'h1, '0, 1'b0);
        repeat (6) begin
            for (int k = 0; k < 4; k++) apply_inputs(1'($urandom), 8'($urandom), $urandom % 2, $urandom % 2, 1'($urandom));
        end
        check_outputs_known("test 9");

        // ---------------- Test 10: alternating pattern ----------------
        test_num = test_num + 1;
        $display("Test %0d: alternating pattern", test_num);
        apply_inputs(1'h1, 8'h4, 1'h1, 1'h1, 1'h1);
        apply_inputs(1'h1, '0, 1'b0, 1'h1, 1'b1);
        apply_inputs(1'b1, 8'h3, 1'b1, 1'd0, 1'b0);
        apply_inputs(1'h1, 8'h55, '1, 1'b1, 1'b1);
        apply_inputs(1'b1, 8'd1, 1'b0, '0, 1'h1);
        apply_inputs(1'h1, 8'h55, 1'b0, 1'b1, 1'h1);
        apply_inputs(1'b1, 8'h72, 1'b0, 1'h1, 1'h1);
        check_outputs_known("test 10");

        // ---------------- Test 11: maximum on first operand ----------------
        test_num = test_num + 1;
        apply_inputs('1, 8'hff, 1'h1, 1'b0, '1);
        apply_inputs(1'b1, 8'h20, 1'h1, 1'h1, 1'b0);
        apply_inputs('1, 8'h55, 1'b0, 1'h0, 1'b1);
        apply_inputs(1'h1, 8'h3e, 1'b0, 1'b1, 1'd0);
        apply_inputs(1'b1, '1, '1, 1'h0, 1'b1);
        apply_inputs(1'b1, '0, 1'b1, 1'h1, 1'h1);
        apply_inputs(1'h0, 8'h2b, 1'd0, 1'h1, 1'h1);
        apply_inputs(1'h1, 8'd0, 1'b1, 1'h1, 1'h1);
        apply_inputs(1'h1, '0, 1'b0, '0, 1'b1);
        apply_inputs('1, 8'h41, 1'h1, 1'd0, 1'h1);
        apply_inputs(1'h1, 8'd0, 1'h1, 1'b0, 1'b1);
        apply_inputs(1'h1, 8'h55, 1'b1, 1'h1, 1'h1);
        check_outputs_known("test 11");

        // ---------------- Test 12: boundary values ----------------
        test_num = test_num + 1;
        apply_inputs(1'b1, 8'h0, 1'b1, 1'h1, '0);
        apply_inputs('0, '0, 1'h1, 1'b1, 1'b0);
        apply_inputs(1'b1, 8'd1, '1, 1'b1, 1'd0);
        apply_inputs(1'h1, 8'h80, 1'b1, 1'h1, 1'h0);
        repeat (6) begin
            for (int k = 0; k < 4; k++) apply_inputs($urandom_range(0, 1), k, $urandom % 2, $urandom % 2, $urandom_range(0, 1));
        end
        check_outputs_known("test 12");

        // ---------------- Test 13: boundary values ----------------
        test_num = test_num + 1;
        apply_inputs(1'b1, 8'h1, 1'b1, 1'b0, 1'h0);
        apply_inputs(1'h1, 8'd1, 1'd0, 1'b1, 1'b1);
        apply_inputs(1'b1, 8'h55, '1, 1'b1, 1'h1);
        apply_inputs(1'b1, 8'h2a, 1'd0, 1'd0, 1'h1);
        apply_inputs('1, '0, '0, 1'h1, 1'h1);
        apply_inputs(1'h0, 8'hed, 1'b1, 1'b1, 1'h1);
        apply_inputs(1'h1, 8'h55, 1'h1, '1, 1'h1);
        apply_inputs(1'b1, '1, 1'b1, '0, 1'b1);
        apply_inputs(1'h0, 8'h27, 1'd0, 1'b0, 1'h1);
        apply_inputs(1'h1, 8'h55, 1'h1, 1'h1, '0);
        apply_inputs(1'h1, 8'd1, 1'h1, 1'b0, '1);
        apply_inputs(1'h0, 8'h55, 1'b0, 1'b1, '0);
        repeat (2) begin
            for (int k = 0; k < 6; k++) apply_inputs(1'($urandom), $urandom_range(0, 255), $urandom_range(0, 1), $urandom_range(0, 1), $urandom % 2);
        end
        check_outputs_known("test 13");

        // ---------------- Test 14: all zeros ----------------
        test_num = test_num + 1;
        apply_inputs(1'h1, 8'hdf, 1'h1, '1, 1'h1);
        apply_inputs(1'b1, 8'h77, 1'b1, 1'b1, 1'h1);
        apply_inputs(1'h1, 8'd0, 1'h1, 1'b0, 1'h1);
        apply_inputs(1'h1, 8'd1, 1'b1, 1'b1, 1'h1);
        apply_inputs(1'h1, '1, 1'h1, 1'h1, 1'h1);
        apply_inputs('1, 8'h0, 1'h1, 1'b1, 1'b1);
        apply_inputs(1'h1, 8'h64, 1'd0, 1'b0, 1'h1);
        check_outputs_known("test 14");

        // ---------------- Test 15: random values ----------------
        test_num = test_num + 1;
        apply_inputs(1'b1, 8'd1, '1, 1'h1, 1'h1);
        apply_inputs('1, 8'h84, '1, 1'h1, '1);
        apply_inputs(1'b1, '0, 1'b1, 1'h1, 1'b1);
        apply_inputs(1'b1, '1, 1'h0, 1'h0, 1'h1);
        apply_inputs(1'b1, 8'h1, 1'd0, 1'h1, 1'h1);
        apply_inputs(1'd0, '1, 1'b1, '0, 1'b0);
        apply_inputs(1'd0, 8'h4, '1, 1'b1, 1'b1);
        apply_inputs(1'h1, 8'd1, 1'h1, 1'h1, 1'b1);
        apply_inputs(1'h1, 8'd1, 1'd0, 1'h1, '0);
        apply_inputs(1'd0, 8'hf5, 1'b1, 1'h1, 1'h1);
        apply_inputs('0, '1, 1'b1, 1'b1, 1'h1);
        check_outputs_known("test 15");

        // ---------------- Test 16: single bit set ----------------
        test_num = test_num + 1;
        apply_inputs(1'h1, 8'hff, 1'b0, 1'b1, 1'h1);
        apply_inputs(1'b1, 8'h2, 1'h1, '0, 1'b1);
        apply_inputs(1'b1, 8'h40, 1'b0, 1'd0, 1'b0);
        apply_inputs(1'h1, 8'hfd, 1'b1, 1'b1, 1'h1);
        apply_inputs('0, 8'h5f, 1'b0, 1'd0, 1'b0);
        apply_inputs(1'b1, '1, 1'h0, 1'h1, '1);
        apply_inputs(1'b0, '1, 1'b1, 1'h1, 1'h1);
        apply_inputs(1'h0, 8'hd9, 1'h1, 1'd0, 1'h1);
        apply_inputs(1'b1, 8'h40, 1'b0, 1'b0, 1'b1);
        apply_inputs(1'h1, 8'hbe, 1'b1, 1'b0, 1'd0);
        apply_inputs(1'b0, 8'hd5, 1'b0, 1'h1, 1'h1);
        apply_inputs(1'h1, 8'hf5, 1'h0, 1'h1, 1'b1);
        repeat (5) begin
            for (int k = 0; k < 4; k++) apply_inputs(1'($urandom), k, 1'($urandom), $urandom_range(0, 1), $urandom_range(0, 1));
        end
        check_outputs_known("test 16");

        // ---------------- Test 17: all zeros ----------------
        test_num = test_num + 1;
        apply_inputs(1'b1, 8'h3d, 1'b1, 1'h1, 1'b0);
        apply_inputs(1'h1, 8'd1, 1'h1, 1'b1, 1'd0);
        apply_inputs(1'b1, 8'h55, 1'b1, 1'b1, 1'h1);
        apply_inputs(1'b0, 8'hf4, 1'h1, 1'b1, 1'b1);
        check_outputs_known("test 17");

        // ---------------- Test 18: maximum on first operand ----------------
        test_num = test_num + 1;
        apply_inputs(1'b1, '0, 1'h0, 1'h1, '0);
        apply_inputs(1'h1, 8'h9e, 1'b1, 1'd0, 1'd0);
        apply_inputs(1'b1, 8'h87, 1'h1, 1'h1, '0);
        apply_inputs(1'b0, 8'd1, 1'h1, '0, 1'h1);
        apply_inputs(1'h1, 8'hb8, 1'h0, 1'h1, 1'b1);
        apply_inputs(1'b0, 8'd0, '1, 1'h0, 1'h1);
        apply_inputs(1'b0, 8'h55, 1'h0, 1'h1, 1'h1);
        check_outputs_known("test 18");

        // ---------------- Test 19: alternating pattern ----------------
        test_num = test_num + 1;
        apply_inputs(1'b0, 8'd1, '1, 1'h1, 1'h0);
        apply_inputs(1'h1, 8'hff, 1'h1, 1'h1, 1'h1);
        apply_inputs(1'h1, 8'hff, 1'b0, 1'h1, 1'h0);
        apply_inputs(1'b0, 8'h65, 1'h1, 1'h1, 1'h0);
        apply_inputs(1'h1, 8'hd7, '0, 1'h0, 1'b1);
        apply_inputs(1'b1, 8'd1, 1'h1, 1'h1, 1'b1);
        apply_inputs('0, 8'hff, 1'b1, 1'h0, 1'b0);
        apply_inputs(1'b0, 8'h1, 1'b1, '0, 1'h0);
        apply_inputs(1'b0, 8'h20, '1, 1'b0, 1'h1);
        apply_inputs(1'd0, 8'd1, 1'b0, 1'h1, 1'b0);
        apply_inputs('1, 8'h55, '1, 1'h1, 1'b1);
        apply_inputs(1'h1, 8'h67, 1'h1, 1'h1, 1'h1);
        repeat (4) begin
            for (int k = 0; k < 7; k++) apply_inputs($urandom % 2, $urandom, $urandom % 2, $urandom % 2, $urandom_range(0, 1));
        end
        check_outputs_known("test 19");

        // ---------------- Test 20: hold inputs stable ----------------
        test_num = test_num + 1;
        apply_inputs(1'h1, 8'd1, 1'b1, 1'h1, 1'b0);
        apply_inputs(1'h0, 8'd1, 1'h0, 1'h1, 1'h1);
        apply_inputs(1'd0, '1, 1'h0, 1'h1, 1'd0);
        apply_inputs(1'h1, 8'h55, 1'h1, 1'd0, 1'h1);
        apply_inputs('1, 8'd1, 1'b1, 1'h1, 1'h1);
        apply_inputs(1'h1, 8'hff, 1'b1, 1'h1, 1'b0);
        apply_inputs('1, 8'h55, 1'b1, '1, 1'h0);
        apply_inputs(1'h0, 8'h8c, 1'h1, 1'b1, 1'h1);
        apply_inputs('1, 8'h55, 1'b0, 1'h1, 1'b1);
        apply_inputs(1'b1, 8'h0, 1'h1, 1'b1, '0);
        apply_inputs(1'h1, '1, 1'h1, 1'b1, 1'b1);
        check_outputs_known("test 20");

        // ---------------- Test 21: boundary values ----------------
        test_num = test_num + 1;
        apply_inputs('1, '1, 1'b1, 1'b1, 1'b1);
        apply_inputs(1'h1, 8'h0, '0, 1'h1, 1'h1);
        apply_inputs(1'h1, 8'hd3, 1'h1, 1'b1, 1'b1);
        apply_inputs(1'b0, 8'h4, 1'b0, '1, 1'b0);
        apply_inputs('1, 8'h55, 1'h1, '0, 1'h1);
        apply_inputs(1'b1, 8'h55, 1'b1, 1'b0, 1'b1);
        apply_inputs(1'h1, 8'h0, 1'b1, 1'h1, 1'b0);
        apply_inputs(1'h1, 8'h0, 1'h1, 1'b1, 1'h1);
        apply_inputs(1'b0, 8'h55, 1'h1, 1'b0, 1'b1);
        check_outputs_known("test 21");

        // ---------------- Test 22: all zeros ----------------
        test_num = test_num + 1;
        $display("Test %0d: all zeros", test_num);
        apply_inputs('1, 8'd1, 1'h1, '1, 1'b1);
        apply_inputs(1'h1, '1, 1'b1, 1'b1, 1'h1);
        apply_inputs(1'h1, 8'hf0, 1'b1, 1'h1, 1'b1);
        apply_inputs(1'b1, 8'h20, 1'h1, 1'b1, 1'h1);
        apply_inputs(1'b0, 8'hed, 1'h1, 1'h1, 1'h1);
        apply_inputs('1, 8'd1, 1'b1, 1'h1, 1'b1);
        apply_inputs(1'h1, 8'd1, 1'b0, 1'b1, 1'h1);
        apply_inputs(1'b1, 8'h55, 1'd0, 1'h1, 1'h1);
        apply_inputs(1'b0, 8'hff, '1, 1'h1, 1'b1);
        apply_inputs(1'h1, 8'd0, 1'b1, 1'd0, '0);
        apply_inputs(1'h1, 8'd1, '1, 1'b0, 1'h1);
        repeat (3) begin
            for (int k = 0; k < 7; k++) apply_inputs($urandom_range(0, 1), $urandom, $urandom_range(0, 1), $urandom_range(0, 1), $urandom_range(0, 1));
        end
        check_outputs_known("test 22");

        // ---------------- Test 23: all zeros ----------------
        test_num = test_num + 1;
        apply_inputs(1'd0, 8'h55, 1'b1, 1'b0, 1'b1);
        apply_inputs(1'h1, 8'h55, 1'h1, 1'h1, 1'h1);
        apply_inputs(1'h0, 8'h55, 1'b0, 1'b0, 1'h1);
        apply_inputs(1'b0, 8'h55, 1'h1, 1'b0, 1'b1);
        repeat (6) begin
            for (int k = 0; k < 7; k++) apply_inputs($urandom_range(0, 1), k, $urandom_range(0, 1), $urandom_range(0, 1), $urandom % 2);
        end
        check_outputs_known("test 23");

        // ---------------- Test 24: single bit set ----------------
        test_num = test_num + 1;
        $display("Test %0d: single bit set", test_num);
        apply_inputs(1'b1, 8'h7f, 1'b0, 1'h1, 1'b0);
        apply_inputs(1'h1, 8'hff, '1, 1'h1, 1'b0);
        apply_inputs(1'h1, 8'd1, 1'b1, 1'b1, 1'b1);
        apply_inputs(1'h1, '1, 1'b0, 1'b0, 1'h1);
        apply_inputs(1'd0, 8'h0, 1'b1, 1'h1, 1'h1);
        apply_inputs(1'h1, 8'h20, 1'b1, 1'h1, 1'b0);
        apply_inputs(1'b1, 8'hdb, 1'b1, 1'b1, 1'h1);
        apply_inputs(1'h1, 8'h37, 1'h1, 1'b0, '0);
        apply_inputs(1'b0, 8'hdc, 1'd0, 1'b1, 1'b1);
        apply_inputs(1'h1, '0, 1'h1, 1'b1, 1'b0);
        apply_inputs(1'h1, 8'h2, 1'h0, 1'b0, 1'b1);
        check_outputs_known("test 24");

        // ---------------- Test 25: single bit set ----------------
        test_num = test_num + 1;
        apply_inputs(1'b0, '0, 1'h1, 1'b1, 1'b0);
        apply_inputs(1'b1, 8'h8, 1'b0, 1'b1, 1'h1);
        apply_inputs('1, 8'h50, 1'h1, 1'd0, 1'h1);
        apply_inputs('1, 8'hff, 1'h1, '1, 1'h1);
        apply_inputs(1'd0, 8'hdd, 1'b1, 1'b1, 1'b1);
        apply_inputs(1'b0, 8'h73, 1'h1, 1'h1, '1);
        apply_inputs(1'b1, '1, '0, '1, 1'b1);
        apply_inputs(1'b0, 8'h4, 1'b0, 1'b0, 1'h1);
        apply_inputs(1'h1, 8'had, 1'b1, 1'b1, 1'b1);
        apply_inputs(1'h1, 8'h55, 1'b1, 1'b1, '1);
        repeat (4) begin
            for (int k = 0; k < 4; k++) apply_inputs($urandom % 2, $random, 1'($urandom), $urandom % 2, 1'($urandom));
        end
        check_outputs_known("test 25");

        // ---------------- Test 26: all ones ----------------
        test_num = test_num + 1;
        $display("Test %0d: all ones", test_num);
        apply_inputs(1'b1, 8'h9b, 1'b1, 1'b0, 1'h1);
        apply_inputs(1'b0, 8'h55, 1'b1, 1'h1, 1'd0);
        apply_inputs(1'b0, 8'd1, 1'b1, 1'b1, 1'b0);
        apply_inputs(1'b1, 8'h80, 1'h1, '1, 1'b1);
        apply_inputs('1, 8'd1, 1'b0, '1, 1'b0);
        repeat (6) begin
            for (int k = 0; k < 4; k++) apply_inputs($urandom % 2, $random, 1'($urandom), 1'($urandom), 1'($urandom));
        end
        check_outputs_known("test 26");

        // ---------------- Test 27: all zeros ----------------
        test_num = test_num + 1;
        apply_inputs(1'h0, 8'hff, 1'b1, 1'h1, 1'b0);
        apply_inputs(1'b0, 8'h7f, 1'b1, 1'h1, 1'b1);
        apply_inputs(1'h1, '1, 1'h0, 1'b0, 1'h1);
        apply_inputs(1'b1, 8'h9d, 1'b0, 1'h1, 1'h1);
        apply_inputs(1'b1, 8'hf9, 1'h1, 1'b1, 1'h1);
        apply_inputs(1'h1, '1, 1'b1, 1'h1, 1'h1);
        apply_inputs(1'b0, 8'h68, 1'b1, 1'b0, 1'b0);
        apply_inputs(1'b1, '1, 1'b1, '1, 1'd0);
        apply_inputs(1'h1, 8'd1, 1'b0, 1'h1, 1'h1);
        repeat (6) begin
            for (int k = 0; k < 2; k++) apply_inputs($urandom_range(0, 1), k, $urandom_range(0, 1), 1'($urandom), $urandom_range(0, 1));
        end
        check_outputs_known("test 27");

        // ---------------- Test 28: all ones ----------------
        test_num = test_num + 1;
        apply_inputs(1'b1, 8'h5c, 1'h1, '1, 1'h0);
        apply_inputs(1'h1, 8'h43, 1'h1, '1, 1'b1);
        apply_inputs(1'b1, 8'h55, 1'h1, 1'b1, '1);
        apply_inputs(1'h1, '1, '1, 1'h1, 1'h1);
        apply_inputs(1'h1, 8'd0, 1'b0, '0, 1'h1);
        apply_inputs(1'b0, 8'h40, 1'h1, 1'h1, 1'h1);
        apply_inputs(1'b1, 8'd1, 1'h1, 1'h1, 1'h1);
        apply_inputs(1'h1, 8'hff, 1'b0, 1'h1, 1'b1);
        apply_inputs(1'b0, 8'd1, 1'd0, 1'b0, 1'h1);
        apply_inputs(1'h1, 8'h0, 1'b1, 1'b0, 1'b1);
        repeat (3) begin
            for (int k = 0; k < 6; k++) apply_inputs(1'($urandom), $urandom, $urandom_range(0, 1), $urandom_range(0, 1), 1'($urandom));
        end
        check_outputs_known("test 28");

        // Corner-value table
        begin
            logic [7:0] corners [6];
            corners = '{8'h0, 8'hff, 8'h55, 8'd1, 8'h42, 8'h80};
            foreach (corners[idx]) begin
                apply_inputs($urandom_range(0, 1), corners[idx], $urandom_range(0, 1), $urandom % 2, 1'($urandom));
                check_outputs_known($sformatf("corner %0d", idx));
            end
        end
        // Walking ones on tx_data
        for (int i = 0; i < $bits(tx_data); i++) begin
            tx_data = '0;
            tx_data[i] = 1'b1;
            @(posedge clk);
        end
        // Sweep tx_data with every other input random, a few passes
        repeat (2) begin
            for (int k = 0; k < 64; k++) begin
                tx_data = k;
                tx_start = 1'($urandom);
                parity_en = 1'($urandom);
                parity_odd = $urandom % 2;
                two_stop = $urandom % 2;
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
        $display("  Passed    : %0d", pass_count);
        $display("  Failed    : %0d", fail_count);
        $display("==========================================");
        if (fail_count == 0) $display("ALL TESTS PASSED");
        $finish;
    end

endmodule
