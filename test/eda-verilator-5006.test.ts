// The 5.006 path stays supported (a user may have only Debian 12's Verilator): the whole
// Verilator suite runs again against the system Verilator when it is a 5.006-era one.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const systemVersion = (() => {
  try {
    return /Verilator\s+(\d+\.\d+)/.exec(execFileSync("verilator", ["--version"], { encoding: "utf8" }))?.[1];
  } catch {
    return undefined;
  }
})();

if (systemVersion && Number(systemVersion) < 5.048) {
  process.env.LLM4COV_VERILATOR = "system";
  await import("./eda-verilator.test.js");
  it("runs on the system Verilator, with the too-old warning", async () => {
    const { detectVerilator } = await import("../src/eda/verilator/toolchain.js");
    const info = await detectVerilator();
    expect(info.source).toBe("system");
    expect(Number(info.version)).toBeLessThan(5.048);
    expect(info.warning).toMatch(/older than 5\.048/);
  });
} else {
  describe("Verilator 5.006 path", () => {
    it.skip(`needs an older system Verilator (found ${systemVersion ?? "none"})`, () => {});
  });
}
