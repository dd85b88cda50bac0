// The LlmProvider conformance suite against the built-in policy in process and the
// OpenAI-compatible provider talking to a real `llm4cov serve-policy` over HTTP.
import { BuiltinProvider } from "../src/llm/builtin/policy.js";
import { OpenAICompatibleProvider } from "../src/llm/openai-provider.js";
import { startServePolicy, type ServePolicyProcess } from "./fixtures/serve-policy.js";
import { llmConformance } from "./llm-conformance.js";

llmConformance("built-in policy (in process)", async () => new BuiltinProvider());

let server: ServePolicyProcess | undefined;
llmConformance(
  "OpenAI-compatible provider -> llm4cov serve-policy (HTTP)",
  async () => {
    server = await startServePolicy();
    return new OpenAICompatibleProvider({
      baseURL: server.baseURL,
      model: "llm4cov-policy",
      requestTimeoutMs: 60_000,
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
    });
  },
  async () => server?.stop(),
);
