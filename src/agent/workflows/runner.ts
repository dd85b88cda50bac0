// Runs one sample of a workflow: builds `step` and `tools` over the ledger and the run's tiers.
// Step i of a sample is stored under deterministic ids (run identity, task, sample, i), so a
// resumed sample gets every stored state back and only the steps never finished run again.
import { z } from "zod";
import { coverageScore, isSimSuccess, type State } from "../../core/state.js";
import type { Repository } from "../../core/repository.js";
import { buildMemorylessPrompt, buildVanillaPrompt } from "../../prompt/prompt.js";
import {
  InfraError,
  isCovPass,
  roundSlot,
  runTransition,
  simulateTestbench,
  type RoundOutcome,
  type SampleOutcome,
  type WorkflowConfig,
  type WorkflowDeps,
} from "../workflow.js";
import { transitionInput } from "../../store/eval-queries.js";
import type { StopWhen, Workflow, WorkflowState, WorkflowTask, WorkflowTools } from "./types.js";

/** A workflow that asks for more steps than this in one sample is stopped (a runaway loop). */
export const MAX_STEPS = 1000;

/** Bounds on a prompt a workflow builds itself (`step(state, { messages })`). */
const Messages = z
  .array(
    z.object({
      role: z.enum(["system", "user", "assistant"]),
      content: z.string().max(4 * 1024 * 1024),
    }),
  )
  .min(1)
  .max(500)
  .refine((ms) => ms.reduce((n, m) => n + m.content.length, 0) <= 8 * 1024 * 1024, "prompt over 8 MiB");

export class WorkflowUsageError extends Error {
  constructor(workflow: string, message: string) {
    super(`workflow ${workflow}: ${message}`);
    this.name = "WorkflowUsageError";
  }
}

function view(s: State, id: string | null, step: number | null, inputId: string | null): WorkflowState {
  return Object.freeze({
    id,
    step,
    inputId,
    testbench: s.testbench,
    result: s.result,
    ...(s.parseError ? { parseError: s.parseError } : {}),
    score: coverageScore(s.result),
    status: s.result?.status ?? (s.parseError ? "no_testbench" : null),
    simPass: isSimSuccess(s.result?.status),
    covPass: isCovPass(s.result),
  });
}

export const betterState = (a: WorkflowState, b: WorkflowState | null): boolean =>
  !b || a.score > b.score || (a.score === b.score && a.simPass && !b.simPass);

export function stops(state: WorkflowState, rule: StopWhen): boolean {
  if (rule === "never") return false;
  if (state.score >= 1 - 1e-9) return true; // full coverage: nothing left to improve
  return rule === "target" && state.covPass;
}

export interface SampleSettings extends WorkflowConfig {
  stopWhen?: StopWhen;
}

export async function runWorkflowSample(
  workflow: Workflow,
  repo: Repository,
  taskId: string,
  sampleIndex: number,
  cfg: SampleSettings,
  deps: WorkflowDeps,
): Promise<SampleOutcome> {
  const { ledger } = deps;
  const sampleId = ledger.startSample(taskId, sampleIndex);
  const initial = view({ repo, testbench: null, result: null }, null, null, null);
  /** Every state this sample has seen, by id: `step` accepts only these (no forged results). */
  const known = new Map<string | null, { core: State; view: WorkflowState }>([
    [null, { core: { repo, testbench: null, result: null }, view: initial }],
  ]);
  const produced: WorkflowState[] = [];
  const outcomes: RoundOutcome[] = [];
  const fail = (msg: string) => new WorkflowUsageError(workflow.name, msg);
  const lookup = (state: WorkflowState, what: string) => {
    const k = known.get(state?.id ?? null);
    if (!k)
      throw fail(
        `${what} got a state that is not one of this sample's (use task.initialState or a state step returned)`,
      );
    return k;
  };

  const step = async (state: WorkflowState, opts?: { messages?: unknown }): Promise<WorkflowState> => {
    if (deps.signal?.aborted) throw new InfraError("cancelled");
    const input = lookup(state, "step()");
    const index = produced.length;
    if (index >= MAX_STEPS) throw fail(`more than ${MAX_STEPS} steps in one sample`);
    const stateId = ledger.stateId(sampleId, index);
    // Reserve the index before awaiting: concurrent steps of one sample get distinct ids.
    produced.push(initial);
    const stored = ledger.findState(stateId);
    let out: State;
    if (stored) {
      // Resume hands back step i as stored: it must have come from the same input state.
      const from = transitionInput(ledger, ledger.transitionId(sampleId, index));
      if (from !== undefined && from !== input.view.id)
        throw fail(
          `step ${index} was stored from state ${from ?? "initial"} but is now asked from ${input.view.id ?? "initial"}: ` +
            "the workflow must decide only from the states it is given (docs/api.md)",
        );
      out = {
        repo,
        testbench: stored.testbench,
        result: stored.result,
        parseError: stored.parseError ?? undefined,
      };
    } else {
      let messages;
      if (opts?.messages !== undefined) {
        const parsed = Messages.safeParse(opts.messages);
        if (!parsed.success) throw fail(`step(state, { messages }): ${parsed.error.issues[0]?.message}`);
        messages = parsed.data;
      } else messages = buildMemorylessPrompt(input.core, { rules: deps.rules });
      out = await runTransition(repo, roundSlot(ledger, sampleId, index), messages, state.id, cfg, deps);
    }
    const v = view(out, stateId, index, input.view.id);
    known.set(stateId, { core: out, view: v });
    produced[index] = v;
    outcomes[index] = {
      round: index,
      stateId,
      inputStateId: input.view.id,
      score: v.score,
      status: v.status,
      simPass: v.simPass,
      covPass: v.covPass,
    };
    return v;
  };

  const stopWhen = cfg.stopWhen ?? "full";
  const tools: WorkflowTools = {
    prompt: (s) => buildMemorylessPrompt(lookup(s, "tools.prompt()").core, { rules: deps.rules }),
    historyPrompt: (states) =>
      buildVanillaPrompt(
        repo,
        states.map((s) => {
          const c = lookup(s, "tools.historyPrompt()").core;
          return { testbench: c.testbench, result: c.result, parseError: c.parseError };
        }),
        { rules: deps.rules },
      ),
    history: () => produced.filter((s) => s !== initial),
    simulate: async (testbench) => {
      if (typeof testbench !== "string" || testbench.length > 4 * 1024 * 1024)
        throw fail("tools.simulate() needs a testbench string of at most 4 MiB");
      const { result } = await simulateTestbench(repo, testbench, cfg, deps);
      return view({ repo, testbench, result }, null, null, null);
    },
    shouldStop: (s, rule = stopWhen) => stops(s, rule),
    better: betterState,
    best: (states) => states.reduce<WorkflowState | null>((b, s) => (betterState(s, b) ? s : b), null),
    signal: deps.signal,
  };
  const task: WorkflowTask = Object.freeze({
    taskId,
    sampleId,
    sampleIndex,
    repo,
    targets: repo.targets,
    initialState: initial,
    settings: Object.freeze({ rounds: cfg.rounds, climb: cfg.climb, stopWhen }),
  });

  let chosen: WorkflowState;
  try {
    chosen = await workflow.run(task, step, tools);
  } catch (err) {
    // Infrastructure failures stay retryable; anything else is the workflow's own error.
    if (err instanceof InfraError || err instanceof WorkflowUsageError) throw err;
    throw fail(`run() threw: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
  const picked = chosen?.id ? known.get(chosen.id)?.view : chosen === initial ? initial : undefined;
  if (!picked) throw fail("run() must resolve to task.initialState or a state step returned");
  const rounds = outcomes.filter(Boolean);
  const best = picked.id ? (rounds.find((r) => r.stateId === picked.id) ?? null) : null;
  ledger.finishSample(sampleId, { stateId: best?.stateId ?? null, score: best?.score ?? 0 }, rounds.length);
  return { sampleId, rounds, best };
}
