// The built-in workflows, written on the public workflow API. They reproduce the pre-registry
// loops exactly (test/workflow-identity.test.ts): same prompts, same ids, same seeds.
import { defineWorkflow, type WorkflowState } from "./types.js";

/** One round: the policy's first testbench is the result. */
export const direct = defineWorkflow({
  name: "direct",
  version: "1",
  description: "one round, no feedback",
  run: (task, step) => step(task.initialState),
});

/**
 * Memoryless rounds with simulator feedback: each round sees only one state, the latest or
 * (`--climb`) the best so far. Stops early by `--stop-when`.
 */
export const agentic = defineWorkflow({
  name: "agentic",
  version: "1",
  description: "memoryless rounds with simulator feedback (--climb: from the best state so far)",
  async run(task, step, tools) {
    let best: WorkflowState | null = null;
    let input = task.initialState;
    for (let round = 0; round <= task.settings.rounds; round++) {
      const out = await step(input);
      if (tools.better(out, best)) best = out;
      if (tools.shouldStop(out)) break;
      input = task.settings.climb && best ? best : out;
    }
    return best ?? task.initialState;
  },
});

/** Full history: every round after the first sees all earlier testbenches and their feedback. */
export const vanilla = defineWorkflow({
  name: "vanilla",
  version: "1",
  description: "rounds that see the full history of testbenches and feedback",
  async run(task, step, tools) {
    let best: WorkflowState | null = null;
    let input = task.initialState;
    const history: WorkflowState[] = [];
    for (let round = 0; round <= task.settings.rounds; round++) {
      const out = await step(input, round > 0 ? { messages: tools.historyPrompt(history) } : undefined);
      history.push(out);
      if (tools.better(out, best)) best = out;
      if (tools.shouldStop(out)) break;
      input = task.settings.climb && best ? best : out;
    }
    return best ?? task.initialState;
  },
});

export const BUILTIN_WORKFLOWS = [direct, agentic, vanilla] as const;
