// The CLI is thin: commands parse options and call library functions that tests call too.
import { Command, CommanderError } from "commander";
import { z } from "zod";
import { edaCommand } from "./commands/eda.js";
import { resultCommand, simCommand } from "./commands/sim.js";
import { evalCommand } from "./commands/eval.js";
import { demoCommand, exportCommand, servePolicyCommand } from "./commands/run-tools.js";
import { curateCommand, roundsCommand } from "./commands/curate.js";
import { selectCommand, synthCommand } from "./commands/synth.js";
import { serveEvalCommand } from "./commands/serve-eval.js";
import { CliError, type CliContext } from "./context.js";

export function buildProgram(ctx: CliContext, signal?: AbortSignal): Command {
  const program = new Command("llm4cov")
    .description("execution-aware LLM testbench generation and training-data synthesis")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()) });
  program.addCommand(simCommand(ctx));
  program.addCommand(resultCommand(ctx));
  program.addCommand(edaCommand(ctx));
  program.addCommand(evalCommand(ctx, signal));
  program.addCommand(demoCommand(ctx, signal));
  program.addCommand(exportCommand(ctx));
  program.addCommand(servePolicyCommand());
  program.addCommand(synthCommand(ctx, signal));
  program.addCommand(selectCommand(ctx));
  program.addCommand(curateCommand(ctx));
  program.addCommand(roundsCommand(ctx));
  program.addCommand(serveEvalCommand(ctx, signal));
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function main(argv: string[], ctx?: Partial<CliContext>): Promise<number> {
  const context: CliContext = {
    out: (t) => process.stdout.write(t + "\n"),
    err: (t) => process.stderr.write(t + "\n"),
    exitCode: 0,
    isTTY: !!process.stderr.isTTY,
    ...ctx,
  };
  // First Ctrl-C: stop taking new work and let running jobs be recorded; a second one exits.
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    context.err(
      "llm4cov: interrupted; finishing what is running (Ctrl-C again to quit now; --resume continues)",
    );
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  try {
    await buildProgram(context, controller.signal).parseAsync(argv);
    return context.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof CliError) {
      context.err(`llm4cov: ${err.message}`);
      return err.exitCode;
    }
    if (err instanceof z.ZodError) {
      context.err(`llm4cov: invalid input:\n${z.prettifyError(err)}`);
      return 2;
    }
    context.err(`llm4cov: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  } finally {
    process.off("SIGINT", onSigint);
  }
}
