// Picks the executor from `--eda` specs (or the run config's `eda:` hosts): the local pool when
// none is given, else the SSH executor over the listed hosts.
import { availableParallelism } from "node:os";
import type { Executor } from "./executor.js";
import { LocalExecutor } from "./local.js";
import {
  isQueueUrl,
  QueueExecutor,
  queueSpecFrom,
  redactUrl,
  type QueueExecutorOptions,
  type QueueTlsFiles,
} from "./queue/index.js";
import { SshExecutor, type SshExecutorOptions } from "./ssh/executor.js";
import { hostsFromConfig, parseEdaSpecs, SpecError, type SshDefaults, type SshHostSpec } from "./ssh/spec.js";

export interface ExecutorSpec {
  /** `--eda` values: `local`, or `ssh://user@host:port[/workdir][?slots=N&mode=legacy]` (repeatable). */
  eda?: string[];
  /** The run config's `eda:` section (used when `eda` lists no host). */
  config?: unknown;
  /** --ssh-key, --known-hosts, --remote-command: defaults for every host. */
  sshKey?: string;
  knownHosts?: string;
  remoteCommand?: string;
  /** Local pool size; also each remote host's slots unless its spec says otherwise. */
  slots?: number;
  /** Connect to the hosts before returning and fail with a clear error if none works (default true). */
  connect?: boolean;
  ssh?: SshExecutorOptions;
  /** TLS files / password variable for a rediss:// or redis:// queue (--redis-ca etc.). */
  redis?: QueueTlsFiles;
  queue?: QueueExecutorOptions;
}

/** The remote hosts a spec names (none: run locally). Throws SpecError for a bad spec. */
export function resolveHosts(spec: ExecutorSpec): SshHostSpec[] {
  const defaults: SshDefaults = {
    key: spec.sshKey,
    knownHosts: spec.knownHosts,
    remoteCommand: spec.remoteCommand,
    slots: spec.slots,
  };
  const queueUrl = spec.eda?.find(isQueueUrl);
  if (queueUrl)
    throw new SpecError(
      `${redactUrl(queueUrl)} is a job queue, not a host: see it with \`llm4cov eda status --queue <url>\``,
    );
  if (spec.eda?.length) return parseEdaSpecs(spec.eda, defaults);
  const section = (spec.config ?? undefined) as Record<string, unknown> | undefined;
  return section ? hostsFromConfig(section, defaults) : [];
}

export async function makeExecutor(spec: ExecutorSpec = {}): Promise<Executor> {
  // A redis:// queue (docs/queue.md): workers on any number of hosts take the jobs.
  const queue = queueSpecFrom(spec.eda, spec.config, spec.redis);
  if (queue) return QueueExecutor.connect(queue, { queueTimeoutMs: queue.queueTimeoutMs, ...spec.queue });
  const hosts = resolveHosts(spec);
  if (!hosts.length) return new LocalExecutor({ slots: spec.slots ?? availableParallelism() });
  const exec = new SshExecutor(hosts, spec.ssh);
  if (spec.connect !== false) {
    try {
      await exec.start();
    } catch (err) {
      await exec.close();
      throw err;
    }
  }
  return exec;
}
