// Every rule id the EDA pipeline can put on a diagnostic must be a documented rule, so the
// feedback prompt can print its text.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleById, RULES, rulesBlock } from "../src/agent/rules.js";

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
});
