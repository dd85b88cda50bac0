// `llm4cov export`: the ledger as JSONL, one line per transition (input state -> output state),
// with the LLM call and the observation. Streams rows; never loads the ledger whole.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Ledger } from "./ledger.js";

export async function exportLedger(ledger: Ledger, outPath: string): Promise<number> {
  const out = createWriteStream(outPath);
  const rows = ledger.db
    .prepare(
      `SELECT t.transition_id, t.sample_id, s.task_id, s.sample_index, t.round, t.input_state_id, t.output_state_id,
              t.model, c.messages_json, c.answer, c.reasoning, c.finish_reason, c.truncated, c.prompt_tokens,
              c.completion_tokens, c.latency_ms, c.retries, c.endpoint,
              st.testbench, st.parse_error, st.status, st.score, st.sim_pass, st.cov_pass, st.result_json,
              si.score AS input_score, si.status AS input_status
       FROM transitions t JOIN samples s ON s.sample_id = t.sample_id
       JOIN llm_calls c ON c.call_id = t.llm_call_id JOIN states st ON st.state_id = t.output_state_id
       LEFT JOIN states si ON si.state_id = t.input_state_id
       ORDER BY s.task_id, s.sample_index, t.round`,
    )
    .iterate() as Iterable<Record<string, unknown>>;
  let n = 0;
  for (const r of rows) {
    const line = JSON.stringify({
      transition_id: r.transition_id,
      task_id: r.task_id,
      sample_index: r.sample_index,
      round: r.round,
      model: r.model,
      input: { state_id: r.input_state_id, status: r.input_status ?? null, score: r.input_score ?? null },
      output: {
        state_id: r.output_state_id,
        status: r.status,
        score: r.score,
        sim_pass: !!r.sim_pass,
        cov_pass: !!r.cov_pass,
        testbench: r.testbench,
        parse_error: r.parse_error,
        result: r.result_json ? JSON.parse(r.result_json as string) : null,
      },
      llm: {
        messages: JSON.parse(r.messages_json as string),
        answer: r.answer,
        reasoning: r.reasoning,
        finish_reason: r.finish_reason,
        truncated: !!r.truncated,
        prompt_tokens: r.prompt_tokens,
        completion_tokens: r.completion_tokens,
        latency_ms: r.latency_ms,
        retries: r.retries,
        endpoint: r.endpoint,
      },
    });
    if (!out.write(line + "\n")) await once(out, "drain");
    n++;
  }
  out.end();
  await once(out, "finish");
  return n;
}
