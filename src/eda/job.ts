// Job preparation shared by every simulator: safe file placement, pre-check, testbench top.
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { assertSafePath } from "../core/safe-path.js";
import type { Diagnostic, SimResult, SimStatus } from "../core/protocol.js";
import { PROTOCOL_VERSION } from "../core/protocol.js";
import { declaredModules, findInstances, findTestbenchTop, stripComments } from "./sv-scan.js";

export { UnsafePathError } from "../core/safe-path.js";

/**
 * A relative path that stays inside the job directory, or an UnsafePathError: the shared check
 * of src/core/safe-path.ts after dropping a leading "./" (clients have always been allowed that).
 */
export function safeRelativePath(name: string): string {
  return assertSafePath(name.replace(/^(\.\/)+(?=.)/, ""));
}

export async function writeJobFiles(
  jobDir: string,
  files: { name: string; content: string }[],
): Promise<string[]> {
  const names: string[] = [];
  for (const f of files) {
    const rel = safeRelativePath(f.name);
    const path = join(jobDir, rel);
    // Readable by the job's sandbox uid whatever the umask; only the job dir itself is its own.
    for (let d = dirname(rel); d !== "."; d = dirname(d)) {
      await mkdir(join(jobDir, d), { recursive: true });
      await chmod(join(jobDir, d), 0o755);
    }
    await writeFile(path, f.content);
    await chmod(path, 0o644);
    names.push(rel);
  }
  return names;
}

/** The testbench file name, moved aside when it would overwrite a DUT file. */
export function testbenchFileName(requested: string, rtlNames: string[]): string {
  let name = safeRelativePath(requested || "tb/testbench.sv");
  const taken = new Set(rtlNames.map((n) => safeRelativePath(n)));
  if (taken.has(name)) name = `tb/${name.split("/").pop()}`;
  while (taken.has(name)) name = `tb/_${name.split("/").pop()}`;
  return name;
}

export function dutModuleNames(rtl: { content: string }[]): string[] {
  return rtl.flatMap((f) => declaredModules(stripComments(f.content, { strings: true })).map((m) => m.name));
}

export interface TbTopResult {
  tbTop: string | null;
  problem?: string;
}

export function resolveTbTop(tbText: string, dutTop: string, requested?: string): TbTopResult {
  if (requested) return { tbTop: requested };
  const top = findTestbenchTop(tbText, dutTop);
  if (!top) return { tbTop: null, problem: "the testbench declares no module" };
  return { tbTop: top };
}

/** A note when the testbench does not instantiate the DUT under the expected name. */
export function instanceProblem(tbText: string, dutTop: string, instance: string): string | null {
  const insts = findInstances(stripComments(tbText, { strings: true }), dutTop);
  if (!insts.length) return `the testbench never instantiates the DUT module ${dutTop}`;
  if (!insts.some((i) => i.instance === instance))
    return `the testbench instantiates ${dutTop} as ${insts.map((i) => i.instance).join(", ")}, but coverage is measured on instance "${instance}"`;
  return null;
}

export interface ResultInit {
  id?: string;
  simulator: { name: string; version: string };
  status: SimStatus;
  reason: string;
  tbTop?: string | null;
  diagnostics?: Diagnostic[];
  log?: string;
  logDroppedBytes?: number;
  timings?: { stage: string; ms: number }[];
  sandbox?: string;
}

export function makeResult(init: ResultInit): SimResult {
  return {
    protocol: PROTOCOL_VERSION,
    id: init.id,
    simulator: init.simulator,
    status: init.status,
    reason: init.reason,
    coverage: null,
    targets: [],
    targetsMet: null,
    diagnostics: init.diagnostics ?? [],
    log: init.log ?? "",
    logDroppedBytes: init.logDroppedBytes ?? 0,
    errorCount: 0,
    simTimeNs: null,
    timings: init.timings ?? [],
    tbTop: init.tbTop ?? null,
    sandbox: init.sandbox ?? "rlimits",
  };
}

/** Joins stage logs, each under a header, keeping within a byte budget. */
export function joinLogs(parts: { stage: string; output: string }[]): string {
  return parts
    .filter((p) => p.output.trim())
    .map((p) => `== ${p.stage} ==\n${p.output.trimEnd()}`)
    .join("\n");
}
