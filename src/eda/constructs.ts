// Constructs that LLM testbenches use and Verilator 5.006 does not support (or silently
// ignores). Found in the testbench source so the feedback can name the broken rule. Verilator
// 5.048 accepts most of them; what it still ignores (covergroups) earns a note, not a warning.
import type { Diagnostic } from "../core/protocol.js";
import { lineIndex, stripComments } from "./sv-scan.js";

interface ConstructRule {
  rule: string;
  pattern: RegExp;
  message: string;
  /** Silently ignored by the tool (no error), so always worth a warning. */
  silent?: boolean;
  /** Supported from this Verilator (MAJOR.MINOR) on; with `modern`, what is said from then on. */
  since?: [number, number];
  modern?: { severity: "info" | "warning"; message: string };
}

export const VERILATOR_5006_CONSTRUCTS: ConstructRule[] = [
  {
    rule: "no-class-randomize-with",
    pattern: /\brandomize\s*\([^)]*\)\s*with\b/g,
    message: "randomize() with {...} is not supported by Verilator 5.006; use $urandom_range",
    since: [5, 48],
  },
  {
    rule: "no-class-randomize-with",
    pattern: /\bconstraint\s+[A-Za-z_]\w*\s*\{/g,
    message: "constraint blocks are silently ignored by Verilator 5.006; values will not be constrained",
    silent: true,
    since: [5, 48],
  },
  {
    rule: "no-covergroup",
    pattern: /\bcovergroup\b/g,
    message: "covergroup is not supported by Verilator 5.006",
    since: [5, 48],
    modern: {
      severity: "info",
      message:
        "covergroup is accepted and ignored (COVERIGN): it collects no coverage; the score counts the DUT's code coverage only",
    },
  },
  {
    rule: "no-disable-fork",
    pattern: /\b(disable|wait)\s+fork\b/g,
    message: "disable fork / wait fork are not supported by Verilator 5.006",
    since: [5, 48],
  },
  {
    rule: "no-sva-sequences",
    pattern: /(\bsequence\b|##\s*[\d[])/g,
    message: "SVA sequences and ## delays are not supported by Verilator 5.006",
    since: [5, 48],
  },
  {
    rule: "no-iff-in-event",
    pattern: /@\s*\(\s*(posedge|negedge)?\s*[\w.[\]]+\s+iff\b/g,
    message: "@(... iff cond) event expressions are not supported by Verilator 5.006",
    since: [5, 48],
  },
  { rule: "no-uvm", pattern: /\buvm_\w+|`uvm_/g, message: "UVM is not available" },
  {
    rule: "no-virtual-interface-classes",
    pattern: /\bvirtual\s+(interface\s+)?\w+\s+\w+\s*;/g,
    message: "virtual interface class drivers are not supported well by Verilator 5.006",
    since: [5, 48],
  },
];

const reached = (v: { major: number; minor: number }, since: [number, number]) =>
  v.major > since[0] || (v.major === since[0] && v.minor >= since[1]);

/**
 * Warnings for unsupported constructs in a testbench, with the rule id each breaks. `version`
 * is the Verilator in use (default: 5.006's list); a construct it supports is not reported.
 */
export function findUnsupportedConstructs(
  tbText: string,
  fileName: string,
  version: { major: number; minor: number } = { major: 5, minor: 6 },
): Diagnostic[] {
  const code = stripComments(tbText, { strings: true });
  const lineOf = lineIndex(code);
  const out: Diagnostic[] = [];
  for (const rule of VERILATOR_5006_CONSTRUCTS) {
    const supported = rule.since !== undefined && reached(version, rule.since);
    if (supported && !rule.modern) continue;
    for (const m of code.matchAll(rule.pattern)) {
      const note = supported ? rule.modern : undefined;
      out.push({
        severity: note?.severity ?? "warning",
        code: note || rule.silent ? "LLM4COV-IGNORED" : "LLM4COV-UNSUPPORTED",
        file: fileName,
        line: lineOf(m.index!),
        message: note?.message ?? rule.message,
        rule: rule.rule,
      });
    }
  }
  return out;
}
