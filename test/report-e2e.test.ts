// Reports built from real runs: the built-in policy evaluated (real Verilator, real SQLite) on
// three bundled designs in two settings (direct; agentic with the rule block), plus an Icarus
// run on a smaller task set that the comparison must flag. Headless Chromium renders the pages.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEval, type EvalSummary } from "../src/agent/eval.js";
import { RULES_BEGIN } from "../src/prompt/prompt.js";
import { rulesBlock } from "../src/prompt/rules.js";
import { main } from "../src/cli/main.js";
import { LocalExecutor } from "../src/exec/local.js";
import { BuiltinProvider } from "../src/llm/builtin/policy.js";
import { writeComparison, writeRunReport } from "../src/report/write.js";
import { hasChromium, launch, pixelVariance, visit, CHROMIUM } from "./report-browser.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-report-test-"));
const exec = new LocalExecutor({ slots: 2 });
const DESIGNS = ["llm4cov_ex_counter", "llm4cov_ex_pwm", "llm4cov_ex_uart_tx"];
const runs: Record<"direct" | "agentic" | "icarus", { dir: string; summary: EvalSummary }> = {} as never;

function dataset(ids: string[], name: string): string {
  const rows = readFileSync(join(root, "examples", "designs.jsonl"), "utf8")
    .split("\n")
    .filter((l) => ids.some((id) => l.includes(`"id":"${id}"`) || l.includes(`"id": "${id}"`)));
  expect(rows).toHaveLength(ids.length);
  const path = join(tmp, name);
  writeFileSync(path, rows.join("\n") + "\n");
  return path;
}

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "llm4cov", ...args], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTTY: false,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Uncovered points of a stored state, from the ledger itself. */
function uncoveredOf(runDir: string, stateId: string): { kind: string; file: string; line: number }[] {
  const db = new Database(join(runDir, "ledger.sqlite"), { readonly: true });
  try {
    const r = db.prepare("SELECT result_json FROM states WHERE state_id = ?").get(stateId) as {
      result_json: string;
    };
    return JSON.parse(r.result_json).coverage?.uncovered ?? [];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const ds = dataset(DESIGNS, "three.jsonl");
  const llm = new BuiltinProvider();
  for (const [key, input] of [
    ["direct", { dataset: ds, mode: "direct", samples: 2, rules: true }],
    ["agentic", { dataset: ds, mode: "agentic", rounds: 1, samples: 2, rules: true }],
    ["icarus", { dataset: ds, mode: "direct", samples: 2, simulator: "icarus", limit: 2 }],
  ] as const) {
    const dir = join(tmp, key);
    const summary = await runEval(input, { runDir: dir, llm, exec, progress: null });
    runs[key] = { dir, summary };
  }
}, 300_000);
afterAll(() => {
  exec.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("run report", () => {
  it("eval writes report.html and one page per task, every task present", () => {
    for (const key of ["direct", "agentic"] as const) {
      const { dir, summary } = runs[key];
      const html = readFileSync(join(dir, "report.html"), "utf8");
      expect(summary.tasks).toBe(DESIGNS.length);
      const pages = readdirSync(join(dir, "report-files"));
      expect(pages).toHaveLength(DESIGNS.length);
      for (const id of DESIGNS) {
        expect(html).toContain(`>${id}</a>`);
        const page = pages.find((p) =>
          readFileSync(join(dir, "report-files", p), "utf8").includes(`<h1>${id}</h1>`),
        );
        expect(page, `task page of ${id}`).toBeDefined();
        expect(html).toContain(`href="report-files/${page}"`);
      }
      // Header: model, simulator version from the results, dataset hash from the identity.
      expect(html).toContain("llm4cov-builtin");
      expect(html).toMatch(/verilator \d+\.\d+/);
      const identity = JSON.parse(
        (
          new Database(join(dir, "ledger.sqlite"), { readonly: true })
            .prepare("SELECT value FROM meta WHERE key='config'")
            .get() as { value: string }
        ).value,
      );
      const hash = identity.dataset?.sha256;
      if (typeof hash === "string") expect(html).toContain(hash.slice(0, 16));
      // pass@k for every k <= n (n = 2).
      expect(html).toContain("<th>pass@1</th><th>pass@2</th>");
    }
  });

  it("the RTL view marks the uncovered lines of the chosen state, naming the family", () => {
    const { dir } = runs.direct;
    let checked = 0;
    for (const p of readdirSync(join(dir, "report-files"))) {
      const html = readFileSync(join(dir, "report-files", p), "utf8");
      const chosen = /<option value="([^"]+)" selected>/.exec(html)![1]!;
      const files = [
        ...html.matchAll(/<h3 class="mono">([^<]+)<\/h3><div class="code-wrap"><table class="code rtl">/g),
      ].map((m) => m[1]!);
      const unc = uncoveredOf(dir, chosen);
      for (const u of unc) {
        const fi = files.indexOf(u.file);
        expect(fi, `${u.file} shown`).toBeGreaterThanOrEqual(0);
        const row = new RegExp(
          `<tr data-f="${fi}" data-l="${u.line}" class="(unc|unc-weak)" title="([^"]*)"`,
        ).exec(html);
        expect(row, `${p}: line ${u.line} marked`).not.toBeNull();
        expect(row![2]).toContain(`${u.kind}:`);
        checked++;
      }
      // Lines without uncovered points stay unmarked.
      const markedLines = [...html.matchAll(/<tr data-f="(\d+)" data-l="(\d+)" class="unc/g)].map(
        (m) => `${m[1]}:${m[2]}`,
      );
      const expected = new Set(unc.map((u) => `${files.indexOf(u.file)}:${u.line}`));
      expect(new Set(markedLines)).toEqual(expected);
    }
    expect(checked, "some direct-mode state leaves points uncovered").toBeGreaterThan(0);
  });

  it("task pages hold the testbench, feedback and prompts, never the rule block", () => {
    const { dir } = runs.agentic;
    const firstRule = rulesBlock("verilator").split("\n")[1]!;
    let feedback = 0;
    for (const p of readdirSync(join(dir, "report-files"))) {
      const html = readFileSync(join(dir, "report-files", p), "utf8");
      expect(html).toContain("<h3>Testbench</h3>");
      expect(html).toContain('<span class="k">module</span>');
      expect(html).toContain("Prompt messages of this LLM call");
      expect(html).not.toContain(RULES_BEGIN);
      expect(html).not.toContain(firstRule.slice(0, 40).replace(/[&<>"']/g, ""));
      if (html.includes("<h3>Feedback the model was given</h3><pre>## Simulation result")) feedback++;
    }
    expect(feedback).toBeGreaterThan(0);
  });

  it("rebuilding replaces the task pages and leaves no temporary files", () => {
    const { dir } = runs.direct;
    writeRunReport(dir);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
    expect(readdirSync(join(dir, "report-files"))).toHaveLength(DESIGNS.length);
  });
});

describe("comparison", () => {
  it("rows match summary.json, direct and agentic side by side", () => {
    const c = writeComparison([runs.direct.dir, runs.agentic.dir], { format: "csv" });
    const [head, ...rows] = c
      .text!.trim()
      .split("\n")
      .map((l) => l.split(","));
    expect(rows).toHaveLength(1); // same model and tasks: one row
    expect(c.flags).toEqual([]);
    for (const mode of ["direct", "agentic"] as const) {
      const m = runs[mode].summary.metrics;
      for (const [key, name] of [
        ["cov_pass", "Cov Pass"],
        ["avg_cov", "Avg Cov"],
        ["sim_pass", "Sim Pass"],
      ] as const) {
        const at1 = head!.indexOf(`${mode} ${name} pass@1`);
        const atk = head!.indexOf(`${mode} ${name} pass@2`);
        expect(Number(rows[0]![at1])).toBeCloseTo(m[key].at1, 4);
        expect(Number(rows[0]![atk])).toBeCloseTo(m[key].atk, 4);
      }
    }
    const md = writeComparison([runs.direct.dir, runs.agentic.dir], { format: "md" }).text!;
    expect(md).toContain(
      `| llm4cov-builtin | ${(runs.agentic.summary.metrics.cov_pass.at1 * 100).toFixed(1)}%`,
    );
    const tex = writeComparison([runs.direct.dir, runs.agentic.dir], { format: "latex" }).text!;
    expect(tex).toContain("\\multicolumn{6}{c}{Agentic} & \\multicolumn{6}{c}{Direct}");
  });

  it("flags runs on another simulator and another task set", () => {
    const out = join(tmp, "cmp.html");
    const c = writeComparison([runs.direct.dir, runs.icarus.dir, runs.agentic.dir], { out });
    expect(c.flags.some((f) => /Different simulators or versions/.test(f) && f.includes("icarus"))).toBe(
      true,
    );
    expect(c.flags.some((f) => /Different datasets or task sets/.test(f))).toBe(true);
    const html = readFileSync(out, "utf8");
    expect(html).toContain('class="flag"');
    expect(html).toContain("Per-task win / loss");
    expect(html.match(/<polyline/g)!.length).toBe(2 * 3); // two charts, one curve per run
    // Per-task cells link to each run's task page, and the links resolve.
    const hrefs = [...html.matchAll(/<a href="([^"]+-files\/task-\d+\.html)">/g)].map((m) => m[1]!);
    expect(hrefs.length).toBe(2 * 3); // two tasks common to all three runs
    for (const h of hrefs) expect(existsSync(join(tmp, h)), h).toBe(true);
  });

  it("the CLI writes reports and tables; bad input exits 2 with one line", async () => {
    const md = await cli("report", runs.direct.dir, runs.agentic.dir, "--format", "md");
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^\| model \| agentic Cov Pass pass@1/);
    const one = await cli("report", runs.agentic.dir, "--out", join(tmp, "agentic-copy.html"));
    expect(one.code).toBe(0);
    expect(existsSync(join(tmp, "agentic-copy-files"))).toBe(true);
    const missing = await cli("report", join(tmp, "nope"));
    expect(missing.code).toBe(2);
    expect(missing.err.split("\n")).toHaveLength(1);
    expect(missing.err).toMatch(/nope: no ledger\.sqlite here/);
    const badFormat = await cli("report", runs.direct.dir, "--format", "pdf");
    expect(badFormat.code).toBe(2);
    const badBase = await cli("report", runs.direct.dir, runs.agentic.dir, "--baseline", runs.icarus.dir);
    expect(badBase.code).toBe(2);
    expect(badBase.err).toMatch(/--baseline .*icarus is not one of the evaluation runs compared/);
    const based = await cli(
      "report",
      runs.direct.dir,
      runs.icarus.dir,
      "--format",
      "md",
      "--baseline",
      runs.direct.dir,
    );
    expect(based.code).toBe(0);
    expect(based.out).toMatch(/\((\+|−)\d+\.\d\)/);
  });
});

describe("synthesis run", () => {
  it("synth writes its report: stage settings, candidate decisions, task pages with candidates", async () => {
    const stage = join(tmp, "stage.yaml");
    writeFileSync(
      stage,
      [
        "stage: 0",
        "teacher: { kind: builtin }",
        "state_model: teacher",
        "transition_model: teacher",
        `drafts: { from_run: ${JSON.stringify(runs.agentic.dir)} }`,
        "k: 1",
        "min_coverage: 0",
      ].join("\n") + "\n",
    );
    const out = join(tmp, "synth");
    const r = await cli("synth", "--config", stage, "--out", out, "--slots", "2");
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("<h2>Synthesis</h2>");
    expect(html).toContain("Candidate decisions");
    expect(html).toContain("full_teacher");
    const pages = readdirSync(join(out, "report-files"));
    expect(pages.length).toBeGreaterThan(0);
    const page = readFileSync(join(out, "report-files", pages[0]!), "utf8");
    expect(page).toMatch(/sample 0 candidate c0: /);
    expect(page).toMatch(/<td class="l">(accepted|[a-z_ ]+)<\/td><\/tr>/);
    // A synthesis run is not an evaluation: the comparison leaves it out, with a note.
    const c = writeComparison([runs.agentic.dir, out], { format: "md" });
    expect(c.text).not.toContain("synth");
  }, 180_000);
});

describe.skipIf(!hasChromium)(`in headless Chromium (${CHROMIUM})`, () => {
  it("renders the report and a task page: not blank, no console errors, RTL marks follow the state picker", async () => {
    const b = await launch();
    try {
      const dir = runs.direct.dir;
      const index = await visit(b, join(dir, "report.html"));
      expect(index.errors).toEqual([]);
      expect(await pixelVariance(b, await index.page.screenshot())).toBeGreaterThan(100);
      await index.page.click(`text=${DESIGNS[0]}`);
      await index.page.waitForSelector("#rtl-state");
      expect(index.errors).toEqual([]);
      const task = index.page;
      expect(await pixelVariance(b, await task.screenshot({ fullPage: true }))).toBeGreaterThan(100);
      // Pick each state in turn: the marked rows are those of its result.
      const options = await task.$$eval("#rtl-state option", (os) =>
        os.map((o) => (o as HTMLOptionElement).value),
      );
      for (const id of options) {
        await task.selectOption("#rtl-state", id);
        const marked = await task.$$eval("tr.unc, tr.unc-weak", (rs) =>
          rs.map((r) => (r as HTMLElement).dataset.l),
        );
        const want = new Set(uncoveredOf(dir, id).map((u) => String(u.line)));
        expect(new Set(marked)).toEqual(want);
      }
      const cmp = await visit(b, join(tmp, "cmp.html"));
      expect(cmp.errors).toEqual([]);
      expect(await pixelVariance(b, await cmp.page.screenshot())).toBeGreaterThan(100);
    } finally {
      await b.close();
    }
  }, 120_000);
});
if (!hasChromium)
  it.skip(`Chromium rendering: ${CHROMIUM} is missing (apt-get install -y chromium)`, () => {});
