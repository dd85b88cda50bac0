// ******************************************************************************
// Testbench for apb_dsp_op
// Directed testbench: numbered tests with explicit stimulus and checks
// Instance name "apb_dsp_op_dut" is required by the coverage flow.
// ******************************************************************************
`timescale 1ns / 1ps

module test_apb_dsp_op;

    // Parameters (defaults of the DUT)
    localparam ADDR_WIDTH = 'd8;
    localparam DATA_WIDTH = 'd32;

    localparam int CLK_PERIOD = 4;
    localparam int NUM_RANDOM = 200;

    // DUT inputs
    logic clk_dsp;
    logic PCLK;
    logic PRESETn;
    logic en_clk_dsp;
    logic [ADDR_WIDTH-1:0] PADDR;
    logic PWRITE;
    logic [DATA_WIDTH-1:0] PWDATA;
    logic PSEL;
    logic PENABLE;

    // DUT outputs
    logic [DATA_WIDTH-1:0] PRDATA;
    logic PREADY;
    logic PSLVERR;

    // Device under test
    apb_dsp_op #(
        .DATA_WIDTH(DATA_WIDTH)
    ) apb_dsp_op_dut (
        .clk_dsp(clk_dsp),
        .en_clk_dsp(en_clk_dsp),
        .PCLK(PCLK),
        .PRESETn(PRESETn),
        .PADDR(PADDR),
        .PWRITE(PWRITE),
        .PWDATA(PWDATA),
        .PSEL(PSEL),
        .PENABLE(PENABLE),
        .PRDATA(PRDATA),
        .PREADY(PREADY),
        .PSLVERR(PSLVERR)
    );

    // Clock generation
    initial clk_dsp = 0;
    always #(CLK_PERIOD/2) clk_dsp = ~clk_dsp;
    initial begin
        PCLK = 1'b0;
        forever #(5) PCLK = ~PCLK;
    end

    integer passed = 0;
    integer errors = 0;
    integer test_num = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Drive one input vector and wait one cycle
    task automatic apply(
        input logic en_clk_dsp_v,
        input logic [ADDR_WIDTH-1:0] PADDR_v,
        input logic PWRITE_v,
        input logic [DATA_WIDTH-1:0] PWDATA_v,
        input logic PSEL_v,
        input logic PENABLE_v
    );
        begin
            en_clk_dsp = en_clk_dsp_v;
            PADDR = PADDR_v;
            PWRITE = PWRITE_v;
            PWDATA = PWDATA_v;
            PSEL = PSEL_v;
            PENABLE = PENABLE_v;
            @(posedge clk_dsp);
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
        check(!$isunknown(PRDATA), {where, ": PRDATA known"});
        check(!$isunknown(PREADY), {where, ": PREADY known"});
        check(!$isunknown(PSLVERR), {where, ": PSLVERR known"});
    endtask

    task automatic random_vectors(input int n);
        for (int i = 0; i < n; i++) begin
            apply($urandom % 2, $urandom_range(0, 255), $urandom % 2, $urandom, $urandom % 2, 1'($urandom));
            if (i % 50 == 0) check_outputs_known($sformatf("random %0d", i));
        end
    endtask

    task automatic reset_dut(input int cycles = 10);
        begin
            en_clk_dsp = '0;
            PADDR = '0;
            PWRITE = '0;
            PWDATA = '0;
            PSEL = '0;
            PENABLE = '0;
            PRESETn = 1'b0;
            repeat (cycles) @(posedge clk_dsp);
            PRESETn = 1'b1;
            @(posedge clk_dsp);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clk_dsp) begin
        if (checks_enabled && PRESETn) begin
            if ($isunknown(PRDATA)) begin
                $error("[%0t] PRDATA is unknown: %b", $time, PRDATA);
                errors++;
            end
            if ($isunknown(PREADY)) begin
                $error("[%0t] PREADY is unknown: %b", $time, PREADY);
                errors++;
            end
            if ($isunknown(PSLVERR)) begin
                $error("[%0t] PSLVERR is unknown: %b", $time, PSLVERR);
                errors++;
            end
        end
    end

    // Watchdog: never hang the regression
    initial begin
        #1_000_000;
        $display("ERROR: watchdog timeout at %0t", $time);
        $finish;
    end

    initial begin
        $display("Starting apb_dsp_op directed test");
        reset_dut();
        checks_enabled = 1;
        check_outputs_known("after reset");

        // ---------------- Test 1: alternating pattern ----------------
        test_num = test_num + 1;
        apply(1'b0, 8'hff, 1'd0, 32'h200, 1'b0, 1'h0);
        apply('0, '1, 1'h1, 32'd1, 1'b1, '1);
        apply(1'd0, 8'h2, 1'd0, 32'd1, 1'b1, 1'h1);
        apply(1'h1, 8'h21, 1'b0, 32'h4000000, 1'b1, 1'b1);
        apply(1'b1, 8'hfb, '1, 32'd0, 1'b1, 1'h1);
        check_outputs_known("test 1");

        // ---------------- Test 2: all zeros ----------------
        test_num = test_num + 1;
        apply(1'b1, 8'h8b, 1'b0, 32'h6d932dc, 1'h1, 1'b0);
        apply(1'h0, 8'd0, 1'h1, 32'h0, 1'b1, 1'h1);
        apply(1'b1, 8'h54, 1'b1, 32'd1, 1'h1, 1'b1);
        apply(1'b1, 8'h40, 1'h1, 32'h55555555, 1'b1, 1'b1);
        apply(1'h1, 8'h4, 1'b0, 32'd1, 1'b1, 1'h1);
        check_outputs_known("test 2");

        // ---------------- Test 3: all ones ----------------
        test_num = test_num + 1;
        apply(1'b1, 8'd1, 1'h1, '0, 1'h1, 1'h1);
        apply(1'h1, 8'h55, 1'h1, '0, 1'h1, 1'b0);
        apply(1'b0, 8'h55, 1'h1, 32'h40000000, 1'h1, 1'h1);
        apply(1'h1, 8'h68, 1'd0, 32'hb6151d54, 1'b0, 1'h1);
        apply(1'b0, 8'h1, 1'h1, 32'h1615f2a5, 1'h1, 1'd0);
        apply(1'h1, 8'h8, 1'b1, 32'h945e834, 1'h1, 1'h1);
        apply(1'h1, 8'h55, 1'b1, 32'h20000, '1, 1'b1);
        apply('1, 8'd0, 1'b1, 32'h9eda938c, 1'b1, 1'h0);
        apply(1'd0, 8'h7e, 1'b1, 32'd1, 1'd0, 1'b1);
        apply(1'h1, 8'h55, 1'h1, 32'hd284111b, 1'b0, 1'b1);
        apply(1'h1, 8'h55, 1'b1, 32'h1d4aa4d9, 1'h1, 1'b1);
        check_outputs_known("test 3");

        // ---------------- Test 4: all zeros ----------------
        test_num = test_num + 1;
        apply(1'h1, 8'h8, 1'b1, 32'h55555555, '1, 1'h1);
        apply(1'b1, 8'h76, 1'b1, 32'h55555555, 1'h1, 1'b1);
        apply(1'h1, 8'h4, 1'b1, 32'd1, 1'b1, 1'b1);
        apply(1'h1, 8'hff, 1'b0, 32'h20000000, 1'h0, 1'b1);
        check_outputs_known("test 4");

        // ---------------- Test 5: back-to-back changes ----------------
        test_num = test_num + 1;
        $display("Test %0d: back-to-back changes", test_num);
        apply(1'b1, 8'h4a, 1'b1, 32'd1, 1'b1, 1'h1);
        apply(1'b1, 8'h55, 1'h0, 32'h10000, 1'h0, 1'h1);
        apply(1'h1, 8'd1, '0, 32'he4fadb0e, 1'b1, 1'h1);
        apply(1'h1, '1, 1'h1, 32'd1, 1'b1, 1'h1);
        apply(1'b0, '1, 1'h1, 32'd1, '0, '0);
        apply(1'b0, 8'd0, 1'h1, 32'h739abf2e, 1'h1, '1);
        apply(1'b0, 8'h55, '0, '1, 1'h1, 1'h1);
        apply(1'b1, 8'h91, '0, 32'd1, 1'b1, 1'b0);
        apply(1'b0, 8'h8, 1'h1, 32'd0, 1'h1, 1'h0);
        apply(1'h1, 8'h20, 1'h0, 32'hf5941772, 1'b1, 1'b0);
        apply(1'h1, 8'd0, 1'b0, 32'h20000, '1, 1'h1);
        apply(1'b1, 8'd0, 1'h0, 32'h21d95623, 1'h1, 1'b1);
        repeat (5) begin
            for (int k = 0; k < 3; k++) apply($urandom_range(0, 1), k, $urandom_range(0, 1), k, 1'($urandom), $urandom_range(0, 1));
        end
        check_outputs_known("test 5");

        // ---------------- Test 6: random values ----------------
        test_num = test_num + 1;
        apply(1'h1, 8'hb8, '1, 32'habc414a6, 1'h1, 1'b0);
        apply(1'b1, 8'd1, 1'b1, '1, 1'h1, '0);
        apply(1'b1, 8'h93, 1'b0, '1, 1'h1, '1);
        apply(1'b1, 8'ha9, 1'b1, 32'h55555555, 1'h1, 1'h1);
        check_outputs_known("test 6");

        // ---------------- Test 7: all ones ----------------
        test_num = test_num + 1;
        apply(1'b0, 8'h40, 1'b1, 32'h256c0eb, 1'h0, 1'h1);
        apply(1'h1, 8'h10, 1'h1, '1, 1'b0, 1'h1);
        apply('1, 8'h0, 1'b1, 32'h8000, 1'b1, 1'h1);
        apply(1'b1, 8'h55, 1'b0, '0, 1'h1, 1'h1);
        apply(1'b1, '1, 1'h0, 32'h8ab8a654, 1'h1, 1'h0);
        apply(1'b0, 8'd1, '0, 32'h58cc6e72, 1'h1, '0);
        apply(1'h1, 8'h47, 1'h0, 32'd1, '1, 1'b0);
        apply(1'h1, '1, 1'b0, 32'hffffffff, 1'h1, 1'b0);
        apply(1'h1, 8'hff, 1'h1, 32'd0, 1'h1, 1'b0);
        apply(1'h1, 8'hc2, 1'h1, '1, 1'h1, 1'h1);
        apply('0, 8'h40, 1'h1, 32'hf444b362, '1, 1'h1);
        check_outputs_known("test 7");

        // ---------------- Test 8: all zeros ----------------
        test_num = test_num + 1;
        $display("Test %0d: all zeros", test_num);
        apply(1'h1, 8'h46, 1'b1, 32'hffffffff, 1'b0, 1'h1);
        apply(1'h1, 8'hf3, 1'h1, 32'h5830b560, 1'h1, 1'b0);
        apply(1'h1, 8'hb1, 1'b1, 32'd1, 1'b0, 1'h1);
        apply(1'd0, 8'h55, 1'b1, 32'h55555555, 1'b0, 1'h1);
        apply(1'h1, 8'h67, 1'h1, 32'ha22b748b, '1, 1'h1);
        apply(1'b0, 8'hee, 1'b1, 32'd1, '1, 1'h1);
        apply(1'b0, 8'h8, 1'b1, 32'h2e8186d5, 1'h0, 1'b1);
        apply(1'h1, 8'h20, 1'b1, 32'h55555555, 1'b0, '1);
        check_outputs_known("test 8");

        // ---------------- Test 9: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'h0, 8'hff, 1'd0, 32'h0, 1'h0, 1'h1);
        apply(1'b0, 8'd0, 1'd0, '0, 1'd0, 1'b1);
        apply(1'h1, '0, 1'b1, 32'd1, 1'h1, '1);
        apply(1'b1, 8'd0, 1'h1, 32'd1, 1'd0, 1'h0);
        apply(1'h1, 8'd1, 1'b0, 32'he8927637, 1'b1, 1'h1);
        apply(1'b0, 8'h4, 1'd0, 32'h70e571b8, 1'b0, 1'h1);
        apply('0, 8'hff, 1'b1, 32'd1, 1'h1, 1'h1);
        check_outputs_known("test 9");

        // ---------------- Test 10: maximum on first operand ----------------
        test_num = test_num + 1;
        apply(1'b0, 8'h55, 1'h1, '1, 1'h1, 1'h1);
        apply(1'h1, 8'd1, 1'b1, 32'he037ed8b, 1'b1, 1'h1);
        apply(1'b1, 8'hff, 1'h1, 32'h0, 1'h1, 1'h1);
        apply(1'd0, 8'h20, 1'h1, 32'h40000, 1'b1, 1'h1);
        apply(1'b1, 8'h0, 1'b0, '1, 1'd0, 1'd0);
        apply(1'b1, 8'h55, 1'h1, 32'd1, 1'h1, '1);
        apply(1'd0, '1, 1'h1, 32'h8, 1'h0, 1'b0);
        apply(1'b0, 8'h55, 1'h1, 32'h38232f40, 1'h1, 1'h0);
        apply(1'h1, 8'h40, 1'h1, 32'h80000, 1'b1, 1'h1);
        apply(1'h1, 8'h22, 1'h0, 32'h96c0271c, 1'h1, 1'b1);
        apply(1'b1, 8'h40, '1, 32'hbc481531, 1'b1, 1'h1);
        apply(1'h1, 8'h80, 1'b0, 32'd1, 1'h1, '0);
        repeat (4) begin
            for (int k = 0; k < 2; k++) apply($urandom_range(0, 1), k, $urandom % 2, k, 1'($urandom), 1'($urandom));
        end
        check_outputs_known("test 10");

        // ---------------- Test 11: alternating pattern ----------------
        test_num = test_num + 1;
        apply(1'h1, 8'hff, 1'b0, 32'd1, '1, 1'h1);
        apply(1'b1, 8'd1, 1'h1, '1, 1'b0, 1'h1);
        apply(1'b1, 8'h55, 1'h1, 32'hbb19a8b0, 1'h1, 1'b1);
        apply(1'h1, 8'd1, '0, 32'h4b6b4794, 1'b0, 1'h1);
        apply(1'b1, '1, 1'b1, 32'h100000, 1'b1, 1'h1);
        check_outputs_known("test 11");

        // ---------------- Test 12: alternating pattern ----------------
        test_num = test_num + 1;
        apply(1'b1, 8'h21, 1'b1, '1, 1'h1, 1'b1);
        apply(1'h1, 8'hff, 1'h1, 32'h55555555, 1'h1, 1'd0);
        apply(1'h1, 8'hff, 1'b1, 32'h55555555, 1'b1, '0);
        apply(1'd0, 8'h55, 1'b1, 32'h55555555, 1'h1, 1'b1);
        apply(1'h0, 8'h4, 1'b1, 32'h3f699721, 1'b1, 1'h0);
        apply(1'd0, 8'h80, 1'h1, 32'h2, 1'b1, 1'h0);
        apply(1'b1, 8'h80, 1'h0, 32'h55555555, 1'b1, 1'd0);
        apply(1'b1, 8'h55, 1'h1, 32'hffffffff, 1'h1, 1'h1);
        apply(1'b0, 8'h55, '1, 32'h426ee1e9, '0, 1'b1);
        apply(1'h1, 8'h55, 1'b1, 32'h55555555, 1'b1, 1'd0);
        repeat (4) begin
            for (int k = 0; k < 5; k++) apply(1'($urandom), k, 1'($urandom), k, $urandom % 2, $urandom % 2);
        end
        check_outputs_known("test 12");

        // ---------------- Test 13: random values ----------------
        test_num = test_num + 1;
        apply(1'b0, 8'h55, 1'b1, 32'd1, 1'b1, 1'd0);
        apply(1'h1, 8'h0, 1'd0, 32'd0, '0, '1);
        apply(1'h0, '1, 1'h1, 32'h0, 1'b1, '1);
        apply(1'h1, 8'h1, 1'b1, 32'hffffffff, 1'h1, 1'h1);
        apply(1'b1, 8'hff, 1'b1, 32'd1, 1'b0, 1'b1);
        apply(1'h1, 8'h55, 1'b1, 32'd1, 1'b1, '1);
        apply(1'h1, 8'h55, 1'h1, 32'h80000000, 1'h1, 1'h1);
        repeat (4) begin
            for (int k = 0; k < 7; k++) apply($urandom % 2, k, $urandom % 2, k, $urandom % 2, 1'($urandom));
        end
        check_outputs_known("test 13");

        // ---------------- Test 14: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'b1, 8'h55, 1'h1, 32'd1, 1'h1, 1'h1);
        apply(1'h1, 8'd0, 1'h1, 32'hffffffff, 1'h1, 1'h1);
        apply(1'h1, 8'h0, 1'b1, 32'h40000, 1'b1, 1'b0);
        apply(1'b1, 8'd1, 1'h1, 32'h7869375a, 1'h1, 1'h1);
        apply(1'b1, 8'h80, 1'h1, 32'd1, 1'b0, 1'h1);
        apply(1'b1, 8'h71, 1'b0, 32'h55555555, 1'd0, 1'b0);
        apply('1, 8'h85, 1'b0, 32'h5b0afc78, 1'b1, 1'b0);
        apply(1'h1, 8'he6, 1'b1, 32'h0, 1'h1, 1'h1);
        apply(1'h1, 8'h55, 1'h1, 32'h55555555, 1'b1, 1'b1);
        apply(1'b0, 8'h55, 1'h0, 32'h1000, 1'h1, 1'b1);
        repeat (4) begin
            for (int k = 0; k < 6; k++) apply($urandom_range(0, 1), $random, 1'($urandom), $urandom, $urandom % 2, $urandom_range(0, 1));
        end
        check_outputs_known("test 14");

        // ---------------- Test 15: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(1'h1, 8'h4, 1'b1, '0, 1'd0, 1'b0);
        apply(1'h1, 8'h5e, 1'b0, 32'hf9aa05e6, 1'h1, 1'h1);
        apply(1'h1, 8'd1, '0, 32'hd0419a2c, 1'd0, '0);
        apply(1'h1, 8'hff, 1'h1, 32'd0, 1'd0, 1'h1);
        apply(1'b1, 8'd1, 1'h1, 32'h1, 1'b0, 1'b1);
        apply(1'b1, 8'hff, 1'b1, 32'h55555555, 1'h1, 1'h0);
        check_outputs_known("test 15");

        // ---------------- Test 16: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'h0, 8'h2, 1'b1, 32'h4000000, 1'h1, 1'b0);
        apply(1'b0, 8'h7, '0, '1, 1'h1, 1'h1);
        apply('0, 8'h8, 1'b0, 32'h800000, 1'h1, 1'h1);
        apply(1'h1, 8'h55, 1'b1, '1, 1'b1, 1'h1);
        apply(1'd0, 8'h20, 1'b1, 32'hffffffff, 1'd0, 1'h1);
        check_outputs_known("test 16");

        // ---------------- Test 17: hold inputs stable ----------------
        test_num = test_num + 1;
        apply(1'h1, 8'h55, 1'd0, '1, '1, 1'h1);
        apply(1'b1, 8'd0, 1'h1, 32'hffffffff, 1'b1, 1'b0);
        apply(1'b1, 8'hff, 1'b0, 32'hde291b70, '0, 1'h1);
        apply(1'b1, 8'h84, '1, 32'ha8aea226, 1'h0, 1'h1);
        apply(1'h1, 8'hff, '0, 32'd0, 1'h0, 1'h1);
        apply(1'h0, 8'h44, 1'h1, '0, 1'h1, 1'b1);
        apply(1'h0, 8'h0, 1'b1, 32'd1, '0, 1'h1);
        apply(1'd0, 8'h0, 1'h1, '1, 1'b1, 1'h1);
        check_outputs_known("test 17");

        // ---------------- Test 18: random values ----------------
        test_num = test_num + 1;
        apply(1'b1, 8'd0, 1'h1, 32'hffffffff, 1'h1, '1);
        apply(1'b0, 8'h22, 1'b0, 32'h55555555, 1'h1, 1'h1);
        apply('0, 8'h55, 1'b0, 32'h55555555, '1, 1'b1);
        apply(1'b1, '1, 1'b0, 32'd1, 1'h1, '0);
        repeat (5) begin
            for (int k = 0; k < 2; k++) apply($urandom_range(0, 1), $urandom_range(0, 255), $urandom % 2, $urandom, $urandom_range(0, 1), $urandom_range(0, 1));
        end
        check_outputs_known("test 18");

        // ---------------- Test 19: boundary values ----------------
        test_num = test_num + 1;
        apply('1, '0, 1'h1, 32'hb31bbbaf, '1, 1'd0);
        apply(1'h1, 8'hcf, 1'h1, 32'ha27fe22e, '0, 1'b1);
        apply(1'h1, 8'd1, 1'h1, 32'h55555555, '0, '1);
        apply(1'h0, 8'd0, '0, 32'd1, 1'h1, 1'h0);
        apply(1'b1, '1, '1, 32'h55555555, '0, 1'h1);
        apply(1'h1, 8'h47, 1'd0, 32'd0, 1'b1, '1);
        apply(1'h0, 8'd1, 1'b0, 32'h4000, 1'h1, 1'h1);
        apply(1'h1, 8'h0, '0, 32'd0, 1'h1, 1'h1);
        apply(1'b0, 8'h20, '0, 32'h40000000, 1'h1, 1'b0);
        apply(1'h1, 8'hd5, 1'b1, 32'd1, '0, 1'b0);
        apply(1'b1, 8'h55, 1'b0, 32'h66892e4b, 1'b1, 1'b1);
        repeat (5) begin
            for (int k = 0; k < 8; k++) apply($urandom % 2, k, $urandom % 2, $urandom, 1'($urandom), 1'($urandom));
        end
        check_outputs_known("test 19");

        // ---------------- Test 20: random values ----------------
        test_num = test_num + 1;
        apply(1'b0, 8'h4, 1'b1, 32'd1, 1'h1, 1'h1);
        apply(1'b1, 8'h34, 1'h1, 32'h55555555, 1'b1, 1'b1);
        apply(1'b1, 8'h1a, 1'h1, 32'hffffffff, 1'h1, '1);
        apply(1'b0, 8'hc6, 1'b1, 32'hffffffff, 1'h0, 1'h1);
        apply(1'h0, 8'hc3, 1'b1, 32'hee8feaaa, 1'h1, 1'h1);
        apply(1'b1, 8'hbf, 1'h1, '1, 1'b0, 1'b0);
        apply('1, 8'h8b, 1'b0, 32'h955f11e9, 1'b1, 1'b1);
        apply(1'b0, 8'h58, 1'h1, 32'd0, 1'd0, 1'h1);
        apply('1, 8'h55, 1'h1, 32'h2000, 1'h1, 1'b0);
        apply(1'h1, 8'h1, '1, 32'h800, 1'h1, 1'h1);
        apply(1'h1, 8'hf8, '1, 32'd1, 1'b1, 1'h1);
        apply(1'h1, 8'h55, 1'h1, 32'h55555555, 1'b1, 1'h1);
        check_outputs_known("test 20");

        // ---------------- Test 21: alternating pattern ----------------
        test_num = test_num + 1;
        apply('0, 8'd1, 1'h1, 32'h0, 1'b1, 1'b0);
        apply(1'h1, 8'h8, 1'b1, '1, 1'h0, 1'h1);
        apply(1'h0, 8'd0, 1'b1, 32'hffffffff, 1'h1, 1'b0);
        apply(1'b1, 8'h3e, 1'b0, 32'h1e69387, 1'b1, 1'h0);
        apply(1'h1, 8'hff, 1'b0, 32'h0, '1, 1'b1);
        apply(1'b0, 8'h18, 1'd0, 32'h2000000, 1'b1, 1'd0);
        apply(1'b1, '0, 1'h1, 32'd1, 1'b0, 1'h1);
        apply('1, 8'h94, 1'b0, 32'h10000, 1'b1, '0);
        apply(1'h0, 8'hf2, 1'b0, 32'h55555555, '0, 1'h1);
        apply(1'h1, '1, 1'b1, 32'd1, 1'b1, 1'h1);
        apply(1'h1, 8'hff, 1'b0, 32'hea131fc9, 1'b0, 1'h1);
        apply(1'b0, 8'hff, 1'b1, 32'hffffffff, '1, 1'h1);
        repeat (3) begin
            for (int k = 0; k < 5; k++) apply(1'($urandom), k, 1'($urandom), k, 1'($urandom), $urandom_range(0, 1));
        end
        check_outputs_known("test 21");

        // ---------------- Test 22: maximum on first operand ----------------
        test_num = test_num + 1;
        apply(1'h1, 8'hbd, 1'h1, 32'h4fe48131, 1'b1, 1'h1);
        apply(1'h0, 8'hf6, 1'h1, 32'h20000, 1'h1, 1'h1);
        apply(1'h1, 8'h55, 1'b0, 32'h2, '0, 1'b1);
        apply(1'h1, 8'h20, '1, 32'd1, 1'h0, 1'b1);
        apply(1'b0, 8'h2b, 1'b1, 32'd0, '1, 1'b1);
        apply(1'h1, 8'd0, 1'b1, 32'ha3b51ddd, 1'b1, 1'h0);
        apply(1'b1, 8'd1, 1'b1, '1, 1'b0, 1'h1);
        check_outputs_known("test 22");

        // ---------------- Test 23: all ones ----------------
        test_num = test_num + 1;
        apply(1'b0, 8'd1, 1'b1, 32'd0, 1'b1, '0);
        apply(1'd0, 8'he4, 1'h1, 32'he229e768, 1'h1, 1'h1);
        apply(1'b1, '1, 1'h1, 32'd1, 1'b1, 1'b1);
        apply(1'b1, 8'h30, 1'b1, 32'h70610b70, 1'h1, 1'h1);
        apply(1'b1, 8'd1, 1'h1, 32'h0, 1'b0, 1'b0);
        apply(1'b1, 8'h55, 1'b1, 32'h80a6a76d, 1'b1, 1'd0);
        apply('1, 8'h78, 1'b1, 32'h1, 1'b1, 1'h1);
        apply(1'b1, 8'h55, '0, 32'h55555555, 1'b1, 1'h1);
        apply(1'b1, 8'h10, 1'd0, 32'he21269e3, 1'h1, 1'h1);
        apply(1'b1, 8'h55, 1'h1, 32'h2339ddcc, 1'b0, 1'h1);
        repeat (3) begin
            for (int k = 0; k < 7; k++) apply(1'($urandom), $urandom, $urandom_range(0, 1), k, $urandom % 2, $urandom_range(0, 1));
        end
        check_outputs_known("test 23");

        // ---------------- Test 24: alternating pattern ----------------
        test_num = test_num + 1;
        $display("Test %0d: alternating pattern", test_num);
        apply('1, 8'h55, 1'b0, 32'hf30f3d8d, '0, 1'b0);
        apply(1'h1, 8'd1, 1'b1, 32'd1, 1'h1, '0);
        apply(1'b1, 8'h55, 1'h1, 32'hffffffff, 1'h1, 1'b0);
        apply(1'h1, 8'h55, 1'b1, 32'h1c8d7e83, 1'h1, 1'd0);
        apply(1'h0, 8'h80, 1'b1, 32'd1, 1'b1, 1'b0);
        apply(1'h1, 8'h0, 1'b1, 32'd0, 1'b1, 1'h1);
        check_outputs_known("test 24");

        // ---------------- Test 25: back-to-back changes ----------------
        test_num = test_num + 1;
        apply(1'h1, '1, 1'b0, 32'h8, 1'b1, 1'b1);
        apply('1, 8'hff, '1, 32'h10000, 1'b1, 1'h1);
        apply(1'h1, 8'h55, 1'h1, 32'h55555555, 1'b0, 1'b1);
        apply(1'b1, 8'hd1, 1'b0, 32'h10000000, 1'h1, '0);
        apply(1'h1, 8'h55, 1'd0, '1, 1'h1, '1);
        apply(1'b0, 8'd1, 1'h1, 32'd0, 1'b1, 1'h1);
        check_outputs_known("test 25");

        // ---------------- Test 26: alternating pattern ----------------
        test_num = test_num + 1;
        apply(1'h1, 8'd1, 1'b1, 32'd0, 1'b0, '1);
        apply(1'b1, 8'h55, 1'b1, 32'd0, 1'b1, 1'h1);
        apply(1'h1, 8'h32, 1'h1, 32'h400000, 1'b1, 1'h1);
        apply(1'h1, 8'h55, '1, 32'd1, 1'h1, 1'b1);
        apply('1, 8'd1, 1'h1, 32'h620b8bc5, 1'h1, 1'h1);
        apply(1'h1, 8'h55, 1'h1, 32'h55555555, 1'b1, 1'b0);
        apply('1, 8'h55, 1'd0, 32'h2862ed9e, 1'h1, 1'h0);
        apply(1'b0, 8'h80, '1, '1, '1, 1'b1);
        apply(1'h1, 8'd1, 1'b0, 32'h1000, 1'd0, 1'h0);
        apply(1'b0, 8'h55, 1'b1, '1, '1, 1'd0);
        apply(1'h1, 8'hfa, 1'h1, 32'h80440e5e, 1'b1, 1'b1);
        check_outputs_known("test 26");

        // Corner-value table
        begin
            logic [ADDR_WIDTH-1:0] corners [6];
            corners = '{'0, 8'hff, 8'h55, 8'd1, 8'h8a, 8'h2};
            foreach (corners[idx]) begin
                apply($urandom_range(0, 1), corners[idx], 1'($urandom), $urandom, $urandom_range(0, 1), 1'($urandom));
                check_outputs_known($sformatf("corner %0d", idx));
            end
        end
        // Walking ones on PADDR
        for (int bit_idx = 0; bit_idx < $bits(PADDR); bit_idx++) begin
            PADDR = '0;
            PADDR[bit_idx] = 1'b1;
            @(posedge clk_dsp);
        end
        // Walking ones on PWDATA
        for (int k = 0; k < $bits(PWDATA); k++) begin
            PWDATA = '0;
            PWDATA[k] = 1'b1;
            @(posedge clk_dsp);
        end
        // Sweep PADDR with every other input random, a few passes
        repeat (3) begin
            for (int k = 0; k < 64; k++) begin
                PADDR = k;
                en_clk_dsp = 1'($urandom);
                PWRITE = 1'($urandom);
                PWDATA = $urandom;
                PSEL = $urandom % 2;
                @(posedge clk_dsp);
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
