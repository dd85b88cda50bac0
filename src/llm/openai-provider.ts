// LlmProvider for any OpenAI-compatible endpoint: OpenAI and other commercial APIs, vLLM,
// llama.cpp, and our own policy server. The SDK does the HTTP; retries, the concurrency limit and
// the reasoning split are ours.

import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import OpenAI from "openai";
import PQueue from "p-queue";
import {
  DEFAULT_RETRY_POLICY,
  TransientError,
  withRetry,
  type RetryOptions,
  type RetryPolicy,
} from "./retry.js";
import type { ChatRequest, ChatResponse, LlmProvider, TokenUsage } from "./types.js";

export interface PricePer1M {
  /** USD per 1M prompt tokens. */
  prompt: number;
  /** USD per 1M completion tokens. */
  completion: number;
}

export interface OpenAICompatibleConfig {
  /** e.g. https://api.openai.com/v1 or http://gpu-host:8000/v1 */
  baseURL: string;
  model: string;
  /** The key itself. Prefer apiKeyEnv so configs and ledgers never hold a secret. */
  apiKey?: string;
  /** Name of the environment variable holding the key (default OPENAI_API_KEY). */
  apiKeyEnv?: string;
  /** Requests in flight to this endpoint at once (default 16). */
  concurrency?: number;
  /** Per-attempt limit, ms (default 600 s: long generations on a busy vLLM are normal). */
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Unknown price -> costUsd null, never 0. */
  price?: PricePer1M;
  /** Custom fetch; default keepAliveFetch with one socket per concurrency slot. */
  fetch?: typeof fetch;
  /** Test seams for the retry layer (sleep, random, onRetry). */
  retryHooks?: Pick<RetryOptions, "sleep" | "random" | "onRetry">;
}

export interface ReasoningSplit {
  text: string;
  reasoning: string | null;
}

const THINK_BLOCK = /<think>([\s\S]*?)<\/think>/g;

/**
 * Separate `<think>` reasoning from the answer. Handles closed blocks anywhere, a leading `<think>`
 * left unclosed because the token limit cut the answer, and a lone `</think>` (chat templates such
 * as Qwen3's put the opening tag in the prompt, so the reply starts inside the reasoning).
 */
export function splitReasoning(raw: string): ReasoningSplit {
  const parts: string[] = [];
  let text = raw;
  const firstClose = text.indexOf("</think>");
  const firstOpen = text.indexOf("<think>");
  if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen)) {
    parts.push(text.slice(0, firstClose));
    text = text.slice(firstClose + "</think>".length);
  }
  text = text.replace(THINK_BLOCK, (_match, inner: string) => {
    parts.push(inner);
    return "";
  });
  const open = text.indexOf("<think>");
  if (open >= 0 && text.slice(0, open).trim() === "") {
    parts.push(text.slice(open + "<think>".length));
    text = "";
  }
  const reasoning = parts.map((p) => p.trim()).filter((p) => p !== "");
  return { text: text.trim(), reasoning: reasoning.length > 0 ? reasoning.join("\n\n") : null };
}

function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return "invalid-url";
  }
}

/** Remove every occurrence of the key (and its Bearer form) from text that may reach a log. */
export function makeRedactor(secret: string | undefined): (text: string) => string {
  if (!secret || secret.length < 4) return (text) => text;
  return (text) => text.split(secret).join("[redacted]");
}

function abortError(): DOMException {
  // The SDK recognises aborts (and so its own timeouts) by this name.
  return new DOMException("This operation was aborted", "AbortError");
}

function bodyBytes(body: unknown): string | Uint8Array | null | undefined {
  if (body === undefined || body === null || typeof body === "string" || body instanceof Uint8Array)
    return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}

export interface KeepAliveFetch {
  fetch: typeof fetch;
  /** Close the pooled sockets. */
  destroy(): void;
}

/**
 * A fetch on node:http(s) with a keep-alive agent of `maxSockets` connections. Node 20's global
 * fetch (undici) spends about twice the CPU per request (WHATWG streams in both directions) and
 * opens sockets beyond the concurrency limit under load (it hands out a socket only after a
 * response body is drained); with hundreds of requests in flight that CPU decides the throughput
 * (bench/llm-tier.ts). Bodies it cannot send as bytes (streams, forms) go to the global fetch.
 * Non-streaming responses are read whole; `text/event-stream` responses stream. It follows no
 * redirects (an API endpoint should not send any; a 3xx fails as a permanent error) and asks for
 * uncompressed bodies, since it does not decompress.
 */
export function keepAliveFetch(maxSockets: number): KeepAliveFetch {
  const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: "lifo" as const };
  const agents = { "http:": new http.Agent(options), "https:": new https.Agent(options) };
  const doFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const body = bodyBytes(init.body);
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    if (
      body === undefined ||
      input instanceof Request ||
      (url.protocol !== "http:" && url.protocol !== "https:")
    ) {
      return fetch(input, init);
    }
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    if (body !== null) headers["content-length"] = String(Buffer.byteLength(body));
    headers["accept-encoding"] ??= "identity";
    const signal = init.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const transport = url.protocol === "https:" ? https : http;
      const agent = agents[url.protocol as "http:" | "https:"];
      let settled = false;
      const settle = (fn: () => void) => {
        signal?.removeEventListener("abort", onAbort);
        if (!settled) {
          settled = true;
          fn();
        }
      };
      const req = transport.request(url, { method: init.method ?? "GET", headers, agent }, (res) => {
        const status = res.statusCode ?? 502;
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        }
        const meta: ResponseInit = { status, statusText: res.statusMessage ?? "", headers: responseHeaders };
        const noBody =
          status === 204 || status === 205 || status === 304 || init.method?.toUpperCase() === "HEAD";
        if (!noBody && (responseHeaders.get("content-type") ?? "").includes("text/event-stream")) {
          // Streams stay abortable to their end, so the listener is not removed here.
          settled = true;
          resolve(new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, meta));
          return;
        }
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => settle(() => resolve(new Response(noBody ? null : Buffer.concat(chunks), meta))));
        res.on("error", (err) => settle(() => reject(new TypeError("fetch failed", { cause: err }))));
      });
      const onAbort = () => {
        req.destroy();
        settle(() => reject(abortError()));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      // Same shape as undici's failure, so the SDK wraps it as APIConnectionError.
      req.on("error", (err) => settle(() => reject(new TypeError("fetch failed", { cause: err }))));
      req.end(body ?? undefined);
    });
  };
  return {
    fetch: doFetch as typeof fetch,
    destroy: () => {
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  };
}

// What the SDK returns is typed for OpenAI; reasoning servers add fields it does not declare.
interface ReasoningFields {
  reasoning_content?: unknown;
  reasoning?: unknown;
}

export class OpenAICompatibleProvider implements LlmProvider {
  readonly label: string;
  readonly model: string;
  // #private: util.inspect / JSON.stringify skip them, and the client holds the key.
  readonly #client: OpenAI;
  private readonly queue: PQueue;
  private readonly policy: RetryPolicy;
  readonly #redact: (text: string) => string;
  private readonly price: PricePer1M | undefined;
  private readonly retryHooks: OpenAICompatibleConfig["retryHooks"];
  private readonly ownFetch: KeepAliveFetch | undefined;
  private active = 0;

  // The config is not kept whole: it may hold the key, and a logged provider must not show it.
  constructor(config: OpenAICompatibleConfig) {
    this.model = config.model;
    // Built from host and model only: the key must never reach a label, log or ledger.
    this.label = `${hostOf(config.baseURL)}/${config.model}`;
    const key = config.apiKey ?? process.env[config.apiKeyEnv ?? "OPENAI_API_KEY"];
    this.#redact = makeRedactor(key);
    // Undefined fields (e.g. from an optional CLI flag) must not erase the defaults.
    const overrides = Object.entries(config.retry ?? {}).filter(([, v]) => v !== undefined);
    this.policy = { ...DEFAULT_RETRY_POLICY, ...Object.fromEntries(overrides) };
    this.price = config.price;
    this.retryHooks = config.retryHooks;
    const concurrency = Math.max(1, config.concurrency ?? 16);
    this.queue = new PQueue({ concurrency });
    this.ownFetch = config.fetch ? undefined : keepAliveFetch(concurrency);
    this.#client = new OpenAI({
      baseURL: config.baseURL,
      // Self-hosted servers (vLLM, llama.cpp) usually need no key, but the SDK refuses to start
      // without one; a placeholder lets them work and a real API answers 401 (permanent).
      apiKey: key ?? "no-key",
      // One retry layer: ours. SDK retries would multiply with it.
      maxRetries: 0,
      timeout: config.requestTimeoutMs ?? 600_000,
      // Org/project headers from the environment belong to OpenAI, not to whatever host this is.
      organization: null,
      project: null,
      fetch: config.fetch ?? this.ownFetch!.fetch,
    });
  }

  inFlight(): number {
    return this.active;
  }

  async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
    // Counted before the first await so a pool dispatching a burst sees the load at once.
    this.active++;
    const started = performance.now();
    try {
      const { value, retries } = await withRetry(
        // Each attempt takes a queue slot only while on the wire; backoff sleeps hold no slot.
        () => this.queue.add(() => this.attempt(request, signal), { signal }),
        this.policy,
        { ...this.retryHooks, endpoint: this.label, redact: this.#redact, ...(signal ? { signal } : {}) },
      );
      // Latency is what the caller waited: queueing and retries included.
      return { ...value, retries, latencyMs: Math.round(performance.now() - started) };
    } finally {
      this.active--;
    }
  }

  private async attempt(
    request: ChatRequest,
    signal: AbortSignal | undefined,
  ): Promise<Omit<ChatResponse, "retries" | "latencyMs">> {
    const s = request.sampling;
    // The SDK adds an abort listener to the signal it is given and never removes it; given the
    // caller's long-lived signal that leaks one listener per request (MaxListenersExceededWarning).
    // So it gets a per-attempt signal, linked to the caller's only while the attempt runs.
    const link = new AbortController();
    const onAbort = () => link.abort(signal?.reason);
    if (signal?.aborted) link.abort(signal.reason);
    else signal?.addEventListener("abort", onAbort, { once: true });
    let completion;
    try {
      completion = await this.#client.chat.completions.create(
        {
          model: this.model,
          messages: request.messages,
          temperature: s.temperature,
          top_p: s.topP,
          max_tokens: s.maxTokens,
          ...(s.seed !== undefined ? { seed: s.seed } : {}),
        },
        signal ? { signal: link.signal } : {},
      );
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
    const choice = completion.choices?.[0];
    if (!choice) throw new TransientError("response has no choices");
    const message = choice.message as typeof choice.message & ReasoningFields;
    const split = splitReasoning(message.content ?? "");
    const serverReasoning =
      typeof message.reasoning_content === "string"
        ? message.reasoning_content
        : typeof message.reasoning === "string"
          ? message.reasoning
          : null;
    const reasoningParts = [serverReasoning?.trim(), split.reasoning].filter((p): p is string => !!p);
    const usage: TokenUsage | null = completion.usage
      ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens }
      : null;
    const finishReason = choice.finish_reason ?? "unknown";
    return {
      text: split.text,
      reasoning: reasoningParts.length > 0 ? reasoningParts.join("\n\n") : null,
      finishReason,
      truncated: finishReason === "length",
      usage,
      costUsd: this.cost(usage),
      endpoint: this.label,
      model: completion.model || this.model,
    };
  }

  private cost(usage: TokenUsage | null): number | null {
    const price = this.price;
    if (!price || !usage) return null;
    return (usage.promptTokens * price.prompt + usage.completionTokens * price.completion) / 1_000_000;
  }

  async close(): Promise<void> {
    // Queued calls are let finish: clearing the queue would leave their promises pending forever.
    await this.queue.onIdle();
    this.ownFetch?.destroy();
  }
}
