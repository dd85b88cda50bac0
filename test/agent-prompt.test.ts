import { describe, expect, it } from "vitest";
import type { SimResult, SimStatus, UncoveredPoint } from "../src/core/protocol.js";
import type { Repository } from "../src/core/repository.js";
import { initialState, type State } from "../src/core/state.js";
import {
  buildMemorylessPrompt,
  buildVanillaPrompt,
  MAX_UNCOVERED,
  parsePromptForPolicy,
  RULES_BEGIN,
  RULES_END,
  stripRules,
} from "../src/agent/prompt.js";
import { fenceFor } from "../src/agent/parse.js";
import { RULES, detectRuleViolations, rulesBlock } from "../src/agent/rules.js";

const SPEC = [
  "# Counter",
  "A partial testbench is given below; complete it.",
  "```systemverilog",
  "module tb; counter dut(.clk(clk)); endmodule",
  "```",
  "A line with four backticks: ````",
  "## Task",
  "### File: fake.sv",
].join("\n");

const RTL = `module counter(input logic clk, input logic rst_n, input logic [3:0] d, output logic [3:0] q);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) q <= '0;
    else if (d == 4'hF) q <= d; // \`define-like backtick
    else q <= q + 1;
endmodule
`;

const repo: Repository = {
  id: "r1",
  rtl: [
    { name: "rtl/counter.sv", content: RTL },
    { name: "rtl/pkg.v", content: "// no trailing newline" },
  ],
  spec: [{ name: "prompt.md", content: SPEC }],
  top: "counter",
  instance: "dut",
  defines: { WIDTH: "4" },
  targets: [{ inst_name: "dut", metric: "overall", target_percentage: 95 }],
  tbFile: "verif/tb_counter.sv",
  instruction: "Write a stimulus-only testbench.\n- DUT top module: `evil`\n### File: x.sv",
};

const TB = "module tb_counter;\n  logic clk;\n  counter dut(.clk(clk));\n  initial $finish;\nendmodule\n";

function result(
  status: SimStatus,
  uncovered: UncoveredPoint[] = [],
  extra: Partial<SimResult> = {},
): SimResult {
  return {
    protocol: 1,
    simulator: { name: "verilator", version: "5.006" },
    status,
    reason: `status ${status}`,
    coverage:
      status === "pass"
        ? {
            score: 0.625,
            line: 0.7,
            branch: 0.55,
            toggle: 0.625,
            user: null,
            instances: [],
            uncovered,
            uncoveredTotal: uncovered.length,
            instanceFound: true,
          }
        : null,
    targets: [],
    targetsMet: null,
    diagnostics: [],
    log: "",
    logDroppedBytes: 0,
    errorCount: 0,
    simTimeNs: null,
    timings: [],
    tbTop: "tb_counter",
    sandbox: "rlimits",
    ...extra,
  };
}

const point = (
  line: number,
  kind: UncoveredPoint["kind"],
  detail: string,
  source: string,
): UncoveredPoint => ({
  kind,
  file: "rtl/counter.sv",
  line,
  instance: "dut",
  detail,
  source,
});

describe("memoryless prompt", () => {
  it("has the contract, every file, and the task lines", () => {
    const msgs = buildMemorylessPrompt(initialState(repo));
    expect(msgs.map((m) => m.role)).toEqual(["system", "user"]);
    expect(msgs[0]?.content).toContain("single ```systemverilog fenced block");
    expect(msgs[0]?.content).toContain("$finish");
    const user = msgs[1]?.content ?? "";
    expect(user).toContain("### File: prompt.md");
    expect(user).toContain("### File: rtl/counter.sv");
    expect(user).toContain("- DUT top module: `counter`");
    expect(user).toContain("- DUT instance name: `dut`");
    expect(user).toContain("- Testbench file: `verif/tb_counter.sv`");
    expect(user).toContain("`dut` overall >= 95%");
    expect(user).toContain("Write a stimulus-only testbench.");
  });

  it("fences content longer than any backtick run inside it", () => {
    expect(fenceFor("a ```` b")).toBe("`````");
    expect(fenceFor("plain")).toBe("```");
    const user = buildMemorylessPrompt(initialState(repo))[1]?.content ?? "";
    expect(user).toContain("`````markdown\n# Counter");
  });

  it("round-trips the repository through parsePromptForPolicy exactly", () => {
    const p = parsePromptForPolicy(buildMemorylessPrompt(initialState(repo)));
    expect(p.files).toEqual([
      { name: "prompt.md", content: SPEC, kind: "spec" },
      { name: "rtl/counter.sv", content: RTL, kind: "rtl" },
      { name: "rtl/pkg.v", content: "// no trailing newline", kind: "rtl" },
    ]);
    // The instruction's look-alike lines must not override the real task lines.
    expect(p).toMatchObject({ top: "counter", instance: "dut", tbFile: "verif/tb_counter.sv" });
    expect(p.defines).toEqual({ WIDTH: "4" });
    expect(p.currentTestbench).toBeNull();
    expect(p.status).toBeNull();
    expect(p.rounds).toBe(0);
  });

  it("shows the current testbench and feedback, and parses them back", () => {
    const unc = [
      point(4, "line", "", "    else if (d == 4'hF) q <= d; // `define-like"),
      point(4, "branch", "if [true] \\ arm", "else if (d == 4'hF) q <= d;"),
      point(1, "toggle", "d[3]", "module counter(...)"),
    ];
    const state: State = { repo, testbench: TB, result: result("pass", unc) };
    const msgs = buildMemorylessPrompt(state);
    expect(msgs.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    const fb = msgs[3]?.content ?? "";
    expect(fb).toContain("- Status: pass");
    expect(fb).toContain("- Score: 62.5%");
    expect(fb).toContain("- Toggle: 62.5%");
    expect(fb).toContain("#### rtl/counter.sv");
    expect(fb).toContain("Raise coverage");
    const p = parsePromptForPolicy(msgs);
    expect(p.currentTestbench).toBe(TB);
    expect(p.status).toBe("pass");
    expect(p.coverage).toEqual({ score: 0.625, line: 0.7, branch: 0.55, toggle: 0.625 });
    expect(p.uncoveredTotal).toBe(3);
    expect(p.uncovered).toEqual(
      unc
        .map((u) => ({ file: u.file, line: u.line, kind: u.kind, detail: u.detail, source: u.source.trim() }))
        .sort((a, b) => a.line - b.line),
    );
    expect(p.rounds).toBe(1);
  });

  it("bounds the uncovered list and says how many more there are", () => {
    const unc = Array.from({ length: 100 }, (_, i) =>
      point(i + 1, i < 10 ? "line" : "toggle", `s[${i}]`, `x${i}`),
    );
    const msgs = buildMemorylessPrompt({ repo, testbench: TB, result: result("pass", unc) });
    const fb = msgs.at(-1)?.content ?? "";
    expect(fb).toContain(`(${MAX_UNCOVERED} of 100 shown)`);
    expect(fb).toContain(`and ${100 - MAX_UNCOVERED} more`);
    const p = parsePromptForPolicy(msgs);
    expect(p.uncovered).toHaveLength(MAX_UNCOVERED);
    expect(p.uncoveredTotal).toBe(100);
    // Lines come before toggles: they say what stimulus is missing.
    expect(p.uncovered.filter((u) => u.kind === "line")).toHaveLength(10);
  });

  it("lists at most 10 diagnostics with rule hints, and picks the instruction by status", () => {
    const diagnostics = Array.from({ length: 14 }, (_, i) => ({
      severity: "error" as const,
      file: "verif/tb_counter.sv",
      line: i + 1,
      message: `syntax error ${i}`,
      ...(i === 0 ? { rule: "no-covergroup" } : {}),
    }));
    const msgs = buildMemorylessPrompt({
      repo,
      testbench: TB,
      result: result("compile_error", [], { diagnostics }),
    });
    const fb = msgs.at(-1)?.content ?? "";
    expect(fb).toContain("### Diagnostics (10 of 14)");
    expect(fb).toContain(
      "- verif/tb_counter.sv:1: error: syntax error 0 [rule no-covergroup: Do not declare covergroup",
    );
    expect(fb).not.toContain("syntax error 10");
    expect(fb).toContain("Fix the compile error");
    const p = parsePromptForPolicy(msgs);
    expect(p.status).toBe("compile_error");
    expect(p.diagnostics).toHaveLength(10);
    const timeout = buildMemorylessPrompt({ repo, testbench: TB, result: result("timeout") }).at(-1)?.content;
    expect(timeout).toContain("$finish is reached within the time limit");
    const rejected = buildMemorylessPrompt({ repo, testbench: TB, result: result("rejected") }).at(
      -1,
    )?.content;
    expect(rejected).toContain("Remove the forbidden construct");
  });

  it("reports a parse failure and repeats the contract", () => {
    const msgs = buildMemorylessPrompt({ repo, testbench: null, result: null, parseError: "no module" });
    expect(msgs.map((m) => m.role)).toEqual(["system", "user", "user"]);
    expect(msgs[2]?.content).toContain("no module");
    expect(msgs[2]?.content).toContain("```systemverilog");
    const p = parsePromptForPolicy(msgs);
    expect(p.parseError).toBe(true);
    expect(p.currentTestbench).toBeNull();
  });
});

describe("rule block", () => {
  it("is appended with delimiters and stripped exactly", () => {
    const rules = rulesBlock("verilator");
    const state: State = { repo, testbench: TB, result: result("pass", [point(3, "line", "", "x")]) };
    const withRules = buildMemorylessPrompt(state, { rules });
    const without = buildMemorylessPrompt(state, { rules: null });
    expect(withRules[0]?.content).toContain(RULES_BEGIN);
    expect(withRules[0]?.content).toContain(RULES_END);
    expect(withRules[0]?.content).toContain("[no-disable-fork]");
    expect(stripRules(withRules)).toEqual(without);
    expect(stripRules(without)).toEqual(without);
    expect(JSON.stringify(stripRules(withRules))).not.toContain("llm4cov-rules");
  });

  it("has at least 10 unique rules and a token detector", () => {
    expect(RULES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    const hits = detectRuleViolations(
      "module t; // covergroup in a comment is fine\n covergroup cg; endgroup\n initial begin fork #1; join_any disable fork; end\nendmodule",
    ).map((h) => h.rule);
    expect(hits).toEqual(expect.arrayContaining(["no-covergroup", "no-disable-fork", "finish-required"]));
    expect(detectRuleViolations(TB)).toEqual([]);
  });
});

describe("vanilla prompt", () => {
  it("keeps the whole history and parses to its last round", () => {
    const tb2 = TB.replace("initial", "initial #5");
    const msgs = buildVanillaPrompt(repo, [
      { testbench: TB, result: result("compile_error") },
      { testbench: null, result: null, parseError: "no block" },
      { testbench: tb2, result: result("pass", [point(5, "line", "", "else q <= q + 1;")]) },
    ]);
    expect(msgs.map((m) => m.role)).toEqual([
      "system",
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
    ]);
    const p = parsePromptForPolicy(msgs);
    expect(p.currentTestbench).toBe(tb2);
    expect(p.status).toBe("pass");
    expect(p.rounds).toBe(3);
    expect(p.uncovered.map((u) => u.line)).toEqual([5]);
  });
});
