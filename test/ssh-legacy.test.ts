// Legacy mode over a real sshd: a get_cov_result-style CLI on the host (a fake that follows the
// documented interface on top of `llm4cov sim`), files synced through the host's on-disk cache.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../src/eda/evaluate.js";
import { checkHosts } from "../src/exec/ssh/check.js";
import { SshExecutor } from "../src/exec/ssh/executor.js";
import type { SshHostSpec } from "../src/exec/ssh/spec.js";
import {
  COMPILE_ERROR_TB,
  COUNTER_RTL,
  counterRequest,
  GOOD_TB,
  SYSTEM_TB,
  WEAK_TB,
} from "./fixtures/eda.js";
import { REPO_ROOT, TestSshd } from "./fixtures/ssh/sshd.js";
import { executorConformance } from "./executor-conformance.js";

const LEGACY = `${process.execPath} ${join(REPO_ROOT, "test/fixtures/ssh/fake-get-cov-result.mjs")}`;
const sshd = new TestSshd({ maxSessions: 2 }); // a strict session limit, below our slots
const legacy = (o: Partial<SshHostSpec> = {}) =>
  sshd.spec({ mode: "legacy", remoteCommand: LEGACY, slots: 4, maxSessions: 10, ...o });

beforeAll(() => sshd.start());
afterAll(() => sshd.stop());

// Legacy mode passes the same conformance suite as every other executor.
executorConformance("ssh legacy mode (real sshd)", () => new SshExecutor([legacy()]));

const list = (d: string) => {
  try {
    return readdirSync(d);
  } catch {
    return [];
  }
};
const cacheFiles = () => list(join(sshd.workDir, "cache"));
const cacheBytes = () => cacheFiles().reduce((n, f) => n + statSync(join(sshd.workDir, "cache", f)).size, 0);
const legacyJobDirs = () => list(join(sshd.workDir, "legacy"));
const running = (pattern: string) => {
  try {
    return execFileSync("pgrep", ["-f", pattern], { encoding: "utf8" }).trim();
  } catch {
    return ""; // pgrep exits 1 when nothing matches
  }
};
/** Waits for a condition another process brings about (nothing to subscribe to); bounded. */
async function eventually(cond: () => boolean, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const hangTb = (marker: string) => `// fake-legacy: hang ${marker}\n${WEAK_TB}`;

describe("legacy mode (get_cov_result-style CLI)", () => {
  it("runs the legacy command and reads its result.json", async () => {
    const exec = new SshExecutor([legacy()]);
    try {
      const [good, bad, sys] = await Promise.all([
        exec.run({ ...counterRequest(GOOD_TB), id: "g" }),
        exec.run({ ...counterRequest(COMPILE_ERROR_TB), id: "c" }),
        exec.run({ ...counterRequest(SYSTEM_TB), id: "s" }),
      ]);
      const local = await evaluate(counterRequest(GOOD_TB));
      expect(good).toMatchObject({ id: "g", status: "pass", simulator: { name: "legacy-xrun" } });
      expect(good.coverage!.score).toBeCloseTo(local.coverage!.score!, 6);
      expect(good.coverage!.line).toBeCloseTo(local.coverage!.line!, 6);
      expect(bad).toMatchObject({ id: "c", status: "compile_error" });
      expect(sys).toMatchObject({ id: "s", status: "rejected" }); // pre-checked here; never sent
      expect(legacyJobDirs()).toEqual([]);
    } finally {
      await exec.close();
    }
  });

  it("sends repository files once, and finds them in the host's cache on the next connection", async () => {
    const rtl = `/*\n${"// padding so that the repository dominates the testbench\n".repeat(600)}*/\n${COUNTER_RTL}`;
    const repo = Buffer.byteLength(rtl);
    const req = (tb: string, id: string) => ({
      ...counterRequest(tb),
      rtl: [{ name: "rtl/counter.sv", content: rtl }],
      id,
    });
    const first = new SshExecutor([legacy({ slots: 2 })]);
    const rs = await Promise.all([0, 1, 2, 3, 4].map((i) => first.run(req(WEAK_TB, `a${i}`))));
    const p1 = first.bytesSent().payload;
    await first.close();
    expect(rs.map((r) => r.status)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    expect(p1).toBeGreaterThan(repo);
    expect(p1).toBeLessThan(repo + 5 * (Buffer.byteLength(WEAK_TB) + 4500)); // commands + tar headers
    // A new connection: the cache on disk still has the file; only testbenches travel.
    const second = new SshExecutor([legacy()]);
    expect((await second.run(req(GOOD_TB, "b"))).status).toBe("pass");
    const p2 = second.bytesSent().payload;
    await second.close();
    expect(p2).toBeLessThan(repo / 4);
    expect(cacheFiles()).toContain(execFileSync("sha256sum", [], { input: rtl }).toString().split(" ")[0]);
  });

  it("respects the host's session limit (MaxSessions 2) with 4 slots", async () => {
    const exec = new SshExecutor([legacy({ slots: 4, maxSessions: 10 })]);
    try {
      const rs = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((i) => exec.run({ ...counterRequest(WEAK_TB), id: `s${i}` })),
      );
      expect(rs.every((r) => r.status === "pass")).toBe(true);
      // Learned from the server's refusals (we started at 10).
      expect(exec.hostStats()[0]!.sessionLimit).toBeLessThanOrEqual(2);
    } finally {
      await exec.close();
    }
  });

  it("kills a job that overruns its time limit on the host and removes its directory", async () => {
    const marker = `300.${process.pid}1`;
    const exec = new SshExecutor([legacy()], { legacy: { killGraceSec: 1 } });
    try {
      const t0 = performance.now();
      const r = await exec.run({
        ...counterRequest(hangTb(marker)),
        limits: { wallMs: 2000, simTimeNs: 1e7, memoryMb: 4096, outputBytes: 65536 },
      });
      expect(r.status).toBe("timeout");
      expect(r.reason).toMatch(/exceeded its 2s limit and was killed on the host/);
      expect(performance.now() - t0).toBeLessThan(15_000);
      expect(running(`sleep ${marker}`)).toBe("");
      expect(legacyJobDirs()).toEqual([]);
    } finally {
      await exec.close();
    }
  });

  it("cancels a running job on the host when the caller aborts", async () => {
    const marker = `300.${process.pid}2`;
    const exec = new SshExecutor([legacy()]);
    try {
      const ac = new AbortController();
      const pending = exec.run(counterRequest(hangTb(marker)), ac.signal);
      await eventually(() => running(`sleep ${marker}`) !== "", "the legacy job running on the host");
      ac.abort();
      const r = await pending;
      expect(r).toMatchObject({ status: "infra_error", reason: "cancelled" });
      expect(running(`sleep ${marker}`)).toBe("");
      expect(legacyJobDirs()).toEqual([]);
    } finally {
      await exec.close();
    }
  });

  it("keeps the host's cache within its bound", async () => {
    const bound = 40_000;
    const exec = new SshExecutor([legacy({ slots: 1 })], { legacy: { cacheBytes: bound } });
    try {
      for (let i = 0; i < 4; i++) {
        const rtl = `// repository ${i}\n/*\n${"x".repeat(15_000)}\n*/\n${COUNTER_RTL}`;
        const r = await exec.run({
          ...counterRequest(WEAK_TB),
          rtl: [{ name: "rtl/counter.sv", content: rtl }],
        });
        expect(r.status).toBe("pass");
      }
      expect(cacheBytes()).toBeLessThanOrEqual(bound);
      expect(cacheFiles().length).toBeGreaterThanOrEqual(1);
    } finally {
      await exec.close();
    }
  });

  it("an RTL name that would leave the host's job directory is a rejected job, nothing sent", async () => {
    const exec = new SshExecutor([legacy({ slots: 1 })]);
    try {
      const before = legacyJobDirs().length;
      const r = await exec.run({
        ...counterRequest(WEAK_TB),
        rtl: [{ name: "rtl/../../../escaped.sv", content: COUNTER_RTL }],
      });
      expect(r.status).toBe("rejected");
      expect(r.reason).toMatch(/unsafe file name .*"\.\." segment/);
      expect(legacyJobDirs().length).toBe(before);
      expect(list(join(sshd.workDir, "..")).includes("escaped.sv")).toBe(false);
    } finally {
      await exec.close();
    }
  });

  it("checkHosts reports a legacy host", async () => {
    const [c] = await checkHosts([legacy()]);
    expect(c).toMatchObject({
      ok: true,
      mode: "legacy",
      server: "legacy",
      simulators: { legacy: process.execPath },
    });
    const [missing] = await checkHosts([legacy({ remoteCommand: "get_cov_result_missing --x" })]);
    expect(missing!.ok).toBe(false);
    expect(missing!.problems.join()).toMatch(/legacy command not found: get_cov_result_missing/);
  });
});
