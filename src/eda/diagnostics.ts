// Tool messages -> structured diagnostics.
import type { Diagnostic } from "../core/protocol.js";

// %Error-UNSUPPORTED: tb.sv:12:5: Unsupported: ...   %Warning-WIDTH: file:3:1: msg   %Error: file:3:1: msg
const VERILATOR_RE = /^%(Error|Warning)(?:-([A-Z0-9_]+))?:\s*(?:([^:\s][^:]*):(\d+):(?:(\d+):)?\s*)?(.*)$/;
// tb.sv:12: error: msg   tb.sv:12: syntax error   tb.sv:3: warning: msg
const ICARUS_RE = /^([^:\s][^:]*):(\d+):\s*(?:(error|warning|sorry):\s*)?(.*)$/;
// all.cpp:50:21: error: 'x' was not declared
const GCC_RE = /^([^:\s][^:]*):(\d+):(\d+):\s*(error|warning|fatal error):\s*(.*)$/;

export function parseVerilatorDiagnostics(log: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const line of log.split("\n")) {
    const m = VERILATOR_RE.exec(line.trimEnd());
    if (!m) continue;
    const [, sev, code, file, ln, col, msg] = m;
    if (msg?.startsWith("Exiting due to")) continue;
    out.push({
      severity: sev === "Error" ? "error" : "warning",
      code: code || undefined,
      file: file || undefined,
      line: ln ? Number(ln) : undefined,
      column: col ? Number(col) : undefined,
      message: (msg ?? "").trim(),
    });
  }
  return out;
}

export function parseIcarusDiagnostics(log: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const line of log.split("\n")) {
    const m = ICARUS_RE.exec(line.trimEnd());
    if (!m) continue;
    const [, file, ln, sev, msg] = m;
    const text = (msg ?? "").trim();
    const severity = sev === "warning" ? "warning" : sev || /error/i.test(text) ? "error" : "info";
    out.push({
      severity,
      code: sev === "sorry" ? "UNSUPPORTED" : undefined,
      file,
      line: Number(ln),
      message: text,
    });
  }
  return out;
}

export function parseGccDiagnostics(log: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const line of log.split("\n")) {
    const m = GCC_RE.exec(line.trimEnd());
    if (!m) continue;
    const [, file, ln, col, sev, msg] = m;
    out.push({
      severity: sev === "warning" ? "warning" : "error",
      code: "CXX",
      file,
      line: Number(ln),
      column: Number(col),
      message: (msg ?? "").trim(),
    });
  }
  return out;
}

/** Attaches the rule of an unsupported-construct warning to tool errors on the same line. */
export function linkRules(errors: Diagnostic[], hints: Diagnostic[]): Diagnostic[] {
  return errors.map((d) => {
    if (d.rule || d.line === undefined) return d;
    const hint = hints.find((h) => h.line === d.line && h.file && d.file && d.file.endsWith(h.file));
    return hint ? { ...d, rule: hint.rule } : d;
  });
}
