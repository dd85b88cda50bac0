// Class-based constrained-random testbench with a scoreboard: pseudoRandGenerator_ca
`timescale 1ns/1ps

module testbench;

    localparam int CLK_PERIOD = 8;
    localparam int NUM_RANDOM = 400;

    // DUT inputs
    logic clock;
    logic reset;
    logic [15:0] CA_seed;

    // DUT outputs
    logic [15:0] CA_out;

    // Device under test
    pseudoRandGenerator_ca dut (
        .clock(clock),
        .reset(reset),
        .CA_seed(CA_seed),
        .CA_out(CA_out)
    );

    // Clock generation
    initial begin
        clock = 1'b0;
        forever #(CLK_PERIOD/2) clock = ~clock;
    end

    int error_count = 0;
    int check_count = 0;
    bit checks_enabled = 0;
    bit verbose = 1;

    // Transaction: one set of DUT input values
    class pseudoRandGenerator_ca_txn;
        rand logic [15:0] CA_seed;
        int id;
        static int next_id = 0;

        // Bias CA_seed towards its corner values
        constraint c_CA_seed_dist {
            CA_seed dist { 0 := 10, [1:65534] :/ 80, 65535 := 10 };
        }

        function new();
            id = next_id++;
        endfunction

        function void display(string tag = "TXN");
            $display("[%s] #%0d CA_seed=%0h", tag, id, CA_seed);
        endfunction

        function pseudoRandGenerator_ca_txn copy();
            copy = new();
            copy.CA_seed = this.CA_seed;
        endfunction
    endclass

    // Scoreboard: keeps what was sent and what came out, reports statistics
    class sb_t;
        pseudoRandGenerator_ca_txn sent_q[$];
        logic [15:0] observed_q[$];
        int unsigned num_sent;
        int unsigned num_changes;
        int unsigned num_mismatch;

        function void push(pseudoRandGenerator_ca_txn t);
            sent_q.push_back(t.copy());
            num_sent++;
            if (sent_q.size() > 64) void'(sent_q.pop_front());
        endfunction

        function void observe(logic [15:0] value);
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

    pseudoRandGenerator_ca_txn tr;
    sb_t sb;

    task automatic drive(pseudoRandGenerator_ca_txn t);
        CA_seed = t.CA_seed;
        @(posedge clock);
        sb.observe(CA_out);
        sb.push(t);
        check_count++;
        if (verbose) t.display("DRV");

    task automatic apply_reset(input int cycles = 5);
        begin
            CA_seed = '0;
            reset = 1'b1;
            repeat (cycles) @(posedge clock);
            reset = 1'b0;
            @(posedge clock);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clock) begin
        if (checks_enabled && !reset) begin
            if ($isunknown(CA_out)) begin
                $error("[%0t] CA_out is unknown: %b", $time, CA_out);
                error_count++;
            end
        end
    end

    // Light-weight monitor (every 64th cycle, keeps the log short)
    int unsigned cycle_count = 0;
    always @(posedge clock) begin
        cycle_count <= cycle_count + 1;
        if (verbose && cycle_count % 64 == 0) $display("[%0t] CA_out=%0h", $time, CA_out);
    end

    localparam longint TIMEOUT_NS = 2_000_000;
    initial begin : watchdog
        #(TIMEOUT_NS);
        $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
    end

    initial begin
        tr = new();
        sb = new();
        apply_reset();
        checks_enabled = 1;

        // Phase 1: unconstrained random
        repeat (100) begin
            if (!tr.randomize()) begin
                $error("randomize() failed");
                error_count++;
            end
            drive(tr);
        end

        // Directed corners
        CA_seed = 16'd0;
        repeat (2) @(posedge clock);
        CA_seed = '1;
        repeat (3) @(posedge clock);
        CA_seed = 16'h5555;
        repeat (4) @(posedge clock);
        CA_seed = 16'h53d2;
        repeat (4) @(posedge clock);
        CA_seed = 16'h800;
        repeat (4) @(posedge clock);
        // Walking ones on CA_seed
        for (int n = 0; n < $bits(CA_seed); n++) begin
            CA_seed = '0;
            CA_seed[n] = 1'b1;
            @(posedge clock);
        end
        // Sweep CA_seed with every other input random, a few passes
        repeat (4) begin
            for (int k = 0; k < 64; k++) begin
                CA_seed = k;
                @(posedge clock);
            end
        end
        // Reset in the middle of traffic
        fork
            begin
                repeat (20) begin void'(tr.randomize()); drive(tr); end
            end
            begin
                repeat (7) @(posedge clock);
                reset = 1'b1;
                repeat (2) @(posedge clock);
                reset = 1'b0;
            end
        join

        sb.report();
        $display("checks: %0d, errors: %0d", check_count, error_count);
        if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
        $finish;
    end

endmodule
