// Constructs that LLM testbenches use and Verilator 5.006 does not support (or silently
// ignores). Found in the testbench source so the feedback can name the broken rule.
import type { Diagnostic } from "../core/protocol.js";
import { lineIndex, stripComments } from "./sv-scan.js";

interface ConstructRule {
  rule: string;
  pattern: RegExp;
  message: string;
  /** Silently ignored by the tool (no error), so always worth a warning. */
  silent?: boolean;
}

export const VERILATOR_5006_CONSTRUCTS: ConstructRule[] = [
  {
    rule: "no-class-randomize-with",
    pattern: /\brandomize\s*\([^)]*\)\s*with\b/g,
    message: "randomize() with {...} is not supported by Verilator 5.006; use $urandom_range",
  },
  {
    rule: "no-class-randomize-with",
    pattern: /\bconstraint\s+[A-Za-z_]\w*\s*\{/g,
    message: "constraint blocks are silently ignored by Verilator 5.006; values will not be constrained",
    silent: true,
  },
  {
    rule: "no-covergroup",
    pattern: /\bcovergroup\b/g,
    message: "covergroup is not supported by Verilator 5.006",
  },
  {
    rule: "no-disable-fork",
    pattern: /\b(disable|wait)\s+fork\b/g,
    message: "disable fork / wait fork are not supported by Verilator 5.006",
  },
  {
    rule: "no-sva-sequences",
    pattern: /(\bsequence\b|##\s*[\d[])/g,
    message: "SVA sequences and ## delays are not supported by Verilator 5.006",
  },
  {
    rule: "no-iff-in-event",
    pattern: /@\s*\(\s*(posedge|negedge)?\s*[\w.[\]]+\s+iff\b/g,
    message: "@(... iff cond) event expressions are not supported by Verilator 5.006",
  },
  { rule: "no-uvm", pattern: /\buvm_\w+|`uvm_/g, message: "UVM is not available" },
  {
    rule: "no-virtual-interface-classes",
    pattern: /\bvirtual\s+(interface\s+)?\w+\s+\w+\s*;/g,
    message: "virtual interface class drivers are not supported well by Verilator 5.006",
  },
];

/** Warnings for unsupported constructs in a testbench, with the rule id each breaks. */
export function findUnsupportedConstructs(tbText: string, fileName: string): Diagnostic[] {
  const code = stripComments(tbText, { strings: true });
  const lineOf = lineIndex(code);
  const out: Diagnostic[] = [];
  for (const rule of VERILATOR_5006_CONSTRUCTS) {
    for (const m of code.matchAll(rule.pattern)) {
      out.push({
        severity: "warning",
        code: rule.silent ? "LLM4COV-IGNORED" : "LLM4COV-UNSUPPORTED",
        file: fileName,
        line: lineOf(m.index!),
        message: rule.message,
        rule: rule.rule,
      });
    }
  }
  return out;
}
