// Which policy a run talks to: the built-in baseline or OpenAI-compatible endpoints. Lives in
// the LLM tier (not in agent/) so the provider factory does not depend on the eval loop.
import { z } from "zod";

export const PolicyConfig = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("builtin") }),
  z.object({
    kind: z.literal("openai"),
    endpoints: z.array(z.string().url()).min(1),
    model: z.string().min(1),
    apiKeyEnv: z.string().optional(),
    concurrency: z.number().int().positive().default(16),
    timeoutMs: z.number().int().positive().default(600_000),
  }),
]);
export type PolicyConfig = z.infer<typeof PolicyConfig>;
