// One supervised fine-tuning row: the memoryless prompt of an input state and the chosen
// testbench as the answer, with metadata for filtering, statistics and lineage.
import { z } from "zod";

export const ChatMessageSchema = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string(),
});

export const SftRowMeta = z.object({
  task_id: z.string(),
  /** Where the transition came from: an eval run's workflow, or a synthesis stage. */
  run_type: z.enum(["direct", "agentic", "vanilla", "synth"]),
  stage: z.number().int().nullable().default(null),
  trace_type: z.enum(["full_teacher", "imitation", "self_sampling"]).nullable().default(null),
  round: z.number().int(),
  input_cov: z.number().min(0).max(1),
  output_cov: z.number().min(0).max(1),
  input_status: z.string().nullable(),
  output_status: z.string(),
  /** fail_to_pass: a failed simulation became a passing one; gain: coverage rose. */
  improvement: z.enum(["fail_to_pass", "gain", "none", "regression"]),
  state_model: z.string().nullable(),
  transition_model: z.string(),
  source_run: z.string(),
  transition_id: z.string(),
  /** Token lengths under `tokenizer`, set by `curate filter` (null until then). */
  tokens: z
    .object({
      prompt: z.number().int().nonnegative(),
      answer: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      tokenizer: z.string(),
    })
    .nullable()
    .default(null),
});
export type SftRowMeta = z.infer<typeof SftRowMeta>;

export const SftRow = z.object({
  id: z.string(),
  /** Prompt turns then the final assistant answer; the generation-time rule block is never here. */
  messages: z.array(ChatMessageSchema).min(2),
  meta: SftRowMeta,
});
export type SftRow = z.infer<typeof SftRow>;
