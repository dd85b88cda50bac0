// The Verilator toolchain: version detection and a per-version build cache holding the
// runtime library (with our driver) and a precompiled header, built once, shared by all jobs.
// Why: a naive `verilator --binary` rebuilds the runtime for every job (3.7-4.5 s); with the
// cache a job compiles only its own model (well under a second). See docs/design/verilator.md.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { chmod, mkdir, readdir, readFile, rename, rm, writeFile, copyFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hashOf } from "../../core/hash.js";
import { runRaw } from "../process.js";

/** Where the Verilator in use came from (shown by `eda check`, recorded nowhere else). */
export type VerilatorSource = "env" | "cache" | "system";

export interface VerilatorInfo {
  version: string;
  major: number;
  minor: number;
  root: string;
  includeDir: string;
  source: VerilatorSource;
  /** 5.006 breaks on classes with --coverage (verilator#3998, fixed in 5.008). */
  needsClassCoveragePatch: boolean;
  ccache: string | null;
  /** verilator_bin, run directly: the perl wrapper costs ~50 ms per call and adds nothing we use. */
  bin: string;
  /** Set when the Verilator in use is older than the pinned modern version (assets/verilator/VERSION). */
  warning?: string;
}

export interface ToolchainCache {
  info: VerilatorInfo;
  dir: string;
  runtimeArchive: string;
  pchHeader: string;
  cxxFlags: string[];
  ldLibs: string[];
  cxx: string;
}

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "assets", "verilator");

/** The Debian version setup builds (e.g. "5.048-1") and its upstream part as MAJOR.MINOR. */
export function pinnedVerilator(): { debian: string; major: number; minor: number } {
  const debian = readFileSync(join(ASSETS, "VERSION"), "utf8").trim();
  const m = /^(\d+)\.(\d+)/.exec(debian);
  return { debian, major: Number(m?.[1] ?? 5), minor: Number(m?.[2] ?? 48) };
}

export class ToolMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolMissingError";
  }
}

interface Candidate {
  source: VerilatorSource;
  /** The `verilator` wrapper to ask for --version. */
  wrapper: string;
  /** Known root (env/cache trees); system installs are asked with --getenv. */
  root?: string;
}

/**
 * Which Verilators to consider. LLM4COV_VERILATOR_ROOT names one tree and nothing else is
 * tried; LLM4COV_VERILATOR=system|cache restricts the choice (tests of the 5.006 path use
 * `system`); otherwise every setup-built tree in the cache and the one on PATH compete and
 * the newest wins.
 */
function candidates(): Candidate[] {
  const forced = process.env.LLM4COV_VERILATOR_ROOT;
  if (forced) return [{ source: "env", wrapper: join(forced, "bin", "verilator"), root: forced }];
  const only = process.env.LLM4COV_VERILATOR;
  const list: Candidate[] = [];
  if (only !== "system") {
    const dir = join(cacheRoot(), "verilator");
    const builds = existsSync(dir) ? readdirSync(dir).filter((d) => /^\d+\.\d+/.test(d)) : [];
    for (const b of builds.sort().reverse()) {
      const root = join(dir, b);
      if (existsSync(join(root, "READY")))
        list.push({ source: "cache", wrapper: join(root, "bin", "verilator"), root });
    }
  }
  if (only !== "cache") list.push({ source: "system", wrapper: "verilator" });
  return list;
}

const quick = (cmd: string, args: string[], env: NodeJS.ProcessEnv) =>
  runRaw(cmd, args, { cwd: tmpdir(), env, limits: { wallMs: 30_000, outputBytes: 4096 } });

async function probe(
  c: Candidate,
): Promise<Omit<VerilatorInfo, "ccache" | "needsClassCoveragePatch"> | string> {
  const env = c.root ? { ...process.env, VERILATOR_ROOT: c.root } : { ...process.env };
  const v = await quick(c.wrapper, ["--version"], env);
  if (v.spawnError || v.exitCode !== 0) return `${c.wrapper}: ${v.spawnError ?? v.output.trim()}`;
  const m = /Verilator\s+(\d+)\.(\d+)/.exec(v.output);
  if (!m) return `cannot read the Verilator version from: ${v.output.trim()}`;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  let root = c.root;
  if (!root) {
    const r = await quick(c.wrapper, ["--getenv", "VERILATOR_ROOT"], env);
    root = r.output.trim().split("\n").pop()!.trim();
  }
  return {
    version: `${major}.${String(minor).padStart(3, "0")}`,
    major,
    minor,
    root,
    includeDir: join(root, "include"),
    source: c.source,
    bin: c.root ? join(root, "bin", "verilator_bin") : verilatorBin(root),
  };
}

let infoPromise: Promise<VerilatorInfo> | undefined;

export function detectVerilator(): Promise<VerilatorInfo> {
  infoPromise ??= (async () => {
    const found: Exclude<Awaited<ReturnType<typeof probe>>, string>[] = [];
    const problems: string[] = [];
    for (const c of candidates()) {
      const p = await probe(c);
      if (typeof p === "string") problems.push(p);
      else found.push(p);
    }
    found.sort((a, b) => b.major - a.major || b.minor - a.minor);
    const best = found[0];
    if (!best)
      throw new ToolMissingError(
        `verilator not found or not working (${problems.join("; ")}); run npm run setup`,
      );
    if (best.major < 5)
      throw new ToolMissingError(`Verilator ${best.version} is too old: llm4cov needs 5.x (--timing)`);
    const cc = await quick("ccache", ["--version"], process.env);
    const pin = pinnedVerilator();
    const old = best.major < pin.major || (best.major === pin.major && best.minor < pin.minor);
    return {
      ...best,
      needsClassCoveragePatch: best.major === 5 && best.minor < 8,
      ccache: cc.exitCode === 0 ? "ccache" : null,
      ...(old
        ? {
            warning:
              `using the ${best.source} Verilator ${best.version}, older than ${pin.major}.${String(pin.minor).padStart(3, "0")}: ` +
              "it misjudges some valid testbenches and measures fewer coverage families; " +
              "run `npm run setup` to build the modern one" +
              lastBuildFailure(),
          }
        : {}),
    };
  })();
  infoPromise.catch(() => (infoPromise = undefined));
  return infoPromise;
}

/** Why setup's last Verilator build failed, when it did (scripts/verilator-build.sh). */
function lastBuildFailure(): string {
  const file = join(cacheRoot(), "verilator", "LAST_FAILURE");
  return existsSync(file) ? ` (${readFileSync(file, "utf8").trim()})` : "";
}

/** Forgets the detected Verilator (tests switch between versions in one process). */
export function resetVerilatorDetection(): void {
  infoPromise = undefined;
  cachePromise = undefined;
}

/** Where the `verilator` wrapper would find its binary (same rules as the wrapper). */
function verilatorBin(root: string): string {
  const candidates = [join(root, "bin", "verilator_bin")];
  for (const dir of (process.env.PATH ?? "").split(":")) {
    const wrapper = join(dir || ".", "verilator");
    if (existsSync(wrapper)) {
      candidates.push(join(dirname(realpathSync(wrapper)), "verilator_bin"));
      break;
    }
  }
  return candidates.find((c) => existsSync(c)) ?? "verilator_bin";
}

export function cacheRoot(): string {
  return (
    process.env.LLM4COV_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "llm4cov")
  );
}

function flagsFor(info: VerilatorInfo): string[] {
  const inc = info.includeDir;
  return [
    `-I${inc}`,
    `-I${join(inc, "vltstd")}`,
    "-DVM_COVERAGE=1",
    "-DVM_SC=0",
    "-DVM_TRACE=0",
    "-DVM_TRACE_FST=0",
    "-DVM_TRACE_VCD=0",
    "-DVM_TRACE_SAIF=0",
    "-DVM_TIMING=1",
    // Our driver defines these (see assets/verilator/llm4cov_main.cpp).
    "-DVL_USER_STOP_MAYBE",
    "-DVL_USER_FATAL",
    "-faligned-new",
    "-fcf-protection=none",
    "-Wno-bool-operation",
    "-Wno-sign-compare",
    "-Wno-uninitialized",
    "-Wno-unused-but-set-variable",
    "-Wno-unused-parameter",
    "-Wno-unused-variable",
    "-Wno-shadow",
    "-fcoroutines",
    // The model's level (docs/design/verilator.md, "Compile level"): the testbench's own
    // generated code dominates the build, and the simulations are mostly milliseconds.
    modelOptLevel(),
  ];
}

/**
 * -O0 unless LLM4COV_MODEL_OPT asks for another level (for long simulations). The runtime
 * archive is always built at RUNTIME_OPT: once per machine, so it costs nothing per job.
 */
export function modelOptLevel(): string {
  const level = process.env.LLM4COV_MODEL_OPT ?? "-O0";
  if (!/^-O[0-3gs]$/.test(level))
    throw new Error(`LLM4COV_MODEL_OPT: expected one of -O0 -O1 -O2 -O3 -Og -Os, got "${level}"`);
  return level;
}

const RUNTIME_OPT = "-O1";

const RUNTIME_SOURCES = [
  "verilated.cpp",
  "verilated_cov.cpp",
  "verilated_timing.cpp",
  "verilated_threads.cpp",
  // randomize() and std::randomize (5.0xx+): the constraint solver front end (calls z3).
  "verilated_random.cpp",
];

/** The runtime sources this Verilator ships (older ones lack verilated_random.cpp). */
const runtimeSources = (info: VerilatorInfo) =>
  RUNTIME_SOURCES.filter((src) => existsSync(join(info.includeDir, src)));

let cachePromise: Promise<ToolchainCache> | undefined;

/** Builds (once) or reuses the runtime archive and PCH for the installed Verilator. */
export function verilatorToolchain(): Promise<ToolchainCache> {
  cachePromise ??= buildToolchain();
  cachePromise.catch(() => (cachePromise = undefined));
  return cachePromise;
}

async function buildToolchain(): Promise<ToolchainCache> {
  const info = await detectVerilator();
  const cxxFlags = flagsFor(info);
  const mainSource = await readFile(join(ASSETS, "llm4cov_main.cpp"), "utf8");
  const keyed = { version: info.version, root: info.root, cxxFlags, RUNTIME_OPT, mainSource };
  const key = hashOf(keyed).slice(0, 16);
  const dir = join(cacheRoot(), `verilator-${info.version}-${key}`);
  const result: ToolchainCache = {
    info,
    dir,
    runtimeArchive: join(dir, "libllm4cov_runtime.a"),
    pchHeader: join(dir, "llm4cov_pch.h"),
    cxxFlags,
    ldLibs: ["-pthread", "-lpthread", "-latomic"],
    cxx: "g++",
  };
  if (existsSync(join(dir, "READY"))) {
    // Built under a restrictive umask (or by an older llm4cov): sandboxed builds must read it.
    const modeOf = (p: string) => statSync(p).mode;
    if ((modeOf(dir) & 0o005) !== 0o005 || !(modeOf(`${result.pchHeader}.gch`) & 0o004))
      await makeReadable(dir);
    return result;
  }

  // Build in a private directory, then rename: concurrent processes never see half a cache.
  await mkdir(cacheRoot(), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(tmp, { recursive: true });
  try {
    await writeFile(join(tmp, "decl.h"), "void vl_stop_maybe(const char*, int, const char*, bool);\n");
    await copyFile(join(ASSETS, "llm4cov_main.cpp"), join(tmp, "llm4cov_main.cpp"));
    await writeFile(
      join(tmp, "llm4cov_pch.h"),
      '#include "verilated.h"\n#include "verilated_cov.h"\n#include "verilated_timing.h"\n',
    );
    const compile = (args: string[]) =>
      runRaw(result.cxx, args, { cwd: tmp, limits: { wallMs: 300_000, outputBytes: 64 * 1024 } });
    const jobs = [
      ...runtimeSources(info).map((src) =>
        compile([
          ...cxxFlags,
          RUNTIME_OPT,
          "-include",
          "decl.h",
          "-c",
          join(info.includeDir, src),
          "-o",
          src.replace(".cpp", ".o"),
        ]),
      ),
      compile([...cxxFlags, RUNTIME_OPT, "-c", "llm4cov_main.cpp", "-o", "llm4cov_main.o"]),
      // The PCH must be built with exactly the flags the model is compiled with.
      compile([...cxxFlags, "-x", "c++-header", "llm4cov_pch.h", "-o", "llm4cov_pch.h.gch"]),
    ];
    const results = await Promise.all(jobs);
    const failed = results.find((r) => r.exitCode !== 0);
    if (failed)
      throw new Error(`building the Verilator runtime cache failed:\n${failed.spawnError ?? failed.output}`);
    const objects = [...runtimeSources(info).map((s) => s.replace(".cpp", ".o")), "llm4cov_main.o"];
    const ar = await runRaw("ar", ["rcs", "libllm4cov_runtime.a", ...objects], {
      cwd: tmp,
      limits: { wallMs: 60_000, outputBytes: 8192 },
    });
    if (ar.exitCode !== 0) throw new Error(`ar failed: ${ar.output}`);
    await writeFile(join(tmp, "READY"), new Date().toISOString() + "\n");
    // Sandboxed builds run as a job uid and read the cache through a read-only bind: make it
    // readable whatever the umask (it holds only our runtime objects and headers).
    await makeReadable(tmp);
    try {
      await rename(tmp, dir);
    } catch {
      // Another process finished first; use its cache.
      await rm(tmp, { recursive: true, force: true });
    }
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  return result;
}

async function makeReadable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const f of await readdir(dir)) await chmod(join(dir, f), 0o644);
}
