// Reads a DUT's ANSI module header (parameters and ports) well enough to write a testbench for
// it: the bundled designs and the CVDP DEV designs all use ANSI headers.
export interface Param {
  name: string;
  value: string;
}

export interface Port {
  dir: "input" | "output" | "inout";
  range: string;
  name: string;
  width: number;
}

export interface ModuleHeader {
  name: string;
  params: Param[];
  ports: Port[];
}

const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/\/\/[^\n]*/g, "");

/** Text inside the parenthesis opening at `open` (balanced), and the index after it. */
function balanced(s: string, open: number): [string, number] {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "(") depth++;
    else if (s[i] === ")" && --depth === 0) return [s.slice(open + 1, i), i + 1];
  }
  throw new Error("unbalanced parenthesis in module header");
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if ("([{".includes(ch)) depth++;
    if (")]}".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

/** Integer value of a constant expression over the parameters (null when it is not one). */
export function evalConst(expr: string, params: Param[], depth = 0): number | null {
  if (depth > 8) return null;
  let e = expr.replace(/'[sS]?[dD](\d+)/g, "$1").replace(/\d+'[sS]?[dD](\d+)/g, "$1");
  e = e.replace(/\d*'[sS]?[hH]([0-9a-fA-F_]+)/g, (_, h: string) => String(parseInt(h.replace(/_/g, ""), 16)));
  e = e.replace(/\b[A-Za-z_]\w*\b/g, (id) => {
    const p = params.find((q) => q.name === id);
    if (!p) return id;
    const v = evalConst(p.value, params, depth + 1);
    return v === null ? id : `(${v})`;
  });
  e = e.replace(/\$clog2/g, "clog2");
  if (!/^[\d\s+\-*/%()<>clog2]*$/.test(e)) return null;
  try {
    const clog2 = (x: number) => (x <= 1 ? 0 : Math.ceil(Math.log2(x)));
    const v = new Function("clog2", `return (${e});`)(clog2) as number;
    return Number.isFinite(v) ? Math.trunc(v) : null;
  } catch {
    return null;
  }
}

export function parseHeader(source: string, top: string): ModuleHeader {
  const s = stripComments(source);
  const m = new RegExp(`\\bmodule\\s+${top}\\b`).exec(s);
  if (!m) throw new Error(`module ${top} not found`);
  let i = m.index + m[0].length;
  while (/\s/.test(s[i]!)) i++;
  const params: Param[] = [];
  if (s[i] === "#") {
    i = s.indexOf("(", i);
    const [text, next] = balanced(s, i);
    i = next;
    for (const item of splitTop(text)) {
      const pm =
        /^(?:parameter\s+)?(?:int\s+|integer\s+|logic\s+|bit\s+)?(?:\[[^\]]*\]\s*)?(\w+)\s*=\s*([\s\S]+)$/.exec(
          item.replace(/\s+/g, " "),
        );
      if (pm) params.push({ name: pm[1]!, value: pm[2]!.trim() });
    }
    while (/\s/.test(s[i]!)) i++;
  }
  const [text] = balanced(s, s.indexOf("(", i));
  const ports: Port[] = [];
  let dir: Port["dir"] = "input";
  for (const item of splitTop(text)) {
    const pm =
      /^(input|output|inout)?\s*(?:wire|reg|logic|var)?\s*(?:wire|logic)?\s*(signed\s+)?(\[[^\]]*\])?\s*(\w+)$/.exec(
        item.replace(/\s+/g, " "),
      );
    if (!pm) throw new Error(`cannot read port "${item}" of ${top}`);
    if (pm[1]) dir = pm[1] as Port["dir"];
    const range = pm[3] ?? "";
    let width = 1;
    if (range) {
      const [hi, lo] = range.slice(1, -1).split(":");
      const h = evalConst(hi!, params);
      const l = evalConst(lo ?? "0", params);
      width = h !== null && l !== null ? Math.abs(h - l) + 1 : 32;
    }
    ports.push({ dir, range, name: pm[4]!, width });
  }
  return { name: top, params, ports };
}
