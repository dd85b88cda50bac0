// Builds the LlmProvider a run config names.
import type { PolicyConfig } from "./config.js";
import { BuiltinProvider } from "./builtin/policy.js";
import { EndpointPool } from "./endpoint-pool.js";
import { OpenAICompatibleProvider } from "./openai-provider.js";
import type { LlmProvider } from "./types.js";

export function makeProvider(policy: PolicyConfig): LlmProvider {
  if (policy.kind === "builtin") return new BuiltinProvider();
  const providers = policy.endpoints.map(
    (baseURL) =>
      new OpenAICompatibleProvider({
        baseURL,
        model: policy.model,
        apiKeyEnv: policy.apiKeyEnv,
        concurrency: policy.concurrency,
        requestTimeoutMs: policy.timeoutMs,
      }),
  );
  return providers.length === 1 ? providers[0]! : new EndpointPool(providers);
}
