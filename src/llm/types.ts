// The LLM tier's one interface. Every policy — an OpenAI-compatible endpoint or the built-in
// baseline — is an LlmProvider, so workflows never care which one they talk to.

import type { ChatMessage } from "../core/chat.js";
export type { ChatMessage } from "../core/chat.js";

export interface SamplingOptions {
  temperature: number;
  topP: number;
  maxTokens: number;
  /** Passed to the server when set; also feeds the built-in policy's random generator. */
  seed?: number;
}

export const DEFAULT_SAMPLING: SamplingOptions = { temperature: 0.7, topP: 0.8, maxTokens: 8192 };

export interface ChatRequest {
  messages: ChatMessage[];
  sampling: SamplingOptions;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatResponse {
  /** The answer with reasoning removed. */
  text: string;
  /** `<think>` content or the server's reasoning_content, kept apart from the answer. */
  reasoning: string | null;
  finishReason: string;
  /** finish_reason=length: the answer was cut by the token limit. */
  truncated: boolean;
  usage: TokenUsage | null;
  /** USD; null when the price is unknown (unknown is not zero). */
  costUsd: number | null;
  latencyMs: number;
  /** How many attempts failed before this answer. */
  retries: number;
  /** Display label of the endpoint that answered (never contains a key). */
  endpoint: string;
  model: string;
}

export interface LlmProvider {
  /** Display name for logs and the ledger; never a secret. */
  readonly label: string;
  readonly model: string;
  complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse>;
  /** Requests currently in flight (for progress display). */
  inFlight(): number;
  close?(): Promise<void>;
}

/** Thrown when every retry failed or the failure is permanent; `retries` says how many were made. */
export class LlmCallError extends Error {
  constructor(
    message: string,
    readonly kind: "rate_limit" | "transient" | "permanent" | "timeout" | "aborted",
    readonly retries: number,
    readonly endpoint: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "LlmCallError";
  }
}
