// One simulation job end to end: validate, place files in a fresh job directory, pre-check,
// simulate, clean up. Never throws for a bad testbench: that is a status. Throws only for a
// malformed request (ZodError) or missing blobs (the caller sends them and retries).
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256 } from "../core/hash.js";
import { SimRequest, type SimRequestInput, type SimResult } from "../core/protocol.js";
import { BlobStore } from "./blob-store.js";
import {
  dutModuleNames,
  instanceProblem,
  makeResult,
  resolveTbTop,
  testbenchFileName,
  UnsafePathError,
  writeJobFiles,
} from "./job.js";
import { precheckTestbench, rejectionReason, violationDiagnostics } from "./precheck.js";
import { closeJobSandbox, openJobSandbox, sandboxInfo, sandboxLabel, type JobSandbox } from "./sandbox.js";
import type { SimJob } from "./simulator.js";
import { ToolMissingError } from "./verilator/toolchain.js";
import { getSimulator, UnknownSimulatorError } from "./registry.js";

export class MissingBlobsError extends Error {
  constructor(readonly hashes: string[]) {
    super(`missing file contents for ${hashes.length} blob(s)`);
    this.name = "MissingBlobsError";
  }
}

// The simulators live in an open registry (src/eda/registry.ts); re-exported for existing importers.
export { getSimulator } from "./registry.js";

export interface EvaluateOptions {
  /** Parent of job directories (default: $TMPDIR/llm4cov-jobs). */
  workRoot?: string;
  signal?: AbortSignal;
  blobs?: BlobStore;
}

export function defaultWorkRoot(): string {
  return process.env.LLM4COV_WORK ?? join(tmpdir(), "llm4cov-jobs");
}

/** Fills in file contents from the blob store; verifies given hashes. */
function resolveFiles(req: SimRequest, blobs?: BlobStore): SimJob["request"] {
  const missing: string[] = [];
  const resolve = (f: { name: string; sha256?: string; content?: string }) => {
    if (f.content !== undefined) {
      if (f.sha256 && sha256(f.content) !== f.sha256) throw new Error(`sha256 mismatch for ${f.name}`);
      blobs?.put(f.content, f.sha256);
      return { name: f.name, content: f.content };
    }
    const content = f.sha256 ? blobs?.get(f.sha256) : undefined;
    if (content === undefined) {
      if (f.sha256) missing.push(f.sha256);
      else throw new Error(`file ${f.name} has neither content nor sha256`);
      return { name: f.name, content: "" };
    }
    return { name: f.name, content };
  };
  const rtl = req.rtl.map(resolve);
  const testbench = resolve(req.testbench);
  if (missing.length) throw new MissingBlobsError([...new Set(missing)]);
  return { ...req, rtl, testbench };
}

export async function evaluate(input: SimRequestInput, opts: EvaluateOptions = {}): Promise<SimResult> {
  const parsed = SimRequest.parse(input);
  const request = resolveFiles(parsed, opts.blobs);
  const started = Date.now();
  const deadline = started + request.limits.wallMs;
  let simulator;
  try {
    simulator = getSimulator(request.simulator);
  } catch (err) {
    // Not the testbench's fault and possibly fine on another host: an infrastructure error.
    if (!(err instanceof UnknownSimulatorError)) throw err;
    return makeResult({
      id: request.id,
      simulator: { name: request.simulator, version: "unknown" },
      status: "infra_error",
      reason: err.message,
    });
  }
  const simInfo = { name: simulator.name, version: "unknown" };
  const isolation = await sandboxInfo();
  const fail = (status: SimResult["status"], reason: string) =>
    makeResult({ id: request.id, simulator: simInfo, status, reason, sandbox: isolation.label });
  // A host never runs a testbench with less isolation than it was told to require.
  if (isolation.unavailable) return fail("infra_error", `sandbox unavailable: ${isolation.unavailable}`);

  try {
    simInfo.version = await simulator.version();
  } catch (err) {
    return fail("infra_error", err instanceof Error ? err.message : String(err));
  }

  let tbName: string;
  try {
    tbName = testbenchFileName(
      request.testbench.name,
      request.rtl.map((f) => f.name),
    );
    request.rtl.forEach((f) => testbenchFileName(f.name, []));
  } catch (err) {
    if (err instanceof UnsafePathError) return fail("rejected", err.message);
    throw err;
  }
  const testbench = { name: tbName, content: request.testbench.content };

  // Pre-check before any tool touches the testbench (again after preprocessing, in the simulator).
  const violations = precheckTestbench(testbench.content, dutModuleNames(request.rtl), { strict: true });
  if (violations.length) {
    const r = fail("rejected", rejectionReason(violations));
    r.diagnostics = violationDiagnostics(violations, tbName);
    return r;
  }
  const top = resolveTbTop(testbench.content, request.top, request.tbTop);
  if (!top.tbTop) return fail("compile_error", `no testbench top module: ${top.problem}`);

  const workRoot = opts.workRoot ?? defaultWorkRoot();
  await mkdir(workRoot, { recursive: true });
  const jobDir = await mkdtemp(join(workRoot, "job-"));
  let sandbox: JobSandbox | undefined;
  try {
    await writeJobFiles(jobDir, [...request.rtl, testbench]);
    sandbox = await openJobSandbox(jobDir);
    const prepMs = Date.now() - started;
    const result = await simulator.evaluate({
      request: { ...request, testbench },
      jobDir,
      tbTop: top.tbTop,
      signal: opts.signal,
      deadline,
      sandbox,
    });
    result.timings.unshift({ stage: "prepare", ms: prepMs });
    const problem = instanceProblem(testbench.content, request.top, request.instance);
    if (problem)
      result.diagnostics.push({
        severity: "warning",
        code: "LLM4COV-INSTANCE",
        file: tbName,
        message: problem,
        rule: "instance-name",
      });
    if (opts.signal?.aborted && result.status === "infra_error") result.reason = "cancelled";
    return result;
  } catch (err) {
    if (err instanceof ToolMissingError) return fail("infra_error", err.message);
    const msg = err instanceof Error ? err.message : String(err);
    const infra = fail("infra_error", `internal error: ${msg}`);
    if (sandbox) infra.sandbox = sandboxLabel(sandbox);
    return infra;
  } finally {
    if (sandbox) closeJobSandbox(sandbox);
    if (!request.options.keepJobDir)
      await rm(jobDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
