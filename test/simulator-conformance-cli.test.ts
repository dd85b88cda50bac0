// A commercial-simulator wrapper from the CLI: `eval --sim-command NAME=PATH --simulator NAME`
// runs every simulation through the wrapper (here the Icarus-backed test wrapper); an unknown
// --simulator is exit 2 naming the registered ones.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-simcli-"));
const wrapper = join(root, "test", "fixtures", "sim-wrapper", "icarus-wrapper.sh");
const dataset = join(tmp, "one.jsonl");
writeFileSync(
  dataset,
  readFileSync(join(root, "examples", "designs.jsonl"), "utf8")
    .split("\n")
    .find((l) => l.includes("llm4cov_ex_counter"))! + "\n",
);

async function cli(args: string[]) {
  try {
    const r = await promisify(execFile)(process.execPath, [join(root, "bin", "llm4cov"), ...args], {
      cwd: root,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    return err as { code: number; stdout: string; stderr: string };
  }
}

describe("eval --sim-command", () => {
  it("runs the simulations through the registered wrapper", async () => {
    const out = join(tmp, "run");
    const r = await cli([
      ...["eval", "--dataset", dataset, "--mode", "direct", "--samples", "2", "--out", out, "--json"],
      ...["--sim-command", `cmd-ic=${wrapper}`, "--simulator", "cmd-ic"],
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).samples_done).toBe(2);
    const db = new Database(join(out, "ledger.sqlite"), { readonly: true });
    const results = (db.prepare("SELECT result_json FROM states").all() as { result_json: string }[]).map(
      (x) => JSON.parse(x.result_json),
    );
    db.close();
    expect(results).toHaveLength(2);
    for (const res of results) {
      expect(res.simulator.name).toBe("cmd-ic");
      expect(res.simulator.version).toMatch(/test-wrapper 1/);
      expect(["pass", "compile_error", "runtime_error"]).toContain(res.status);
    }
    expect(results.some((x) => x.status === "pass")).toBe(true);
  });

  it("an unknown simulator or a bad --sim-command is exit 2 with one line", async () => {
    const base = ["eval", "--dataset", dataset, "--samples", "1", "--out", join(tmp, "bad")];
    const unknown = await cli([...base, "--simulator", "xrun"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--simulator: unknown simulator xrun; registered: verilator, icarus/);
    const rel = await cli([...base, "--sim-command", "xrun=relative/path", "--simulator", "xrun"]);
    expect(rel.code).toBe(2);
    expect(rel.stderr).toMatch(/--sim-command xrun=relative\/path: expected NAME=\/absolute\/path/);
  });
});
