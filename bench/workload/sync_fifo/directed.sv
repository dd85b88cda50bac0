// Directed testbench: numbered tests with explicit stimulus and checks: sync_fifo
`timescale 1ns/1ns

module sync_fifo_tb;

    // Parameters (defaults of the DUT)
    localparam DEPTH = 8;
    localparam WIDTH = 8;
    localparam AF_LEVEL = DEPTH - 2;
    localparam AE_LEVEL = 2;

    localparam int CLK_PERIOD = 10;
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
        .WIDTH(WIDTH)
    ) dut (
        .clk(clk),
        .rst_n(rst_n),
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
    initial clk = 0;
    always #(CLK_PERIOD/2) clk = ~clk;

    integer pass_count = 0;
    integer errors = 0;
    integer test_num = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Drive one input vector and wait one cycle
    task automatic set_inputs(
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
            pass_count = pass_count + 1;
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
            set_inputs($urandom_range(0, 1), 8'($urandom), 1'($urandom));
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
        #(500_000) $error("Timeout! The test did not finish");
        $finish;
    end

    initial begin
        $display("Starting sync_fifo directed test");
        reset_dut();
        checks_enabled = 1;
        check_outputs_known("after reset");

        // ---------------- Test 1: alternating pattern ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, 8'hff, '1);
        set_inputs(1'b1, 8'h0, '1);
        set_inputs(1'h1, 8'h80, 1'b0);
        set_inputs(1'h1, '0, 1'd0);
        set_inputs(1'b1, 8'h95, 1'h1);
        set_inputs(1'b1, 8'h55, '0);
        check_outputs_known("test 1");

        // ---------------- Test 2: boundary values ----------------
        test_num = test_num + 1;
        set_inputs(1'h0, 8'h2d, 1'h0);
        set_inputs(1'b1, 8'd0, '0);
        set_inputs(1'b1, 8'd1, 1'b1);
        set_inputs(1'b1, '0, 1'd0);
        set_inputs(1'b0, 8'hd1, 1'b1);
        set_inputs('0, 8'h55, 1'h1);
        set_inputs(1'b1, 8'hd4, 1'h1);
        check_outputs_known("test 2");

        // ---------------- Test 3: all zeros ----------------
        test_num = test_num + 1;
        $display("Test %0d: all zeros", test_num);
        set_inputs(1'b1, 8'h37, 1'b1);
        set_inputs(1'b1, 8'hff, 1'b1);
        set_inputs(1'b0, '1, 1'b0);
        set_inputs(1'h1, 8'd1, 1'b1);
        check_outputs_known("test 3");

        // ---------------- Test 4: alternating pattern ----------------
        test_num = test_num + 1;
        set_inputs(1'h1, 8'd0, 1'd0);
        set_inputs('0, 8'h55, 1'b1);
        set_inputs(1'b0, 8'h80, 1'b0);
        set_inputs(1'b0, 8'h4, 1'b1);
        set_inputs(1'b1, 8'h0, 1'd0);
        set_inputs('0, 8'd1, 1'b1);
        set_inputs(1'b0, 8'h55, 1'h1);
        set_inputs(1'h1, 8'ha3, 1'b1);
        set_inputs(1'b0, 8'h55, 1'h0);
        set_inputs(1'b0, 8'h42, 1'b1);
        set_inputs(1'b1, '1, 1'b1);
        set_inputs(1'h1, 8'ha0, 1'h1);
        repeat (3) begin
            for (int k = 0; k < 7; k++) set_inputs($urandom_range(0, 1), k, 1'($urandom));
        end
        check_outputs_known("test 4");

        // ---------------- Test 5: back-to-back changes ----------------
        test_num = test_num + 1;
        $display("Test %0d: back-to-back changes", test_num);
        set_inputs(1'b1, 8'd0, '1);
        set_inputs('0, 8'h55, 1'h1);
        set_inputs(1'b0, 8'h5b, 1'h1);
        set_inputs(1'b1, 8'h55, 1'b1);
        set_inputs(1'h0, 8'h10, 1'b1);
        repeat (5) begin
            for (int k = 0; k < 8; k++) set_inputs(1'($urandom), k, $urandom_range(0, 1));
        end
        check_outputs_known("test 5");

        // ---------------- Test 6: all zeros ----------------
        test_num = test_num + 1;
        $display("Test %0d: all zeros", test_num);
        set_inputs(1'h1, 8'd1, 1'h1);
        set_inputs('0, 8'h80, 1'h0);
        set_inputs(1'b1, 8'h80, 1'b1);
        set_inputs(1'b0, 8'h9b, 1'h0);
        set_inputs(1'h1, 8'h55, 1'h1);
        set_inputs(1'h1, 8'h55, '0);
        set_inputs(1'd0, 8'h79, 1'h1);
        set_inputs('0, 8'h2, '0);
        set_inputs(1'h1, 8'h55, 1'h1);
        set_inputs('1, 8'h8, 1'h0);
        set_inputs('1, 8'h55, 1'h0);
        set_inputs(1'b0, 8'h4d, 1'h1);
        repeat (6) begin
            for (int k = 0; k < 8; k++) set_inputs(1'($urandom), 8'($urandom), $urandom_range(0, 1));
        end
        check_outputs_known("test 6");

        // ---------------- Test 7: all zeros ----------------
        test_num = test_num + 1;
        set_inputs(1'b0, '0, 1'h1);
        set_inputs(1'b1, 8'h0, '1);
        set_inputs('1, 8'h55, 1'h1);
        set_inputs(1'b0, 8'h6a, 1'h1);
        set_inputs(1'b1, 8'h9, 1'b1);
        set_inputs('1, '1, 1'h0);
        set_inputs(1'b1, '1, 1'b0);
        repeat (5) begin
            for (int k = 0; k < 7; k++) set_inputs($urandom_range(0, 1), $random, $urandom % 2);
        end
        check_outputs_known("test 7");

        // ---------------- Test 8: all zeros ----------------
        test_num = test_num + 1;
        set_inputs(1'b0, '0, 1'b0);
        set_inputs(1'b1, 8'hb7, 1'h1);
        set_inputs(1'h1, 8'ha, 1'h0);
        set_inputs('0, 8'd1, 1'b1);
        set_inputs(1'h1, 8'h5c, 1'b1);
        set_inputs(1'b1, 8'hb8, 1'h1);
        set_inputs(1'b1, 8'h82, '1);
        set_inputs(1'b1, 8'hff, 1'b1);
        set_inputs(1'h1, 8'h2, '0);
        check_outputs_known("test 8");

        // ---------------- Test 9: alternating pattern ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, 8'h39, '0);
        set_inputs('1, 8'hf2, 1'h0);
        set_inputs(1'h1, 8'h0, 1'b1);
        set_inputs(1'd0, 8'h55, 1'h1);
        set_inputs(1'b1, 8'h55, '1);
        set_inputs('0, '1, 1'h1);
        set_inputs(1'b1, 8'hbf, 1'h1);
        set_inputs(1'b0, 8'h7d, 1'b1);
        set_inputs(1'b1, 8'h10, 1'b1);
        set_inputs(1'b0, 8'hda, 1'b1);
        check_outputs_known("test 9");

        // ---------------- Test 10: toggle control inputs ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, '1, 1'h1);
        set_inputs(1'h1, 8'h12, 1'h0);
        set_inputs('0, 8'h8, 1'b1);
        set_inputs(1'h1, 8'hc2, 1'h1);
        set_inputs(1'h1, '1, 1'b1);
        repeat (3) begin
            for (int k = 0; k < 4; k++) set_inputs($urandom % 2, $random, 1'($urandom));
        end
        check_outputs_known("test 10");

        // ---------------- Test 11: maximum on first operand ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, 8'h0, 1'b0);
        set_inputs(1'h1, 8'h92, 1'h1);
        set_inputs(1'b1, 8'hf, 1'b1);
        set_inputs(1'h1, 8'hec, '0);
        set_inputs(1'b1, 8'h98, 1'b1);
        set_inputs(1'b1, 8'h55, 1'b0);
        set_inputs(1'h1, '0, 1'h1);
        set_inputs(1'b1, 8'hf8, 1'b0);
        set_inputs(1'h1, 8'hd0, 1'b1);
        set_inputs(1'h1, '0, 1'h1);
        repeat (2) begin
            for (int k = 0; k < 7; k++) set_inputs($urandom % 2, k, 1'($urandom));
        end
        check_outputs_known("test 11");

        // ---------------- Test 12: hold inputs stable ----------------
        test_num = test_num + 1;
        set_inputs(1'b0, 8'd1, 1'b1);
        set_inputs(1'h1, 8'he6, '0);
        set_inputs(1'b0, 8'h1e, 1'h1);
        set_inputs(1'h0, 8'hd1, 1'b1);
        set_inputs(1'b1, 8'h94, 1'b0);
        check_outputs_known("test 12");

        // ---------------- Test 13: back-to-back changes ----------------
        test_num = test_num + 1;
        $display("Test %0d: back-to-back changes", test_num);
        set_inputs(1'h0, 8'd1, 1'h1);
        set_inputs(1'b0, 8'd0, 1'b1);
        set_inputs(1'h1, 8'h55, 1'b1);
        set_inputs(1'b1, 8'h55, 1'b1);
        set_inputs(1'b1, '0, 1'b1);
        set_inputs(1'b1, 8'h55, 1'b1);
        set_inputs(1'h1, 8'h40, 1'b1);
        set_inputs(1'b1, 8'h7d, '1);
        set_inputs(1'b1, 8'd1, 1'b1);
        set_inputs(1'h0, 8'h30, 1'h1);
        repeat (2) begin
            for (int k = 0; k < 2; k++) set_inputs(1'($urandom), 8'($urandom), 1'($urandom));
        end
        check_outputs_known("test 13");

        // ---------------- Test 14: all zeros ----------------
        test_num = test_num + 1;
        set_inputs(1'd0, 8'hf6, 1'h1);
        set_inputs(1'b1, 8'h10, 1'b0);
        set_inputs(1'b1, 8'd1, 1'h1);
        set_inputs(1'h1, 8'hc0, 1'h1);
        set_inputs(1'b0, 8'h55, 1'h1);
        check_outputs_known("test 14");

        // ---------------- Test 15: all zeros ----------------
        test_num = test_num + 1;
        set_inputs(1'b0, 8'd1, '1);
        set_inputs(1'h1, 8'h55, 1'b1);
        set_inputs(1'd0, 8'd1, 1'b1);
        set_inputs('1, 8'h91, 1'b0);
        set_inputs(1'h1, 8'h40, 1'h1);
        set_inputs(1'b1, 8'h53, 1'b0);
        set_inputs(1'b0, 8'h63, 1'h1);
        set_inputs(1'h1, 8'h8, 1'b0);
        set_inputs(1'd0, 8'd1, 1'h0);
        repeat (5) begin
            for (int k = 0; k < 4; k++) set_inputs(1'($urandom), $urandom_range(0, 255), 1'($urandom));
        end
        check_outputs_known("test 15");

        // ---------------- Test 16: all zeros ----------------
        test_num = test_num + 1;
        set_inputs(1'h1, 8'h55, 1'h1);
        set_inputs(1'b0, 8'd0, 1'b1);
        set_inputs(1'b1, 8'haa, 1'b1);
        set_inputs(1'h1, 8'h1, 1'h1);
        check_outputs_known("test 16");

        // ---------------- Test 17: boundary values ----------------
        test_num = test_num + 1;
        $display("Test %0d: boundary values", test_num);
        set_inputs(1'h1, 8'hc5, 1'h1);
        set_inputs(1'b0, 8'h55, 1'h1);
        set_inputs(1'b1, 8'hdf, 1'b1);
        set_inputs(1'b1, 8'h10, 1'b1);
        set_inputs(1'h1, '1, 1'b0);
        set_inputs(1'h1, 8'd1, 1'b1);
        set_inputs(1'b0, 8'h55, 1'b0);
        repeat (2) begin
            for (int k = 0; k < 7; k++) set_inputs($urandom % 2, $urandom, $urandom % 2);
        end
        check_outputs_known("test 17");

        // ---------------- Test 18: back-to-back changes ----------------
        test_num = test_num + 1;
        set_inputs('1, 8'h98, '1);
        set_inputs(1'h0, 8'h20, 1'h1);
        set_inputs(1'h1, 8'd1, 1'h1);
        set_inputs(1'b1, 8'h10, 1'h1);
        set_inputs(1'h1, 8'h68, 1'b1);
        set_inputs('0, 8'h4, 1'd0);
        set_inputs(1'b1, 8'h64, 1'h1);
        check_outputs_known("test 18");

        // ---------------- Test 19: back-to-back changes ----------------
        test_num = test_num + 1;
        $display("Test %0d: back-to-back changes", test_num);
        set_inputs(1'h1, 8'd1, 1'b1);
        set_inputs(1'b1, 8'hff, 1'd0);
        set_inputs(1'b0, 8'h55, 1'b1);
        set_inputs('1, 8'he9, 1'b1);
        set_inputs(1'd0, 8'd0, 1'b1);
        set_inputs(1'h1, 8'h2, 1'h1);
        set_inputs('1, 8'd1, 1'b0);
        set_inputs(1'b1, '0, 1'b1);
        set_inputs(1'b1, 8'h8, 1'b1);
        set_inputs('0, 8'hb4, 1'h1);
        set_inputs(1'h1, 8'd1, 1'b1);
        set_inputs(1'h1, 8'h55, 1'h1);
        check_outputs_known("test 19");

        // ---------------- Test 20: toggle control inputs ----------------
        test_num = test_num + 1;
        set_inputs(1'h1, 8'hff, 1'b0);
        set_inputs(1'h1, 8'hab, 1'b1);
        set_inputs(1'b1, 8'ha0, 1'h0);
        set_inputs(1'h1, 8'h48, 1'b1);
        check_outputs_known("test 20");

        // ---------------- Test 21: boundary values ----------------
        test_num = test_num + 1;
        $display("Test %0d: boundary values", test_num);
        set_inputs(1'b1, 8'h40, 1'h1);
        set_inputs('1, 8'hfa, 1'h0);
        set_inputs(1'b1, 8'h55, 1'b0);
        set_inputs(1'd0, 8'h19, 1'h1);
        check_outputs_known("test 21");

        // ---------------- Test 22: all zeros ----------------
        test_num = test_num + 1;
        set_inputs(1'b0, 8'h55, 1'd0);
        set_inputs(1'h1, 8'd0, 1'h1);
        set_inputs(1'b1, 8'hbc, '1);
        set_inputs(1'b1, 8'd1, 1'b1);
        set_inputs(1'h1, 8'h10, 1'b1);
        set_inputs(1'h1, 8'h55, 1'd0);
        set_inputs(1'b1, 8'd1, 1'b1);
        set_inputs('0, '1, 1'b1);
        set_inputs(1'h1, 8'h53, 1'd0);
        set_inputs('1, 8'h8, 1'b0);
        set_inputs(1'b1, 8'h40, 1'h1);
        check_outputs_known("test 22");

        // ---------------- Test 23: back-to-back changes ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, 8'd0, 1'h1);
        set_inputs(1'h1, 8'hff, 1'd0);
        set_inputs(1'h0, 8'ha4, 1'b1);
        set_inputs(1'h1, 8'd1, 1'b0);
        set_inputs(1'b1, 8'hff, 1'h1);
        set_inputs(1'b1, '1, '1);
        set_inputs(1'h1, 8'h7c, 1'b1);
        set_inputs(1'b1, 8'h0, 1'h1);
        set_inputs(1'd0, 8'h55, 1'h1);
        repeat (6) begin
            for (int k = 0; k < 2; k++) set_inputs(1'($urandom), $random, $urandom % 2);
        end
        check_outputs_known("test 23");

        // ---------------- Test 24: toggle control inputs ----------------
        test_num = test_num + 1;
        $display("Test %0d: toggle control inputs", test_num);
        set_inputs(1'b1, '1, 1'b1);
        set_inputs(1'h1, 8'hd, 1'b0);
        set_inputs(1'b0, 8'hd2, 1'h1);
        set_inputs(1'h1, 8'h55, 1'b0);
        repeat (4) begin
            for (int k = 0; k < 5; k++) set_inputs($urandom % 2, k, 1'($urandom));
        end
        check_outputs_known("test 24");

        // ---------------- Test 25: toggle control inputs ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, 8'd1, 1'b1);
        set_inputs(1'h0, 8'd1, 1'b1);
        set_inputs(1'b0, 8'h55, 1'b1);
        set_inputs(1'b1, 8'd0, 1'h1);
        set_inputs(1'h1, 8'h40, 1'h1);
        set_inputs(1'h0, '1, 1'h1);
        set_inputs('0, 8'ha7, 1'b1);
        set_inputs(1'h1, 8'h0, 1'b1);
        check_outputs_known("test 25");

        // ---------------- Test 26: toggle control inputs ----------------
        test_num = test_num + 1;
        set_inputs(1'd0, 8'h3, 1'b1);
        set_inputs('0, 8'h1a, 1'b1);
        set_inputs(1'h1, 8'h0, 1'b1);
        set_inputs(1'b1, 8'h55, 1'h1);
        set_inputs(1'd0, 8'h40, 1'b0);
        set_inputs(1'b1, 8'd1, 1'b1);
        set_inputs(1'h1, 8'h8, '0);
        set_inputs(1'b1, 8'he2, 1'b0);
        repeat (5) begin
            for (int k = 0; k < 4; k++) set_inputs(1'($urandom), $random, 1'($urandom));
        end
        check_outputs_known("test 26");

        // ---------------- Test 27: all ones ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, 8'd1, 1'h1);
        set_inputs(1'b1, 8'hcf, 1'h1);
        set_inputs(1'b0, 8'h20, 1'h1);
        set_inputs(1'b1, 8'h31, 1'b0);
        set_inputs(1'h1, 8'd1, 1'b1);
        set_inputs(1'b1, 8'd1, 1'b0);
        repeat (5) begin
            for (int k = 0; k < 6; k++) set_inputs($urandom_range(0, 1), k, 1'($urandom));
        end
        check_outputs_known("test 27");

        // Corner-value table
        begin
            logic [WIDTH-1:0] corners [6];
            corners = '{8'h0, '1, 8'h55, 8'd1, 8'h2a, 8'h2};
            foreach (corners[idx]) begin
                set_inputs(1'($urandom), corners[idx], $urandom_range(0, 1));
                check_outputs_known($sformatf("corner %0d", idx));
            end
        end
        // Walking ones on wr_data
        for (int k = 0; k < $bits(wr_data); k++) begin
            wr_data = '0;
            wr_data[k] = 1'b1;
            @(posedge clk);
        end
        // Sweep wr_data with every other input random, a few passes
        repeat (4) begin
            for (int k = 0; k < 64; k++) begin
                wr_data = k;
                wr_en = 1'($urandom);
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
        $display("  Passed    : %0d", pass_count);
        $display("  Failed    : %0d", errors);
        $display("==========================================");
        if (errors == 0) $display("ALL TESTS PASSED");
        $finish;
    end

endmodule
