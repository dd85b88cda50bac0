// Faults with a real sshd: hosts that die mid-run, hosts that stop answering, and the clear
// errors for a wrong key, an unknown or changed host key, a missing remote command or simulator.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHosts } from "../src/exec/ssh/check.js";
import {
  HostKeyError,
  RemoteCommandError,
  SshAuthError,
  SshConfigError,
  SshUnreachableError,
} from "../src/exec/ssh/errors.js";
import { NoUsableHostError, SshExecutor } from "../src/exec/ssh/executor.js";
import type { SimResult } from "../src/core/protocol.js";
import { counterRequest, GOOD_TB, WEAK_TB } from "./fixtures/eda.js";
import { freePort, REPO_ROOT, TestSshd } from "./fixtures/ssh/sshd.js";

const BIN = join(REPO_ROOT, "bin", "llm4cov");
const a = new TestSshd();
const b = new TestSshd({ userKey: a.userKey });
const scratch = mkdtempSync(join(tmpdir(), "llm4cov-ssh-faults-"));

beforeAll(async () => {
  await Promise.all([a.start(), b.start()]);
});
afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
  rmSync(scratch, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits for a condition another process brings about (nothing to subscribe to); bounded. */
async function eventually(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sessionDirs = (s: TestSshd) => {
  try {
    return readdirSync(join(s.workDir, "sessions"));
  } catch {
    return [];
  }
};

const tbs = [0, 1, 2, 3, 4, 5].map((i) => GOOD_TB.replace("repeat (40)", `repeat (${20 + i})`));

describe("hosts that go away", () => {
  it("runs every job exactly once when the sshd is killed mid-run and restarted", async () => {
    const exec = new SshExecutor([a.spec({ slots: 2 })], { backoffMs: 100, maxBackoffMs: 1000 });
    await exec.start();
    const results: SimResult[] = [];
    const jobs = tbs.map((tb, i) =>
      exec.run({ ...counterRequest(tb), id: `k${i}` }).then((r) => (results.push(r), r)),
    );
    await Promise.race(jobs); // one finished: the next job was just sent, so one is in flight
    await a.kill();
    await a.start(a.port);
    const all = await Promise.all(jobs);
    expect(all.map((r) => r.id)).toEqual(tbs.map((_, i) => `k${i}`));
    expect(all.map((r) => r.status)).toEqual(tbs.map(() => "pass"));
    expect(results).toHaveLength(6);
    const [host] = exec.hostStats();
    expect(host!.lost).toBeGreaterThanOrEqual(1);
    expect(host!.connects).toBe(2);
    expect(exec.stats()).toMatchObject({ done: 6, failed: 0, queued: 0, running: 0 });
    await exec.close();
    // The killed session's wrapper noticed its channel end and removed its directory.
    await eventually(() => sessionDirs(a).length === 0, "remote session directories removed");
  });

  it("moves the jobs of a host that dies to the other host", async () => {
    const exec = new SshExecutor([a.spec({ slots: 1 }), b.spec({ slots: 1 })], { backoffMs: 200 });
    await exec.start();
    const jobs = tbs.map((tb, i) => exec.run({ ...counterRequest(tb), id: `m${i}` }));
    await Promise.race(jobs);
    await a.kill(); // and it stays down
    const all = await Promise.all(jobs);
    expect(all.every((r) => r.status === "pass")).toBe(true);
    const [ha, hb] = exec.hostStats();
    expect(ha!.lost).toBe(1);
    expect(ha!.state).not.toBe("ready");
    expect(ha!.done + hb!.done).toBe(6);
    await exec.close();
    await a.start(a.port);
  });

  it("cancels a job on a host that stops answering, and reports infra_error", async () => {
    const pidFile = join(scratch, "hung.pid");
    const hung = `${process.execPath} ${join(REPO_ROOT, "test/fixtures/ssh/fake-hung-server.mjs")} ${pidFile}`;
    const exec = new SshExecutor([a.spec({ remoteCommand: hung })], { watchdogGraceMs: 1000 });
    const t0 = performance.now();
    const r = await exec.run({
      ...counterRequest(WEAK_TB),
      limits: { wallMs: 1000, simTimeNs: 1e7, memoryMb: 4096, outputBytes: 65536 },
    });
    expect(r.status).toBe("infra_error");
    expect(r.reason).toMatch(/stopped answering/);
    expect(performance.now() - t0).toBeLessThan(10_000);
    const pid = Number(readFileSync(pidFile, "utf8"));
    await eventually(() => !alive(pid), "the hung server killed on the host");
    await exec.close();
  });
});

describe("clear errors", () => {
  const startError = async (exec: SshExecutor) => {
    const err = await exec.start().then(
      () => null,
      (e: unknown) => e,
    );
    await exec.close();
    expect(err).toBeInstanceOf(NoUsableHostError);
    return (err as NoUsableHostError).errors[0]!;
  };

  it("unreachable host: a clear error up front, and infra_error for jobs once the wait runs out", async () => {
    const port = await freePort(); // nothing listens there
    const err = await startError(new SshExecutor([a.spec({ port })]));
    expect(err).toBeInstanceOf(SshUnreachableError);
    expect(err.message).toMatch(
      new RegExp(`root@127\\.0\\.0\\.1:${port}: cannot connect \\(ECONNREFUSED\\)`),
    );
    const exec = new SshExecutor([a.spec({ port })], { queueTimeoutMs: 1500, backoffMs: 100 });
    const r = await exec.run(counterRequest(WEAK_TB));
    await exec.close();
    expect(r.status).toBe("infra_error");
    expect(r.reason).toMatch(/no EDA host reachable for \ds: .*ECONNREFUSED/);
    expect(exec.hostStats()[0]!.connects).toBe(0);
  });

  it("wrong key: authentication failed, as an error and as the job's infra_error", async () => {
    const key = join(scratch, "stranger");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key]);
    const err = await startError(new SshExecutor([a.spec({ key })]));
    expect(err).toBeInstanceOf(SshAuthError);
    expect(err.message).toMatch(/root@127\.0\.0\.1:\d+: authentication failed .*check --ssh-key/);
    const exec = new SshExecutor([a.spec({ key })]);
    const r = await exec.run(counterRequest(WEAK_TB));
    await exec.close();
    expect(r.status).toBe("infra_error");
    expect(r.reason).toMatch(/authentication failed/);
    const missing = await startError(new SshExecutor([a.spec({ key: join(scratch, "nope") })]));
    expect(missing).toBeInstanceOf(SshConfigError);
    expect(missing.message).toMatch(/cannot read key file .*nope/);
  });

  it("unknown host key: names the fingerprint and how to add it", async () => {
    const empty = join(scratch, "known_hosts_empty");
    writeFileSync(empty, "");
    const err = await startError(new SshExecutor([a.spec({ knownHosts: empty })]));
    expect(err).toBeInstanceOf(HostKeyError);
    expect((err as HostKeyError).kind).toBe("unknown");
    const fp = execFileSync("ssh-keygen", ["-lf", join(a.dir, "host_ed25519.pub")], {
      encoding: "utf8",
    }).split(" ")[1]!;
    expect(err.message).toContain(fp);
    expect(err.message).toMatch(/unknown host key: \[127\.0\.0\.1\]:\d+ .*ssh-keyscan -p \d+ 127\.0\.0\.1/);
  });

  it("changed host key: refuses to connect", async () => {
    const wrong = join(scratch, "known_hosts_wrong");
    writeFileSync(wrong, b.knownHostsLine(a.port)); // b's key recorded for a's address
    const err = await startError(new SshExecutor([a.spec({ knownHosts: wrong })]));
    expect(err).toBeInstanceOf(HostKeyError);
    expect((err as HostKeyError).kind).toBe("mismatch");
    expect(err.message).toMatch(/HOST KEY CHANGED/);
  });

  it("missing remote llm4cov: says which command and how to fix it", async () => {
    const err = await startError(
      new SshExecutor([a.spec({ remoteCommand: "llm4cov-not-installed eda serve --stdio" })]),
    );
    expect(err).toBeInstanceOf(RemoteCommandError);
    expect((err as RemoteCommandError).exitCode).toBe(127);
    expect(err.message).toMatch(/remote command not found: `llm4cov-not-installed eda serve --stdio`/);
    expect(err.message).toMatch(/--remote-command/);
    expect(sessionDirs(a)).toEqual([]);
  });

  it("missing simulator on the host: jobs get a clear infra_error, checkHosts says so", async () => {
    const noTools = `env PATH=/nonexistent ${process.execPath} ${BIN} eda serve --stdio`;
    const exec = new SshExecutor([a.spec({ remoteCommand: noTools })]);
    const r = await exec.run(counterRequest(WEAK_TB));
    await exec.close();
    expect(r.status).toBe("infra_error");
    expect(r.reason).toMatch(/no EDA host can run verilator: root@127\.0\.0\.1:\d+: verilator is missing/);
    const [check] = await checkHosts([a.spec({ remoteCommand: noTools })]);
    expect(check).toMatchObject({ ok: false, server: "llm4cov", simulators: { verilator: null } });
    expect(check!.problems).toContain("verilator is missing on the host");
  });
});
