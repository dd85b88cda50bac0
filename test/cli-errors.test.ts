// Bad input through the CLI as a user types it (in-process main()): exit code 2, one line naming
// the file:line or the flag, no stack trace unless --debug, and nothing left behind.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { EvalConfig } from "../src/agent/eval.js";
import { evalConfigFromOptions, readRunConfig, type EvalCliOptions } from "../src/cli/commands/eval.js";
import { main } from "../src/cli/main.js";
import { COUNTER_RTL, GOOD_TB } from "./fixtures/eda.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-cli-errors-"));
const exampleRows = readFileSync(join(root, "examples", "designs.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean);
writeFileSync(join(tmp, "counter.sv"), COUNTER_RTL);
writeFileSync(join(tmp, "tb.sv"), GOOD_TB);

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "llm4cov", ...args], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTTY: false,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The error output of a bad-input run: exactly one line, no stack frame. */
function oneLine(err: string): string {
  const lines = err.split("\n").filter((l) => l.trim() !== "");
  expect(lines, err).toHaveLength(1);
  expect(err).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

describe("eval: bad datasets are refused before anything is written", () => {
  it("a missing dataset: exit 2, one line, no run directory", async () => {
    const out = join(tmp, "missing-run");
    const r = await run("eval", "--dataset", join(tmp, "nonexistent.jsonl"), "--out", out);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/nonexistent\.jsonl: cannot open: ENOENT/);
    expect(existsSync(out)).toBe(false);
  });

  it("--debug adds the stack trace", async () => {
    const r = await run("eval", "--dataset", join(tmp, "nonexistent.jsonl"), "--debug");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^\s+at /m);
  });

  it("a malformed first line names file:line and leaves nothing that blocks the corrected rerun", async () => {
    const dataset = join(tmp, "broken.jsonl");
    writeFileSync(dataset, `{"id": "x", "rtl_files": [\n${exampleRows[0]}\n`);
    const out = join(tmp, "broken-run");
    const bad = await run("eval", "--dataset", dataset, "--mode", "direct", "--samples", "1", "--out", out);
    expect(bad.code).toBe(2);
    expect(oneLine(bad.err)).toMatch(/broken\.jsonl:1: invalid JSON/);
    expect(existsSync(out)).toBe(false);
    // The corrected file, same --out: runs (a ledger left behind would say "different configuration").
    // A bad row after the first is skipped with its reason and counted, not an abort.
    writeFileSync(dataset, `${exampleRows[0]}\n{"id": "broken",\n`);
    const good = await run("eval", "--dataset", dataset, "--mode", "direct", "--samples", "1", "--out", out);
    expect(good.code, good.err).toBe(0);
    expect(good.out).toMatch(
      /Dataset: .*broken\.jsonl \(native, sha256 [0-9a-f]{12}\): 1 rows used, 1 skipped/,
    );
    expect(good.out).toMatch(/skipped .*broken\.jsonl:2: invalid JSON/);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.samples_done).toBe(1);
    expect(summary.dataset).toMatchObject({ rows: 1, skipped: 1, format: "native" });
    expect(summary.skipped_rows[0]).toMatch(/broken\.jsonl:2: invalid JSON/);
    // The ledger records it too (the run's source of truth).
    const db = new Database(join(out, "ledger.sqlite"), { readonly: true });
    const meta = db.prepare("SELECT value FROM meta WHERE key = 'skipped_rows'").get() as { value: string };
    db.close();
    expect(JSON.parse(meta.value)).toEqual([expect.stringMatching(/broken\.jsonl:2: invalid JSON/)]);
    expect(good.err).toMatch(/"total":1[,}]/); // progress counts only the usable rows
  });

  it("--format cvdp on native rows, an empty file, an empty folder: exit 2 with the reason", async () => {
    const native = join(tmp, "native.jsonl");
    writeFileSync(native, exampleRows.slice(0, 2).join("\n") + "\n");
    const cvdp = await run("eval", "--dataset", native, "--format", "cvdp", "--out", join(tmp, "r1"));
    expect(cvdp.code).toBe(2);
    expect(oneLine(cvdp.err)).toMatch(/native\.jsonl:1: rows look like native rows, not cvdp/);
    writeFileSync(join(tmp, "empty.jsonl"), "\n\n");
    const empty = await run("eval", "--dataset", join(tmp, "empty.jsonl"), "--out", join(tmp, "r2"));
    expect(empty.code).toBe(2);
    expect(oneLine(empty.err)).toMatch(/empty\.jsonl: empty dataset \(no rows\)/);
    mkdirSync(join(tmp, "empty-dir"));
    const dir = await run("eval", "--dataset", join(tmp, "empty-dir"), "--out", join(tmp, "r3"));
    expect(dir.code).toBe(2);
    expect(oneLine(dir.err)).toMatch(/empty-dir: empty dataset \(no design folders\)/);
    for (const d of ["r1", "r2", "r3"]) expect(existsSync(join(tmp, d))).toBe(false);
  });
});

describe("eval: flags", () => {
  const dataset = join(root, "examples", "designs.jsonl");

  it("--resume without --out is an error, not a new run", async () => {
    const r = await run("eval", "--dataset", dataset, "--resume");
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/--resume needs --out/);
  });

  it("--api-key-env naming an unset variable is an error naming the flag and the variable", async () => {
    delete process.env.LLM4COV_TEST_UNSET_KEY;
    const r = await run(
      "eval",
      ...["--dataset", dataset, "--endpoint", "http://127.0.0.1:9/v1", "--model", "m"],
      ...["--api-key-env", "LLM4COV_TEST_UNSET_KEY"],
    );
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/--api-key-env: environment variable LLM4COV_TEST_UNSET_KEY is not set/);
  });

  it("bad numbers name the flag, not an internal field", async () => {
    const rounds = await run("eval", "--dataset", dataset, "--rounds", "abc");
    expect(rounds.code).toBe(2);
    expect(oneLine(rounds.err)).toMatch(/--rounds <n>.*'abc' is invalid/);
    const sim = (...extra: string[]) =>
      run("sim", "--rtl", join(tmp, "counter.sv"), "--tb", join(tmp, "tb.sv"), ...extra);
    const wall = await sim("--wall-ms", "abc");
    expect(wall.code).toBe(2);
    expect(oneLine(wall.err)).toMatch(/--wall-ms <ms>.*'abc' is invalid/);
    expect(wall.err).not.toMatch(/limits\.wallMs|wallMs/);
    const target = await sim("--target", "150");
    expect(target.code).toBe(2);
    expect(oneLine(target.err)).toMatch(/--target <percent>.*'150' is invalid.*\[0, 100\]/);
    expect(target.err).not.toMatch(/target_percentage/);
    // A value only the file set is named by its place in the file.
    writeFileSync(join(tmp, "bad-temp.yaml"), `dataset: ${dataset}\nsampling:\n  temperature: 7\n`);
    const file = await run("eval", "--config", join(tmp, "bad-temp.yaml"));
    expect(file.code).toBe(2);
    expect(oneLine(file.err)).toMatch(/bad-temp\.yaml: sampling\.temperature: .*2/);
  });

  it("serve-policy --port 99999: exit 2, one line naming --port", async () => {
    const r = await run("serve-policy", "--port", "99999");
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/--port <n>.*'99999' is invalid.*0\.\.65535/);
  });
});

describe("eval --config: a flag overrides exactly the field it names", () => {
  const dataset = join(root, "examples", "designs.jsonl");

  /** What the eval command resolves, with `given` as commander reports the flags typed. */
  function resolved(yaml: string, o: Partial<EvalCliOptions>, given: string[]) {
    const file = join(tmp, `cfg-${given.join("-") || "none"}.yaml`);
    writeFileSync(file, yaml);
    const opts = {
      format: "auto",
      mode: "agentic",
      rounds: 3,
      samples: 5,
      simulator: "verilator",
      config: file,
      ...o,
    };
    return EvalConfig.parse(
      evalConfigFromOptions(opts as EvalCliOptions, readRunConfig(file).eval, new Set(given)),
    );
  }

  it("--max-tokens keeps the file's temperature and top-p", () => {
    const yaml = `dataset: ${dataset}\nsampling:\n  temperature: 0.2\n  topP: 0.9\n  maxTokens: 4000\n`;
    const cfg = resolved(yaml, { maxTokens: 1234 }, ["maxTokens"]);
    expect(cfg.sampling).toEqual({ temperature: 0.2, topP: 0.9, maxTokens: 1234 });
    expect(resolved(yaml, {}, []).sampling).toEqual({ temperature: 0.2, topP: 0.9, maxTokens: 4000 });
  });

  it("--llm-concurrency, --api-key-env and --model apply to the file's policy", () => {
    const yaml =
      `dataset: ${dataset}\npolicy:\n  kind: openai\n  endpoints: [http://127.0.0.1:9/v1]\n` +
      `  model: file-model\n  concurrency: 4\n  apiKeyEnv: FILE_KEY\n`;
    const cfg = resolved(yaml, { llmConcurrency: 32, apiKeyEnv: "FLAG_KEY" }, [
      "llmConcurrency",
      "apiKeyEnv",
    ]);
    expect(cfg.policy).toMatchObject({
      kind: "openai",
      endpoints: ["http://127.0.0.1:9/v1"],
      model: "file-model",
      concurrency: 32,
      apiKeyEnv: "FLAG_KEY",
    });
    expect(resolved(yaml, { model: "flag-model" }, ["model"]).policy).toMatchObject({
      model: "flag-model",
      concurrency: 4,
      apiKeyEnv: "FILE_KEY",
    });
  });

  it("end to end: the ledger of a run from a config file holds the file's sampling with the flag's maxTokens", async () => {
    const one = join(tmp, "one-row.jsonl");
    writeFileSync(one, exampleRows[0] + "\n");
    const cfgFile = join(tmp, "run.yaml");
    writeFileSync(
      cfgFile,
      `dataset: ${one}\nmode: direct\nsamples: 1\nsampling:\n  temperature: 0.2\n  topP: 0.9\n`,
    );
    const out = join(tmp, "cfg-run");
    const r = await run("eval", "--config", cfgFile, "--max-tokens", "1234", "--out", out);
    expect(r.code, r.err).toBe(0);
    const db = new Database(join(out, "ledger.sqlite"), { readonly: true });
    const config = JSON.parse(
      (db.prepare("SELECT value FROM meta WHERE key = 'config'").get() as { value: string }).value,
    );
    db.close();
    expect(config.sampling).toEqual({ temperature: 0.2, topP: 0.9, maxTokens: 1234 });
  });
});

describe("other commands", () => {
  it("curate filter on a bad row names the file:line and the field", async () => {
    const rows = join(tmp, "rows.jsonl");
    writeFileSync(
      rows,
      JSON.stringify({ id: "r1", messages: [{ role: "user", content: "x" }, { role: "assistant" }] }) + "\n",
    );
    const r = await run("curate", "filter", "--in", rows, "--out", join(tmp, "kept.jsonl"));
    expect(r.code).toBe(2);
    const line = oneLine(r.err);
    expect(line).toMatch(/rows\.jsonl:1: not an SFT row: /);
    expect(line).toMatch(/messages\[1\]\.content: required|meta: required/);
  });

  it("eda check prints readable text, JSON only with --json", async () => {
    const text = await run("eda", "check");
    expect(text.out).not.toMatch(/[{}]/);
    expect(text.out).toMatch(/^verilator\s+(ok|MISSING)/m);
    expect(text.out).toMatch(/^sandbox\s+(bwrap|rlimits)/m);
    const json = await run("eda", "check", "--json");
    expect(JSON.parse(json.out).sandbox.mode).toMatch(/bwrap|rlimits/);
  });
});
