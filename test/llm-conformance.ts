// The one conformance suite every LlmProvider passes (the built-in policy in process, the
// OpenAI-compatible client against a real server, ...): answers in the agreed format,
// reproducible under a seed, honest about load, aborts and refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTestbench } from "../src/prompt/parse.js";
import { buildMemorylessPrompt } from "../src/prompt/prompt.js";
import { NativeRow, repositoryFromRow } from "../src/core/repository.js";
import { initialState } from "../src/core/state.js";
import { evaluate } from "../src/eda/evaluate.js";
import { LlmCallError, type ChatRequest, type LlmProvider } from "../src/llm/types.js";
import { COUNTER_RTL } from "./fixtures/eda.js";

const repo = (rtlName = "rtl/counter.sv") =>
  repositoryFromRow(
    NativeRow.parse({
      id: "conf-counter",
      rtl_files: [{ name: rtlName, content: COUNTER_RTL }],
      dut_module_name: "counter",
      dut_instance_name: "dut",
      targets: [{ inst_name: "dut", metric: "overall", target_percentage: 50 }],
    }),
  );
const request = (seed: number, rtlName?: string): ChatRequest => ({
  messages: buildMemorylessPrompt(initialState(repo(rtlName))),
  sampling: { temperature: 0.7, topP: 0.8, maxTokens: 8192, seed },
});

async function failure(p: Promise<unknown>): Promise<LlmCallError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LlmCallError);
  return e as LlmCallError;
}

export function llmConformance(
  name: string,
  make: () => Promise<LlmProvider>,
  teardown?: () => Promise<void>,
) {
  describe(`LlmProvider conformance: ${name}`, () => {
    let p: LlmProvider;
    beforeAll(async () => {
      p = await make();
    }, 60_000);
    afterAll(async () => {
      await p?.close?.();
      await teardown?.();
    });

    it("names itself without secrets", () => {
      expect(p.label).toMatch(/\S/);
      expect(p.model).toMatch(/\S/);
      expect(p.label).not.toMatch(/key|secret|bearer/i);
    });

    it("answers a memoryless prompt with one testbench that simulates", async () => {
      const r = repo();
      const res = await p.complete(request(7));
      expect(res.finishReason).toBe("stop");
      expect(res.truncated).toBe(false);
      expect(res.retries).toBe(0);
      expect(res.latencyMs).toBeGreaterThanOrEqual(0);
      expect(res.endpoint).toMatch(/\S/);
      const tb = parseTestbench(res.text, {
        top: r.top,
        instance: r.instance,
        rtlFileNames: ["rtl/counter.sv"],
      });
      expect(tb.ok, tb.ok ? "" : tb.reason).toBe(true);
      if (!tb.ok) return;
      const sim = await evaluate({
        rtl: r.rtl,
        testbench: { name: r.tbFile, content: tb.testbench },
        top: r.top,
        instance: r.instance,
        targets: r.targets,
      });
      expect(sim.status, sim.reason).toBe("pass");
      expect(sim.coverage?.score ?? 0).toBeGreaterThan(0.5);
    }, 120_000);

    it("is reproducible under a seed, and the seed matters", async () => {
      const [a, b, c] = await Promise.all([
        p.complete(request(3)),
        p.complete(request(3)),
        p.complete(request(4)),
      ]);
      expect(a.text).toBe(b.text);
      expect(c.text).not.toBe(a.text);
    });

    it("counts calls in flight while they run, none after", async () => {
      expect(p.inFlight()).toBe(0);
      const calls = [p.complete(request(21)), p.complete(request(22)), p.complete(request(23))];
      expect(p.inFlight()).toBe(3);
      await Promise.all(calls);
      expect(p.inFlight()).toBe(0);
    });

    it("a call aborted before it starts fails as aborted and is not retried", async () => {
      const ac = new AbortController();
      ac.abort();
      const err = await failure(p.complete(request(5), ac.signal));
      expect(err.kind).toBe("aborted");
      expect(p.inFlight()).toBe(0);
    });

    it("a prompt naming an unsafe file is refused as a permanent bad request (400), not retried", async () => {
      const err = await failure(p.complete(request(5, "rtl/a/../../../../tmp/x.sv")));
      expect(err.kind).toBe("permanent");
      expect(err.status).toBe(400);
      expect(err.retries).toBe(0);
      expect(err.message).toMatch(/unsafe|"\.\." segment/);
    });

    it("a prompt without a design gets an answer saying so, not an error", async () => {
      const res = await p.complete({
        messages: [{ role: "user", content: "hello" }],
        sampling: { temperature: 0, topP: 1, maxTokens: 512 },
      });
      expect(res.text).toMatch(/\S/);
      expect(res.text).not.toContain("```");
    });
  });
}
