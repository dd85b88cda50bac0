// The OpenAI chat-completions wire format as the policy server speaks it: request schema, body
// reading, JSON and SSE (streamed) replies, and the token budget. Used by policy-server.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { PolicyReply } from "./policy-server.js";
import type { ChatMessage } from "./types.js";

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

const ContentPart = z.object({ type: z.string(), text: z.string().optional() }).loose();

export const ChatBody = z
  .object({
    model: z.string().optional(),
    messages: z
      .array(
        z.object({
          // "developer" is OpenAI's newer name for system.
          role: z.enum(["system", "developer", "user", "assistant"]),
          content: z.union([z.string(), z.array(ContentPart)]),
        }),
      )
      .min(1),
    temperature: z.number().min(0).max(2).nullish(),
    top_p: z.number().gt(0).max(1).nullish(),
    max_tokens: z.number().int().positive().nullish(),
    max_completion_tokens: z.number().int().positive().nullish(),
    seed: z.number().int().nullish(),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().nullish() }).loose().nullish(),
  })
  // Clients send many fields we do not use (n, stop, user, ...); ignoring them is what servers do.
  .loose();

export type ChatBodyT = z.infer<typeof ChatBody>;

// OpenAI's defaults when a field is absent; max_tokens has no OpenAI default, so use a generous one.
export const DEFAULTS = { temperature: 1, top_p: 1, max_tokens: 8192 };

/**
 * Approximate token count: characters / 4, rounded up. This server has no tokenizer (and the
 * baseline policy has no model), so usage numbers are an estimate in OpenAI's rule-of-thumb ratio,
 * good for accounting plumbing and benchmarks, not for billing.
 */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { message, type, code, param: null } }, headers);
}

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function toMessages(body: ChatBodyT): ChatMessage[] {
  return body.messages.map((m) => ({
    role: m.role === "developer" ? "system" : m.role,
    content: typeof m.content === "string" ? m.content : m.content.map((p) => p.text ?? "").join(""),
  }));
}

/** Cut reasoning + content to the token budget (reasoning is generated first, so it is spent first). */
export function applyBudget(
  reply: PolicyReply,
  maxTokens: number,
): { reply: PolicyReply; truncated: boolean } {
  const budgetChars = maxTokens * 4;
  const reasoning = reply.reasoningContent ?? "";
  if (reasoning.length + reply.content.length <= budgetChars) return { reply, truncated: false };
  const keptReasoning = reasoning.slice(0, budgetChars);
  const content = reply.content.slice(0, Math.max(0, budgetChars - keptReasoning.length));
  return {
    reply: { content, ...(reply.reasoningContent !== undefined ? { reasoningContent: keptReasoning } : {}) },
    truncated: true,
  };
}

interface StreamArgs {
  id: string;
  created: number;
  model: string;
  reply: PolicyReply;
  finishReason: string;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
}

/** Server-sent events in OpenAI's chat.completion.chunk format, ending with `data: [DONE]`. */
export function streamReply(res: ServerResponse, a: StreamArgs): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
    id: a.id,
    object: "chat.completion.chunk",
    created: a.created,
    model: a.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const send = (payload: unknown) => res.write(`data: ${JSON.stringify(payload)}\n\n`);
  send(chunk({ role: "assistant", content: "" }, null));
  const PIECE = 64;
  const reasoning = a.reply.reasoningContent ?? "";
  for (let i = 0; i < reasoning.length; i += PIECE)
    send(chunk({ reasoning_content: reasoning.slice(i, i + PIECE) }, null));
  for (let i = 0; i < a.reply.content.length; i += PIECE)
    send(chunk({ content: a.reply.content.slice(i, i + PIECE) }, null));
  send(chunk({}, a.finishReason));
  // With stream_options.include_usage OpenAI sends a last chunk with empty choices and the usage.
  if (a.usage)
    send({
      id: a.id,
      object: "chat.completion.chunk",
      created: a.created,
      model: a.model,
      choices: [],
      usage: a.usage,
    });
  res.end("data: [DONE]\n\n");
}
