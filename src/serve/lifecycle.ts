// serve-eval: for each group, start the model server, wait until it answers, run its
// evaluations in order against it, and always stop it (SIGINT, SIGTERM, SIGKILL to its process
// group), on success, on errors and on interrupts. See docs/serve-eval.md.
import { EvalConfig, runEval, type EvalConfigInput, type EvalSummary } from "../agent/eval.js";
import type { Executor } from "../exec/executor.js";
import { makeExecutor } from "../exec/factory.js";
import { makeProvider } from "../llm/factory.js";
import type { LlmProvider } from "../llm/types.js";
import type { ProgressOptions } from "../report/progress.js";
import type { PlannedEval, PlannedGroup, ServeEvalPlan } from "./plan.js";
import { ServerProcess, type StopOutcome } from "./process.js";
import { NotReadyError, probeModels, waitReady } from "./ready.js";

export type EvalStatus = "done" | "failed" | "interrupted" | "skipped";

export interface EvalOutcome {
  out: string;
  status: EvalStatus;
  error?: string;
  /** Headline metrics when the evaluation finished. */
  result?: {
    tasks: number;
    samples_done: number;
    samples_failed: number;
    cov_pass_at1: number;
    avg_cov_at1: number;
    sim_pass_at1: number;
  };
}

export interface GroupOutcome {
  name: string;
  /** ok: the server came up and every evaluation finished; failed: it did not come up, or one failed. */
  status: "ok" | "failed" | "interrupted" | "skipped";
  error?: string;
  /** The server log's last lines when it failed to start or died. */
  logTail?: string[];
  log: string;
  /** Process (and process group) id of the server; null when it was never started. */
  pid: number | null;
  model: string | null;
  ready_seconds: number | null;
  /** How the server was stopped (null: never started, or had already exited). */
  stopped_by: StopOutcome["signal"];
  /** False when the process group survived SIGKILL (never expected; reported, not hidden). */
  stopped: boolean;
  evals: EvalOutcome[];
}

export interface ServeEvalResult {
  plan: string;
  ok: boolean;
  groups: GroupOutcome[];
}

export interface ServeEvalOptions {
  signal?: AbortSignal;
  /** Keep going after a failed group or evaluation (default: stop the plan there). */
  continueOnError?: boolean;
  /** One line per lifecycle event (server started, ready, eval started, stopped). */
  log?: (line: string) => void;
  /** Passed to each evaluation's progress reporter. */
  progress?: Omit<ProgressOptions, "label"> | null;
  /** Local simulation slots (default: cores), when the plan names no EDA hosts. */
  slots?: number;
  /** Continue every evaluation's existing run (as `eval --resume`); finished ones redo nothing. */
  resume?: boolean;
  /**
   * Wraps the provider and executor built for each evaluation (the CLI binds running calls to
   * its second Ctrl-C, so the first one only stops new work).
   */
  wrap?: { llm?: (p: LlmProvider) => LlmProvider; exec?: (e: Executor) => Executor };
  /** Readiness poll interval (default 250 ms). */
  pollMs?: number;
}

const skipped = (e: PlannedEval): EvalOutcome => ({ out: e.out, status: "skipped" });

function headline(s: EvalSummary): EvalOutcome["result"] {
  return {
    tasks: s.tasks,
    samples_done: s.samples_done,
    samples_failed: s.samples_failed,
    cov_pass_at1: s.metrics.cov_pass.at1,
    avg_cov_at1: s.metrics.avg_cov.at1,
    sim_pass_at1: s.metrics.sim_pass.at1,
  };
}

export async function runServeEval(
  plan: ServeEvalPlan,
  opts: ServeEvalOptions = {},
): Promise<ServeEvalResult> {
  const log = opts.log ?? (() => {});
  const groups: GroupOutcome[] = [];
  let stop = false;
  for (const g of plan.groups) {
    if (stop || opts.signal?.aborted) {
      groups.push({
        ...groupOutcome(g, opts.signal?.aborted ? "interrupted" : "skipped"),
        evals: g.evals.map(skipped),
      });
      continue;
    }
    const outcome = await runGroup(g, opts, log);
    groups.push(outcome);
    if (outcome.status !== "ok" && !opts.continueOnError) stop = true;
  }
  return { plan: plan.file, ok: groups.every((g) => g.status === "ok"), groups };
}

/** A group's outcome before its server started: nothing ran, nothing to stop. */
function groupOutcome(g: PlannedGroup, status: GroupOutcome["status"]): GroupOutcome {
  return {
    name: g.name,
    status,
    log: g.logFile,
    pid: null,
    model: g.model,
    ready_seconds: null,
    stopped_by: null,
    stopped: true,
    evals: [],
  };
}

async function runGroup(
  g: PlannedGroup,
  opts: ServeEvalOptions,
  log: (line: string) => void,
): Promise<GroupOutcome> {
  const out = groupOutcome(g, "ok");
  const apiKey = g.apiKeyEnv ? (process.env[g.apiKeyEnv] ?? null) : null;
  const fail = (status: GroupOutcome["status"], error: string, tail?: string[]) => {
    out.status = status;
    out.error = error;
    if (tail?.length) out.logTail = tail;
    log(`[${g.name}] ${error}`);
  };
  // A server already answering there would be evaluated in place of ours.
  try {
    const before = await probeModels(g.baseUrl, apiKey, 1000);
    if (before.kind !== "down") {
      fail("failed", `${g.baseUrl} already answers before the server started; stop what runs there`);
      out.evals = g.evals.map(skipped);
      return out;
    }
  } catch (err) {
    fail("failed", `${g.baseUrl} already answers before the server started: ${(err as Error).message}`);
    out.evals = g.evals.map(skipped);
    return out;
  }

  let proc: ServerProcess | null = null;
  const started = Date.now();
  try {
    try {
      proc = await ServerProcess.start({ command: g.command, env: g.env, cwd: g.cwd, logFile: g.logFile });
    } catch (err) {
      fail("failed", `cannot start the server: ${(err as Error).message}`);
      out.evals = g.evals.map(skipped);
      return out;
    }
    out.pid = proc.pid;
    log(`[${g.name}] started server (pid ${proc.pid}), log ${g.logFile}`);
    let models: string[];
    try {
      models = await waitReady({
        baseUrl: g.baseUrl,
        apiKey,
        proc,
        timeoutMs: g.readyTimeoutMs,
        pollMs: opts.pollMs,
        signal: opts.signal,
      });
    } catch (err) {
      if (!(err instanceof NotReadyError)) throw err;
      fail(opts.signal?.aborted ? "interrupted" : "failed", err.message, proc.logTail());
      out.evals = g.evals.map(skipped);
      return out;
    }
    out.ready_seconds = (Date.now() - started) / 1000;
    const model = g.model ?? models[0];
    if (!model) {
      fail("failed", `GET ${g.baseUrl}/models lists no model; set model: in the plan`);
      out.evals = g.evals.map(skipped);
      return out;
    }
    out.model = model;
    log(`[${g.name}] ready after ${out.ready_seconds.toFixed(1)} s, model ${model}`);
    await runGroupEvals(g, model, proc, opts, log, out);
    return out;
  } catch (err) {
    fail("failed", `internal error: ${(err as Error).message ?? String(err)}`, proc?.logTail());
    return out;
  } finally {
    if (proc) {
      const stopped = await proc.stop(g.stopTimeoutMs);
      out.stopped_by = stopped.signal;
      out.stopped = stopped.stopped;
      if (!stopped.stopped) fail("failed", `server process group ${proc.pid} survived SIGKILL`);
      log(`[${g.name}] server stopped${stopped.signal ? ` (${stopped.signal})` : ""}`);
    }
    // Evaluations never reached (an earlier one failed, or we were interrupted).
    for (const e of g.evals.slice(out.evals.length)) out.evals.push(skipped(e));
  }
}

async function runGroupEvals(
  g: PlannedGroup,
  model: string,
  proc: ServerProcess,
  opts: ServeEvalOptions,
  log: (line: string) => void,
  out: GroupOutcome,
): Promise<void> {
  for (const [i, e] of g.evals.entries()) {
    if (opts.signal?.aborted) {
      out.status = "interrupted";
      return;
    }
    if (proc.exit) {
      const how = proc.exit.signal ?? `code ${proc.exit.code}`;
      out.status = "failed";
      out.error = `server exited (${how}) before evaluation ${i + 1}`;
      out.logTail = proc.logTail();
      return;
    }
    log(`[${g.name}] evaluation ${i + 1}/${g.evals.length} -> ${e.out}`);
    const result = await runOneEval(g, model, proc, e, opts);
    out.evals.push(result);
    log(`[${g.name}] evaluation ${i + 1}: ${result.status}${result.error ? `: ${result.error}` : ""}`);
    if (result.status === "interrupted") {
      out.status = "interrupted";
      return;
    }
    if (result.status === "failed") {
      out.status = "failed";
      out.error ??= `evaluation ${e.out} failed`;
      if (proc.exit) out.logTail = proc.logTail();
      if (!opts.continueOnError) return;
    }
  }
}

async function runOneEval(
  g: PlannedGroup,
  model: string,
  proc: ServerProcess,
  e: PlannedEval,
  opts: ServeEvalOptions,
): Promise<EvalOutcome> {
  const config = {
    ...e.config,
    policy: e.config.policy ?? {
      kind: "openai",
      endpoints: [g.baseUrl],
      model,
      ...(g.apiKeyEnv ? { apiKeyEnv: g.apiKeyEnv } : {}),
    },
  } as EvalConfigInput;
  // The evaluation stops when we are interrupted or when the server dies under it.
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  let died = false;
  void proc.exited.then(() => {
    died = true;
    controller.abort();
  });
  let exec: Executor | null = null;
  let llm: LlmProvider | null = null;
  try {
    exec = await makeExecutor({ config: e.eda, slots: opts.slots });
    llm = makeProvider(EvalConfig.parse(config).policy);
    const summary = await runEval(config, {
      runDir: e.out,
      resume: e.resume || opts.resume,
      llm: opts.wrap?.llm ? opts.wrap.llm(llm) : llm,
      exec: opts.wrap?.exec ? opts.wrap.exec(exec) : exec,
      signal: controller.signal,
      progress: opts.progress ?? null,
    });
    if (died)
      return {
        out: e.out,
        status: "failed",
        error: "server exited during the evaluation",
        result: headline(summary),
      };
    if (opts.signal?.aborted) return { out: e.out, status: "interrupted", result: headline(summary) };
    return { out: e.out, status: "done", result: headline(summary) };
  } catch (err) {
    return { out: e.out, status: "failed", error: (err as Error).message ?? String(err) };
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
    await exec?.close();
    await llm?.close?.();
  }
}
