// Clear one-line errors for a wrong password and an unreachable Redis (passwords redacted),
// bad queue specs, no worker alive; and the ACL user that docs/queue.md recommends works.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  parseQueueUrl,
  QueueConnectError,
  QueueExecutor,
  queueSpecFrom,
  QueueSpecError,
  redactUrl,
} from "../src/exec/queue/index.js";
import { makeExecutor } from "../src/exec/factory.js";
import { counterRequest, GOOD_TB } from "./fixtures/eda.js";
import { freePort, REDIS_SERVER, REPO_ROOT, runCli, TestRedis, WorkerProcess } from "./helpers/redis.js";

const BUILT = existsSync(join(REPO_ROOT, "dist", "cli", "main.js"));
const why = !REDIS_SERVER ? "redis-server is not installed" : "dist/ is missing (npm run build)";
const SECRET = "hunter2-s3cret";
const WRONG = "not-the-Passw0rd";
const COUNTER = join(REPO_ROOT, "examples/designs/counter");
const simArgs = [
  "sim",
  "--rtl",
  join(COUNTER, "rtl/up_down_counter.sv"),
  "--tb",
  join(COUNTER, "reference/good_tb.sv"),
];

/** The acl line from docs/queue.md (kept in step with it by this test). */
const ACL = "user llm4cov on >" + SECRET + " ~llm4cov:* &llm4cov:* +@all -@dangerous +info";

describe("queue specs", () => {
  it("parses URLs, redacts passwords, rejects bad specs", () => {
    const s = parseQueueUrl("redis://bob:p%40ss@redis.lan:6380/2?queue=fast&prefix=team1");
    expect(s).toMatchObject({ host: "redis.lan", port: 6380, db: 2, username: "bob", password: "p@ss" });
    expect(s).toMatchObject({ queue: "fast", prefix: "team1", tls: false });
    expect(s.label).toBe("redis://bob:***@redis.lan:6380/2?queue=fast&prefix=team1");
    expect(redactUrl("redis://:x y@[bad")).toBe("redis://:***@[bad");
    expect(parseQueueUrl("rediss://h", { ca: "/ca.pem" })).toMatchObject({ tls: true, port: 6379, db: 0 });
    expect(() => parseQueueUrl("redis://h/x")).toThrow(QueueSpecError);
    expect(() => parseQueueUrl("redis://h?queue=a:b")).toThrow(/queue must match/);
    expect(() => parseQueueUrl("redis://h?ca=/x.pem")).toThrow(/need rediss/);
    expect(() => parseQueueUrl("redis://h?password_env=LLM4COV_NO_SUCH_VAR")).toThrow(/is not set/);
    expect(parseQueueUrl("redis://u@h", { passwordEnv: "PW" }, { PW: SECRET }).password).toBe(SECRET);
    expect(() => queueSpecFrom(["redis://:pw@h", "ssh://me@h"], undefined)).toThrow(/redis:\/\/:\*\*\*@h/);
    expect(queueSpecFrom(undefined, { queue: { url: "redis://h", name: "q2" } })).toMatchObject({
      queue: "q2",
    });
    expect(() => queueSpecFrom(undefined, { queue: "redis://h", hosts: ["ssh://a"] })).toThrow(/both/);
    expect(queueSpecFrom(["ssh://a"], { queue: "redis://h" })).toBeUndefined();
  });
});

describe.skipIf(!REDIS_SERVER || !BUILT)(`queue errors (skipped if ${why})`, () => {
  const redis = new TestRedis({ password: SECRET, acl: [ACL, `user default on >${SECRET} ~* &* +@all`] });
  beforeAll(() => redis.start());
  afterAll(() => redis.stop());

  const oneLine = (stderr: string) => {
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toContain(WRONG);
    expect(stderr).not.toContain(SECRET);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  };

  it("a wrong password: exit 2, one line naming the redacted URL", async () => {
    for (const args of [
      [...simArgs, "--eda", redis.url({ password: WRONG })],
      ["eda", "worker", "--queue", redis.url({ user: "llm4cov", password: WRONG })],
      ["eda", "status", "--queue", redis.url({ password: WRONG })],
    ]) {
      const r = await runCli(args);
      expect(r.code, r.stderr).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/refused the password .*WRONGPASS/);
      expect(r.stderr).toContain(`:***@127.0.0.1:${redis.port}/0`);
    }
  });

  it("no password where one is required: NOAUTH, exit 2", async () => {
    const r = await runCli(["eda", "status", "--queue", `redis://127.0.0.1:${redis.port}`]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/requires a password \(NOAUTH\)/);
  });

  it("an unreachable Redis: exit 3, one line", async () => {
    const port = await freePort();
    const url = `redis://llm4cov:${SECRET}@127.0.0.1:${port}/0`;
    for (const args of [
      ["eda", "status", "--queue", url],
      [...simArgs, "--eda", url],
    ]) {
      const r = await runCli(args);
      expect(r.code, r.stderr).toBe(3);
      oneLine(r.stderr);
      expect(r.stderr).toContain(
        `cannot reach Redis at redis://llm4cov:***@127.0.0.1:${port}/0 (ECONNREFUSED)`,
      );
    }
    await expect(QueueExecutor.connect(parseQueueUrl(url))).rejects.toThrow(QueueConnectError);
  });

  it("bad --eda queue specs: exit 2", async () => {
    const r = await runCli([...simArgs, "--eda", redis.url(), "--eda", "ssh://me@h"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be combined/);
    expect(r.stderr).not.toContain(SECRET);
    const check = await runCli(["eda", "check", "--eda", redis.url()]);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/is a job queue, not a host: see it with `llm4cov eda status/);
    expect(check.stderr).not.toContain(SECRET);
  });

  it("a run config's eda: queue section picks the queue executor", async () => {
    const exec = await makeExecutor({ config: { queue: { url: redis.url(), queueTimeoutMs: 1000 } } });
    try {
      expect(exec).toBeInstanceOf(QueueExecutor);
      expect((exec as QueueExecutor).spec.label).toBe(`redis://:***@127.0.0.1:${redis.port}/0`);
    } finally {
      await exec.close();
    }
  });

  it("no worker alive: the job ends as infra_error within the bound", async () => {
    const exec = await QueueExecutor.connect(parseQueueUrl(redis.url()), {
      pollMs: 200,
      queueTimeoutMs: 1500,
    });
    try {
      const t0 = Date.now();
      const r = await exec.run({ ...counterRequest(GOOD_TB), id: "lonely" });
      expect(r.id).toBe("lonely");
      expect(r.status).toBe("infra_error");
      expect(r.reason).toMatch(/no llm4cov worker alive on redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0/);
      expect(Date.now() - t0).toBeLessThan(5000);
    } finally {
      await exec.close();
    }
  });

  it("the ACL user of docs/queue.md runs jobs; its password never shows in worker output", async () => {
    const url = redis.url({ user: "llm4cov" });
    const w = await new WorkerProcess(url, ["--slots", "1", "--heartbeat-ms", "500"]).start().ready();
    try {
      const exec = await QueueExecutor.connect(parseQueueUrl(url), { pollMs: 300 });
      try {
        const r = await exec.run(counterRequest(GOOD_TB));
        expect(r.status).toBe("pass");
      } finally {
        await exec.close();
      }
      const s = await runCli(["eda", "status", "--queue", url]);
      expect(s.code, s.stderr).toBe(0);
      expect(s.stdout).toContain("redis://llm4cov:***@");
      expect(s.stdout + s.stderr).not.toContain(SECRET);
    } finally {
      await w.kill("SIGTERM");
    }
    expect(w.output).toMatch(/stopped \(1 done, 0 failed\)/);
    expect(w.output).not.toContain(SECRET);
  });
});
