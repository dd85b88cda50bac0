// The LLM tier's one retry layer. The SDK's own retries are off (maxRetries: 0) and nothing else
// retries, because retries multiply across layers: 3 SDK retries x 3 of ours would be 16 attempts.
// Failures are classified by HTTP status and error class, never by message text, which changes
// between servers and SDK versions.

import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { LlmCallError } from "./types.js";

export type FailureKind = LlmCallError["kind"];

export interface RetryPolicy {
  /** Total attempts, the first one included (1 = never retry). */
  maxAttempts: number;
  /** Backoff ceiling for the first retry; doubles each retry up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Longest Retry-After we are willing to wait. A server asking for more than this fails the call
   * now: waiting less than it asked only earns another 429.
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** Throw this from inside a retried function to say "do not retry" explicitly. */
export class PermanentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentError";
  }
}

/** Throw this for a failure known to be worth retrying (e.g. a 200 response without choices). */
export class TransientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransientError";
  }
}

export interface Classification {
  kind: FailureKind;
  retryable: boolean;
  status?: number;
  /** Server-requested wait from Retry-After / retry-after-ms, when it sent one. */
  retryAfterMs?: number;
}

// Node socket error codes (err.code, a stable identifier) that mean "the connection broke", which
// a fresh attempt may not hit. Seen when callers use a plain fetch or http client, not the SDK.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** HTTP status -> kind. 408/409/5xx are the server's trouble; other 4xx are our request's. */
export function classifyStatus(status: number): { kind: FailureKind; retryable: boolean } {
  if (status === 429) return { kind: "rate_limit", retryable: true };
  if (status === 408 || status === 409 || status >= 500) return { kind: "transient", retryable: true };
  return { kind: "permanent", retryable: false };
}

/**
 * Parse Retry-After (delta seconds or an HTTP date) into milliseconds from `nowMs`.
 * Returns null when absent or unparseable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === "") return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date always names the month; without this, Date.parse("-1") would be year -1.
  if (!/[a-z]/i.test(text)) return null;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

function headerOf(headers: unknown, name: string): string | null {
  if (headers && typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  if (headers && typeof headers === "object") {
    const value = (headers as Record<string, unknown>)[name];
    if (typeof value === "string") return value;
  }
  return null;
}

/** The wait a response asked for: retry-after-ms (OpenAI's precise variant) first, then Retry-After. */
export function retryAfterFromHeaders(headers: unknown, nowMs: number): number | null {
  const ms = headerOf(headers, "retry-after-ms");
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms));
  return parseRetryAfter(headerOf(headers, "retry-after"), nowMs);
}

/** Decide what a failure means. `signal` tells a caller's abort apart from our own timeout. */
export function classifyError(
  err: unknown,
  signal?: AbortSignal,
  nowMs: number = Date.now(),
): Classification {
  if (signal?.aborted) return { kind: "aborted", retryable: false };
  if (err instanceof LlmCallError) {
    const retryable = err.kind === "rate_limit" || err.kind === "transient" || err.kind === "timeout";
    return { kind: err.kind, retryable, ...(err.status !== undefined ? { status: err.status } : {}) };
  }
  if (err instanceof PermanentError) return { kind: "permanent", retryable: false };
  if (err instanceof TransientError) return { kind: "transient", retryable: true };
  // Order matters: the timeout and abort classes are subclasses of APIConnectionError / APIError.
  if (err instanceof APIUserAbortError) return { kind: "aborted", retryable: false };
  if (err instanceof APIConnectionTimeoutError) return { kind: "timeout", retryable: true };
  if (err instanceof APIConnectionError) return { kind: "transient", retryable: true };
  const status =
    err instanceof APIError
      ? err.status
      : typeof (err as { status?: unknown } | null)?.status === "number"
        ? (err as { status: number }).status
        : undefined;
  if (typeof status === "number") {
    const base = classifyStatus(status);
    const headers = (err as { headers?: unknown }).headers;
    const retryAfter = base.retryable ? retryAfterFromHeaders(headers, nowMs) : null;
    return { ...base, status, ...(retryAfter !== null ? { retryAfterMs: retryAfter } : {}) };
  }
  const name = (err as { name?: unknown } | null)?.name;
  if (name === "TimeoutError") return { kind: "timeout", retryable: true };
  if (name === "AbortError") return { kind: "aborted", retryable: false };
  const code =
    (err as { code?: unknown } | null)?.code ?? (err as { cause?: { code?: unknown } })?.cause?.code;
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return { kind: "transient", retryable: true };
  // Anything else is most likely a bug in our code; repeating it would only hide it.
  return { kind: "permanent", retryable: false };
}

/** Full jitter (AWS architecture blog): uniform in [0, min(max, base * 2^retry)]. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;

/** setTimeout that an abort cuts short (rejects), so a cancelled run does not sit out a backoff. */
export const realSleep: SleepFn = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export interface RetryEvent {
  /** 1-based number of the retry about to happen. */
  retry: number;
  delayMs: number;
  classification: Classification;
  error: unknown;
}

export interface RetryOptions {
  signal?: AbortSignal;
  /** Display label put in the LlmCallError; never a secret. */
  endpoint?: string;
  sleep?: SleepFn;
  random?: () => number;
  now?: () => number;
  onRetry?: (event: RetryEvent) => void;
  /** Applied to every error text before it leaves this layer (removes API keys). */
  redact?: (text: string) => string;
}

export interface RetryResult<T> {
  value: T;
  /** Failed attempts before the one that succeeded. */
  retries: number;
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * Run `fn` until it succeeds, fails permanently, or uses up `policy.maxAttempts`.
 * `fn` receives the 0-based attempt number. Throws LlmCallError carrying the kind of the last
 * failure and how many retries were made.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  options: RetryOptions = {},
): Promise<RetryResult<T>> {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const redact = options.redact ?? ((text: string) => text);
  const endpoint = options.endpoint ?? "llm";
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));
  const fail = (message: string, c: Classification, retries: number) =>
    new LlmCallError(redact(`${endpoint}: ${message}`), c.kind, retries, endpoint, c.status);

  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) throw fail("aborted", { kind: "aborted", retryable: false }, attempt);
    try {
      return { value: await fn(attempt), retries: attempt };
    } catch (err) {
      const c = classifyError(err, options.signal, now());
      const what = `${c.kind}${c.status !== undefined ? ` (HTTP ${c.status})` : ""}: ${errorText(err)}`;
      if (!c.retryable) throw fail(what, c, attempt);
      if (attempt + 1 >= maxAttempts)
        throw fail(`${what} (gave up after ${attempt + 1} attempts)`, c, attempt);
      if (c.retryAfterMs !== undefined && c.retryAfterMs > policy.maxRetryAfterMs) {
        throw fail(`${what} (server asked to wait ${c.retryAfterMs} ms, over the limit)`, c, attempt);
      }
      // The server's wait wins over our backoff: it knows when its quota refills.
      const delayMs = c.retryAfterMs ?? backoffDelay(attempt, policy, random);
      options.onRetry?.({ retry: attempt + 1, delayMs, classification: c, error: err });
      try {
        await sleep(delayMs, options.signal);
      } catch {
        throw fail("aborted during backoff", { kind: "aborted", retryable: false }, attempt);
      }
    }
  }
}
