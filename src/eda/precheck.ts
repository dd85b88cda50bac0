// Static pre-check of an untrusted testbench: a fast first line, on the raw text before any tool
// runs and again on the preprocessed text (macros expanded, includes resolved) before anything
// is built. Anything found ends the job with status `rejected` and the reason. The sandbox
// (src/eda/sandbox.ts) contains what only happens at run time, e.g. file names built at run time.
import { resolve, sep } from "node:path";
import type { Diagnostic } from "../core/protocol.js";
import { lineIndex, stripComments } from "./sv-scan.js";

export interface PrecheckViolation {
  rule: string;
  line: number;
  message: string;
  /** Source file of the line (preprocessed check; the testbench otherwise). */
  file?: string;
}

export interface PrecheckOptions {
  /** Also refuse reads outside the job ($fopen "r", $readmemh, ...): the pipeline sets it. */
  strict?: boolean;
}

/** Tasks that take a file name; WRITERS create or change it. */
const FILE_TASK = /\$(fopen[rwa]?|readmem[hb]|writemem[hb]|f?dumpfile|dumpports|sdf_annotate)\s*\(/g;
const WRITERS = /^(fopen[wa]|writemem[hb]|f?dumpfile|dumpports)$/;
const C_INSERT = /`systemc_(?:header|interface|imp_header|implementation|ctor|dtor)\b|\$c(?:\d+|pure)?\s*\(/g;
const DECL =
  /(?<!\bvirtual\s+)\b(module|macromodule|program|interface|primitive)\s+(?:static\s+|automatic\s+)?(\\\S+|[A-Za-z_][A-Za-z0-9_$]*)/g;

function escapesJobDir(path: string): boolean {
  if (path === "/dev/null") return false;
  return path.startsWith("/") || path.startsWith("~") || path.split(/[\\/]/).includes("..");
}

/** Top-level arguments of the call whose "(" is at `open`, as raw text (strings kept). */
function callArgs(code: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = open; i < code.length && i < open + 4000; i++) {
    const c = code[i]!;
    if (c === '"') {
      let j = code.indexOf('"', i + 1);
      while (j > 0 && code[j - 1] === "\\") j = code.indexOf('"', j + 1);
      if (j < 0) break;
      cur += code.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === "(") {
      if (depth++ === 0) continue;
    } else if (c === ")") {
      if (--depth === 0) {
        args.push(cur.trim());
        return args;
      }
    } else if (c === "," && depth === 1) {
      args.push(cur.trim());
      cur = "";
      continue;
    }
    cur += c;
  }
  return args;
}

const literal = (arg: string | undefined) => /^"((?:[^"\\]|\\.)*)"$/.exec(arg ?? "")?.[1];
const bare = (name: string) => (name.startsWith("\\") ? name.slice(1) : name);

/**
 * The rules, on comment-free code: `code` keeps string contents, `blank` has them blanked
 * (same length, so indices agree).
 */
function checkCode(code: string, blank: string, dutModules: string[], strict: boolean): PrecheckViolation[] {
  const lineOf = lineIndex(code);
  const out: PrecheckViolation[] = [];
  const add = (index: number, rule: string, message: string) =>
    out.push({ rule, line: lineOf(index), message });
  for (const m of blank.matchAll(/\$system\b/g))
    add(m.index!, "no-system-task-shell", "$system runs shell commands");
  for (const m of blank.matchAll(/\b(import|export)\s+"/g)) {
    const at = m.index! + m[0].length - 1;
    if (/^"DPI(-C|-SC)?"/.test(code.slice(at, at + 8)))
      add(m.index!, "no-dpi", `DPI ${m[1]} is not allowed (it calls host C functions such as system())`);
  }
  for (const m of blank.matchAll(C_INSERT))
    add(m.index!, "no-verilator-c", `${m[0].replace(/\s*\($/, "")} inserts C++ code into the model`);
  for (const m of blank.matchAll(/`verilator_config\b/g))
    add(m.index!, "no-verilator-config", "`verilator_config can switch off coverage of DUT code");
  for (const m of blank.matchAll(FILE_TASK)) {
    const task = m[1]!;
    const args = callArgs(code, m.index! + m[0].length - 1);
    const paths = task === "dumpports" ? args : args.slice(0, 1);
    const mode = literal(args[1]);
    const writes = WRITERS.test(task) || (task === "fopen" && mode !== undefined && /[wa+]/.test(mode));
    for (const p of paths.map(literal)) {
      if (p === undefined || !escapesJobDir(p) || !(writes || strict)) continue;
      const what = writes ? "writes" : "reads";
      add(m.index!, "no-files-outside-job", `$${task}("${p}") ${what} outside the job directory`);
    }
  }
  for (const m of code.matchAll(/`include\s+(?:"([^"]*)"|<([^>]*)>)/g)) {
    const path = m[1] ?? m[2]!;
    if (m[2] !== undefined || escapesJobDir(path))
      add(m.index!, "no-files-outside-job", `\`include "${path}" reads a file outside the repository`);
  }
  const dut = new Set(dutModules);
  for (const m of blank.matchAll(DECL))
    if (dut.has(bare(m[2]!)))
      add(
        m.index!,
        "no-dut-redefinition",
        `the testbench defines ${m[1]} ${bare(m[2]!)}, which is a DUT module; the DUT's own definition must be simulated`,
      );
  for (const m of blank.matchAll(/\bbind\s+(\\\S+|[A-Za-z_][\w$.]*)/g)) {
    const target = bare(m[1]!);
    if (dut.has(target) || target.includes("."))
      add(
        m.index!,
        "no-bind-into-dut",
        `bind ${target}: testbench code inside the DUT would count as DUT coverage`,
      );
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * @param tbText testbench source
 * @param dutModules module names defined by the DUT sources (a testbench may not redefine them)
 */
export function precheckTestbench(
  tbText: string,
  dutModules: string[],
  opts: PrecheckOptions = {},
): PrecheckViolation[] {
  return checkCode(
    stripComments(tbText),
    stripComments(tbText, { strings: true }),
    dutModules,
    !!opts.strict,
  );
}

export interface PreprocessedInput {
  /** Preprocessor output with `line directives (verilator -E, ivlpp -L). */
  text: string;
  /** DUT source names as given to the tool: their text is trusted and not checked. */
  rtlFiles: string[];
  jobDir: string;
  dutModules: string[];
}

/** Testbench text (after macro expansion) beyond this is refused: a macro bomb, not a testbench. */
export const MAX_CHECKED_BYTES = 8 * 1024 * 1024;

const LINE_DIRECTIVE = /^\s*`line\s+(\d+)\s+"((?:[^"\\]|\\.)*)"\s+\d+\s*$/;

/** The strict rules on every preprocessed line that does not come from a DUT file. */
export function precheckPreprocessed(input: PreprocessedInput): PrecheckViolation[] {
  const root = resolve(input.jobDir);
  const inJob = (f: string) => resolve(root, f).startsWith(root + sep);
  const rtl = new Set(input.rtlFiles.map((f) => resolve(root, f)));
  const kept: string[] = [];
  const where: { file: string; line: number }[] = [];
  const out: PrecheckViolation[] = [];
  const outside = new Set<string>();
  let file = "";
  let line = 1;
  let trusted = false;
  let size = 0;
  for (const text of input.text.split("\n")) {
    const d = text.includes("`line") ? LINE_DIRECTIVE.exec(text) : null;
    if (d) {
      [file, line] = [d[2]!, Number(d[1])];
      trusted = rtl.has(resolve(root, file || "."));
      if (file && !file.startsWith("<") && !inJob(file) && !outside.has(file)) {
        outside.add(file);
        out.push({
          rule: "no-files-outside-job",
          line: where.at(-1)?.line ?? 1,
          file: where.at(-1)?.file,
          message: `\`include of "${file}", a file outside the repository`,
        });
      }
      kept.push("");
      where.push({ file, line: 0 });
      continue;
    }
    kept.push(trusted ? "" : text);
    where.push({ file, line: line++ });
    if (!trusted && (size += text.length + 1) > MAX_CHECKED_BYTES)
      return [
        {
          rule: "max-testbench-size",
          line: line - 1,
          file,
          message: `the testbench is more than ${MAX_CHECKED_BYTES >> 20} MB after preprocessing`,
        },
      ];
  }
  const joined = kept.join("\n");
  const found = checkCode(
    stripComments(joined),
    stripComments(joined, { strings: true }),
    input.dutModules,
    true,
  );
  for (const v of found) out.push({ ...v, ...where[v.line - 1]! });
  return out;
}

/** Diagnostics for a rejected testbench. */
export function violationDiagnostics(violations: PrecheckViolation[], tbName: string): Diagnostic[] {
  return violations.map((v) => ({
    severity: "error" as const,
    code: "LLM4COV-REJECTED",
    file: v.file ?? tbName,
    line: v.line,
    message: v.message,
    rule: v.rule,
  }));
}

export function rejectionReason(violations: PrecheckViolation[]): string {
  const v = violations[0]!;
  return `policy violation: ${v.message} (${v.file ? `${v.file}:` : "line "}${v.line})`;
}

/**
 * An include the tool could not find (the sandbox hides it) that names a file outside the job:
 * a policy violation, reported as such rather than as a compile error.
 */
export function missingIncludeViolations(
  diags: { message: string; file?: string; line?: number }[],
  jobDir: string,
): PrecheckViolation[] {
  const root = resolve(jobDir);
  const out: PrecheckViolation[] = [];
  for (const d of diags) {
    // Verilator 5.006 prints the name bare, 5.048 in single quotes; Icarus bare.
    const m = /Cannot find include file: '?([^'\s]+)'?|Include file (\S+) not found/.exec(d.message);
    const path = m?.[1] ?? m?.[2];
    if (path === undefined || (!path.startsWith("/") && !path.startsWith("~") && !path.includes("..")))
      continue;
    if (resolve(root, path).startsWith(root + sep)) continue;
    out.push({
      rule: "no-files-outside-job",
      line: d.line ?? 0,
      file: d.file,
      message: `\`include "${path}" reads a file outside the repository`,
    });
  }
  return out;
}
