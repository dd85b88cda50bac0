// The options that say where simulations run, shared by `sim`, `eval` and `eda check`.
import type { Command } from "commander";
import type { Executor } from "../exec/executor.js";
import { makeExecutor } from "../exec/factory.js";
import { NoUsableHostError, SpecError } from "../exec/ssh/index.js";
import { CliError } from "./context.js";

export interface EdaCliOptions {
  eda?: string[];
  sshKey?: string;
  knownHosts?: string;
  remoteCommand?: string;
  slots?: number;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function addEdaOptions(cmd: Command): Command {
  return cmd
    .option(
      "--eda <spec>",
      "where simulations run: local (default) or ssh://user@host:port[/workdir][?slots=N] (repeatable)",
      collect,
    )
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
    });
  } catch (err) {
    if (err instanceof SpecError || err instanceof NoUsableHostError) throw new CliError(err.message);
    throw err;
  }
}
