import { describe, expect, it } from "vitest";
import { findUnsupportedConstructs } from "../src/eda/constructs.js";
import {
  parseGccDiagnostics,
  parseIcarusDiagnostics,
  parseVerilatorDiagnostics,
} from "../src/eda/diagnostics.js";
import { safeRelativePath, testbenchFileName } from "../src/eda/job.js";
import { fromLegacyResult, parseAnyResult } from "../src/eda/legacy-result.js";
import { precheckTestbench } from "../src/eda/precheck.js";
import { findInstances, findTestbenchTop, stopLocations, stripComments } from "../src/eda/sv-scan.js";
import { OutputCap } from "../src/eda/output-cap.js";

describe("SV scanning", () => {
  it("strips comments but keeps line numbers", () => {
    const s = stripComments("a // x\n/* b\n c */ d");
    expect(s.split("\n")).toHaveLength(3);
    expect(s).not.toContain("x");
    expect(s.trim().endsWith("d")).toBe(true);
  });

  it("finds the testbench top among helper modules", () => {
    const tb = `module helper(input a); endmodule
module tb_top; helper h(.a(1'b0)); counter #(.W(4)) dut (.clk(c)); endmodule
module other_unused; endmodule`;
    expect(findTestbenchTop(tb, "counter")).toBe("tb_top");
    expect(findInstances(tb, "counter")).toEqual([{ instance: "dut", line: 2 }]);
    expect(findTestbenchTop("// module fake;\n", "counter")).toBeNull();
  });

  it("locates $error/$fatal/$stop outside comments and strings", () => {
    const locs = stopLocations('initial begin\n $error("x $fatal");\n // $stop\n $fatal(1);\nend');
    expect(locs).toEqual([
      { line: 2, kind: "error" },
      { line: 4, kind: "fatal" },
    ]);
  });
});

describe("pre-check", () => {
  const check = (tb: string) => precheckTestbench(tb, ["counter"]).map((v) => v.rule);
  it("rejects shell, DPI, writes outside the job dir, foreign includes, DUT redefinition", () => {
    expect(check('initial $system("ls");')).toEqual(["no-system-task-shell"]);
    expect(check('import "DPI-C" function int system(string s);')).toEqual(["no-dpi"]);
    expect(check('initial f = $fopen("/etc/x", "w");')).toEqual(["no-files-outside-job"]);
    expect(check('initial f = $fopen("../../x.txt", "a");')).toEqual(["no-files-outside-job"]);
    expect(check('initial $dumpfile("/tmp/x.vcd");')).toEqual(["no-files-outside-job"]);
    expect(check('`include "/etc/passwd"')).toEqual(["no-files-outside-job"]);
    expect(check("module counter; endmodule")).toEqual(["no-dut-redefinition"]);
  });
  it("allows ordinary testbenches, reads and local files", () => {
    expect(check('initial begin f = $fopen("out.txt", "w"); $dumpfile("wave.vcd"); end // $system')).toEqual(
      [],
    );
    expect(check('initial f = $fopen("/etc/x", "r");')).toEqual([]);
  });
});

describe("diagnostics", () => {
  it("parses Verilator messages", () => {
    const d = parseVerilatorDiagnostics(
      "%Error: tb/tb.sv:12:5: syntax error, unexpected IDENTIFIER\n%Error-UNSUPPORTED: tb/tb.sv:3:1: Unsupported: covergroup\n%Warning-WIDTH: rtl/a.sv:4:9: width\n%Error: Exiting due to 2 error(s)\n",
    );
    expect(d).toHaveLength(3);
    expect(d[0]).toMatchObject({ severity: "error", file: "tb/tb.sv", line: 12, column: 5 });
    expect(d[1]).toMatchObject({ code: "UNSUPPORTED", line: 3 });
    expect(d[2]).toMatchObject({ severity: "warning", code: "WIDTH" });
  });
  it("parses Icarus and g++ messages", () => {
    expect(
      parseIcarusDiagnostics("tb.sv:7: syntax error\ntb.sv:9: error: Unknown module type: foo")[1],
    ).toMatchObject({
      severity: "error",
      line: 9,
    });
    expect(parseGccDiagnostics("obj/x.cpp:50:21: error: 'vlSymsp' was not declared")[0]).toMatchObject({
      line: 50,
      column: 21,
    });
  });
  it("names rules for unsupported constructs", () => {
    const d = findUnsupportedConstructs(
      "class A; constraint c { x < 3; } endclass\ninitial begin disable fork; end",
      "tb.sv",
    );
    expect(d.map((x) => x.rule)).toEqual(["no-class-randomize-with", "no-disable-fork"]);
    expect(d[0]!.code).toBe("LLM4COV-IGNORED");
  });
});

describe("job files", () => {
  it("refuses paths that leave the job directory", () => {
    expect(() => safeRelativePath("../x.sv")).toThrow(/unsafe/);
    expect(() => safeRelativePath("/etc/passwd")).toThrow(/unsafe/);
    expect(safeRelativePath("./rtl/a.sv")).toBe("rtl/a.sv");
  });
  it("never lets a testbench overwrite an RTL file", () => {
    expect(testbenchFileName("rtl/counter.sv", ["rtl/counter.sv"])).toBe("tb/counter.sv");
    expect(testbenchFileName("verif/tb.sv", ["rtl/counter.sv"])).toBe("verif/tb.sv");
  });
});

describe("output cap", () => {
  it("keeps head and tail and counts the dropped middle", () => {
    const cap = new OutputCap(10, 10);
    cap.push(Buffer.from("HEADxxxxxx" + "m".repeat(1000) + "yyyyyyTAIL"));
    expect(cap.text()).toMatch(/^HEADxxxxxx\n\.\.\. \[1000 bytes of output dropped\] \.\.\.\nyyyyyyTAIL$/);
    expect(cap.droppedBytes).toBe(1000);
  });
});

describe("result formats", () => {
  const legacy = {
    returncode: 0,
    status: "success",
    err_msg: "",
    cov_info: {
      summary: [
        {
          name: "binary_to_bcd",
          level: 0,
          "Overall Average": 0.9083,
          Toggle: 0.9,
          Block: 0.9167,
          "Code Average": 0.9083,
        },
      ],
      detail: "[REDACTED]",
      runtime_sec: 4.286,
    },
  };
  it("reads the published framework's result.json", () => {
    const r = fromLegacyResult(legacy as never, { top: "binary_to_bcd" });
    expect(r.status).toBe("pass");
    expect(r.coverage!.score).toBeCloseTo(0.9083);
    expect(r.coverage!.toggle).toBeCloseTo(0.9);
    expect(r.coverage!.line).toBeCloseTo(0.9167);
    expect(r.timings[0]!.ms).toBeCloseTo(4286);
  });
  it("maps failures and reads our own format too", () => {
    const failed = parseAnyResult({
      returncode: 1,
      status: "xrun_failed",
      err_msg: "*E,EXPSMC: tb.sv,3|4: expecting ;",
    });
    expect(failed.status).toBe("compile_error");
    expect(failed.reason).toContain("EXPSMC");
    expect(failed.coverage).toBeNull();
    expect(parseAnyResult(JSON.parse(JSON.stringify(failed))).status).toBe("compile_error");
    expect(() => parseAnyResult({ status: "weird" })).toThrow();
  });
});
