// Our expert syntax rules (the paper's App. A idea, rewritten for Verilator 5.006/5.048 and
// Icarus 11). Each rule was checked against the installed tools; docs/rules.md says why each one
// exists and which ones Verilator 5.048 lifts.
// The block is appended to the prompt at generation time only (see stripRules in prompt.ts).

export type RuleSimulator = "verilator" | "icarus";

/**
 * A regex-free detector: token patterns over the testbench with comments and strings removed
 * (string literals stay as single tokens so `import "DPI-C"` is still visible).
 */
export interface RuleDetector {
  /** Any of these tokens is a violation, e.g. "covergroup". */
  anyToken?: string[];
  /** Any of these token sequences (adjacent tokens) is a violation, e.g. ["disable", "fork"]. */
  tokenSeq?: string[][];
  /** Tokens starting with one of these prefixes, e.g. "uvm_". */
  tokenPrefix?: string[];
  /** The testbench must contain this token (violation when absent). */
  requiredToken?: string;
}

export interface Rule {
  id: string;
  /** The sentence the model sees. */
  text: string;
  /** Which simulators reject or mis-handle the construct (the rule applies to the rest too). */
  breaks: RuleSimulator[];
  detector?: RuleDetector;
  /**
   * The Verilator version (MAJOR.MINOR) that accepts the construct: from it on the rule leaves
   * the Verilator block, or says `modernText` instead (checked in test/eda-modern-verilator).
   */
  verilatorSince?: string;
  modernText?: string;
}

export const RULES: readonly Rule[] = [
  {
    id: "no-uvm",
    text: "Do not use UVM (no uvm_pkg, no `uvm_* macros, no uvm_component classes); write a plain module testbench.",
    breaks: ["verilator", "icarus"],
    detector: { tokenPrefix: ["uvm_", "`uvm_"] },
  },
  {
    id: "no-class-randomize-with",
    text: "Do not use classes with rand/randc fields, constraint blocks, randomize(), randomize() with {...} or std::randomize; use $urandom / $urandom_range in procedural code.",
    breaks: ["verilator", "icarus"],
    detector: { anyToken: ["randomize", "constraint", "rand", "randc"] },
    verilatorSince: "5.048",
  },
  {
    id: "no-covergroup",
    text: "Do not declare covergroup/coverpoint/cross; coverage is measured by the simulator, the testbench only drives stimulus.",
    breaks: ["verilator", "icarus"],
    detector: { anyToken: ["covergroup", "coverpoint", "endgroup"] },
    verilatorSince: "5.048",
    modernText:
      "Covergroups compile but are ignored (no functional coverage is collected, COVERIGN); the score counts the DUT's code coverage only, so spend the effort on stimulus.",
  },
  {
    id: "no-sva-sequences",
    text: "Do not write SVA: no property/sequence declarations, no `assert property`, no `##` delays or `|->` / `|=>` implications. No checkers are needed.",
    breaks: ["verilator", "icarus"],
    detector: { anyToken: ["property", "sequence", "endproperty", "endsequence", "##", "|->", "|=>"] },
    verilatorSince: "5.048",
  },
  {
    id: "no-disable-fork",
    text: "Do not use `disable fork` or `wait fork`; if you need parallel threads use fork ... join (or join_none without waiting on it) and bound every thread.",
    breaks: ["verilator"],
    detector: {
      tokenSeq: [
        ["disable", "fork"],
        ["wait", "fork"],
      ],
    },
    verilatorSince: "5.048",
  },
  {
    id: "no-iff-in-event",
    text: "Do not put `iff` in event controls (`@(posedge clk iff en)`); wait for the edge, then test the condition in an if or a while loop.",
    breaks: ["verilator", "icarus"],
    detector: { anyToken: ["iff"] },
    verilatorSince: "5.048",
  },
  {
    id: "no-clocking-blocks",
    text: "Do not use clocking blocks, interfaces, modports or program blocks; drive DUT inputs from plain `logic` variables in the testbench module.",
    breaks: ["icarus"],
    detector: { anyToken: ["clocking", "endclocking", "interface", "modport", "program", "endprogram"] },
  },
  {
    id: "timescale-consistent",
    text: "Declare `timescale only if the RTL declares one, and then use exactly the RTL's value; otherwise write no `timescale at all.",
    breaks: ["verilator"],
  },
  {
    id: "finish-required",
    text: "End the main initial block with $finish, and add a watchdog initial block that calls $finish after a fixed delay in case a wait never returns.",
    breaks: ["verilator", "icarus"],
    detector: { requiredToken: "$finish" },
  },
  {
    id: "bounded-time",
    text: "Keep simulated time bounded: every loop has a fixed iteration count, every `forever` contains a delay or clock edge, and no `wait (...)` or `while` waits on a DUT output without a cycle limit.",
    breaks: ["verilator", "icarus"],
  },
  {
    id: "no-dpi",
    text: 'Do not import or export DPI functions (`import "DPI-C"`); only the testbench file and the RTL are compiled.',
    breaks: ["verilator", "icarus"],
    detector: {
      tokenSeq: [
        ["import", '"DPI-C"'],
        ["export", '"DPI-C"'],
        ["import", '"DPI"'],
      ],
    },
  },
  {
    id: "no-system-task-shell",
    text: "Do not call $system, open files with $fopen, or dump waveforms ($dumpfile/$dumpvars); the testbench runs in a sandbox and only needs to drive stimulus.",
    breaks: ["icarus"],
    detector: { anyToken: ["$system", "$fopen", "$dumpfile", "$dumpvars", "$readmemh", "$readmemb"] },
  },
  {
    id: "drive-inputs-not-outputs",
    text: "Drive only the DUT's inputs; connect its outputs to `wire`/`logic` signals the testbench never assigns. Do not use force/release or hierarchical assignments into the DUT.",
    breaks: ["verilator", "icarus"],
    detector: { anyToken: ["force", "release"] },
  },
  {
    id: "named-port-connections",
    text: "Instantiate the DUT top module once, under the exact instance name given, with named port connections `.port(signal)` for every port (no positional or `.*` connections).",
    breaks: ["verilator", "icarus"],
  },
  {
    id: "no-streaming-operators",
    text: "Do not use streaming operators ({<<{...}} / {>>{...}}); reverse or reorder bits with a for loop.",
    breaks: ["icarus"],
    detector: {
      tokenSeq: [
        ["{", "<<"],
        ["{", ">>"],
      ],
    },
  },
  {
    id: "no-assoc-arrays",
    text: "Do not use associative arrays (`int m[string]`, `[*]`) or string methods; use fixed-size arrays indexed by integers.",
    breaks: ["icarus"],
    detector: {
      tokenSeq: [
        ["[", "string", "]"],
        ["[", "*", "]"],
      ],
    },
  },
  {
    id: "declare-at-block-start",
    text: "Declare variables at module level or at the start of a task/function; do not declare `automatic` variables inside an initial block, and do not declare variables after statements.",
    breaks: ["icarus"],
  },
  {
    id: "sized-literals",
    text: "Write well-formed sized literals whose digits fit the base and whose width matches the signal (4'b1010, 8'hFF, 16'd300); use '0 / '1 to fill a bus.",
    breaks: ["verilator", "icarus"],
  },
  // Rules the EDA pipeline reports (pre-check, instance check, construct scan); they carry no
  // token detector here because src/eda finds them (on the preprocessed source).
  {
    id: "instance-name",
    text: "Instantiate the DUT under exactly the instance name given; coverage is measured on that instance only.",
    breaks: ["verilator", "icarus"],
  },
  {
    id: "no-files-outside-job",
    text: "Never read, write or `include files by absolute path or with ../; the testbench may only touch files in its own directory.",
    breaks: ["verilator", "icarus"],
  },
  {
    id: "no-dut-redefinition",
    text: "Never define a module with the name of a DUT module; the DUT's own RTL is always the one simulated.",
    breaks: ["verilator", "icarus"],
  },
  {
    id: "no-bind-into-dut",
    text: "Do not use `bind` to attach code to the DUT; drive it only through its ports.",
    breaks: ["verilator", "icarus"],
  },
  {
    id: "no-verilator-c",
    text: "Do not use $c, `systemc_* or other Verilator C++ escapes.",
    breaks: ["verilator", "icarus"],
  },
  {
    id: "no-verilator-config",
    text: "Do not use `verilator_config blocks or tool pragmas that change how the tool runs.",
    breaks: ["verilator", "icarus"],
  },
  {
    id: "no-virtual-interface-classes",
    text: "Do not drive the DUT through virtual interfaces inside classes; drive its ports from initial/always blocks of the testbench module.",
    breaks: ["verilator"],
    verilatorSince: "5.048",
  },
  {
    id: "max-testbench-size",
    text: "Keep the testbench small (well under a megabyte after macro expansion); use loops instead of unrolled stimulus.",
    breaks: ["verilator", "icarus"],
  },
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

const atLeast = (version: string, since: string) => {
  const [a = 0, b = 0] = version.split(".").map(Number);
  const [c = 0, d = 0] = since.split(".").map(Number);
  return a > c || (a === c && b >= d);
};

/**
 * The rules for a simulator: every rule (portable testbenches), except that a Verilator from
 * a rule's `verilatorSince` on drops it or shows its `modernText`. No version: the 5.006 list.
 */
export function rulesFor(simulator: string, version?: string): Rule[] {
  const modern = simulator === "verilator" && version !== undefined;
  return RULES.flatMap((r) => {
    if (!modern || !r.verilatorSince || !atLeast(version, r.verilatorSince)) return [r];
    return r.modernText ? [{ ...r, text: r.modernText, detector: undefined }] : [];
  });
}

/**
 * The rule text block for the prompt. On Verilator 5.048+ (`version`) the constructs it accepts
 * are allowed, so the block no longer asks for Icarus portability.
 */
export function rulesBlock(simulator: RuleSimulator | (string & {}), version?: string): string {
  const rules = rulesFor(simulator, version);
  const lifted = rules.length < RULES.length || rules.some((r, i) => r !== RULES[i]);
  // A registered third-party simulator (e.g. a command adapter) is named as registered.
  const name =
    simulator === "verilator"
      ? `Verilator ${version ?? "5.006"}`
      : simulator === "icarus"
        ? "Icarus Verilog 11"
        : simulator;
  const lines = rules.map((r, i) => `${i + 1}. [${r.id}] ${r.text}`);
  const head = lifted
    ? `Syntax rules (the testbench is compiled by ${name}):`
    : `Syntax rules (the testbench is compiled by ${name}; it must also compile on the other open simulator):`;
  return [head, ...lines].join("\n");
}

export interface RuleHit {
  rule: string;
  line: number;
  token: string;
}

interface Tok {
  text: string;
  line: number;
}

const PUNCT3 = ["|->", "|=>"];
const PUNCT2 = ["##", "<<", ">>", "::"];

/** Splits SystemVerilog into tokens, dropping comments; strings become one token. */
export function tokenizeSv(src: string): Tok[] {
  const out: Tok[] = [];
  let line = 1;
  let i = 0;
  const isWord = (c: string) =>
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c === "_" || c === "$";
  while (i < src.length) {
    const c = src[i] as string;
    if (c === "\n") {
      line++;
      i++;
    } else if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (src.startsWith("//", i)) {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (src.startsWith("/*", i)) {
      const end = src.indexOf("*/", i + 2);
      const stop = end < 0 ? src.length : end + 2;
      for (let k = i; k < stop; k++) if (src[k] === "\n") line++;
      i = stop;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"' && src[j] !== "\n") j += src[j] === "\\" ? 2 : 1;
      out.push({ text: src.slice(i, j + 1), line });
      i = j + 1;
    } else if (isWord(c) || c === "`") {
      let j = i + 1;
      while (j < src.length && isWord(src[j] as string)) j++;
      out.push({ text: src.slice(i, j), line });
      i = j;
    } else {
      const p3 = PUNCT3.find((p) => src.startsWith(p, i));
      const p2 = p3 ?? PUNCT2.find((p) => src.startsWith(p, i));
      const t = p2 ?? c;
      out.push({ text: t, line });
      i += t.length;
    }
  }
  return out;
}

/**
 * Cheap pre-check: which rules a testbench visibly breaks (token level, no regular expressions).
 * With a simulator and version, only the rules that apply there (rulesFor).
 */
export function detectRuleViolations(
  testbench: string,
  target?: { simulator: string; version?: string },
): RuleHit[] {
  const toks = tokenizeSv(testbench);
  const hits: RuleHit[] = [];
  for (const rule of target ? rulesFor(target.simulator, target.version) : RULES) {
    const d = rule.detector;
    if (!d) continue;
    if (d.requiredToken && !toks.some((t) => t.text === d.requiredToken)) {
      hits.push({ rule: rule.id, line: 0, token: d.requiredToken });
    }
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Tok;
      const single = d.anyToken?.includes(t.text) || d.tokenPrefix?.some((p) => t.text.startsWith(p));
      const seq = d.tokenSeq?.find((s) => s.every((w, k) => toks[i + k]?.text === w));
      if (single || seq) {
        hits.push({ rule: rule.id, line: t.line, token: seq ? seq.join(" ") : t.text });
        break; // one hit per rule is enough for feedback
      }
    }
  }
  return hits;
}
