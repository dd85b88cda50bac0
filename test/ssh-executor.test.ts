// The SSH executor against a real OpenSSH server on 127.0.0.1 running our own server
// (`node bin/llm4cov eda serve --stdio` from this checkout; needs the build in dist/).
import { readdirSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "../src/eda/evaluate.js";
import { checkHosts, formatHostChecks } from "../src/exec/ssh/check.js";
import { SshExecutor } from "../src/exec/ssh/executor.js";
import { executorConformance } from "./executor-conformance.js";
import { COUNTER_RTL, counterRequest, GOOD_TB, HANG_TB, WEAK_TB } from "./fixtures/eda.js";
import { TestSshd } from "./fixtures/ssh/sshd.js";

const sshd = new TestSshd();
const second = new TestSshd({ userKey: sshd.userKey });

beforeAll(async () => {
  await Promise.all([sshd.start(), second.start()]);
});
afterAll(async () => {
  await Promise.all([sshd.stop(), second.stop()]);
});

executorConformance("ssh (real sshd)", async () => {
  const exec = new SshExecutor([sshd.spec({ slots: 2 })]);
  await exec.start();
  return exec;
});

/** Processes whose working directory lies under `dir` (jobs still running there). */
function processesUnder(dir: string): number[] {
  const pids: number[] = [];
  for (const p of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      if (readlinkSync(`/proc/${p}/cwd`).startsWith(dir)) pids.push(Number(p));
    } catch {
      /* gone or not ours */
    }
  }
  return pids;
}

/** Waits for a condition another process brings about (nothing to subscribe to); bounded. */
async function eventually(cond: () => boolean, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Job directories left in the remote work dir (below each session's jobs/).
function leftoverJobDirs(workDir: string): string[] {
  const out: string[] = [];
  const list = (d: string) => {
    try {
      return readdirSync(d);
    } catch {
      return [];
    }
  };
  for (const s of list(join(workDir, "sessions"))) out.push(...list(join(workDir, "sessions", s, "jobs")));
  return out;
}

describe("ssh executor", () => {
  it("gives the same results as a local run", async () => {
    const exec = new SshExecutor([sshd.spec()]);
    try {
      const [remote, local] = await Promise.all([
        exec.run({ ...counterRequest(GOOD_TB), id: "same" }),
        evaluate(counterRequest(GOOD_TB)),
      ]);
      expect(remote.status).toBe("pass");
      expect(remote.id).toBe("same");
      expect(remote.coverage!.score).toBeCloseTo(local.coverage!.score!, 6);
      expect(remote.coverage!.uncovered.length).toBe(local.coverage!.uncovered.length);
      // An id reused by concurrent callers must not mix results up.
      const [a, b] = await Promise.all([
        exec.run({ ...counterRequest(GOOD_TB), id: "dup" }),
        exec.run({ ...counterRequest(WEAK_TB), id: "dup" }),
      ]);
      expect(a.coverage!.score!).toBeGreaterThan(b.coverage!.score!);
    } finally {
      await exec.close();
    }
  });

  it("sends a repository once: 20 evaluations cost one repository plus 20 testbenches", async () => {
    // A repository of ~64 KB: the counter plus a long header comment.
    const rtl = `/*\n${"// generated padding to make the repository large enough to measure\n".repeat(900)}*/\n${COUNTER_RTL}`;
    const tbs = Array.from({ length: 20 }, (_, i) => GOOD_TB.replace("repeat (40)", `repeat (${10 + i})`));
    const exec = new SshExecutor([sshd.spec({ slots: 2 })]);
    try {
      await exec.start();
      const before = exec.bytesSent();
      const results = await Promise.all(
        tbs.map((tb, i) =>
          exec.run({ ...counterRequest(tb), rtl: [{ name: "rtl/counter.sv", content: rtl }], id: `b${i}` }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(tbs.map(() => "pass"));
      const after = exec.bytesSent();
      const payload = after.payload - before.payload;
      const wire = after.wire - before.wire;
      const tbBytes = tbs.reduce((n, t) => n + Buffer.byteLength(t), 0);
      const envelope = 20 * 800; // JSON framing per job: ids, hashes, limits
      const repo = Buffer.byteLength(rtl);
      console.log(
        `sync: repository ${repo} B, testbenches ${tbBytes} B, payload ${payload} B, wire ${wire} B`,
      );
      expect(payload).toBeGreaterThan(repo + tbBytes);
      expect(payload).toBeLessThan(repo + tbBytes + envelope);
      // On the wire (SSH framing, MACs, window adjusts, keep-alives) it is still far from 20 copies.
      expect(wire).toBeLessThan(1.1 * (repo + tbBytes + envelope) + 20 * 1500);
      expect(wire).toBeLessThan((20 * repo) / 8);
    } finally {
      await exec.close();
    }
  });

  it("shares the load between two hosts", async () => {
    const exec = new SshExecutor([sshd.spec({ slots: 1 }), second.spec({ slots: 1 })]);
    try {
      await exec.start();
      expect(exec.stats().slots).toBe(2);
      const results = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((i) =>
          exec.run({ ...counterRequest(i % 2 ? WEAK_TB : GOOD_TB), id: `l${i}` }),
        ),
      );
      expect(results.map((r) => r.id)).toEqual(["l0", "l1", "l2", "l3", "l4", "l5"]);
      expect(results.every((r) => r.status === "pass")).toBe(true);
      const per = exec.hostStats().map((h) => h.done);
      expect(per[0]! + per[1]!).toBe(6);
      expect(Math.min(...per)).toBeGreaterThanOrEqual(1);
    } finally {
      await exec.close();
    }
  });

  it("enforces the wall limit on the host, kills the job there and removes its directory", async () => {
    const exec = new SshExecutor([sshd.spec()]);
    try {
      const t0 = performance.now();
      const r = await exec.run({
        ...counterRequest(HANG_TB),
        limits: { wallMs: 4000, simTimeNs: 1e15, memoryMb: 4096, outputBytes: 65536 },
      });
      expect(r.status).toBe("timeout");
      expect(performance.now() - t0).toBeLessThan(20_000);
      expect(processesUnder(sshd.workDir)).toEqual([]);
      expect(leftoverJobDirs(sshd.workDir)).toEqual([]);
    } finally {
      await exec.close();
    }
  });

  it("cancels a running job on the host when the caller aborts", async () => {
    const exec = new SshExecutor([sshd.spec()]);
    try {
      const ac = new AbortController();
      const pending = exec.run(
        {
          ...counterRequest(HANG_TB),
          limits: { wallMs: 60_000, simTimeNs: 1e15, memoryMb: 4096, outputBytes: 65536 },
        },
        ac.signal,
      );
      await eventually(() => processesUnder(sshd.workDir).length > 0, "the job running on the host");
      ac.abort();
      const r = await pending;
      expect(r).toMatchObject({ status: "infra_error", reason: "cancelled" });
      expect(processesUnder(sshd.workDir)).toEqual([]);
      expect(leftoverJobDirs(sshd.workDir)).toEqual([]);
    } finally {
      await exec.close();
    }
  });

  it("removes the session directory when the executor closes", async () => {
    const exec = new SshExecutor([sshd.spec()]);
    expect((await exec.run(counterRequest(WEAK_TB))).status).toBe("pass");
    expect(readdirSync(join(sshd.workDir, "sessions")).length).toBeGreaterThanOrEqual(1);
    await exec.close();
    // close() waits for the channel to close, i.e. for the remote wrapper's cleanup to finish.
    expect(readdirSync(join(sshd.workDir, "sessions"))).toEqual([]);
  });

  it("checkHosts reports reachability, tool versions and slots", async () => {
    const checks = await checkHosts([sshd.spec({ slots: 3 }), second.spec()]);
    expect(checks).toHaveLength(2);
    expect(checks[0]).toMatchObject({ ok: true, server: "llm4cov", protocol: 1, slots: 3, serverSlots: 3 });
    expect(checks[0]!.simulators.verilator).toMatch(/^5\./);
    expect(checks[0]!.simulators.icarus).toBeTruthy();
    expect(checks[1]!.ok).toBe(true);
    expect(formatHostChecks(checks)).toMatch(
      /^ok {3}root@127\.0\.0\.1:\d+ \(stdio\) llm4cov protocol 1; verilator 5\./,
    );
  });
});
