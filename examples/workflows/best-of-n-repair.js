// Best-of-n, then repair: draw n first-round testbenches from the empty state, keep the best,
// and spend the remaining rounds repairing it (memoryless, always from the best so far).
//   llm4cov eval --workflow examples/workflows/best-of-n-repair.js --dataset examples/designs.jsonl
// Round budget: n first drafts + --rounds repairs; --stop-when ends the repairs early.
import { defineWorkflow } from "llm4cov";

/** @param {number} n first-round drafts per sample */
export function bestOfNRepair(n) {
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new Error(`best-of-n: n must be 1..32, got ${n}`);
  return defineWorkflow({
    name: `best-of-${n}-repair`,
    version: "1",
    description: `${n} first-round drafts, then repair the best`,
    async run(task, step, tools) {
      // The drafts are independent: run them together (the framework bounds the LLM and
      // simulator tiers). Each step still gets its own deterministic ledger id.
      const drafts = await Promise.all(Array.from({ length: n }, () => step(task.initialState)));
      let best = tools.best(drafts);
      for (let r = 0; r < task.settings.rounds && !tools.shouldStop(best); r++) {
        const repaired = await step(best);
        if (tools.better(repaired, best)) best = repaired;
      }
      return best;
    },
  });
}

export default bestOfNRepair(3);
