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
} from "../src/prompt/prompt.js";
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
    expect(p.coverage).toEqual({ score: 0.625, line: 0.7, branch: 0.55, toggle: 0.625, expression: null });
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
    // Families take turns, so every one of the 10 lines makes it beside the toggles.
    expect(p.uncovered.filter((u) => u.kind === "line")).toHaveLength(10);
  });

  it("shows ranges and names with their own brackets, no stray backslash (issue 12)", () => {
    const unc: UncoveredPoint[] = [
      {
        ...point(66, "line", "function incr_vec_10: never entered", "function automatic void incr_vec_10();"),
        endLine: 79,
        scope: "function incr_vec_10",
      },
      point(3, "toggle", "current_disparity[1]: never 1->0", "logic [1:0] current_disparity;"),
      point(
        8,
        "expression",
        "((cnt[3:0] == 4'hF)==1 && en==0) => 0",
        "if (cnt[3:0] == 4'hF && en) wrap <= 1;",
      ),
      point(9, "fsm_arc", "state: IDLE->RUN never taken", "case (state)"),
    ];
    const msgs = buildMemorylessPrompt({ repo, testbench: TB, result: result("pass", unc) });
    const fb = msgs.at(-1)?.content ?? "";
    expect(fb).toContain(
      "L66-79 line [function incr_vec_10: never entered]: function automatic void incr_vec_10();",
    );
    expect(fb).toContain("L3 toggle [current_disparity[1]: never 1->0]: logic [1:0] current_disparity;");
    expect(fb).not.toContain("\\");
    const p = parsePromptForPolicy(msgs);
    expect(p.uncovered.map((u) => [u.line, u.endLine, u.kind, u.detail])).toEqual([
      [3, undefined, "toggle", "current_disparity[1]: never 1->0"],
      [8, undefined, "expression", "((cnt[3:0] == 4'hF)==1 && en==0) => 0"],
      [9, undefined, "fsm_arc", "state: IDLE->RUN never taken"],
      [66, 79, "line", "function incr_vec_10: never entered"],
    ]);
  });

  it("still reads uncovered points stored in the old escaped form", () => {
    const old = "```text\nL12 toggle [current_disparity[1\\]]: logic [1:0] current_disparity;\n```";
    const msgs = buildMemorylessPrompt({ repo, testbench: TB, result: result("pass") });
    const last = msgs.at(-1)!;
    const fb = last.content.replace(
      "### Uncovered DUT points\nnone",
      `### Uncovered DUT points (1 of 1 shown)\n#### rtl/counter.sv\n${old}`,
    );
    const p = parsePromptForPolicy([...msgs.slice(0, -1), { ...last, content: fb }]);
    expect(p.uncovered).toEqual([
      {
        file: "rtl/counter.sv",
        line: 12,
        kind: "toggle",
        detail: "current_disparity[1]",
        source: "logic [1:0] current_disparity;",
      },
    ]);
  });

  it("gives every function a place before repeating one (196 points in uncalled functions)", () => {
    const unc: UncoveredPoint[] = Array.from({ length: 196 }, (_, i) => ({
      ...point(10 + i, "line", `function f${Math.floor(i / 14)}: never entered`, `x${i}`),
      scope: `function f${Math.floor(i / 14)}`,
    }));
    const p = parsePromptForPolicy(
      buildMemorylessPrompt({ repo, testbench: TB, result: result("pass", unc) }),
    );
    expect(p.uncovered).toHaveLength(MAX_UNCOVERED);
    expect(new Set(p.uncovered.map((u) => u.detail)).size).toBe(14);
  });

  it("shows the modern families, and says so when every target is met", () => {
    const r = result("pass", [point(9, "fsm_state", "state: state DONE never entered", "case (state)")], {
      targets: [{ inst_name: "dut", target: 60, achieved: 62.5, met: true }],
      targetsMet: true,
    });
    r.coverage = { ...r.coverage!, expression: 0.5, fsm: { score: 0.6, state: 0.75, arc: 0.5 }, user: 1 };
    const fb = buildMemorylessPrompt({ repo, testbench: TB, result: r }).at(-1)?.content ?? "";
    expect(fb).toContain("- Expression: 50.0%");
    expect(fb).toContain("- FSM: states 75.0%, arcs 50.0%");
    expect(fb).toContain("- Cover properties: 100.0%");
    expect(fb).toContain("Every coverage target is met (`dut` 62.5% >= 60%)");
    expect(fb).not.toContain("Raise coverage");
    const p = parsePromptForPolicy(buildMemorylessPrompt({ repo, testbench: TB, result: r }));
    expect(p.coverage?.expression).toBe(0.5);
    // Without targets met, the usual instruction.
    const open = buildMemorylessPrompt({
      repo,
      testbench: TB,
      result: result("pass", [point(3, "line", "", "x")]),
    });
    expect(open.at(-1)?.content).toContain("Raise coverage");
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
