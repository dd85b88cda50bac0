// The simulator extension point: one interface, implementations beside it (verilator/, icarus.ts).
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
  readonly name: "verilator" | "icarus";
  /** Tool version string, e.g. "5.006"; throws ToolMissingError when the tool is absent. */
  version(): Promise<string>;
  evaluate(job: SimJob): Promise<SimResult>;
}
