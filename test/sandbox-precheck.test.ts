// The static pre-check's sandbox rules, on raw and on preprocessed text (fast, no tools).
import { describe, expect, it } from "vitest";
import { missingIncludeViolations, precheckPreprocessed, precheckTestbench } from "../src/eda/precheck.js";

const rules = (tb: string, strict = true) =>
  precheckTestbench(tb, ["counter", "bus_if"], { strict }).map((v) => v.rule);

describe("raw pre-check", () => {
  it("refuses reads outside the job in strict mode only", () => {
    expect(rules('initial f = $fopen("/etc/hostname", "r");')).toEqual(["no-files-outside-job"]);
    expect(rules('initial $readmemh("../../secret.hex", m);')).toEqual(["no-files-outside-job"]);
    expect(rules('initial f = $fopen("/etc/hostname", "r");', false)).toEqual([]);
    expect(rules('initial begin $readmemh("data/init.hex", m); f = $fopen("/dev/null", "w"); end')).toEqual(
      [],
    );
    expect(rules('initial f = $fopen(name, "w");')).toEqual([]); // run-time names: the sandbox's job
  });

  it("refuses C++ insertion, coverage switches, binds into the DUT and disguised DUT modules", () => {
    expect(rules('initial $c("system(\\"id\\");");')).toEqual(["no-verilator-c"]);
    expect(rules("`systemc_implementation\n#include <cstdlib>\n`verilog")).toEqual(["no-verilator-c"]);
    expect(rules('`verilator_config\ncoverage_off -file "*"')).toEqual(["no-verilator-config"]);
    expect(rules("bind counter cheat u();")).toEqual(["no-bind-into-dut"]);
    expect(rules("bind tb.dut cheat u();")).toEqual(["no-bind-into-dut"]);
    expect(rules("module \\counter (input a); endmodule")).toEqual(["no-dut-redefinition"]);
    expect(rules("primitive counter (o, a); endprimitive")).toEqual(["no-dut-redefinition"]);
  });

  it("leaves ordinary constructs alone", () => {
    const ok = `module tb; virtual interface bus_if vif; int x = $countones(4'b1010) + $clog2(8);
      initial begin if ($cast(x, 3)) $display("import \\"DPI-C\\" $system"); end
      bind helper checker u_chk(); endmodule`;
    expect(rules(ok)).toEqual([]);
  });
});

describe("preprocessed pre-check", () => {
  const job = "/work/job-1";
  const check = (text: string) =>
    precheckPreprocessed({ text, rtlFiles: ["rtl/counter.sv"], jobDir: job, dutModules: ["counter"] });

  it("checks testbench lines only, with their own file and line", () => {
    const text = [
      '`line 1 "rtl/counter.sv" 1',
      'module counter; initial $system("trusted rtl is not checked"); endmodule',
      '`line 1 "tb/tb.sv" 1',
      "module tb;",
      "",
      '  initial $system("touch /tmp/x");',
      "endmodule",
    ].join("\n");
    expect(check(text)).toEqual([
      expect.objectContaining({ rule: "no-system-task-shell", file: "tb/tb.sv", line: 3 }),
    ]);
  });

  it("refuses an include that resolved outside the job, whatever built its name", () => {
    const text = [
      '`line 1 "tb/tb.sv" 1',
      "module tb;",
      '`line 1 "/usr/include/stdio.h" 1',
      "x",
      '`line 3 "tb/tb.sv" 2',
    ];
    const v = check(text.join("\n"));
    expect(v.map((x) => x.rule)).toEqual(["no-files-outside-job"]);
    expect(v[0]!.message).toContain("/usr/include/stdio.h");
    expect(check('`line 1 "tb/../rtl/defs.vh" 1\n`define X 1').map((x) => x.rule)).toEqual([]);
    expect(check('`line 1 "/work/job-1/tb/inc.svh" 1\nmodule helper; endmodule')).toEqual([]);
  });

  it("finds a DUT module whose name came from a macro", () => {
    const v = check('`line 1 "tb/tb.sv" 1\nmodule counter; endmodule\nmodule tb; endmodule');
    expect(v).toEqual([expect.objectContaining({ rule: "no-dut-redefinition", line: 1, file: "tb/tb.sv" })]);
  });

  it("refuses a testbench that macro expansion blew up, quickly", () => {
    const t0 = performance.now();
    const v = check(
      '`line 1 "tb/tb.sv" 1\n' +
        '$display("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");\n'.repeat(300_000),
    );
    expect(v.map((x) => x.rule)).toEqual(["max-testbench-size"]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("turns a hidden host include into a policy violation", () => {
    const diags = [
      { message: "Cannot find include file: /etc/hostname", file: "tb/tb.sv", line: 3 },
      { message: "Cannot find include file: defs.vh", file: "tb/tb.sv", line: 4 },
      { message: "Include file ../../x.vh not found", file: "tb/tb.sv", line: 5 },
      // Verilator 5.048 quotes the name.
      { message: "Cannot find include file: '/tmp/secret.txt'", file: "tb/tb.sv", line: 6 },
      { message: "Cannot find include file: 'defs.vh'", file: "tb/tb.sv", line: 7 },
    ];
    expect(missingIncludeViolations(diags, job).map((v) => v.line)).toEqual([3, 5, 6]);
    expect(missingIncludeViolations(diags, job)[2]!.message).toContain('"/tmp/secret.txt"');
  });
});
