import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  classifyError,
  classifyStatus,
  parseRetryAfter,
  PermanentError,
  TransientError,
  withRetry,
  type RetryPolicy,
  type SleepFn,
} from "../src/llm/retry.js";
import { LlmCallError } from "../src/llm/types.js";

const POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 10_000 };

function httpError(status: number, headers: Record<string, string> = {}): APIError {
  return APIError.generate(
    status,
    { error: { message: `status ${status}` } },
    undefined,
    new Headers(headers),
  );
}

/** A sleep that records the waits instead of waiting. */
function recordingSleep(): { sleep: SleepFn; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}

/** fn that throws the given errors in order, then returns "ok". */
function failingThen(errors: unknown[]): { fn: () => Promise<string>; calls: () => number } {
  let n = 0;
  return {
    calls: () => n,
    fn: async () => {
      const err = errors[n++];
      if (err !== undefined) throw err;
      return "ok";
    },
  };
}

describe("classifyStatus", () => {
  it.each([
    [429, "rate_limit", true],
    [408, "transient", true],
    [409, "transient", true],
    [500, "transient", true],
    [502, "transient", true],
    [503, "transient", true],
    [400, "permanent", false],
    [401, "permanent", false],
    [403, "permanent", false],
    [404, "permanent", false],
    [422, "permanent", false],
  ])("HTTP %i -> %s", (status, kind, retryable) => {
    expect(classifyStatus(status)).toEqual({ kind, retryable });
  });
});

describe("classifyError", () => {
  it("uses the SDK's error classes", () => {
    expect(classifyError(httpError(429))).toMatchObject({ kind: "rate_limit", retryable: true, status: 429 });
    expect(classifyError(httpError(500))).toMatchObject({ kind: "transient", retryable: true, status: 500 });
    expect(classifyError(httpError(401))).toMatchObject({ kind: "permanent", retryable: false, status: 401 });
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(classifyError(new APIConnectionError({ cause: refused }))).toMatchObject({
      kind: "transient",
      retryable: true,
    });
    expect(classifyError(new APIConnectionTimeoutError())).toMatchObject({
      kind: "timeout",
      retryable: true,
    });
    expect(classifyError(new APIUserAbortError())).toMatchObject({ kind: "aborted", retryable: false });
  });

  it("reads Retry-After and retry-after-ms from retryable responses only", () => {
    expect(classifyError(httpError(429, { "retry-after": "3" })).retryAfterMs).toBe(3000);
    expect(classifyError(httpError(503, { "retry-after-ms": "250" })).retryAfterMs).toBe(250);
    expect(classifyError(httpError(400, { "retry-after": "3" })).retryAfterMs).toBeUndefined();
  });

  it("does not look at message text", () => {
    // A message that merely mentions a connection error is not one.
    expect(classifyError(new Error("ECONNRESET: socket hang up, 503, rate limit"))).toMatchObject({
      kind: "permanent",
      retryable: false,
    });
    // The stable err.code is what counts.
    const reset = Object.assign(new Error("whatever"), { code: "ECONNRESET" });
    expect(classifyError(reset)).toMatchObject({ kind: "transient", retryable: true });
    expect(classifyError({ status: 502, headers: {} })).toMatchObject({ kind: "transient", status: 502 });
  });

  it("honours explicit markers and an aborted signal", () => {
    expect(classifyError(new PermanentError("no licence")).retryable).toBe(false);
    expect(classifyError(new TransientError("no choices")).retryable).toBe(true);
    const ac = new AbortController();
    ac.abort();
    expect(classifyError(httpError(500), ac.signal).kind).toBe("aborted");
    expect(classifyError(new LlmCallError("x", "timeout", 2, "e")).retryable).toBe(true);
    expect(classifyError(new LlmCallError("x", "permanent", 0, "e", 400)).retryable).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it("parses delta seconds and HTTP dates", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 1.5 ", now)).toBe(1500);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:07 GMT", now)).toBe(7000);
    // A date already past means "now", not a negative wait.
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:59:00 GMT", now)).toBe(0);
  });
  it("returns null for absent or garbage values", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-1", now)).toBeNull();
  });
});

describe("backoffDelay", () => {
  it("is full jitter under an exponential ceiling capped at maxDelayMs", () => {
    const top = () => 0.999999;
    expect(backoffDelay(0, POLICY, top)).toBe(99);
    expect(backoffDelay(1, POLICY, top)).toBe(199);
    expect(backoffDelay(3, POLICY, top)).toBe(799);
    expect(backoffDelay(10, POLICY, top)).toBe(999);
    expect(backoffDelay(5, POLICY, () => 0)).toBe(0);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(2, POLICY);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(400);
    }
  });
});

describe("withRetry", () => {
  it("retries transient failures with backoff and counts the retries", async () => {
    const { sleep, waits } = recordingSleep();
    const f = failingThen([httpError(500), new APIConnectionTimeoutError()]);
    const result = await withRetry(f.fn, POLICY, { sleep, random: () => 0.5 });
    expect(result).toEqual({ value: "ok", retries: 2 });
    expect(waits).toEqual([50, 100]);
  });

  it("waits what Retry-After says instead of its own backoff", async () => {
    const { sleep, waits } = recordingSleep();
    const f = failingThen([httpError(429, { "retry-after": "3" })]);
    const result = await withRetry(f.fn, POLICY, { sleep, random: () => 0 });
    expect(result.retries).toBe(1);
    expect(waits).toEqual([3000]);
  });

  it("gives up at once when Retry-After exceeds the limit", async () => {
    const { sleep, waits } = recordingSleep();
    const f = failingThen([httpError(429, { "retry-after": "3600" })]);
    const err = await withRetry(f.fn, POLICY, { sleep }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmCallError);
    expect(err).toMatchObject({ kind: "rate_limit", retries: 0, status: 429 });
    expect(waits).toEqual([]);
  });

  it.each([400, 401, 403, 404, 422])("never retries HTTP %i", async (status) => {
    const { sleep } = recordingSleep();
    const f = failingThen([httpError(status)]);
    const err = await withRetry(f.fn, POLICY, { sleep, endpoint: "host/model" }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: "LlmCallError",
      kind: "permanent",
      retries: 0,
      status,
      endpoint: "host/model",
    });
    expect(f.calls()).toBe(1);
  });

  it("throws the last kind and the retry count after maxAttempts", async () => {
    const { sleep, waits } = recordingSleep();
    const f = failingThen([httpError(500), httpError(503), httpError(502), httpError(429), httpError(500)]);
    const err = await withRetry(f.fn, POLICY, { sleep }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "rate_limit", retries: 3, status: 429 });
    expect(f.calls()).toBe(4);
    expect(waits).toHaveLength(3);
  });

  it("stops when the caller aborts during backoff", async () => {
    const ac = new AbortController();
    const f = failingThen([httpError(500), httpError(500)]);
    const sleep: SleepFn = async () => {
      ac.abort();
      throw new Error("aborted");
    };
    const err = await withRetry(f.fn, POLICY, { sleep, signal: ac.signal }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "aborted", retries: 0 });
    expect(f.calls()).toBe(1);
  });

  it("passes error text through the redactor", async () => {
    const f = failingThen([new PermanentError("bad key sk-secret-123")]);
    const redact = (t: string) => t.split("sk-secret-123").join("[redacted]");
    const err = (await withRetry(f.fn, POLICY, { redact }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain("[redacted]");
    expect(err.message).not.toContain("sk-secret-123");
  });

  it("reports each retry to onRetry", async () => {
    const { sleep } = recordingSleep();
    const seen: string[] = [];
    const f = failingThen([httpError(503)]);
    await withRetry(f.fn, POLICY, {
      sleep,
      onRetry: (e) => seen.push(`${e.retry}:${e.classification.kind}`),
    });
    expect(seen).toEqual(["1:transient"]);
  });
});
