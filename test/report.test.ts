import { describe, expect, it } from "vitest";
import { barChart, evalReportHtml, lineChart } from "../src/report/html-report.js";
import { formatEvalSummary } from "../src/report/eval-table.js";
import { computeMetrics } from "../src/metrics/summary.js";
import type { EvalSummary } from "../src/agent/eval.js";

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
const summary: EvalSummary = {
  ...metrics,
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
};

describe("reports", () => {
  it("plots one point per round cap and one bar per task, escaping names", () => {
    const html = evalReportHtml(summary);
    expect(html.match(/<svg/g)).toHaveLength(2);
    const poly = /<polyline[^>]*points="([^"]+)"/.exec(html)![1]!;
    expect(poly.trim().split(" ")).toHaveLength(2);
    expect(html).toContain("t&lt;1&gt;");
    expect(html).not.toContain("t<1>");
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
