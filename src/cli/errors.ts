// How the CLI reports a failure: bad input is one line and exit code 2; anything else is one
// line and exit code 1, with the stack trace only under --debug (or LLM4COV_DEBUG=1).
import { CommanderError } from "commander";
import { z } from "zod";
import { DatasetError } from "../data/errors.js";
import { SimulatorUnavailableError } from "../exec/version-guard.js";
import { ConfigMismatchError, RunExistsError } from "../store/ledger.js";
import { CliError, type CliContext } from "./context.js";

/** True when the user asked for stack traces. */
export function debugWanted(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return argv.includes("--debug") || env.LLM4COV_DEBUG === "1";
}

/** zod issues as one line: `field: problem; field: problem`. */
export function zodOneLine(err: z.ZodError, name: (path: PropertyKey[]) => string = defaultName): string {
  const parts = err.issues.slice(0, 4).map((i) => `${name(i.path)}: ${i.message}`);
  if (err.issues.length > 4) parts.push(`(${err.issues.length - 4} more)`);
  return parts.join("; ");
}

function defaultName(path: PropertyKey[]): string {
  return path.map(String).join(".") || "(input)";
}

/** Prints `err` the way a user should see it and returns the exit code. */
export function reportError(err: unknown, ctx: CliContext, debug: boolean): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2; // commander printed it
  const trace = () => {
    if (debug && err instanceof Error && err.stack) ctx.err(err.stack);
  };
  if (err instanceof CliError) {
    ctx.err(`llm4cov: ${err.message}`);
    trace();
    return err.exitCode;
  }
  if (err instanceof DatasetError || err instanceof ConfigMismatchError || err instanceof RunExistsError) {
    ctx.err(`llm4cov: ${err.message}`);
    trace();
    return 2;
  }
  if (err instanceof SimulatorUnavailableError) {
    ctx.err(`llm4cov: ${err.message}`);
    trace();
    return 3;
  }
  if (err instanceof z.ZodError) {
    ctx.err(`llm4cov: invalid input: ${zodOneLine(err)}`);
    trace();
    return 2;
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  ctx.err(
    `llm4cov: internal error: ${message.split("\n")[0]}${debug ? "" : " (--debug shows the stack trace)"}`,
  );
  trace();
  return 1;
}
