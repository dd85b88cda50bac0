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

/** The probe job's id (executors and tests can tell it from real jobs). */
export const PROBE_ID = "llm4cov-version-probe";

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
  retries = 2,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const r = await exec.run(
      {
        id: PROBE_ID,
        simulator,
        rtl: [{ name: "rtl/llm4cov_version_probe.sv", content: PROBE_RTL }],
        testbench: { name: "llm4cov_version_probe_tb.sv", content: PROBE_TB },
        top: "llm4cov_version_probe",
        options: { keepJobDir: false, lintOnly: true, maxUncovered: 0 },
      },
      signal,
    );
    if (r.status !== "infra_error") return known(r.simulator?.version) ? r.simulator.version : "unknown";
    if (signal?.aborted) return "unknown";
    // The same backoff as a job's own infra retries (src/agent/workflow.ts).
    if (attempt > retries)
      throw new SimulatorUnavailableError(
        `${simulator} on the ${exec.name} executor is not usable: ${r.reason}`,
      );
    await new Promise((res) => setTimeout(res, 500 * 3 ** (attempt - 1)));
  }
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
