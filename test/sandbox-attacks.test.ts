// Hostile testbenches through the whole pipeline (issue #6): every attack is contained, every
// job answers within its wall limit with a status from the taxonomy, nothing is left running.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SimResult } from "../src/core/protocol.js";
import { evaluate } from "../src/eda/evaluate.js";
import { sandboxInfo } from "../src/eda/sandbox.js";
import { precheckTestbench } from "../src/eda/precheck.js";
import { counterRequest, GOOD_TB, SPIN_TB } from "./fixtures/eda.js";
import * as A from "./fixtures/sandbox/attacks.js";
import { processesUnder } from "./fixtures/sandbox/procs.js";

// The attacks aim at the host's own /tmp (which the sandbox replaces), not at the per-run
// test temp dir (test/global-setup.ts), whose parents do not exist inside the sandbox.
const HOST_TMP = "/tmp";
const tag = randomBytes(6).toString("hex");
const workRoot = join(HOST_TMP, `llm4cov-attack-test-${tag}`);
const ENV_SECRET = `env-secret-${tag}`;
const FILE_SECRET = `file-secret-${tag}`;
const secretFile = join(HOST_TMP, `llm4cov-secret-${tag}.txt`);
const canaryDir = join(HOST_TMP, `llm4cov-canary-${tag}`);
const hostname = existsSync("/etc/hostname") ? readFileSync("/etc/hostname", "utf8").trim() : "";
// bwrap usable here (installed and able to run), as the pipeline itself decides.
const bwrap = (await sandboxInfo()).mode === "bwrap";
const NEEDS_BWRAP = "needs bwrap: without it /tmp and host files are shared with the job uid";
/** Marker files each write test found on the host (asserted by the bwrap-only test below). */
const markersSeen: Record<string, boolean[]> = {};
const results: SimResult[] = [];
const STATUSES = [
  "pass",
  "infra_error",
  "compile_error",
  "build_error",
  "runtime_error",
  "timeout",
  "no_finish",
  "rejected",
];

async function run(tb: string, extra: Record<string, unknown> = {}, signal?: AbortSignal) {
  const r = await evaluate(counterRequest(tb, extra), { workRoot, signal });
  results.push(r);
  return r;
}
const marker = (name: string) => join(HOST_TMP, `llm4cov-marker-${tag}-${name}`);

beforeAll(() => {
  mkdirSync(workRoot, { recursive: true });
  mkdirSync(canaryDir, { recursive: true });
  writeFileSync(join(canaryDir, "keep.txt"), "canary\n");
  writeFileSync(secretFile, FILE_SECRET + "\n");
  chmodSync(secretFile, 0o644);
  process.env.LLM4COV_TEST_SECRET = ENV_SECRET;
});
afterEach(() => {
  // Nothing of any job is left running, and no result carries host data.
  expect(processesUnder(workRoot)).toEqual([]);
  for (const r of results.splice(0)) {
    const text = JSON.stringify(r);
    expect(text).not.toContain(ENV_SECRET);
    expect(text).not.toContain(FILE_SECRET);
    expect(text).not.toContain("root:x:0:0");
    if (hostname.length >= 6) expect(text).not.toContain(hostname);
    expect(STATUSES).toContain(r.status);
  }
  expect(existsSync(join(canaryDir, "keep.txt"))).toBe(true);
});
afterAll(() => {
  for (const p of [workRoot, canaryDir, secretFile]) rmSync(p, { recursive: true, force: true });
  delete process.env.LLM4COV_TEST_SECRET;
});

describe("policy violations hidden from a plain scan are rejected after preprocessing", () => {
  for (const sim of ["verilator", "icarus"] as const) {
    it(`$system assembled by a macro (${sim})`, async () => {
      const tb = A.macroSystemTb(marker("system"));
      expect(precheckTestbench(tb, ["counter"], { strict: true })).toEqual([]); // the raw scan misses it
      const r = await run(tb, { simulator: sim });
      expect(r.status, r.log).toBe("rejected");
      expect(r.diagnostics[0]).toMatchObject({ rule: "no-system-task-shell", file: "tb/tb.sv" });
      expect(existsSync(marker("system"))).toBe(false);
    });
  }

  it("libc system() through a DPI import with no C file", async () => {
    const tb = A.dpiLibcTb(marker("dpi"));
    expect(precheckTestbench(tb, ["counter"], { strict: true })).toEqual([]);
    const r = await run(tb);
    expect(r.status).toBe("rejected");
    expect(r.reason).toMatch(/DPI import/);
    expect(existsSync(marker("dpi"))).toBe(false);
  });

  it("a fake DUT module, named by a macro or an escaped identifier", async () => {
    const r = await run(A.macroFakeDutTb);
    expect(r.status).toBe("rejected");
    expect(r.diagnostics[0]!.rule).toBe("no-dut-redefinition");
    expect(r.coverage).toBeNull();
    const e = await run(A.escapedFakeDutTb);
    expect(e.status).toBe("rejected");
    expect(e.diagnostics[0]!.rule).toBe("no-dut-redefinition");
  });

  it("C++ insertion, coverage switches and binds into the DUT", async () => {
    expect((await run(A.dollarCTb)).diagnostics[0]!.rule).toBe("no-verilator-c");
    expect((await run(A.verilatorConfigTb)).diagnostics[0]!.rule).toBe("no-verilator-config");
    expect((await run(A.bindTb)).diagnostics[0]!.rule).toBe("no-bind-into-dut");
  });

  it("`include of a host file named by a macro", async () => {
    const hidden = await run(A.macroIncludeTb(secretFile));
    expect(hidden.status).toBe("rejected");
    expect(hidden.reason).toMatch(/outside the repository/);
    const visible = ["/usr/share/verilator/include/verilated_std.sv", "/usr/include/stdio.h"].find(
      existsSync,
    );
    if (visible) {
      const r = await run(A.macroIncludeTb(visible));
      expect(r.status).toBe("rejected");
      expect(r.reason).toContain(visible);
    }
  });
});

describe("run-time attacks are contained by the sandbox", () => {
  for (const sim of ["verilator", "icarus"] as const) {
    it(`writes through names built at run time stay out of the host (${sim})`, async () => {
      const targets = [
        marker(`abs-${sim}`),
        `../../../../../../../../${marker(`rel-${sim}`).slice(1)}`,
        `../llm4cov-marker-${tag}-sibling-${sim}`,
        join(canaryDir, "pwned.txt"),
      ];
      const r = await run(A.runtimeWriteTb(targets), { simulator: sim, options: { keepJobDir: true } });
      expect(r.status, r.log).toBe("pass");
      expect(r.log).toContain("WRITES-DONE");
      expect(r.log).toContain("DUT-SOURCE-FD=0"); // the DUT's sources are read-only for the job
      markersSeen[sim] = [];
      for (const m of [marker(`abs-${sim}`), marker(`rel-${sim}`)]) {
        markersSeen[sim].push(existsSync(m));
        rmSync(m, { force: true });
        rmSync(m + ".mem", { force: true });
      }
      const jobs = readdirSync(workRoot).filter((d) => d.startsWith("job-"));
      expect(jobs.some((d) => existsSync(join(workRoot, d, "inside.txt")))).toBe(true); // writes inside work
      expect(existsSync(join(workRoot, `llm4cov-marker-${tag}-sibling-${sim}`))).toBe(false);
      expect(existsSync(join(canaryDir, "pwned.txt"))).toBe(false);
      for (const d of jobs) rmSync(join(workRoot, d), { recursive: true, force: true });
    });
  }

  it.skipIf(!bwrap)(`absolute and ../ writes to the host's /tmp never land (${NEEDS_BWRAP})`, () => {
    expect(markersSeen).toEqual({ verilator: [false, false], icarus: [false, false] });
  });

  let reads: SimResult | undefined;
  it("reads of host files through names built at run time print nothing of them", async () => {
    reads = await run(A.runtimeReadTb([secretFile, "/etc/hostname", "/etc/passwd"]));
    expect(reads.status, reads.log).toBe("pass");
    expect(reads.log).toContain("READS-DONE");
  });

  it.skipIf(!bwrap)(`host files cannot even be opened (${NEEDS_BWRAP})`, () => {
    expect(reads?.log.match(/READ-FD 0/g)).toHaveLength(3);
  });
});

describe("resource bounds", () => {
  it("keeps head and tail of single lines of many MB, counting the rest", async () => {
    const r = await run(A.hugeLineTb(24, 6), { limits: { outputBytes: 8192 } });
    expect(r.status, r.reason).toBe("pass");
    expect(r.log).toContain("BEFORE-HUGE");
    expect(r.log).toContain("AFTER-HUGE");
    expect(r.log.length).toBeLessThan(12_000);
    expect(r.logDroppedBytes).toBeGreaterThan(6 * 2 ** 24 - 8192);
  });

  it("stops a simulation that prints without end, keeping its output and coverage", async () => {
    const t0 = Date.now();
    const r = await run(A.printForeverTb, { limits: { outputStopBytes: 4_000_000, wallMs: 30_000 } });
    expect(r.status).toBe("runtime_error");
    expect(r.reason).toMatch(/printed more than 4000000 bytes/);
    expect(r.log).toContain("BEFORE-FLOOD");
    expect(r.coverage).not.toBeNull();
    expect(Date.now() - t0).toBeLessThan(15_000);
  });

  it("bounds memory growth", async () => {
    const t0 = Date.now();
    const r = await run(A.memoryHogTb, { limits: { memoryMb: 512, wallMs: 30_000 } });
    expect(r.status).toBe("runtime_error");
    expect(r.reason).toMatch(/memory limit 512 MB/);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it("bounds CPU time of a zero-delay loop", async () => {
    const t0 = Date.now();
    const r = await run(SPIN_TB, { limits: { cpuSeconds: 2, wallMs: 60_000 } });
    expect(r.status).toBe("timeout");
    expect(r.coverage).not.toBeNull();
    expect(Date.now() - t0).toBeLessThan(15_000);
  });

  it("answers a spinning job within its wall limit", async () => {
    const t0 = Date.now();
    const r = await run(SPIN_TB, { limits: { wallMs: 4000 } });
    expect(r.status).toBe("timeout");
    expect(Date.now() - t0).toBeLessThan(4000 + 800);
  });

  it("answers a build bomb (thousands of instances) within its wall limit", async () => {
    const t0 = Date.now();
    const r = await run(A.instanceBombTb(3000), { limits: { wallMs: 5000 } });
    expect(["compile_error", "build_error", "timeout"]).toContain(r.status);
    expect(Date.now() - t0).toBeLessThan(5000 + 800);
  });

  it("a cancelled job ends at once and leaves nothing behind", async () => {
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 2500);
    const r = await run(SPIN_TB, { limits: { wallMs: 60_000 } }, ac.signal);
    expect(r.status).toBe("infra_error");
    expect(r.reason).toBe("cancelled");
    expect(Date.now() - t0).toBeLessThan(4000);
  });
});

describe("isolation is always stated", () => {
  it("every result names its sandbox", async () => {
    const r = await run(GOOD_TB);
    expect(r.status).toBe("pass");
    expect(r.sandbox).toMatch(bwrap ? /^bwrap$/ : /^rlimits.*fallback/);
  });

  it("the fallback says so in the result", async () => {
    process.env.LLM4COV_SANDBOX = "rlimits";
    try {
      const r = await run(GOOD_TB);
      expect(r.status).toBe("pass");
      expect(r.sandbox).toMatch(/^rlimits.*fallback/);
    } finally {
      delete process.env.LLM4COV_SANDBOX;
    }
  });

  it("a host told to require bwrap never runs without it (bwrap not on PATH)", async () => {
    // The real branch: LLM4COV_SANDBOX=bwrap on a host where bwrap cannot be found.
    const savedPath = process.env.PATH;
    const emptyBin = join(workRoot, "empty-bin");
    mkdirSync(emptyBin, { recursive: true });
    const before = readdirSync(workRoot);
    process.env.LLM4COV_SANDBOX = "bwrap";
    process.env.PATH = emptyBin;
    try {
      const info = await sandboxInfo();
      expect(info.unavailable).toMatch(/LLM4COV_SANDBOX=bwrap but bwrap not installed/);
      const r = await run(A.runtimeWriteTb([marker("required-bwrap")]));
      expect(r.status).toBe("infra_error");
      expect(r.reason).toMatch(/sandbox unavailable: LLM4COV_SANDBOX=bwrap but bwrap not installed/);
      expect(r.timings).toEqual([]); // no stage ran
      expect(readdirSync(workRoot)).toEqual(before); // not even a job directory was made
      expect(existsSync(marker("required-bwrap"))).toBe(false);
    } finally {
      process.env.PATH = savedPath;
      delete process.env.LLM4COV_SANDBOX;
    }
    // And with bwrap back on PATH the same requirement runs jobs (when bwrap works here).
    if (bwrap) {
      process.env.LLM4COV_SANDBOX = "bwrap";
      try {
        const r = await run(GOOD_TB);
        expect(r.status).toBe("pass");
        expect(r.sandbox).toBe("bwrap");
      } finally {
        delete process.env.LLM4COV_SANDBOX;
      }
    }
  });

  it("an unknown LLM4COV_SANDBOX value runs nothing either", async () => {
    process.env.LLM4COV_SANDBOX = "none";
    try {
      const r = await run(GOOD_TB);
      expect(r.status).toBe("infra_error");
      expect(r.reason).toMatch(/sandbox unavailable: unknown LLM4COV_SANDBOX=none/);
      expect(r.timings).toEqual([]);
    } finally {
      delete process.env.LLM4COV_SANDBOX;
    }
  });
});
