// The CLI as a user runs it (in-process through main(), so output and exit codes are checked).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { SERVE_COMMAND, sshdAvailable, TestSshd } from "./fixtures/ssh/sshd.js";
import { COUNTER_RTL, GOOD_TB } from "./fixtures/eda.js";

const root = join(import.meta.dirname, "..");
const tmp = mkdtempSync(join(tmpdir(), "llm4cov-cli-"));
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

describe("llm4cov CLI", () => {
  it("sim prints a readable summary, or the SimResult JSON", async () => {
    const text = await run(
      "sim",
      "--rtl",
      join(tmp, "counter.sv"),
      "--tb",
      join(tmp, "tb.sv"),
      "--target",
      "90",
    );
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/status\s+pass/);
    expect(text.out).toMatch(/coverage\s+score/);
    const json = await run("sim", "--rtl", join(tmp, "counter.sv"), "--tb", join(tmp, "tb.sv"), "--json");
    const r = JSON.parse(json.out);
    expect(r.status).toBe("pass");
    for (const k of ["score", "line", "branch", "toggle"]) expect(r.coverage[k]).toBeGreaterThan(0);
  });

  it("bad input gives a clear message and exit code 2", async () => {
    const missing = await run("sim", "--rtl", join(tmp, "nope.sv"), "--tb", join(tmp, "tb.sv"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read .*nope\.sv/);
    const noDataset = await run("eval", "--samples", "1");
    expect(noDataset.code).toBe(2);
    expect(noDataset.err).toMatch(/no dataset/);
    writeFileSync(join(tmp, "bad.yaml"), "dataset: x.jsonl\nrounds: -4\n");
    const bad = await run("eval", "--config", join(tmp, "bad.yaml"));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/rounds/);
  });

  it("eval reads a run config file; explicit flags override it", async () => {
    const dataset = join(tmp, "one.jsonl");
    writeFileSync(
      dataset,
      readFileSync(join(root, "examples", "designs.jsonl"), "utf8").split("\n")[0] + "\n",
    );
    writeFileSync(join(tmp, "run.yaml"), `dataset: ${dataset}\nmode: agentic\nrounds: 3\nsamples: 1\n`);
    const out = join(tmp, "run-from-config");
    const r = await run("eval", "--config", join(tmp, "run.yaml"), "--rounds", "1", "--out", out, "--json");
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.samples_done).toBe(1);
    expect(summary.per_round.length).toBeLessThanOrEqual(2); // --rounds 1 beat the file's 3
    expect(r.err).toMatch(/"event":"progress_end"/); // JSON-lines progress off a TTY
    const again = await run("eval", "--config", join(tmp, "run.yaml"), "--rounds", "1", "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/--resume/);
  });

  it("eda check reports simulators, sandbox and build cache", async () => {
    const r = await run("eda", "check", "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.verilator.ok).toBe(true);
    expect(report.sandbox.mode).toMatch(/bwrap|rlimits/);
  });
});

describe.skipIf(!sshdAvailable())("llm4cov CLI with an SSH host", () => {
  const sshd = new TestSshd();
  beforeAll(() => sshd.start());
  afterAll(() => sshd.stop());
  const hostArgs = () => [
    "--eda",
    `ssh://root@127.0.0.1:${sshd.port}`,
    "--ssh-key",
    sshd.userKey,
    "--known-hosts",
    sshd.knownHosts,
    "--remote-command",
    SERVE_COMMAND,
  ];

  it("sim --eda runs the job on the host", async () => {
    const r = await run(
      "sim",
      "--rtl",
      join(tmp, "counter.sv"),
      "--tb",
      join(tmp, "tb.sv"),
      "--json",
      ...hostArgs(),
    );
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).status).toBe("pass");
  });

  it("eda check --eda reports the host's tools and slots", async () => {
    const r = await run("eda", "check", "--json", ...hostArgs());
    expect(r.code, r.err).toBe(0);
    const checks = JSON.parse(r.out);
    expect(checks[0].ok).toBe(true);
  });

  it("an unknown host key is a clear error", async () => {
    writeFileSync(join(tmp, "empty_known_hosts"), "");
    const args = hostArgs();
    args[args.indexOf("--known-hosts") + 1] = join(tmp, "empty_known_hosts");
    const r = await run("sim", "--rtl", join(tmp, "counter.sv"), "--tb", join(tmp, "tb.sv"), ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/host key/i);
  });
});
