/*
 * test_top_manchester.sv
 * Directed testbench: numbered tests with explicit stimulus and checks for the top_manchester module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module test_top_manchester;

    // Parameters (defaults of the DUT)
    localparam N = 8;

    localparam int CLK_PERIOD = 10;
    localparam int NUM_RANDOM = 400;

    // DUT inputs
    logic clk_in;
    logic rst_in;
    logic enc_valid_in;
    logic [N-1:0] enc_data_in;
    logic dec_valid_in;
    logic [2*N-1:0] dec_data_in;

    // DUT outputs
    logic enc_valid_out;
    logic [2*N-1:0] enc_data_out;
    logic dec_valid_out;
    logic [N-1:0] dec_data_out;

    // Device under test
    top_manchester #(
        .N(N)
    ) uut (
        .clk_in(clk_in),
        .rst_in(rst_in),
        .enc_valid_in(enc_valid_in),
        .enc_data_in(enc_data_in),
        .enc_valid_out(enc_valid_out),
        .enc_data_out(enc_data_out),
        .dec_valid_in(dec_valid_in),
        .dec_data_in(dec_data_in),
        .dec_valid_out(dec_valid_out),
        .dec_data_out(dec_data_out)
    );

    // Clock generation
    initial clk_in = 0;
    always #(CLK_PERIOD/2) clk_in = ~clk_in;

    integer passed = 0;
    integer errors = 0;
    integer test_num = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Drive one input vector and wait one cycle
    task automatic set_inputs(
        input logic enc_valid_in_v,
        input logic [N-1:0] enc_data_in_v,
        input logic dec_valid_in_v,
        input logic [2*N-1:0] dec_data_in_v
    );
        begin
            enc_valid_in = enc_valid_in_v;
            enc_data_in = enc_data_in_v;
            dec_valid_in = dec_valid_in_v;
            dec_data_in = dec_data_in_v;
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
            errors = errors + 1;
            $error("FAIL: %s at %0t", what, $time);
        end
    endtask

    task automatic check_outputs_known(input string where);
        check(!$isunknown(enc_valid_out), {where, ": enc_valid_out known"});
        check(!$isunknown(enc_data_out), {where, ": enc_data_out known"});
        check(!$isunknown(dec_valid_out), {where, ": dec_valid_out known"});
        check(!$isunknown(dec_data_out), {where, ": dec_data_out known"});
    endtask

    task automatic random_vectors(input int n);
        for (int i = 0; i < n; i++) begin
            set_inputs(1'($urandom), $urandom_range(0, 255), 1'($urandom), 16'($urandom));
            if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
        end
    endtask

    task automatic reset_dut(input int cycles = 2);
        begin
            enc_valid_in = '0;
            enc_data_in = '0;
            dec_valid_in = '0;
            dec_data_in = '0;
            rst_in = 1'b1;
            repeat (cycles) @(posedge clk_in);
            rst_in = 1'b0;
            @(posedge clk_in);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clk_in) begin
        if (checks_enabled && !rst_in) begin
            if ($isunknown(enc_valid_out)) begin
                $error("[%0t] enc_valid_out is unknown: %b", $time, enc_valid_out);
                errors++;
            end
            if ($isunknown(enc_data_out)) begin
                $error("[%0t] enc_data_out is unknown: %b", $time, enc_data_out);
                errors++;
            end
            if ($isunknown(dec_valid_out)) begin
                $error("[%0t] dec_valid_out is unknown: %b", $time, dec_valid_out);
                errors++;
            end
            if ($isunknown(dec_data_out)) begin
                $error("[%0t] dec_data_out is unknown: %b", $time, dec_data_out);
                errors++;
            end
        end
    end

    // Watchdog: never hang the regression
    initial begin
        #5_000_000;
        $display("ERROR: watchdog timeout at %0t", $time);
        $finish;
    end

    initial begin
        $display("Starting top_manchester directed test");
        reset_dut();
        checks_enabled = 1;
        check_outputs_known("after reset");

        // ---------------- Test 1: alternating pattern ----------------
        test_num = test_num + 1;
        set_inputs(1'h1, 8'd0, 1'h1, 16'h18bc);
        set_inputs(1'h1, 8'hb4, 1'h1, 16'd1);
        set_inputs(1'h1, 8'h22, 1'b1, 16'hffff);
        set_inputs(1'h1, 8'h55, 1'b1, 16'h5555);
        set_inputs('1, 8'hfc, 1'b1, 16'h7f1a);
        set_inputs('1, 8'h4, 1'h1, 16'h5555);
        set_inputs(1'b0, 8'd1, 1'h0, 16'd1);
        check_outputs_known("test 1");

        // ---------------- Test 2: boundary values ----------------
        test_num = test_num + 1;
        $display("Test %0d: boundary values", test_num);
        set_inputs(1'h1, 8'ha0, 1'h1, 16'hffff);
        set_inputs(1'b1, 8'hff, 1'h1, 16'hd2cf);
        set_inputs(1'h1, '0, 1'h1, 16'd1);
        set_inputs(1'b0, 8'h8, 1'b1, 16'h1);
        set_inputs(1'b1, 8'd1, 1'b1, 16'h38d4);
        check_outputs_known("test 2");

        // ---------------- Test 3: maximum on first operand ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, 8'h9c, 1'h1, 16'h1000);
        set_inputs(1'b1, '1, 1'h1, 16'h4);
        set_inputs(1'b0, 8'h37, 1'd0, 16'h400);
        set_inputs(1'h1, 8'h55, 1'd0, 16'hc86e);
        set_inputs(1'h1, 8'd1, '0, 16'd1);
        set_inputs(1'b0, 8'd1, 1'h1, 16'h321a);
        set_inputs(1'b0, '0, 1'h1, 16'h498a);
        set_inputs(1'd0, 8'he9, 1'h0, '1);
        set_inputs(1'h0, 8'd0, 1'h1, 16'd1);
        set_inputs(1'd0, 8'h55, 1'b1, 16'h1);
        set_inputs(1'h1, 8'd1, 1'b1, 16'h6525);
        set_inputs(1'h1, 8'h55, 1'd0, '0);
        check_outputs_known("test 3");

        // ---------------- Test 4: all zeros ----------------
        test_num = test_num + 1;
        set_inputs(1'h1, '0, 1'b1, '1);
        set_inputs(1'b1, 8'h40, 1'h0, 16'd1);
        set_inputs('1, 8'h0, '1, 16'h5555);
        set_inputs('1, 8'h35, 1'b1, 16'h5204);
        set_inputs(1'b1, 8'hb, 1'h1, 16'h0);
        set_inputs(1'h0, 8'hb5, '1, 16'h0);
        set_inputs(1'd0, '0, 1'b1, 16'd1);
        set_inputs(1'h1, 8'd1, 1'b1, 16'h5555);
        set_inputs('1, 8'd0, 1'b0, 16'h22f4);
        set_inputs(1'b1, 8'h0, 1'h1, 16'hf370);
        repeat (6) begin
            for (int k = 0; k < 8; k++) set_inputs($urandom_range(0, 1), 8'($urandom), $urandom_range(0, 1), k);
        end
        check_outputs_known("test 4");

        // ---------------- Test 5: boundary values ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, 8'h10, 1'b1, 16'h200);
        set_inputs(1'h1, 8'hff, 1'b1, 16'h5555);
        set_inputs('0, '0, 1'b0, '0);
        set_inputs(1'b1, 8'h0, 1'd0, 16'h20);
        set_inputs(1'd0, 8'hf6, 1'h1, 16'h5555);
        set_inputs(1'h1, 8'd1, 1'b0, 16'd0);
        set_inputs(1'd0, 8'h0, 1'b1, 16'h100);
        set_inputs(1'b1, 8'h40, 1'd0, 16'h42b7);
        check_outputs_known("test 5");

        // ---------------- Test 6: all zeros ----------------
        test_num = test_num + 1;
        set_inputs(1'b0, 8'd1, 1'd0, 16'h1);
        set_inputs(1'b1, 8'hfc, 1'h1, 16'd1);
        set_inputs(1'h1, 8'h1, 1'b0, 16'h5555);
        set_inputs(1'h1, 8'h55, 1'h1, 16'h789f);
        set_inputs(1'h1, 8'd0, '1, 16'h5555);
        repeat (4) begin
            for (int k = 0; k < 6; k++) set_inputs($urandom % 2, k, $urandom_range(0, 1), k);
        end
        check_outputs_known("test 6");

        // ---------------- Test 7: back-to-back changes ----------------
        test_num = test_num + 1;
        $display("Test %0d: back-to-back changes", test_num);
        set_inputs(1'b1, 8'd1, 1'h0, 16'd0);
        set_inputs('1, 8'h3c, 1'h1, 16'd1);
        set_inputs(1'h1, 8'h55, 1'h0, 16'h5555);
        set_inputs(1'b1, 8'h0, 1'd0, '1);
        set_inputs(1'b0, 8'h55, 1'h1, '1);
        set_inputs('1, 8'h12, 1'b0, 16'd0);
        set_inputs(1'b1, 8'h0, 1'b1, 16'h8);
        set_inputs('0, 8'd0, 1'b1, 16'd0);
        set_inputs('1, 8'h0, '1, 16'h0);
        set_inputs(1'b0, 8'd1, '0, '0);
        check_outputs_known("test 7");

        // ---------------- Test 8: single bit set ----------------
        test_num = test_num + 1;
        set_inputs(1'h1, 8'h2e, 1'b1, 16'h0);
        set_inputs(1'b1, '1, 1'h1, 16'd1);
        set_inputs(1'b1, 8'hff, 1'b0, 16'hf8a3);
        set_inputs(1'b1, 8'h55, 1'b1, 16'h91b8);
        repeat (5) begin
            for (int k = 0; k < 7; k++) set_inputs($urandom % 2, k, $urandom_range(0, 1), $urandom);
        end
        check_outputs_known("test 8");

        // ---------------- Test 9: back-to-back changes ----------------
        test_num = test_num + 1;
        $display("Test %0d: back-to-back changes", test_num);
        set_inputs(1'h1, 8'h4, 1'h1, '1);
        set_inputs(1'h1, 8'h55, 1'h1, 16'h5555);
        set_inputs(1'h1, 8'd1, 1'd0, 16'h0);
        set_inputs(1'h1, '0, 1'b1, 16'h5555);
        set_inputs(1'h1, 8'had, 1'b1, 16'hcd3d);
        set_inputs(1'h1, 8'h55, 1'h1, 16'h1f02);
        check_outputs_known("test 9");

        // ---------------- Test 10: maximum on first operand ----------------
        test_num = test_num + 1;
        $display("Test %0d: maximum on first operand", test_num);
        set_inputs(1'h1, 8'd1, 1'h1, 16'h2000);
        set_inputs(1'b0, 8'h8, 1'h1, 16'h5555);
        set_inputs(1'h1, 8'h55, '1, '1);
        set_inputs('1, 8'd1, 1'h1, 16'h0);
        set_inputs(1'b0, 8'h4, '0, 16'h2);
        check_outputs_known("test 10");

        // ---------------- Test 11: boundary values ----------------
        test_num = test_num + 1;
        set_inputs(1'h1, 8'h10, 1'b1, 16'h5555);
        set_inputs('1, 8'hff, 1'h0, 16'h1000);
        set_inputs(1'h1, 8'h20, 1'h1, '1);
        set_inputs(1'b1, 8'h8, 1'b0, 16'h80);
        repeat (5) begin
            for (int k = 0; k < 2; k++) set_inputs(1'($urandom), k, $urandom_range(0, 1), $urandom);
        end
        check_outputs_known("test 11");

        // ---------------- Test 12: all zeros ----------------
        test_num = test_num + 1;
        $display("Test %0d: all zeros", test_num);
        set_inputs(1'b1, 8'h97, 1'b1, 16'h33);
        set_inputs(1'b1, 8'h55, '0, 16'd0);
        set_inputs(1'h1, 8'h1b, 1'h1, 16'h308f);
        set_inputs(1'b1, 8'h80, 1'h1, 16'd1);
        set_inputs(1'h0, 8'h60, 1'h1, 16'h5555);
        check_outputs_known("test 12");

        // ---------------- Test 13: maximum on first operand ----------------
        test_num = test_num + 1;
        $display("Test %0d: maximum on first operand", test_num);
        set_inputs('0, 8'hee, '1, 16'd1);
        set_inputs(1'b1, 8'd1, 1'b1, 16'd0);
        set_inputs('0, 8'h20, 1'b0, 16'd0);
        set_inputs(1'h1, 8'd1, 1'h1, 16'h5aea);
        set_inputs(1'b1, 8'h0, 1'h1, 16'hffff);
        set_inputs(1'h0, 8'h80, 1'h1, 16'h5555);
        set_inputs('1, 8'h70, 1'b1, 16'hffff);
        set_inputs(1'b1, 8'h55, 1'h1, 16'h10);
        set_inputs(1'b0, 8'd1, 1'd0, '1);
        repeat (3) begin
            for (int k = 0; k < 7; k++) set_inputs($urandom % 2, k, 1'($urandom), k);
        end
        check_outputs_known("test 13");

        // ---------------- Test 14: random values ----------------
        test_num = test_num + 1;
        $display("Test %0d: random values", test_num);
        set_inputs('1, 8'hf6, '0, 16'd1);
        set_inputs(1'h1, 8'he7, '1, 16'd1);
        set_inputs(1'h1, 8'h93, 1'b1, 16'd1);
        set_inputs('1, 8'hff, '1, 16'h0);
        set_inputs(1'h0, 8'h55, 1'h1, 16'hffff);
        set_inputs(1'd0, 8'h55, 1'b0, 16'h2000);
        set_inputs(1'b0, 8'd1, 1'h1, 16'h40);
        set_inputs(1'b0, 8'h3d, 1'h1, 16'hffff);
        set_inputs(1'b1, '1, 1'b1, 16'hd970);
        check_outputs_known("test 14");

        // ---------------- Test 15: random values ----------------
        test_num = test_num + 1;
        set_inputs('1, 8'h55, 1'b1, 16'hc806);
        set_inputs(1'b0, 8'h55, 1'b1, 16'h1000);
        set_inputs(1'h1, 8'hed, 1'b1, 16'd1);
        set_inputs(1'h1, 8'd1, 1'b1, 16'hffff);
        check_outputs_known("test 15");

        // ---------------- Test 16: maximum on first operand ----------------
        test_num = test_num + 1;
        set_inputs(1'h0, '1, 1'b0, 16'h66f);
        set_inputs(1'b1, 8'h80, 1'b1, 16'd1);
        set_inputs(1'h0, '1, 1'h1, 16'h3577);
        set_inputs(1'b1, 8'h80, 1'h1, 16'h5555);
        set_inputs(1'h1, '1, 1'b1, 16'h800);
        repeat (4) begin
            for (int k = 0; k < 5; k++) set_inputs(1'($urandom), k, $urandom % 2, k);
        end
        check_outputs_known("test 16");

        // ---------------- Test 17: back-to-back changes ----------------
        test_num = test_num + 1;
        $display("Test %0d: back-to-back changes", test_num);
        set_inputs(1'h1, 8'd1, 1'h1, 16'd1);
        set_inputs(1'b1, 8'h55, 1'd0, 16'h20);
        set_inputs(1'b1, 8'h71, 1'b1, 16'h400);
        set_inputs('0, 8'd1, 1'b0, 16'h8);
        set_inputs(1'b0, 8'd1, 1'h1, 16'h5555);
        set_inputs(1'h0, 8'h55, 1'b0, 16'h800);
        set_inputs(1'h0, '0, 1'b0, 16'hffff);
        set_inputs(1'b0, 8'h55, 1'b0, 16'h32be);
        set_inputs(1'b0, 8'h8e, 1'b1, 16'd1);
        set_inputs(1'h1, 8'haf, '1, 16'd1);
        set_inputs(1'h1, 8'd1, 1'h1, 16'hffff);
        repeat (6) begin
            for (int k = 0; k < 5; k++) set_inputs($urandom_range(0, 1), k, $urandom_range(0, 1), $urandom_range(0, 65535));
        end
        check_outputs_known("test 17");

        // ---------------- Test 18: boundary values ----------------
        test_num = test_num + 1;
        $display("Test %0d: boundary values", test_num);
        set_inputs(1'b0, '0, 1'h1, 16'h30ef);
        set_inputs(1'd0, '1, 1'h1, '0);
        set_inputs('1, 8'h55, 1'h1, 16'h10);
        set_inputs(1'd0, 8'h55, 1'h1, 16'ha0a3);
        set_inputs('1, 8'h11, 1'b1, 16'h7655);
        set_inputs(1'h1, 8'h4, 1'h1, 16'hc514);
        set_inputs(1'b1, 8'h71, 1'b1, 16'd1);
        set_inputs(1'h1, 8'h34, '0, 16'hffff);
        set_inputs(1'h1, 8'h10, 1'h1, 16'hffff);
        set_inputs(1'h1, 8'hff, '0, '0);
        set_inputs(1'h1, 8'd1, 1'h0, 16'h5555);
        check_outputs_known("test 18");

        // ---------------- Test 19: alternating pattern ----------------
        test_num = test_num + 1;
        set_inputs(1'b0, 8'h9c, 1'h0, 16'h100);
        set_inputs(1'b1, 8'hff, 1'b1, 16'h10);
        set_inputs(1'b1, 8'h80, 1'b1, 16'h750a);
        set_inputs(1'h1, 8'h2f, 1'b1, 16'd1);
        set_inputs(1'b1, 8'h3e, 1'h1, 16'h1000);
        set_inputs(1'h1, 8'd1, 1'b1, 16'hdd5b);
        set_inputs(1'b0, '1, 1'b1, 16'd1);
        set_inputs('0, 8'h55, 1'h1, 16'd1);
        set_inputs(1'b1, 8'd0, 1'h1, 16'h76af);
        repeat (4) begin
            for (int k = 0; k < 8; k++) set_inputs($urandom_range(0, 1), k, $urandom_range(0, 1), k);
        end
        check_outputs_known("test 19");

        // ---------------- Test 20: all zeros ----------------
        test_num = test_num + 1;
        set_inputs(1'd0, 8'h80, 1'h1, 16'h5555);
        set_inputs(1'b0, 8'hff, 1'h1, 16'h0);
        set_inputs(1'b1, 8'h31, 1'h1, 16'h100);
        set_inputs(1'h1, 8'h55, 1'b1, 16'h400);
        set_inputs(1'h1, 8'he5, 1'h1, 16'h184c);
        set_inputs(1'h0, 8'h0, 1'h0, 16'h0);
        set_inputs(1'b1, 8'h61, 1'b1, 16'h5555);
        set_inputs('1, 8'd1, 1'b0, 16'h9a54);
        check_outputs_known("test 20");

        // ---------------- Test 21: alternating pattern ----------------
        test_num = test_num + 1;
        set_inputs(1'h1, '1, 1'b1, 16'hdc3c);
        set_inputs(1'b0, 8'h55, 1'h1, 16'hdea9);
        set_inputs('1, 8'h10, 1'b1, 16'd1);
        set_inputs(1'h1, 8'h2, 1'h1, 16'h5603);
        set_inputs(1'b1, 8'd1, 1'b1, 16'h0);
        set_inputs(1'b0, '1, 1'b1, 16'h6bc3);
        set_inputs(1'b1, 8'h2, 1'b1, 16'hb8a6);
        set_inputs(1'h1, 8'h2e, 1'd0, 16'h5555);
        set_inputs(1'h0, 8'h55, 1'h1, 16'd1);
        set_inputs(1'b1, 8'h18, 1'h0, 16'hdc81);
        repeat (3) begin
            for (int k = 0; k < 6; k++) set_inputs($urandom_range(0, 1), k, 1'($urandom), k);
        end
        check_outputs_known("test 21");

        // ---------------- Test 22: maximum on first operand ----------------
        test_num = test_num + 1;
        set_inputs('1, 8'h8, 1'b1, 16'h0);
        set_inputs(1'b1, 8'd1, 1'b1, 16'd1);
        set_inputs(1'b1, 8'h0, 1'b1, 16'd1);
        set_inputs(1'h1, 8'h55, '1, 16'h80);
        set_inputs(1'b0, 8'h55, 1'h1, '0);
        set_inputs(1'b0, 8'h61, 1'b1, 16'd0);
        set_inputs(1'b0, '1, 1'b1, 16'hee11);
        set_inputs(1'b1, 8'h4, 1'b1, 16'h15af);
        set_inputs(1'b1, 8'hff, 1'b1, 16'h10);
        set_inputs(1'h1, 8'h40, 1'h1, 16'd1);
        set_inputs(1'h1, '0, 1'h1, 16'h1000);
        set_inputs('1, 8'd1, 1'b1, '0);
        repeat (4) begin
            for (int k = 0; k < 3; k++) set_inputs(1'($urandom), k, $urandom % 2, $random);
        end
        check_outputs_known("test 22");

        // ---------------- Test 23: random values ----------------
        test_num = test_num + 1;
        $display("Test %0d: random values", test_num);
        set_inputs(1'h1, 8'h81, 1'b1, '1);
        set_inputs(1'b0, 8'h55, 1'b0, 16'hff4c);
        set_inputs(1'b0, 8'd0, 1'h1, 16'h2);
        set_inputs(1'b1, 8'h55, '1, 16'h20);
        set_inputs(1'h1, 8'hbf, 1'h1, '1);
        set_inputs('1, 8'h80, 1'h1, '1);
        set_inputs(1'h1, 8'h96, 1'b0, 16'h5555);
        set_inputs(1'h1, 8'h9, 1'h1, 16'd0);
        set_inputs(1'b1, 8'h55, 1'b1, 16'h0);
        set_inputs(1'b1, 8'd1, 1'h1, 16'h4b32);
        set_inputs(1'b0, '0, 1'h1, '1);
        repeat (5) begin
            for (int k = 0; k < 7; k++) set_inputs(1'($urandom), $urandom, $urandom_range(0, 1), k);
        end
        check_outputs_known("test 23");

        // ---------------- Test 24: alternating pattern ----------------
        test_num = test_num + 1;
        $display("Test %0d: alternating pattern", test_num);
        set_inputs(1'h0, 8'h0, 1'b0, 16'h5555);
        set_inputs(1'b1, 8'h4, 1'b0, '1);
        set_inputs(1'b1, 8'h40, 1'd0, 16'h5555);
        set_inputs(1'h1, 8'h55, '1, '1);
        set_inputs(1'b1, 8'h0, 1'h1, 16'hffff);
        set_inputs('0, 8'h80, 1'h0, 16'd0);
        set_inputs(1'b0, '1, '1, '0);
        set_inputs(1'h1, 8'h2, 1'h1, 16'h515f);
        check_outputs_known("test 24");

        // ---------------- Test 25: toggle control inputs ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, 8'h55, 1'b1, '1);
        set_inputs(1'h0, 8'h89, 1'h1, 16'h0);
        set_inputs(1'h1, 8'h40, 1'b0, 16'h108);
        set_inputs(1'b0, 8'hff, '1, 16'd1);
        set_inputs(1'd0, 8'd1, 1'b0, 16'h7f80);
        set_inputs(1'h1, 8'h8f, 1'b1, 16'd0);
        set_inputs(1'b1, 8'h55, 1'h1, 16'h10);
        check_outputs_known("test 25");

        // ---------------- Test 26: maximum on first operand ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, '1, 1'b1, 16'd1);
        set_inputs('1, 8'h55, 1'b1, '1);
        set_inputs(1'b1, 8'd1, 1'h1, 16'hd4cc);
        set_inputs(1'b0, '1, 1'h1, 16'h5555);
        set_inputs(1'h1, 8'h10, '0, 16'h100);
        set_inputs(1'h1, 8'h80, 1'h0, 16'hc8ea);
        set_inputs(1'h1, 8'd0, '0, 16'h80);
        set_inputs(1'b1, 8'h82, 1'h1, '0);
        repeat (6) begin
            for (int k = 0; k < 5; k++) set_inputs(1'($urandom), k, $urandom % 2, $urandom_range(0, 65535));
        end
        check_outputs_known("test 26");

        // ---------------- Test 27: maximum on first operand ----------------
        test_num = test_num + 1;
        set_inputs(1'b1, 8'h10, 1'h1, 16'hffff);
        set_inputs(1'h1, 8'h55, 1'h1, 16'h5555);
        set_inputs(1'b1, 8'hff, 1'h1, '1);
        set_inputs(1'b0, 8'd1, '1, '0);
        set_inputs(1'b1, 8'd1, 1'h1, 16'h5555);
        set_inputs(1'h1, 8'h40, 1'h0, 16'd1);
        set_inputs('0, '0, 1'h1, 16'h3e63);
        set_inputs(1'b1, 8'hff, 1'd0, 16'h281f);
        set_inputs('1, 8'h1, 1'b1, 16'h4959);
        check_outputs_known("test 27");

        // ---------------- Test 28: all ones ----------------
        test_num = test_num + 1;
        $display("Test %0d: all ones", test_num);
        set_inputs('1, 8'd1, 1'b1, 16'hf535);
        set_inputs(1'b1, 8'h80, 1'd0, 16'd1);
        set_inputs(1'h1, 8'd1, '1, 16'he1b5);
        set_inputs(1'b1, 8'h20, 1'h1, 16'hbbda);
        set_inputs(1'h1, '0, 1'b0, 16'h56fb);
        set_inputs(1'h1, 8'h20, '1, '0);
        set_inputs(1'b1, 8'hb8, 1'b1, 16'h851b);
        repeat (3) begin
            for (int k = 0; k < 4; k++) set_inputs($urandom % 2, $urandom_range(0, 255), $urandom % 2, 16'($urandom));
        end
        check_outputs_known("test 28");

        // ---------------- Test 29: all zeros ----------------
        test_num = test_num + 1;
        set_inputs(1'b0, 8'h2, 1'b1, 16'hffff);
        set_inputs(1'h1, 8'hff, 1'b1, 16'd1);
        set_inputs(1'b1, 8'h66, 1'h1, '1);
        set_inputs(1'h1, 8'h55, 1'd0, 16'h67d4);
        set_inputs(1'd0, 8'hbb, '0, 16'h4998);
        set_inputs(1'h1, '1, 1'b1, 16'h5555);
        set_inputs(1'h1, 8'h40, 1'h1, 16'h6c27);
        set_inputs(1'b1, 8'h89, 1'b0, 16'h80);
        set_inputs(1'b0, 8'h55, 1'b1, 16'h2d99);
        set_inputs(1'h0, 8'h80, 1'b0, 16'd1);
        set_inputs(1'h1, 8'hff, 1'h1, 16'h43c0);
        check_outputs_known("test 29");

        // Corner-value table
        begin
            logic [N-1:0] corners [6];
            corners = '{8'h0, '1, 8'h55, 8'd1, 8'h41, 8'h10};
            foreach (corners[idx]) begin
                set_inputs(1'($urandom), corners[idx], $urandom % 2, $urandom);
                check_outputs_known($sformatf("corner %0d", idx));
            end
        end
        // Walking ones on enc_data_in
        for (int k = 0; k < $bits(enc_data_in); k++) begin
            enc_data_in = '0;
            enc_data_in[k] = 1'b1;
            @(posedge clk_in);
        end
        // Walking ones on dec_data_in
        for (int i = 0; i < $bits(dec_data_in); i++) begin
            dec_data_in = '0;
            dec_data_in[i] = 1'b1;
            @(posedge clk_in);
        end
        // Sweep enc_data_in with every other input random, a few passes
        repeat (2) begin
            for (int k = 0; k < 64; k++) begin
                enc_data_in = k;
                enc_valid_in = 1'($urandom);
                dec_valid_in = $urandom % 2;
                dec_data_in = $urandom_range(0, 65535);
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
        $display("  Failed    : %0d", errors);
        $display("==========================================");
        if (errors == 0) $display("ALL TESTS PASSED");
        $finish;
    end

endmodule
