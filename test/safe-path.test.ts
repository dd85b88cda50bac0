import { describe, expect, it } from "vitest";
import {
  assertSafeFileName,
  assertSafePath,
  isSafePath,
  MAX_PATH_BYTES,
  MAX_PATH_DEPTH,
  pathProblem,
  UnsafePathError,
} from "../src/core/safe-path.js";

describe("safe path validation", () => {
  it("accepts ordinary repository names unchanged", () => {
    for (const n of ["rtl/fifo.sv", "x.sv", "verif/tb_top.sv", "a/b/c/d.svh", "rtl/.hidden.v", "a..b/c...sv"])
      expect(assertSafePath(n)).toBe(n);
  });

  it.each([
    ["rtl/a/../../../../tmp/x.sv", /".." segment/],
    ["../x.sv", /".." segment/],
    ["..", /".." segment/],
    ["/etc/passwd", /absolute/],
    ["C:/x.sv", /drive letter/],
    ["~/x.sv", /~/],
    ["rtl\\..\\x.sv", /backslash/],
    ["rtl/x\u0000.sv", /NUL/],
    ["rtl/x\n.sv", /control character \(U\+000a\)/],
    ["rtl/x\u001b[2J.sv", /control character/],
    ["./rtl/x.sv", /not normalised/],
    ["rtl//x.sv", /not normalised/],
    ["rtl/", /not normalised/],
    ["", /empty/],
    ["a/".repeat(MAX_PATH_DEPTH) + "x.sv", /directory levels/],
    ["r".repeat(MAX_PATH_BYTES + 1), /longer than/],
    ["r".repeat(300) + ".sv", /segment longer/],
  ])("rejects %j, naming what is wrong", (name, why) => {
    expect(isSafePath(name)).toBe(false);
    expect(pathProblem(name)).toMatch(why);
    expect(() => assertSafePath(name)).toThrow(UnsafePathError);
    expect(() => assertSafePath(name)).toThrow(/unsafe file name/);
  });

  it("a file name may not have a directory part", () => {
    expect(assertSafeFileName("llm4cov")).toBe("llm4cov");
    expect(() => assertSafeFileName("a/b")).toThrow(/single file name/);
    expect(() => assertSafeFileName("../b")).toThrow(/"\.\." segment/);
  });
});

describe("the dataset loaders use the shared check", () => {
  it("a row naming a file with a control character is refused with the reason", async () => {
    const { nativeToRepository } = await import("../src/data/native.js");
    const row = {
      id: "a",
      rtl_files: [{ name: "rtl/m\u0007.sv", content: "module m; endmodule\n" }],
      dut_module_name: "m",
      dut_instance_name: "dut",
    };
    expect(() => nativeToRepository(row, "rows.jsonl", 3)).toThrow(/rows\.jsonl:3.*control character/);
  });
});
