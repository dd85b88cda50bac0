// Runs one tool process with bounds: wall time, CPU time, address space, file size, processes,
// output kept and output allowed. Each process gets its own process group, and the whole group
// is killed when the process ends, times out or is cancelled: nothing it started survives.
// With a StageSandbox the command runs inside the job's sandbox (src/eda/sandbox.ts).
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { constants } from "node:os";
import { OutputCap } from "./output-cap.js";
import { killUid } from "./host.js";
import { wrapCommand, type StageSandbox } from "./sandbox.js";

export interface ProcessLimits {
  /** Hard limit: the process tree is gone by then. */
  wallMs: number;
  memoryMb?: number;
  fileSizeMb?: number;
  cpuSeconds?: number;
  /** Open file descriptors per process (default 1024, the usual soft limit, made hard). */
  openFiles?: number;
  /** Processes + threads at once; enforced when the stage runs as the job's own uid. */
  processes?: number;
  outputBytes: number;
  /** A process that prints more than this is stopped (SIGTERM, then SIGKILL). */
  outputStopBytes?: number;
  /** SIGTERM this long before the wall limit (a simulation saves its coverage), SIGKILL at it. */
  graceMs?: number;
}

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  cancelled: boolean;
  /** Stopped because it printed more than limits.outputStopBytes. */
  outputStopped: boolean;
  output: string;
  droppedBytes: number;
  ms: number;
  /** The process could not be started at all (tool missing). */
  spawnError?: string;
}

export interface RunOptions {
  cwd: string;
  /** Environment when not sandboxed (a sandboxed stage gets a cleared one plus sandbox.env). */
  env?: NodeJS.ProcessEnv;
  limits: ProcessLimits;
  signal?: AbortSignal;
  sandbox?: StageSandbox;
}

let prlimitAvailable: boolean | undefined;

export async function hasPrlimit(): Promise<boolean> {
  if (prlimitAvailable === undefined) {
    const r = await runRaw("prlimit", ["--version"], {
      cwd: "/",
      limits: { wallMs: 5000, outputBytes: 1024 },
    });
    prlimitAvailable = r.exitCode === 0;
  }
  return prlimitAvailable;
}

const MB = 1024 * 1024;

/** Runs `cmd args` under rlimits (util-linux prlimit, outside the sandbox) and the stage's sandbox. */
export async function runBounded(cmd: string, args: string[], opts: RunOptions): Promise<ProcessResult> {
  const { limits } = opts;
  const w = opts.sandbox ? wrapCommand(opts.sandbox, cmd, args) : undefined;
  const rl: string[] = [];
  if (limits.memoryMb) rl.push(`--as=${limits.memoryMb * MB}`);
  if (limits.fileSizeMb) rl.push(`--fsize=${limits.fileSizeMb * MB}`);
  // Soft limit first: SIGXCPU lets a simulation save its coverage; SIGKILL 2 s later.
  if (limits.cpuSeconds) rl.push(`--cpu=${Math.ceil(limits.cpuSeconds)}:${Math.ceil(limits.cpuSeconds) + 2}`);
  if (limits.processes && w?.ownUid) rl.push(`--nproc=${limits.processes}`);
  rl.push(`--nofile=${limits.openFiles ?? 1024}`);
  const run = w ? { cmd: w.cmd, args: w.args, env: w.env } : { cmd, args, env: opts.env };
  const o = { ...opts, env: run.env, termSkip: w?.viaBwrap ? "bwrap" : undefined };
  const r =
    rl.length && (await hasPrlimit())
      ? await runRaw("prlimit", [...rl, "--", run.cmd, ...run.args], o)
      : await runRaw(run.cmd, run.args, o);
  // Without a PID namespace a process that left the group (setsid) would survive: the job uid
  // is the job's alone, so every process of it goes.
  if (w?.ownUid && !w.viaBwrap && opts.sandbox?.job.uid !== undefined) killUid(opts.sandbox.job.uid);
  // bwrap's init reports a command killed by signal N as exit code 128+N.
  if (w?.viaBwrap && r.exitCode !== null && r.exitCode > 128 && r.exitCode < 128 + 65) {
    const name = Object.entries(constants.signals).find(([, n]) => n === r.exitCode! - 128)?.[0];
    if (name) return { ...r, exitCode: null, signal: name as NodeJS.Signals };
  }
  return r;
}

/** Sends `sig` to every process of group `pgid` except those named `skip` (bwrap's own processes). */
function signalGroupExcept(pgid: number, sig: NodeJS.Signals, skip: string): void {
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    /* no /proc: nothing to do but the caller's SIGKILL */
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const pgrp = Number(stat.slice(close + 2).split(" ")[2]);
      if (pgrp === pgid && comm !== skip) process.kill(Number(pid), sig);
    } catch {
      /* gone */
    }
  }
}

export function runRaw(
  cmd: string,
  args: string[],
  opts: RunOptions & { termSkip?: string },
): Promise<ProcessResult> {
  const started = performance.now();
  const { limits } = opts;
  const cap = new OutputCap(Math.floor(limits.outputBytes / 2), Math.ceil(limits.outputBytes / 2));
  return new Promise((resolve) => {
    let timedOut = false;
    let cancelled = false;
    let outputStopped = false;
    let settled = false;
    let stopping = false;
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
    const timers: NodeJS.Timeout[] = [];
    // SIGTERM now (a simulation writes its coverage), SIGKILL to the whole group at `killInMs`.
    const stop = (killInMs: number) => {
      if (stopping) return;
      stopping = true;
      if (opts.termSkip && child.pid !== undefined) signalGroupExcept(child.pid, "SIGTERM", opts.termSkip);
      else killGroup("SIGTERM");
      timers.push(setTimeout(() => killGroup("SIGKILL"), Math.max(0, killInMs)));
    };
    const grace = Math.min(limits.graceMs ?? 1000, Math.floor(limits.wallMs / 4));
    timers.push(
      setTimeout(() => {
        timedOut = true;
        stop(grace);
      }, limits.wallMs - grace),
    );
    const onAbort = () => {
      cancelled = true;
      killGroup("SIGKILL");
    };
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    const onData = (c: Buffer) => {
      cap.push(c);
      if (limits.outputStopBytes && cap.totalBytes > limits.outputStopBytes && !stopping) {
        outputStopped = true;
        stop(grace);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    // The direct child ended: anything it left running in its group dies now, before the pipes
    // are drained (buffered output is still read).
    child.on("exit", (code, sig) => {
      killGroup("SIGKILL");
      // A process that left the group (setsid) and holds the pipes must not keep us waiting.
      timers.push(
        setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          finish(code, sig);
        }, 1000),
      );
    });
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, spawnError?: string) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      opts.signal?.removeEventListener("abort", onAbort);
      killGroup("SIGKILL");
      resolve({
        exitCode,
        signal,
        timedOut,
        cancelled,
        outputStopped,
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
