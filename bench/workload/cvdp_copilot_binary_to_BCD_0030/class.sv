// Class-based constrained-random testbench with a scoreboard: binary_to_bcd
`timescale 1ns/1ns

module tb;

    localparam int NUM_RANDOM = 300;

    // DUT inputs
    logic [7:0] binary_in;

    // DUT outputs
    logic [11:0] bcd_out;

    // Device under test
    binary_to_bcd uut (
        .binary_in(binary_in),
        .bcd_out(bcd_out)
    );

    int error_count = 0;
    int check_count = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Transaction: one set of DUT input values
    class binary_to_bcd_item;
        rand logic [7:0] binary_in;
        int id;
        static int next_id = 0;

        // Bias binary_in towards its corner values
        constraint c_binary_in_dist {
            binary_in dist { 0 := 10, [1:254] :/ 80, 255 := 10 };
        }

        function new();
            id = next_id++;
        endfunction

        function void display(string tag = "TXN");
            $display("[%s] #%0d binary_in=%0h", tag, id, binary_in);
        endfunction

        function binary_to_bcd_item copy();
            copy = new();
            copy.binary_in = this.binary_in;
        endfunction
    endclass

    // Scoreboard: keeps what was sent and what came out, reports statistics
    class sb_t;
        binary_to_bcd_item sent_q[$];
        logic [11:0] observed_q[$];
        int unsigned num_sent;
        int unsigned num_changes;
        int unsigned num_mismatch;

        function void push(binary_to_bcd_item t);
            sent_q.push_back(t.copy());
            num_sent++;
            if (sent_q.size() > 64) void'(sent_q.pop_front());
        endfunction

        function void observe(logic [11:0] value);
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

    binary_to_bcd_item tr;
    sb_t sb;

    task automatic drive(binary_to_bcd_item t);
        binary_in = t.binary_in;
        #8;
        sb.observe(bcd_out);
        sb.push(t);
        check_count++;
        if (verbose) t.display("DRV");
    endtask

    task automatic reset_dut(input int cycles = 2);
        begin
            binary_in = '0;
            #(cycles * 8);
            #1;
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(*) begin
        if (checks_enabled) begin
            if ($isunknown(bcd_out)) begin
                $error("[%0t] bcd_out is unknown: %b", $time, bcd_out);
                error_count++;
            end
        end
    end

    initial begin
        #(500_000) $error("Timeout! The test did not finish");
        $finish;
    end

    initial begin
        tr = new();
        sb = new();
        reset_dut();
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
        binary_in = 8'd0;
        repeat (4) #8;
        binary_in = 8'hff;
        repeat (3) #8;
        binary_in = 8'h55;
        repeat (2) #8;
        binary_in = 8'h3;
        repeat (2) #8;
        binary_in = 8'h2;
        repeat (4) #8;
        // Walking ones on binary_in
        for (int n = 0; n < $bits(binary_in); n++) begin
            binary_in = '0;
            binary_in[n] = 1'b1;
            #8;
        end
        // Sweep binary_in with every other input random, a few passes
        repeat (3) begin
            for (int k = 0; k < 64; k++) begin
                binary_in = k;
                #8;
            end
        end

        sb.report();
        $display("checks: %0d, errors: %0d", check_count, error_count);
        if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
        $finish;
    end

endmodule
