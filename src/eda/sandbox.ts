// Isolation for every stage that touches an untrusted testbench (preprocess, lint, build, run).
// bubblewrap when it can run: no network, private /tmp, the job directory as the only writable
// path, /usr plus two /etc entries read-only, a cleared environment, its own PID namespace,
// killed with its parent; as root each job also runs as its own unprivileged uid. Otherwise the
// strongest fallback (rlimits, a job uid when root) and every result says which one ran.
// Threat model and limits: docs/security.md.
import { existsSync, lstatSync, readlinkSync, realpathSync } from "node:fs";
import { chmod, chown, mkdtemp, rm } from "node:fs/promises";
import { randomInt } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { killUid, othersCanRead, quickRun, which } from "./host.js";

export type SandboxMode = "bwrap" | "rlimits";

export interface SandboxInfo {
  mode: SandboxMode;
  /** Short form stored in SimResult.sandbox. */
  label: string;
  detail: string;
  /** Why the stronger sandbox is not used (rlimits mode). */
  fallbackReason?: string;
  /** Set when LLM4COV_SANDBOX=bwrap and bwrap cannot run: jobs must not run at all. */
  unavailable?: string;
  bwrap?: string;
  setpriv?: string;
  prlimit: boolean;
  /** setpriv can set a parent-death signal (util-linux >= 2.33): the fallback's "dies with parent". */
  pdeathsig: boolean;
  /** Root: every job runs as its own unprivileged uid (also what makes RLIMIT_NPROC count). */
  dropUid: boolean;
  /** Tool directories outside the system roots, made visible read-only. */
  toolDirs: string[];
  /** PATH inside the sandbox. */
  path: string;
  startupMs?: number;
}

/** Always visible read-only in the bwrap sandbox (symlinks are recreated as symlinks). */
const SYSTEM_ROOTS = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];
/** The only /etc entries: the loader cache and the alternatives symlinks (cc, c++, ld on some hosts). */
const ETC_ENTRIES = ["/etc/ld.so.cache", "/etc/alternatives"];
const TOOLS = ["sh", "perl", "verilator", "verilator_bin", "g++", "gcc", "as", "ld", "iverilog", "vvp"];
export const DEFAULT_TMP_MB = 64;

const under = (p: string, root: string) => p === root || p.startsWith(root + "/");
const visible = (p: string) => SYSTEM_ROOTS.some((r) => under(p, r));

/** Where a tool outside /usr lives: /opt/x/bin/tool -> /opt/x. */
function prefixOf(path: string): string {
  const dir = dirname(path);
  return dir.endsWith("/bin") ? dirname(dir) : dir;
}

function discoverTools(): { toolDirs: string[]; path: string } {
  const dirs = new Set<string>();
  const pathDirs: string[] = [];
  for (const t of TOOLS) {
    const found = which(t);
    if (!found) continue;
    pathDirs.push(dirname(found));
    for (const p of [found, realpathSync(found)]) if (!visible(p)) dirs.add(prefixOf(p));
  }
  const path = [...new Set([...pathDirs, "/usr/bin", "/bin"])].join(":");
  return { toolDirs: [...dirs].filter((d) => d !== "/" && !d.startsWith("/etc")), path };
}

export interface BwrapSpec {
  jobDir: string;
  readOnly: string[];
  env: Record<string, string>;
  tmpMb: number;
  /** Privileged bwrap (we are root): drop every capability. */
  root: boolean;
  /** Run the command as this uid/gid through setpriv (root only). */
  uid?: number;
  setpriv?: string;
}

/** The bwrap argv (without the bwrap path) running `cmd args` in the job sandbox. */
export function bwrapArgs(spec: BwrapSpec, cmd: string, args: string[]): string[] {
  const a = ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"];
  a.push("--die-with-parent", "--hostname", "llm4cov-sandbox");
  if (spec.root) {
    a.push("--cap-drop", "ALL");
    if (spec.uid !== undefined) a.push("--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID");
  }
  for (const root of SYSTEM_ROOTS) {
    let st;
    try {
      st = lstatSync(root);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) a.push("--symlink", readlinkSync(root), root);
    else if (st.isDirectory()) a.push("--ro-bind", root, root);
  }
  a.push("--perms", "0755", "--dir", "/etc");
  for (const e of ETC_ENTRIES) a.push("--ro-bind-try", e, e);
  a.push("--dev", "/dev", "--perms", "1777", "--size", String(spec.tmpMb * 1024 * 1024), "--tmpfs", "/tmp");
  // Read-only paths (deduplicated, none below another), then the job directory on top.
  const ro = [...new Set(spec.readOnly)]
    .filter((p) => existsSync(p) && !visible(p) && !under(p, spec.jobDir))
    .sort((x, y) => x.length - y.length)
    .filter((p, i, all) => !all.slice(0, i).some((q) => under(p, q)));
  const made = new Set(["/", "/etc", "/tmp", "/dev"]);
  const mounted: string[] = [];
  for (const dest of [...ro, spec.jobDir]) {
    const parents: string[] = [];
    for (let p = dirname(dest); !made.has(p) && p !== "/"; p = dirname(p)) parents.unshift(p);
    for (const p of parents) {
      made.add(p);
      if (!visible(p) && !mounted.some((m) => under(p, m))) a.push("--perms", "0755", "--dir", p);
    }
    a.push(dest === spec.jobDir ? "--bind" : "--ro-bind", dest, dest);
    mounted.push(dest);
  }
  a.push("--chdir", spec.jobDir, "--clearenv");
  for (const [k, v] of Object.entries(spec.env)) a.push("--setenv", k, v);
  a.push("--");
  if (spec.uid !== undefined && spec.setpriv) a.push(...setprivArgs(spec.setpriv, spec.uid));
  return [...a, cmd, ...args];
}

function setprivArgs(setpriv: string, uid?: number, pdeathsig = false): string[] {
  const nnp = pdeathsig ? ["--no-new-privs", "--pdeathsig", "SIGKILL"] : ["--no-new-privs"];
  if (uid === undefined) return [setpriv, ...nnp, "--"];
  const id = [`--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"];
  return [setpriv, ...id, ...nnp, "--"];
}

// ---------------------------------------------------------------------------------------------
// Probing the host (once per process and LLM4COV_SANDBOX value).

let cached: { key: string; info: Promise<SandboxInfo> } | undefined;

/**
 * How this host isolates jobs (LLM4COV_SANDBOX=auto|bwrap|rlimits, default auto); probed once per
 * mode and PATH, since PATH decides which bwrap and tools are found.
 */
export function sandboxInfo(): Promise<SandboxInfo> {
  const want = process.env.LLM4COV_SANDBOX ?? "auto";
  const key = `${want}\0${process.env.PATH ?? ""}`;
  if (cached?.key !== key) cached = { key, info: probe(want) };
  return cached.info;
}

async function probe(want: string): Promise<SandboxInfo> {
  const root = process.getuid?.() === 0;
  const prlimit = which("prlimit") !== undefined;
  const setpriv = which("setpriv");
  const { toolDirs, path } = discoverTools();
  const pdeathsig = !!setpriv && (await quickRun(setpriv, ["--help"], "/")).out.includes("--pdeathsig");
  const base = { prlimit, setpriv, pdeathsig, toolDirs, path, dropUid: root && setpriv !== undefined };
  const rl = prlimit
    ? "rlimits (as, fsize, cpu" + (base.dropUid ? ", nproc)" : ")")
    : "NO rlimits (prlimit missing)";
  const fallback = (why: string): SandboxInfo => {
    const user = base.dropUid
      ? "each job runs as its own uid (files: job dir, world-writable dirs; reads: world-readable files)"
      : "runs as the invoking user: NO file-system or process isolation";
    return {
      ...base,
      mode: "rlimits",
      fallbackReason: why,
      label: base.dropUid ? "rlimits+uid" : "rlimits",
      detail: `FALLBACK (${why}): ${rl}, cleared environment, process-group kill; ${user}; no network isolation`,
    };
  };
  if (!["auto", "bwrap", "rlimits"].includes(want))
    return { ...fallback(`unknown LLM4COV_SANDBOX=${want}`), unavailable: `unknown LLM4COV_SANDBOX=${want}` };
  if (want === "rlimits") return fallback("forced by LLM4COV_SANDBOX=rlimits");
  const bwrap = which("bwrap");
  const fail = (why: string) => {
    const info = fallback(why);
    return want === "bwrap" ? { ...info, unavailable: `LLM4COV_SANDBOX=bwrap but ${why}` } : info;
  };
  if (!bwrap) return fail("bwrap not installed");
  const dir = await mkdtemp(join(tmpdir(), "llm4cov-sandbox-probe-"));
  try {
    const uid = base.dropUid ? UID_BASE : undefined;
    if (uid !== undefined) await chown(dir, uid, 0);
    await chmod(dir, 0o710);
    const spec = { jobDir: dir, readOnly: toolDirs, env: { PATH: path }, tmpMb: 1, root, uid, setpriv };
    const args = bwrapArgs(spec, "/bin/sh", ["-c", "echo llm4cov-sandbox-ok > ok && cat ok"]);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = await quickRun(bwrap, args, dir);
      times.push(performance.now() - t0);
      if (r.code !== 0 || !r.out.includes("llm4cov-sandbox-ok"))
        return fail(`bwrap cannot run here: ${r.out.trim().split("\n")[0] ?? `exit ${r.code}`}`);
    }
    const version = (await quickRun(bwrap, ["--version"], dir)).out.trim();
    const startupMs = Math.round(times.sort((x, y) => x - y)[1]! * 10) / 10;
    const who = base.dropUid
      ? `each job as its own uid (${UID_BASE}+), no capabilities, no_new_privs`
      : root
        ? "as root without capabilities (setpriv missing: no job uid, no nproc limit)"
        : "as the invoking user in a user namespace (no nproc limit)";
    return {
      ...base,
      mode: "bwrap",
      bwrap,
      label: "bwrap",
      startupMs,
      detail:
        `${version || "bwrap"} at ${bwrap}: no network, own PID/IPC/UTS namespaces, dies with its parent, ` +
        `private /tmp, job dir the only writable path, read-only /usr + ${ETC_ENTRIES.join(", ")}` +
        (toolDirs.length ? ` + ${toolDirs.join(", ")}` : "") +
        `, cleared environment; ${who}; ${rl}; startup ${startupMs} ms`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** For `llm4cov eda check`: how jobs on this host are isolated. */
export async function sandboxReport(): Promise<{ mode: SandboxMode; detail: string }> {
  const info = await sandboxInfo();
  return { mode: info.mode, detail: info.unavailable ? `UNAVAILABLE: ${info.unavailable}` : info.detail };
}

// ---------------------------------------------------------------------------------------------
// Jobs and stages.

const UID_BASE = Number(process.env.LLM4COV_SANDBOX_UID_BASE ?? 1_500_000_000);
const UID_SPAN = 1 << 24;
const uidsInUse = new Set<number>();

export interface JobSandbox {
  readonly info: SandboxInfo;
  readonly jobDir: string;
  /** The job's own uid (root hosts); the job directory belongs to it. */
  readonly uid?: number;
  /** Exceptions that weaken the isolation of this job, reported in its result. */
  readonly notes: string[];
}

/** Allocates the job's uid (root) and hands it the job directory; files already in it stay read-only. */
export async function openJobSandbox(jobDir: string): Promise<JobSandbox> {
  const info = await sandboxInfo();
  let uid: number | undefined;
  const notes: string[] = [];
  if (info.dropUid && info.mode === "rlimits" && !othersCanRead(jobDir, false))
    notes.push(`ran as the invoking user: the job dir's parent is not searchable by a job uid`);
  else if (info.dropUid) {
    do uid = UID_BASE + 1 + randomInt(UID_SPAN);
    while (uidsInUse.has(uid));
    uidsInUse.add(uid);
    // Group root, mode 0710: privileged bwrap (root without capabilities) can enter it, other
    // host users cannot, the job uid owns it.
    await chown(jobDir, uid, info.mode === "bwrap" ? 0 : uid);
    await chmod(jobDir, info.mode === "bwrap" ? 0o710 : 0o700);
  }
  return { info, jobDir, uid, notes };
}

/** Ends the job: no process of its uid survives (the fallback has no PID namespace to do it). */
export function closeJobSandbox(job: JobSandbox): void {
  if (job.uid === undefined) return;
  killUid(job.uid);
  uidsInUse.delete(job.uid);
}

/** SimResult.sandbox for this job. */
export function sandboxLabel(job: JobSandbox | undefined): string {
  if (!job) return "rlimits";
  const notes = job.info.fallbackReason ? [`fallback: ${job.info.fallbackReason}`] : [];
  notes.push(...new Set(job.notes));
  return notes.length ? `${job.info.label} (${notes.join("; ")})` : job.info.label;
}

export interface StageSandbox {
  job: JobSandbox;
  /** Host paths the stage reads (same path inside), e.g. the Verilator build cache. */
  readOnly?: string[];
  env?: Record<string, string>;
  tmpMb?: number;
}

export interface WrappedCommand {
  cmd: string;
  args: string[];
  env: Record<string, string>;
  /** Exit codes 128+N mean "killed by signal N" (bwrap's init reports them so). */
  viaBwrap: boolean;
  /** The command runs as the job uid: RLIMIT_NPROC counts only this job. */
  ownUid: boolean;
}

/** `cmd args` as the stage's sandbox runs it (rlimits are added by the caller, outside). */
export function wrapCommand(stage: StageSandbox, cmd: string, args: string[]): WrappedCommand {
  const { job } = stage;
  const info = job.info;
  const inside = info.mode === "bwrap";
  const env = {
    PATH: info.path,
    HOME: inside ? "/tmp" : job.jobDir,
    TMPDIR: job.jobDir,
    LC_ALL: "C",
    ...stage.env,
  };
  if (inside) {
    const spec: BwrapSpec = {
      jobDir: job.jobDir,
      readOnly: [...info.toolDirs, ...(stage.readOnly ?? [])],
      env,
      tmpMb: stage.tmpMb ?? DEFAULT_TMP_MB,
      root: process.getuid?.() === 0,
      uid: job.uid,
      setpriv: info.setpriv,
    };
    const a = bwrapArgs(spec, cmd, args);
    return { cmd: info.bwrap!, args: a, env: { PATH: "/usr/bin:/bin" }, viaBwrap: true, ownUid: !!job.uid };
  }
  // Fallback: the job uid only when it can read what the stage needs (the build cache may sit
  // under a private home directory); otherwise this stage runs as the invoking user, and says so.
  let uid = job.uid;
  const unreadable = (stage.readOnly ?? []).filter((p) => !othersCanRead(p));
  if (uid !== undefined && unreadable.length) {
    job.notes.push(
      `the build ran as the invoking user (${unreadable.join(", ")} is not readable by the job uid)`,
    );
    uid = undefined;
  }
  if (!info.setpriv) return { cmd, args, env, viaBwrap: false, ownUid: false };
  return {
    cmd: info.setpriv,
    args: [...setprivArgs(info.setpriv, uid, info.pdeathsig).slice(1), cmd, ...args],
    env,
    viaBwrap: false,
    ownUid: uid !== undefined,
  };
}

/** Runs `fn` with the job's sandbox, opening (and closing) one when the caller did not supply it. */
export async function withJobSandbox<T>(
  jobDir: string,
  given: JobSandbox | undefined,
  fn: (sandbox: JobSandbox) => Promise<T>,
): Promise<T> {
  const sandbox = given ?? (await openJobSandbox(jobDir));
  try {
    return await fn(sandbox);
  } finally {
    if (!given) closeJobSandbox(sandbox);
  }
}
