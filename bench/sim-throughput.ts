// bench/sim-throughput: one fixed set of testbench jobs over the bundled examples, run through
// our executor and through the naive per-job `verilator --binary --coverage` path, in the same
// run, with the same parallelism. Last line: `ratio: <naive time / our time>`.
//
// `--compiling-only` leaves out the non-compiling third of the job mix.
// Fairness: our one-time toolchain cache build is timed and reported separately (it happens
// once per machine); the ccache directory is fresh, so no job hits a cache from earlier runs.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import PQueue from "p-queue";
import { verilatorToolchain } from "../src/eda/verilator/toolchain.js";
import { LocalExecutor } from "../src/exec/local.js";
import { findTestbenchTop } from "../src/eda/sv-scan.js";
import { runRaw } from "../src/eda/process.js";
import { writeJobFiles } from "../src/eda/job.js";

interface Job {
  design: string;
  kind: string;
  top: string;
  instance: string;
  rtl: { name: string; content: string }[];
  tb: string;
}

const root = join(import.meta.dirname, "..", "examples", "designs");

async function loadJobs(): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const design of (await readdir(root)).sort()) {
    const dir = join(root, design);
    let meta: { top: string; instance: string };
    try {
      meta = JSON.parse(await readFile(join(dir, "meta.json"), "utf8"));
    } catch {
      continue;
    }
    const rtlDir = join(dir, "rtl");
    const rtl = await Promise.all(
      (await readdir(rtlDir))
        .sort()
        .map(async (f) => ({ name: `rtl/${f}`, content: await readFile(join(rtlDir, f), "utf8") })),
    );
    for (const kind of ["good_tb", "weak_tb"]) {
      let tb: string;
      try {
        tb = await readFile(join(dir, "reference", `${kind}.sv`), "utf8");
      } catch {
        continue;
      }
      jobs.push({ design, kind, top: meta.top, instance: meta.instance, rtl, tb });
      // LLM answers often do not compile; a realistic job mix includes them.
      if (kind === "weak_tb" && !process.argv.includes("--compiling-only"))
        jobs.push({
          design,
          kind: "broken_tb",
          top: meta.top,
          instance: meta.instance,
          rtl,
          tb: tb.replace(/;(\s*\n\s*end)/, "$1"),
        });
    }
  }
  return jobs;
}

async function naive(job: Job, work: string): Promise<string> {
  const dir = await mkdtemp(join(work, "naive-"));
  try {
    await writeJobFiles(dir, [...job.rtl, { name: "tb/tb.sv", content: job.tb }]);
    const tbTop = findTestbenchTop(job.tb, job.top) ?? "tb";
    const build = await runRaw(
      "verilator",
      [
        "--binary",
        "--coverage",
        "--timing",
        "-Wno-fatal",
        "-Wno-lint",
        "-Wno-style",
        "--top-module",
        tbTop,
        "-Mdir",
        "obj",
        ...job.rtl.map((f) => f.name),
        "tb/tb.sv",
      ],
      { cwd: dir, limits: { wallMs: 300_000, outputBytes: 64 * 1024 } },
    );
    if (build.exitCode !== 0) return "compile_error";
    const run = await runRaw(`./obj/V${tbTop}`, [], {
      cwd: dir,
      limits: { wallMs: 60_000, outputBytes: 64 * 1024 },
    });
    return run.exitCode === 0 ? "ran" : "run_failed";
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const jobs = await loadJobs();
  if (jobs.length < 20)
    throw new Error(`need >= 20 jobs, found ${jobs.length}: are examples/designs complete?`);
  const slots = availableParallelism();
  const work = await mkdtemp(join(tmpdir(), "llm4cov-bench-"));
  process.env.LLM4COV_CCACHE_DIR = join(work, "ccache");

  let t = performance.now();
  await verilatorToolchain();
  const warmMs = performance.now() - t;

  const exec = new LocalExecutor({ slots, workRoot: join(work, "ours") });
  t = performance.now();
  const ours = await Promise.all(
    jobs.map((j) =>
      exec.run({
        rtl: j.rtl,
        testbench: { name: "tb/tb.sv", content: j.tb },
        top: j.top,
        instance: j.instance,
      }),
    ),
  );
  const ourMs = performance.now() - t;

  const queue = new PQueue({ concurrency: slots });
  t = performance.now();
  const naiveOut = await Promise.all(jobs.map((j) => queue.add(() => naive(j, work))));
  const naiveMs = performance.now() - t;
  await rm(work, { recursive: true, force: true });

  console.log(`jobs: ${jobs.length} over ${new Set(jobs.map((j) => j.design)).size} designs, ${slots} slots`);
  console.log("design               kind        ours                      naive");
  jobs.forEach((j, i) => {
    const r = ours[i]!;
    const cov = r.coverage?.score != null ? ` ${(r.coverage.score * 100).toFixed(0)}%` : "";
    console.log(`${j.design.padEnd(20)} ${j.kind.padEnd(11)} ${(r.status + cov).padEnd(25)} ${naiveOut[i]}`);
  });
  const build = ours.flatMap((r) => r.timings.filter((s) => s.stage === "build").map((s) => s.ms));
  const avgBuild = build.reduce((a, b) => a + b, 0) / Math.max(1, build.length);
  console.log(`one-time toolchain cache build: ${(warmMs / 1000).toFixed(2)} s (not counted)`);
  console.log(
    `ours:  ${(ourMs / 1000).toFixed(2)} s  (${(ourMs / jobs.length).toFixed(0)} ms/job, mean model build ${avgBuild.toFixed(0)} ms)`,
  );
  console.log(`naive: ${(naiveMs / 1000).toFixed(2)} s  (${(naiveMs / jobs.length).toFixed(0)} ms/job)`);
  console.log(`ratio: ${(naiveMs / ourMs).toFixed(2)}`);
}

await main();
