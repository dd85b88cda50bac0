// `llm4cov serve-eval --config plan.yaml`: start each group's model server, run its evaluations,
// stop it. Thin: parse options, load the plan, call runServeEval, print the table.
import { Command, InvalidArgumentError } from "commander";
import { runServeEval } from "../../serve/lifecycle.js";
import { loadPlan, PlanError } from "../../serve/plan.js";
import { formatServeEvalResult } from "../../serve/table.js";
import { CliError, type CliContext } from "../context.js";
import { cancelOnly } from "../interrupt.js";

interface ServeEvalCliOptions {
  config: string;
  continueOnError?: boolean;
  resume?: boolean;
  slots?: number;
  json?: boolean;
  check?: boolean;
}

function positive(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected an integer >= 1");
  return n;
}

/** `signal`: first Ctrl-C (no new work); `cancel`: second one (cancel running calls). */
export function serveEvalCommand(ctx: CliContext, signal?: AbortSignal, cancel?: AbortSignal): Command {
  return new Command("serve-eval")
    .description("start model servers, run evaluations against each, stop them (a plan in YAML)")
    .requiredOption("--config <plan.yaml>", "the plan: groups of a server command and its evaluations")
    .option("--continue-on-error", "go on with the next evaluation or group after a failure")
    .option("--resume", "continue each evaluation's existing run directory")
    .option("--slots <n>", "concurrent local simulations (default: cores)", positive)
    .option("--json", "print the result as JSON instead of the table")
    .option("--check", "validate the plan (and its run configs), print what would run, start nothing")
    .action(async (o: ServeEvalCliOptions) => {
      let plan;
      try {
        plan = loadPlan(o.config);
      } catch (err) {
        if (err instanceof PlanError) throw new CliError(err.message);
        throw err;
      }
      if (o.check) {
        const lines = plan.groups.flatMap((g) => [
          `${g.name}: ${Array.isArray(g.command) ? g.command.join(" ") : g.command} -> ${g.baseUrl}`,
          ...g.evals.map((e, i) => `  ${i + 1}. ${e.out}${e.config.policy ? " (own policy)" : ""}`),
        ]);
        ctx.out(o.json ? JSON.stringify(plan, null, 2) : [`plan ok: ${o.config}`, ...lines].join("\n"));
        return;
      }
      // SIGTERM/SIGHUP stop the plan like Ctrl-C does: servers are always stopped in order.
      const controller = new AbortController();
      const abort = () => controller.abort();
      signal?.addEventListener("abort", abort, { once: true });
      const onSignal = (s: NodeJS.Signals) => {
        ctx.err(`llm4cov: ${s}; stopping the evaluation and the server`);
        abort();
      };
      process.on("SIGTERM", onSignal);
      process.on("SIGHUP", onSignal);
      try {
        const result = await runServeEval(plan, {
          signal: controller.signal,
          continueOnError: o.continueOnError,
          resume: o.resume,
          slots: o.slots,
          wrap: cancel
            ? { llm: (p) => cancelOnly(p, cancel), exec: (e) => cancelOnly(e, cancel) }
            : undefined,
          log: (l) => ctx.err(`serve-eval: ${l}`),
          progress: { isTTY: ctx.isTTY, write: (l) => ctx.err(l) },
        });
        ctx.out(o.json ? JSON.stringify(result, null, 2) : formatServeEvalResult(result));
        if (controller.signal.aborted) ctx.exitCode = 130;
        else if (!result.ok) ctx.exitCode = 1;
      } finally {
        signal?.removeEventListener("abort", abort);
        process.off("SIGTERM", onSignal);
        process.off("SIGHUP", onSignal);
      }
    });
}
