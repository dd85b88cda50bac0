// Protocol v1: the contract between clients (executors) and EDA servers.
// zod is the single source; JSON Schema in docs/ is generated from these (npm run schemas).
import { z } from "zod";

export const PROTOCOL_VERSION = 1;

/** A file of a repository or a testbench. `content` may be omitted when the server has `sha256`. */
export const FileRef = z.object({
  name: z.string().min(1).describe("relative path inside the job, e.g. rtl/fifo.sv"),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  content: z.string().optional(),
});
export type FileRef = z.infer<typeof FileRef>;

export const CoverageTarget = z.object({
  inst_name: z.string().min(1).describe("instance path below the testbench top, e.g. dut or dut.core"),
  metric: z.string().default("overall"),
  target_percentage: z.number().min(0).max(100),
});
export type CoverageTarget = z.infer<typeof CoverageTarget>;

export const SimLimits = z.object({
  wallMs: z.number().int().positive().default(60_000).describe("wall-clock limit of the whole job"),
  simTimeNs: z.number().positive().default(10_000_000).describe("simulated-time limit (ns)"),
  memoryMb: z.number().int().positive().default(4096).describe("address-space limit per process"),
  outputBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024)
    .describe("log bytes kept (head + tail)"),
  // Sandbox bounds (docs/security.md); optional, defaults live in src/eda/stage.ts.
  cpuSeconds: z
    .number()
    .positive()
    .optional()
    .describe("CPU seconds per stage process (default: the stage's wall time + 1 s)"),
  fileSizeMb: z.number().int().positive().optional().describe("largest file a stage may write (default 256)"),
  processes: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("processes + threads of a job at once (default 64; needs a dedicated uid, i.e. root)"),
  outputStopBytes: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("a stage that prints more than this is stopped (default 1 GiB)"),
  tmpMb: z.number().int().positive().optional().describe("size of the sandbox's private /tmp (default 64)"),
});
export type SimLimits = z.infer<typeof SimLimits>;

/**
 * A simulator's registry name (built in: verilator, icarus; users register more, e.g. a command
 * adapter). Only the shape is checked here; the registry of the host that runs the job decides
 * whether it exists (src/eda/registry.ts).
 */
export const SimulatorName = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{0,31}$/, "a simulator name: lower-case letters, digits, '.', '_' or '-'");
export type SimulatorName = z.infer<typeof SimulatorName>;

export const SimRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION).default(PROTOCOL_VERSION),
  id: z.string().optional().describe("caller's job id, echoed in the result"),
  rtl: z.array(FileRef).min(1).describe("DUT sources, compiled together"),
  testbench: FileRef,
  top: z.string().min(1).describe("DUT top module name"),
  instance: z.string().min(1).default("dut").describe("DUT instance name under the testbench top"),
  tbTop: z.string().optional().describe("testbench top module; found automatically when omitted"),
  defines: z.record(z.string(), z.string()).default({}),
  targets: z.array(CoverageTarget).default([]),
  limits: SimLimits.default(SimLimits.parse({})),
  simulator: SimulatorName.default("verilator"),
  options: z
    .object({
      keepJobDir: z.boolean().default(false),
      lintOnly: z.boolean().default(false),
      maxUncovered: z.number().int().nonnegative().default(200),
    })
    .default({ keepJobDir: false, lintOnly: false, maxUncovered: 200 }),
});
export type SimRequest = z.infer<typeof SimRequest>;
export type SimRequestInput = z.input<typeof SimRequest>;

/**
 * Status taxonomy. `pass` and `no_finish` mean the simulation ran to its end; see docs/protocol.md.
 * infra_error is never the model's fault and is retryable.
 */
export const SimStatus = z.enum([
  "pass",
  "compile_error",
  "build_error",
  "runtime_error",
  "timeout",
  "no_finish",
  "rejected",
  "infra_error",
]);
export type SimStatus = z.infer<typeof SimStatus>;

export const Diagnostic = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: z.string().optional().describe("tool message code, e.g. UNSUPPORTED, PINMISSING"),
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  message: z.string(),
  rule: z.string().optional().describe("id of the llm4cov rule this breaks (see docs/rules.md)"),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

const Fraction = z.number().min(0).max(1).nullable();

export const MetricCounts = z.object({
  covered: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type MetricCounts = z.infer<typeof MetricCounts>;

/** FSM state/arc coverage as Verilator (5.048+, --coverage-fsm) reports it; docs/coverage.md. */
export const FsmCoverage = z.object({
  score: Fraction.describe("states and arcs together (IMC's FSM metric)"),
  state: Fraction,
  arc: Fraction.describe("transitions; reset-only arcs are not counted, as in verilator_coverage"),
});
export type FsmCoverage = z.infer<typeof FsmCoverage>;

// The families added with Verilator 5.048 are optional so results stored before them still
// parse; llm4cov always fills them (null: not measured by this simulator or this design).
const newer = {
  block: Fraction.optional().describe("line and branch points together (IMC's block metric)"),
  expression: Fraction.optional().describe("expression terms (--coverage-expr, Verilator 5.034+)"),
  fsm: FsmCoverage.nullable().optional().describe("null when no FSM was found or measured"),
};

export const InstanceCoverage = z.object({
  path: z.string().describe("instance path below the testbench top, e.g. dut or dut.u_fifo"),
  score: Fraction,
  line: Fraction,
  branch: Fraction,
  toggle: Fraction,
  user: Fraction,
  ...newer,
  counts: z.record(z.string(), MetricCounts),
});
export type InstanceCoverage = z.infer<typeof InstanceCoverage>;

export const UncoveredPoint = z.object({
  kind: z.enum(["line", "branch", "toggle", "expression", "fsm_state", "fsm_arc", "user"]),
  file: z.string(),
  line: z.number().int(),
  endLine: z.number().int().optional().describe("last line of a range of unexecuted code"),
  instance: z.string(),
  detail: z
    .string()
    .describe(
      "what is missing: block kind or 'never entered', branch arm, toggle bit and direction, expression term, FSM state/arc, cover name",
    ),
  scope: z.string().optional().describe("enclosing function, task or process, e.g. 'function incr'"),
  source: z.string().describe("the source text of that line (the first one of a range)"),
});
export type UncoveredPoint = z.infer<typeof UncoveredPoint>;

export const Coverage = z.object({
  score: Fraction.describe(
    "mean of the measured families (block, expression, toggle, fsm, user) of the DUT instance subtree",
  ),
  line: Fraction,
  branch: Fraction,
  toggle: Fraction,
  user: Fraction,
  ...newer,
  instances: z.array(InstanceCoverage),
  uncovered: z.array(UncoveredPoint),
  uncoveredTotal: z.number().int().nonnegative(),
  instanceFound: z.boolean().describe("the DUT instance was found in the coverage data"),
});
export type Coverage = z.infer<typeof Coverage>;

export const TargetCheck = z.object({
  inst_name: z.string(),
  target: z.number(),
  achieved: z.number().nullable().describe("percentage reached, null when not measured"),
  met: z.boolean(),
});
export type TargetCheck = z.infer<typeof TargetCheck>;

export const StageTiming = z.object({ stage: z.string(), ms: z.number().nonnegative() });

export const SimResult = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  id: z.string().optional(),
  simulator: z.object({ name: z.string(), version: z.string() }),
  status: SimStatus,
  reason: z.string().describe("one line: why this status"),
  coverage: Coverage.nullable(),
  targets: z.array(TargetCheck),
  targetsMet: z.boolean().nullable(),
  diagnostics: z.array(Diagnostic),
  log: z.string().describe("tool output, head and tail kept"),
  logDroppedBytes: z.number().int().nonnegative(),
  errorCount: z.number().int().nonnegative().describe("$error / failed assertions seen while running"),
  simTimeNs: z.number().nullable(),
  timings: z.array(StageTiming),
  tbTop: z.string().nullable(),
  sandbox: z.string().describe("how the job was isolated, e.g. 'rlimits' or 'bwrap'"),
});
export type SimResult = z.infer<typeof SimResult>;
