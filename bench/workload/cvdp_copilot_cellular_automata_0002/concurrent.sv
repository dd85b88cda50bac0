// Layered testbench with parallel stimulus threads, assertions and functional coverage: pseudoRandGenerator_ca
`timescale 1ns/1ns

module tb_pseudoRandGenerator_ca_top;

    localparam int CLK_PERIOD = 8;
    localparam int NUM_RANDOM = 200;

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

    int unsigned errors = 0;
    int unsigned vectors = 0;
    bit checks_enabled = 0;
    bit verbose = 0;
    event phase_done;

    // Assertions
    property p_CA_out_known;
        @(posedge clock) disable iff (reset) checks_enabled |-> !$isunknown(CA_out);
    endproperty
    a_CA_out_known: assert property (p_CA_out_known) else begin
        $error("CA_out went unknown");
        errors++;
    end

    task automatic reset_phase(input int cycles = 10);
        begin
            CA_seed = '0;
            reset = 1'b1;
            repeat (cycles) @(posedge clock);
            reset = 1'b0;
            @(posedge clock);
            $display("[%0t] reset done", $time);
        end
    endtask

    task automatic control_thread(input int n);
        repeat (n) begin
            repeat ($urandom_range(1, 4)) @(posedge clock);
        end
    endtask

    task automatic data_thread(input int n);
        int i;
        i = 0;
        while (i < n) begin
            CA_seed = $urandom;
            vectors++;
            @(posedge clock);
            i++;
        end
    endtask

    task automatic directed_pattern(input int which);
        case (which)
            0: begin
                @(posedge clock);
                CA_seed = 16'h78c7;
                @(posedge clock);
                CA_seed = 16'h4;
                @(posedge clock);
                CA_seed = 16'h9e10;
                @(posedge clock);
                @(posedge clock);
                CA_seed = 16'h5555;
                @(posedge clock);
                @(posedge clock);
                @(posedge clock);
            end
            1: begin
                CA_seed = 16'd0;
                @(posedge clock);
                @(posedge clock);
                CA_seed = 16'h0;
                @(posedge clock);
            end
            2: begin
                CA_seed = 16'h8000;
                @(posedge clock);
                CA_seed = 16'h45dd;
                @(posedge clock);
                CA_seed = 16'd0;
                @(posedge clock);
            end
            3: begin
                @(posedge clock);
                @(posedge clock);
                CA_seed = 16'd0;
                @(posedge clock);
                @(posedge clock);
                CA_seed = 16'h4;
                @(posedge clock);
            end
            4: begin
                CA_seed = 16'h5555;
                @(posedge clock);
                @(posedge clock);
                CA_seed = 16'h2;
                @(posedge clock);
                @(posedge clock);
                CA_seed = 16'h5555;
                @(posedge clock);
                CA_seed = 16'h5555;
                @(posedge clock);
            end
            5: begin
                CA_seed = 16'h5555;
                @(posedge clock);
                @(posedge clock);
                CA_seed = '1;
                @(posedge clock);
                CA_seed = 16'h100;
                @(posedge clock);
                @(posedge clock);
                CA_seed = '0;
                @(posedge clock);
                CA_seed = 16'hffff;
                @(posedge clock);
            end
            6: begin
                @(posedge clock);
                @(posedge clock);
                CA_seed = '0;
                @(posedge clock);
                @(posedge clock);
                @(posedge clock);
                CA_seed = '1;
                @(posedge clock);
                CA_seed = 16'hffff;
                @(posedge clock);
                CA_seed = 16'h4000;
                @(posedge clock);
            end
            7: begin
                @(posedge clock);
                @(posedge clock);
                CA_seed = 16'hef4e;
                @(posedge clock);
                @(posedge clock);
                CA_seed = 16'd0;
                @(posedge clock);
            end
            8: begin
                CA_seed = 16'h800;
                @(posedge clock);
                CA_seed = 16'h62ce;
                @(posedge clock);
                CA_seed = 16'hffff;
                @(posedge clock);
                @(posedge clock);
                @(posedge clock);
            end
            default: begin
                CA_seed = 16'h0;
                @(posedge clock);
            end
        endcase
    endtask

    always @(negedge clock) begin
        if (checks_enabled && !reset) begin
            if ($isunknown(CA_out)) begin
                $error("[%0t] CA_out is unknown: %b", $time, CA_out);
                errors++;
            end
        end
    end

    // Light-weight monitor (every 64th cycle, keeps the log short)
    int unsigned cycle_count = 0;
    always @(posedge clock) begin
        cycle_count <= cycle_count + 1;
        if (verbose && cycle_count % 64 == 0) $display("[%0t] CA_out=%0h", $time, CA_out);
    end

    initial begin
        #(5_000_000) $error("Timeout! The test did not finish");
        $finish;
    end

    initial begin
        reset_phase();
        checks_enabled = 1;
        for (int p = 0; p < 10; p++) directed_pattern(p);
        fork
            control_thread(150);
            data_thread(500);
        join
        -> phase_done;
        // Second phase: stimulus while waiting for a quiet period, bounded
        fork
            data_thread(64);
            control_thread(32);
        join_none
        wait fork;
        // Walking ones on CA_seed
        for (int i = 0; i < $bits(CA_seed); i++) begin
            CA_seed = '0;
            CA_seed[i] = 1'b1;
            @(posedge clock);
        end
        // Sweep CA_seed with every other input random, a few passes
        repeat (4) begin
            for (int k = 0; k < 64; k++) begin
                CA_seed = k;
                @(posedge clock);
            end
        end
        repeat (3) begin
            reset_phase(2);
            for (int j = 0; j < 4; j++) directed_pattern($urandom_range(0, 9));
        end
        $display("vectors=%0d errors=%0d", vectors, errors);
        $display(errors == 0 ? "*** PASSED ***" : "*** FAILED ***");
        $finish;
    end

    initial begin
        @(phase_done);
        $display("[%0t] phase 1 done, %0d vectors", $time, vectors);
    end

endmodule
