// Repository files in Redis, named by sha256: uploaded once, shared by every job and worker,
// bounded in total bytes (least recently used dropped first) and dropped after `ttlMs` unused.
// The bookkeeping runs in Lua so concurrent producers keep the byte count exact.
import type { Redis } from "ioredis";
import type { QueueKeys } from "./keys.js";

// KEYS: lru, sizes, total. ARGV[1] blob key prefix, ARGV[2] now, ARGV[3] ttl, ARGV[4] max bytes,
// ARGV[5] sha that must stay (or ""). Drops stale blobs, then the oldest while over the bound.
const GC = `
local function drop(sha)
  local n = tonumber(redis.call('HGET', KEYS[2], sha) or '0')
  redis.call('DEL', ARGV[1] .. sha)
  redis.call('HDEL', KEYS[2], sha)
  redis.call('ZREM', KEYS[1], sha)
  redis.call('DECRBY', KEYS[3], n)
end
local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[2]) - tonumber(ARGV[3]), 'LIMIT', 0, 100)
for _, sha in ipairs(stale) do drop(sha) end
for _ = 1, 1000 do
  if tonumber(redis.call('GET', KEYS[3]) or '0') <= tonumber(ARGV[4]) then break end
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0)
  if #oldest == 0 or oldest[1] == ARGV[5] then break end
  drop(oldest[1])
end
`;

// ARGV[6] sha, ARGV[7] content.
const PUT = `
local key = ARGV[1] .. ARGV[6]
if redis.call('HEXISTS', KEYS[2], ARGV[6]) == 0 then
  redis.call('HSET', KEYS[2], ARGV[6], string.len(ARGV[7]))
  redis.call('INCRBY', KEYS[3], string.len(ARGV[7]))
end
redis.call('SET', key, ARGV[7], 'PX', ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[6])
${GC}
return 1
`;

// ARGV[6..] shas. Refreshes the ones present; returns the missing ones.
const TOUCH = `
local missing = {}
for i = 6, #ARGV do
  local sha = ARGV[i]
  if redis.call('PEXPIRE', ARGV[1] .. sha, ARGV[3]) == 1 then
    redis.call('ZADD', KEYS[1], ARGV[2], sha)
  else
    missing[#missing + 1] = sha
  end
end
${GC}
return missing
`;

type ScriptClient = Redis & {
  llm4covBlobTouch(...args: string[]): Promise<string[]>;
  llm4covBlobPut(...args: string[]): Promise<number>;
};

export interface BlobBounds {
  /** Total bytes of files kept in Redis for this queue (default 256 MiB). */
  maxBytes?: number;
  /** A file unused this long is dropped (default 24 h). */
  ttlMs?: number;
}

export class RedisBlobs {
  private readonly maxBytes: number;
  private readonly ttlMs: number;

  private readonly client: ScriptClient;

  constructor(
    client: Redis,
    private readonly keys: QueueKeys,
    bounds: BlobBounds = {},
  ) {
    this.maxBytes = bounds.maxBytes ?? 256 * 1024 * 1024;
    this.ttlMs = bounds.ttlMs ?? 24 * 3600_000;
    // EVALSHA with EVAL on NOSCRIPT (also after a Redis restart): the script text travels once.
    if (!("llm4covBlobTouch" in client)) {
      client.defineCommand("llm4covBlobTouch", { numberOfKeys: 3, lua: TOUCH });
      client.defineCommand("llm4covBlobPut", { numberOfKeys: 3, lua: PUT });
    }
    this.client = client as ScriptClient;
  }

  private args(keep = ""): string[] {
    const k = this.keys;
    const now = String(Date.now());
    return [
      k.blobLru,
      k.blobSizes,
      k.blobTotal,
      k.blobPrefix,
      now,
      String(this.ttlMs),
      String(this.maxBytes),
      keep,
    ];
  }

  /** Marks the files as used now; returns the hashes Redis does not hold (to upload). */
  async touch(shas: string[]): Promise<string[]> {
    if (!shas.length) return [];
    return this.client.llm4covBlobTouch(...this.args(), ...shas);
  }

  async put(sha: string, content: string): Promise<void> {
    await this.client.llm4covBlobPut(...this.args(sha), sha, content);
  }

  /** Contents by hash (undefined: not in Redis). */
  async get(shas: string[]): Promise<(string | undefined)[]> {
    if (!shas.length) return [];
    const vals = await this.client.mget(...shas.map((s) => this.keys.blob(s)));
    return vals.map((v) => v ?? undefined);
  }

  async usage(): Promise<{ blobs: number; bytes: number }> {
    const [blobs, bytes] = await Promise.all([
      this.client.zcard(this.keys.blobLru),
      this.client.get(this.keys.blobTotal),
    ]);
    return { blobs, bytes: Number(bytes ?? 0) };
  }
}
