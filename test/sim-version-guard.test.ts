// One simulator version per run: the version is probed through the executor, recorded in the
// run identity, and a result of another version is refused as infra_error (never mixed).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SimRequestInput, SimResult } from "../src/core/protocol.js";
import { makeResult } from "../src/eda/job.js";
import type { Executor } from "../src/exec/executor.js";
import { LocalExecutor } from "../src/exec/local.js";
import {
  probeSimulatorVersion,
  SimulatorUnavailableError,
  VersionGuardExecutor,
} from "../src/exec/version-guard.js";
import { detectVerilator } from "../src/eda/verilator/toolchain.js";
import { runEval } from "../src/agent/eval.js";
import { Ledger } from "../src/store/ledger.js";

const tmp = mkdtempSync(join(tmpdir(), "llm4cov-simver-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** An executor whose every answer claims `version` (a host with another Verilator). */
function claiming(version: string, status: SimResult["status"] = "pass"): Executor {
  return {
    name: "claiming",
    run: async (r: SimRequestInput) =>
      makeResult({ id: r.id, simulator: { name: "verilator", version }, status, reason: "x" }),
    stats: () => ({ queued: 0, running: 0, done: 0, failed: 0, slots: 1 }),
    close: async () => {},
  };
}

describe("simulator version per run", () => {
  it("probes the version the local executor really runs", async () => {
    const exec = new LocalExecutor({ slots: 1 });
    try {
      expect(await probeSimulatorVersion(exec, "verilator")).toBe((await detectVerilator()).version);
    } finally {
      await exec.close();
    }
  });

  it("a probe that ends in infra_error is a clear error, not a run", async () => {
    await expect(probeSimulatorVersion(claiming("5.048", "infra_error"), "verilator")).rejects.toThrow(
      SimulatorUnavailableError,
    );
  });

  it("results of another version become infra_error; the run's version passes", async () => {
    const req = { top: "m", rtl: [{ name: "m.sv", content: "" }], testbench: { name: "t.sv", content: "" } };
    const same = new VersionGuardExecutor(claiming("5.048"), "5.048");
    expect((await same.run(req)).status).toBe("pass");
    const other = new VersionGuardExecutor(claiming("5.006"), "5.048");
    const r = await other.run(req);
    expect(r.status).toBe("infra_error");
    expect(r.reason).toMatch(/5\.006 answered, but this run uses 5\.048/);
    const learnt: string[] = [];
    const open = new VersionGuardExecutor(claiming("5.040"), null, (v) => learnt.push(v));
    await open.run(req);
    expect(learnt).toEqual(["5.040"]);
    expect(open.version).toBe("5.040");
  });

  it("the version is part of the run identity and recorded in the ledger", async () => {
    const exec = new LocalExecutor({ slots: 2 });
    const runDir = join(tmp, "run");
    try {
      await runEval(
        {
          dataset: "examples/designs.jsonl",
          mode: "direct",
          samples: 1,
          limit: 1,
          policy: { kind: "builtin" },
        },
        { runDir, exec, progress: null },
      );
    } finally {
      await exec.close();
    }
    const ledger = Ledger.openExisting(runDir);
    try {
      const version = (await detectVerilator()).version;
      expect(ledger.getMeta("simulator")).toEqual({ name: "verilator", version });
      expect(ledger.config<Record<string, unknown>>().simulator_version).toBe(version);
    } finally {
      ledger.close();
    }
  });
});
