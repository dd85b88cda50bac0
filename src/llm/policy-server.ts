// An OpenAI-compatible HTTP front for any policy function, on node:http only. It is how the built-in
// baseline policy runs with no LLM, and with its fault injection it is the test double for the
// whole LLM tier: tests and benchmarks drive the real OpenAI client against it over real sockets.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ChatMessage } from "./types.js";
import {
  BodyTooLarge,
  ChatBody,
  DEFAULTS,
  approxTokens,
  sendJson,
  sendError,
  readBody,
  toMessages,
  applyBudget,
  streamReply,
} from "./openai-wire.js";

/** Sampling parameters as the client sent them, in OpenAI's names. */
export interface PolicySampling {
  temperature: number;
  top_p: number;
  max_tokens: number;
  seed?: number;
}

/** A handler may return reasoning separately; the server sends it as `reasoning_content` like vLLM. */
export interface PolicyReply {
  content: string;
  reasoningContent?: string;
}

export type PolicyHandler = (
  messages: ChatMessage[],
  sampling: PolicySampling,
) => Promise<string | PolicyReply>;

/**
 * Thrown by a handler for a request it refuses as malformed (e.g. a prompt naming an unsafe
 * file): the server answers HTTP 400 with the message, like an OpenAI server rejects bad input.
 */
export class PolicyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyInputError";
  }
}

/** One scripted outcome for the next chat request; "hang" never answers. */
export type FaultStep = "ok" | "500" | "503" | "429" | "400" | "hang";

export interface PolicyServerOptions {
  handler: PolicyHandler;
  /** Default 127.0.0.1: a test double should not listen on the network unless asked. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  model?: string;
  /** Added before every chat answer (not before injected errors, which real servers send fast). */
  latencyMs?: number;
  /** Probability of an HTTP 500. */
  failRate?: number;
  /** Probability of an HTTP 429 carrying Retry-After. */
  rateLimitRate?: number;
  /** Seconds put in Retry-After on 429/503 (default 1). */
  retryAfterSeconds?: number;
  /** Probability of never answering, until the client gives up. */
  hangRate?: number;
  /** Consumed in order, one step per chat request, before the random rates apply. */
  faultPlan?: FaultStep[];
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Injected so fault draws are reproducible. */
  random?: () => number;
  /** Answers every request with 503 for this long after start, like a server loading weights. */
  readyAfterMs?: number;
}

export interface PolicyServerStats {
  /** Every HTTP request, any path. */
  total: number;
  /** Chat completions answered with 200 (streamed ones included). */
  ok: number;
  streamed: number;
  serverError: number;
  rateLimited: number;
  hung: number;
  badRequest: number;
  unauthorized: number;
  notFound: number;
  handlerError: number;
}

export interface PolicyServer {
  /** http://host:port, no trailing slash. */
  url: string;
  /** url + "/v1", what an OpenAI client takes as baseURL. */
  baseURL: string;
  port: number;
  /** Live counters, updated as requests complete. */
  stats: PolicyServerStats;
  close(): Promise<void>;
}

function newStats(): PolicyServerStats {
  return {
    total: 0,
    ok: 0,
    streamed: 0,
    serverError: 0,
    rateLimited: 0,
    hung: 0,
    badRequest: 0,
    unauthorized: 0,
    notFound: 0,
    handlerError: 0,
  };
}

export async function startPolicyServer(opts: PolicyServerOptions): Promise<PolicyServer> {
  const model = opts.model ?? "llm4cov-policy";
  const random = opts.random ?? Math.random;
  const retryAfter = String(opts.retryAfterSeconds ?? 1);
  const plan = [...(opts.faultPlan ?? [])];
  const stats = newStats();
  const timers = new Set<NodeJS.Timeout>();
  let nextId = 0;

  const nextFault = (): FaultStep => {
    const step = plan.shift();
    if (step !== undefined) return step;
    // One draw split into bands, so the rates are exact probabilities and add up.
    const r = random();
    let edge = opts.hangRate ?? 0;
    if (r < edge) return "hang";
    edge += opts.failRate ?? 0;
    if (r < edge) return "500";
    edge += opts.rateLimitRate ?? 0;
    if (r < edge) return "429";
    return "ok";
  };

  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (ms <= 0) return resolve();
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const handleChat = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (opts.apiKey !== undefined) {
      const auth = req.headers.authorization ?? "";
      const presented = auth.startsWith("Bearer ") ? auth.slice("Bearer ".length) : auth;
      if (presented !== opts.apiKey) {
        stats.unauthorized++;
        // Echoes the presented key, as some proxies do, so the client's redaction gets exercised.
        sendError(
          res,
          401,
          `Incorrect API key provided: ${presented}`,
          "invalid_request_error",
          "invalid_api_key",
        );
        return;
      }
    }
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (err) {
      stats.badRequest++;
      if (err instanceof BodyTooLarge)
        sendError(res, 413, "request body too large", "invalid_request_error", null);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      stats.badRequest++;
      sendError(res, 400, "request body is not valid JSON", "invalid_request_error", "invalid_json");
      return;
    }
    const parsed = ChatBody.safeParse(json);
    if (!parsed.success) {
      stats.badRequest++;
      const first = parsed.error.issues[0];
      const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
      sendError(
        res,
        400,
        `invalid request: ${where}${first?.message ?? "bad body"}`,
        "invalid_request_error",
        null,
      );
      return;
    }
    const body = parsed.data;

    const fault = nextFault();
    switch (fault) {
      case "hang":
        // Never answer; the socket stays open until the client gives up or close() runs.
        stats.hung++;
        return;
      case "500":
      case "503":
        stats.serverError++;
        sendError(
          res,
          Number(fault),
          "injected server error",
          "server_error",
          null,
          fault === "503" ? { "retry-after": retryAfter } : {},
        );
        return;
      case "429":
        stats.rateLimited++;
        sendError(res, 429, "injected rate limit", "requests", "rate_limit_exceeded", {
          "retry-after": retryAfter,
        });
        return;
      case "400":
        stats.badRequest++;
        sendError(res, 400, "injected bad request", "invalid_request_error", null);
        return;
      case "ok":
        break;
    }

    const messages = toMessages(body);
    const sampling: PolicySampling = {
      temperature: body.temperature ?? DEFAULTS.temperature,
      top_p: body.top_p ?? DEFAULTS.top_p,
      max_tokens: body.max_completion_tokens ?? body.max_tokens ?? DEFAULTS.max_tokens,
      ...(body.seed !== undefined && body.seed !== null ? { seed: body.seed } : {}),
    };
    let answer: string | PolicyReply;
    try {
      [answer] = await Promise.all([opts.handler(messages, sampling), delay(opts.latencyMs ?? 0)]);
    } catch (err) {
      if (err instanceof PolicyInputError) {
        stats.badRequest++;
        sendError(res, 400, `invalid request: ${err.message}`, "invalid_request_error", "invalid_prompt");
        return;
      }
      stats.handlerError++;
      sendError(res, 500, `policy failed: ${(err as Error).message ?? String(err)}`, "server_error", null);
      return;
    }
    const full: PolicyReply = typeof answer === "string" ? { content: answer } : answer;
    const { reply, truncated } = applyBudget(full, sampling.max_tokens);
    const finishReason = truncated ? "length" : "stop";
    const promptTokens = approxTokens(messages.map((m) => m.content).join(""));
    const completionTokens = approxTokens((reply.reasoningContent ?? "") + reply.content);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    };
    const id = `chatcmpl-${++nextId}`;
    const created = Math.floor(Date.now() / 1000);

    if (body.stream) {
      stats.ok++;
      stats.streamed++;
      streamReply(res, {
        id,
        created,
        model,
        reply,
        finishReason,
        usage: body.stream_options?.include_usage ? usage : null,
      });
      return;
    }
    stats.ok++;
    sendJson(res, 200, {
      id,
      object: "chat.completion",
      created,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: reply.content,
            ...(reply.reasoningContent !== undefined ? { reasoning_content: reply.reasoningContent } : {}),
          },
          logprobs: null,
          finish_reason: finishReason,
        },
      ],
      usage,
    });
  };

  const readyAt = Date.now() + (opts.readyAfterMs ?? 0);
  const server: Server = createServer((req, res) => {
    stats.total++;
    if (Date.now() < readyAt) {
      stats.serverError++;
      sendError(res, 503, "model is loading", "server_error", null, { "retry-after": retryAfter });
      return;
    }
    const path = (req.url ?? "/").split("?")[0]!.replace(/\/+$/, "");
    // Accept paths with and without /v1: clients disagree on whether baseURL includes it.
    const route = path.startsWith("/v1/") ? path.slice(3) : path;
    if (route === "/chat/completions" && req.method === "POST") {
      handleChat(req, res).catch((err: unknown) => {
        stats.handlerError++;
        sendError(res, 500, `internal error: ${String(err)}`, "server_error", null);
      });
      return;
    }
    if (route === "/models" && req.method === "GET") {
      sendJson(res, 200, {
        object: "list",
        data: [{ id: model, object: "model", created: 0, owned_by: "llm4cov" }],
      });
      return;
    }
    if (route === "/health" && req.method === "GET") {
      sendJson(res, 200, { status: "ok", model });
      return;
    }
    stats.notFound++;
    sendError(res, 404, `no route for ${req.method} ${path}`, "invalid_request_error", "not_found");
  });
  // Longer than undici's 4 s client keep-alive, so the client always closes idle sockets first and
  // never sends a request on a socket the server is closing.
  server.keepAliveTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  return {
    url,
    baseURL: `${url}/v1`,
    port: address.port,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        // Hung and keep-alive sockets would otherwise hold close() open forever.
        server.closeAllConnections();
      }),
  };
}
