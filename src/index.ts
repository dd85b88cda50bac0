// The public API of llm4cov (`import { ... } from "llm4cov"`); docs/api.md describes it. Only
// the names here are stable; deeper modules may change between minor versions.

// ---- evaluation and synthesis ----
export {
  EvalConfig,
  runEval,
  type EvalConfigInput,
  type EvalInput,
  type EvalRunOptions,
  type EvalSummary,
} from "./agent/eval.js";
export { PolicyConfig } from "./llm/config.js";
export { runSynth, type SynthRunOptions } from "./synth/synth.js";
export {
  loadPipelineFile,
  loadStageFile,
  resolveStage,
  StageConfig,
  SynthConfigError,
  type ResolvedStage,
  type StageConfigInput,
} from "./synth/config.js";
export type { SynthSummary } from "./synth/summary.js";

// ---- workflows ----
export {
  defineWorkflow,
  isWorkflow,
  STOP_WHEN,
  WorkflowDefinitionError,
  type Step,
  type StepOptions,
  type StopWhen,
  type Workflow,
  type WorkflowDefinition,
  type WorkflowState,
  type WorkflowTask,
  type WorkflowTools,
} from "./agent/workflows/types.js";
export {
  getWorkflow,
  hasWorkflow,
  listWorkflows,
  registerWorkflow,
  UnknownWorkflowError,
} from "./agent/registry.js";
export { agentic, direct, vanilla } from "./agent/workflows/builtin.js";
export { loadWorkflowFile } from "./agent/workflows/load.js";
export { MAX_STEPS, WorkflowUsageError } from "./agent/workflows/runner.js";
export { InfraError } from "./agent/workflow.js";

// ---- LLM providers ----
export { BuiltinProvider, builtinPolicy } from "./llm/builtin/policy.js";
export { OpenAICompatibleProvider, type OpenAICompatibleConfig } from "./llm/openai-provider.js";
export { EndpointPool, type EndpointPoolOptions } from "./llm/endpoint-pool.js";
export { makeProvider } from "./llm/factory.js";
export { startPolicyServer } from "./llm/policy-server.js";
export {
  LlmCallError,
  type ChatMessage,
  type ChatRequest,
  type ChatResponse,
  type LlmProvider,
  type SamplingOptions,
} from "./llm/types.js";

// ---- executors (where simulations run) ----
export type { Executor, ExecutorStats } from "./exec/executor.js";
export { LocalExecutor, type LocalExecutorOptions } from "./exec/local.js";
export { SshExecutor, type SshExecutorOptions } from "./exec/ssh/executor.js";
export { makeExecutor, type ExecutorSpec } from "./exec/factory.js";
export {
  QueueExecutor,
  startQueueWorker,
  type QueueExecutorOptions,
  type QueueWorkerOptions,
} from "./exec/queue/index.js";

// ---- simulators ----
export type { SimJob, Simulator, SimulatorFeatures } from "./eda/simulator.js";
export {
  getSimulator,
  hasSimulator,
  listSimulators,
  registerSimulator,
  unregisterSimulator,
  UnknownSimulatorError,
} from "./eda/registry.js";
export { CommandSimulator, type CommandSimulatorOptions } from "./eda/command-sim.js";
export { evaluate, type EvaluateOptions } from "./eda/evaluate.js";
export { fromLegacyResult, LegacyResult, parseAnyResult } from "./eda/legacy-result.js";

// ---- datasets ----
export { DatasetError, openDataset, readJsonl, type DatasetFormat, type DatasetItem } from "./data/index.js";
export { scanDataset, type DatasetInfo } from "./data/identity.js";
export { repositoryFromRow, NativeRow, type Repository } from "./core/repository.js";

// ---- the run ledger and metrics ----
export {
  Ledger,
  LEDGER_FILE,
  ConfigMismatchError,
  RunExistsError,
  type StoredState,
} from "./store/ledger.js";
export { exportLedger } from "./store/export.js";
export { RunReader } from "./store/report-reader.js";
export { computeMetrics, type EvalMetrics, type SampleRounds } from "./metrics/summary.js";
export { anyOfN, passAtK } from "./metrics/passk.js";
export { coverageScore, isSimSuccess, type State } from "./core/state.js";

// ---- protocol v1 (docs/protocol.md) ----
export {
  Coverage,
  CoverageTarget,
  Diagnostic,
  FileRef,
  PROTOCOL_VERSION,
  SimLimits,
  SimRequest,
  SimResult,
  SimStatus,
  SimulatorName,
  TargetCheck,
  type SimRequestInput,
} from "./core/protocol.js";

// ---- reports, model-server lifecycle, Hub push ----
export {
  REPORT_FORMATS,
  writeComparison,
  writeRunReport,
  type ReportFormat,
  type RunReportResult,
} from "./report/write.js";
export {
  runServeEval,
  type EvalOutcome,
  type GroupOutcome,
  type ServeEvalOptions,
  type ServeEvalResult,
} from "./serve/lifecycle.js";
export { loadPlan, ServeEvalPlanInput, type ServeEvalPlan } from "./serve/plan.js";
export { exportToHub, pushFolderToHub } from "./curate/hub.js";
export {
  probeSimulatorVersion,
  SimulatorUnavailableError,
  VersionGuardExecutor,
} from "./exec/version-guard.js";
export { detectVerilator, pinnedVerilator, type VerilatorInfo } from "./eda/verilator/toolchain.js";
