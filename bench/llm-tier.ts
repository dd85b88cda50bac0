// Throughput of the LLM tier's client side: can one OpenAICompatibleProvider keep 256 requests in
// flight against a server with 200 ms latency? Ideal is 256 / 0.2 s = 1280 req/s; well below that
// means the client (SDK, HTTP pool, queue, retry layer) is the bottleneck, not the model.
//
//   npx tsx bench/llm-tier.ts [--requests N] [--warmup N] [--concurrency N] [--latency-ms N] [--in-process]
//
// The policy server runs in a child process (this file with --serve), as a real endpoint would:
// in one process the server's CPU would be charged to the client's event loop. The last line is
// `ratio: <achieved/ideal>` for scripts to read.

import { fork } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { OpenAICompatibleProvider } from "../src/llm/openai-provider.js";
import { startPolicyServer } from "../src/llm/policy-server.js";
import type { ChatRequest, ChatResponse } from "../src/llm/types.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "4096" },
    warmup: { type: "string", default: "4096" },
    concurrency: { type: "string", default: "256" },
    "latency-ms": { type: "string", default: "200" },
    "in-process": { type: "boolean", default: false },
    serve: { type: "boolean", default: false },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);
const latencyMs = Number(values["latency-ms"]);

// A realistic answer size: a short testbench; the prompt stands in for a spec plus RTL.
const TESTBENCH = "module tb;\n  initial begin\n    #10 $finish;\n  end\nendmodule\n".repeat(8);
const request: ChatRequest = {
  messages: [{ role: "user", content: "Write a testbench for the counter.\n" + "spec line\n".repeat(100) }],
  sampling: { temperature: 0.7, topP: 0.8, maxTokens: 4096 },
};

interface ServerHandle {
  baseURL: string;
  /** Chat requests the server answered with 200. */
  close(): Promise<number>;
}

async function serveHere(): Promise<ServerHandle> {
  const server = await startPolicyServer({ handler: async () => TESTBENCH, latencyMs, model: "bench" });
  return {
    baseURL: server.baseURL,
    close: async () => {
      await server.close();
      return server.stats.ok;
    },
  };
}

/** Child-process mode: serve, report the URL, and on "stop" report the ok count and exit. */
async function childMain(): Promise<void> {
  const server = await serveHere();
  process.send?.({ baseURL: server.baseURL });
  process.once("message", async () => {
    const ok = await server.close();
    process.send?.({ ok }, () => process.exit(0));
  });
}

async function serveInChild(): Promise<ServerHandle> {
  // fork() reuses this process's execArgv, so the tsx loader comes along.
  const child = fork(fileURLToPath(import.meta.url), ["--serve", "--latency-ms", String(latencyMs)]);
  const first = await new Promise<{ baseURL: string }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { baseURL: string }));
    child.once("error", reject);
  });
  return {
    baseURL: first.baseURL,
    close: () =>
      new Promise((resolve) => {
        child.once("message", (m) => resolve((m as { ok: number }).ok));
        child.send("stop");
      }),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const server = values["in-process"] ? await serveHere() : await serveInChild();
  const provider = new OpenAICompatibleProvider({
    baseURL: server.baseURL,
    model: "bench",
    apiKey: "unused",
    concurrency,
    requestTimeoutMs: 30_000,
  });

  /** `concurrency` workers, each sending its next request when the last one is answered. */
  const run = async (count: number): Promise<{ elapsedMs: number; responses: ChatResponse[] }> => {
    const responses: ChatResponse[] = [];
    let left = count;
    const worker = async () => {
      while (left > 0) {
        left--;
        responses.push(await provider.complete(request));
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { elapsedMs: performance.now() - started, responses };
  };

  // Warm-up: opens the connections and lets V8 optimise the request path, so the measurement is
  // steady state (one warm-up wave left the client at ~2x its steady CPU per request).
  await run(Number(values.warmup));
  const cpuBefore = process.cpuUsage();
  const { elapsedMs, responses } = await run(total);
  const cpu = process.cpuUsage(cpuBefore);
  await provider.close();
  const served = await server.close();

  const achieved = total / (elapsedMs / 1000);
  const ideal = concurrency / (latencyMs / 1000);
  const latencies = responses.map((r) => r.latencyMs).sort((a, b) => a - b);
  const retries = responses.reduce((sum, r) => sum + r.retries, 0);
  const rows: [string, string][] = [
    ["requests", String(total)],
    ["concurrency", String(concurrency)],
    ["server latency", `${latencyMs} ms`],
    ["server", values["in-process"] ? "in process" : "child process"],
    ["elapsed", `${(elapsedMs / 1000).toFixed(3)} s`],
    ["achieved", `${achieved.toFixed(1)} req/s`],
    ["ideal", `${ideal.toFixed(1)} req/s`],
    ["latency p50", `${percentile(latencies, 50)} ms`],
    ["latency p99", `${percentile(latencies, 99)} ms`],
    ["client CPU", `${((cpu.user + cpu.system) / total).toFixed(0)} us/request`],
    // Other work on the machine steals the CPU both processes need; read the ratio against it.
    ["load average", `${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`],
    ["retries", String(retries)],
    ["server ok", `${served} (incl. ${values.warmup} warm-up)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log(`ratio: ${(achieved / ideal).toFixed(3)}`);
}

if (values.serve) await childMain();
else await main();
