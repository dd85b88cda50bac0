import OpenAI from "openai";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  keepAliveFetch,
  OpenAICompatibleProvider,
  splitReasoning,
  type OpenAICompatibleConfig,
} from "../src/llm/openai-provider.js";
import {
  startPolicyServer,
  type PolicyHandler,
  type PolicySampling,
  type PolicyServer,
  type PolicyServerOptions,
} from "../src/llm/policy-server.js";
import { LlmCallError, type ChatRequest } from "../src/llm/types.js";

const TESTBENCH = "module tb;\n  initial begin\n    $finish;\n  end\nendmodule\n";
const REQUEST: ChatRequest = {
  messages: [
    { role: "system", content: "You write SystemVerilog testbenches." },
    { role: "user", content: "Write a testbench for the counter." },
  ],
  sampling: { temperature: 0.7, topP: 0.8, maxTokens: 4096, seed: 7 },
};
const SECRET = "sk-test-0123456789abcdef-SECRET";

const fixed: PolicyHandler = async () => TESTBENCH;

const servers: PolicyServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(opts: Partial<PolicyServerOptions> = {}): Promise<PolicyServer> {
  const server = await startPolicyServer({ handler: fixed, model: "tb-model", ...opts });
  servers.push(server);
  return server;
}

function provider(
  server: PolicyServer,
  config: Partial<OpenAICompatibleConfig> = {},
): OpenAICompatibleProvider {
  return new OpenAICompatibleProvider({
    baseURL: server.baseURL,
    model: "tb-model",
    apiKey: "unused",
    requestTimeoutMs: 5000,
    // Short backoff keeps the tests fast; Retry-After still wins when a server sends it.
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
    ...config,
  });
}

async function failure(p: Promise<unknown>): Promise<LlmCallError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LlmCallError);
  return err as LlmCallError;
}

describe("splitReasoning", () => {
  it("separates closed, unclosed and opener-less think blocks", () => {
    expect(splitReasoning("plain")).toEqual({ text: "plain", reasoning: null });
    expect(splitReasoning("<think>a</think>\nanswer")).toEqual({ text: "answer", reasoning: "a" });
    expect(splitReasoning("<think>a</think>x<think>b</think>y")).toEqual({ text: "xy", reasoning: "a\n\nb" });
    expect(splitReasoning("  <think>cut off mid-thou")).toEqual({ text: "", reasoning: "cut off mid-thou" });
    expect(splitReasoning("opened in the prompt</think>answer")).toEqual({
      text: "answer",
      reasoning: "opened in the prompt",
    });
    // A literal "<think>" later in an answer is content, not reasoning.
    expect(splitReasoning("code // <think>")).toEqual({ text: "code // <think>", reasoning: null });
  });
});

describe("OpenAICompatibleProvider against the policy server", () => {
  it("returns the answer with usage, label and sampling passed through", async () => {
    let seen: PolicySampling | undefined;
    const server = await serve({
      handler: async (_messages, sampling) => {
        seen = sampling;
        return TESTBENCH;
      },
    });
    const p = provider(server);
    const r = await p.complete(REQUEST);
    expect(r.text).toBe(TESTBENCH.trim());
    expect(r.reasoning).toBeNull();
    expect(r).toMatchObject({
      finishReason: "stop",
      truncated: false,
      retries: 0,
      model: "tb-model",
      costUsd: null,
    });
    expect(r.endpoint).toBe(`127.0.0.1:${server.port}/tb-model`);
    expect(p.label).toBe(r.endpoint);
    expect(r.usage?.completionTokens).toBe(Math.ceil(TESTBENCH.length / 4));
    expect(r.usage?.promptTokens).toBeGreaterThan(0);
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    expect(seen).toEqual({ temperature: 0.7, top_p: 0.8, max_tokens: 4096, seed: 7 });
    expect(p.inFlight()).toBe(0);
  });

  it("computes cost only when a price is known", async () => {
    const server = await serve();
    const r = await provider(server, { price: { prompt: 1, completion: 2 } }).complete(REQUEST);
    const expected = (r.usage!.promptTokens * 1 + r.usage!.completionTokens * 2) / 1e6;
    expect(r.costUsd).toBeCloseTo(expected, 12);
  });

  it("keeps <think> blocks and reasoning_content out of the answer", async () => {
    const thinking = await serve({
      handler: async () => `<think>\nplan the reset test\n</think>\n${TESTBENCH}`,
    });
    const a = await provider(thinking).complete(REQUEST);
    expect(a.text).toBe(TESTBENCH.trim());
    expect(a.reasoning).toBe("plan the reset test");

    const separate = await serve({
      handler: async () => ({ content: TESTBENCH, reasoningContent: "drive clk" }),
    });
    const b = await provider(separate).complete(REQUEST);
    expect(b.text).toBe(TESTBENCH.trim());
    expect(b.reasoning).toBe("drive clk");
  });

  it("marks finish_reason=length as truncated, and an unclosed <think> becomes reasoning", async () => {
    const long = await serve({ handler: async () => "x".repeat(400) });
    const a = await provider(long).complete({ ...REQUEST, sampling: { ...REQUEST.sampling, maxTokens: 10 } });
    expect(a).toMatchObject({ finishReason: "length", truncated: true, text: "x".repeat(40) });

    const cut = await serve({ handler: async () => `<think>${"reason ".repeat(50)}</think>${TESTBENCH}` });
    const b = await provider(cut).complete({ ...REQUEST, sampling: { ...REQUEST.sampling, maxTokens: 20 } });
    expect(b.truncated).toBe(true);
    expect(b.text).toBe("");
    expect(b.reasoning).toMatch(/^reason reason/);
  });

  it("retries a 500 and records retries=1", async () => {
    const server = await serve({ faultPlan: ["500", "ok"] });
    const r = await provider(server).complete(REQUEST);
    expect(r.retries).toBe(1);
    expect(r.text).toBe(TESTBENCH.trim());
    expect(server.stats).toMatchObject({ serverError: 1, ok: 1 });
  });

  it("waits at least the Retry-After of a 429", async () => {
    const server = await serve({ faultPlan: ["429", "ok"], retryAfterSeconds: 1 });
    const started = performance.now();
    const r = await provider(server).complete(REQUEST);
    const waited = performance.now() - started;
    expect(r.retries).toBe(1);
    expect(waited).toBeGreaterThanOrEqual(1000);
    expect(r.latencyMs).toBeGreaterThanOrEqual(1000);
    expect(server.stats.rateLimited).toBe(1);
  });

  it("does not retry a 401 or a 400", async () => {
    const authed = await serve({ apiKey: "the-right-key" });
    const e401 = await failure(provider(authed, { apiKey: SECRET }).complete(REQUEST));
    expect(e401).toMatchObject({ kind: "permanent", status: 401, retries: 0 });
    expect(authed.stats.unauthorized).toBe(1);

    const bad = await serve({ faultPlan: ["400", "ok"] });
    const e400 = await failure(provider(bad).complete(REQUEST));
    expect(e400).toMatchObject({ kind: "permanent", status: 400, retries: 0 });
    expect(bad.stats).toMatchObject({ badRequest: 1, ok: 0 });
  });

  it("times out a hung request and retries it", async () => {
    const server = await serve({ faultPlan: ["hang", "ok"] });
    const started = performance.now();
    const r = await provider(server, { requestTimeoutMs: 300 }).complete(REQUEST);
    expect(r.retries).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(server.stats).toMatchObject({ hung: 1, ok: 1 });
  });

  it("throws LlmCallError with the retry count when every attempt fails", async () => {
    const server = await serve({ faultPlan: ["500", "hang", "503", "ok"], retryAfterSeconds: 0 });
    const err = await failure(provider(server, { requestTimeoutMs: 200 }).complete(REQUEST));
    expect(err).toMatchObject({ kind: "transient", status: 503, retries: 2 });
    expect(err.endpoint).toBe(`127.0.0.1:${server.port}/tb-model`);
    expect(server.stats).toMatchObject({ serverError: 2, hung: 1, ok: 0 });
  });

  it("never leaks the API key: not in the label, the error text, or an inspected provider", async () => {
    // This server echoes the presented key in its 401 message, as some proxies do.
    const server = await serve({ apiKey: "the-right-key" });
    const p = provider(server, { apiKey: SECRET });
    const err = await failure(p.complete(REQUEST));
    expect(err.message).toContain("401");
    expect(err.message).toContain("[redacted]");
    expect(err.message).not.toContain(SECRET);
    expect(String(err.stack)).not.toContain(SECRET);
    expect(p.label).not.toContain(SECRET);
    expect(inspect(p, { depth: 10 })).not.toContain(SECRET);
    expect(JSON.stringify(p)).not.toContain(SECRET);
  });

  it("reads the key from the environment variable named in the config", async () => {
    const server = await serve({ apiKey: SECRET });
    process.env.LLM4COV_TEST_KEY = SECRET;
    try {
      const p = new OpenAICompatibleProvider({
        baseURL: server.baseURL,
        model: "tb-model",
        apiKeyEnv: "LLM4COV_TEST_KEY",
      });
      expect((await p.complete(REQUEST)).text).toBe(TESTBENCH.trim());
    } finally {
      delete process.env.LLM4COV_TEST_KEY;
    }
  });

  it("limits concurrency per endpoint and reports in-flight calls", async () => {
    const server = await serve({ latencyMs: 100 });
    const p = provider(server, { concurrency: 2 });
    const started = performance.now();
    const calls = Array.from({ length: 4 }, () => p.complete(REQUEST));
    expect(p.inFlight()).toBe(4);
    await Promise.all(calls);
    // 4 calls, 2 at a time, 100 ms each: two waves.
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    expect(p.inFlight()).toBe(0);
  });

  it("stops when the caller aborts", async () => {
    const server = await serve({ latencyMs: 2000 });
    const ac = new AbortController();
    const call = provider(server).complete(REQUEST, ac.signal);
    setTimeout(() => ac.abort(), 50);
    const err = await failure(call);
    expect(err.kind).toBe("aborted");
  });
});

describe("policy server", () => {
  async function post(server: PolicyServer, body: string): Promise<Response> {
    return fetch(`${server.baseURL}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
  }

  it("answers malformed JSON and missing messages with an OpenAI-style 400", async () => {
    const server = await serve();
    const r1 = await post(server, "{not json");
    expect(r1.status).toBe(400);
    const b1 = (await r1.json()) as { error: { message: string; type: string; code: string | null } };
    expect(b1.error).toMatchObject({ type: "invalid_request_error", code: "invalid_json" });
    const r2 = await post(server, JSON.stringify({ model: "tb-model" }));
    expect(r2.status).toBe(400);
    const b2 = (await r2.json()) as { error: { message: string } };
    expect(b2.error.message).toContain("messages");
    expect(server.stats.badRequest).toBe(2);
  });

  it("serves /v1/models, /health and 404s", async () => {
    const server = await serve();
    const models = (await (await fetch(`${server.baseURL}/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toEqual(["tb-model"]);
    expect(await (await fetch(`${server.url}/health`)).json()).toMatchObject({ status: "ok" });
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    expect(server.stats.notFound).toBe(1);
  });

  it("sends a Retry-After header with 429", async () => {
    const server = await serve({ faultPlan: ["429"], retryAfterSeconds: 7 });
    const r = await post(server, JSON.stringify({ messages: [{ role: "user", content: "hi" }] }));
    expect(r.status).toBe(429);
    expect(r.headers.get("retry-after")).toBe("7");
  });

  it("streams chat.completion.chunk events ending in [DONE] that the SDK can read", async () => {
    const server = await serve({ handler: async () => ({ content: TESTBENCH, reasoningContent: "why" }) });
    const raw = await post(
      server,
      JSON.stringify({
        messages: [{ role: "user", content: "hi" }],
        stream: true,
        stream_options: { include_usage: true },
      }),
    );
    expect(raw.headers.get("content-type")).toContain("text/event-stream");
    const events = (await raw.text()).split("\n\n").filter((e) => e !== "");
    expect(events.at(-1)).toBe("data: [DONE]");
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.slice("data: ".length)));
    expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
    expect(chunks.at(-1).usage.completion_tokens).toBeGreaterThan(0);

    // Read it with the SDK through both the global fetch and the provider's keep-alive fetch.
    const pooled = keepAliveFetch(2);
    for (const fetchImpl of [undefined, pooled.fetch]) {
      const client = new OpenAI({
        baseURL: server.baseURL,
        apiKey: "unused",
        maxRetries: 0,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      });
      const stream = await client.chat.completions.create({
        model: "tb-model",
        messages: [{ role: "user", content: "hi" }],
        stream: true,
      });
      let text = "";
      let finish: string | null = null;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? "";
        finish = chunk.choices[0]?.finish_reason ?? finish;
      }
      expect(text).toBe(TESTBENCH);
      expect(finish).toBe("stop");
    }
    pooled.destroy();
    expect(server.stats.streamed).toBe(3);
  });

  it("draws faults from the configured rates", async () => {
    const server = await serve({
      failRate: 0.5,
      random: (() => {
        let i = 0;
        return () => [0.1, 0.9, 0.3, 0.7][i++ % 4]!;
      })(),
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await post(server, JSON.stringify({ messages: [{ role: "user", content: "x" }] }))).status,
      );
    }
    expect(statuses).toEqual([500, 200, 500, 200]);
  });
});
