// Light lexical scanning of SystemVerilog text: enough to find modules, instances and system
// tasks by line. Not a parser: it strips comments and strings while keeping line numbers.

/** Replaces comments (and, optionally, string contents) with spaces, keeping newlines. */
export function stripComments(text: string, opts: { strings?: boolean } = {}): string {
  let out = "";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    const d = text[i + 1];
    if (c === "/" && d === "/") {
      while (i < n && text[i] !== "\n") {
        out += " ";
        i++;
      }
    } else if (c === "/" && d === "*") {
      out += "  ";
      i += 2;
      while (i < n && !(text[i] === "*" && text[i + 1] === "/")) {
        out += text[i] === "\n" ? "\n" : " ";
        i++;
      }
      if (i < n) {
        out += "  ";
        i += 2;
      }
    } else if (c === '"') {
      out += c;
      i++;
      while (i < n && text[i] !== '"' && text[i] !== "\n") {
        if (text[i] === "\\" && i + 1 < n) {
          out += opts.strings ? "  " : text[i]! + text[i + 1]!;
          i += 2;
          continue;
        }
        out += opts.strings ? " " : text[i];
        i++;
      }
      if (i < n && text[i] === '"') {
        out += '"';
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
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
