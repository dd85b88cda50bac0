// `llm4cov serve-policy`: run a policy behind the OpenAI-compatible server so any OpenAI client
// (ours, a benchmark, curl) can use it. Thin: parse options, call startPolicyServer.

import { Command, InvalidArgumentError } from "commander";
import { startPolicyServer, type PolicyHandler } from "../../llm/policy-server.js";
import { CliError } from "../context.js";
import { integer as intIn } from "../parsers.js";

function integer(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer >= ${min}`);
    return n;
  };
}

function rate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError("expected a number in [0, 1]");
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("expected seconds >= 0");
  return n;
}

interface ServeOptions {
  port: number;
  host: string;
  latencyMs: number;
  failRate: number;
  rateLimitRate: number;
  retryAfter: number;
  hangRate: number;
  model: string;
  readyAfterMs: number;
}

/** Resolves on the first SIGINT or SIGTERM, so the action can shut down and return normally. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolve(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

/** `makeHandler` is called once, at start, so building the policy costs nothing for other commands. */
export function serveCommand(makeHandler: () => PolicyHandler): Command {
  return new Command("serve-policy")
    .description("serve a policy as an OpenAI-compatible endpoint (with optional fault injection)")
    .requiredOption("--port <n>", "port to listen on (0 = any free port)", intIn(0, 65535))
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--latency-ms <n>", "delay added before each answer", integer(0), 0)
    .option("--fail-rate <f>", "fraction of requests answered with HTTP 500", rate, 0)
    .option("--rate-limit-rate <f>", "fraction of requests answered with HTTP 429", rate, 0)
    .option("--retry-after <s>", "Retry-After seconds sent with 429", seconds, 1)
    .option("--hang-rate <f>", "fraction of requests never answered", rate, 0)
    .option("--model <name>", "model name reported to clients", "llm4cov-policy")
    .option("--ready-after-ms <n>", "answer 503 (loading) to every request for this long", integer(0), 0)
    .action(async (opts: ServeOptions) => {
      let server;
      try {
        server = await startPolicyServer({
          handler: makeHandler(),
          host: opts.host,
          port: opts.port,
          model: opts.model,
          latencyMs: opts.latencyMs,
          failRate: opts.failRate,
          rateLimitRate: opts.rateLimitRate,
          retryAfterSeconds: opts.retryAfter,
          hangRate: opts.hangRate,
          readyAfterMs: opts.readyAfterMs,
        });
      } catch (err) {
        // EADDRINUSE, EACCES...: the user's to fix, so one line and exit code 2.
        const e = err as NodeJS.ErrnoException;
        if (e.code) throw new CliError(`--port ${opts.port} on ${opts.host}: cannot listen: ${e.code}`);
        throw err;
      }
      console.log(`serving on ${server.url}`);
      await untilSignal();
      await server.close();
    });
}
