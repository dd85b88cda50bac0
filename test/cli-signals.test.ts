// Abort signals that live for a whole run must not collect listeners per call: Node warns past
// ten (MaxListenersExceededWarning), and listeners never removed are a leak.
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { cancelOnly, SignalFanout } from "../src/cli/interrupt.js";
import { OpenAICompatibleProvider } from "../src/llm/openai-provider.js";
import { startPolicyServer } from "../src/llm/policy-server.js";
import type { ChatRequest, LlmProvider } from "../src/llm/types.js";

const request: ChatRequest = {
  messages: [{ role: "user", content: "write a testbench" }],
  sampling: { temperature: 0.7, topP: 0.8, maxTokens: 64 },
};
const listeners = (s: AbortSignal) => getEventListeners(s, "abort").length;

describe("abort listeners on a run-long signal", () => {
  it("the OpenAI-compatible provider leaves no listener behind after its calls", async () => {
    const server = await startPolicyServer({ handler: async () => "ok" });
    const llm = new OpenAICompatibleProvider({ baseURL: `${server.url}/v1`, model: "m" });
    const run = new AbortController();
    try {
      for (let i = 0; i < 12; i++) await llm.complete(request, run.signal);
      expect(listeners(run.signal)).toBe(0);
    } finally {
      await llm.close?.();
      await server.close();
    }
  });

  it("a fan-out keeps one listener on the parent however many calls run, and aborts them all", async () => {
    const parent = new AbortController();
    const fanout = new SignalFanout(parent.signal);
    const aborted: boolean[] = [];
    const calls = Array.from({ length: 50 }, () =>
      fanout.run(
        (signal) =>
          new Promise<void>((resolve) => {
            signal.addEventListener("abort", () => {
              aborted.push(true);
              resolve();
            });
          }),
      ),
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(fanout.size).toBe(50);
    expect(listeners(parent.signal)).toBe(1);
    parent.abort();
    await Promise.all(calls);
    expect(aborted).toHaveLength(50);
    expect(fanout.size).toBe(0);
  });

  it("cancelOnly: calls ignore the caller's (stop) signal and end only on cancel", async () => {
    const stop = new AbortController();
    const cancel = new AbortController();
    let seen: AbortSignal | undefined;
    const inner: LlmProvider = {
      label: "x",
      model: "m",
      inFlight: () => 0,
      complete: (_req, signal) => {
        seen = signal;
        return new Promise((resolve, reject) => {
          signal?.addEventListener("abort", () => reject(new Error("cancelled")));
          setTimeout(() => resolve({ text: "done" } as never), 50);
        });
      },
    };
    const wrapped = cancelOnly(inner, cancel.signal);
    expect(wrapped.model).toBe("m");
    const first = wrapped.complete(request, stop.signal);
    stop.abort(); // first Ctrl-C: the running call goes on
    await expect(first).resolves.toMatchObject({ text: "done" });
    expect(seen).not.toBe(stop.signal);
    const second = wrapped.complete(request, stop.signal);
    cancel.abort(); // second Ctrl-C: cancelled now
    await expect(second).rejects.toThrow(/cancelled/);
  });
});
