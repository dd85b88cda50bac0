// The main job end to end: real HTTP policy server, real simulations, real SQLite.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runEval } from "../src/agent/eval.js";
import { LocalExecutor } from "../src/exec/local.js";
import { builtinPolicy, BuiltinProvider } from "../src/llm/builtin/policy.js";
import { OpenAICompatibleProvider } from "../src/llm/openai-provider.js";
import { startPolicyServer, type FaultStep } from "../src/llm/policy-server.js";
import { ConfigMismatchError, Ledger, RunExistsError } from "../src/store/ledger.js";
import { exportLedger } from "../src/store/export.js";

const root = join(import.meta.dirname, "..");
const examples = join(root, "examples", "designs.jsonl");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-eval-test-"));
const exec = new LocalExecutor({ slots: 2 });
afterAll(() => exec.close());

/** The first `n` example rows as their own small dataset. */
function subset(n: number, name: string): string {
  const path = join(tmp, name);
  writeFileSync(
    path,
    readFileSync(examples, "utf8").split("\n").filter(Boolean).slice(0, n).join("\n") + "\n",
  );
  return path;
}

/**
 * Named example designs in this run's temp dir. The run identity holds the dataset's content
 * hash (not its path), which seeds the built-in policy, so the stimulus is repeatable anywhere.
 */
function namedSubset(ids: string[], name: string): string {
  const dir = tmp;
  const rows = readFileSync(examples, "utf8")
    .split("\n")
    .filter((l) => ids.some((id) => l.includes(`"id":"${id}"`) || l.includes(`"id": "${id}"`)));
  expect(rows).toHaveLength(ids.length);
  const path = join(dir, name);
  writeFileSync(path, rows.join("\n") + "\n");
  return path;
}

// Designs where one round of the built-in policy leaves coverage to gain.
const HEADROOM = ["llm4cov_ex_counter", "llm4cov_ex_pwm", "llm4cov_ex_uart_rx", "llm4cov_ex_uart_tx"];

const policyHandler =
  (seen?: number[]) =>
  async (messages: never, s: { temperature: number; top_p: number; max_tokens: number; seed?: number }) => {
    if (seen && s.seed !== undefined) seen.push(s.seed);
    return builtinPolicy(messages, {
      temperature: s.temperature,
      topP: s.top_p,
      maxTokens: s.max_tokens,
      seed: s.seed,
    });
  };

describe("eval main job", () => {
  it("agentic rounds with the built-in policy raise coverage over round 0", async () => {
    const dataset = namedSubset(HEADROOM, "headroom.jsonl");
    const summary = await runEval(
      { dataset, mode: "agentic", rounds: 2, samples: 1 },
      { runDir: join(tmp, "agentic"), llm: new BuiltinProvider(), exec, progress: null },
    );
    expect(summary.tasks).toBe(4);
    expect(summary.samples_failed).toBe(0);
    const first = summary.per_round[0]!;
    const last = summary.per_round.at(-1)!;
    expect(last.avg_cov).toBeGreaterThan(first.avg_cov);
    expect(summary.per_round.slice(1).some((r) => r.improved > 0)).toBe(true);
    const written = JSON.parse(readFileSync(join(tmp, "agentic", "summary.json"), "utf8"));
    for (const m of ["cov_pass", "avg_cov", "sim_pass"]) {
      expect(written.metrics[m]).toMatchObject({ k: 1 });
      expect(written.metrics[m].at1).toBeGreaterThanOrEqual(0);
      expect(written.metrics[m].at1).toBeLessThanOrEqual(1);
    }
    // Every transition records its true input state.
    const db = new Database(join(tmp, "agentic", "ledger.sqlite"), { readonly: true });
    const t = db
      .prepare("SELECT round, input_state_id, output_state_id FROM transitions ORDER BY sample_id, round")
      .all() as {
      round: number;
      input_state_id: string | null;
      output_state_id: string;
    }[];
    for (const row of t) {
      if (row.round === 0) expect(row.input_state_id).toBeNull();
      else expect(row.input_state_id).toMatch(new RegExp(`:s${row.round - 1}$`));
    }
    db.close();
  });

  it("retries injected 500/429 faults over real HTTP, loses no sample, records retry counts", async () => {
    const plan: FaultStep[] = ["500", "429", "ok", "503", "ok", "500", "500", "ok"];
    const server = await startPolicyServer({
      handler: policyHandler() as never,
      faultPlan: plan,
      retryAfterSeconds: 1,
    });
    try {
      const llm = new OpenAICompatibleProvider({
        baseURL: `${server.url}/v1`,
        model: "llm4cov-builtin",
        apiKey: "k",
        retry: { baseDelayMs: 20, maxDelayMs: 100 },
      });
      const summary = await runEval(
        {
          dataset: subset(2, "two.jsonl"),
          mode: "direct",
          samples: 2,
          policy: { kind: "openai", endpoints: [server.url + "/v1"], model: "llm4cov-builtin" },
        },
        { runDir: join(tmp, "faults"), llm, exec, progress: null },
      );
      expect(summary.samples_done).toBe(4);
      expect(summary.samples_failed).toBe(0);
      expect(summary.llm.retries).toBe(5);
      expect(server.stats.rateLimited).toBe(1);
      expect(server.stats.serverError).toBeGreaterThanOrEqual(3);
    } finally {
      await server.close();
    }
  });

  it("a call that keeps failing marks the sample as an infrastructure failure; resume completes it", async () => {
    const server = await startPolicyServer({ handler: policyHandler() as never, faultPlan: ["500", "500"] });
    const runDir = join(tmp, "final-failure");
    const dataset = subset(1, "one.jsonl");
    const cfg = {
      dataset,
      mode: "direct" as const,
      samples: 1,
      policy: { kind: "openai" as const, endpoints: [server.url + "/v1"], model: "m" },
    };
    try {
      const llm = new OpenAICompatibleProvider({
        baseURL: `${server.url}/v1`,
        model: "m",
        apiKey: "k",
        retry: { maxAttempts: 2, baseDelayMs: 10 },
      });
      const first = await runEval(cfg, { runDir, llm, exec, progress: null });
      expect(first.samples_failed).toBe(1);
      expect(first.failures[0]!.error).toMatch(/LLM call failed/);
      expect(first.llm).toMatchObject({ failed: 1, retries: 1 });
      const second = await runEval(cfg, { runDir, resume: true, llm, exec, progress: null });
      expect(second.samples_done).toBe(1);
      expect(second.samples_failed).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("refuses to reuse a run directory without --resume, and with another config", async () => {
    const runDir = join(tmp, "agentic");
    expect(() => Ledger.open(runDir, { other: true }, { resume: true })).toThrow(ConfigMismatchError);
    await expect(
      runEval(
        { dataset: namedSubset(HEADROOM, "headroom.jsonl"), mode: "agentic", rounds: 2, samples: 1 },
        { runDir, llm: new BuiltinProvider(), exec, progress: null },
      ),
    ).rejects.toThrow(RunExistsError);
    await expect(
      runEval(
        { dataset: namedSubset(HEADROOM, "headroom.jsonl"), mode: "agentic", rounds: 3, samples: 1 },
        { runDir, resume: true, llm: new BuiltinProvider(), exec, progress: null },
      ),
    ).rejects.toThrow(/different configuration.*rounds: 2 -> 3/);
  });

  it("exports the ledger as JSONL, one line per transition", async () => {
    const ledger = Ledger.openExisting(join(tmp, "agentic"));
    const out = join(tmp, "agentic.jsonl");
    const n = await exportLedger(ledger, out);
    ledger.close();
    const lines = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(n);
    expect(n).toBeGreaterThanOrEqual(4);
    expect(lines[0].llm.messages[0].role).toBe("system");
    expect(lines[0].output.testbench).toContain("module");
    expect(lines[0].output.result.protocol).toBe(1);
  });

  it("a run killed with SIGKILL resumes to the same samples without repeating finished LLM calls", async () => {
    const seen: number[] = [];
    const server = await startPolicyServer({ handler: policyHandler(seen) as never, latencyMs: 150 });
    const dataset = subset(3, "three.jsonl");
    const base = `${server.url}/v1`;
    const child = (runDir: string, resume: boolean) =>
      spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          join(root, "test/fixtures/eval/kill-target.mts"),
          dataset,
          runDir,
          base,
          resume ? "resume" : "new",
        ],
        {
          cwd: root,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
    const finish = (p: ReturnType<typeof child>) =>
      new Promise<string>((res) => {
        let out = "";
        p.stdout!.on("data", (c) => (out += c));
        p.on("exit", () => res(out));
      });
    try {
      // Uninterrupted reference run.
      const ref = JSON.parse(await finish(child(join(tmp, "ref"), false)));
      expect(ref).toEqual({ done: 6, failed: 0 });

      // Killed run: wait until some LLM calls are recorded, then SIGKILL.
      const killedDir = join(tmp, "killed");
      const p = child(killedDir, false);
      const exited = new Promise((r) => p.on("exit", r));
      const dbPath = join(killedDir, "ledger.sqlite");
      // Generous: on a loaded 2-core machine the child's start-up alone can take a while.
      let ready = false;
      for (let i = 0; i < 3000 && !ready; i++) {
        await new Promise((r) => setTimeout(r, 100));
        try {
          const db = new Database(dbPath, { readonly: true });
          const n = (db.prepare("SELECT COUNT(*) n FROM states").get() as { n: number }).n;
          db.close();
          ready = n >= 3;
        } catch {
          /* not created yet */
        }
      }
      p.kill("SIGKILL");
      await exited;
      expect(ready, "the child run never stored 3 states before the kill").toBe(true);
      const db = new Database(dbPath, { readonly: true });
      const finishedCalls = (
        db.prepare("SELECT call_id FROM llm_calls WHERE error IS NULL").all() as { call_id: string }[]
      ).length;
      const doneBefore = (
        db.prepare("SELECT COUNT(*) n FROM samples WHERE status='done'").get() as { n: number }
      ).n;
      db.close();
      expect(finishedCalls).toBeGreaterThan(0);
      expect(doneBefore).toBeLessThan(6);

      const seenBeforeResume = seen.length;
      const resumed = JSON.parse(await finish(child(killedDir, true)));
      expect(resumed).toEqual({ done: ref.done, failed: 0 });
      const db2 = new Database(dbPath, { readonly: true });
      const totalCalls = (
        db2.prepare("SELECT COUNT(*) n FROM llm_calls WHERE error IS NULL").get() as { n: number }
      ).n;
      db2.close();
      // Requests made after the kill are exactly the calls that were not finished before it.
      expect(seen.length - seenBeforeResume).toBe(totalCalls - finishedCalls);
    } finally {
      await server.close();
    }
  }, 600_000);
});
