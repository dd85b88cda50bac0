// Static pre-check of an untrusted testbench: a fast first line before any tool runs.
// Anything found here ends the job with status `rejected` and the reason.
import { declaredModules, lineIndex, stripComments } from "./sv-scan.js";

export interface PrecheckViolation {
  rule: string;
  line: number;
  message: string;
}

const WRITE_TASKS = /\$(fopen|dumpfile|writememh|writememb|fdumpfile)\s*\(\s*"([^"]*)"\s*(?:,\s*"([^"]*)")?/g;

function escapesJobDir(path: string): boolean {
  return path.startsWith("/") || path.startsWith("~") || path.split(/[\\/]/).includes("..");
}

/**
 * @param tbText testbench source
 * @param dutModules module names defined by the DUT sources (a testbench may not redefine them)
 */
export function precheckTestbench(tbText: string, dutModules: string[]): PrecheckViolation[] {
  const code = stripComments(tbText);
  const lineOf = lineIndex(code);
  const out: PrecheckViolation[] = [];
  for (const m of code.matchAll(/\$system\b/g))
    out.push({
      rule: "no-system-task-shell",
      line: lineOf(m.index!),
      message: "$system runs shell commands",
    });
  for (const m of code.matchAll(/\b(import|export)\s+"DPI(-C)?"/g))
    out.push({ rule: "no-dpi", line: lineOf(m.index!), message: `DPI ${m[1]} is not allowed` });
  for (const m of code.matchAll(WRITE_TASKS)) {
    const [, task, path, mode] = m;
    const writes = task !== "fopen" || (mode !== undefined && /[wa+]/.test(mode));
    if (writes && path !== undefined && escapesJobDir(path))
      out.push({
        rule: "no-files-outside-job",
        line: lineOf(m.index!),
        message: `$${task}("${path}") writes outside the job directory`,
      });
  }
  for (const m of code.matchAll(/`include\s+"([^"]*)"/g)) {
    if (escapesJobDir(m[1]!))
      out.push({
        rule: "no-files-outside-job",
        line: lineOf(m.index!),
        message: `\`include "${m[1]}" reads a file outside the repository`,
      });
  }
  const dut = new Set(dutModules);
  for (const mod of declaredModules(stripComments(tbText, { strings: true })))
    if (dut.has(mod.name))
      out.push({
        rule: "no-dut-redefinition",
        line: mod.line,
        message: `the testbench defines module ${mod.name}, which is a DUT module; the DUT's own definition must be simulated`,
      });
  return out;
}
