// Ctrl-C, in two steps. The first one stops taking new work (no new sample, no new round) and
// lets LLM calls and simulations already running finish, for at most `graceMs`, so they are
// recorded and the run resumes without redoing them; the second one cancels them at once.
import type { Executor } from "../exec/executor.js";
import type { LlmProvider } from "../llm/types.js";

export const INTERRUPT_GRACE_MS = 60_000;

export interface Interrupts {
  /** Aborted on the first Ctrl-C: take no new work. */
  stop: AbortSignal;
  /** Aborted on the second Ctrl-C, or when the grace period ends: cancel running work. */
  cancel: AbortSignal;
}

export interface SigintHandle {
  interrupts: Interrupts;
  dispose(): void;
}

/** Installs the two-step SIGINT handler; a third Ctrl-C exits at once. */
export function installSigint(say: (line: string) => void, graceMs = graceFromEnv()): SigintHandle {
  const stop = new AbortController();
  const cancel = new AbortController();
  let count = 0;
  let timer: NodeJS.Timeout | undefined;
  const onSigint = () => {
    count++;
    if (count === 1) {
      say(
        `llm4cov: interrupted: taking no new work; letting running LLM calls and simulations finish ` +
          `(at most ${Math.round(graceMs / 1000)} s). Ctrl-C again cancels them now. The run stays resumable (--resume).`,
      );
      stop.abort();
      timer = setTimeout(() => {
        say("llm4cov: grace period over: cancelling running work");
        cancel.abort();
      }, graceMs);
      timer.unref();
    } else if (count === 2) {
      say("llm4cov: cancelling running LLM calls and simulations now (Ctrl-C again exits at once)");
      cancel.abort();
    } else {
      process.exit(130);
    }
  };
  process.on("SIGINT", onSigint);
  return {
    interrupts: { stop: stop.signal, cancel: cancel.signal },
    dispose: () => {
      process.off("SIGINT", onSigint);
      if (timer) clearTimeout(timer);
    },
  };
}

function graceFromEnv(): number {
  const v = Number(process.env.LLM4COV_INTERRUPT_GRACE_MS);
  return Number.isFinite(v) && v >= 0 ? v : INTERRUPT_GRACE_MS;
}

/**
 * Gives each call its own signal, aborted with `parent`, while `parent` itself carries a single
 * listener however many calls run at once. Every layer below (queues, retries, the HTTP client,
 * child processes) adds its listeners to the call's signal, which ends with the call; listeners
 * piling up on the run-long signal is what made Node warn (MaxListenersExceededWarning).
 */
export class SignalFanout {
  private readonly children = new Set<AbortController>();
  constructor(private readonly parent: AbortSignal) {
    parent.addEventListener(
      "abort",
      () => {
        for (const c of this.children) c.abort(parent.reason);
      },
      { once: true },
    );
  }
  /** Live per-call signals (for tests). */
  get size(): number {
    return this.children.size;
  }
  async run<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const child = new AbortController();
    if (this.parent.aborted) child.abort(this.parent.reason);
    this.children.add(child);
    try {
      return await fn(child.signal);
    } finally {
      this.children.delete(child);
    }
  }
}

/**
 * The provider (or executor) with every call bound to `cancel` instead of the caller's signal:
 * the eval loop is given the stop signal (so it takes no new work), and calls already made keep
 * running until `cancel`. Each call gets its own signal through a SignalFanout.
 */
export function cancelOnly<T extends LlmProvider | Executor>(target: T, cancel: AbortSignal): T {
  const method = "complete" in target ? "complete" : "run";
  const fanout = new SignalFanout(cancel);
  return new Proxy(target, {
    get(t, prop) {
      const v: unknown = Reflect.get(t, prop, t);
      if (prop === method)
        return (request: unknown) =>
          fanout.run((signal) =>
            (v as (r: unknown, s: AbortSignal) => Promise<unknown>).call(t, request, signal),
          );
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}
