// `llm4cov eda worker` (runs queue jobs on this host) and `llm4cov eda status` (the queue's
// workers and backlog). Thin: options in, library calls out (src/exec/queue).
import type { Command } from "commander";
import {
  formatQueueStatus,
  parseQueueUrl,
  QueueConnectError,
  QueueSpecError,
  queueStatus,
  startQueueWorker,
  type QueueSpec,
} from "../../exec/queue/index.js";
import { CliError, type CliContext } from "../context.js";

interface RedisFlags {
  queue: string;
  redisCa?: string;
  redisCert?: string;
  redisKey?: string;
  redisPasswordEnv?: string;
}

const int = (flag: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`${flag} must be a positive integer, got ${v}`);
  return n;
};

function withRedisFlags(cmd: Command): Command {
  return cmd
    .requiredOption("--queue <url>", "the queue: redis[s]://[user:pass@]host:port[/db][?queue=NAME]")
    .option("--redis-ca <file>", "CA certificate (PEM) for rediss://")
    .option("--redis-cert <file>", "client certificate (PEM) for rediss://")
    .option("--redis-key <file>", "client key (PEM) for rediss://")
    .option("--redis-password-env <var>", "environment variable holding the Redis password");
}

function specOf(o: RedisFlags): QueueSpec {
  try {
    return parseQueueUrl(o.queue, {
      ca: o.redisCa,
      cert: o.redisCert,
      key: o.redisKey,
      passwordEnv: o.redisPasswordEnv,
    });
  } catch (err) {
    if (err instanceof QueueSpecError) throw new CliError(`--queue: ${err.message}`);
    throw err;
  }
}

function cliError(err: unknown): unknown {
  if (err instanceof QueueConnectError) return new CliError(err.message, err.kind === "unreachable" ? 3 : 2);
  if (err instanceof QueueSpecError) return new CliError(err.message);
  return err;
}

interface WorkerFlags extends RedisFlags {
  slots?: number;
  name?: string;
  lockMs?: number;
  stalledMs?: number;
  heartbeatMs?: number;
  maxAttempts?: number;
  workDir?: string;
  blobMb: number;
  drainMs: number;
}

export function addQueueCommands(eda: Command, ctx: CliContext): void {
  withRedisFlags(
    eda
      .command("worker")
      .description("take simulation jobs from a Redis queue and run them here (docs/queue.md)"),
  )
    .option("--slots <n>", "concurrent jobs (default: cores)", int("--slots"))
    .option("--name <name>", "name shown by `eda status` (default: host name)")
    .option("--lock-ms <ms>", "job lock, renewed while the job runs (default 60000)", int("--lock-ms"))
    .option(
      "--stalled-ms <ms>",
      "how often to look for jobs of dead workers (default 30000)",
      int("--stalled-ms"),
    )
    .option("--heartbeat-ms <ms>", "heartbeat interval (default 5000)", int("--heartbeat-ms"))
    .option(
      "--max-attempts <n>",
      "deaths of its worker a job may cause before it fails for good (default 3)",
      int("--max-attempts"),
    )
    .option("--work-dir <dir>", "parent of job directories")
    .option("--blob-mb <mb>", "bound of the in-memory cache of repository files", int("--blob-mb"), 512)
    .option(
      "--drain-ms <ms>",
      "on SIGTERM/SIGINT, how long running jobs may finish",
      int("--drain-ms"),
      600_000,
    )
    .action(async (o: WorkerFlags) => {
      const spec = specOf(o);
      let handle;
      try {
        handle = await startQueueWorker({
          spec,
          slots: o.slots,
          name: o.name,
          lockMs: o.lockMs,
          stalledMs: o.stalledMs,
          heartbeatMs: o.heartbeatMs,
          maxAttempts: o.maxAttempts,
          workRoot: o.workDir,
          blobBytes: o.blobMb * 1024 * 1024,
          log: (l) => ctx.err(l),
        });
      } catch (err) {
        throw cliError(err);
      }
      const h = handle;
      let stopping: Promise<void> | undefined;
      const stop = (why: string) => {
        if (stopping) return;
        ctx.err(
          `worker ${h.name}: ${why}: no new jobs; finishing ${h.stats().active} running (up to ${o.drainMs} ms)`,
        );
        stopping = h.close(o.drainMs);
      };
      let interrupts = 0;
      const onSigint = () => {
        // The CLI's own handler exits on the second Ctrl-C; stop the simulations first.
        if (++interrupts > 1) h.abort();
        else stop("interrupted (Ctrl-C again aborts running jobs)");
      };
      const onSigterm = () => stop("SIGTERM");
      process.prependListener("SIGINT", onSigint);
      process.on("SIGTERM", onSigterm);
      try {
        await new Promise<void>((resolve) => {
          const wait = setInterval(() => {
            if (stopping) {
              clearInterval(wait);
              void stopping.then(resolve);
            }
          }, 100);
        });
        const s = h.stats();
        ctx.err(`worker ${h.name}: stopped (${s.done} done, ${s.failed} failed)`);
      } finally {
        process.off("SIGINT", onSigint);
        process.off("SIGTERM", onSigterm);
      }
    });

  withRedisFlags(eda.command("status").description("workers, slots and job counts of a Redis queue"))
    .option("--json", "print JSON")
    .action(async (o: RedisFlags & { json?: boolean }) => {
      const spec = specOf(o);
      try {
        const s = await queueStatus(spec);
        ctx.out(o.json ? JSON.stringify(s, null, 2) : formatQueueStatus(s));
      } catch (err) {
        throw cliError(err);
      }
    });
}
