// Light lexical scanning of SystemVerilog text: enough to find modules, instances and system
// tasks by line. Not a parser: it strips comments and strings while keeping line numbers.

/**
 * Replaces comments (and, optionally, string contents) with spaces, keeping newlines. Copies
 * whole spans between comment/string starts: the pre-check runs it on preprocessed text that
 * can be megabytes long.
 */
export function stripComments(text: string, opts: { strings?: boolean } = {}): string {
  const parts: string[] = [];
  const special = /\/\/|\/\*|"/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = special.exec(text))) {
    const i = m.index;
    parts.push(text.slice(last, i));
    let end: number;
    if (m[0] === "//") {
      end = text.indexOf("\n", i);
      if (end < 0) end = text.length;
      parts.push(" ".repeat(end - i));
    } else if (m[0] === "/*") {
      const close = text.indexOf("*/", i + 2);
      end = close < 0 ? text.length : close + 2;
      parts.push(text.slice(i, end).replace(/[^\n]/g, " "));
    } else {
      // A string runs to its closing quote or the end of the line; a backslash escapes one char.
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== "\n")
        j += text[j] === "\\" && j + 1 < text.length ? 2 : 1;
      j = Math.min(j, text.length);
      parts.push('"', opts.strings ? " ".repeat(j - i - 1) : text.slice(i + 1, j));
      if (text[j] === '"') {
        parts.push('"');
        j++;
      }
      end = j;
    }
    last = end;
    special.lastIndex = end;
  }
  parts.push(text.slice(last));
  return parts.join("");
}

/** Returns a function mapping a character index to its 1-based line (binary search over newlines). */
export function lineIndex(text: string): (index: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const IDENT = "[A-Za-z_][A-Za-z0-9_$]*";

/** Module (and program/interface) names declared in the text, with their lines. */
export function declaredModules(code: string): { name: string; line: number; kind: string }[] {
  const re = new RegExp(
    `\\b(module|macromodule|program|interface)\\s+(?:static\\s+|automatic\\s+)?(${IDENT})`,
    "g",
  );
  const out: { name: string; line: number; kind: string }[] = [];
  const lineOf = lineIndex(code);
  for (const m of code.matchAll(re)) out.push({ name: m[2]!, line: lineOf(m.index!), kind: m[1]! });
  return out;
}

/** Skips a balanced (...) group starting at `i` (which must be at '('); returns the index after it. */
function skipParens(code: string, i: number): number {
  let depth = 0;
  for (; i < code.length; i++) {
    if (code[i] === "(") depth++;
    else if (code[i] === ")") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return code.length;
}

/** Instances of `moduleName` in `code`: `moduleName [#(...)] inst [(...)]`. */
export function findInstances(code: string, moduleName: string): { instance: string; line: number }[] {
  const out: { instance: string; line: number }[] = [];
  const lineOf = lineIndex(code);
  const re = new RegExp(`(?<![A-Za-z0-9_$.'\`])${escapeRegex(moduleName)}\\b`, "g");
  for (const m of code.matchAll(re)) {
    let i = m.index! + moduleName.length;
    const ws = () => {
      while (i < code.length && /\s/.test(code[i]!)) i++;
    };
    ws();
    if (code[i] === "#") {
      i++;
      ws();
      if (code[i] !== "(") continue;
      i = skipParens(code, i);
      ws();
    }
    const id = new RegExp(`^${IDENT}`).exec(code.slice(i, i + 200));
    if (!id) continue;
    i += id[0].length;
    ws();
    if (code[i] === "[") {
      // instance array: inst [N-1:0] (...)
      const close = code.indexOf("]", i);
      if (close < 0) continue;
      i = close + 1;
      ws();
    }
    if (code[i] !== "(") continue;
    const before = code.slice(Math.max(0, m.index! - 40), m.index!);
    if (/\b(module|macromodule|program|interface|endmodule)\s*$/.test(before)) continue;
    out.push({ instance: id[0], line: lineOf(m.index!) });
  }
  return out;
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The testbench top: a module declared in the testbench that no other testbench module
 * instantiates; among several, the one that instantiates the DUT.
 */
export function findTestbenchTop(tbText: string, dutTop: string): string | null {
  const code = stripComments(tbText, { strings: true });
  const mods = declaredModules(code).filter((m) => m.kind === "module" || m.kind === "program");
  const names = mods.map((m) => m.name).filter((n) => n !== dutTop);
  const instantiated = new Set(
    names.filter((n) => names.some((o) => o !== n && findInstances(code, n).length)),
  );
  const tops = names.filter((n) => !instantiated.has(n));
  if (tops.length <= 1) return tops[0] ?? null;
  const withDut = tops.filter((t) => findInstances(moduleBody(code, t), dutTop).length > 0);
  return withDut[0] ?? tops[0] ?? null;
}

/** The text of one module's body (from its header to endmodule). */
export function moduleBody(code: string, name: string): string {
  const re = new RegExp(`\\b(module|program)\\s+(?:static\\s+|automatic\\s+)?${escapeRegex(name)}\\b`);
  const m = re.exec(code);
  if (!m) return "";
  const end = code.indexOf("endmodule", m.index);
  const endp = code.indexOf("endprogram", m.index);
  const stop = [end, endp].filter((x) => x >= 0).sort((a, b) => a - b)[0];
  return code.slice(m.index, stop === undefined ? code.length : stop);
}

export type StopKind = "error" | "fatal" | "stop";

/** Source locations of $error/$fatal/$stop (and assertions, which act as $error). */
export function stopLocations(text: string): { line: number; kind: StopKind }[] {
  const code = stripComments(text, { strings: true });
  const out: { line: number; kind: StopKind }[] = [];
  const lineOf = lineIndex(code);
  for (const m of code.matchAll(/\$(error|fatal|stop)\b/g)) {
    out.push({ line: lineOf(m.index!), kind: m[1] as StopKind });
  }
  return out;
}
