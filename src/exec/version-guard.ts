// One simulator version per run. A run's identity includes the version (probed before the
// first sample), and every result is checked against it: a host or worker with another
// version answers infra_error (retryable, never the model's fault) instead of mixing two
// versions' verdicts and coverage in one run. Works the same for every executor, since the
// probe is an ordinary job.
import type { SimRequestInput, SimResult } from "../core/protocol.js";
import { makeResult } from "../eda/job.js";
import type { Executor, ExecutorStats } from "./executor.js";

const PROBE_RTL =
  "module llm4cov_version_probe(input logic a, output logic y);\n  assign y = a;\nendmodule\n";
const PROBE_TB =
  "module llm4cov_version_probe_tb;\n  logic a, y;\n  llm4cov_version_probe dut(.a(a), .y(y));\n" +
  "  initial begin a = 0; #1 a = 1; #1 $finish; end\nendmodule\n";

/** No simulator answered the probe: nothing can be evaluated (the CLI exits 3, nothing written). */
export class SimulatorUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SimulatorUnavailableError";
  }
}

const known = (v: string | undefined | null): v is string => !!v && v !== "unknown";

/**
 * The version of `simulator` that `exec` runs, from a lint-only probe job ("unknown" when the
 * simulator does not say, e.g. a command adapter). Throws SimulatorUnavailableError when the
 * probe ends in infra_error (simulator missing, no host or worker answering).
 */
export async function probeSimulatorVersion(
  exec: Executor,
  simulator: string,
  signal?: AbortSignal,
): Promise<string> {
  const r = await exec.run(
    {
      id: "llm4cov-version-probe",
      simulator,
      rtl: [{ name: "rtl/llm4cov_version_probe.sv", content: PROBE_RTL }],
      testbench: { name: "llm4cov_version_probe_tb.sv", content: PROBE_TB },
      top: "llm4cov_version_probe",
      options: { keepJobDir: false, lintOnly: true, maxUncovered: 0 },
    },
    signal,
  );
  if (r.status === "infra_error" && !signal?.aborted)
    throw new SimulatorUnavailableError(
      `${simulator} on the ${exec.name} executor is not usable: ${r.reason}`,
    );
  return known(r.simulator?.version) ? r.simulator.version : "unknown";
}

/** Wraps an executor so that results of another simulator version become infra_error. */
export class VersionGuardExecutor implements Executor {
  readonly name: string;

  constructor(
    private readonly inner: Executor,
    private expected: string | null,
    /** Called once when the version is learnt from a result (the probe found none). */
    private readonly onLearn: (version: string) => void = () => {},
  ) {
    this.name = inner.name;
  }

  get version(): string | null {
    return this.expected;
  }

  async run(request: SimRequestInput, signal?: AbortSignal): Promise<SimResult> {
    const result = await this.inner.run(request, signal);
    const got = result.simulator?.version;
    if (result.status === "infra_error" || !known(got)) return result;
    if (this.expected === null) {
      this.expected = got;
      this.onLearn(got);
      return result;
    }
    if (got === this.expected) return result;
    return makeResult({
      id: result.id,
      simulator: result.simulator,
      status: "infra_error",
      reason:
        `${result.simulator.name} ${got} answered, but this run uses ${this.expected}: ` +
        "results of two simulator versions are never mixed in one run (use another --out for the other version)",
    });
  }

  stats(): ExecutorStats {
    return this.inner.stats();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
