/*
 * tb_uart_rx_top.sv
 * Class-based constrained-random testbench with a scoreboard for the uart_rx module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ps

module tb_uart_rx_top;

    // Parameters (defaults of the DUT)
    localparam CLKS_PER_BIT = 8;

    localparam int CLK_PERIOD = 8;
    localparam int NUM_RANDOM = 400;

    // DUT inputs
    logic clk;
    logic rst_n;
    logic rx;
    logic parity_en;
    logic parity_odd;

    // DUT outputs
    logic [7:0] rx_data;
    logic rx_valid;
    logic parity_error;
    logic frame_error;
    logic busy;

    // Device under test
    uart_rx #(
        .CLKS_PER_BIT(CLKS_PER_BIT)
    ) uut (
        .clk(clk),
        .rst_n(rst_n),
        .rx(rx),
        .parity_en(parity_en),
        .parity_odd(parity_odd),
        .rx_data(rx_data),
        .rx_valid(rx_valid),
        .parity_error(parity_error),
        .frame_error(frame_error),
        .busy(busy)
    );

    // Clock generation
    initial begin
        clk = 1'b0;
        forever #(CLK_PERIOD/2) clk = ~clk;
    end

    int error_count = 0;
    int check_count = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Transaction: one set of DUT input values
    class uart_rx_txn;
        rand logic rx;
        rand logic parity_en;
        rand logic parity_odd;
        int id;
        static int next_id = 0;

        function new();
            id = next_id++;
        endfunction

        function void display(string tag = "TXN");
            $display("[%s] #%0d rx=%0h parity_en=%0h parity_odd=%0h", tag, id, rx, parity_en, parity_odd);
        endfunction

        function uart_rx_txn copy();
            copy = new();
            copy.rx = this.rx;
            copy.parity_en = this.parity_en;
            copy.parity_odd = this.parity_odd;
        endfunction
    endclass

    // Scoreboard: keeps what was sent and what came out, reports statistics
    class scoreboard;
        uart_rx_txn sent_q[$];
        logic [7:0] observed_q[$];
        int unsigned num_sent;
        int unsigned num_changes;
        int unsigned num_mismatch;

        function void push(uart_rx_txn t);
            sent_q.push_back(t.copy());
            num_sent++;
            if (sent_q.size() > 64) void'(sent_q.pop_front());
        endfunction

        function void observe(logic [7:0] value);
            if (observed_q.size() > 0 && observed_q[$] != value) num_changes++;
            observed_q.push_back(value);
            if (observed_q.size() > 64) void'(observed_q.pop_front());
        endfunction

        function void report();
            $display("---------------- SCOREBOARD ----------------");
            $display(" transactions sent : %0d", num_sent);
            $display(" output changes    : %0d", num_changes);
            $display(" mismatches        : %0d", num_mismatch);
            $display("--------------------------------------------");
        endfunction
    endclass

    uart_rx_txn tr;
    scoreboard sb;

    task automatic drive(uart_rx_txn t);
        rx = t.rx;
        parity_en = t.parity_en;
        parity_odd = t.parity_odd;
        @(posedge clk);
        sb.observe(rx_data);
        sb.push(t);
        check_count++;
        if (verbose) t.display("DRV");
    endtask

    task automatic do_reset(input int cycles = 4);
        begin
            rx = '0;
            parity_en = '0;
            parity_odd = '0;
            rst_n = 1'b0;
            repeat (cycles) @(posedge clk);
            rst_n = 1'b1;
            @(posedge clk);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clk) begin
        if (checks_enabled && rst_n) begin
            if ($isunknown(rx_data)) begin
                $error("[%0t] rx_data is unknown: %b", $time, rx_data);
                error_count++;
            end
            if ($isunknown(rx_valid)) begin
                $error("[%0t] rx_valid is unknown: %b", $time, rx_valid);
                error_count++;
            end
            if ($isunknown(parity_error)) begin
                $error("[%0t] parity_error is unknown: %b", $time, parity_error);
                error_count++;
            end
            if ($isunknown(frame_error)) begin
                $error("[%0t] frame_error is unknown: %b", $time, frame_error);
                error_count++;
            end
            if ($isunknown(busy)) begin
                $error("[%0t] busy is unknown: %b", $time, busy);
                error_count++;
            end
        end
    end

    // Light-weight monitor (every 64th cycle, keeps the log short)
    int unsigned cycle_count = 0;
    always @(posedge clk) begin
        cycle_count <= cycle_count + 1;
        if (verbose && cycle_count % 64 == 0) $display("[%0t] rx_data=%0h rx_valid=%0h parity_error=%0h frame_error=%0h", $time, rx_data, rx_valid, parity_error, frame_error);
    end

    localparam longint TIMEOUT_NS = 5_000_000;
    initial begin : watchdog
        #(TIMEOUT_NS);
        $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
    end

    initial begin
        tr = new();
        sb = new();
        do_reset();
        checks_enabled = 1;

        // Phase 1: unconstrained random
        repeat (NUM_RANDOM) begin
            if (!tr.randomize()) begin
                $error("randomize() failed");
                error_count++;
            end
            drive(tr);
        end

        // Directed corners
        rx = '0;
        parity_en = 1'd0;
        parity_odd = 1'h0;
        repeat (2) @(posedge clk);
        rx = '1;
        parity_en = 1'h1;
        parity_odd = '1;
        repeat (1) @(posedge clk);
        rx = 1'h1;
        parity_en = 1'h1;
        parity_odd = 1'h1;
        repeat (4) @(posedge clk);
        rx = 1'b0;
        parity_en = 1'b1;
        parity_odd = 1'b0;
        repeat (4) @(posedge clk);
        rx = 1'h1;
        parity_en = 1'h1;
        parity_odd = 1'h1;
        repeat (2) @(posedge clk);
        // Reset in the middle of traffic
        fork
            begin
                repeat (20) begin void'(tr.randomize()); drive(tr); end
            end
            begin
                repeat (7) @(posedge clk);
                rst_n = 1'b0;
                repeat (2) @(posedge clk);
                rst_n = 1'b1;
            end
        join

        sb.report();
        $display("checks: %0d, errors: %0d", check_count, error_count);
        if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
        $finish;
    end

endmodule
