import { execFile, execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { buildMemorylessPrompt, parsePromptForPolicy } from "../src/agent/prompt.js";
import { parseTestbench } from "../src/agent/parse.js";
import type { SimResult, SimStatus, UncoveredPoint } from "../src/core/protocol.js";
import { NativeRow, repositoryFromRow, type Repository } from "../src/core/repository.js";
import { initialState, type State } from "../src/core/state.js";
import { BuiltinProvider, builtinPolicy, tbModuleName } from "../src/llm/builtin/policy.js";
import { extractInterface } from "../src/llm/builtin/ports.js";
import { extractPhases, readPlanHeader } from "../src/llm/builtin/tbgen.js";

const run = promisify(execFile);
const has = (tool: string) => {
  try {
    execFileSync(tool, ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    try {
      execFileSync(tool, ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  }
};
const tools = has("iverilog") && has("verilator");

const rows: Repository[] = readFileSync(new URL("../benchmarks/cvdp_ecov_dev.jsonl", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((l) => repositoryFromRow(NativeRow.parse(JSON.parse(l))));
const byId = (part: string) => rows.find((r) => r.id.includes(part)) as Repository;
const sampling = { temperature: 0.7, topP: 0.8, maxTokens: 8192, seed: 11 };

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function answer(state: State, seed = 11): Promise<string> {
  const text = await builtinPolicy(buildMemorylessPrompt(state), { ...sampling, seed });
  const r = state.repo;
  const parsed = parseTestbench(text, {
    top: r.top,
    instance: r.instance,
    rtlFileNames: r.rtl.map((f) => f.name),
  });
  if (!parsed.ok) throw new Error(`${r.id}: ${parsed.reason}`);
  return parsed.testbench;
}

/** Compiles and runs with Icarus, lints with Verilator; returns a failure description or null. */
async function check(repo: Repository, tb: string): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), "llm4cov-builtin-"));
  dirs.push(dir);
  for (const f of [...repo.rtl, { name: repo.tbFile, content: tb }]) {
    await mkdir(dirname(join(dir, f.name)), { recursive: true });
    await writeFile(join(dir, f.name), f.content);
  }
  const tbTop = /^module\s+(\w+)/m.exec(tb)?.[1] ?? "";
  const files = [repo.tbFile, ...repo.rtl.map((f) => f.name)];
  const opts = { cwd: dir, timeout: 120_000, maxBuffer: 32 << 20 };
  try {
    await run("iverilog", ["-g2012", "-s", tbTop, "-o", "sim.vvp", ...files], opts);
  } catch (e) {
    return `iverilog: ${(e as { stderr?: string }).stderr?.slice(0, 400)}`;
  }
  try {
    const { stdout } = await run("vvp", ["-n", "sim.vvp"], { ...opts, timeout: 60_000 });
    if (!stdout.includes("stimulus done"))
      return `vvp: did not reach the end of the stimulus\n${stdout.slice(-300)}`;
  } catch (e) {
    return `vvp: ${(e as Error).message.slice(0, 300)}`;
  }
  const lint = ["--lint-only", "--timing", "-Wno-fatal", "-Wno-lint", "-Wno-style", "--top-module", tbTop];
  try {
    await run("verilator", [...lint, ...files], opts);
  } catch (e) {
    return `verilator: ${(e as { stderr?: string }).stderr?.slice(0, 400)}`;
  }
  return null;
}

function passResult(uncovered: UncoveredPoint[], status: SimStatus = "pass"): SimResult {
  return {
    protocol: 1,
    simulator: { name: "verilator", version: "5.006" },
    status,
    reason: status,
    coverage: {
      score: 0.8,
      line: 0.8,
      branch: 0.8,
      toggle: 0.8,
      user: null,
      instances: [],
      uncovered,
      uncoveredTotal: uncovered.length,
      instanceFound: true,
    },
    targets: [],
    targetsMet: false,
    diagnostics: [],
    log: "",
    logDroppedBytes: 0,
    errorCount: 0,
    simTimeNs: 1000,
    timings: [],
    tbTop: null,
    sandbox: "rlimits",
  };
}

describe("built-in policy on the DEV benchmark", () => {
  it.skipIf(!tools)(
    "writes testbenches that compile and finish on Icarus and lint on Verilator (>= 14 of 16)",
    async () => {
      expect(rows).toHaveLength(16);
      const results = await Promise.all(
        rows.map(async (r) => ({ id: r.id, error: await check(r, await answer(initialState(r))) })),
      );
      expect(dirs.length).toBeGreaterThanOrEqual(16); // every row really went through the tools
      const failed = results.filter((x) => x.error);
      // The message lists every failing row and why.
      expect(failed.length, failed.map((f) => `${f.id}: ${f.error}`).join("\n")).toBeLessThanOrEqual(2);
    },
    300_000,
  );

  it("extracts the same ports with Verilator and with the source fallback", async () => {
    for (const r of [byId("endian_swapper"), byId("MSHR"), byId("apb_dsp_op")]) {
      const a = await extractInterface(r.rtl, r.top);
      const b = await extractInterface(r.rtl, r.top, { useVerilator: false });
      expect(b.method).toBe("source");
      expect(b.ports.map((p) => [p.name, p.dir, p.width])).toEqual(
        a.ports.map((p) => [p.name, p.dir, p.width]),
      );
      expect(b.clocks).toEqual(a.clocks);
      expect(b.resets).toEqual(a.resets);
    }
    const apb = await extractInterface(byId("apb_dsp_op").rtl, "apb_dsp_op");
    expect(apb.clocks).toEqual(["clk_dsp", "PCLK"]); // en_clk_dsp is an enable, not a clock
    expect(apb.resets).toEqual([{ name: "PRESETn", activeLow: true }]);
    const bus = await extractInterface(byId("secure_read_write").rtl, "secure_read_write_bus_interface");
    expect(bus.resets).toEqual([{ name: "i_reset_bar", activeLow: true }]);
    expect(bus.clocks).toEqual(["i_capture_pulse"]); // used as an edge in the RTL
  });

  it("is deterministic for a seed and varies across seeds", async () => {
    const s = initialState(byId("generic_nbit_counter"));
    expect(await answer(s, 5)).toBe(await answer(s, 5));
    expect(await answer(s, 5)).not.toBe(await answer(s, 6));
  });
});

describe("built-in policy adapts to feedback", () => {
  const repo = byId("generic_nbit_counter");
  const rtl = repo.rtl[0]?.content.split("\n") ?? [];
  const ringLine = rtl.findIndex((l) => /^\s*RING\s*:/.test(l)) + 1;

  it("runs longer and aims at the constants of uncovered lines", async () => {
    const first = await answer(initialState(repo));
    const unc: UncoveredPoint[] = [
      {
        kind: "line",
        file: repo.rtl[0]?.name ?? "",
        line: ringLine,
        instance: "uut",
        detail: "",
        source: rtl[ringLine - 1] ?? "",
      },
      {
        kind: "toggle",
        file: repo.rtl[0]?.name ?? "",
        line: 5,
        instance: "uut",
        detail: "ref_modulo[7]",
        source: "",
      },
    ];
    expect(ringLine).toBeGreaterThan(0);
    const second = await answer({ repo, testbench: first, result: passResult(unc) });
    const h1 = readPlanHeader(first);
    const h2 = readPlanHeader(second);
    expect(h2?.level).toBe((h1?.level ?? 0) + 1);
    expect(h2?.random).toBeGreaterThan(h1?.random ?? 0);
    expect(h2?.hold).toBeGreaterThan(h1?.hold ?? 0);
    // After the replayed round-0 phases, RING is among the first constants held, for longer.
    const added = second.slice(second.indexOf("// level 1"));
    const loops = added.split("for (tb_i = 0; tb_i < ").slice(1);
    const ring = loops.findIndex((l) => l.includes("mode_in = 3'h5;"));
    expect(ring).toBeGreaterThanOrEqual(0);
    expect(ring).toBeLessThan(3);
    expect(loops[ring]?.startsWith("16;")).toBe(true);
    // The untoggled input gets an extra walking pass.
    expect(second.split("ref_modulo[tb_k] = 1'b1").length).toBeGreaterThan(
      first.split("ref_modulo[tb_k] = 1'b1").length,
    );
    if (tools) expect(await check(repo, second)).toBeNull();
  }, 120_000);

  it("falls back to the conservative template after a compile error, and recovers from a parse failure", async () => {
    const broken = "module tb_generic_counter;\n  covergroup cg; endgroup\nendmodule\n";
    const fixed = await answer({ repo, testbench: broken, result: passResult([], "compile_error") });
    expect(readPlanHeader(fixed)?.conservative).toBe(1);
    expect(fixed).not.toContain("task automatic");
    const afterParse = await answer({ repo, testbench: null, result: null, parseError: "no module" });
    expect(readPlanHeader(afterParse)?.level).toBe(1);
    if (tools) {
      expect(await check(repo, fixed)).toBeNull();
      expect(await check(repo, afterParse)).toBeNull();
    }
  }, 120_000);

  it("replays its previous stimulus first, so a revision keeps what the last round reached", async () => {
    const first = await answer(initialState(repo));
    const second = await answer({ repo, testbench: first, result: passResult([]) });
    const phases1 = extractPhases(first) ?? [];
    const phases2 = extractPhases(second) ?? [];
    expect(phases1.length).toBeGreaterThan(10);
    expect(phases2.slice(0, phases1.length)).toEqual(phases1);
    expect(phases2.length).toBeGreaterThan(phases1.length);
    expect(readPlanHeader(second)?.seed).toBe(readPlanHeader(first)?.seed);
    expect(readPlanHeader(second)?.cycles).toBeGreaterThan(readPlanHeader(first)?.cycles ?? 0);
    // Someone else's testbench is not replayed.
    const foreign = await answer({ repo, testbench: "module tb; endmodule", result: passResult([]) });
    expect(extractPhases(foreign)?.[0]).toBe("// corner values");
  });

  it("runs shorter after a timeout", async () => {
    const first = await answer(initialState(repo));
    const deeper = await answer({ repo, testbench: first, result: passResult([]) });
    const slow = await answer({ repo, testbench: deeper, result: passResult([], "timeout") });
    expect(readPlanHeader(slow)?.random).toBeLessThan(readPlanHeader(deeper)?.random ?? 0);
  });
});

describe("BuiltinProvider", () => {
  it("answers like an LLM endpoint, for free", async () => {
    const p = new BuiltinProvider();
    const repo = byId("binary_to_BCD");
    const res = await p.complete({ messages: buildMemorylessPrompt(initialState(repo)), sampling });
    expect(res).toMatchObject({
      model: "llm4cov-builtin",
      endpoint: "builtin",
      costUsd: 0,
      usage: null,
      retries: 0,
    });
    expect(res.text).toContain("```systemverilog");
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
    expect(p.inFlight()).toBe(0);
    // The answer keeps the RTL's timescale (binary_to_bcd declares one).
    expect(res.text).toContain("`timescale 1ns / 1ps");
    const unknown = await p.complete({ messages: [{ role: "user", content: "hello" }], sampling });
    expect(unknown.text).not.toContain("```");
  });

  it("names the testbench module after the file unless that clashes", () => {
    expect(tbModuleName("verif/tb_counter.sv", "counter", [])).toBe("tb_counter");
    expect(tbModuleName("verif/counter.sv", "counter", [])).toBe("counter_tb");
    expect(tbModuleName("verif/tb-x.sv", "counter", [])).toBe("tb_counter");
    expect(parsePromptForPolicy(buildMemorylessPrompt(initialState(byId("dual_port")))).tbFile).toBe(
      "verif/tb.sv",
    );
  });
});
