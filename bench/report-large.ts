// How long a report of a large run takes to build and to open. Builds a synthetic ledger of
// --tasks tasks x --samples samples x (--rounds + 1) states with realistic contents (the bundled
// designs' RTL, their reference testbenches, prompts built by the real prompt builder, results
// with uncovered points, diagnostics and logs), writes the report, and opens the index and some
// task pages in headless Chromium (when /usr/bin/chromium exists).
//
//   npx tsx bench/report-large.ts [--tasks 1000] [--samples 5] [--rounds 2] [--keep]
//
// Baselines measured in the same run: reading every state and call from the ledger and parsing
// their JSON (generation cannot be faster than that), and opening a minimal HTML page (browser
// start-up cost per page). The last line is `ratio: <report generation / raw ledger read>`.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildMemorylessPrompt } from "../src/prompt/prompt.js";
import type { SimResult } from "../src/core/protocol.js";
import { repositoryFromRow, NativeRow, type Repository } from "../src/core/repository.js";
import { Ledger } from "../src/store/ledger.js";
import { writeRunReport } from "../src/report/write.js";
import { hasChromium, launch, visit } from "../test/report-browser.js";

const { values } = parseArgs({
  options: {
    tasks: { type: "string", default: "1000" },
    samples: { type: "string", default: "5" },
    rounds: { type: "string", default: "2" },
    keep: { type: "boolean", default: false },
  },
});
const TASKS = Number(values.tasks);
const SAMPLES = Number(values.samples);
const ROUNDS = Number(values.rounds);

const root = join(import.meta.dirname, "..");
const rows = readFileSync(join(root, "examples", "designs.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => NativeRow.parse(JSON.parse(l)));
const designs = rows.map((row) => {
  const dir = join(root, "examples", "designs", row.id.replace(/^llm4cov_ex_/, ""));
  let tb = "";
  try {
    tb = readFileSync(join(dir, "reference", "good_tb.sv"), "utf8");
  } catch {
    tb = `module tb;\n  initial begin\n    #100 $finish;\n  end\nendmodule\n`;
  }
  return { row, tb };
});

// Deterministic pseudo-random numbers (mulberry32), so every run of the bench builds the same ledger.
let seed = 12345;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;

const STATUSES = [
  "pass",
  "pass",
  "pass",
  "pass",
  "pass",
  "pass",
  "compile_error",
  "runtime_error",
  "timeout",
  "no_finish",
] as const;

function result(repo: Repository, round: number): SimResult {
  const status = round > 0 && rand() < 0.5 ? "pass" : pick([...STATUSES]);
  const ok = status === "pass" || status === "no_finish";
  const rtl = repo.rtl[0]!;
  const lines = rtl.content.split("\n");
  const fam = () => Math.min(1, 0.4 + rand() * 0.6 + round * 0.1);
  const cov = ok
    ? { line: fam(), branch: fam(), toggle: fam(), expression: fam(), fsm: rand() < 0.5 ? fam() : null }
    : null;
  const uncovered = ok
    ? Array.from({ length: Math.floor(rand() * 40) }, () => {
        const line = 1 + Math.floor(rand() * lines.length);
        const kind = pick(["line", "branch", "toggle", "expression"] as const);
        return {
          kind,
          file: rtl.name,
          line,
          instance: "dut",
          detail: kind === "toggle" ? "sig[0]:0->1" : "if",
          source: lines[line - 1] ?? "",
        };
      })
    : [];
  const vals = cov ? Object.values(cov).filter((v): v is number => v !== null) : [];
  const score = vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : 0;
  const diagnostics =
    status === "compile_error"
      ? [
          {
            severity: "error" as const,
            code: "SYNTAX",
            file: repo.tbFile,
            line: 12,
            message: "syntax error, unexpected ')'",
          },
          {
            severity: "error" as const,
            file: repo.tbFile,
            line: 40,
            message: "Can't find definition of variable: 'foo'",
            rule: "no-undeclared",
          },
          {
            severity: "warning" as const,
            code: "WIDTHTRUNC",
            file: repo.tbFile,
            line: 55,
            message: "Operator ASSIGN expects 8 bits",
          },
        ]
      : [];
  const log = Array.from(
    { length: 30 },
    (_, i) => `- V e r i l a t i o n: step ${i} of the build, ${Math.floor(rand() * 1e6)} bytes`,
  ).join("\n");
  return {
    protocol: 1,
    simulator: { name: "verilator", version: "5.048" },
    status,
    reason: ok ? "simulation reached $finish" : `${status}: see diagnostics`,
    coverage: cov
      ? ({
          score,
          ...cov,
          user: null,
          instances: [],
          uncovered,
          uncoveredTotal: uncovered.length,
          instanceFound: true,
        } as unknown as SimResult["coverage"])
      : null,
    targets: [{ inst_name: "dut", target: 90, achieved: score * 100, met: score >= 0.9 }],
    targetsMet: ok ? score >= 0.9 : null,
    diagnostics,
    log,
    logDroppedBytes: 0,
    errorCount: 0,
    simTimeNs: 1000,
    timings: [],
    tbTop: "tb",
    sandbox: "bwrap",
  };
}

function buildLedger(dir: string): number {
  const t = performance.now();
  const ledger = Ledger.open(dir, {
    bench: "report-large",
    dataset: { sha256: "b".repeat(64) },
    mode: "agentic",
    rounds: ROUNDS,
    samples: SAMPLES,
    model: "synthetic-bench",
    simulator: "verilator",
    workflow: { name: "agentic", version: 1 },
  });
  for (let ti = 0; ti < TASKS; ti++) {
    const d = designs[ti % designs.length]!;
    const repo: Repository = { ...repositoryFromRow(d.row), id: `${d.row.id}_${ti}` };
    ledger.db.transaction(() => {
      const taskId = ledger.addTask(repo, ti, `bench.jsonl:${ti + 1}`);
      for (let si = 0; si < SAMPLES; si++) {
        const sampleId = ledger.startSample(taskId, si);
        let input = { repo, testbench: null as string | null, result: null as SimResult | null };
        let inputId: string | null = null;
        let best = { stateId: null as string | null, score: -1 };
        for (let round = 0; round <= ROUNDS; round++) {
          const tb = `// sample ${si} round ${round}\n${d.tb}`;
          const messages = buildMemorylessPrompt(input);
          const callId = ledger.recordCall({
            sampleId,
            round,
            role: "policy",
            model: "synthetic-bench",
            endpoint: "bench",
            messages,
            answer: "```systemverilog\n" + tb + "\n```",
            reasoning: null,
            finishReason: "stop",
            truncated: false,
            promptTokens: 2000 + Math.floor(rand() * 2000),
            completionTokens: 1500,
            costUsd: 0.001,
            latencyMs: 2000,
            retries: 0,
            error: null,
          });
          const res = result(repo, round);
          const score = res.coverage?.score ?? 0;
          const stateId = ledger.recordTransition({
            sampleId,
            round,
            inputStateId: inputId,
            callId,
            model: "synthetic-bench",
            testbench: tb,
            parseError: null,
            result: res,
            score,
            simPass: res.status === "pass",
            covPass: res.targetsMet === true,
            sim: { executor: "bench", attempts: 1, ms: 1500 },
          });
          if (score > best.score) best = { stateId, score };
          input = { repo, testbench: tb, result: res };
          inputId = stateId;
        }
        ledger.finishSample(sampleId, best, ROUNDS + 1);
      }
    })();
  }
  ledger.close();
  return performance.now() - t;
}

/** Baseline: every state and call read and parsed, nothing rendered. */
function rawRead(dir: string): number {
  const t = performance.now();
  const ledger = Ledger.openExisting(dir);
  let bytes = 0;
  for (const r of ledger.db.prepare("SELECT testbench, result_json FROM states").iterate() as Iterable<{
    testbench: string;
    result_json: string;
  }>) {
    bytes += r.testbench.length + (JSON.parse(r.result_json) as SimResult).log.length;
  }
  for (const r of ledger.db.prepare("SELECT messages_json, answer FROM llm_calls").iterate() as Iterable<{
    messages_json: string;
    answer: string;
  }>) {
    bytes += (JSON.parse(r.messages_json) as unknown[]).length + r.answer.length;
  }
  ledger.close();
  if (bytes === 0) throw new Error("empty ledger");
  return performance.now() - t;
}

const dirSize = (d: string) => readdirSync(d).reduce((a, f) => a + statSync(join(d, f)).size, 0);

const work = mkdtempSync(join(tmpdir(), "llm4cov-bench-report-"));
const runDir = join(work, "run");
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
console.log(
  `synthetic run: ${TASKS} tasks x ${SAMPLES} samples x ${ROUNDS + 1} states = ${TASKS * SAMPLES * (ROUNDS + 1)} states`,
);
const genMs = buildLedger(runDir);
console.log(
  `ledger built in ${(genMs / 1000).toFixed(1)} s (${mb(statSync(join(runDir, "ledger.sqlite")).size)})`,
);
const readMs = rawRead(runDir);
console.log(`baseline: raw ledger read and JSON parse ${(readMs / 1000).toFixed(2)} s`);
const t0 = performance.now();
const rep = writeRunReport(runDir);
const repMs = performance.now() - t0;
console.log(
  `report: ${(repMs / 1000).toFixed(2)} s; index ${mb(statSync(rep.out).size)}, ${rep.tasks} task pages ${mb(dirSize(rep.filesDir))}`,
);

if (hasChromium) {
  const b = await launch();
  try {
    const blank = join(work, "blank.html");
    writeFileSync(blank, "<!doctype html><title>x</title><p>x</p>");
    await (await visit(b, blank)).page.close(); // warm-up
    const base = await visit(b, blank);
    await base.page.close();
    const index = await visit(b, rep.out);
    const errors = [...index.errors];
    await index.page.close();
    const pages = readdirSync(rep.filesDir);
    const taskLoads: number[] = [];
    for (const p of [pages[0]!, pages[Math.floor(pages.length / 2)]!, pages.at(-1)!]) {
      const v = await visit(b, join(rep.filesDir, p));
      taskLoads.push(v.gotoMs);
      errors.push(...v.errors);
      await v.page.close();
    }
    console.log(
      `chromium: minimal page ${base.gotoMs.toFixed(0)} ms; index ${index.gotoMs.toFixed(0)} ms (load event ${index.loadMs.toFixed(0)} ms)`,
    );
    console.log(
      `chromium: task pages ${taskLoads.map((x) => x.toFixed(0)).join(", ")} ms; console errors: ${errors.length}`,
    );
  } finally {
    await b.close();
  }
} else console.log("chromium: /usr/bin/chromium missing, page load not measured");

if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
console.log(`ratio: ${(repMs / readMs).toFixed(2)}`);
