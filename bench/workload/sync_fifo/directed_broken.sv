// Directed testbench: numbered tests with explicit stimulus and checks: sync_fifo
`timescale 1ns / 1ps

module tb_sync_fifo_top;

    // Parameters (defaults of the DUT)
    localparam DEPTH = 8;
    localparam WIDTH = 8;
    localparam AF_LEVEL = DEPTH - 2;
    localparam AE_LEVEL = 2;

    localparam int CLK_PERIOD = 4;
    localparam int NUM_RANDOM = 400;

    // DUT inputs
    logic clk;
    logic rst_n;
    logic wr_en;
    logic [WIDTH-1:0] wr_data;
    logic rd_en;

    // DUT outputs
    logic [WIDTH-1:0] rd_data;
    logic rd_valid;
    logic full;
    logic empty;
    logic almost_full;
    logic almost_empty;
    logic overflow;
    logic underflow;
    logic [$clog2(DEPTH):0] count;

    // Device under test
    sync_fifo #(
        .AF_LEVEL(AF_LEVEL),
        .AE_LEVEL(AE_LEVEL)
    ) dut (
        .clk(clk),
        .rst_n_i(rst_n),
        .wr_en(wr_en),
        .wr_data(wr_data),
        .rd_en(rd_en),
        .rd_data(rd_data),
        .rd_valid(rd_valid),
        .full(full),
        .empty(empty),
        .almost_full(almost_full),
        .almost_empty(almost_empty),
        .overflow(overflow),
        .underflow(underflow),
        .count(count)
    );

    // Clock generation
    initial begin
        clk = 1'b0;
        forever #(CLK_PERIOD/2) clk = ~clk;
    end

    integer passed = 0;
    integer errors = 0;
    integer test_num = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Drive one input vector and wait one cycle
    task automatic drive_inputs(
        input logic wr_en_v,
        input logic [WIDTH-1:0] wr_data_v,
        input logic rd_en_v
    );
        begin
            wr_en = wr_en_v;
            wr_data = wr_data_v;
            rd_en = rd_en_v;
            @(posedge clk);
            #1;
        end
    endtask

    // Record one check: a condition that must hold
    task automatic check(input bit ok, input string what);
        if (ok) begin
            passed = passed + 1;
            if (verbose) $display("PASS: %s", what);
        end else begin
            errors = errors + 1;
            $error("FAIL: %s at %0t", what, $time);
        end
    endtask

    task automatic check_outputs_known(input string where);
        check(!$isunknown(rd_data), {where, ": rd_data known"});
        check(!$isunknown(rd_valid), {where, ": rd_valid known"});
        check(!$isunknown(full), {where, ": full known"});
        check(!$isunknown(empty), {where, ": empty known"});
        check(!$isunknown(almost_full), {where, ": almost_full known"});
        check(!$isunknown(almost_empty), {where, ": almost_empty known"});
    endtask

    task automatic random_vectors(input int n);
        for (int i = 0; i < n; i++) begin
            drive_inputs($urandom_range(0, 1), $urandom, 1'($urandom));
            if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
        end
    endtask

    task automatic reset_dut(input int cycles = 5);
        begin
            wr_en = '0;
            wr_data = '0;
            rd_en = '0;
            rst_n = 1'b0;
            repeat (cycles) @(posedge clk);
            rst_n = 1'b1;
            @(posedge clk);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clk) begin
        if (checks_enabled && rst_n) begin
            if ($isunknown(rd_data)) begin
                $error("[%0t] rd_data is unknown: %b", $time, rd_data);
                errors++;
            end
            if ($isunknown(rd_valid)) begin
                $error("[%0t] rd_valid is unknown: %b", $time, rd_valid);
                errors++;
            end
            if ($isunknown(full)) begin
                $error("[%0t] full is unknown: %b", $time, full);
                errors++;
            end
            if ($isunknown(empty)) begin
                $error("[%0t] empty is unknown: %b", $time, empty);
                errors++;
            end
            if ($isunknown(almost_full)) begin
                $error("[%0t] almost_full is unknown: %b", $time, almost_full);
                errors++;
            end
            if ($isunknown(almost_empty)) begin
                $error("[%0t] almost_empty is unknown: %b", $time, almost_empty);
                errors++;
            end
            if ($isunknown(overflow)) begin
                $error("[%0t] overflow is unknown: %b", $time, overflow);
                errors++;
            end
            if ($isunknown(underflow)) begin
                $error("[%0t] underflow is unknown: %b", $time, underflow);
                errors++;
            end
        end
    end

    initial begin
        #(5_000_000) $error("Timeout! The test did not finish");
        $finish;
    end

    initial begin
        $display("Starting sync_fifo directed test");
        reset_dut();
        checks_enabled = 1;
        check_outputs_known("after reset");

        // ---------------- Test 1: alternating pattern ----------------
        test_num = test_num + 1;
        drive_inputs(1'h0, 8'hec, 1'h1);
        drive_inputs(1'b1, 8'he4, 1'h1);
        drive_inputs(1'h1, 8'h1b, '1);
        drive_inputs(1'h1, 8'h8, 1'h1);
        drive_inputs(1'h1, 8'hff, 1'd0);
        drive_inputs(1'h1, 8'd1, 1'b0);
        drive_inputs(1'd0, 8'd0, 1'b0);
        drive_inputs(1'h1, 8'h0, 1'b1);
        drive_inputs('1, 8'hff, '1);
        drive_inputs('1, 8'd0, '0);
        check_outputs_known("test 1");

        // ---------------- Test 2: toggle control inputs ----------------
        test_num = test_num + 1;
        $display("Test %0d: toggle control inputs", test_num);
        drive_inputs(1'h1, 8'h0, 1'h1);
        drive_inputs('0, 8'h55, 1'h1);
        drive_inputs(1'b0, 8'h81, 1'h1);
        drive_inputs(1'b1, 8'd1, 1'h1);
        drive_inputs(1'b1, 8'h8, 1'b0);
        drive_inputs('1, '1, 1'b1);
        drive_inputs('1, 8'h55, 1'h1);
        drive_inputs('0, 8'h80, 1'h1);
        drive_inputs(1'b1, 8'h64, 1'b0);
        drive_inputs(1'h1, 8'hbf, 1'h1);
        drive_inputs(1'b1, '1, 1'b1);
        repeat (3) begin
            for (int k = 0; k < 6; k++) drive_inputs($urandom % 2, $urandom_range(0, 255), 1'($urandom));
        end
        check_outputs_known("test 2");

        // ---------------- Test 3: random values ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 8'h55, 1'h1);
        drive_inputs(1'h1, 8'hdb, 1'h1);
        drive_inputs(1'h1, 8'h55, 1'b1);
        drive_inputs(1'h1, 8'h55, 1'b1);
        drive_inputs(1'b1, 8'h8d, 1'h1);
        drive_inputs(1'b0, 8'd1, '1);
        drive_inputs(1'h1, 8'h55, 1'h1);
        drive_inputs(1'h1, 8'h10, 1'h1);
        drive_inputs(1'h1, 8'h55, 1'b0);
        drive_inputs(1'h1, 8'd0, 1'b1);
        drive_inputs(1'h0, 8'hef, 1'h1);
        drive_inputs(1'h1, 8'hff, 1'h1);
        check_outputs_known("test 3");

        // ---------------- Test 4: maximum on first operand ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 8'h3a, 1'b1);
        drive_inputs(1'h1, 8'd0, '1);
        drive_inputs(1'b0, '0, 1'b1);
        drive_inputs(1'b1, 8'd1, 1'b0);
        drive_inputs(1'b0, 8'hd0, '1);
        drive_inputs(1'b1, 8'h43, 1'h1);
        drive_inputs(1'b1, 8'd1, 1'b0);
        drive_inputs(1'h1, 8'h55, '0);
        drive_inputs('1, 8'h44, 1'h1);
        check_outputs_known("test 4");

        // ---------------- Test 5: back-to-back changes ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 8'h55, 1'b0);
        drive_inputs(1'h1, 8'h2, 1'd0);
        drive_inputs(1'h1, 8'd1, 1'b0);
        drive_inputs(1'h0, 8'h40, 1'h1);
        drive_inputs(1'd0, 8'hff, 1'h1);
        drive_inputs(1'h1, '0, 1'h1);
        drive_inputs(1'b1, 8'h77, 1'h1);
        drive_inputs(1'b1, 8'h55, '1);
        drive_inputs('0, 8'd1, 1'h1);
        drive_inputs(1'h1, 8'h55, 1'b1);
        drive_inputs(1'b0, 8'hff, 1'h1);
        repeat (5) begin
            for (int k = 0; k < 3; k++) drive_inputs(1'($urandom), k, $urandom_range(0, 1));
        end
        check_outputs_known("test 5");

        // ---------------- Test 6: random values ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 8'h2, 1'b0);
        drive_inputs(1'b1, 8'h86, 1'h1);
        drive_inputs(1'b1, 8'h55, '1);
        drive_inputs(1'b1, 8'h4, 1'h1);
        drive_inputs('0, 8'hff, 1'h1);
        drive_inputs(1'h1, 8'h2f, 1'h1);
        drive_inputs(1'h1, 8'h35, 1'b1);
        drive_inputs(1'b1, '1, 1'h0);
        drive_inputs(1'b1, '1, 1'h1);
        drive_inputs(1'b1, 8'h2, 1'h1);
        drive_inputs(1'h1, 8'd1, 1'h1);
        repeat (6) begin
            for (int k = 0; k < 4; k++) drive_inputs($urandom_range(0, 1), 8'($urandom), $urandom % 2);
        end
        check_outputs_known("test 6");

        // ---------------- Test 7: all zeros ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 8'h4a, 1'h0);
        drive_inputs(1'h1, 8'h91, 1'h1);
        drive_inputs('1, 8'h8, 1'd0);
        drive_inputs(1'h1, 8'h80, 1'd0);
        drive_inputs(1'h1, 8'd1, 1'b0);
        drive_inputs(1'd0, 8'hc1, 1'h1);
        drive_inputs(1'd0, 8'd1, '1);
        drive_inputs(1'h1, 8'd1, 1'h1);
        drive_inputs(1'h1, 8'h78, 1'h1);
        drive_inputs(1'b0, 8'hff, 1'b1);
        drive_inputs(1'b0, 8'd0, '1);
        drive_inputs(1'b0, 8'h4, '1);
        check_outputs_known("test 7");

        // ---------------- Test 8: toggle control inputs ----------------
        test_num = test_num + 1;
        $display("Test %0d: toggle control inputs", test_num);
        drive_inputs(1'b1, 8'h2, 1'b1);
        drive_inputs(1'b0, 8'hc, 1'h0);
        drive_inputs(1'h1, 8'h55, 1'b1);
        drive_inputs('1, 8'h2, 1'b1);
        repeat (2) begin
            for (int k = 0; k < 5; k++) drive_inputs($urandom_range(0, 1), $urandom, 1'($urandom));
        end
        check_outputs_known("test 8");

        // ---------------- Test 9: alternating pattern ----------------
        test_num = test_num + 1;
        $display("Test %0d: alternating pattern", test_num);
        drive_inputs(1'h1, 8'h0, 1'b0);
        drive_inputs(1'b1, 8'd1, 1'h1);
        drive_inputs(1'd0, '1, '1);
        drive_inputs(1'b1, 8'd1, 1'b1);
        drive_inputs(1'b1, 8'h2, 1'b1);
        drive_inputs(1'b1, 8'h43, 1'b0);
        drive_inputs(1'b0, 8'd1, 1'b1);
        drive_inputs(1'h0, 8'h2, 1'd0);
        check_outputs_known("test 9");

        // ---------------- Test 10: hold inputs stable ----------------
        test_num = test_num + 1;
        drive_inputs(1'd0, '1, 1'd0);
        drive_inputs(1'h0, 8'h20, 1'b0);
        drive_inputs(1'b1, 8'd1, 1'b1);
        drive_inputs(1'b0, 8'h0, 1'b1);
        check_outputs_known("test 10");

        // ---------------- Test 11: maximum on first operand ----------------
        test_num = test_num + 1;
        drive_inputs(1'b0, 8'hf7, 1'h1);
        drive_inputs('1, 8'h0, 1'b1);
        drive_inputs(1'h1, 8'hff, 1'b1);
        drive_inputs(1'b1, 8'h1, 1'b1);
        drive_inputs(1'h1, 8'h55, 1'h1);
        repeat (3) begin
            for (int k = 0; k < 4; k++) drive_inputs($urandom % 2, $urandom, $urandom_range(0, 1));
        end
        check_outputs_known("test 11");

        // ---------------- Test 12: alternating pattern ----------------
        test_num = test_num + 1;
        $display("Test %0d: alternating pattern", test_num);
        drive_inputs(1'h1, 8'h97, 1'd0);
        drive_inputs(1'h1, 8'h74, '0);
        drive_inputs(1'h1, 8'd1, 1'h1);
        drive_inputs(1'h1, 8'd0, 1'h1);
        drive_inputs(1'b1, 8'h69, 1'b0);
        drive_inputs('1, '1, 1'b1);
        drive_inputs(1'h1, 8'd0, 1'h0);
        check_outputs_known("test 12");

        // ---------------- Test 13: hold inputs stable ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 8'h80, 1'b1);
        drive_inputs(1'b0, 8'hd2, 1'b1);
        drive_inputs(1'h1, 8'h4f, 1'h1);
        drive_inputs(1'b0, 8'h5c, 1'b1);
        drive_inputs(1'b0, 8'h8, 1'b1);
        check_outputs_known("test 13");

        // ---------------- Test 14: alternating pattern ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 8'h55, 1'h1);
        drive_inputs(1'b0, 8'h20, 1'b1);
        drive_inputs('0, 8'd1, 1'b0);
        drive_inputs(1'h1, 8'h80, 1'd0);
        drive_inputs(1'h1, 8'h0, 1'h1);
        drive_inputs(1'b1, 8'h55, 1'h1);
        drive_inputs(1'b0, 8'h16, 1'b1);
        drive_inputs(1'h1, 8'h55, '0);
        drive_inputs('1, 8'h1, '1);
        drive_inputs(1'b0, 8'h4, 1'b0);
        check_outputs_known("test 14");

        // ---------------- Test 15: boundary values ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 8'h2, '1);
        drive_inputs(1'b0, 8'd1, 1'b1);
        drive_inputs(1'h1, 8'hff, 1'b1);
        drive_inputs('1, 8'h55, 1'h1);
        drive_inputs(1'h1, 8'h47, '0);
        drive_inputs(1'h1, '0, 1'h1);
        drive_inputs(1'b0, 8'd1, 1'h1);
        drive_inputs(1'h1, 8'hfc, 1'h1);
        drive_inputs(1'h1, '1, 1'd0);
        drive_inputs(1'b1, 8'hce, '1);
        drive_inputs(1'b1, 8'h80, 1'b1);
        check_outputs_known("test 15");

        // ---------------- Test 16: toggle control inputs ----------------
        test_num = test_num + 1;
        $display("Test %0d: toggle control inputs", test_num);
        drive_inputs(1'b1, 8'hc8, 1'h1);
        drive_inputs(1'b1, 8'd0, 1'b0);
        drive_inputs(1'b1, '0, 1'h1);
        drive_inputs('0, 8'h10, 1'b0);
        drive_inputs(1'b1, 8'h2, 1'b1);
        drive_inputs(1'h1, 8'h40, 1'h1);
        drive_inputs(1'h0, 8'h55, 1'h1);
        drive_inputs(1'b1, 8'h0, 1'b1);
        drive_inputs(1'h1, 8'h55, 1'h1);
        drive_inputs(1'b1, 8'h13, 1'b1);
        drive_inputs(1'b1, 8'h94, 1'h1);
        check_outputs_known("test 16");

        // ---------------- Test 17: all ones ----------------
        test_num = test_num + 1;
        drive_inputs(1'b0, 8'hff, '1);
        drive_inputs(1'h1, 8'h55, '0);
        drive_inputs('0, 8'd1, 1'b0);
        drive_inputs(1'b1, 8'h55, 1'h1);
        drive_inputs(1'b1, 8'hd2, 1'b0);
        drive_inputs('1, 8'h9c, '1);
        drive_inputs('1, 8'hc4, 1'd0);
        drive_inputs(1'h1, '1, 1'h1);
        drive_inputs(1'h1, 8'h10, 1'b1);
        repeat (3) begin
            for (int k = 0; k < 8; k++) drive_inputs($urandom_range(0, 1), $random, 1'($urandom));
        end
        check_outputs_known("test 17");

        // ---------------- Test 18: back-to-back changes ----------------
        test_num = test_num + 1;
        drive_inputs(1'd0, 8'h9d, 1'b1);
        drive_inputs(1'h1, 8'h7f, '0);
        drive_inputs(1'b1, '1, 1'd0);
        drive_inputs(1'h1, '0, 1'b1);
        drive_inputs(1'b0, 8'h55, 1'h1);
        drive_inputs(1'b1, 8'h73, 1'b1);
        drive_inputs(1'h1, 8'h68, 1'b1);
        check_outputs_known("test 18");

        // ---------------- Test 19: boundary values ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 8'hf2, 1'h1);
        drive_inputs(1'b1, 8'h80, 1'b0);
        drive_inputs(1'b1, 8'h55, 1'b1);
        drive_inputs(1'h1, 8'h4, 1'd0);
        check_outputs_known("test 19");

        // ---------------- Test 20: boundary values ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 8'h4f, 1'b0);
        drive_inputs(1'b1, 8'hb0, 1'h1);
        drive_inputs(1'h1, 8'h55, 1'b1);
        drive_inputs('1, 8'hb8, 1'h1);
        drive_inputs('0, '1, 1'h1);
        drive_inputs(1'h1, 8'h6d, '1);
        drive_inputs(1'h0, 8'h2d, '0);
        drive_inputs(1'b1, 8'd1, 1'b0);
        drive_inputs(1'b0, 8'd1, 1'b1);
        check_outputs_known("test 20");

        // ---------------- Test 21: boundary values ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 8'h8d, 1'b1);
        drive_inputs(1'b1, 8'h55, 1'b0);
        drive_inputs(1'b0, 8'h7c, 1'b1);
        drive_inputs(1'h1, 8'h38, '0);
        drive_inputs(1'b0, 8'h7b, 1'b1);
        drive_inputs(1'b1, 8'd0, 1'h0);
        drive_inputs(1'b1, 8'hfe, 1'h1);
        drive_inputs('0, 8'h5f, 1'b1);
        drive_inputs('0, 8'h2c, '0);
        drive_inputs(1'h1, 8'd1, 1'h1);
        repeat (2) begin
            for (int k = 0; k < 8; k++) drive_inputs($urandom % 2, k, $urandom_range(0, 1));
        end
        check_outputs_known("test 21");

        // ---------------- Test 22: back-to-back changes ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 8'd1, 1'b1);
        drive_inputs(1'b1, 8'd1, 1'h1);
        drive_inputs('1, 8'ha1, 1'h1);
        drive_inputs(1'b0, 8'hd3, 1'h1);
        check_outputs_known("test 22");

        // ---------------- Test 23: maximum on first operand ----------------
        test_num = test_num + 1;
        $display("Test %0d: maximum on first operand", test_num);
        drive_inputs(1'h1, '1, 1'h1);
        drive_inputs(1'h1, 8'hfc, 1'b1);
        drive_inputs(1'b0, 8'hb3, 1'h1);
        drive_inputs(1'h1, 8'h0, 1'd0);
        repeat (6) begin
            for (int k = 0; k < 2; k++) drive_inputs(1'($urandom), k, 1'($urandom));
        end
        check_outputs_known("test 23");

        // ---------------- Test 24: random values ----------------
        test_num = test_num + 1;
        drive_inputs('1, 8'd0, 1'b0);
        drive_inputs(1'h1, 8'h0, 1'd0);
        drive_inputs(1'b0, 8'h55, 1'h1);
        drive_inputs(1'h1, 8'hff, 1'h0);
        drive_inputs(1'b1, 8'h1e, 1'h1);
        drive_inputs('1, 8'h47, '0);
        drive_inputs(1'b0, 8'h54, 1'b1);
        check_outputs_known("test 24");

        // ---------------- Test 25: all zeros ----------------
        test_num = test_num + 1;
        drive_inputs(1'b1, 8'h80, 1'b1);
        drive_inputs(1'h1, 8'h40, 1'h1);
        drive_inputs(1'h1, 8'h80, 1'b1);
        drive_inputs(1'b0, '0, 1'b1);
        drive_inputs(1'b1, 8'h57, 1'h1);
        drive_inputs('1, 8'he4, 1'b1);
        drive_inputs(1'b1, 8'hf4, 1'h1);
        drive_inputs(1'd0, 8'h55, 1'h1);
        drive_inputs('1, 8'hc, '1);
        drive_inputs(1'b0, '0, '1);
        drive_inputs('0, 8'hff, 1'b0);
        drive_inputs('1, 8'h67, 1'b0);
        check_outputs_known("test 25");

        // ---------------- Test 26: all ones ----------------
        test_num = test_num + 1;
        drive_inputs(1'h1, 8'h49, 1'b1);
        drive_inputs('1, 8'h50, 1'h1);
        drive_inputs(1'h1, 8'h0, 1'h0);
        drive_inputs(1'b1, 8'h40, 1'h0);
        drive_inputs(1'b1, 8'd1, 1'b1);
        drive_inputs(1'b1, '0, 1'b1);
        drive_inputs(1'b1, 8'h55, 1'b0);
        drive_inputs(1'b0, '0, 1'h1);
        drive_inputs('1, 8'hff, 1'h1);
        check_outputs_known("test 26");

        // ---------------- Test 27: hold inputs stable ----------------
        test_num = test_num + 1;
        drive_inputs(1'd0, 8'hff, 1'b1);
        drive_inputs(1'h1, 8'h0, 1'h1);
        drive_inputs(1'b1, 8'h55, 1'h1);
        drive_inputs(1'h1, 8'h55, 1'b0);
        drive_inputs(1'h1, 8'h4, '0);
        drive_inputs(1'h1, 8'h55, 1'b1);
        drive_inputs(1'b0, 8'h20, 1'h1);
        drive_inputs(1'b0, 8'h0, 1'h1);
        drive_inputs(1'h1, 8'hab, 1'h1);
        check_outputs_known("test 27");

        // ---------------- Test 28: boundary values ----------------
        test_num = test_num + 1;
        $display("Test %0d: boundary values", test_num);
        drive_inputs(1'd0, 8'ha1, 1'b1);
        drive_inputs(1'b0, 8'h55, 1'h1);
        drive_inputs(1'h1, 8'h94, 1'b1);
        drive_inputs(1'h1, 8'h55, 1'b0);
        repeat (4) begin
            for (int k = 0; k < 6; k++) drive_inputs($urandom_range(0, 1), k, $urandom_range(0, 1));
        end
        check_outputs_known("test 28");

        // ---------------- Test 29: toggle control inputs ----------------
        test_num = test_num + 1;
        drive_inputs('1, 8'h91, 1'b1);
        drive_inputs(1'h1, 8'hff, 1'b1);
        drive_inputs(1'h1, 8'h24, 1'h1);
        drive_inputs(1'h1, 8'h69, '1);
        drive_inputs(1'b0, 8'h20, 1'h1);
        drive_inputs(1'h1, 8'ha7, 1'h1);
        check_outputs_known("test 29");

        // ---------------- Test 30: back-to-back changes ----------------
        test_num = test_num + 1;
        drive_inputs('0, 8'hff, 1'h1);
        drive_inputs(1'b0, 8'd1, 1'b0);
        drive_inputs(1'b1, '0, 1'h0);
        drive_inputs(1'b1, 8'd1, 1'b0);
        drive_inputs(1'h1, 8'd1, '1);
        drive_inputs(1'b0, 8'h69, 1'h1);
        drive_inputs(1'b1, '1, 1'b1);
        drive_inputs(1'h1, 8'h4, '0);
        drive_inputs(1'b1, 8'h55, 1'h1);
        drive_inputs(1'h1, 8'h55, 1'h1);
        drive_inputs(1'b1, 8'd1, 1'h1);
        drive_inputs(1'h1, '0, 1'h1);
        repeat (3) begin
            for (int k = 0; k < 7; k++) drive_inputs($urandom % 2, $urandom, $urandom % 2);
        end
        check_outputs_known("test 30");

        // Corner-value table
        begin
            logic [WIDTH-1:0] corners [6];
            corners = '{8'd0, '1, 8'h55, 8'd1, 8'hd7, 8'h1};
            foreach (corners[idx]) begin
                drive_inputs($urandom % 2, corners[idx], $urandom_range(0, 1));
                check_outputs_known($sformatf("corner %0d", idx));
            end
        end
        // Walking ones on wr_data
        for (int bit_idx = 0; bit_idx < $bits(wr_data); bit_idx++) begin
            wr_data = '0;
            wr_data[bit_idx] = 1'b1;
            @(posedge clk);
        end
        // Sweep wr_data with every other input random, a few passes
        repeat (4) begin
            for (int k = 0; k < 64; k++) begin
                wr_data = k;
                wr_en = $urandom_range(0, 1);
                rd_en = $urandom_range(0, 1);
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
        $display("  Passed    : %0d", passed);
        $display("  Failed    : %0d", errors);
        $display("==========================================");
        if (errors == 0) $display("ALL TESTS PASSED");
        $finish;
    end

endmodule
