/*
 * pwm_top_tb.sv
 * Class-based constrained-random testbench with a scoreboard for the pwm_top module.
 * Goal: exercise every branch, toggle every port bit and reach the corner cases.
 */
`timescale 1ns/1ns

module pwm_top_tb;

    // Parameters (defaults of the DUT)
    localparam RES = 8;

    localparam int CLK_PERIOD = 4;
    localparam int NUM_RANDOM = 200;

    // DUT inputs
    logic clk;
    logic rst_n;
    logic en;
    logic [ 7:0] prescale;
    logic [RES-1:0] period;
    logic [RES-1:0] duty;
    logic polarity;

    // DUT outputs
    logic pwm_out;
    logic period_start;
    logic [RES-1:0] count;

    // Device under test
    pwm_top uut (
        .clk(clk),
        .rst_n(rst_n),
        .en(en),
        .prescale(prescale),
        .period(period),
        .duty(duty),
        .polarity(polarity),
        .pwm_out(pwm_out),
        .period_start(period_start),
        .count(count)
    );

    // Clock generation
    initial clk = 0;
    always #(CLK_PERIOD/2) clk = ~clk;

    int error_count = 0;
    int check_count = 0;
    bit checks_enabled = 0;
    bit verbose = 0;

    // Transaction: one set of DUT input values
    class pwm_top_item;
        rand logic en;
        rand logic [ 7:0] prescale;
        rand logic [RES-1:0] period;
        rand logic [RES-1:0] duty;
        rand logic polarity;
        int id;
        static int next_id = 0;

        // Bias prescale towards its corner values
        constraint c_prescale_dist {
            prescale dist { 0 := 10, [1:254] :/ 80, 255 := 10 };
        }

        constraint c_en_mostly_on { en dist { 1 := 7, 0 := 3 }; }

        function new();
            id = next_id++;
        endfunction

        function void display(string tag = "TXN");
            $display("[%s] #%0d en=%0h prescale=%0h period=%0h duty=%0h polarity=%0h", tag, id, en, prescale, period, duty, polarity);
        endfunction

        function pwm_top_item copy();
            copy = new();
            copy.en = this.en;
            copy.prescale = this.prescale;
            copy.period = this.period;
            copy.duty = this.duty;
            copy.polarity = this.polarity;
        endfunction
    endclass

    // Scoreboard: keeps what was sent and what came out, reports statistics
    class scoreboard;
        pwm_top_item sent_q[$];
        logic observed_q[$];
        int unsigned num_sent;
        int unsigned num_changes;
        int unsigned num_mismatch;

        function void push(pwm_top_item t);
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

    pwm_top_item tr;
    scoreboard sb;

    task automatic drive(pwm_top_item t);
        en = t.en;
        prescale = t.prescale;
        period = t.period;
        duty = t.duty;
        polarity = t.polarity;
        @(posedge clk);
        sb.observe(pwm_out);
        sb.push(t);
        check_count++;
        if (verbose) t.display("DRV");
    endtask

    task automatic reset_dut(input int cycles = 10);
        begin
            en = '0;
            prescale = '0;
            period = '0;
            duty = '0;
            polarity = '0;
            rst_n = 1'b0;
            repeat (cycles) @(posedge clk);
            rst_n = 1'b1;
            @(posedge clk);
            $display("[%0t] reset done", $time);
        end
    endtask

    always @(negedge clk) begin
        if (checks_enabled && rst_n) begin
            if ($isunknown(pwm_out)) begin
                $error("[%0t] pwm_out is unknown: %b", $time, pwm_out);
                error_count++;
            end
            if ($isunknown(period_start)) begin
                $error("[%0t] period_start is unknown: %b", $time, period_start);
                error_count++;
            end
            if ($isunknown(count)) begin
                $error("[%0t] count is unknown: %b", $time, count);
                error_count++;
            end
        end
    end

    // Light-weight monitor (every 64th cycle, keeps the log short)
    int unsigned cycle_count = 0;
    always @(posedge clk) begin
        cycle_count <= cycle_count + 1;
        if (verbose && cycle_count % 64 == 0) $display("[%0t] pwm_out=%0h period_start=%0h count=%0h", $time, pwm_out, period_start, count);
    end

    localparam longint TIMEOUT_NS = 500_000;
    initial begin : watchdog
        #(TIMEOUT_NS);
        $fatal(1, "Simulation timed out after %0d ns", TIMEOUT_NS);
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

        // Phase 2: period constrained (period inside {0, 255})
        for (int n = 0; n < 64; n++) begin
            if (!tr.randomize() with { period inside {0, 255}; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Phase 3: prescale constrained (prescale inside {[31:127]})
        for (int n = 0; n < 32; n++) begin
            if (!tr.randomize() with { prescale inside {[31:127]}; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Phase 4: en constrained (en == 0)
        for (int n = 0; n < 32; n++) begin
            if (!tr.randomize() with { en == 0; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Phase 5: duty constrained (duty inside {[31:127]})
        for (int n = 0; n < 64; n++) begin
            if (!tr.randomize() with { duty inside {[31:127]}; }) $error("constrained randomize failed");
            drive(tr);
        end

        // Directed corners
        en = 1'h0;
        prescale = '0;
        period = 8'h0;
        duty = '0;
        polarity = 1'h0;
        repeat (3) @(posedge clk);
        en = 1'h1;
        prescale = '1;
        period = '1;
        duty = 8'hff;
        polarity = 1'h1;
        repeat (1) @(posedge clk);
        en = 1'h1;
        prescale = 8'h55;
        period = 8'h55;
        duty = 8'h55;
        polarity = 1'h1;
        repeat (4) @(posedge clk);
        en = 1'b0;
        prescale = 8'h14;
        period = 8'ha7;
        duty = 8'h83;
        polarity = 1'b0;
        repeat (3) @(posedge clk);
        en = 1'h1;
        prescale = 8'h2;
        period = 8'h10;
        duty = 8'h2;
        polarity = 1'h1;
        repeat (2) @(posedge clk);
        // Walking ones on prescale
        for (int bit_idx = 0; bit_idx < $bits(prescale); bit_idx++) begin
            prescale = '0;
            prescale[bit_idx] = 1'b1;
            @(posedge clk);
        end
        // Walking ones on period
        for (int k = 0; k < $bits(period); k++) begin
            period = '0;
            period[k] = 1'b1;
            @(posedge clk);
        end
        // Walking ones on duty
        for (int bit_idx = 0; bit_idx < $bits(duty); bit_idx++) begin
            duty = '0;
            duty[bit_idx] = 1'b1;
            @(posedge clk);
        end
        // Sweep prescale with every other input random, a few passes
        repeat (3) begin
            for (int k = 0; k < 64; k++) begin
                prescale = k;
                en = $urandom % 2;
                period = $urandom;
                duty = $random;
                polarity = 1'($urandom);
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
