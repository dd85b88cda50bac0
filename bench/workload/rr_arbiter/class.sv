// ************************************************************
// Testbench for rr_arbiter
// Class-based constrained-random testbench with a scoreboard
// Instance name "dut" is required by the coverage flow.
// ************************************************************
`timescale 1ns / 1ps

module test_rr_arbiter;

    localparam int CLK_PERIOD = 10;
    localparam int NUM_RANDOM = 400;

    // DUT inputs
    reg clk;
    reg rst_n;
    reg [3:0] req;
    reg lock;

    // DUT outputs
    wire [3:0] grant;
    wire [1:0] grant_id;
    wire grant_valid;
    wire switched;

    // Device under test
    rr_arbiter dut (
        .clk(clk),
        .rst_n(rst_n),
        .req(req),
        .lock(lock),
        .grant(grant),
        .grant_id(grant_id),
        .grant_valid(grant_valid),
        .switched(switched)
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
    class rr_arbiter_txn;
        rand logic [3:0] req;
        rand logic lock;
        int id;
        static int next_id = 0;

        // Bias req towards its corner values
        constraint c_req_dist {
            req dist { 0 := 10, [1:14] :/ 80, 15 := 10 };
        }

        constraint c_lock_mostly_on { lock dist { 1 := 7, 0 := 3 }; }

        function new();
            id = next_id++;
        endfunction

        function void display(string tag = "TXN");
            $display("[%s] #%0d req=%0h lock=%0h", tag, id, req, lock);
        endfunction

        function rr_arbiter_txn copy();
            copy = new();
            copy.req = this.req;
            copy.lock = this.lock;
        endfunction
    endclass

    // Scoreboard: keeps what was sent and what came out, reports statistics
    class rr_arbiter_scoreboard;
        rr_arbiter_txn sent_q[$];
        logic [3:0] observed_q[$];
        int unsigned num_sent;
        int unsigned num_changes;
        int unsigned num_mismatch;

        function void push(rr_arbiter_txn t);
            sent_q.push_back(t.copy());
            num_sent++;
            if (sent_q.size() > 64) void'(sent_q.pop_front());
        endfunction

        function void observe(logic [3:0] value);
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

    rr_arbiter_txn tr;
    rr_arbiter_scoreboard sb;

    task automatic drive(rr_arbiter_txn t);
        req = t.req;
        lock = t.lock;
        @(posedge clk);
        sb.observe(grant);
        sb.push(t);
        check_count++;
        if (verbose) t.display("DRV");
    endtask

    task automatic do_reset(input int cycles = 2);
        begin
            req = '0;
            lock = '0;
            rst_n = 1'b0;
            repeat (cycles) @(posedge clk);
            rst_n = 1'b1;
            @(posedge clk);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clk) begin
        if (checks_enabled && rst_n) begin
            if ($isunknown(grant)) begin
                $error("[%0t] grant is unknown: %b", $time, grant);
                error_count++;
            end
            if ($isunknown(grant_id)) begin
                $error("[%0t] grant_id is unknown: %b", $time, grant_id);
                error_count++;
            end
            if ($isunknown(grant_valid)) begin
                $error("[%0t] grant_valid is unknown: %b", $time, grant_valid);
                error_count++;
            end
            if ($isunknown(switched)) begin
                $error("[%0t] switched is unknown: %b", $time, switched);
                error_count++;
            end
        end
    end

    // Light-weight monitor (every 64th cycle, keeps the log short)
    int unsigned cycle_count = 0;
    always @(posedge clk) begin
        cycle_count <= cycle_count + 1;
        if (verbose && cycle_count % 64 == 0) $display("[%0t] grant=%0h grant_id=%0h grant_valid=%0h switched=%0h", $time, grant, grant_id, grant_valid, switched);
    end

    initial begin
        #(2_000_000) $error("Timeout! The test did not finish");
        $finish;
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

        // Phase 2: lock constrained (lock == 1)
        for (int n = 0; n < 20; n++) begin
            if (!tr.randomize() with { lock == 1; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Phase 3: lock constrained (lock == 1)
        for (int n = 0; n < 64; n++) begin
            if (!tr.randomize() with { lock == 1; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Phase 4: lock constrained (lock == 0)
        for (int n = 0; n < 20; n++) begin
            if (!tr.randomize() with { lock == 0; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Directed corners
        req = 4'd0;
        lock = 1'd0;
        repeat (2) @(posedge clk);
        req = '1;
        lock = '1;
        repeat (2) @(posedge clk);
        req = 4'h5;
        lock = 1'h1;
        repeat (3) @(posedge clk);
        req = 4'h9;
        lock = 1'b1;
        repeat (4) @(posedge clk);
        req = 4'h1;
        lock = 1'h1;
        repeat (3) @(posedge clk);
        // Walking ones on req
        for (int k = 0; k < $bits(req); k++) begin
            req = '0;
            req[k] = 1'b1;
            @(posedge clk);
        end
        // Sweep req with every other input random, a few passes
        repeat (2) begin
            for (int k = 0; k < 16; k++) begin
                req = k;
                lock = 1'($urandom);
                @(posedge clk);
            end
        end
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
