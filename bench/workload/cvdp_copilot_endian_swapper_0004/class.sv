/*
 * tb_endian_swapper.sv
 * Class-based constrained-random testbench with a scoreboard for the endian_swapper module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns / 1ps

module tb_endian_swapper;

    // Parameters (defaults of the DUT)
    localparam DATA_BYTES = 8;

    localparam int CLK_PERIOD = 10;
    localparam int NUM_RANDOM = 256;

    // DUT inputs
    logic clk;
    logic reset_n;
    logic [(DATA_BYTES*8)-1:0] stream_in_data;
    logic [$clog2(DATA_BYTES)-1:0] stream_in_empty;
    logic stream_in_valid;
    logic stream_in_startofpacket;
    logic stream_in_endofpacket;
    logic stream_out_ready;
    logic [1:0] csr_address;
    logic csr_read;
    logic csr_write;
    logic [31:0] csr_writedata;

    // DUT outputs
    logic stream_in_ready;
    logic [(DATA_BYTES*8)-1:0] stream_out_data;
    logic [$clog2(DATA_BYTES)-1:0] stream_out_empty;
    logic stream_out_valid;
    logic stream_out_startofpacket;
    logic stream_out_endofpacket;
    logic [31:0] csr_readdata;
    logic csr_readdatavalid;
    logic csr_waitrequest;

    // Device under test
    endian_swapper #(
        .DATA_BYTES(DATA_BYTES)
    ) dut (
        .clk(clk),
        .reset_n(reset_n),
        .stream_in_data(stream_in_data),
        .stream_in_empty(stream_in_empty),
        .stream_in_valid(stream_in_valid),
        .stream_in_startofpacket(stream_in_startofpacket),
        .stream_in_endofpacket(stream_in_endofpacket),
        .stream_in_ready(stream_in_ready),
        .stream_out_data(stream_out_data),
        .stream_out_empty(stream_out_empty),
        .stream_out_valid(stream_out_valid),
        .stream_out_startofpacket(stream_out_startofpacket),
        .stream_out_endofpacket(stream_out_endofpacket),
        .stream_out_ready(stream_out_ready),
        .csr_address(csr_address),
        .csr_readdata(csr_readdata),
        .csr_readdatavalid(csr_readdatavalid),
        .csr_read(csr_read),
        .csr_write(csr_write),
        .csr_waitrequest(csr_waitrequest),
        .csr_writedata(csr_writedata)
    );

    // Clock generation
    initial begin
        clk = 1'b0;
        forever #(CLK_PERIOD/2) clk = ~clk;
    end

    int error_count = 0;
    int check_count = 0;
    bit checks_enabled = 0;
    bit verbose = 1;

    // Transaction: one set of DUT input values
    class transaction;
        rand logic [(DATA_BYTES*8)-1:0] stream_in_data;
        rand logic [$clog2(DATA_BYTES)-1:0] stream_in_empty;
        rand logic stream_in_valid;
        rand logic stream_in_startofpacket;
        rand logic stream_in_endofpacket;
        rand logic stream_out_ready;
        rand logic [1:0] csr_address;
        rand logic csr_read;
        rand logic csr_write;
        rand logic [31:0] csr_writedata;
        int id;
        static int next_id = 0;

        function new();
            id = next_id++;
        endfunction

        function void display(string tag = "TXN");
            $display("[%s] #%0d stream_in_data=%0h stream_in_empty=%0h stream_in_valid=%0h stream_in_startofpacket=%0h stream_in_endofpacket=%0h stream_out_ready=%0h csr_address=%0h csr_read=%0h csr_write=%0h csr_writedata=%0h", tag, id, stream_in_data, stream_in_empty, stream_in_valid, stream_in_startofpacket, stream_in_endofpacket, stream_out_ready, csr_address, csr_read, csr_write, csr_writedata);
        endfunction

        function transaction copy();
            copy = new();
            copy.stream_in_data = this.stream_in_data;
            copy.stream_in_empty = this.stream_in_empty;
            copy.stream_in_valid = this.stream_in_valid;
            copy.stream_in_startofpacket = this.stream_in_startofpacket;
            copy.stream_in_endofpacket = this.stream_in_endofpacket;
            copy.stream_out_ready = this.stream_out_ready;
            copy.csr_address = this.csr_address;
            copy.csr_read = this.csr_read;
            copy.csr_write = this.csr_write;
            copy.csr_writedata = this.csr_writedata;
        endfunction
    endclass

    // Scoreboard: keeps what was sent and what came out, reports statistics
    class scoreboard;
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
    scoreboard sb;

    task automatic drive(transaction t);
        stream_in_data = t.stream_in_data;
        stream_in_empty = t.stream_in_empty;
        stream_in_valid = t.stream_in_valid;
        stream_in_startofpacket = t.stream_in_startofpacket;
        stream_in_endofpacket = t.stream_in_endofpacket;
        stream_out_ready = t.stream_out_ready;
        csr_address = t.csr_address;
        csr_read = t.csr_read;
        csr_write = t.csr_write;
        csr_writedata = t.csr_writedata;
        @(posedge clk);
        sb.observe(stream_in_ready);
        sb.push(t);
        check_count++;
        if (verbose) t.display("DRV");
    endtask

    task automatic reset_dut(input int cycles = 2);
        begin
            stream_in_data = '0;
            stream_in_empty = '0;
            stream_in_valid = '0;
            stream_in_startofpacket = '0;
            stream_in_endofpacket = '0;
            stream_out_ready = '0;
            csr_address = '0;
            csr_read = '0;
            csr_write = '0;
            csr_writedata = '0;
            reset_n = 1'b0;
            repeat (cycles) @(posedge clk);
            reset_n = 1'b1;
            @(posedge clk);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clk) begin
        if (checks_enabled && reset_n) begin
            if ($isunknown(stream_in_ready)) begin
                $error("[%0t] stream_in_ready is unknown: %b", $time, stream_in_ready);
                error_count++;
            end
            if ($isunknown(stream_out_data)) begin
                $error("[%0t] stream_out_data is unknown: %b", $time, stream_out_data);
                error_count++;
            end
            if ($isunknown(stream_out_empty)) begin
                $error("[%0t] stream_out_empty is unknown: %b", $time, stream_out_empty);
                error_count++;
            end
            if ($isunknown(stream_out_valid)) begin
                $error("[%0t] stream_out_valid is unknown: %b", $time, stream_out_valid);
                error_count++;
            end
            if ($isunknown(stream_out_startofpacket)) begin
                $error("[%0t] stream_out_startofpacket is unknown: %b", $time, stream_out_startofpacket);
                error_count++;
            end
            if ($isunknown(stream_out_endofpacket)) begin
                $error("[%0t] stream_out_endofpacket is unknown: %b", $time, stream_out_endofpacket);
                error_count++;
            end
            if ($isunknown(csr_readdata)) begin
                $error("[%0t] csr_readdata is unknown: %b", $time, csr_readdata);
                error_count++;
            end
            if ($isunknown(csr_readdatavalid)) begin
                $error("[%0t] csr_readdatavalid is unknown: %b", $time, csr_readdatavalid);
                error_count++;
            end
        end
    end

    // Light-weight monitor (every 64th cycle, keeps the log short)
    int unsigned cycle_count = 0;
    always @(posedge clk) begin
        cycle_count <= cycle_count + 1;
        if (verbose && cycle_count % 64 == 0) $display("[%0t] stream_in_ready=%0h stream_out_data=%0h stream_out_empty=%0h stream_out_valid=%0h", $time, stream_in_ready, stream_out_data, stream_out_empty, stream_out_valid);
    end

    initial begin
        #(2_000_000) $error("Timeout! The test did not finish");
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

        // Directed corners
        stream_in_data = '0;
        stream_in_empty = 3'h0;
        stream_in_valid = 1'h0;
        stream_in_startofpacket = 1'h0;
        stream_in_endofpacket = 1'h0;
        stream_out_ready = 1'h0;
        csr_address = 2'h0;
        csr_read = '0;
        csr_write = 1'h0;
        csr_writedata = 32'h0;
        repeat (3) @(posedge clk);
        stream_in_data = '1;
        stream_in_empty = 3'h7;
        stream_in_valid = 1'h1;
        stream_in_startofpacket = '1;
        stream_in_endofpacket = 1'h1;
        stream_out_ready = 1'h1;
        csr_address = 2'h3;
        csr_read = '1;
        csr_write = '1;
        csr_writedata = '1;
        repeat (3) @(posedge clk);
        stream_in_data = 64'h5555555555555555;
        stream_in_empty = 3'h5;
        stream_in_valid = 1'h1;
        stream_in_startofpacket = 1'h1;
        stream_in_endofpacket = 1'h1;
        stream_out_ready = 1'h1;
        csr_address = 2'h1;
        csr_read = 1'h1;
        csr_write = 1'h1;
        csr_writedata = 32'h55555555;
        repeat (3) @(posedge clk);
        stream_in_data = 64'hd7a0d3167eb6073a;
        stream_in_empty = 3'h2;
        stream_in_valid = 1'b0;
        stream_in_startofpacket = 1'b1;
        stream_in_endofpacket = 1'b0;
        stream_out_ready = 1'b0;
        csr_address = 2'h2;
        csr_read = 1'b0;
        csr_write = 1'b1;
        csr_writedata = 32'hec5a756d;
        repeat (2) @(posedge clk);
        stream_in_data = 64'h400;
        stream_in_empty = 3'h2;
        stream_in_valid = 1'h1;
        stream_in_startofpacket = 1'h1;
        stream_in_endofpacket = 1'h1;
        stream_out_ready = 1'h1;
        csr_address = 2'h1;
        csr_read = 1'h1;
        csr_write = 1'h1;
        csr_writedata = 32'h10;
        repeat (1) @(posedge clk);
        // Walking ones on stream_in_data
        for (int i = 0; i < $bits(stream_in_data); i++) begin
            stream_in_data = '0;
            stream_in_data[i] = 1'b1;
            @(posedge clk);
        end
        // Walking ones on stream_in_empty
        for (int k = 0; k < $bits(stream_in_empty); k++) begin
            stream_in_empty = '0;
            stream_in_empty[k] = 1'b1;
            @(posedge clk);
        end
        // Walking ones on csr_address
        for (int n = 0; n < $bits(csr_address); n++) begin
            csr_address = '0;
            csr_address[n] = 1'b1;
            @(posedge clk);
        end
        // Sweep stream_in_empty with every other input random, a few passes
        repeat (4) begin
            for (int k = 0; k < 8; k++) begin
                stream_in_empty = k;
                stream_in_data = {$urandom, $urandom};
                stream_in_valid = 1'($urandom);
                stream_in_startofpacket = 1'($urandom);
                stream_in_endofpacket = $urandom_range(0, 1);
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
                reset_n = 1'b0;
                repeat (2) @(posedge clk);
                reset_n = 1'b1;
            end
        join

        sb.report();
        $display("checks: %0d, errors: %0d", check_count, error_count);
        if (error_count == 0) $display("TEST PASSED"); else $display("TEST FAILED");
        $finish;
    end

endmodule
