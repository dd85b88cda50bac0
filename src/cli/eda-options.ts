// The options that say where simulations run, shared by `sim`, `eval` and `eda check`.
import type { Command } from "commander";
import type { Executor } from "../exec/executor.js";
import { makeExecutor } from "../exec/factory.js";
import { NoUsableHostError, SpecError } from "../exec/ssh/index.js";
import { QueueConnectError, QueueSpecError } from "../exec/queue/index.js";
import { CliError } from "./context.js";

export interface EdaCliOptions {
  eda?: string[];
  sshKey?: string;
  knownHosts?: string;
  remoteCommand?: string;
  slots?: number;
  redisCa?: string;
  redisCert?: string;
  redisKey?: string;
  redisPasswordEnv?: string;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function addEdaOptions(cmd: Command): Command {
  return cmd
    .option(
      "--eda <spec>",
      "where simulations run: local (default), ssh://user@host:port[/workdir][?slots=N] (repeatable), " +
        "or one job queue redis[s]://[user:pass@]host:port[/db] (docs/queue.md)",
      collect,
    )
    .option("--redis-ca <file>", "CA certificate (PEM) for a rediss:// queue")
    .option("--redis-cert <file>", "client certificate (PEM) for a rediss:// queue")
    .option("--redis-key <file>", "client key (PEM) for a rediss:// queue")
    .option("--redis-password-env <var>", "environment variable holding the queue's Redis password")
    .option(
      "--ssh-key <file>",
      "private key for ssh:// hosts (default ~/.ssh/id_ed25519, id_ecdsa, id_rsa, agent)",
    )
    .option(
      "--known-hosts <file>",
      "known_hosts for ssh:// hosts (default ~/.ssh/known_hosts; 'none' disables)",
    )
    .option(
      "--remote-command <cmd>",
      'starts the server on ssh:// hosts (default "llm4cov eda serve --stdio")',
    );
}

/** The executor for these options (local pool unless hosts are named); clear errors for bad specs. */
export async function executorFrom(o: EdaCliOptions, edaSection?: unknown): Promise<Executor> {
  try {
    return await makeExecutor({
      eda: o.eda,
      config: edaSection,
      sshKey: o.sshKey,
      knownHosts: o.knownHosts,
      remoteCommand: o.remoteCommand,
      slots: o.slots,
      redis: { ca: o.redisCa, cert: o.redisCert, key: o.redisKey, passwordEnv: o.redisPasswordEnv },
    });
  } catch (err) {
    if (err instanceof SpecError || err instanceof NoUsableHostError) throw new CliError(err.message);
    if (err instanceof QueueSpecError) throw new CliError(err.message);
    if (err instanceof QueueConnectError) throw new CliError(err.message, err.kind === "unreachable" ? 3 : 2);
    throw err;
  }
}
