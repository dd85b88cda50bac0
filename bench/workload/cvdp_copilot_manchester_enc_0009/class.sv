// ******************************************************************************
// Testbench for top_manchester
// Class-based constrained-random testbench with a scoreboard
// Instance name "uut" is required by the coverage flow.
// ******************************************************************************
`timescale 1ns/1ps

module tb;

    // Parameters (defaults of the DUT)
    localparam N = 8;

    localparam int CLK_PERIOD = 8;
    localparam int NUM_RANDOM = 300;

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
    top_manchester uut (
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

    int error_count = 0;
    int check_count = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Transaction: one set of DUT input values
    class transaction;
        rand logic enc_valid_in;
        rand logic [N-1:0] enc_data_in;
        rand logic dec_valid_in;
        rand logic [2*N-1:0] dec_data_in;
        int id;
        static int next_id = 0;

        function new();
            id = next_id++;
        endfunction

        function void display(string tag = "TXN");
            $display("[%s] #%0d enc_valid_in=%0h enc_data_in=%0h dec_valid_in=%0h dec_data_in=%0h", tag, id, enc_valid_in, enc_data_in, dec_valid_in, dec_data_in);
        endfunction

        function transaction copy();
            copy = new();
            copy.enc_valid_in = this.enc_valid_in;
            copy.enc_data_in = this.enc_data_in;
            copy.dec_valid_in = this.dec_valid_in;
            copy.dec_data_in = this.dec_data_in;
        endfunction
    endclass

    // Scoreboard: keeps what was sent and what came out, reports statistics
    class top_manchester_scoreboard;
        transaction sent_q[$];
        logic observed_q[$];
        int unsigned num_sent;
        int unsigned num_changes;
        int unsigned num_mismatch;

        function void push(transaction t);
            sent_q.push_back(t.copy());
            num_sent++;
            if (sent_q.size() > 64) void'(sent_q.pop_front());
        endfunction

        function void observe(logic value);
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

    transaction tr;
    top_manchester_scoreboard sb;

    task automatic drive(transaction t);
        enc_valid_in = t.enc_valid_in;
        enc_data_in = t.enc_data_in;
        dec_valid_in = t.dec_valid_in;
        dec_data_in = t.dec_data_in;
        @(posedge clk_in);
        sb.observe(enc_valid_out);
        sb.push(t);
        check_count++;
        if (verbose) t.display("DRV");
    endtask

    task automatic apply_reset(input int cycles = 4);
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
                error_count++;
            end
            if ($isunknown(enc_data_out)) begin
                $error("[%0t] enc_data_out is unknown: %b", $time, enc_data_out);
                error_count++;
            end
            if ($isunknown(dec_valid_out)) begin
                $error("[%0t] dec_valid_out is unknown: %b", $time, dec_valid_out);
                error_count++;
            end
            if ($isunknown(dec_data_out)) begin
                $error("[%0t] dec_data_out is unknown: %b", $time, dec_data_out);
                error_count++;
            end
        end
    end

    // Light-weight monitor (every 64th cycle, keeps the log short)
    int unsigned cycle_count = 0;
    always @(posedge clk_in) begin
        cycle_count <= cycle_count + 1;
        if (verbose && cycle_count % 64 == 0) $display("[%0t] enc_valid_out=%0h enc_data_out=%0h dec_valid_out=%0h dec_data_out=%0h", $time, enc_valid_out, enc_data_out, dec_valid_out, dec_data_out);
    end

    // Watchdog: never hang the regression
    initial begin
        #2_000_000;
        $display("ERROR: watchdog timeout at %0t", $time);
        $finish;
    end

    initial begin
        tr = new();
        sb = new();
        apply_reset();
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
        enc_valid_in = '0;
        enc_data_in = 8'h0;
        dec_valid_in = '0;
        dec_data_in = '0;
        repeat (1) @(posedge clk_in);
        enc_valid_in = 1'h1;
        enc_data_in = 8'hff;
        dec_valid_in = '1;
        dec_data_in = 16'hffff;
        repeat (2) @(posedge clk_in);
        enc_valid_in = 1'h1;
        enc_data_in = 8'h55;
        dec_valid_in = 1'h1;
        dec_data_in = 16'h5555;
        repeat (3) @(posedge clk_in);
        enc_valid_in = 1'b1;
        enc_data_in = 8'h79;
        dec_valid_in = 1'b0;
        dec_data_in = 16'hcc75;
        repeat (1) @(posedge clk_in);
        enc_valid_in = 1'h1;
        enc_data_in = 8'h20;
        dec_valid_in = 1'h1;
        dec_data_in = 16'h400;
        repeat (2) @(posedge clk_in);
        // Walking ones on enc_data_in
        for (int i = 0; i < $bits(enc_data_in); i++) begin
            enc_data_in = '0;
            enc_data_in[i] = 1'b1;
            @(posedge clk_in);
        end
        // Walking ones on dec_data_in
        for (int k = 0; k < $bits(dec_data_in); k++) begin
            dec_data_in = '0;
            dec_data_in[k] = 1'b1;
            @(posedge clk_in);
        end
        // Sweep enc_data_in with every other input random, a few passes
        repeat (2) begin
            for (int k = 0; k < 64; k++) begin
                enc_data_in = k;
                enc_valid_in = $urandom_range(0, 1);
                dec_valid_in = $urandom % 2;
                dec_data_in = $urandom;
                @(posedge clk_in);
            end
        end
        // Reset in the middle of traffic
        fork
            begin
                repeat (20) begin void'(tr.randomize()); drive(tr); end
            end
            begin
                repeat (7) @(posedge clk_in);
                rst_in = 1'b1;
                repeat (2) @(posedge clk_in);
                rst_in = 1'b0;
            end
        join

        sb.report();
        $display("checks: %0d, errors: %0d", check_count, error_count);
        if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
        $finish;
    end

endmodule
