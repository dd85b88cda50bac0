// The simulator extension point: one interface, implementations beside it (verilator/, icarus.ts,
// command-sim.ts), found by name in the registry (registry.ts).
import type { SimRequest, SimResult } from "../core/protocol.js";
import type { JobSandbox } from "./sandbox.js";

/** A request whose files all have content, placed in a fresh job directory. */
export interface SimJob {
  request: SimRequest & {
    rtl: { name: string; content: string }[];
    testbench: { name: string; content: string };
  };
  jobDir: string;
  /** Testbench top module (found when the request did not name it). */
  tbTop: string;
  signal?: AbortSignal;
  /** Job deadline (ms since epoch); every stage is bounded by what is left. */
  deadline: number;
  /** The job's sandbox (src/eda/sandbox.ts); a simulator opens one itself when absent. */
  sandbox?: JobSandbox;
}

export interface Simulator {
  /** Registry name (src/eda/registry.ts): lower-case letters, digits, '.', '_', '-'. */
  readonly name: string;
  /** What the conformance suite may expect of it (default: coverage measured). */
  readonly features?: SimulatorFeatures;
  /** Tool version string, e.g. "5.006"; throws ToolMissingError when the tool is absent. */
  version(): Promise<string>;
  evaluate(job: SimJob): Promise<SimResult>;
}

export interface SimulatorFeatures {
  /** Reports DUT coverage (Icarus does not). */
  coverage: boolean;
  /** Finds compile errors with a file:line diagnostic. */
  diagnostics?: boolean;
}
