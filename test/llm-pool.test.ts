import { afterEach, describe, expect, it } from "vitest";
import { EndpointPool } from "../src/llm/endpoint-pool.js";
import { OpenAICompatibleProvider } from "../src/llm/openai-provider.js";
import { startPolicyServer, type PolicyServer, type PolicyServerOptions } from "../src/llm/policy-server.js";
import { LlmCallError, type ChatRequest } from "../src/llm/types.js";

const REQUEST: ChatRequest = {
  messages: [{ role: "user", content: "Write a testbench." }],
  sampling: { temperature: 0.7, topP: 0.8, maxTokens: 1024 },
};

const servers: PolicyServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(opts: Partial<PolicyServerOptions> = {}): Promise<PolicyServer> {
  const server = await startPolicyServer({
    handler: async () => "module tb; endmodule",
    model: "m",
    ...opts,
  });
  servers.push(server);
  return server;
}

function provider(baseURL: string): OpenAICompatibleProvider {
  return new OpenAICompatibleProvider({
    baseURL,
    model: "m",
    apiKey: "unused",
    requestTimeoutMs: 2000,
    retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20 },
  });
}

/** A port that refuses connections: bound once, then released. */
async function closedPortURL(): Promise<string> {
  const tmp = await startPolicyServer({ handler: async () => "" });
  await tmp.close();
  return tmp.baseURL;
}

describe("EndpointPool", () => {
  it("spreads concurrent calls by least in flight", async () => {
    const a = await serve({ latencyMs: 100 });
    const b = await serve({ latencyMs: 100 });
    const pool = new EndpointPool([provider(a.baseURL), provider(b.baseURL)]);
    const calls = Array.from({ length: 10 }, () => pool.complete(REQUEST));
    expect(pool.inFlight()).toBe(10);
    const responses = await Promise.all(calls);
    expect(a.stats.ok).toBe(5);
    expect(b.stats.ok).toBe(5);
    expect(new Set(responses.map((r) => r.endpoint)).size).toBe(2);
    expect(pool.inFlight()).toBe(0);
  });

  it("sends more work to the endpoint that is less busy", async () => {
    const slow = await serve({ latencyMs: 1000 });
    const fast = await serve({ latencyMs: 0 });
    const pool = new EndpointPool([provider(slow.baseURL), provider(fast.baseURL)]);
    // One call parks on the slow endpoint; sequential calls meanwhile all find the fast one idler.
    const parked = pool.complete(REQUEST);
    for (let i = 0; i < 5; i++) await pool.complete(REQUEST);
    await parked;
    expect(slow.stats.ok).toBe(1);
    expect(fast.stats.ok).toBe(5);
  });

  it("alternates between idle endpoints (round robin on ties)", async () => {
    const a = await serve();
    const b = await serve();
    const pool = new EndpointPool([provider(a.baseURL), provider(b.baseURL)]);
    for (let i = 0; i < 6; i++) await pool.complete(REQUEST);
    expect([a.stats.ok, b.stats.ok]).toEqual([3, 3]);
  });

  it("moves calls off a dead endpoint (closed port) and then avoids it", async () => {
    const live = await serve();
    const pool = new EndpointPool([provider(await closedPortURL()), provider(live.baseURL)]);
    const first = await pool.complete(REQUEST);
    // Two refused attempts on the dead endpoint, then success on the live one.
    expect(first.retries).toBe(2);
    expect(first.endpoint).toBe(pool.endpoints()[1]);
    const rest = await Promise.all(Array.from({ length: 8 }, () => pool.complete(REQUEST)));
    // The dead endpoint is cooling down, so nothing goes there first any more.
    expect(rest.every((r) => r.retries === 0)).toBe(true);
    expect(live.stats.ok).toBe(9);
  });

  it("succeeds on the live endpoint even when many calls hit the dead one at once", async () => {
    const live = await serve({ latencyMs: 20 });
    const pool = new EndpointPool([provider(await closedPortURL()), provider(live.baseURL)]);
    const responses = await Promise.all(Array.from({ length: 10 }, () => pool.complete(REQUEST)));
    expect(responses).toHaveLength(10);
    expect(live.stats.ok).toBe(10);
  });

  it("does not try another endpoint after a permanent failure", async () => {
    const a = await serve({ faultPlan: ["400"] });
    const b = await serve();
    const pool = new EndpointPool([provider(a.baseURL), provider(b.baseURL)]);
    const err = await pool.complete(REQUEST).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmCallError);
    expect(err).toMatchObject({ kind: "permanent", status: 400 });
    expect(b.stats.total).toBe(0);
  });

  it("fails with the total retry count when every endpoint fails", async () => {
    const a = await serve({ faultPlan: ["500", "500"] });
    const b = await serve({ faultPlan: ["500", "500"] });
    const pool = new EndpointPool([provider(a.baseURL), provider(b.baseURL)]);
    const err = (await pool.complete(REQUEST).catch((e: unknown) => e)) as LlmCallError;
    expect(err).toBeInstanceOf(LlmCallError);
    // 2 attempts on each endpoint = 4 attempts = 3 retries.
    expect(err).toMatchObject({ kind: "transient", retries: 3, endpoint: pool.label });
    expect(err.message).toContain("all 2 endpoints failed");
  });
});
