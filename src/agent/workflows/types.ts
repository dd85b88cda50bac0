// The custom-workflow API: a workflow is a value made with defineWorkflow({ name, version, run }).
// `run(task, step, tools)` decides which states to expand; `step` performs one recorded,
// memoryless transition (prompt, LLM call, parse, simulation, stored in the ledger). Scheduling,
// the LLM and simulator tiers, resume, progress and the summary stay the framework's job.
import type { ChatMessage } from "../../core/chat.js";
import type { CoverageTarget, SimResult } from "../../core/protocol.js";
import type { Repository } from "../../core/repository.js";

/** When the agentic loops stop early: at full coverage, once the targets are met, or never. */
export type StopWhen = "full" | "target" | "never";
export const STOP_WHEN = ["full", "target", "never"] as const;

/** One state of a sample as a workflow sees it (read-only; the ledger holds the original). */
export interface WorkflowState {
  /** Ledger id of the state; null for the task's initial state (no testbench yet). */
  readonly id: string | null;
  /** Index of the step that produced it (0, 1, ...); null for the initial state. */
  readonly step: number | null;
  /** The state this one was produced from. */
  readonly inputId: string | null;
  readonly testbench: string | null;
  readonly result: SimResult | null;
  /** Why the answer held no testbench (then `result` is null). */
  readonly parseError?: string;
  /** Coverage score in [0, 1] (0 without a successful simulation). */
  readonly score: number;
  /** Simulation status, `no_testbench`, or null for the initial state. */
  readonly status: string | null;
  readonly simPass: boolean;
  readonly covPass: boolean;
}

/** What `run` gets for one sample of one task. */
export interface WorkflowTask {
  readonly taskId: string;
  readonly sampleId: string;
  readonly sampleIndex: number;
  readonly repo: Repository;
  readonly targets: readonly CoverageTarget[];
  readonly initialState: WorkflowState;
  /** The run's settings a workflow may follow (`--rounds`, `--climb`, `--stop-when`). */
  readonly settings: { readonly rounds: number; readonly climb: boolean; readonly stopWhen: StopWhen };
}

export interface StepOptions {
  /** The prompt to send instead of the memoryless prompt for the input state. */
  messages?: ChatMessage[];
}

/**
 * One recorded transition from `state`. Step i of a sample has a deterministic ledger id, so a
 * resumed sample gets the stored state back without an LLM call or a simulation.
 */
export type Step = (state: WorkflowState, opts?: StepOptions) => Promise<WorkflowState>;

export interface WorkflowTools {
  /** The memoryless prompt the framework sends for `state` (the rule block included when on). */
  prompt(state: WorkflowState): ChatMessage[];
  /** The full-history prompt over `states` in order (the vanilla workflow's prompt). */
  historyPrompt(states: readonly WorkflowState[]): ChatMessage[];
  /** The states this sample's steps produced so far, in step order. */
  history(): readonly WorkflowState[];
  /**
   * Simulates a testbench the workflow wrote itself, through the run's executor and simulator
   * tier. Not a ledger step: it is not stored and runs again on resume.
   */
  simulate(testbench: string): Promise<WorkflowState>;
  /** Whether `state` ends the loop under the run's (or the given) stop rule. */
  shouldStop(state: WorkflowState, stopWhen?: StopWhen): boolean;
  /** Higher score wins; on a tie a passing simulation wins. */
  better(a: WorkflowState, b: WorkflowState | null): boolean;
  /** The best of `states` by `better` (null for none). */
  best(states: readonly WorkflowState[]): WorkflowState | null;
  readonly signal?: AbortSignal;
}

export interface WorkflowDefinition {
  /** Registry name and part of the run identity: letters, digits, `.`, `_`, `-`. */
  name: string;
  /** Part of the run identity: change it when the strategy changes results. */
  version: string;
  description?: string;
  /** Resolves to the state that is the sample's result (one of the states `step` returned). */
  run(task: WorkflowTask, step: Step, tools: WorkflowTools): Promise<WorkflowState>;
}

export interface Workflow extends Readonly<WorkflowDefinition> {
  readonly [WORKFLOW_BRAND]: true;
}

const WORKFLOW_BRAND = Symbol.for("llm4cov.workflow");
export const WORKFLOW_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class WorkflowDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkflowDefinitionError";
  }
}

/** Checks and freezes a workflow definition. */
export function defineWorkflow(def: WorkflowDefinition): Workflow {
  if (!def || typeof def !== "object") throw new WorkflowDefinitionError("defineWorkflow needs an object");
  if (typeof def.name !== "string" || !WORKFLOW_NAME.test(def.name))
    throw new WorkflowDefinitionError(
      `workflow name ${JSON.stringify(def.name)}: use 1-64 letters, digits, '.', '_' or '-'`,
    );
  if (typeof def.version !== "string" || !/^[\w.+-]{1,32}$/.test(def.version))
    throw new WorkflowDefinitionError(
      `workflow ${def.name}: version must be a short string such as "1" (got ${JSON.stringify(def.version)})`,
    );
  if (typeof def.run !== "function")
    throw new WorkflowDefinitionError(`workflow ${def.name}: run is not a function`);
  return Object.freeze({
    name: def.name,
    version: def.version,
    description: def.description,
    run: def.run,
    [WORKFLOW_BRAND]: true as const,
  });
}

/** A value made by defineWorkflow (also across two copies of the package: the brand is global). */
export function isWorkflow(v: unknown): v is Workflow {
  return !!v && typeof v === "object" && (v as Record<symbol, unknown>)[WORKFLOW_BRAND] === true;
}
