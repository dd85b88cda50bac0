// ========================================================================
// Testbench for gray_codec
// Layered testbench with parallel stimulus threads, assertions and functional coverage
// Instance name "dut" is required by the coverage flow.
// ========================================================================
`timescale 1ns/1ps

module gray_codec_tb;

    // Parameters (defaults of the DUT)
    localparam W = 4;

    localparam int NUM_RANDOM = 300;

    // DUT inputs
    reg mode;
    reg [ W-1:0] data_in;
    reg [ W-1:0] ref_in;

    // DUT outputs
    wire [ W-1:0] data_out;
    wire [$clog2(W):0] hamming;
    wire adjacent;
    wire equal;

    // Device under test
    gray_codec dut (
        .mode(mode),
        .data_in(data_in),
        .ref_in(ref_in),
        .data_out(data_out),
        .hamming(hamming),
        .adjacent(adjacent),
        .equal(equal)
    );

    int unsigned errors = 0;
    int unsigned vectors = 0;
    bit checks_enabled = 0;
    bit verbose = 0;
    event phase_done;

    task automatic reset_phase(input int cycles = 10);
        begin
            mode = '0;
            data_in = '0;
            ref_in = '0;
            #(cycles * 10);
            #1;
            $display("[%0t] reset done", $time);
        end
    endtask

    task automatic control_thread(input int n);
        repeat (n) begin
            mode = $urandom % 2;
            data_in = 4'($urandom);
            ref_in = $random;
            repeat ($urandom_range(1, 4)) #10;
        end
    endtask

    task automatic data_thread(input int n);
        int i;
        i = 0;
        while (i < n) begin
            vectors++;
            #10;
            i++;
        end
    endtask

    task automatic directed_pattern(input int which);
        case (which)
            0: begin
                data_in = '1;
                #10;
                mode = 1'b1;
                data_in = 4'h1;
                #10;
                data_in = 4'he;
                #10;
                data_in = 4'h4;
                ref_in = 4'h5;
                #10;
                data_in = 4'h4;
                ref_in = 4'h8;
                #10;
                mode = 1'h1;
                data_in = 4'h8;
                #10;
                ref_in = 4'h5;
                #10;
                mode = 1'h1;
                data_in = 4'h5;
                #10;
            end
            1: begin
                mode = 1'h1;
                data_in = 4'hf;
                #10;
                data_in = 4'h5;
                ref_in = '1;
                #10;
                data_in = 4'h5;
                ref_in = '0;
                #10;
            end
            2: begin
                mode = 1'h1;
                data_in = 4'hf;
                #10;
                mode = 1'h1;
                data_in = '0;
                #10;
                mode = 1'h1;
                data_in = 4'h0;
                ref_in = 4'hf;
                #10;
            end
            3: begin
                mode = 1'h1;
                data_in = '0;
                #10;
                data_in = '0;
                ref_in = 4'h0;
                #10;
                #10;
                mode = 1'b0;
                data_in = 4'h0;
                #10;
                mode = 1'b1;
                data_in = 4'd0;
                #10;
                mode = 1'h1;
                #10;
                mode = '0;
                #10;
                mode = 1'h1;
                data_in = 4'h3;
                #10;
            end
            4: begin
                mode = 1'd0;
                data_in = 4'hf;
                #10;
                mode = '1;
                data_in = 4'h8;
                ref_in = '1;
                #10;
                mode = 1'h1;
                ref_in = 4'ha;
                #10;
                mode = 1'h0;
                data_in = 4'h8;
                ref_in = 4'ha;
                #10;
            end
            5: begin
                mode = 1'b1;
                data_in = 4'h8;
                #10;
                mode = 1'h1;
                data_in = 4'hf;
                ref_in = 4'h0;
                #10;
                mode = '0;
                data_in = 4'h5;
                ref_in = 4'h5;
                #10;
                mode = 1'd0;
                ref_in = 4'hc;
                #10;
            end
            6: begin
                #10;
                mode = 1'h1;
                data_in = '1;
                ref_in = 4'd0;
                #10;
                data_in = 4'd0;
                #10;
                mode = 1'h1;
                data_in = 4'h2;
                ref_in = 4'h5;
                #10;
                mode = 1'h1;
                data_in = 4'd0;
                #10;
            end
            7: begin
                mode = 1'h1;
                data_in = 4'h8;
                ref_in = '1;
                #10;
                data_in = 4'h2;
                ref_in = 4'h1;
                #10;
                mode = 1'h1;
                data_in = 4'he;
                ref_in = 4'ha;
                #10;
                data_in = 4'ha;
                ref_in = 4'h4;
                #10;
                #10;
                data_in = 4'h8;
                ref_in = 4'h4;
                #10;
            end
            8: begin
                mode = 1'b1;
                data_in = '1;
                #10;
                data_in = 4'h5;
                ref_in = '0;
                #10;
                mode = '1;
                #10;
                mode = 1'd0;
                ref_in = 4'h5;
                #10;
                mode = '0;
                ref_in = 4'h5;
                #10;
            end
            default: begin
                mode = 1'd0;
                data_in = '0;
                ref_in = '0;
                #10;
            end
        endcase
    endtask

    always @(*) begin
        if (checks_enabled) begin
            if ($isunknown(data_out)) begin
                $error("[%0t] data_out is unknown: %b", $time, data_out);
                errors++;
            end
            if ($isunknown(hamming)) begin
                $error("[%0t] hamming is unknown: %b", $time, hamming);
                errors++;
            end
            if ($isunknown(adjacent)) begin
                $error("[%0t] adjacent is unknown: %b", $time, adjacent);
                errors++;
            end
            if ($isunknown(equal)) begin
                $error("[%0t] equal is unknown: %b", $time, equal);
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
        reset_phase();
        checks_enabled = 1;
        for (int p = 0; p < 10; p++) directed_pattern(p);
        fork
            control_thread(200);
            data_thread(300);
        join
        -> phase_done;
        // Second phase: stimulus while waiting for a quiet period, bounded
        fork
            data_thread(64);
            control_thread(32);
        join_none
        wait fork;
        // Walking ones on data_in
        for (int bit_idx = 0; bit_idx < $bits(data_in); bit_idx++) begin
            data_in = '0;
            data_in[bit_idx] = 1'b1;
            #10;
        end
        // Walking ones on ref_in
        for (int bit_idx = 0; bit_idx < $bits(ref_in); bit_idx++) begin
            ref_in = '0;
            ref_in[bit_idx] = 1'b1;
            #10;
        end
        // Sweep data_in with every other input random, a few passes
        repeat (4) begin
            for (int k = 0; k < 16; k++) begin
                data_in = k;
                mode = $urandom_range(0, 1);
                ref_in = 4'($urandom);
                #10;
            end
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
