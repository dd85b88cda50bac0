// Repair only while below target: one first draft, then repair rounds only as long as the
// coverage targets are not met (whatever --stop-when says), each with a prompt that adds the
// targets still missing to the framework's memoryless prompt.
//   llm4cov eval --workflow examples/workflows/repair-below-target.js --dataset examples/designs.jsonl
import { defineWorkflow } from "llm4cov";

/** The framework's prompt for `state`, plus one paragraph naming the unmet targets. */
function focusedPrompt(tools, state) {
  const messages = tools.prompt(state).map((m) => ({ ...m }));
  const unmet = (state.result?.targets ?? []).filter((t) => !t.met);
  if (unmet.length) {
    const list = unmet
      .map(
        (t) =>
          `${t.inst_name}: ${t.achieved === null ? "not measured" : `${t.achieved.toFixed(1)}%`} of ${t.target}%`,
      )
      .join("; ");
    const last = messages[messages.length - 1];
    last.content += `\n\nCoverage targets still missing (${list}). Keep what already works and add stimulus for the uncovered points listed above.`;
  }
  return messages;
}

export default defineWorkflow({
  name: "repair-below-target",
  version: "1",
  description: "repair from the best state while the coverage targets are unmet",
  async run(task, step, tools) {
    let best = await step(task.initialState);
    for (let r = 0; r < task.settings.rounds && !best.covPass && best.score < 1; r++) {
      const next = await step(best, { messages: focusedPrompt(tools, best) });
      if (tools.better(next, best)) best = next;
    }
    return best;
  },
});
