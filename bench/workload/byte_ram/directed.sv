// Directed testbench: numbered tests with explicit stimulus and checks: sp_ram_be
`timescale 1ns/1ns

module tb;

    // Parameters (defaults of the DUT)
    localparam DEPTH = 48;
    localparam ADDR_W = 6;

    localparam int CLK_PERIOD = 10;
    localparam int NUM_RANDOM = 500;

    // DUT inputs
    logic clk;
    logic rst_n;
    logic cs;
    logic we;
    logic [ADDR_W-1:0] addr;
    logic [ 3:0] be;
    logic [ 31:0] wdata;

    // DUT outputs
    logic [ 31:0] rdata;
    logic rvalid;
    logic err;

    // Device under test
    sp_ram_be #(
        .ADDR_W(ADDR_W)
    ) dut (
        .clk(clk),
        .rst_n(rst_n),
        .cs(cs),
        .we(we),
        .addr(addr),
        .be(be),
        .wdata(wdata),
        .rdata(rdata),
        .rvalid(rvalid),
        .err(err)
    );

    // Clock generation
    initial begin
        clk = 1'b0;
        forever #(CLK_PERIOD/2) clk = ~clk;
    end

    integer passed = 0;
    integer fail_count = 0;
    integer test_num = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Drive one input vector and wait one cycle
    task automatic apply(
        input logic cs_v,
        input logic we_v,
        input logic [ADDR_W-1:0] addr_v,
        input logic [ 3:0] be_v,
        input logic [ 31:0] wdata_v
    );
        begin
            cs = cs_v;
            we = we_v;
            addr = addr_v;
            be = be_v;
            wdata = wdata_v;
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
            fail_count = fail_count + 1;
            $error("FAIL: %s at %0t", what, $time);
        end
    endtask

    task automatic check_outputs_known(input string where);
        check(!$isunknown(rdata), {where, ": rdata known"});
        check(!$isunknown(rvalid), {where, ": rvalid known"});
        check(!$isunknown(err), {where, ": err known"});
    endtask

    task automatic random_vectors(input int n);
        for (int i = 0; i < n; i++) begin
            apply($urandom % 2, $urandom % 2, $urandom, 4'($urandom), $urandom);
            if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
        end
    endtask

    task automatic reset_dut(input int cycles = 2);
        begin
            cs = '0;
            we = '0;
            addr = '0;
            be = '0;
            wdata = '0;
            rst_n = 1'b0;
            repeat (cycles) @(posedge clk);
            rst_n = 1'b1;
            @(posedge clk);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clk) begin
        if (checks_enabled && rst_n) begin
            if ($isunknown(rdata)) begin
                $error("[%0t] rdata is unknown: %b", $time, rdata);
                fail_count++;
            end
            if ($isunknown(rvalid)) begin
                $error("[%0t] rvalid is unknown: %b", $time, rvalid);
                fail_count++;
            end
            if ($isunknown(err)) begin
                $error("[%0t] err is unknown: %b", $time, err);
                fail_count++;
            end
        end
    end

    // Watchdog: never hang the regression
    initial begin
        #500_000;
        $display("ERROR: watchdog timeout at %0t", $time);
        $finish;
    end

    initial begin
        $display("Starting sp_ram_be directed test");
        reset_dut();
        checks_enabled = 1;
        check_outputs_known("after reset");

        // ---------------- Test 1: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'b1, 1'h1, 6'h10, '0, 32'h24024b05);
        apply(1'h1, 1'h1, '1, 4'h0, 32'd1);
        apply(1'h1, 1'b1, 6'h4, 4'h4, 32'h503d9cf9);
        apply(1'h0, 1'h1, 6'h1, '1, 32'h2ab38e8c);
        apply(1'h1, '0, '0, 4'h1, 32'he5214ba2);
        apply(1'h1, '0, 6'h18, '1, 32'h5b53851f);
        apply(1'd0, 1'h1, '1, 4'h1, 32'hffffffff);
        apply(1'h1, 1'b0, 6'h3f, 4'h1, 32'hc54832fa);
        check_outputs_known("test 1");

        // ---------------- Test 2: alternating pattern ----------------
        test_num = test_num + 1;
        apply(1'h1, 1'h1, 6'h15, 4'hf, 32'h55555555);
        apply(1'b1, 1'd0, 6'h15, 4'd0, 32'hdf603abc);
        apply(1'd0, '1, 6'd1, 4'ha, 32'h55555555);
        apply(1'b1, 1'b1, 6'd1, 4'hf, 32'h55555555);
        apply(1'b1, 1'd0, 6'd0, 4'h5, 32'h55555555);
        apply(1'h1, 1'h1, 6'h19, 4'hf, 32'd1);
        apply(1'b0, 1'b1, 6'h31, 4'he, 32'h55555555);
        apply(1'b1, 1'h1, 6'd1, 4'h1, 32'h55555555);
        check_outputs_known("test 2");

        // ---------------- Test 3: boundary values ----------------
        test_num = test_num + 1;
        $display("Test %0d: boundary values", test_num);
        apply(1'h1, 1'h1, 6'h4, '0, 32'h55555555);
        apply(1'h1, 1'h1, 6'h3b, 4'h8, '0);
        apply(1'h1, 1'b1, 6'h15, 4'h5, 32'h55555555);
        apply(1'b0, 1'b1, '0, 4'h8, 32'd0);
        apply(1'h1, 1'h1, '1, 4'hf, 32'h55555555);
        apply(1'h0, '1, 6'h33, 4'h5, 32'd1);
        apply(1'h1, 1'h0, '0, 4'h5, 32'heb8f6e34);
        apply(1'b0, 1'h1, 6'd1, 4'd0, 32'h84495046);
        check_outputs_known("test 3");

        // ---------------- Test 4: boundary values ----------------
        test_num = test_num + 1;
        $display("Test %0d: boundary values", test_num);
        apply(1'h0, 1'h0, '1, 4'hd, 32'hffffffff);
        apply(1'h1, 1'b0, 6'd1, 4'h5, '1);
        apply(1'h1, '0, 6'd1, 4'd1, 32'h1000000);
        apply(1'b0, 1'b0, 6'h8, 4'h5, 32'd1);
        apply(1'b1, 1'h1, 6'h2, 4'h1, 32'd1);
        apply(1'h1, 1'b1, 6'h22, 4'd1, 32'h8f108c8d);
        apply(1'h1, '1, 6'd0, 4'hb, '1);
        apply(1'h1, 1'b1, 6'h15, 4'h1, 32'h0);
        apply(1'b1, 1'd0, 6'd1, 4'hf, 32'h55555555);
        apply(1'h1, 1'h1, 6'h2d, 4'hf, 32'h0);
        repeat (4) begin
            for (int k = 0; k < 6; k++) apply($urandom % 2, $urandom % 2, $urandom, k, k);
        end
        check_outputs_known("test 4");

        // ---------------- Test 5: alternating pattern ----------------
        test_num = test_num + 1;
        apply(1'b1, 1'b0, 6'h2f, 4'h2, 32'hd93aa6ee);
        apply(1'h0, '1, 6'h21, 4'h2, '1);
        apply(1'b1, 1'h1, 6'hb, 4'h5, 32'h55555555);
        apply(1'b1, 1'd0, '1, 4'hf, 32'hb9cfda65);
        apply(1'b1, 1'h1, 6'h8, 4'h1, 32'hffffffff);
        apply(1'h1, 1'b1, 6'h32, 4'h0, 32'hffffffff);
        apply('1, 1'b1, 6'h10, 4'ha, 32'hd003dd3b);
        apply(1'h1, 1'h1, 6'h30, 4'h2, 32'h4000);
        apply(1'b1, 1'b0, 6'h8, 4'd1, 32'h1eb9535c);
        check_outputs_known("test 5");

        // ---------------- Test 6: all ones ----------------
        test_num = test_num + 1;
        apply(1'b1, 1'h1, 6'd1, 4'h0, 32'h1);
        apply(1'h1, 1'h1, 6'hd, 4'h0, 32'h2000000);
        apply(1'b1, '0, 6'h10, '1, 32'd1);
        apply(1'h1, '0, 6'h15, 4'h0, 32'h55555555);
        apply(1'b0, '1, 6'h6, 4'd0, 32'hffffffff);
        apply(1'b1, 1'h1, '1, 4'h5, 32'h43755ace);
        apply(1'b0, 1'h1, 6'h0, 4'h4, 32'h55555555);
        apply(1'b0, 1'h1, 6'h37, 4'h5, '0);
        apply(1'h1, 1'h1, 6'd1, 4'h5, 32'h55555555);
        repeat (3) begin
            for (int k = 0; k < 8; k++) apply(1'($urandom), $urandom % 2, k, k, k);
        end
        check_outputs_known("test 6");

        // ---------------- Test 7: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(1'b0, 1'h1, 6'h3c, 4'he, 32'hffffffff);
        apply(1'h1, 1'b1, 6'd1, 4'd1, 32'h0);
        apply(1'h1, 1'b1, 6'd1, 4'd1, 32'h8ac71927);
        apply(1'h1, 1'h1, 6'd1, 4'd1, 32'hffffffff);
        apply(1'b1, 1'b1, 6'd1, 4'd1, 32'h4);
        apply(1'h1, 1'h1, 6'h3f, 4'h4, 32'h55555555);
        apply(1'b0, 1'h1, 6'd1, 4'h1, 32'h10);
        apply(1'h1, 1'h1, 6'h3f, 4'h4, 32'h26f6081);
        apply(1'b0, '0, 6'h36, 4'h8, 32'd1);
        apply(1'b1, 1'b0, 6'h15, 4'd1, 32'hfd4659b1);
        apply(1'b1, 1'b1, 6'h1, 4'hf, 32'd0);
        apply('0, 1'b0, '0, 4'hf, 32'd1);
        check_outputs_known("test 7");

        // ---------------- Test 8: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'h1, 1'b1, 6'h15, '1, 32'h4e5404c9);
        apply(1'h1, 1'b1, 6'h10, 4'h0, 32'hd9a8cba3);
        apply(1'b0, 1'b1, 6'h0, 4'h6, 32'hefdb10a1);
        apply('1, 1'b1, '1, 4'h2, '1);
        apply(1'h1, 1'h1, 6'h15, 4'h8, 32'hbcfc870d);
        repeat (5) begin
            for (int k = 0; k < 3; k++) apply($urandom_range(0, 1), 1'($urandom), $urandom, k, k);
        end
        check_outputs_known("test 8");

        // ---------------- Test 9: toggle control inputs ----------------
        test_num = test_num + 1;
        apply(1'h1, 1'b0, 6'd1, 4'd1, 32'h63e7435c);
        apply(1'b1, '0, 6'h15, 4'h1, 32'h51fdb5b5);
        apply(1'b1, 1'd0, 6'd0, 4'he, 32'h129bfcd3);
        apply(1'b0, 1'b1, 6'h1b, 4'd1, 32'h4fd6f641);
        apply(1'b1, '1, 6'h1c, 4'hf, '1);
        apply('0, '0, 6'h0, '0, '0);
        apply(1'd0, 1'h1, 6'h15, 4'h6, 32'h0);
        apply(1'd0, 1'b1, 6'h29, 4'h9, 32'h10);
        repeat (6) begin
            for (int k = 0; k < 6; k++) apply(1'($urandom), 1'($urandom), $random, $random, k);
        end
        check_outputs_known("test 9");

        // ---------------- Test 10: single bit set ----------------
        test_num = test_num + 1;
        $display("Test %0d: single bit set", test_num);
        apply('1, 1'b1, 6'h10, 4'h5, 32'hffffffff);
        apply(1'h1, 1'h1, '0, 4'h5, 32'hfe49bf40);
        apply(1'h1, 1'h1, 6'd0, '1, 32'h8cf6983e);
        apply(1'b0, 1'b1, 6'h3f, 4'h2, 32'hfcc8bfe7);
        apply(1'b0, '1, 6'h4, 4'd1, 32'h55555555);
        apply('0, 1'h1, 6'h27, 4'd1, 32'd0);
        apply(1'b1, 1'b1, 6'h15, 4'h5, 32'hac5626a3);
        apply(1'b1, '1, 6'h19, 4'h5, 32'h10);
        apply(1'b0, 1'b1, 6'h0, 4'hd, 32'hb8d68946);
        check_outputs_known("test 10");

        // ---------------- Test 11: toggle control inputs ----------------
        test_num = test_num + 1;
        apply('0, '1, 6'h15, 4'd1, '0);
        apply(1'd0, 1'h1, 6'h15, 4'h5, 32'd1);
        apply(1'b0, 1'h1, 6'h3f, 4'h5, 32'h55555555);
        apply(1'h1, 1'h0, 6'd1, 4'h3, 32'hb7accb2b);
        apply('1, 1'h1, 6'd1, 4'h7, 32'd0);
        apply(1'b1, '1, 6'hf, 4'd0, '1);
        repeat (5) begin
            for (int k = 0; k < 2; k++) apply(1'($urandom), $urandom_range(0, 1), k, 4'($urandom), k);
        end
        check_outputs_known("test 11");

        // ---------------- Test 12: alternating pattern ----------------
        test_num = test_num + 1;
        apply('1, 1'b0, '1, 4'hf, 32'hf8b5535);
        apply('1, 1'b1, '1, 4'h4, 32'd0);
        apply(1'b1, 1'h1, '1, 4'h8, 32'h200);
        apply(1'b1, '1, 6'd1, 4'h2, 32'h55555555);
        apply(1'h1, 1'h1, 6'h3f, 4'h8, 32'h55555555);
        apply(1'b0, 1'h1, '1, '1, 32'd0);
        apply(1'b1, 1'b1, 6'h15, 4'hc, 32'hbf5b66db);
        apply(1'h1, 1'b1, '1, 4'hf, 32'h6ae3d5eb);
        repeat (2) begin
            for (int k = 0; k < 5; k++) apply(1'($urandom), $urandom_range(0, 1), $random, $urandom, k);
        end
        check_outputs_known("test 12");

        // ---------------- Test 13: maximum on first operand ----------------
        test_num = test_num + 1;
        apply(1'h1, 1'h0, '0, 4'h7, 32'heaf56fbd);
        apply(1'h1, 1'b1, 6'h15, 4'hf, '1);
        apply(1'b1, 1'b0, 6'h3f, 4'hc, 32'h0);
        apply('1, 1'b0, 6'h7, 4'hc, 32'h20000000);
        apply(1'b1, 1'b1, 6'd1, 4'h7, '1);
        apply('0, 1'h0, '1, 4'd0, '1);
        apply(1'h1, 1'h1, 6'h3f, 4'h0, 32'hb31b7409);
        apply(1'b0, 1'h1, 6'h3f, '0, 32'h30aac412);
        apply(1'b1, 1'b1, 6'h24, 4'h3, 32'h55555555);
        apply(1'h0, 1'h1, 6'h1, 4'h5, 32'h0);
        apply(1'b1, 1'b0, 6'h2, 4'h5, 32'h55555555);
        check_outputs_known("test 13");

        // ---------------- Test 14: back-to-back changes ----------------
        test_num = test_num + 1;
        $display("Test %0d: back-to-back changes", test_num);
        apply('0, 1'b1, 6'h15, 4'h2, '0);
        apply('1, 1'b1, 6'd1, '1, 32'h55555555);
        apply(1'b0, 1'h1, 6'hd, '1, 32'he8a8ca69);
        apply(1'h1, 1'd0, '1, 4'h1, 32'h200);
        apply(1'b0, 1'b0, 6'h3f, 4'h5, 32'h10000);
        apply(1'h1, 1'b1, 6'h20, 4'h0, 32'd0);
        apply(1'h1, 1'h0, 6'h4, 4'h1, 32'h55555555);
        apply(1'b1, 1'h1, 6'h3f, 4'd1, 32'd1);
        apply(1'h1, '1, 6'h15, 4'h4, '0);
        apply(1'h1, 1'd0, 6'h3f, 4'hf, 32'h100);
        apply(1'b1, 1'h1, '1, 4'd1, 32'hffffffff);
        apply(1'h1, 1'b0, 6'h3f, 4'h0, '0);
        check_outputs_known("test 14");

        // ---------------- Test 15: boundary values ----------------
        test_num = test_num + 1;
        apply(1'h1, 1'h1, 6'h36, '0, 32'hbb31a93d);
        apply(1'b0, 1'h1, 6'h3f, 4'hf, 32'd1);
        apply(1'b1, 1'h1, 6'd1, 4'h3, 32'h400);
        apply(1'b1, 1'h1, 6'h3f, 4'hf, 32'h0);
        apply(1'b1, 1'b1, 6'h1, 4'hf, 32'd0);
        apply(1'b0, 1'b1, '0, 4'h8, 32'h40000);
        apply(1'd0, '1, 6'h4, 4'h2, 32'hc2069645);
        apply(1'h1, 1'h1, 6'h10, 4'h1, 32'ha51b09d4);
        apply(1'h1, 1'h1, 6'h2f, 4'hf, '0);
        apply('1, 1'b1, 6'h39, 4'hd, 32'h20000);
        apply(1'b1, '0, 6'h8, 4'hf, '1);
        check_outputs_known("test 15");

        // ---------------- Test 16: maximum on first operand ----------------
        test_num = test_num + 1;
        apply(1'd0, 1'b0, 6'h2c, 4'h2, 32'h3006a89d);
        apply(1'b1, 1'b1, 6'd1, 4'h5, '0);
        apply(1'b1, 1'b1, 6'h15, 4'hf, 32'hf6301c1d);
        apply(1'b1, 1'b1, 6'h5, 4'h1, 32'h400000);
        apply(1'd0, 1'h1, 6'h0, 4'd0, 32'd0);
        apply(1'h1, 1'b1, 6'h3f, 4'h5, 32'h998b75dd);
        check_outputs_known("test 16");

        // ---------------- Test 17: maximum on first operand ----------------
        test_num = test_num + 1;
        apply(1'b0, '0, 6'h0, 4'h0, 32'h55555555);
        apply(1'b0, 1'b0, 6'h15, 4'hf, '0);
        apply(1'h0, 1'h1, 6'h3f, 4'h5, 32'h0);
        apply(1'b1, 1'h1, 6'd1, 4'h0, 32'h0);
        check_outputs_known("test 17");

        // ---------------- Test 18: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(1'h1, 1'b0, 6'h2, 4'd1, 32'd1);
        apply(1'h1, 1'h1, 6'h3c, 4'd1, 32'h29c58a1f);
        apply(1'h1, 1'h0, 6'd1, 4'd1, 32'hffffffff);
        apply(1'h0, 1'h1, '0, 4'h1, 32'he888f0a6);
        repeat (5) begin
            for (int k = 0; k < 7; k++) apply($urandom_range(0, 1), $urandom_range(0, 1), k, k, $urandom);
        end
        check_outputs_known("test 18");

        // ---------------- Test 19: all zeros ----------------
        test_num = test_num + 1;
        apply(1'b1, 1'h1, 6'd0, 4'h9, 32'he9adac93);
        apply(1'h1, 1'h1, 6'd1, 4'h5, '1);
        apply(1'h1, 1'h1, 6'd0, 4'h5, 32'h47bde1ef);
        apply(1'b1, 1'b1, 6'h13, 4'h0, 32'h100);
        repeat (2) begin
            for (int k = 0; k < 4; k++) apply(1'($urandom), $urandom % 2, k, k, $urandom);
        end
        check_outputs_known("test 19");

        // ---------------- Test 20: all ones ----------------
        test_num = test_num + 1;
        apply('1, 1'b1, 6'h36, '0, 32'hb62a70a6);
        apply(1'b1, 1'b1, 6'h15, 4'h2, 32'h40000);
        apply(1'b1, 1'b1, '0, 4'd1, 32'h0);
        apply(1'b1, '0, 6'h0, 4'hc, 32'h2b83e58e);
        apply('1, 1'd0, 6'd0, 4'hb, 32'h465a59a7);
        apply(1'b0, 1'd0, 6'hf, 4'h0, '1);
        apply(1'h1, 1'b1, 6'd1, 4'h2, 32'h37a607dc);
        check_outputs_known("test 20");

        // ---------------- Test 21: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(1'b1, 1'b1, 6'd1, 4'h0, 32'h20);
        apply(1'b0, 1'h1, 6'h18, 4'h2, 32'h3420dfb9);
        apply(1'b1, 1'b1, 6'h15, 4'hf, 32'h0);
        apply(1'h1, 1'b1, '1, 4'd1, '1);
        apply(1'h1, 1'b1, 6'h18, 4'h4, 32'h1);
        check_outputs_known("test 21");

        // ---------------- Test 22: hold inputs stable ----------------
        test_num = test_num + 1;
        $display("Test %0d: hold inputs stable", test_num);
        apply(1'h1, 1'h1, 6'h0, 4'h8, 32'h55555555);
        apply(1'b1, '1, 6'h27, '1, 32'h55555555);
        apply(1'h1, 1'b0, 6'h20, 4'd1, 32'h146313a3);
        apply(1'b0, '1, 6'd1, 4'ha, 32'h638ad878);
        apply(1'h1, 1'h1, 6'h3c, 4'h9, 32'h4000);
        apply(1'h1, '0, 6'h15, 4'h5, 32'hcea09538);
        apply(1'h1, 1'h1, 6'h15, 4'h8, 32'h2);
        apply(1'h1, 1'b0, 6'h20, 4'hf, 32'h40);
        apply(1'b1, 1'b1, 6'h3c, 4'h4, '0);
        check_outputs_known("test 22");

        // ---------------- Test 23: maximum on first operand ----------------
        test_num = test_num + 1;
        apply(1'b1, 1'b1, '0, 4'h5, 32'h200000);
        apply(1'b1, 1'h1, '0, 4'h5, '1);
        apply('1, 1'h1, 6'h2, 4'h8, 32'hf7c01042);
        apply(1'h1, '1, 6'hc, '0, 32'ha00a861a);
        apply(1'b1, 1'b0, '0, '1, '0);
        apply(1'b0, 1'b1, 6'he, 4'hf, 32'h10);
        apply('1, 1'h1, 6'h0, 4'd1, 32'h55555555);
        apply(1'd0, 1'b1, 6'h8, 4'h8, 32'hffffffff);
        apply(1'b0, 1'h1, 6'h20, '1, '0);
        apply('1, 1'h1, 6'h25, 4'hf, 32'd1);
        check_outputs_known("test 23");

        // ---------------- Test 24: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(1'b1, 1'h1, 6'h0, 4'h4, 32'hadb6fb8f);
        apply(1'h1, 1'b1, 6'd1, 4'hf, '1);
        apply(1'b0, 1'b0, 6'd1, 4'd0, 32'hca6b8b0c);
        apply(1'h1, 1'h1, 6'h1, '0, 32'h200);
        apply(1'b1, 1'h1, 6'h2, 4'hf, 32'h4dba0773);
        apply(1'h1, 1'b1, 6'h3f, '1, 32'h55555555);
        apply('1, 1'h1, 6'h15, 4'h4, 32'hf3c5641e);
        apply(1'b1, 1'h1, 6'h3f, 4'h2, 32'd0);
        apply(1'b0, 1'h1, 6'd1, 4'h8, 32'h40);
        apply(1'b0, 1'b1, '0, 4'h4, 32'h2b64deb6);
        apply(1'b1, 1'b1, 6'h3f, 4'd1, 32'h0);
        check_outputs_known("test 24");

        // Corner-value table
        begin
            logic [ADDR_W-1:0] corners [6];
            corners = '{6'h0, 6'h3f, 6'h15, 6'd1, 6'h2c, 6'h1};
            foreach (corners[idx]) begin
                apply($urandom_range(0, 1), 1'($urandom), corners[idx], 4'($urandom), $urandom);
                check_outputs_known($sformatf("corner %0d", idx));
            end
        end
        // Walking ones on addr
        for (int bit_idx = 0; bit_idx < $bits(addr); bit_idx++) begin
            addr = '0;
            addr[bit_idx] = 1'b1;
            @(posedge clk);
        end
        // Walking ones on be
        for (int n = 0; n < $bits(be); n++) begin
            be = '0;
            be[n] = 1'b1;
            @(posedge clk);
        end
        // Walking ones on wdata
        for (int bit_idx = 0; bit_idx < $bits(wdata); bit_idx++) begin
            wdata = '0;
            wdata[bit_idx] = 1'b1;
            @(posedge clk);
        end
        // Sweep addr with every other input random, a few passes
        repeat (2) begin
            for (int k = 0; k < 64; k++) begin
                addr = k;
                cs = $urandom % 2;
                we = $urandom % 2;
                be = 4'($urandom);
                wdata = $urandom;
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
        $display("  Failed    : %0d", fail_count);
        $display("==========================================");
        if (fail_count == 0) $display("ALL TESTS PASSED");
        $finish;
    end

endmodule
