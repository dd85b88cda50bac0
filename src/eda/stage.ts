// Per-stage bounds derived from a request's SimLimits (defaults documented in docs/security.md),
// and shell quoting for the few stages that run two commands in one sandbox.
import type { SimLimits } from "../core/protocol.js";
import type { ProcessLimits } from "./process.js";

export const STAGE_DEFAULTS = {
  fileSizeMb: 256,
  processes: 64,
  outputStopBytes: 1024 * 1024 * 1024,
  tmpMb: 64,
  /** No stage starts with less than this left of the job's wall time. */
  minStageMs: 200,
};

/** Process limits of one stage that may run for `wallMs`. */
export function stageLimits(
  limits: SimLimits,
  wallMs: number,
  override: Partial<ProcessLimits> = {},
): ProcessLimits {
  return {
    wallMs,
    memoryMb: limits.memoryMb,
    fileSizeMb: limits.fileSizeMb ?? STAGE_DEFAULTS.fileSizeMb,
    cpuSeconds: limits.cpuSeconds ?? Math.ceil(wallMs / 1000) + 1,
    processes: limits.processes ?? STAGE_DEFAULTS.processes,
    outputBytes: limits.outputBytes,
    outputStopBytes: limits.outputStopBytes ?? STAGE_DEFAULTS.outputStopBytes,
    ...override,
  };
}

export const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
export const shellCommand = (argv: string[]) => argv.map(shellQuote).join(" ");
