// The bundled example designs (examples/designs/*) and their JSONL form (examples/designs.jsonl):
// the file is up to date, every row is valid, every DUT lints clean with Verilator, and both
// reference testbenches of every design compile and run to $finish under Icarus. The reference
// testbenches are also scored with Verilator coverage: the good one reaches the design's target,
// the weak one does not.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDesignRows, designFolders, designsJsonl } from "../scripts/build-designs-jsonl.js";
import { NativeRow } from "../src/core/repository.js";
import { evaluate } from "../src/eda/evaluate.js";

const ROOT = join(import.meta.dirname, "..");
const DESIGNS_DIR = join(ROOT, "examples", "designs");
const JSONL = join(ROOT, "examples", "designs.jsonl");
const TBS = ["good_tb.sv", "weak_tb.sv"] as const;

// Keeps an event pending far in the future (1e6 s, beyond any testbench, even one that has no
// timescale and so counts in seconds): if the simulation ends before the probe fires, the
// testbench called $finish (vvp exits 0 both on $finish and when it runs out of events).
const PROBE_MARKER = "LLM4COV_PROBE_NO_FINISH";
const PROBE_SV = `\`timescale 1ns / 1ps
module llm4cov_probe;
  initial begin
    #(64'd1000000000000000);
    $display("${PROBE_MARKER}");
  end
endmodule
`;

const rows = buildDesignRows(DESIGNS_DIR);
const folders = designFolders(DESIGNS_DIR);
const cases = rows.map((row, i) => ({ name: folders[i]!, row }));
const work = mkdtempSync(join(tmpdir(), "llm4cov-examples-"));
const probe = join(work, "probe.sv");
writeFileSync(probe, PROBE_SV);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function rtlPaths(name: string, row: NativeRow): string[] {
  return row.rtl_files.map((f) => join(DESIGNS_DIR, name, f.name));
}

function tbTopOf(source: string): string {
  const m = /^\s*module\s+(\w+)/m.exec(source);
  if (!m) throw new Error("no module in testbench");
  return m[1]!;
}

function run(cmd: string, args: string[], timeoutMs: number): { ok: boolean; out: string } {
  try {
    const out = execFileSync(cmd, args, { encoding: "utf8", timeout: timeoutMs, stdio: "pipe" });
    return { ok: true, out };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, out: `${err.message}\n${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

describe("examples/designs.jsonl", () => {
  it("is what scripts/build-designs-jsonl.ts writes", () => {
    expect(readFileSync(JSONL, "utf8")).toBe(designsJsonl(rows));
  });

  it("holds at least 10 designs with unique ids and valid rows", () => {
    const lines = readFileSync(JSONL, "utf8").trimEnd().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.length).toBe(folders.length);
    const ids = new Set<string>();
    for (const line of lines) {
      const row = NativeRow.parse(JSON.parse(line));
      ids.add(row.id);
      expect(row.source).toBe("llm4cov-examples");
      expect(row.license_clear).toBe(true);
      expect(row.spec_files[0]?.name).toBe("spec.md");
      expect(row.rtl_files.every((f) => f.name.startsWith("rtl/"))).toBe(true);
      expect(row.rtl_files.some((f) => f.name.includes("reference"))).toBe(false);
      expect(row.targets).toEqual([
        { inst_name: row.dut_instance_name, metric: "overall", target_percentage: expect.any(Number) },
      ]);
    }
    expect(ids.size).toBe(lines.length);
  });

  it("uses a non-default instance name in some designs", () => {
    expect(rows.some((r) => r.dut_instance_name !== "dut")).toBe(true);
  });
});

describe.each(cases)("example $name", ({ name, row }) => {
  it("lints clean with verilator", () => {
    const r = run(
      "verilator",
      [
        "--lint-only",
        "--timing",
        "-Wno-fatal",
        "-Wno-lint",
        "-Wno-style",
        "--top-module",
        row.dut_module_name,
        ...rtlPaths(name, row),
      ],
      60_000,
    );
    expect(r.ok, r.out).toBe(true);
    expect(r.out).not.toMatch(/%Error/);
  });

  it("has both reference testbenches instantiating the DUT by its instance name", () => {
    const files = readdirSync(join(DESIGNS_DIR, name, "reference")).sort();
    expect(files).toEqual([...TBS]);
    for (const tb of TBS) {
      const src = readFileSync(join(DESIGNS_DIR, name, "reference", tb), "utf8");
      const inst = new RegExp(
        `\\b${row.dut_module_name}\\b(\\s*#\\s*\\([^;]*?\\))?\\s+${row.dut_instance_name}\\s*\\(`,
      );
      expect(src, tb).toMatch(inst);
      expect(src, tb).toMatch(/\$finish/);
    }
  });

  it.each(TBS)("%s compiles and finishes under iverilog + vvp", (tb) => {
    const tbPath = join(DESIGNS_DIR, name, "reference", tb);
    const tbTop = tbTopOf(readFileSync(tbPath, "utf8"));
    const vvp = join(work, `${name}_${tb}.vvp`);
    const args = [
      "-g2012",
      "-o",
      vvp,
      "-s",
      tbTop,
      "-s",
      "llm4cov_probe",
      ...rtlPaths(name, row),
      tbPath,
      probe,
    ];
    const compile = run("iverilog", args, 60_000);
    expect(compile.ok, compile.out).toBe(true);
    const sim = run("vvp", ["-n", vvp], 30_000);
    expect(sim.ok, sim.out).toBe(true);
    expect(sim.out, "testbench ended without $finish").not.toContain(PROBE_MARKER);
  });

  it("good testbench meets the coverage target under verilator, weak one does not", async () => {
    const target = row.targets[0]!.target_percentage;
    const score = async (tb: string) => {
      const content = readFileSync(join(DESIGNS_DIR, name, "reference", tb), "utf8");
      const r = await evaluate({
        rtl: row.rtl_files,
        testbench: { name: row.tb_file!, content },
        top: row.dut_module_name,
        instance: row.dut_instance_name,
        targets: row.targets,
      });
      expect(r.status, `${tb}: ${r.reason}\n${r.log}`).toBe("pass");
      expect(r.coverage?.instanceFound).toBe(true);
      return { met: r.targetsMet, pct: (r.coverage?.score ?? 0) * 100 };
    };
    const good = await score("good_tb.sv");
    const weak = await score("weak_tb.sv");
    expect(good.met, `good: ${good.pct.toFixed(1)}% < ${target}%`).toBe(true);
    expect(weak.met, `weak: ${weak.pct.toFixed(1)}% >= ${target}%`).toBe(false);
    expect(weak.pct).toBeLessThan(good.pct - 10);
  });
});
