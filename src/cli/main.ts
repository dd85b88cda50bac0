// The CLI is thin: commands parse options and call library functions that tests call too.
import { Command } from "commander";
import { edaCommand } from "./commands/eda.js";
import { resultCommand, simCommand } from "./commands/sim.js";
import { evalCommand } from "./commands/eval.js";
import { demoCommand, exportCommand, servePolicyCommand } from "./commands/run-tools.js";
import { curateCommand, roundsCommand } from "./commands/curate.js";
import { selectCommand, synthCommand } from "./commands/synth.js";
import { serveEvalCommand } from "./commands/serve-eval.js";
import { reportCommand } from "./commands/report.js";
import type { CliContext } from "./context.js";
import { debugWanted, reportError } from "./errors.js";
import { installSigint, type Interrupts } from "./interrupt.js";

/** `signal` is the first Ctrl-C (take no new work); `interrupts.cancel` the second (cancel now). */
export function buildProgram(ctx: CliContext, signal?: AbortSignal, interrupts?: Interrupts): Command {
  const program = new Command("llm4cov")
    .description("execution-aware LLM testbench generation and training-data synthesis")
    .version("0.1.0")
    .option("--debug", "print stack traces of errors")
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s.trimEnd()), writeErr: (s) => ctx.err(s.trimEnd()) });
  program.addCommand(simCommand(ctx));
  program.addCommand(resultCommand(ctx));
  program.addCommand(edaCommand(ctx));
  program.addCommand(evalCommand(ctx, signal, interrupts?.cancel));
  program.addCommand(demoCommand(ctx, signal, interrupts?.cancel));
  program.addCommand(exportCommand(ctx));
  program.addCommand(reportCommand(ctx));
  program.addCommand(servePolicyCommand());
  program.addCommand(synthCommand(ctx, signal, interrupts?.cancel));
  program.addCommand(selectCommand(ctx));
  program.addCommand(curateCommand(ctx));
  program.addCommand(roundsCommand(ctx));
  program.addCommand(serveEvalCommand(ctx, signal, interrupts?.cancel));
  // Every command, nested ones too, throws instead of exiting and writes through ctx.
  const output = {
    writeOut: (s: string) => ctx.out(s.trimEnd()),
    writeErr: (s: string) => ctx.err(s.trimEnd()),
  };
  const configure = (c: Command): void => {
    c.exitOverride().configureOutput(output);
    c.commands.forEach(configure);
  };
  program.commands.forEach(configure);
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
  const sigint = installSigint((line) => context.err(line));
  try {
    await buildProgram(context, sigint.interrupts.stop, sigint.interrupts).parseAsync(argv);
    return context.exitCode;
  } catch (err) {
    return reportError(err, context, debugWanted(argv));
  } finally {
    sigint.dispose();
  }
}
