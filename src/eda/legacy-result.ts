// Adapter for the published framework's `result.json` (its get_cov_result CLI around xrun/IMC),
// so a user's own commercial-tool wrapper can plug in behind our protocol.
import { z } from "zod";
import { PROTOCOL_VERSION, SimResult, type SimStatus } from "../core/protocol.js";

const num = z.number().nullable().optional();

export const LegacySummaryRow = z.looseObject({
  name: z.string(),
  level: z.number().optional(),
  "Overall Average": num,
  "Overall Covered": num,
  "Code Average": num,
  "Code Covered": num,
  "Fsm Average": num,
  "Functional Average": num,
  Toggle: num,
  Block: num,
  Assertion: num,
});

export const LegacyResult = z.looseObject({
  returncode: z.number().int(),
  status: z.enum(["success", "xrun_failed", "imc_merge_failed", "imc_report_summary_failed", "exception"]),
  err_msg: z.string(),
  cov_info: z
    .looseObject({
      summary: z.array(LegacySummaryRow).default([]),
      detail: z.string().optional(),
      runtime_sec: z.number().optional(),
    })
    .optional()
    .nullable(),
});
export type LegacyResult = z.infer<typeof LegacyResult>;

const STATUS: Record<LegacyResult["status"], { status: SimStatus; reason: string }> = {
  success: { status: "pass", reason: "simulation succeeded (legacy result)" },
  xrun_failed: { status: "compile_error", reason: "xrun failed" },
  imc_merge_failed: {
    status: "runtime_error",
    reason: "coverage merge failed: the simulation produced no coverage",
  },
  imc_report_summary_failed: { status: "runtime_error", reason: "coverage report failed" },
  exception: { status: "infra_error", reason: "the tool wrapper raised an exception" },
};

const clamp = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.max(0, Math.min(1, v));

/** Converts a legacy result; `instance`/`top` pick the summary row (instance, then module, then first). */
export function fromLegacyResult(
  legacy: LegacyResult,
  ctx: { instance?: string; top?: string } = {},
): SimResult {
  const mapped = STATUS[legacy.status];
  const rows = legacy.cov_info?.summary ?? [];
  const row =
    rows.find((r) => ctx.instance && (r.name === ctx.instance || r.name.endsWith("." + ctx.instance))) ??
    rows.find((r) => ctx.top && r.name === ctx.top) ??
    rows[0];
  const coverage =
    legacy.status === "success" && row
      ? {
          score: clamp(row["Overall Average"]),
          line: clamp(row.Block),
          branch: null,
          toggle: clamp(row.Toggle),
          user: clamp(row["Functional Average"]),
          instances: rows.map((r) => ({
            path: r.name,
            score: clamp(r["Overall Average"]),
            line: clamp(r.Block),
            branch: null,
            toggle: clamp(r.Toggle),
            user: clamp(r["Functional Average"]),
            counts: {},
          })),
          uncovered: [],
          uncoveredTotal: 0,
          instanceFound: true,
        }
      : null;
  return SimResult.parse({
    protocol: PROTOCOL_VERSION,
    simulator: { name: "legacy-xrun", version: "unknown" },
    status: mapped.status,
    reason: legacy.err_msg
      ? `${mapped.reason}: ${legacy.err_msg.split("\n")[0]!.slice(0, 300)}`
      : mapped.reason,
    coverage,
    targets: [],
    targetsMet: null,
    diagnostics: [],
    log: [legacy.err_msg, legacy.cov_info?.detail ?? ""]
      .filter(Boolean)
      .join("\n")
      .slice(0, 256 * 1024),
    logDroppedBytes: 0,
    errorCount: 0,
    simTimeNs: null,
    timings:
      legacy.cov_info?.runtime_sec !== undefined
        ? [{ stage: "legacy", ms: legacy.cov_info.runtime_sec * 1000 }]
        : [],
    tbTop: null,
    sandbox: "external",
  });
}

/** Reads either result form: ours (has `protocol`) or the legacy result.json. */
export function parseAnyResult(json: unknown, ctx: { instance?: string; top?: string } = {}): SimResult {
  if (json && typeof json === "object" && "protocol" in json) return SimResult.parse(json);
  return fromLegacyResult(LegacyResult.parse(json), ctx);
}
