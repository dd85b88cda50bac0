import { Command } from "commander";
import { availableParallelism } from "node:os";
import { getSimulator } from "../../eda/evaluate.js";
import { verilatorToolchain } from "../../eda/verilator/toolchain.js";
import { serveStdio } from "../../exec/stdio-server.js";
import { sandboxReport } from "../../eda/sandbox.js";
import { resolveHosts } from "../../exec/factory.js";
import { checkHosts, formatHostChecks, SpecError } from "../../exec/ssh/index.js";
import { addEdaOptions, type EdaCliOptions } from "../eda-options.js";
import { CliError, type CliContext } from "../context.js";
import { formatLocalCheck } from "../eda-check-text.js";
import { addQueueCommands } from "./eda-queue.js";

export function edaCommand(ctx: CliContext): Command {
  const eda = new Command("eda").description("the EDA server side: serve protocol v1, check tools");
  eda
    .command("serve")
    .description("serve protocol v1 (JSON lines) on stdin/stdout; this is what a remote host runs")
    .option("--stdio", "use stdin/stdout (the only transport in v1)")
    .option("--slots <n>", "concurrent jobs (default: cores)", (v) => parseInt(v, 10))
    .option("--work-dir <dir>", "parent of job directories")
    .option("--blob-mb <mb>", "bound of the in-memory file store", (v) => parseInt(v, 10), 512)
    .action(async (o: { stdio?: boolean; slots?: number; workDir?: string; blobMb: number }) => {
      if (!o.stdio) throw new CliError("only --stdio is supported");
      await serveStdio({
        input: process.stdin,
        output: process.stdout,
        slots: o.slots,
        workRoot: o.workDir,
        blobBytes: o.blobMb * 1024 * 1024,
        log: (l) => ctx.err(l),
      });
    });
  addEdaOptions(
    eda
      .command("check")
      .description(
        "report simulators, sandbox and build cache here, or reachability and tools of --eda hosts",
      ),
  )
    .option("--json", "print JSON")
    .action(async (o: EdaCliOptions & { json?: boolean }) => {
      if (o.eda?.length) {
        let hosts;
        try {
          hosts = resolveHosts({
            eda: o.eda,
            sshKey: o.sshKey,
            knownHosts: o.knownHosts,
            remoteCommand: o.remoteCommand,
          });
        } catch (err) {
          if (err instanceof SpecError) throw new CliError(err.message);
          throw err;
        }
        const checks = await checkHosts(hosts);
        ctx.out(o.json ? JSON.stringify(checks, null, 2) : formatHostChecks(checks));
        ctx.exitCode = checks.every((c) => c.ok) ? 0 : 3;
        return;
      }
      const report: Record<string, unknown> = { slots: availableParallelism() };
      report.sandbox = await sandboxReport();
      for (const name of ["verilator", "icarus"]) {
        try {
          report[name] = { version: await getSimulator(name).version(), ok: true };
        } catch (err) {
          report[name] = { ok: false, error: (err as Error).message };
        }
      }
      try {
        const tc = await verilatorToolchain();
        // Which Verilator, from where (system / setup-built cache / LLM4COV_VERILATOR_ROOT).
        report.verilator = {
          ...(report.verilator as object),
          source: tc.info.source,
          root: tc.info.root,
          ...(tc.info.warning ? { warning: tc.info.warning } : {}),
        };
        if (tc.info.warning) ctx.err(`llm4cov: warning: ${tc.info.warning}`);
        report.verilatorCache = {
          dir: tc.dir,
          ccache: tc.info.ccache !== null,
          classPatch: tc.info.needsClassCoveragePatch,
        };
      } catch (err) {
        report.verilatorCache = { error: (err as Error).message };
      }
      if (o.json) ctx.out(JSON.stringify(report, null, 2));
      else ctx.out(formatLocalCheck(report));
      const ok = (report.verilator as { ok: boolean }).ok;
      ctx.exitCode = ok ? 0 : 3;
    });
  addQueueCommands(eda, ctx);
  return eda;
}
