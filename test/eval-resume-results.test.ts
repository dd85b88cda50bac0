// A run killed with SIGKILL and resumed ends with the same results as an uninterrupted run:
// the same samples, states, statuses, scores and testbenches, not only the same counts.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/core/hash.js";
import { builtinPolicy } from "../src/llm/builtin/policy.js";
import { startPolicyServer } from "../src/llm/policy-server.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-resume-results-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Three bundled designs where later rounds still change coverage (so rounds matter).
const IDS = ["llm4cov_ex_counter", "llm4cov_ex_pwm", "llm4cov_ex_uart_tx"];
const dataset = join(tmp, "three.jsonl");
writeFileSync(
  dataset,
  readFileSync(join(root, "examples", "designs.jsonl"), "utf8")
    .split("\n")
    .filter((l) => IDS.some((id) => l.includes(`"${id}"`)))
    .join("\n") + "\n",
);

/** Everything a run decided, keyed by what identifies a sample and a round (not by row ids or times). */
function results(runDir: string) {
  const db = new Database(join(runDir, "ledger.sqlite"), { readonly: true });
  try {
    const samples = db
      .prepare(
        `SELECT task_id, sample_index, status, best_score, rounds FROM samples ORDER BY task_id, sample_index`,
      )
      .all();
    const states = (
      db
        .prepare(
          `SELECT s.task_id, s.sample_index, st.round, st.status, st.score, st.sim_pass, st.cov_pass,
                  st.parse_error, st.testbench
             FROM states st JOIN samples s ON s.sample_id = st.sample_id
            ORDER BY s.task_id, s.sample_index, st.round`,
        )
        .all() as Record<string, unknown>[]
    ).map(({ testbench, ...r }) => ({ ...r, tb: testbench == null ? null : sha256(String(testbench)) }));
    return { samples, states };
  } finally {
    db.close();
  }
}

const child = (runDir: string, baseURL: string, resume: boolean) =>
  spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(root, "test/fixtures/eval/kill-target.mts"),
      dataset,
      runDir,
      baseURL,
      resume ? "resume" : "new",
    ],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
const finish = (p: ReturnType<typeof child>) =>
  new Promise<string>((res) => {
    let out = "";
    p.stdout!.on("data", (c) => (out += c));
    p.on("exit", () => res(out));
  });

describe("resume after SIGKILL", () => {
  it("reaches the same states and scores as an uninterrupted run", async () => {
    const server = await startPolicyServer({
      handler: (messages, s) =>
        builtinPolicy(messages, {
          temperature: s.temperature,
          topP: s.top_p,
          maxTokens: s.max_tokens,
          seed: s.seed,
        }),
      latencyMs: 150,
    });
    try {
      const refDir = join(tmp, "ref");
      expect(JSON.parse(await finish(child(refDir, server.baseURL, false)))).toEqual({ done: 6, failed: 0 });
      const ref = results(refDir);
      expect(ref.states.length).toBeGreaterThanOrEqual(6);

      const killedDir = join(tmp, "killed");
      const p = child(killedDir, server.baseURL, false);
      const exited = new Promise((r) => p.on("exit", r));
      let stored = 0;
      for (let i = 0; i < 3000 && stored < 3; i++) {
        await new Promise((r) => setTimeout(r, 100));
        try {
          const db = new Database(join(killedDir, "ledger.sqlite"), { readonly: true });
          stored = (db.prepare("SELECT COUNT(*) n FROM states").get() as { n: number }).n;
          db.close();
        } catch {
          /* not created yet */
        }
      }
      p.kill("SIGKILL");
      await exited;
      expect(stored, "the child never stored 3 states before the kill").toBeGreaterThanOrEqual(3);
      const partial = results(killedDir);
      expect(partial.samples.filter((s) => (s as { status: string }).status === "done").length).toBeLessThan(
        6,
      );

      expect(JSON.parse(await finish(child(killedDir, server.baseURL, true)))).toEqual({
        done: 6,
        failed: 0,
      });
      const resumed = results(killedDir);
      expect(resumed.samples).toEqual(ref.samples);
      expect(resumed.states).toEqual(ref.states);
      // The runs' summaries agree on every metric too.
      const metrics = (dir: string) => {
        const s = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as Record<string, unknown>;
        const { run_dir, wall_seconds, sim, llm, tokens, ...rest } = s;
        void [run_dir, wall_seconds, sim, llm, tokens];
        return rest;
      };
      expect(metrics(killedDir)).toEqual(metrics(refDir));
    } finally {
      await server.close();
    }
  }, 600_000);
});
