// bench/sim-throughput: LLM-style testbench jobs (bench/workload, a third of them not compiling)
// run three ways on the same modern Verilator, the same jobs and the same parallelism:
//   ours   the LocalExecutor pipeline (toolchain cache, PCH, one translation unit, sandbox)
//   plain  `verilator --binary --coverage` per job, without ccache (OBJCACHE empty: a Verilator
//          configured where ccache is installed uses it by default)
//   ccache the same with OBJCACHE=ccache and a ccache already warm for Verilator's runtime
//          objects (what an experienced user runs)
// They take turns design by design (rotating order), with `--slots` jobs at once each.
// Last line: `ratio: <stronger baseline time / our time>`.
//
// Options: --jobs N (default 15, spread over the designs, a third broken), --quick (9 jobs),
// --slots N (default 2). One-time work (our toolchain cache, warming the user's ccache) is timed
// and printed, not counted.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import PQueue from "p-queue";
import { z } from "zod";
import type { SimResult } from "../src/core/protocol.js";
import { writeJobFiles } from "../src/eda/job.js";
import { runRaw } from "../src/eda/process.js";
import { findTestbenchTop } from "../src/eda/sv-scan.js";
import { detectVerilator, verilatorToolchain } from "../src/eda/verilator/toolchain.js";
import { coverageFlags } from "../src/eda/verilator/verilator.js";
import { LocalExecutor } from "../src/exec/local.js";

const repo = join(import.meta.dirname, "..");
const workload = join(import.meta.dirname, "workload");

const Manifest = z.object({
  jobs: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      top: z.string(),
      instance: z.string(),
      tb: z.string(),
      style: z.string(),
      expect: z.enum(["runs", "compile_error"]),
    }),
  ),
});

interface Job {
  id: string;
  top: string;
  instance: string;
  expect: "runs" | "compile_error";
  rtl: { name: string; content: string }[];
  tb: string;
  lines: number;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) {
    console.error(`${name}: expected a positive integer, got ${process.argv[i + 1] ?? "nothing"}`);
    process.exit(2);
  }
  return v;
}

async function loadJobs(count: number): Promise<Job[]> {
  const manifest = Manifest.parse(JSON.parse(await readFile(join(workload, "manifest.json"), "utf8")));
  const cvdp = new Map<string, { name: string; content: string }[]>();
  const cvdpFile = join(repo, "benchmarks", "cvdp_ecov_dev.jsonl");
  if (existsSync(cvdpFile))
    for (const l of (await readFile(cvdpFile, "utf8")).split("\n").filter((x) => x.trim())) {
      const r = JSON.parse(l) as { id: string; rtl_files: { name: string; content: string }[] };
      cvdp.set(r.id, r.rtl_files);
    }
  const rtlOf = async (source: string) => {
    if (source.startsWith("cvdp:")) {
      const files = cvdp.get(source.slice(5));
      if (!files) throw new Error(`${source}: not in ${cvdpFile}; regenerate bench/workload`);
      return files;
    }
    const dir = join(repo, source.replace(/^examples\//, "examples/designs/"), "rtl");
    const names = (await readdir(dir)).sort();
    return Promise.all(
      names.map(async (f) => ({ name: `rtl/${f}`, content: await readFile(join(dir, f), "utf8") })),
    );
  };
  // Whole designs (two runnable testbenches and a broken one), evenly spread over the list.
  const designs = [...new Set(manifest.jobs.map((j) => j.source))];
  const want = Math.min(designs.length, Math.ceil(count / 3));
  const picked = new Set(
    Array.from({ length: want }, (_, i) => designs[Math.floor((i * designs.length) / want)]!),
  );
  const chosen = manifest.jobs.filter((j) => picked.has(j.source)).slice(0, count);
  return Promise.all(
    chosen.map(async (j) => {
      const tb = await readFile(join(workload, j.tb), "utf8");
      return { ...j, rtl: await rtlOf(j.source), tb, lines: tb.split("\n").length };
    }),
  );
}

interface Outcome {
  status: string;
  ms: number;
}

/** `verilator --binary` per job, as a user would run it (optionally through ccache). */
async function baseline(job: Job, work: string, env: Record<string, string>): Promise<Outcome> {
  const dir = await mkdtemp(join(work, "job-"));
  const started = performance.now();
  try {
    await writeJobFiles(dir, [...job.rtl, { name: "tb/tb.sv", content: job.tb }]);
    const tbTop = findTestbenchTop(job.tb, job.top) ?? "tb";
    const info = await detectVerilator();
    const build = await runRaw(
      "verilator",
      [
        "--binary",
        ...coverageFlags(info),
        "--timing",
        "--assert",
        "-Wno-fatal",
        "-Wno-lint",
        "-Wno-style",
        "--build-jobs",
        "1",
        "--top-module",
        tbTop,
        "-Mdir",
        "obj",
        ...job.rtl.map((f) => f.name),
        "tb/tb.sv",
      ],
      { cwd: dir, env: { ...process.env, ...env }, limits: { wallMs: 600_000, outputBytes: 64 * 1024 } },
    );
    if (build.exitCode !== 0) return { status: "compile_error", ms: performance.now() - started };
    const run = await runRaw(`./obj/V${tbTop}`, [], {
      cwd: dir,
      limits: { wallMs: 60_000, outputBytes: 64 * 1024 },
    });
    return {
      status: run.exitCode === 0 ? "ran" : `run_exit_${run.exitCode}`,
      ms: performance.now() - started,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function timed<T>(
  jobs: Job[],
  slots: number,
  one: (j: Job) => Promise<T>,
): Promise<{ out: T[]; ms: number }> {
  const queue = new PQueue({ concurrency: slots });
  const t = performance.now();
  const out = await Promise.all(jobs.map((j) => queue.add(() => one(j)) as Promise<T>));
  return { out, ms: performance.now() - t };
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? s.length % 2
      ? s[(s.length - 1) / 2]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
    : 0;
};
const ccacheStats = async (dir: string) =>
  (
    await runRaw("ccache", ["-s"], {
      cwd: dir,
      env: { ...process.env, CCACHE_DIR: dir },
      limits: { wallMs: 10_000, outputBytes: 8192 },
    })
  ).output
    .split("\n")
    .filter((l) => /Hits|Misses/.test(l))
    .map((l) => l.trim().replace(/\s+/g, " "))
    .join("; ");

async function main() {
  const slots = option("--slots", 2);
  const jobs = await loadJobs(process.argv.includes("--quick") ? 9 : option("--jobs", 15));
  const work = await mkdtemp(join(tmpdir(), "llm4cov-bench-"));
  process.env.LLM4COV_CCACHE_DIR = join(work, "ours-ccache");
  try {
    // The baselines run the Verilator the pipeline picked (the newest: setup's 5.048 build).
    const info = await detectVerilator();
    const root = info.root;
    process.env.VERILATOR_ROOT = root;
    process.env.PATH = `${join(root, "bin")}:${process.env.PATH ?? ""}`;
    const v = await runRaw("verilator", ["--version"], {
      cwd: work,
      limits: { wallMs: 30_000, outputBytes: 4096 },
    });
    const baselineVersion = /Verilator (\d+\.\d+)/.exec(v.output)?.[1];
    console.log(`verilator: ${v.output.trim()} (${info.source}, root ${root})`);
    if (info.warning) console.log(`warning: ${info.warning}`);
    if (baselineVersion !== info.version)
      throw new Error(
        `the pipeline uses Verilator ${info.version}, the baselines ${baselineVersion}: not comparable`,
      );
    console.log(
      `load average at the start: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} (on ${availableParallelism()} cores)`,
    );
    const broken = jobs.filter((j) => j.expect === "compile_error").length;
    console.log(
      `jobs: ${jobs.length} (${broken} do not compile), ${new Set(jobs.map((j) => j.id.split("/")[0])).size} designs, ` +
        `testbench lines median ${median(jobs.map((j) => j.lines))}, ${slots} slots`,
    );

    let t = performance.now();
    const tc = await verilatorToolchain();
    console.log(`one-time: our toolchain cache ${sec(performance.now() - t)} (${tc.dir}, not counted)`);

    const userCcache = join(work, "user-ccache");
    await mkdir(userCcache);
    const ccacheEnv = { OBJCACHE: "ccache", CCACHE_DIR: userCcache };
    const warm: Job = {
      id: "warm",
      top: "warm_dut",
      instance: "dut",
      expect: "runs",
      lines: 0,
      rtl: [
        {
          name: "rtl/warm.sv",
          content: "module warm_dut(input logic a, output logic y); assign y = ~a; endmodule\n",
        },
      ],
      tb: "module warm_tb; logic a; wire y; warm_dut dut(.a(a), .y(y)); initial begin a = 0; #1 a = 1; #1 $finish; end endmodule\n",
    };
    t = performance.now();
    await baseline(warm, work, ccacheEnv);
    console.log(`one-time: warming the user's ccache ${sec(performance.now() - t)} (not counted)`);

    const exec = new LocalExecutor({ slots, workRoot: join(work, "ours") });
    const runOurs = async (j: Job) => {
      const started = performance.now();
      const r: SimResult = await exec.run({
        id: j.id,
        rtl: j.rtl,
        testbench: { name: "tb/tb.sv", content: j.tb },
        top: j.top,
        instance: j.instance,
      });
      return { r, ms: performance.now() - started };
    };
    // The three take turns design by design, in a rotating order, so a change in the load of a
    // shared machine during the run does not favour whichever goes last.
    const ours = { out: [] as Awaited<ReturnType<typeof runOurs>>[], ms: 0 };
    const plain = { out: [] as Outcome[], ms: 0 };
    const cached = { out: [] as Outcome[], ms: 0 };
    const groups = [...new Set(jobs.map((j) => j.id.split("/")[0]!))].map((d) =>
      jobs.filter((j) => j.id.split("/")[0] === d),
    );
    for (const [g, group] of groups.entries()) {
      const turns = [
        async () => {
          const r = await timed(group, slots, runOurs);
          ours.out.push(...r.out);
          ours.ms += r.ms;
        },
        // A Verilator configured where ccache is installed defaults to OBJCACHE=ccache: plain
        // means no ccache, so say so.
        async () => {
          const r = await timed(group, slots, (j) => baseline(j, work, { OBJCACHE: "" }));
          plain.out.push(...r.out);
          plain.ms += r.ms;
        },
        async () => {
          const r = await timed(group, slots, (j) => baseline(j, work, ccacheEnv));
          cached.out.push(...r.out);
          cached.ms += r.ms;
        },
      ];
      for (let k = 0; k < turns.length; k++) await turns[(g + k) % turns.length]!();
    }
    jobs.splice(0, jobs.length, ...groups.flat());

    console.log("");
    console.log(
      `${"job".padEnd(52)} ${"lines".padStart(5)}  ${"ours".padEnd(26)} ${"plain".padEnd(22)} ccache`,
    );
    const mismatches: string[] = [];
    jobs.forEach((j, i) => {
      const { r, ms } = ours.out[i]!;
      const cov = r.coverage?.score != null ? ` ${(r.coverage.score * 100).toFixed(0)}%` : "";
      const p = plain.out[i]!;
      const c = cached.out[i]!;
      const ranOurs = r.status !== "compile_error";
      if (ranOurs !== (j.expect === "runs") || (p.status === "compile_error") === ranOurs)
        mismatches.push(`${j.id}: expected ${j.expect}, ours ${r.status}, plain ${p.status}`);
      console.log(
        `${j.id.padEnd(52)} ${String(j.lines).padStart(5)}  ${`${sec(ms)} ${r.status}${cov}`.padEnd(26)} ` +
          `${`${sec(p.ms)} ${p.status}`.padEnd(22)} ${sec(c.ms)} ${c.status}`,
      );
    });
    for (const m of mismatches) console.log(`WARNING: ${m}`);

    console.log("");
    const stages = new Map<string, number[]>();
    for (const { r } of ours.out)
      for (const s of r.timings) stages.set(s.stage, [...(stages.get(s.stage) ?? []), s.ms]);
    console.log(
      "ours, per stage:     " +
        [...stages]
          .map(([s, ms]) => `${s} median ${sec(median(ms))} total ${sec(ms.reduce((a, b) => a + b, 0))}`)
          .join(" | "),
    );
    const runs = (xs: { ms: number }[]) =>
      jobs
        .map((j, i) => ({ j, ms: xs[i]!.ms }))
        .filter((x) => x.j.expect === "runs")
        .map((x) => x.ms);
    const table = [
      ["ours", ours.ms, ours.out],
      ["plain", plain.ms, plain.out],
      ["ccache", cached.ms, cached.out],
    ] as const;
    for (const [name, total, out] of table)
      console.log(
        `${`${name}:`.padEnd(8)} total ${sec(total).padStart(9)}   per-job median ${sec(median(out.map((x) => x.ms)))}, ` +
          `compiling jobs median ${sec(median(runs(out)))} max ${sec(Math.max(...runs(out)))}`,
      );
    console.log(`user ccache after the run: ${await ccacheStats(userCcache)}`);
    console.log(
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} (on ${availableParallelism()} cores)`,
    );
    const stronger = Math.min(plain.ms, cached.ms);
    console.log(
      `ratio vs plain: ${(plain.ms / ours.ms).toFixed(2)}, vs ccache: ${(cached.ms / ours.ms).toFixed(2)}`,
    );
    console.log(`ratio: ${(stronger / ours.ms).toFixed(2)}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
