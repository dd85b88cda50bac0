// serve-eval with real child processes: `llm4cov serve-policy` (from dist/) is the served model,
// real evaluations run against it, and after every test no process of any server survives.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runServeEval } from "../src/serve/lifecycle.js";
import { loadPlan } from "../src/serve/plan.js";
import { groupMembers } from "../src/serve/process.js";
import { freePort } from "./helpers/redis.js";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "llm4cov");
const DATASET = join(ROOT, "examples", "designs.jsonl");
const hasDist = existsSync(join(ROOT, "dist", "cli", "main.js"));
// Every server started by a test carries this marker in its environment, so we can find it.
const MARKER = `LLM4COV_SERVE_EVAL_TEST=${randomUUID()}`;

/** Pids of live processes (not zombies) whose environment holds MARKER. */
function markedProcesses(): number[] {
  const out: number[] = [];
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) continue;
      if (readFileSync(`/proc/${e}/environ`, "utf8").split("\0").includes(MARKER)) out.push(Number(e));
    } catch {
      // gone, or not ours
    }
  }
  return out;
}

afterEach(() => {
  expect(markedProcesses()).toEqual([]);
});

const serve = (port: number, extra = "") =>
  `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} serve-policy --port ${port} ${extra}`;
const markerEnv = () => {
  const [k, v] = MARKER.split("=") as [string, string];
  return `{ ${k}: "${v}" }`;
};

function writePlan(dir: string, groups: string): string {
  const file = join(dir, "plan.yaml");
  writeFileSync(file, `groups:\n${groups}`);
  return file;
}

function group(
  name: string,
  port: number,
  command: string | string[],
  evals: string[],
  extra: string[] = [],
): string {
  return [
    `  - name: ${name}`,
    `    command: ${JSON.stringify(command)}`,
    `    env: ${markerEnv()}`,
    `    base_url: http://127.0.0.1:${port}/v1`,
    // Defaults for the tests, unless `extra` sets them.
    ...["ready_timeout_s: 60", "stop_timeout_s: 2"]
      .filter((d) => !extra.some((l) => l.startsWith(d.split(":")[0]!)))
      .map((d) => `    ${d}`),
    ...extra.map((l) => `    ${l}`),
    `    evals:`,
    ...evals.map((e) => `      - ${e}`),
    "",
  ].join("\n");
}

const directEval = (out: string) =>
  `{ out: ${out}, dataset: ${JSON.stringify(DATASET)}, mode: direct, samples: 1, limit: 1 }`;

describe.skipIf(!hasDist)("serve-eval (needs dist/: npm run build)", () => {
  it("starts the server, runs evals in order against it (model from /v1/models), stops it with SIGINT", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm4cov-se-"));
    const port = await freePort();
    writeFileSync(
      join(dir, "agentic.yaml"),
      `dataset: ${DATASET}\nmode: agentic\nrounds: 1\nsamples: 1\nlimit: 1\n`,
    );
    const plan = writePlan(
      dir,
      group("tiny", port, serve(port, "--model tiny-model"), [
        directEval("runs/tiny-direct"),
        "{ out: runs/tiny-agentic, config: agentic.yaml }",
      ]),
    );
    const r = await runServeEval(loadPlan(plan));
    const g = r.groups[0]!;
    expect(r.ok, JSON.stringify(r, null, 2)).toBe(true);
    expect(g.model).toBe("tiny-model");
    expect(g.stopped_by).toBe("SIGINT");
    expect(g.evals.map((e) => e.status)).toEqual(["done", "done"]);
    expect(groupMembers(g.pid!)).toEqual([]);
    for (const [run, mode] of [
      ["tiny-direct", "direct"],
      ["tiny-agentic", "agentic"],
    ] as const) {
      const summary = JSON.parse(readFileSync(join(dir, "runs", run, "summary.json"), "utf8")) as {
        mode: string;
        samples_done: number;
        llm: { calls: number; failed: number };
      };
      expect(summary.mode).toBe(mode);
      expect(summary.samples_done).toBe(1);
      // Its LLM calls went to the group's server, and all were answered.
      expect(summary.llm.calls).toBeGreaterThan(0);
      expect(summary.llm.failed).toBe(0);
    }
    // The server's own output is in the log beside the runs.
    expect(readFileSync(join(dir, "runs", "tiny.server.log"), "utf8")).toContain(
      `serving on http://127.0.0.1:${port}`,
    );
  }, 180_000);

  it("waits while the server answers 503 (loading), then runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm4cov-se-"));
    const port = await freePort();
    const plan = writePlan(
      dir,
      // The argv form (no shell) this time.
      group(
        "slow",
        port,
        [process.execPath, BIN, "serve-policy", "--port", String(port), "--ready-after-ms", "3000"],
        [directEval("runs/a")],
      ),
    );
    const r = await runServeEval(loadPlan(plan), { pollMs: 100 });
    const g = r.groups[0]!;
    expect(r.ok, JSON.stringify(r, null, 2)).toBe(true);
    expect(g.ready_seconds!).toBeGreaterThanOrEqual(3);
    expect(g.evals[0]!.status).toBe("done");
    expect(groupMembers(g.pid!)).toEqual([]);
  }, 120_000);

  it("a server that dies at start fails its group with the log's last lines; later groups are skipped", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm4cov-se-"));
    const [p1, p2] = [await freePort(), await freePort()];
    const plan = writePlan(
      dir,
      group("broken", p1, serve(p1, "--latency-ms -1"), [directEval("runs/b1")]) +
        group("after", p2, serve(p2), [directEval("runs/b2")]),
    );
    const r = await runServeEval(loadPlan(plan));
    const [broken, after] = r.groups as [(typeof r.groups)[0], (typeof r.groups)[0]];
    expect(r.ok).toBe(false);
    expect(broken.status).toBe("failed");
    expect(broken.error).toMatch(/exited with code \d+ before it was ready/);
    expect(broken.logTail?.join("\n")).toMatch(/latency-ms/);
    expect(broken.evals[0]!.status).toBe("skipped");
    expect(after.status).toBe("skipped");
    expect(after.pid).toBeNull();
    expect(existsSync(join(dir, "runs", "b2"))).toBe(false);

    // --continue-on-error: the next group still runs.
    const r2 = await runServeEval(loadPlan(plan), { continueOnError: true });
    expect(r2.groups.map((g) => g.status)).toEqual(["failed", "ok"]);
    expect(r2.groups[1]!.evals[0]!.status).toBe("done");
  }, 120_000);

  it("a server still loading at ready_timeout_s fails its group and is stopped", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm4cov-se-"));
    const port = await freePort();
    const plan = writePlan(
      dir,
      group(
        "never",
        port,
        serve(port, "--ready-after-ms 60000"),
        [directEval("runs/g")],
        ["ready_timeout_s: 3"],
      ),
    );
    const r = await runServeEval(loadPlan(plan));
    const g = r.groups[0]!;
    expect(g.status).toBe("failed");
    expect(g.error).toMatch(/not ready after 3 s \(last: (HTTP 503|connection failed)\)/);
    expect(g.evals[0]!.status).toBe("skipped");
    expect(g.stopped_by).toBe("SIGINT");
    expect(groupMembers(g.pid!)).toEqual([]);
  }, 60_000);

  it("a server that dies during an evaluation fails that evaluation, with the log's last lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm4cov-se-"));
    const port = await freePort();
    // Answers for about 4 s, then the server is killed and the group's leader exits.
    const dying = `${serve(port, "--latency-ms 200")} & p=$!; sleep 4; echo "server crashed"; kill -9 $p`;
    const plan = writePlan(
      dir,
      group("dying", port, dying, [
        `{ out: runs/f, dataset: ${JSON.stringify(DATASET)}, mode: agentic, samples: 20 }`,
        directEval("runs/f2"),
      ]),
    );
    const r = await runServeEval(loadPlan(plan), { continueOnError: true });
    const g = r.groups[0]!;
    expect(g.status).toBe("failed");
    expect(g.evals[0]).toMatchObject({ status: "failed", error: "server exited during the evaluation" });
    expect(g.logTail?.join("\n")).toContain("server crashed");
    // The next evaluation is not run against a dead server.
    expect(g.evals[1]!.status).toBe("skipped");
    expect(g.error).toMatch(/server exited/);
    expect(groupMembers(g.pid!)).toEqual([]);
  }, 120_000);

  it("escalates to SIGTERM for a group that ignores SIGINT, and to SIGKILL when it ignores both", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm4cov-se-"));
    const [p1, p2] = [await freePort(), await freePort()];
    // The shell keeps the group alive after the server has gone; it ignores the signals named.
    const wrap = (port: number, ignored: string) =>
      `trap '' ${ignored}; ${serve(port)} & while :; do sleep 0.2; done`;
    const plan = writePlan(
      dir,
      group("no-int", p1, wrap(p1, "INT"), [directEval("runs/c1")]) +
        group("no-int-term", p2, wrap(p2, "INT TERM"), [directEval("runs/c2")], ["stop_timeout_s: 1"]),
    );
    const r = await runServeEval(loadPlan(plan));
    expect(r.groups.map((g) => g.stopped_by)).toEqual(["SIGTERM", "SIGKILL"]);
    expect(r.groups.map((g) => g.stopped)).toEqual([true, true]);
    expect(r.groups.flatMap((g) => g.evals.map((e) => e.status))).toEqual(["done", "done"]);
    for (const g of r.groups) expect(groupMembers(g.pid!)).toEqual([]);
  }, 180_000);

  it("refuses to start when something already answers at base_url", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm4cov-se-"));
    const squatter = createServer((_, res) => res.writeHead(200).end('{"data":[{"id":"other"}]}'));
    await new Promise<void>((r) => squatter.listen(0, "127.0.0.1", r));
    const port = (squatter.address() as { port: number }).port;
    try {
      const plan = writePlan(dir, group("dup", port, serve(port), [directEval("runs/d")]));
      const r = await runServeEval(loadPlan(plan));
      expect(r.groups[0]!.status).toBe("failed");
      expect(r.groups[0]!.error).toMatch(/already answers/);
      expect(r.groups[0]!.pid).toBeNull();
    } finally {
      squatter.close();
    }
  }, 30_000);

  /** Runs the CLI; resolves with exit code and output, after `onStderr` has had its say. */
  function cli(args: string[], onStderr?: (text: string, child: ReturnType<typeof spawn>) => void) {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
      onStderr?.(err, child);
    });
    return new Promise<{ code: number | null; out: string; err: string }>((res) =>
      child.once("exit", (code) => res({ code, out, err })),
    );
  }

  it("CLI: Ctrl-C during an evaluation stops the server (exit 130); so does the third, hard-exit Ctrl-C", async () => {
    for (const presses of [1, 3]) {
      const dir = mkdtempSync(join(tmpdir(), "llm4cov-se-"));
      const port = await freePort();
      // Many samples and a slow server, so the interrupt lands mid-evaluation.
      const plan = writePlan(
        dir,
        group("ctrlc", port, serve(port, "--latency-ms 300"), [
          `{ out: runs/e, dataset: ${JSON.stringify(DATASET)}, mode: agentic, samples: 20 }`,
        ]),
      );
      let sent = false;
      let pid = 0;
      const r = await cli(["serve-eval", "--config", plan], (text, child) => {
        pid ||= Number(/started server \(pid (\d+)\)/.exec(text)?.[1] ?? 0);
        if (!sent && /evaluation 1\/1/.test(text)) {
          sent = true;
          setTimeout(() => {
            child.kill("SIGINT");
            for (let i = 1; i < presses; i++) setTimeout(() => child.kill("SIGINT"), 200 * i);
          }, 1500);
        }
      });
      expect(r.code, r.err).toBe(130);
      expect(pid).toBeGreaterThan(0);
      // The hard exit kills the group synchronously; give the kernel a moment to reap it.
      for (let i = 0; i < 50 && groupMembers(pid).length; i++) await new Promise((s) => setTimeout(s, 100));
      expect(groupMembers(pid)).toEqual([]);
      if (presses === 1) expect(r.out).toMatch(/ctrlc\s+1\s+interrupted/);
    }
  }, 180_000);

  it("CLI: a bad plan exits 2 naming file:line; --json prints the result", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm4cov-se-"));
    const port = await freePort();
    const bad = writePlan(
      dir,
      group("bad", port, serve(port), [
        directEval("runs/x"),
        "{ out: runs/y, dataset: d.jsonl, samples: 0 }",
      ]),
    );
    const line =
      readFileSync(bad, "utf8")
        .split("\n")
        .findIndex((l) => l.includes("samples: 0")) + 1;
    let r = await cli(["serve-eval", "--config", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}:${line}: groups[0].evals[1].samples:`);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace

    writeFileSync(bad, readFileSync(bad, "utf8").replace("samples: 0", "sample: 2"));
    r = await cli(["serve-eval", "--config", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      new RegExp(`${bad}:${line}: groups\\[0\\]\\.evals\\[1\\]\\.sample: Unrecognized key`),
    );

    writeFileSync(
      bad,
      readFileSync(bad, "utf8").replace(
        "{ out: runs/y, dataset: d.jsonl, sample: 2 }",
        "{ out: runs/y, config: nope.yaml }",
      ),
    );
    r = await cli(["serve-eval", "--config", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/plan\.yaml:\d+: config: nope\.yaml: cannot read \(ENOENT\)/);
    expect(markedProcesses()).toEqual([]); // nothing was started

    const good = writePlan(dir, group("ok", port, serve(port), [directEval("runs/z")]));
    r = await cli(["serve-eval", "--config", good, "--check"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /plan ok: .*\n ?ok: .*serve-policy.* -> http:\/\/127\.0\.0\.1:\d+\/v1\n\s+1\. .*runs\/z/,
    );
    expect(existsSync(join(dir, "runs", "z"))).toBe(false); // nothing ran
    r = await cli(["serve-eval", "--config", good, "--json"]);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as { ok: boolean; groups: { evals: { status: string; out: string }[] }[] };
    expect(json.ok).toBe(true);
    expect(json.groups[0]!.evals[0]).toMatchObject({ status: "done", out: join(dir, "runs", "z") });
  }, 120_000);
});
