import { describe, expect, it } from "vitest";
import { barChart, lineChart } from "../src/report/html-report.js";
import { formatEvalSummary } from "../src/report/eval-table.js";
import { computeMetrics, type SampleRounds } from "../src/metrics/summary.js";
import type { EvalSummary } from "../src/metrics/eval-summary.js";
import { highlightLines } from "../src/report/sv-highlight.js";
import {
  BaselineError,
  comparisonCsv,
  comparisonLatex,
  comparisonMarkdown,
  compareRuns,
} from "../src/report/compare.js";
import type { RunOverview } from "../src/report/run-data.js";
import { taskPageHtml } from "../src/report/task-page.js";
import { runPageHtml } from "../src/report/run-page.js";

const metrics = computeMetrics([
  {
    taskId: "t<1>",
    sampleIndex: 0,
    rounds: [
      { round: 0, score: 0.5, simPass: true, covPass: false },
      { round: 1, score: 0.9, simPass: true, covPass: true },
    ],
  },
  { taskId: "t2", sampleIndex: 0, rounds: [{ round: 0, score: 0, simPass: false, covPass: false }] },
]);
// Cast: the summary's identity fields (workflow, dataset) grow with the run identity.
const summary = {
  ...metrics,
  workflow: { name: "agentic", version: "1" },
  stop_when: "full",
  run_dir: "/runs/x",
  mode: "agentic",
  samples_done: 2,
  samples_failed: 0,
  failures: [],
  tokens: { prompt: 10, completion: 5 },
  cost_usd: null,
  llm: { calls: 3, retries: 1, failed: 0, truncated: 0 },
  sim: { jobs: 3, seconds: 2 },
  wall_seconds: 4,
} as EvalSummary;

describe("reports", () => {
  it("plots one point per round cap, escaping names", () => {
    const svg = lineChart("x", "r", [
      { name: "a<b>", color: "#000", values: summary.per_round.map((r) => r.avg_cov) },
    ]);
    const poly = /<polyline[^>]*points="([^"]+)"/.exec(svg)![1]!;
    expect(poly.trim().split(" ")).toHaveLength(2);
    expect(svg).toContain("a&lt;b&gt;");
    expect(svg).not.toContain("a<b>");
  });
  it("scales values into the plot area", () => {
    const svg = lineChart("x", "r", [{ name: "a", color: "#000", values: [0, 1] }], 300, 200);
    const pts = /points="([^"]+)"/
      .exec(svg)![1]!
      .split(" ")
      .map((p) => p.split(",").map(Number));
    expect(pts[0]![1]).toBeGreaterThan(pts[1]![1]!); // 0 is drawn below 1
    expect(barChart("b", [{ label: "l", value: 0.5, target: 0.9 }])).toContain("target 90.0%");
  });
  it("the summary table says cost is unknown rather than zero", () => {
    const text = formatEvalSummary(summary);
    expect(text).toMatch(/cost unknown/);
    expect(text).toMatch(/Cov Pass\s+50\.0%/);
  });
});

describe("syntax colouring", () => {
  it("one HTML line per source line; comments across lines closed per line; text escaped", () => {
    const src = 'module m; /* a\nb */ logic x = 8\'hFF;\n  initial $display("<hi>");\nendmodule';
    const lines = highlightLines(src);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('<span class="k">module</span>');
    expect(lines[0]).toContain('<span class="c">/* a</span>');
    expect(lines[1]).toContain('<span class="c">b */</span>');
    expect(lines[1]).toContain('<span class="num">8&#39;hFF</span>');
    expect(lines[2]).toContain('<span class="sys">$display</span>');
    expect(lines[2]).toContain("&lt;hi&gt;");
    expect(lines.join("")).not.toMatch(/<hi>/);
  });
});

function fakeRun(name: string, o: Partial<RunOverview> & { samples?: SampleRounds[] } = {}): RunOverview {
  const m = computeMetrics(
    o.samples ?? [
      { taskId: "a", sampleIndex: 0, rounds: [{ round: 0, score: 0.5, simPass: true, covPass: false }] },
      { taskId: "a", sampleIndex: 1, rounds: [{ round: 0, score: 1, simPass: true, covPass: true }] },
    ],
  );
  return {
    runDir: `/runs/${name}`,
    name,
    kind: "eval",
    config: { rules: false },
    model: "m1",
    workflow: "agentic v1",
    setting: "agentic",
    mode: "agentic",
    rounds: 3,
    samplesPerTask: 2,
    simulator: "verilator",
    simulatorVersions: ["5.048"],
    datasetHash: "d".repeat(64),
    datasetPath: "/data/x.jsonl",
    tasksHash: "t1",
    createdAt: null,
    wallSeconds: 1,
    tokens: { prompt: 0, completion: 0 },
    costUsd: null,
    llmCalls: 0,
    llmFailed: 0,
    simJobs: 0,
    simSeconds: 0,
    metrics: m,
    atK: [],
    families: [],
    statusAll: [],
    statusFinal: [],
    diagnostics: [],
    rules: [],
    samplesFailed: [],
    tasks: m.per_task.map((t, i) => ({
      task_id: t.task_id,
      seq: i,
      source: null,
      samples: t.samples,
      failed: 0,
      cov_pass: t.cov_pass,
      sim_pass: t.sim_pass,
      best: t.best_cov,
      mean: t.mean_cov,
      finals: [],
      page: `task-${i}.html`,
    })),
    synth: null,
    ...o,
  };
}

describe("comparison table", () => {
  it("puts direct and agentic runs of one setting in one row, other models in their own", () => {
    const c = compareRuns([
      fakeRun("ag"),
      fakeRun("di", { setting: "direct", workflow: "direct v1", mode: "direct" }),
      fakeRun("other", { model: "m_2" }),
    ]);
    expect(c.workflows).toEqual(["agentic", "direct"]);
    expect(c.rows.map((r) => [r.label, [...r.runs.keys()]])).toEqual([
      ["m1", ["agentic", "direct"]],
      ["m_2", ["agentic"]],
    ]);
    expect(c.flags).toEqual([]);
    const md = comparisonMarkdown(c);
    expect(md).toContain("| m1 | 50.0% | 100.0% | 75.0% | 100.0% | 100.0% | 100.0% | 50.0% |");
    expect(md).toContain("| m_2 | 50.0% | 100.0% | 75.0% | 100.0% | 100.0% | 100.0% | – |");
    const tex = comparisonLatex(c);
    expect(tex).toContain("m\\_2 & 50.0\\%");
    expect(tex).toContain("\\cmidrule(lr){2-7}\\cmidrule(lr){8-13}");
    const csv = comparisonCsv(compareRuns([fakeRun("x", { model: 'a,"b"' })]));
    expect(csv.split("\n")[1]).toMatch(/^"a,""b""",\/runs\/x,0\.5000,1\.0000,/);
  });
  it("shows differences to a baseline row in percentage points, like the paper's Table 2", () => {
    const better = [
      { taskId: "a", sampleIndex: 0, rounds: [{ round: 0, score: 1, simPass: true, covPass: true }] },
      { taskId: "a", sampleIndex: 1, rounds: [{ round: 0, score: 1, simPass: true, covPass: true }] },
    ];
    const runs = [fakeRun("base"), fakeRun("tuned", { model: "m2", samples: better })];
    const md = comparisonMarkdown(compareRuns(runs, { baseline: "/runs/base" }));
    expect(md).toContain("| m1 | 50.0% | 100.0% | 75.0% |");
    expect(md).toContain("| m2 | 100.0% (+50.0) | 100.0% (+0.0) | 100.0% (+25.0) |");
    expect(md).toContain("Differences in percentage points to m1.");
    expect(() => compareRuns(runs, { baseline: "/runs/nope" })).toThrow(BaselineError);
  });
  it("flags other simulator versions, task sets and k, and leaves synthesis runs out", () => {
    const c = compareRuns([
      fakeRun("a"),
      fakeRun("b", { simulatorVersions: ["5.006"], tasksHash: "t2", samplesPerTask: 5 }),
      fakeRun("s", { kind: "synth" }),
    ]);
    expect(c.flags.join("\n")).toMatch(
      /Different simulators or versions .*a: verilator 5\.048; b: verilator 5\.006/,
    );
    expect(c.flags.join("\n")).toMatch(/Different datasets or task sets/);
    expect(c.flags.join("\n")).toMatch(/Different samples per task/);
    expect(c.excluded.map((e) => e.run.name)).toEqual(["s"]);
    expect(c.rows).toHaveLength(2);
  });
});

describe("pages escape untrusted names and sources", () => {
  it("a hostile task id and RTL text stay text, and the marks JSON cannot close its script", () => {
    const evil = "<script>alert(1)</script>";
    const run = fakeRun("r", {
      samples: [
        { taskId: evil, sampleIndex: 0, rounds: [{ round: 0, score: 0.5, simPass: true, covPass: false }] },
      ],
    });
    expect(runPageHtml(run, "r-files")).not.toContain(evil);
    const result = {
      status: "pass",
      coverage: {
        uncovered: [{ kind: "line", file: "rtl/x.sv", line: 1, detail: "</script><b>" }],
        uncoveredTotal: 1,
      },
    };
    const html = taskPageHtml({
      run,
      task: run.tasks[0]!,
      repoJson: JSON.stringify({
        id: evil,
        rtl: [{ name: "rtl/x.sv", content: `// ${evil}\nmodule x; endmodule` }],
      }),
      samples: [
        {
          sample_id: "s0",
          task_id: evil,
          sample_index: 0,
          status: "done",
          error: null,
          best_state_id: null,
          best_score: null,
          rounds: 1,
        },
      ],
      states: [
        {
          state_id: "s0:s0",
          sample_id: "s0",
          round: 0,
          testbench: `module tb; // ${evil}\nendmodule`,
          parse_error: null,
          status: "pass",
          score: 0.5,
          sim_pass: 1,
          cov_pass: 0,
          result_json: JSON.stringify(result),
          input_state_id: null,
          call_id: "c",
          model: "m",
          messages_json: JSON.stringify([{ role: "user", content: evil }]),
          answer: null,
          reasoning: null,
          finish_reason: null,
          prompt_tokens: null,
          completion_tokens: null,
          latency_ms: null,
          call_error: null,
          accepted: null,
          reason: null,
          gain: null,
        },
      ],
      indexHref: "../r.html",
    });
    expect(html).not.toContain(evil);
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the marks data block and the page script
    expect(html).toMatch(
      /<tr data-f="0" data-l="1" class="unc" title="uncovered line: &lt;\/script&gt;&lt;b&gt;"/,
    );
  });
});
