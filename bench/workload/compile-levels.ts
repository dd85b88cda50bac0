// Measures the g++ level for the model build on the realistic workload: every runnable job is
// verilated once through our pipeline (job dir kept), then its one translation unit is compiled
// and linked at each level with a PCH built at that level, and run with our driver.
// Run: npx tsx bench/workload/compile-levels.ts [--jobs N] [--levels "-O0,-O1"]
// Uses the Verilator the pipeline picks (set LLM4COV_VERILATOR_ROOT / PATH for another one).
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runRaw } from "../../src/eda/process.js";
import { verilatorToolchain } from "../../src/eda/verilator/toolchain.js";
import { LocalExecutor } from "../../src/exec/local.js";

const repo = join(import.meta.dirname, "..", "..");
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const levels = (arg("--levels") ?? "-O0,-Og,-O1").split(",").map((l) => l.trim().split(" "));
const limit = Number(arg("--jobs") ?? 8);

interface Job {
  id: string;
  source: string;
  top: string;
  instance: string;
  tb: string;
  expect: string;
}

async function rtlOf(source: string): Promise<{ name: string; content: string }[]> {
  if (source.startsWith("cvdp:")) {
    const rows = (await readFile(join(repo, "benchmarks", "cvdp_ecov_dev.jsonl"), "utf8")).split("\n");
    const row = rows
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; rtl_files: { name: string; content: string }[] });
    return row.find((r) => r.id === source.slice(5))!.rtl_files;
  }
  const dir = join(repo, source.replace(/^examples\//, "examples/designs/"), "rtl");
  return Promise.all(
    (await readdir(dir))
      .sort()
      .map(async (f) => ({ name: `rtl/${f}`, content: await readFile(join(dir, f), "utf8") })),
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const all = (
    JSON.parse(await readFile(join(import.meta.dirname, "manifest.json"), "utf8")) as { jobs: Job[] }
  ).jobs;
  const runnable = all.filter((j) => j.expect === "runs");
  const jobs = Array.from(
    { length: Math.min(limit, runnable.length) },
    (_, i) => runnable[Math.floor((i * runnable.length) / Math.min(limit, runnable.length))]!,
  );
  const tc = await verilatorToolchain();
  const base = tc.cxxFlags.filter((f) => !/^-O/.test(f));
  console.log(
    `Verilator ${tc.info.version}; ${jobs.length} jobs; levels: ${levels.map((l) => l.join(" ")).join(", ")}`,
  );
  const work = await mkdtemp(join(tmpdir(), "llm4cov-levels-"));
  // CPU seconds (user + sys) as well as wall time: the machine may be shared.
  const timedRun = async (cmd: string, args: string[], cwd: string) => {
    const r = await runRaw("/usr/bin/time", ["-f", "@@cpu %U %S", cmd, ...args], {
      cwd,
      limits: { wallMs: 300_000, outputBytes: 64 * 1024 },
    });
    const m = /@@cpu (\S+) (\S+)/.exec(r.output);
    return { ...r, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
  };
  try {
    const rows = levels.map((level) => ({
      level: level.join(" "),
      flags: [...base, ...level],
      pchDir: join(work, `pch${level.join("")}`),
      pch: 0,
      build: [] as number[],
      buildCpu: [] as number[],
      run: [] as number[],
    }));
    for (const row of rows) {
      await mkdir(row.pchDir);
      await writeFile(join(row.pchDir, "llm4cov_pch.h"), await readFile(tc.pchHeader, "utf8"));
      const t = performance.now();
      const pch = await runRaw(
        tc.cxx,
        [...row.flags, "-x", "c++-header", "llm4cov_pch.h", "-o", "llm4cov_pch.h.gch"],
        {
          cwd: row.pchDir,
          limits: { wallMs: 300_000, outputBytes: 64 * 1024 },
        },
      );
      if (pch.exitCode !== 0) throw new Error(`PCH at ${row.level} failed: ${pch.output}`);
      row.pch = performance.now() - t;
    }
    const s = (ms: number) => (ms / 1000).toFixed(2).padStart(6);
    console.log(
      `${"job".padEnd(48)} ${rows.map((r) => `${r.level}: build(cpu) run`.padStart(26)).join(" ")}`,
    );
    for (const [i, j] of jobs.entries()) {
      // Verilate through the pipeline, keeping the job dir (its own build is not counted).
      const root = join(work, `job${i}`);
      await mkdir(root);
      const r = await new LocalExecutor({ slots: 1, workRoot: root }).run({
        rtl: await rtlOf(j.source),
        testbench: { name: "tb/tb.sv", content: await readFile(join(import.meta.dirname, j.tb), "utf8") },
        top: j.top,
        instance: j.instance,
        options: { keepJobDir: true },
      });
      if (r.status !== "pass") console.log(`note: ${j.id} ${r.status}: ${r.reason}`);
      const dir = join(root, (await readdir(root))[0]!);
      const cells: string[] = [];
      for (const row of rows) {
        const t = performance.now();
        const cc = await timedRun(
          tc.cxx,
          [
            ...row.flags,
            `-I${row.pchDir}`,
            "-include",
            "llm4cov_pch.h",
            "-Winvalid-pch",
            "-Iobj",
            "-c",
            "obj/llm4cov_all.cpp",
            "-o",
            "obj/lv.o",
          ],
          dir,
        );
        const ld = await timedRun(tc.cxx, ["obj/lv.o", tc.runtimeArchive, ...tc.ldLibs, "-o", "obj/lv"], dir);
        if (cc.exitCode !== 0 || ld.exitCode !== 0)
          throw new Error(`${j.id} at ${row.level}: ${cc.output}${ld.output}`);
        if (/invalid-pch|not used because/.test(cc.output))
          console.log(`warning: PCH not used at ${row.level}`);
        row.build.push(performance.now() - t);
        row.buildCpu.push(cc.cpuMs + ld.cpuMs);
        const t2 = performance.now();
        await runRaw(
          "./obj/lv",
          [
            "+llm4cov+cov=lv.dat",
            "+llm4cov+end=lv-end.txt",
            "+llm4cov+stops=stops.txt",
            "+llm4cov+max_time_ns=10000000",
            "+llm4cov+wall_ms=58000",
          ],
          {
            cwd: dir,
            limits: { wallMs: 60_000, outputBytes: 64 * 1024 },
          },
        );
        row.run.push(performance.now() - t2);
        cells.push(`${s(row.build.at(-1)!)}(${s(row.buildCpu.at(-1)!)}) ${s(row.run.at(-1)!)}`.padStart(26));
      }
      console.log(`${j.id.padEnd(48)} ${cells.join(" ")}`);
      await rm(root, { recursive: true, force: true });
    }
    console.log("");
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    for (const r of rows)
      console.log(
        `${r.level.padEnd(8)} pch ${s(r.pch)} s | build median ${s(median(r.build))} s (cpu ${s(median(r.buildCpu))} s), total ${s(sum(r.build))} s (cpu ${s(sum(r.buildCpu))} s) | ` +
          `run median ${s(median(r.run))} s, total ${s(sum(r.run))} s | build+run total ${s(sum(r.build) + sum(r.run))} s`,
      );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
