// The example strategies in examples/workflows/, run as a user runs them: `llm4cov eval
// --workflow FILE` with the built-in policy and real simulations; the ledger shows each
// strategy's steps. Also: a .ts workflow through a loader, and the errors for bad files.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const bin = join(root, "bin", "llm4cov");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-wf-examples-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const dataset = (() => {
  const dir = join(tmp, "data");
  mkdirSync(dir, { recursive: true });
  const rows = readFileSync(join(root, "examples", "designs.jsonl"), "utf8")
    .split("\n")
    .filter((l) => /"id":\s*"llm4cov_ex_(counter|uart_tx)"/.test(l));
  const path = join(dir, "two.jsonl");
  writeFileSync(path, rows.join("\n") + "\n");
  return path;
})();

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const r = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      maxBuffer: 1 << 24,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Row {
  sample_id: string;
  round: number;
  input_state_id: string | null;
  output_state_id: string;
  score: number;
  cov_pass: number;
}
function steps(runDir: string): Map<string, Row[]> {
  const db = new Database(join(runDir, "ledger.sqlite"), { readonly: true });
  const rows = db
    .prepare(
      `SELECT t.sample_id, t.round, t.input_state_id, t.output_state_id, s.score, s.cov_pass
       FROM transitions t JOIN states s ON s.state_id = t.output_state_id ORDER BY t.sample_id, t.round`,
    )
    .all() as Row[];
  db.close();
  const by = new Map<string, Row[]>();
  for (const r of rows) by.set(r.sample_id, [...(by.get(r.sample_id) ?? []), r]);
  return by;
}
const better = (a: Row, b: Row) => a.score > b.score;

describe("examples/workflows", () => {
  it("best-of-n-repair: 3 drafts from the empty state, then repairs of the best so far", async () => {
    const out = join(tmp, "best-of-n");
    const r = await cli([
      "eval",
      "--workflow",
      "examples/workflows/best-of-n-repair.js",
      "--dataset",
      dataset,
      "--samples",
      "1",
      "--rounds",
      "2",
      "--out",
      out,
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.workflow).toEqual({ name: "best-of-3-repair", version: "1" });
    expect(summary.samples_done).toBe(2);
    const bySample = steps(out);
    expect(bySample.size).toBe(2);
    for (const rows of bySample.values()) {
      expect(rows.slice(0, 3).every((x) => x.input_state_id === null)).toBe(true);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows.length).toBeLessThanOrEqual(5);
      // Every repair starts from the best state before it.
      for (let i = 3; i < rows.length; i++) {
        const best = rows.slice(0, i).reduce((b, x) => (better(x, b) ? x : b));
        expect(rows[i]!.input_state_id).toBe(best.output_state_id);
      }
    }
  });

  it("repair-below-target: repairs only while the targets are unmet, with its own prompt", async () => {
    const out = join(tmp, "below-target");
    const r = await cli([
      "eval",
      "--workflow",
      "examples/workflows/repair-below-target.js",
      "--dataset",
      dataset,
      "--samples",
      "2",
      "--rounds",
      "3",
      "--out",
      out,
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).workflow).toEqual({ name: "repair-below-target", version: "1" });
    const db = new Database(join(out, "ledger.sqlite"), { readonly: true });
    const repairPrompts = db.prepare("SELECT messages_json FROM llm_calls WHERE round > 0").all() as {
      messages_json: string;
    }[];
    db.close();
    let repairs = 0;
    for (const rows of steps(out).values()) {
      rows.forEach((x, i) => {
        // No step after the targets are met; each repair from the best before it.
        if (i > 0) {
          expect(rows.slice(0, i).some((p) => p.cov_pass)).toBe(false);
          const best = rows.slice(0, i).reduce((b, p) => (better(p, b) ? p : b));
          expect(x.input_state_id).toBe(best.output_state_id);
          repairs++;
        }
      });
      const last = rows.at(-1)!;
      expect(last.cov_pass === 1 || rows.length === 4).toBe(true);
    }
    expect(repairs).toBeGreaterThan(0);
    expect(repairPrompts).toHaveLength(repairs);
    for (const p of repairPrompts) expect(p.messages_json).toContain("Coverage targets still missing");
  });

  it("a .ts workflow loads through a tsx loader, and says how when there is none", async () => {
    const wf = join(root, "test", "fixtures", "workflow", "two-shots.ts");
    const args = ["eval", "--workflow", wf, "--dataset", dataset, "--samples", "1", "--limit", "1", "--json"];
    const plain = await cli([...args, "--out", join(tmp, "ts-plain")]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/cannot load TypeScript by itself.*--import tsx/);
    expect(plain.stderr).not.toMatch(/\n\s+at /); // one line, no stack trace
    const ok = await cli([...args, "--out", join(tmp, "ts-tsx")], { NODE_OPTIONS: "--import tsx" });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).workflow).toEqual({ name: "two-shots-ts", version: "1" });
    expect(steps(join(tmp, "ts-tsx")).values().next().value).toHaveLength(2);
  });

  it("bad workflow files and names exit 2 with one line", async () => {
    const bad = join(tmp, "bad.js");
    writeFileSync(bad, "export const x = 1;\n");
    const base = ["eval", "--dataset", dataset, "--samples", "1", "--limit", "1"];
    const none = await cli([...base, "--workflow", bad, "--out", join(tmp, "bad1")]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/bad\.js: exports no workflow/);
    const missing = await cli([...base, "--workflow", join(tmp, "nope.js"), "--out", join(tmp, "bad2")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such workflow file/);
    const mode = await cli([...base, "--mode", "agentc", "--out", join(tmp, "bad3")]);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toMatch(/--mode: unknown workflow agentc; registered: direct, agentic, vanilla/);
  });
});
