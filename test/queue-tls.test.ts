// rediss:// against a real TLS-only redis-server (a CA and certificate made for the test):
// a worker and a producer run a job with --redis-ca; without the CA the error is one line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseQueueUrl, QueueExecutor } from "../src/exec/queue/index.js";
import { counterRequest, GOOD_TB } from "./fixtures/eda.js";
import { REDIS_SERVER, REPO_ROOT, runCli, TestRedis, WorkerProcess } from "./helpers/redis.js";

const BUILT = existsSync(join(REPO_ROOT, "dist", "cli", "main.js"));
const OPENSSL = existsSync("/usr/bin/openssl");
const why = !REDIS_SERVER
  ? "redis-server is not installed"
  : !OPENSSL
    ? "openssl is missing"
    : "dist/ is missing";

describe.skipIf(!REDIS_SERVER || !BUILT || !OPENSSL)(`queue over TLS (skipped if ${why})`, () => {
  const redis = new TestRedis({ tls: true, password: "tls-Secret-9" });
  beforeAll(() => redis.start());
  afterAll(() => redis.stop());

  it("runs a job over rediss:// with the CA given", async () => {
    const url = redis.url();
    expect(url).toMatch(/^rediss:\/\//);
    const w = await new WorkerProcess(url, ["--slots", "1", "--heartbeat-ms", "500", "--redis-ca", redis.ca])
      .start()
      .ready();
    try {
      const exec = await QueueExecutor.connect(parseQueueUrl(url, { ca: redis.ca }), { pollMs: 300 });
      try {
        expect((await exec.run(counterRequest(GOOD_TB))).status).toBe("pass");
      } finally {
        await exec.close();
      }
      const s = await runCli(["eda", "status", "--queue", url, "--redis-ca", redis.ca, "--json"]);
      expect(s.code, s.stderr).toBe(0);
      expect(JSON.parse(s.stdout)).toMatchObject({ slots: 1, totals: { completed: 1 } });
    } finally {
      await w.kill("SIGTERM");
    }
  });

  it("without the CA: one line saying the certificate is not trusted", async () => {
    const r = await runCli(["eda", "status", "--queue", redis.url()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/TLS certificate is not trusted \(\w+\); pass its CA with --redis-ca/);
    expect(r.stderr).not.toContain("tls-Secret-9");
  });

  it("a missing CA file is a clear configuration error", async () => {
    const r = await runCli(["eda", "status", "--queue", redis.url(), "--redis-ca", "/nonexistent/ca.pem"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read the CA file \/nonexistent\/ca.pem: ENOENT/);
  });
});
