// The CLI as a separate process (bin/llm4cov, which runs dist/), against `serve-policy` in its
// own process: what only a real process shows (signals, Node's warnings, exit codes).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const bin = join(root, "bin", "llm4cov");
const built = existsSync(join(root, "dist", "cli", "main.js"));
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-cli-process-"));
const examples = join(root, "examples", "designs.jsonl");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

interface Ran {
  code: number | null;
  out: string;
  err: string;
}

function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  children.push(child);
  const ran: Ran = { code: null, out: "", err: "" };
  child.stdout!.on("data", (c) => (ran.out += c));
  child.stderr!.on("data", (c) => (ran.err += c));
  const done = new Promise<Ran>((res) => child.on("close", (code) => res({ ...ran, code })));
  return { child, ran, done };
}

/** `llm4cov serve-policy` on a free port; resolves with its base URL once it listens. */
async function servePolicy(...extra: string[]): Promise<{ url: string; stop: () => void }> {
  const p = start(["serve-policy", "--port", "0", ...extra]);
  for (let i = 0; i < 600 && !/serving on (\S+)/.test(p.ran.out); i++)
    await new Promise((r) => setTimeout(r, 50));
  const url = /serving on (\S+)/.exec(p.ran.out)?.[1];
  if (!url) throw new Error(`serve-policy did not start: ${p.ran.err}`);
  return { url: `${url}/v1`, stop: () => p.child.kill("SIGTERM") };
}

function rows(n: number, name: string): string {
  const path = join(tmp, name);
  writeFileSync(
    path,
    readFileSync(examples, "utf8").split("\n").filter(Boolean).slice(0, n).join("\n") + "\n",
  );
  return path;
}

function query<T>(runDir: string, sql: string): T[] {
  const db = new Database(join(runDir, "ledger.sqlite"), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe.skipIf(!built)("llm4cov in its own process (needs dist/: npm run build)", () => {
  it("a 12-task eval over HTTP prints no MaxListenersExceededWarning (no abort-listener leak)", async () => {
    const server = await servePolicy();
    try {
      const out = join(tmp, "twelve");
      const r = await start([
        "eval",
        ...["--dataset", examples, "--endpoint", server.url, "--model", "m"],
        ...["--mode", "direct", "--samples", "1", "--slots", "2", "--out", out],
      ]).done;
      expect(r.code, r.err).toBe(0);
      const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
      expect(summary.samples_done).toBe(12);
      expect(summary.llm.calls).toBeGreaterThanOrEqual(12);
      expect(r.err).not.toMatch(/MaxListenersExceededWarning/);
      expect(r.err).not.toMatch(/\(node:\d+\) \w*Warning/);
    } finally {
      server.stop();
    }
  }, 300_000);

  it("first Ctrl-C lets in-flight LLM calls finish and be recorded; --resume completes the run", async () => {
    const server = await servePolicy("--latency-ms", "4000");
    try {
      const dataset = rows(4, "four.jsonl");
      const out = join(tmp, "interrupted");
      const args = [
        "eval",
        ...["--dataset", dataset, "--endpoint", server.url, "--model", "m"],
        ...["--mode", "direct", "--samples", "2", "--slots", "2", "--out", out],
      ];
      const p = start(args);
      // Wait until samples have started (their LLM calls are then on the wire for 4 s).
      let started = 0;
      for (let i = 0; i < 1200 && started === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        try {
          started = query<{ n: number }>(out, "SELECT COUNT(*) n FROM samples")[0]!.n;
        } catch {
          /* no ledger yet */
        }
      }
      expect(started, p.ran.err).toBeGreaterThan(0);
      const t0 = Date.now();
      p.child.kill("SIGINT");
      const r = await p.done;
      expect(Date.now() - t0).toBeLessThan(60_000);
      expect(r.code, r.err).toBe(130);
      expect(r.err).toMatch(/interrupted: taking no new work/);
      expect(r.err).toMatch(/--resume/);
      // Calls in flight at the interrupt were answered and stored, none cancelled.
      const calls = query<{ answer: string | null; error: string | null }>(
        out,
        "SELECT answer, error FROM llm_calls",
      );
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.filter((c) => c.error !== null)).toEqual([]);
      expect(calls.every((c) => c.answer !== null)).toBe(true);
      const done = query<{ n: number }>(out, "SELECT COUNT(*) n FROM samples WHERE status = 'done'")[0]!.n;
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(8); // no new work was taken after the interrupt

      const resumed = await start([...args, "--resume", "--json"]).done;
      expect(resumed.code, resumed.err).toBe(0);
      const summary = JSON.parse(resumed.out);
      expect(summary.samples_done).toBe(8);
      expect(summary.samples_failed).toBe(0);
      // Finished calls were not asked again: one answered call per sample.
      expect(query<{ n: number }>(out, "SELECT COUNT(*) n FROM llm_calls WHERE error IS NULL")[0]!.n).toBe(8);
    } finally {
      server.stop();
    }
  }, 300_000);

  it("every sample failing because the endpoint is down: exit 3 and one line naming it, never the key", async () => {
    // A port nothing listens on: take a free one and close it.
    const port = await new Promise<number>((res) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => res(p));
      });
    });
    const secret = "sk-test-0123456789abcdef";
    const r = await start(
      [
        "eval",
        ...["--dataset", examples, "--endpoint", `http://127.0.0.1:${port}/v1`, "--model", "m"],
        ...["--api-key-env", "LLM4COV_TEST_KEY", "--mode", "direct", "--samples", "1", "--limit", "2"],
        ...["--out", join(tmp, "down")],
      ],
      { LLM4COV_TEST_KEY: secret },
    ).done;
    expect(r.code, r.err).toBe(3);
    const cause = r.err.split("\n").filter((l) => /all \d+ samples failed/.test(l));
    expect(cause).toHaveLength(1);
    expect(cause[0]).toMatch(
      new RegExp(`all 2 samples failed: LLM call failed: 127\\.0\\.0\\.1:${port}/m: `),
    );
    expect(r.err + r.out).not.toContain(secret);
  }, 300_000);
});
