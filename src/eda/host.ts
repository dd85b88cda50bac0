// Small host helpers for the sandbox: finding tools, permission checks, processes by uid.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";

export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(delimiter)) {
    const p = join(dir || ".", name);
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** True when a user without any grant (the job uid) can reach `path` (and read it, with `read`). */
export function othersCanRead(path: string, read = true): boolean {
  try {
    let p = path;
    const st = statSync(p);
    if (read && (!(st.mode & 0o004) || (st.isDirectory() && !(st.mode & 0o001)))) return false;
    while (p !== "/") {
      p = dirname(p);
      if (!(statSync(p).mode & 0o001)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Runs a short command of our own (probes); output capped, killed after 10 s. */
export function quickRun(
  cmd: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { PATH: "/usr/bin:/bin" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ code: null, out: e.message });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out: out.slice(0, 2000) });
    });
  });
}

/** Live processes whose real uid is `uid` (zombies are already dead). */
function uidPids(uid: number): number[] {
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const m = /^Uid:\s+(\d+)/m.exec(status);
      if (m && Number(m[1]) === uid && !/^State:\s+Z/m.test(status)) out.push(Number(pid));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** SIGKILLs every process of `uid` (a job uid is never shared), again until none is left. */
export function killUid(uid: number): number {
  let killed = 0;
  for (let round = 0; round < 50; round++) {
    const pids = uidPids(uid);
    if (!pids.length) break;
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
        killed++;
      } catch {
        /* gone */
      }
    }
  }
  return killed;
}
