// A model server as a child process in its own process group, so stopping it reaches every
// worker it forked, and Ctrl-C in the terminal reaches only us (we then stop it in order).
import { spawn, type ChildProcess } from "node:child_process";
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";

export type StopSignal = "SIGINT" | "SIGTERM" | "SIGKILL";

export interface StopOutcome {
  /** The last signal that was needed; null when the group had already gone. */
  signal: StopSignal | null;
  /** False only if the group survived SIGKILL (reported, never hidden). */
  stopped: boolean;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Processes of group `pgid` that are still running (zombies do not count). */
export function groupMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    // No procfs: signal 0 to the group says whether any member exists.
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const out: number[] = [];
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${e}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (rest[0] !== "Z" && rest[0] !== "X" && Number(rest[2]) === pgid) out.push(Number(e));
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Live process groups, killed synchronously if we exit abruptly (a second Ctrl-C, an uncaught error). */
const live = new Set<number>();
let exitHookInstalled = false;
function killLiveOnExit(): void {
  for (const pgid of live) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

export class ServerProcess {
  readonly pid: number;
  /** Set once the leader has exited. */
  exit: ExitInfo | null = null;
  readonly exited: Promise<ExitInfo>;
  private readonly child: ChildProcess;

  private constructor(
    child: ChildProcess,
    readonly logFile: string,
  ) {
    this.child = child;
    this.pid = child.pid!;
    this.exited = new Promise((res) =>
      child.once("exit", (code, signal) => {
        this.exit = { code, signal };
        res(this.exit);
      }),
    );
  }

  /** Starts `command` (a shell line, or argv without a shell) with output appended to `logFile`. */
  static async start(opts: {
    command: string | string[];
    env: Record<string, string>;
    cwd: string;
    logFile: string;
  }): Promise<ServerProcess> {
    mkdirSync(dirname(opts.logFile), { recursive: true });
    const fd = openSync(opts.logFile, "a");
    const shown = Array.isArray(opts.command) ? opts.command.join(" ") : opts.command;
    writeSync(fd, `==== llm4cov serve-eval ${new Date().toISOString()}: ${shown}\n`);
    const [file, args, shell] = Array.isArray(opts.command)
      ? [opts.command[0]!, opts.command.slice(1), false]
      : [opts.command, [], true];
    const child = spawn(file, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      shell,
      detached: true, // its own process group: pgid == pid
      stdio: ["ignore", fd, fd],
    });
    closeSync(fd); // the child holds its own copy
    await new Promise<void>((res, rej) => {
      child.once("spawn", () => res());
      child.once("error", rej);
    });
    if (!exitHookInstalled) {
      process.on("exit", killLiveOnExit);
      exitHookInstalled = true;
    }
    live.add(child.pid!);
    return new ServerProcess(child, opts.logFile);
  }

  /** Running members of the process group. */
  members(): number[] {
    return groupMembers(this.pid);
  }

  /** The log's last lines (for "the server died" messages). */
  logTail(lines = 20): string[] {
    try {
      const size = statSync(this.logFile).size;
      const fd = openSync(this.logFile, "r");
      const buf = Buffer.alloc(Math.min(size, 64 * 1024));
      readSync(fd, buf, 0, buf.length, size - buf.length);
      closeSync(fd);
      return buf.toString("utf8").trimEnd().split("\n").slice(-lines);
    } catch {
      return [];
    }
  }

  /** SIGINT, wait, SIGTERM, wait, SIGKILL, to the whole group; resolves when nothing of it runs. */
  async stop(graceMs: number): Promise<StopOutcome> {
    let last: StopSignal | null = null;
    try {
      for (const [sig, wait] of [
        ["SIGINT", graceMs],
        ["SIGTERM", graceMs],
        ["SIGKILL", 5000],
      ] as const) {
        if (!this.members().length) return { signal: last, stopped: true };
        try {
          process.kill(-this.pid, sig);
          last = sig;
        } catch {
          return { signal: last, stopped: true }; // the group is gone
        }
        const until = Date.now() + wait;
        while (Date.now() < until && this.members().length) await sleep(50);
      }
      return { signal: last, stopped: !this.members().length };
    } finally {
      if (!this.members().length) live.delete(this.pid);
      this.child.unref();
    }
  }
}
