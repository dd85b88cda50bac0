// A simulation that fails for a host reason (infra_error: here the host's sandbox requirement
// cannot be met) is never the model's fault: it is retried, and only after the retries does the
// sample become an infrastructure failure. Real executor, real evaluate, real Verilator.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runEval } from "../src/agent/eval.js";
import { InfraError, simulateTestbench } from "../src/agent/workflow.js";
import type { SimRequestInput, SimResult } from "../src/core/protocol.js";
import { NativeRow, repositoryFromRow } from "../src/core/repository.js";
import { SimLimits } from "../src/core/protocol.js";
import { PROBE_ID } from "../src/exec/version-guard.js";
import { LocalExecutor } from "../src/exec/local.js";
import { BuiltinProvider } from "../src/llm/builtin/policy.js";
import { COUNTER_RTL, GOOD_TB } from "./fixtures/eda.js";

const tmp = mkdtempSync(join(tmpdir(), "llm4cov-infra-retry-"));
const exec = new LocalExecutor({ slots: 1 });
afterAll(async () => {
  await exec.close();
  rmSync(tmp, { recursive: true, force: true });
});
const saved = process.env.LLM4COV_SANDBOX;
const heal = () => {
  if (saved === undefined) delete process.env.LLM4COV_SANDBOX;
  else process.env.LLM4COV_SANDBOX = saved;
};
/** The host cannot meet its sandbox requirement: every job answers infra_error, nothing runs. */
const breakHost = () => (process.env.LLM4COV_SANDBOX = "unusable-mode");
afterEach(heal);

const repo = repositoryFromRow(
  NativeRow.parse({
    id: "counter",
    rtl_files: [{ name: "rtl/counter.sv", content: COUNTER_RTL }],
    dut_module_name: "counter",
    dut_instance_name: "dut",
    tb_file: "tb/tb.sv",
  }),
);
const cfg = { simulator: "verilator" as const, limits: SimLimits.parse({}), simRetries: 2 };

describe("simulation infra_error retry", () => {
  it("a job that failed for a host reason is run again and its real result kept", async () => {
    breakHost();
    const seen: string[] = [];
    const { result, attempts } = await simulateTestbench(repo, GOOD_TB, cfg, {
      exec,
      onStage: (_stage, delta) => {
        // The host recovers after the first attempt ended.
        if (delta === -1 && seen.push("attempt") === 1) heal();
      },
    });
    expect(attempts).toBe(2);
    expect(seen).toHaveLength(2);
    expect(result.status).toBe("pass");
    expect(result.coverage?.score ?? 0).toBeGreaterThan(0.5);
  }, 120_000);

  it("after its retries the failure is an InfraError naming the host's reason", async () => {
    breakHost();
    let attempts = 0;
    const err = await simulateTestbench(
      repo,
      GOOD_TB,
      { ...cfg, simRetries: 1 },
      {
        exec,
        onStage: (_s, d) => void (d === 1 && attempts++),
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InfraError);
    expect((err as Error).message).toMatch(/simulation infrastructure error: sandbox unavailable/);
    expect(attempts).toBe(2);
  }, 60_000);

  it("in an eval, the sample completes and the ledger records the extra attempt", async () => {
    /** The same pool, on a host that recovers once its first job failed. */
    class RecoveringHost extends LocalExecutor {
      failures = 0;
      broken = false;
      override async run(req: SimRequestInput, signal?: AbortSignal): Promise<SimResult> {
        // The host breaks once the run has started (after eval's version probe).
        if (req.id !== PROBE_ID && !this.broken) {
          this.broken = true;
          breakHost();
        }
        const r = await super.run(req, signal);
        if (r.status === "infra_error" && ++this.failures === 1) heal();
        return r;
      }
    }
    const host = new RecoveringHost({ slots: 1 });
    const dataset = join(tmp, "one.jsonl");
    const line = readFileSync(join(import.meta.dirname, "..", "examples", "designs.jsonl"), "utf8")
      .split("\n")
      .find((l) => l.includes('"llm4cov_ex_counter"'))!;
    writeFileSync(dataset, line + "\n");
    try {
      const s = await runEval(
        { dataset, mode: "direct", samples: 1 },
        { runDir: join(tmp, "run"), llm: new BuiltinProvider(), exec: host, progress: null },
      );
      expect(host.failures).toBe(1);
      expect(s.samples_done).toBe(1);
      expect(s.samples_failed).toBe(0);
      const db = new Database(join(tmp, "run", "ledger.sqlite"), { readonly: true });
      const jobs = db.prepare("SELECT status, attempts FROM sim_jobs").all();
      db.close();
      expect(jobs).toEqual([{ status: "pass", attempts: 2 }]);
    } finally {
      await host.close();
    }
  }, 120_000);
});
