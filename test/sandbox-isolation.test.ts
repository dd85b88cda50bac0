// The sandbox itself, driven with shell payloads: what a testbench could run if it got past the
// pre-check ($system, a DPI call to libc system()). Each payload must stay contained.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBounded, runRaw, type ProcessLimits } from "../src/eda/process.js";
import {
  bwrapArgs,
  closeJobSandbox,
  openJobSandbox,
  sandboxInfo,
  sandboxReport,
  type JobSandbox,
} from "../src/eda/sandbox.js";
import { processesUnder, uidProcesses, waitFor } from "./fixtures/sandbox/procs.js";

const root = join(import.meta.dirname, "..");
// The attacks aim at the host's own /tmp (which the sandbox replaces), not at the per-run
// test temp dir (test/global-setup.ts), whose parents do not exist inside the sandbox.
const HOST_TMP = "/tmp";
const tag = randomBytes(6).toString("hex");
const workRoot = join(HOST_TMP, `llm4cov-sandbox-test-${tag}`);
const ENV_SECRET = `env-secret-${tag}`;
const FILE_SECRET = `file-secret-${tag}`;
const canaryDir = join(HOST_TMP, `llm4cov-canary-${tag}`);
const secretFile = join(HOST_TMP, `llm4cov-secret-${tag}.txt`);
const hostname = existsSync("/etc/hostname") ? readFileSync("/etc/hostname", "utf8").trim() : "";
const hasBwrap = existsSync("/usr/bin/bwrap");
const isRoot = process.getuid?.() === 0;

beforeAll(() => {
  mkdirSync(workRoot, { recursive: true });
  mkdirSync(canaryDir, { recursive: true });
  writeFileSync(join(canaryDir, "keep.txt"), "canary\n");
  writeFileSync(secretFile, FILE_SECRET + "\n");
  chmodSync(secretFile, 0o644); // world-readable: only the mount namespace hides it
  process.env.LLM4COV_TEST_SECRET = ENV_SECRET;
});
afterAll(() => {
  for (const p of [workRoot, canaryDir, secretFile]) rmSync(p, { recursive: true, force: true });
  delete process.env.LLM4COV_TEST_SECRET;
});

async function inSandbox(script: string, limits: Partial<ProcessLimits> = {}) {
  const dir = await mkdtemp(join(workRoot, "job-"));
  const job = await openJobSandbox(dir);
  try {
    const r = await runBounded("/bin/sh", ["-c", script], {
      cwd: dir,
      sandbox: { job },
      limits: { wallMs: 20_000, outputBytes: 256 * 1024, processes: 20, ...limits },
    });
    return { r, dir, job };
  } finally {
    closeJobSandbox(job);
  }
}

/** A marker path on the host that a contained payload must never create. */
const marker = (name: string) => join(HOST_TMP, `llm4cov-marker-${tag}-${name}`);

const FS_PAYLOAD = (job: { dir: string }) => `
touch ${marker("abs")}; touch ../llm4cov-marker-${tag}-rel1; touch ../../llm4cov-marker-${tag}-rel2
rm -rf ${canaryDir}
cat ${secretFile} /etc/hostname /etc/passwd /etc/shadow 2>&1
ls /root /home 2>&1
echo pwned > /usr/llm4cov-pwned 2>&1
env; id -u
echo ok > inside.txt
echo PAYLOAD-RAN in ${job.dir}`;

function expectFsContained(out: string, dir: string) {
  expect(out).toContain("PAYLOAD-RAN");
  expect(readFileSync(join(dir, "inside.txt"), "utf8")).toBe("ok\n"); // the job dir is writable
  expect(existsSync(marker("abs"))).toBe(false);
  expect(existsSync(join(dirname(dir), `llm4cov-marker-${tag}-rel1`))).toBe(false);
  expect(existsSync(join(HOST_TMP, `llm4cov-marker-${tag}-rel2`))).toBe(false);
  expect(readFileSync(join(canaryDir, "keep.txt"), "utf8")).toBe("canary\n");
  expect(existsSync("/usr/llm4cov-pwned")).toBe(false);
  expect(out).not.toContain(ENV_SECRET);
  expect(out).not.toContain("root:x:0:0");
}

describe.skipIf(!hasBwrap)("bwrap sandbox", () => {
  it("reports itself for `llm4cov eda check`", async () => {
    const r = await sandboxReport();
    expect(r.mode).toBe("bwrap");
    expect(r.detail).toMatch(/no network/);
    expect(r.detail).toMatch(/cleared environment/);
    if (isRoot) expect(r.detail).toMatch(/own uid/);
  });

  it("binds only the job dir writable, no home, no secrets, not the whole /etc", () => {
    const a = bwrapArgs(
      {
        jobDir: "/w/job-1",
        readOnly: [canaryDir],
        env: { PATH: "/usr/bin" },
        tmpMb: 8,
        root: true,
        uid: 7,
        setpriv: "/usr/bin/setpriv",
      },
      "sh",
      [],
    );
    const targets = (flag: string) => a.flatMap((x, i) => (x === flag ? [a[i + 2]] : []));
    expect(targets("--bind")).toEqual(["/w/job-1"]);
    expect(targets("--ro-bind")).toContain(canaryDir);
    const all = a.join(" ");
    for (const f of ["--unshare-net", "--unshare-pid", "--die-with-parent", "--clearenv", "--cap-drop"])
      expect(a).toContain(f);
    expect(all).not.toMatch(/ \/(root|home)( |\/)/);
    expect(targets("--ro-bind")).not.toContain("/etc");
    expect(all).toContain("--reuid=7");
  });

  it("keeps writes, deletes and reads inside; clears the environment; runs as the job uid", async () => {
    const dir = await mkdtemp(join(workRoot, "job-"));
    const job = await openJobSandbox(dir);
    const r = await runBounded("/bin/sh", ["-c", FS_PAYLOAD({ dir })], {
      cwd: dir,
      sandbox: { job },
      limits: { wallMs: 20_000, outputBytes: 256 * 1024 },
    });
    closeJobSandbox(job);
    expectFsContained(r.output, dir);
    expect(r.output).not.toContain(FILE_SECRET);
    if (hostname.length >= 6) expect(r.output).not.toContain(hostname);
    if (isRoot) expect(r.output).toMatch(new RegExp(`^${job.uid}$`, "m"));
  });

  it("has no network, not even the host's loopback", async () => {
    let connections = 0;
    const server = createServer((s) => {
      connections++;
      s.end();
    });
    await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
    const port = (server.address() as { port: number }).port;
    const probe = `bash -c 'exec 3<>/dev/tcp/127.0.0.1/${port} && echo CONNECTED' 2>&1; echo PROBED`;
    const control = await runRaw("/bin/sh", ["-c", probe], {
      cwd: "/",
      limits: { wallMs: 5000, outputBytes: 4096 },
    });
    expect(control.output).toContain("CONNECTED"); // the probe works when not sandboxed
    const before = connections;
    const { r } = await inSandbox(probe);
    server.close();
    expect(r.output).toContain("PROBED");
    expect(r.output).not.toMatch(/^CONNECTED$/m);
    expect(connections).toBe(before);
  });

  it.skipIf(!isRoot)("bounds the number of processes and leaves none behind", async () => {
    let peak = 0;
    const dir = await mkdtemp(join(workRoot, "job-"));
    const job: JobSandbox = await openJobSandbox(dir);
    const poll = setInterval(() => (peak = Math.max(peak, uidProcesses(job.uid!).length)), 20);
    const r = await runBounded(
      "/bin/sh",
      [
        "-c",
        "setsid sleep 300 & (for i in $(seq 1 200); do sleep 30 & done) 2>/dev/null; echo FORKED; i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done",
      ],
      { cwd: dir, sandbox: { job }, limits: { wallMs: 20_000, outputBytes: 64 * 1024, processes: 20 } },
    );
    clearInterval(poll);
    closeJobSandbox(job);
    expect(r.output).toContain("FORKED");
    expect(peak).toBeGreaterThanOrEqual(10);
    expect(peak).toBeLessThanOrEqual(20);
    expect(uidProcesses(job.uid!)).toEqual([]);
    expect(processesUnder(dir)).toEqual([]);
  });

  it("answers at the wall limit and kills the whole tree", async () => {
    const t0 = Date.now();
    const { r, dir } = await inSandbox("sleep 300 & (while :; do :; done) & while :; do :; done", {
      wallMs: 1500,
    });
    expect(r.timedOut).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(processesUnder(dir)).toEqual([]);
  });

  it.skipIf(!isRoot)("dies with its parent", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(root, "test/fixtures/sandbox/parent.mts"), workRoot],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const first = await new Promise<string>((res) =>
      child.stdout!.once("data", (c: Buffer) => res(c.toString())),
    );
    const { uid, mode } = JSON.parse(first) as { uid: number; mode: string };
    expect(mode).toBe("bwrap");
    expect(await waitFor(() => uidProcesses(uid).length >= 2, 5000)).toBe(true);
    child.kill("SIGKILL");
    expect(await waitFor(() => uidProcesses(uid).length === 0, 5000)).toBe(true);
  });

  it("adds little to a stage (start-up well under 50 ms)", async () => {
    const dir = await mkdtemp(join(workRoot, "job-"));
    const job = await openJobSandbox(dir);
    const limits = { wallMs: 10_000, outputBytes: 1024 };
    const time = async (sandboxed: boolean) => {
      const ms: number[] = [];
      for (let i = 0; i < 9; i++) {
        const r = await runBounded("/bin/true", [], {
          cwd: dir,
          limits,
          sandbox: sandboxed ? { job } : undefined,
        });
        expect(r.exitCode).toBe(0);
        ms.push(r.ms);
      }
      return ms.sort((a, b) => a - b)[4]!;
    };
    const plain = await time(false);
    const boxed = await time(true);
    closeJobSandbox(job);
    console.log(`sandbox start-up: plain ${plain.toFixed(1)} ms, sandboxed ${boxed.toFixed(1)} ms`);
    expect(boxed - plain).toBeLessThan(50);
  });
});

describe.skipIf(!isRoot)("fallback without bwrap (LLM4COV_SANDBOX=rlimits)", () => {
  beforeAll(() => void (process.env.LLM4COV_SANDBOX = "rlimits"));
  afterAll(() => void delete process.env.LLM4COV_SANDBOX);

  it("says so, and still runs each job as its own uid", async () => {
    const info = await sandboxInfo();
    expect(info.mode).toBe("rlimits");
    expect((await sandboxReport()).detail).toMatch(/^FALLBACK/);
    const secret = join(workRoot, "root-only.txt");
    writeFileSync(secret, `root-only-${tag}`);
    chmodSync(secret, 0o600);
    const dir = await mkdtemp(join(workRoot, "job-"));
    const job = await openJobSandbox(dir);
    const r = await runBounded("/bin/sh", ["-c", `cat ${secret} 2>&1; ${FS_PAYLOAD({ dir })}`], {
      cwd: dir,
      sandbox: { job },
      limits: { wallMs: 20_000, outputBytes: 256 * 1024 },
    });
    closeJobSandbox(job);
    expect(r.output).toContain("PAYLOAD-RAN");
    expect(r.output).toMatch(new RegExp(`^${job.uid}$`, "m"));
    expect(r.output).toMatch(/root-only.txt: Permission denied/);
    expect(r.output).not.toContain(`root-only-${tag}`); // root-only files stay unreadable
    expect(r.output).not.toContain(ENV_SECRET);
    expect(readFileSync(join(canaryDir, "keep.txt"), "utf8")).toBe("canary\n");
    for (const m of ["abs", "rel1", "rel2"]) rmSync(marker(m), { force: true }); // /tmp is shared here
  });

  it("leaves no process behind, even one that left the process group", async () => {
    const { r, dir, job } = await inSandbox("setsid sleep 300 & sleep 301 & echo STARTED", { wallMs: 5000 });
    expect(r.output).toContain("STARTED");
    expect(uidProcesses(job.uid!)).toEqual([]);
    expect(processesUnder(dir)).toEqual([]);
  });
});
