/*
 * tb_uart_rx_top.sv
 * Class-based constrained-random testbench with a scoreboard for the uart_rx module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ns

module tb_uart_rx_top;

    // Parameters (defaults of the DUT)
    localparam CLKS_PER_BIT = 8;

    localparam int CLK_PERIOD = 4;
    localparam int NUM_RANDOM = 256;

    // DUT inputs
    reg clk;
    reg rst_n;
    reg rx;
    reg parity_en;
    reg parity_odd;

    // DUT outputs
    wire [7:0] rx_data;
    wire rx_valid;
    wire parity_error;
    wire frame_error;
    wire busy;

    // Device under test
    uart_rx uut (
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
    class uart_rx_item;
        rand logic rx;
        rand logic parity_en;
        rand logic parity_odd;
        int id;
        static int next_id = 0;

        constraint c_rx_mostly_on { rx dist { 1 := 7, 0 := 3 }; }

        function new();
            id = next_id++;
        endfunction

        function void display(string tag = "TXN");
            $display("[%s] #%0d rx=%0h parity_en=%0h parity_odd=%0h", tag, id, rx, parity_en, parity_odd);
        endfunction

        function uart_rx_item copy();
            copy = new();
            copy.rx = this.rx;
            copy.parity_en = this.parity_en;
            copy.parity_odd = this.parity_odd;
        endfunction
    endclass

    // Scoreboard: keeps what was sent and what came out, reports statistics
    class uart_rx_scoreboard;
        uart_rx_item sent_q[$];
        logic [7:0] observed_q[$];
        int unsigned num_sent;
        int unsigned num_changes;
        int unsigned num_mismatch;

        function void push(uart_rx_item t);
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

    uart_rx_item tr;
    uart_rx_scoreboard sb;

    task automatic drive(uart_rx_item t);
        rx = t.rx;
        parity_en = t.parity_en;
        parity_odd = t.parity_odd;
        @(posedge clk);
        sb.observe(rx_data);
        sb.push(t);
        check_count++;
        if (verbose) t.display("DRV");
    endtask

    task automatic reset_dut(input int cycles = 3);
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

    initial begin
        #(5_000_000) $error("Timeout! The test did not finish");
        $finish;
    end

    initial begin
        tr = new();
        sb = new();
        reset_dut();
        checks_enabled = 1;

        // Phase 1: unconstrained random
        repeat (NUM_RANDOM) begin
            if (!tr.randomize()) begin
                $error("randomize() failed");
                error_count++;
            end
            drive(tr);
        end

        // Phase 2: rx constrained (rx == 1)
        for (int n = 0; n < 32; n++) begin
            if (!tr.randomize() with { rx == 1; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Phase 3: parity_odd constrained (parity_odd == 0)
        for (int n = 0; n < 64; n++) begin
            if (!tr.randomize() with { parity_odd == 0; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Phase 4: parity_en constrained (parity_en == 1)
        for (int n = 0; n < 20; n++) begin
            if (!tr.randomize() with { parity_en == 1; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Phase 5: parity_odd constrained (parity_odd == 1)
        for (int n = 0; n < 50; n++) begin
            if (!tr.randomize() with { parity_odd == 1; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Phase 6: parity_odd constrained (parity_odd == 0)
        for (int n = 0; n < 20; n++) begin
            if (!tr.randomize() with { parity_odd == 0; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Phase 7: rx constrained (rx == 0)
        for (int n = 0; n < 20; n++) begin
            if (!tr.randomize() with { rx == 0; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Directed corners
        rx = '0;
        parity_en = '0;
        parity_odd = '0;
        repeat (1) @(posedge clk);
        rx = 1'h1;
        parity_en = '1;
        parity_odd = '1;
        repeat (4) @(posedge clk);
        rx = 1'h1;
        parity_en = 1'h1;
        parity_odd = 1'h1;
        repeat (1) @(posedge clk);
        rx = 1'b0;
        parity_en = 1'b1;
        parity_odd = 1'b0;
        repeat (4) @(posedge clk);
        rx = 1'h1;
        parity_en = 1'h1;
        parity_odd = 1'h1;
        repeat (4) @(posedge clk);
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
