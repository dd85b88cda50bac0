// Repository files in Redis: the byte bound drops the least recently used, unused files expire,
// and a job whose file vanished before a worker fetched it is re-uploaded and still runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { sha256 } from "../src/core/hash.js";
import { RedisBlobs } from "../src/exec/queue/blobs.js";
import { QueueKeys } from "../src/exec/queue/keys.js";
import { parseQueueUrl, QueueExecutor } from "../src/exec/queue/index.js";
import { designRequest, REDIS_SERVER, REPO_ROOT, TestRedis, WorkerProcess } from "./helpers/redis.js";

const BUILT = existsSync(join(REPO_ROOT, "dist", "cli", "main.js"));
const why = !REDIS_SERVER ? "redis-server is not installed" : "dist/ is missing (npm run build)";
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!REDIS_SERVER || !BUILT)(`queue files in Redis (skipped if ${why})`, () => {
  const redis = new TestRedis({ persist: false });
  let client: Redis;
  beforeAll(async () => {
    await redis.start();
    client = new Redis({ port: redis.port, host: "127.0.0.1" });
  });
  afterAll(async () => {
    client?.disconnect();
    await redis.stop();
  });

  it("keeps the total under the bound (oldest dropped first) and drops unused files", async () => {
    const keys = new QueueKeys({ prefix: "t1", queue: "q" });
    const blobs = new RedisBlobs(client, keys, { maxBytes: 250, ttlMs: 60_000 });
    const files = ["a", "b", "c"].map((c) => c.repeat(100));
    const shas = files.map((f) => sha256(f));
    for (const [i, f] of files.entries()) {
      await blobs.put(shas[i]!, f);
      await delay(5);
    }
    expect(await blobs.usage()).toEqual({ blobs: 2, bytes: 200 });
    expect(await blobs.touch(shas)).toEqual([shas[0]]);
    expect(await blobs.get(shas)).toEqual([undefined, files[1], files[2]]);
    await blobs.put(shas[1]!, files[1]!); // again: counted once
    expect((await blobs.usage()).bytes).toBe(200);
    const short = new RedisBlobs(client, new QueueKeys({ prefix: "t2", queue: "q" }), { ttlMs: 50 });
    await short.put(shas[2]!, files[2]!);
    await delay(80);
    expect(await short.touch([shas[2]!])).toEqual([shas[2]]); // expired in Redis itself
    await short.put(shas[0]!, files[0]!); // the script drops the stale entry from its books
    expect(await short.usage()).toEqual({ blobs: 1, bytes: 100 });
  });

  it("a file gone before the worker fetched it is uploaded again; the job still runs", async () => {
    const spec = parseQueueUrl(redis.url());
    const exec = await QueueExecutor.connect(spec, { pollMs: 300 });
    let worker: WorkerProcess | undefined;
    try {
      const req = designRequest("shift_reg", "good", "refetch");
      const pending = exec.run(req);
      const keys = new QueueKeys(spec);
      const sha = sha256(req.rtl[0]!.content);
      while (!(await client.exists(keys.blob(sha)))) await delay(20);
      const uploaded = exec.bytesSent().payload;
      await client.del(keys.blob(sha)); // as if another producer's files pushed it out
      worker = await new WorkerProcess(redis.url(), ["--slots", "1", "--heartbeat-ms", "500"])
        .start()
        .ready();
      const r = await pending;
      expect(r.status).toBe("pass");
      expect(r.id).toBe("refetch");
      expect(exec.bytesSent().payload - uploaded).toBeGreaterThan(Buffer.byteLength(req.rtl[0]!.content));
    } finally {
      await exec.close();
      await worker?.kill("SIGTERM");
    }
  });
});
