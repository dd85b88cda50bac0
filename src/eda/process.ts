// Runs one tool process with bounds: wall time, address space, file size, CPU time, output kept.
// Each process gets its own process group so a timeout or cancel kills the whole tree.
import { spawn } from "node:child_process";
import { OutputCap } from "./output-cap.js";

export interface ProcessLimits {
  wallMs: number;
  memoryMb?: number;
  fileSizeMb?: number;
  cpuSeconds?: number;
  outputBytes: number;
  /** After the wall limit: SIGTERM first (lets a simulation save coverage), SIGKILL after this. */
  graceMs?: number;
}

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  cancelled: boolean;
  output: string;
  droppedBytes: number;
  ms: number;
  /** The process could not be started at all (tool missing). */
  spawnError?: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  limits: ProcessLimits;
  signal?: AbortSignal;
}

let prlimitAvailable: boolean | undefined;

async function hasPrlimit(): Promise<boolean> {
  if (prlimitAvailable === undefined) {
    const r = await runRaw("prlimit", ["--version"], {
      cwd: "/",
      limits: { wallMs: 5000, outputBytes: 1024 },
    });
    prlimitAvailable = r.exitCode === 0;
  }
  return prlimitAvailable;
}

/** Runs `cmd args` under rlimits (via util-linux prlimit when present). */
export async function runBounded(cmd: string, args: string[], opts: RunOptions): Promise<ProcessResult> {
  const { limits } = opts;
  const rl: string[] = [];
  if (limits.memoryMb) rl.push(`--as=${limits.memoryMb * 1024 * 1024}`);
  if (limits.fileSizeMb) rl.push(`--fsize=${limits.fileSizeMb * 1024 * 1024}`);
  if (limits.cpuSeconds) rl.push(`--cpu=${Math.ceil(limits.cpuSeconds)}`);
  if (rl.length && (await hasPrlimit())) return runRaw("prlimit", [...rl, "--", cmd, ...args], opts);
  return runRaw(cmd, args, opts);
}

export function runRaw(cmd: string, args: string[], opts: RunOptions): Promise<ProcessResult> {
  const started = performance.now();
  const { limits } = opts;
  const cap = new OutputCap(Math.floor(limits.outputBytes / 2), Math.ceil(limits.outputBytes / 2));
  return new Promise((resolve) => {
    let timedOut = false;
    let cancelled = false;
    let settled = false;
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const killGroup = (sig: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    const stop = () => {
      killGroup("SIGTERM");
      killTimer = setTimeout(() => killGroup("SIGKILL"), limits.graceMs ?? 1000);
    };
    let killTimer: NodeJS.Timeout | undefined;
    const wallTimer = setTimeout(() => {
      timedOut = true;
      stop();
    }, limits.wallMs);
    const onAbort = () => {
      cancelled = true;
      killGroup("SIGKILL");
    };
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    child.stdout!.on("data", (c: Buffer) => cap.push(c));
    child.stderr!.on("data", (c: Buffer) => cap.push(c));
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, spawnError?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(wallTimer);
      if (killTimer) clearTimeout(killTimer);
      opts.signal?.removeEventListener("abort", onAbort);
      // Leave no stray grandchildren (make, cc1plus, a simulator forked by a testbench).
      killGroup("SIGKILL");
      resolve({
        exitCode,
        signal,
        timedOut,
        cancelled,
        output: cap.text(),
        droppedBytes: cap.droppedBytes,
        ms: performance.now() - started,
        spawnError,
      });
    };
    child.on("error", (err) => finish(null, null, err.message));
    child.on("close", (code, sig) => finish(code, sig));
  });
}
