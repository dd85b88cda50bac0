// Every rule id the EDA pipeline can put on a diagnostic must be a documented rule, so the
// feedback prompt can print its text.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectRuleViolations, ruleById, RULES, rulesBlock, rulesFor } from "../src/prompt/rules.js";
import { findUnsupportedConstructs, VERILATOR_5006_CONSTRUCTS } from "../src/eda/constructs.js";

function edaRuleIds(): string[] {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".ts"))
        // rule ids are kebab-case literals: `rule: "no-dpi"` or passed to a helper, add(i, "no-dpi", ...)
        for (const m of readFileSync(p, "utf8").matchAll(/"((?:no|max)-[a-z0-9-]+|instance-name)"/g))
          ids.add(m[1]!);
    }
  };
  walk(join(import.meta.dirname, "..", "src", "eda"));
  return [...ids].sort();
}

describe("rule ids", () => {
  it("every id the EDA side emits is in RULES", () => {
    const ids = edaRuleIds();
    expect(ids.length).toBeGreaterThan(12);
    expect(ids.filter((id) => !ruleById(id))).toEqual([]);
  });
  it("ids are unique and every rule appears in the rendered block", () => {
    const seen = RULES.map((r) => r.id);
    expect(new Set(seen).size).toBe(seen.length);
    const block = rulesBlock("verilator");
    for (const r of RULES) expect(block).toContain(r.text);
  });

  it("Verilator 5.048 lifts what it accepts; 5.006 and unknown versions keep the full list", () => {
    expect(rulesFor("verilator").length).toBe(RULES.length);
    expect(rulesFor("verilator", "5.006")).toEqual(RULES);
    expect(rulesFor("icarus", "5.048")).toEqual(RULES);
    const modern = rulesFor("verilator", "5.048");
    const ids = modern.map((r) => r.id);
    for (const lifted of [
      "no-class-randomize-with",
      "no-disable-fork",
      "no-iff-in-event",
      "no-sva-sequences",
      "no-virtual-interface-classes",
    ])
      expect(ids).not.toContain(lifted);
    // A covergroup is accepted and ignored: the rule stays as advice, with no detector.
    const cg = modern.find((r) => r.id === "no-covergroup")!;
    expect(cg.text).toMatch(/ignored/);
    expect(cg.detector).toBeUndefined();
    const block = rulesBlock("verilator", "5.048");
    expect(block).toContain("compiled by Verilator 5.048");
    expect(block).not.toContain("randomize");
    expect(rulesBlock("verilator")).toContain("compiled by Verilator 5.006; it must also compile");
    const tb = "module t; initial begin fork #1; join_none wait fork; $finish; end endmodule";
    expect(detectRuleViolations(tb).map((h) => h.rule)).toContain("no-disable-fork");
    expect(detectRuleViolations(tb, { simulator: "verilator", version: "5.048" })).toEqual([]);
  });

  it("the constructs scan follows the version and names only documented rules", () => {
    for (const c of VERILATOR_5006_CONSTRUCTS) expect(ruleById(c.rule)).toBeDefined();
    const tb = [
      "module t;",
      "  covergroup cg; endgroup",
      "  initial begin",
      "    fork #1; join_none",
      "    wait fork;",
      "    @(posedge clk iff en);",
      "  end",
      "endmodule",
    ].join("\n");
    const old = findUnsupportedConstructs(tb, "tb.sv");
    expect(old.map((d) => `${d.rule}:${d.severity}`).sort()).toEqual([
      "no-covergroup:warning",
      "no-disable-fork:warning",
      "no-iff-in-event:warning",
    ]);
    const modern = findUnsupportedConstructs(tb, "tb.sv", { major: 5, minor: 48 });
    expect(modern).toEqual([
      expect.objectContaining({ rule: "no-covergroup", severity: "info", line: 2, code: "LLM4COV-IGNORED" }),
    ]);
  });
});
