// One transition (prompt -> LLM -> parse -> simulate -> ledger), the building block of every
// workflow. The workflows themselves are registered values (src/agent/registry.ts,
// src/agent/workflows/); every transition is stored as it happens and a resumed sample reuses
// stored states and stored LLM answers, so no finished work is redone.
import { coverageScore, isSimSuccess, type State } from "../core/state.js";
import type { Repository } from "../core/repository.js";
import type { SimLimits, SimResult, SimulatorName } from "../core/protocol.js";
import { hashOf } from "../core/hash.js";
import type { Executor } from "../exec/executor.js";
import type { Ledger, LlmCallRecord } from "../store/ledger.js";
import { LlmCallError, type ChatMessage, type LlmProvider, type SamplingOptions } from "../llm/types.js";
import { stripRules } from "../prompt/prompt.js";
import { getWorkflow } from "./registry.js";
import { runWorkflowSample } from "./workflows/runner.js";
import type { StopWhen } from "./workflows/types.js";
import { parseTestbench } from "./parse.js";

/** A registered workflow's name (built in: "direct", "agentic", "vanilla"). */
export type WorkflowMode = string;

export interface WorkflowConfig {
  mode: WorkflowMode;
  /** Rounds after the first (agentic/vanilla); direct always runs one round. */
  rounds: number;
  /** Agentic: climb from the best state so far instead of the latest one (the "markov" variant). */
  climb: boolean;
  sampling: SamplingOptions;
  simulator: SimulatorName;
  limits: SimLimits;
  /** Simulation retries on infra_error before the sample is marked as an infrastructure error. */
  simRetries?: number;
}

export interface WorkflowDeps {
  llm: LlmProvider;
  exec: Executor;
  ledger: Ledger;
  /** Rule block appended at generation time only (never stored). */
  rules: string | null;
  signal?: AbortSignal;
  onStage?: (stage: "llm" | "sim", delta: 1 | -1) => void;
}

export interface RoundOutcome {
  round: number;
  stateId: string;
  inputStateId: string | null;
  score: number;
  status: string | null;
  simPass: boolean;
  covPass: boolean;
}

export interface SampleOutcome {
  sampleId: string;
  rounds: RoundOutcome[];
  best: RoundOutcome | null;
}

/** Not the model's fault (LLM endpoint down, simulator host lost): the sample is retried on resume. */
export class InfraError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InfraError";
  }
}

export function isCovPass(result: SimResult | null): boolean {
  return !!result && isSimSuccess(result.status) && result.targetsMet === true;
}

/**
 * One sample of the workflow `cfg.mode` names (a registered workflow: direct, agentic, vanilla,
 * or one a user registered). Kept for callers of the pre-registry API.
 */
export async function runSample(
  repo: Repository,
  taskId: string,
  sampleIndex: number,
  cfg: WorkflowConfig & { stopWhen?: StopWhen },
  deps: WorkflowDeps,
): Promise<SampleOutcome> {
  return runWorkflowSample(getWorkflow(cfg.mode), repo, taskId, sampleIndex, cfg, deps);
}

/** Where one transition is stored: the ids of its LLM call, output state and transition row. */
export interface TransitionSlot {
  sampleId: string;
  round: number;
  role: LlmCallRecord["role"];
  callId: string;
  stateId: string;
  transitionId: string;
  /** Hashed into the sampling seed: repeated samples differ, a resumed call asks the same thing. */
  seedKey: unknown;
}

/** The slot of round `round` of a workflow sample (the eval ledger's ids). */
export function roundSlot(ledger: Ledger, sampleId: string, round: number): TransitionSlot {
  return {
    sampleId,
    round,
    role: "policy",
    callId: ledger.callId(sampleId, round),
    stateId: ledger.stateId(sampleId, round),
    transitionId: ledger.transitionId(sampleId, round),
    seedKey: { sampleId, round },
  };
}

/**
 * One transition: ask the model (a stored answer is reused), parse the testbench, simulate it,
 * and store the output state with its transition atomically. Shared by workflows and synthesis.
 */
export async function runTransition(
  repo: Repository,
  slot: TransitionSlot,
  messages: ChatMessage[],
  inputId: string | null,
  cfg: Pick<WorkflowConfig, "sampling" | "simulator" | "limits" | "simRetries">,
  deps: WorkflowDeps,
): Promise<State> {
  const { ledger, llm } = deps;
  const { sampleId, round, role, callId } = slot;
  let answer: string;
  const storedCall = ledger.findCall(callId);
  if (storedCall?.answer != null) {
    answer = storedCall.answer;
  } else {
    const seed = parseInt(hashOf(slot.seedKey).slice(0, 8), 16) & 0x7fffffff;
    const started = performance.now();
    deps.onStage?.("llm", 1);
    try {
      const res = await llm.complete({ messages, sampling: { ...cfg.sampling, seed } }, deps.signal);
      answer = res.text;
      ledger.recordCallAs(callId, {
        sampleId,
        round,
        role,
        model: res.model,
        endpoint: res.endpoint,
        messages: stripRules(messages),
        answer: res.text,
        reasoning: res.reasoning,
        finishReason: res.finishReason,
        truncated: res.truncated,
        promptTokens: res.usage?.promptTokens ?? null,
        completionTokens: res.usage?.completionTokens ?? null,
        costUsd: res.costUsd,
        latencyMs: res.latencyMs,
        retries: res.retries,
        error: null,
      });
    } catch (err) {
      const e = err as Error;
      ledger.recordCallAs(callId, {
        sampleId,
        round,
        role,
        model: llm.model,
        endpoint: err instanceof LlmCallError ? err.endpoint : llm.label,
        messages: stripRules(messages),
        answer: null,
        reasoning: null,
        finishReason: null,
        truncated: false,
        promptTokens: null,
        completionTokens: null,
        costUsd: null,
        latencyMs: performance.now() - started,
        retries: err instanceof LlmCallError ? err.retries : 0,
        error: `${e.name}: ${e.message}`,
      });
      throw new InfraError(`LLM call failed: ${e.message}`);
    } finally {
      deps.onStage?.("llm", -1);
    }
  }

  const ids = { stateId: slot.stateId, transitionId: slot.transitionId };
  const parsed = parseTestbench(answer, {
    top: repo.top,
    instance: repo.instance,
    rtlFileNames: repo.rtl.map((f) => f.name),
  });
  if (!parsed.ok) {
    // An answer with no testbench is a recorded state, never an exception.
    ledger.recordTransitionAs(ids, {
      sampleId,
      round,
      inputStateId: inputId,
      callId,
      model: llm.model,
      testbench: null,
      parseError: parsed.reason,
      result: null,
      score: 0,
      simPass: false,
      covPass: false,
    });
    return { repo, testbench: null, result: null, parseError: parsed.reason };
  }
  const { result, attempts, ms } = await simulateTestbench(repo, parsed.testbench, cfg, deps);
  ledger.recordTransitionAs(ids, {
    sampleId,
    round,
    inputStateId: inputId,
    callId,
    model: llm.model,
    testbench: parsed.testbench,
    parseError: null,
    result,
    score: coverageScore(result),
    simPass: isSimSuccess(result.status),
    covPass: isCovPass(result),
    sim: { executor: deps.exec.name, attempts, ms },
  });
  return { repo, testbench: parsed.testbench, result };
}

/** Simulates `testbench` on `repo`, retrying infra_error (never the model's fault). */
export async function simulateTestbench(
  repo: Repository,
  testbench: string,
  cfg: Pick<WorkflowConfig, "simulator" | "limits" | "simRetries">,
  deps: Pick<WorkflowDeps, "exec" | "signal" | "onStage">,
) {
  const retries = cfg.simRetries ?? 2;
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    deps.onStage?.("sim", 1);
    let result: SimResult;
    try {
      result = await deps.exec.run(
        {
          rtl: repo.rtl,
          testbench: { name: repo.tbFile, content: testbench },
          top: repo.top,
          instance: repo.instance,
          defines: repo.defines,
          targets: repo.targets,
          limits: cfg.limits,
          simulator: cfg.simulator,
        },
        deps.signal,
      );
    } finally {
      deps.onStage?.("sim", -1);
    }
    if (result.status !== "infra_error")
      return { result, attempts: attempt, ms: performance.now() - started };
    if (attempt > retries || deps.signal?.aborted)
      throw new InfraError(`simulation infrastructure error: ${result.reason}`);
    await new Promise((r) => setTimeout(r, 500 * 3 ** (attempt - 1)));
  }
}
