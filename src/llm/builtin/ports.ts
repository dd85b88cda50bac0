// The DUT's interface for the built-in policy: parameters, ports, clocks and resets.
// Primary: Verilator's own elaboration (`--xml-only`), which resolves parameters, typedefs and
// packed structs exactly. Fallback: a token-level header parser for when Verilator is missing
// or fails (the policy must still answer; a wrong guess is caught by the simulator).
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { NamedFile } from "../../core/repository.js";
import { assertSafePath } from "../../core/safe-path.js";
import { defaultWorkRoot } from "../../eda/evaluate.js";
import { writeJobFiles } from "../../eda/job.js";
import { readJobFile } from "../../eda/job-fs.js";
import { runBounded } from "../../eda/process.js";
import { sandboxInfo, withJobSandbox } from "../../eda/sandbox.js";
import { tokenizeSv } from "../../prompt/rules.js";
import {
  balanced,
  evalConst,
  paramEnv,
  rtlTimescale,
  splitTop,
  stripComments,
  type Param,
} from "./consts.js";

export type { Param };

export interface Port {
  name: string;
  dir: "input" | "output" | "inout";
  /** Total packed width; null when only the source expression is known. */
  width: number | null;
  /** Packed dimensions as SV text, e.g. "[7:0]" or "[1:0][W-1:0]"; "" for one bit. */
  packed: string;
  signed: boolean;
  /** One unpacked dimension [left:right], when the port is an array. */
  unpacked: { left: number; right: number } | null;
  real: boolean;
}

export interface Reset {
  name: string;
  activeLow: boolean;
}

export interface DutInterface {
  top: string;
  params: Param[];
  ports: Port[];
  clocks: string[];
  resets: Reset[];
  timescale: string | null;
  method: "verilator" | "source";
}

// ---------------------------------------------------------------------------------------------
// Fallback: the module header from source text.

const TYPE_WORDS = new Set(
  "wire reg logic var bit tri tri0 tri1 wand wor uwire supply0 supply1 signed unsigned".split(" "),
);
const INT_TYPES: Record<string, number> = {
  integer: 32,
  int: 32,
  byte: 8,
  shortint: 16,
  longint: 64,
  time: 64,
};

interface Decl {
  dir: Port["dir"] | null;
  packed: string[];
  base: number;
  signed: boolean;
  real: boolean;
}

function parseDeclItems(items: string[], env: (n: string) => bigint | null, dirs: Map<string, Port>) {
  let d: Decl = { dir: null, packed: [], base: 1, signed: false, real: false };
  for (const item of items) {
    const toks = tokenizeSv(item).map((t) => t.text);
    const hasType = toks.some(
      (t) => TYPE_WORDS.has(t) || t in INT_TYPES || t === "real" || t.startsWith("["),
    );
    let k = 0;
    if (["input", "output", "inout"].includes(toks[0] ?? "")) {
      d = { dir: toks[0] as Port["dir"], packed: [], base: 1, signed: false, real: false };
      k = 1;
    } else if (hasType) d = { ...d, packed: [], base: 1, signed: false, real: false };
    let name = "";
    const unpacked: string[] = [];
    for (; k < toks.length; k++) {
      const t = toks[k] as string;
      if (t === "[") {
        let j = k + 1;
        while (j < toks.length && toks[j] !== "]") j++;
        (name ? unpacked : d.packed).push(toks.slice(k + 1, j).join(""));
        k = j;
      } else if (t === "signed") d.signed = true;
      else if (t === "real" || t === "realtime") d.real = true;
      else if (t in INT_TYPES) d.base = INT_TYPES[t] as number;
      else if (TYPE_WORDS.has(t)) continue;
      else if (t === "=") break;
      else if (/^[A-Za-z_]/.test(t)) name = t; // a user type name is overwritten by the port name
    }
    if (!name || !d.dir) continue;
    let width: number | null = d.base;
    for (const r of d.packed) {
      const [msb, lsb] = r.split(":");
      const a = evalConst(msb ?? "", env);
      const b = lsb === undefined ? 0n : evalConst(lsb, env);
      width = a === null || b === null || width === null ? null : width * (Math.abs(Number(a - b)) + 1);
    }
    let unp: Port["unpacked"] = null;
    if (unpacked[0] !== undefined) {
      const [l, r] = unpacked[0].split(":");
      const lv = evalConst(l ?? "", env);
      const rv = r === undefined ? (lv === null ? null : lv - 1n) : evalConst(r, env);
      unp = lv !== null && rv !== null ? { left: r === undefined ? 0 : Number(lv), right: Number(rv) } : null;
    }
    // A known width is written as a plain number range, as Verilator's view gives it: the
    // source text may name the DUT's parameters, which the testbench does not declare.
    const packed =
      width !== null ? (width > 1 ? `[${width - 1}:0]` : "") : d.packed.map((p) => `[${p}]`).join("");
    dirs.set(name, { name, dir: d.dir, width, packed, signed: d.signed, unpacked: unp, real: d.real });
  }
}

export function parseHeaderFromSource(
  files: NamedFile[],
  top: string,
): { params: Param[]; ports: Port[] } | null {
  for (const f of files) {
    const text = stripComments(f.content);
    const m = new RegExp(`\\b(?:module|macromodule)\\s+${top}\\b`).exec(text);
    if (!m) continue;
    let pos = m.index + m[0].length;
    const params: Param[] = [];
    const skipWs = () => {
      while (/\s/.test(text[pos] ?? "")) pos++;
    };
    skipWs();
    if (text[pos] === "#") {
      pos++;
      skipWs();
      const end = balanced(text, pos);
      for (const item of splitTop(text.slice(pos + 1, end))) {
        const eq = /([A-Za-z_]\w*)\s*(?:\[[^\]]*\])*\s*=\s*([\s\S]+)$/.exec(item);
        if (eq) params.push({ name: eq[1] as string, value: (eq[2] as string).trim() });
      }
      pos = end + 1;
      skipWs();
    }
    const env = paramEnv([f], params);
    const ports = new Map<string, Port>();
    const order: string[] = [];
    if (text[pos] === "(") {
      const end = balanced(text, pos);
      const items = splitTop(text.slice(pos + 1, end));
      const ansi = items.some((i) => /\b(input|output|inout)\b/.test(i));
      if (ansi) parseDeclItems(items, env, ports);
      else order.push(...items.map((i) => i.trim()).filter(Boolean));
      if (!ansi) {
        const body = text.slice(end, text.indexOf("endmodule", end));
        for (const st of body.matchAll(/\b(input|output|inout)\b[^;]*/g))
          parseDeclItems(splitTop(st[0]), env, ports);
      }
    }
    const list = order.length
      ? order.map((n) => ports.get(n)).filter((p): p is Port => !!p)
      : [...ports.values()];
    return { params, ports: list };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Primary: Verilator's XML netlist (a small attribute scan; no XML library is installed).

interface XEl {
  tag: string;
  attrs: Record<string, string>;
  children: XEl[];
}

const unxml = (s: string) =>
  s.replace(
    /&(apos|quot|lt|gt|amp);/g,
    (_, e: string) => ({ apos: "'", quot: '"', lt: "<", gt: ">", amp: "&" })[e] ?? "",
  );

export function parseXml(xml: string): XEl {
  const root: XEl = { tag: "#root", attrs: {}, children: [] };
  const stack = [root];
  for (const m of xml.matchAll(/<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g)) {
    const parent = stack.at(-1) as XEl;
    if (m[1]) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] as string).matchAll(/([\w:-]+)="([^"]*)"/g))
      attrs[a[1] as string] = unxml(a[2] as string);
    const el: XEl = { tag: m[2] as string, attrs, children: [] };
    parent.children.push(el);
    if (!m[4]) stack.push(el);
  }
  return root;
}

function* walk(el: XEl): Generator<XEl> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

export function portsFromVerilatorXml(xml: string, top: string): { params: Param[]; ports: Port[] } | null {
  const root = parseXml(xml);
  const types = new Map<string, XEl>();
  let mod: XEl | undefined;
  for (const el of walk(root)) {
    if (el.attrs.id && el.tag.endsWith("dtype")) types.set(el.attrs.id, el);
    if (el.tag === "module" && (el.attrs.topModule === "1" || el.attrs.name === top)) mod ??= el;
  }
  if (!mod) return null;
  const rangeOf = (el: XEl): [number, number] | null => {
    const consts =
      el.children.find((c) => c.tag === "range")?.children.filter((c) => c.tag === "const") ?? [];
    const v = consts.map((c) => evalConst(c.attrs.name ?? ""));
    return v.length === 2 && v[0] != null && v[1] != null ? [Number(v[0]), Number(v[1])] : null;
  };
  const widthOf = (id: string | undefined, depth = 0): number | null => {
    const t = id === undefined ? undefined : types.get(id);
    if (!t || depth > 20) return null;
    if (t.tag === "basicdtype") {
      if (t.attrs.left === undefined) return t.attrs.name === "real" ? null : 1;
      return Math.abs(Number(t.attrs.left) - Number(t.attrs.right ?? 0)) + 1;
    }
    if (t.tag === "packarraydtype") {
      const r = rangeOf(t);
      const w = widthOf(t.attrs.sub_dtype_id, depth + 1);
      return r && w !== null ? (Math.abs(r[0] - r[1]) + 1) * w : null;
    }
    if (t.tag === "structdtype" || t.tag === "uniondtype") {
      const ws = t.children.map((c) => widthOf(c.attrs.sub_dtype_id, depth + 1));
      if (ws.some((w) => w === null)) return null;
      const nums = ws as number[];
      return t.tag === "structdtype" ? nums.reduce((a, b) => a + b, 0) : Math.max(...nums);
    }
    if (t.tag === "refdtype" || t.tag === "enumdtype") return widthOf(t.attrs.sub_dtype_id, depth + 1);
    return null;
  };
  const params: Param[] = [];
  const ports: Port[] = [];
  for (const v of mod.children.filter((c) => c.tag === "var")) {
    if (v.attrs.param === "true") {
      const c = v.children.find((x) => x.tag === "const");
      if (c?.attrs.name) params.push({ name: v.attrs.name ?? "", value: c.attrs.name });
      continue;
    }
    const dir = v.attrs.dir;
    if (dir !== "input" && dir !== "output" && dir !== "inout") continue;
    let t = types.get(v.attrs.dtype_id ?? "");
    let unpacked: Port["unpacked"] = null;
    if (t?.tag === "unpackarraydtype") {
      const r = rangeOf(t);
      unpacked = r ? { left: r[0], right: r[1] } : null;
      t = types.get(t.attrs.sub_dtype_id ?? "");
    }
    const real = t?.tag === "basicdtype" && (t.attrs.name === "real" || t.attrs.name === "realtime");
    const width = real ? 64 : widthOf(t?.attrs.id);
    if (width === null) return null; // an interface or unknown type: let the source parser try
    const signed = t?.attrs.signed === "true";
    ports.push({
      name: v.attrs.name ?? "",
      dir,
      width,
      packed: width > 1 ? `[${width - 1}:0]` : "",
      signed,
      unpacked,
      real,
    });
  }
  return { params, ports };
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/**
 * Verilator's view of the interface. The names and sources come from a prompt, i.e. from
 * anyone who can reach serve-policy: the files go through the same safe placement as a
 * simulation job's, and Verilator runs in the same sandbox and bounds as a job's stages.
 */
async function verilatorInterface(
  files: NamedFile[],
  top: string,
  defines: Record<string, string>,
  timeoutMs: number,
) {
  if (!IDENT.test(top)) return null;
  const info = await sandboxInfo();
  if (info.unavailable) return null; // this host may not run tools on untrusted input at all
  const workRoot = defaultWorkRoot();
  await mkdir(workRoot, { recursive: true });
  const dir = await mkdtemp(join(workRoot, "ports-"));
  try {
    const names = await writeJobFiles(dir, files);
    const sources = names.filter((n) => /\.(sv|v)$/.test(n));
    const incdirs = new Set(names.map((n) => dirname(n)));
    const args = [
      "--xml-only",
      "--top-module",
      top,
      "-Wno-fatal",
      "-Wno-lint",
      "-Wno-style",
      "--Mdir",
      "obj",
    ];
    for (const inc of incdirs) args.push(`-I${inc}`);
    for (const [k, v] of Object.entries(defines)) args.push(`-D${k}=${v}`);
    const root = process.env.VERILATOR_ROOT;
    const r = await withJobSandbox(dir, undefined, (job) =>
      runBounded("verilator", [...args, ...sources], {
        cwd: dir,
        sandbox: { job, readOnly: root ? [root] : [], env: root ? { VERILATOR_ROOT: root } : {} },
        limits: { wallMs: timeoutMs, memoryMb: 4096, fileSizeMb: 64, outputBytes: 64 * 1024 },
      }),
    );
    if (r.exitCode !== 0) return null;
    const xml = await readJobFile(join(dir, "obj", `V${top}.xml`), 64 * 1024 * 1024);
    return xml === null ? null : portsFromVerilatorXml(xml, top);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Clocks and resets.

const RESET_NAME = /(rst|reset)/i;
const CLOCK_NAME = /(^|_)(clk|clock)(_|$|\d)|clk$|^clk|clock$/i;
const NOT_CLOCK = /(^|_)(en|enable|gate|gated|div|sel|cnt|count|rate|freq|ratio|sync)(_|$)/i;

function resetActiveLow(name: string, texts: string[], edges: Map<string, string>): boolean {
  for (const t of texts) {
    const line = t
      .split("\n")
      .find((l) => /\b(input|inout)\b/.test(l) && new RegExp(`\\b${name}\\b`).test(l));
    const note = line && /active[\s_-]*(low|high)/i.exec(line);
    if (note) return (note[1] as string).toLowerCase() === "low";
  }
  const edge = edges.get(name);
  if (edge) return edge === "negedge";
  const suffix =
    name
      .toLowerCase()
      .split(/rst|reset/)
      .at(-1) ?? "";
  return /^_?(n|ni|n_i|b|bar|l|low|neg)$/.test(suffix) || /^(n|not)_?(rst|reset)/i.test(name);
}

export function findClocksAndResets(
  ports: Port[],
  files: NamedFile[],
): { clocks: string[]; resets: Reset[] } {
  const texts = files.map((f) => f.content);
  const edges = new Map<string, string>();
  for (const t of texts)
    for (const m of stripComments(t).matchAll(/\b(posedge|negedge)\s+([A-Za-z_]\w*)/g))
      edges.set(m[2] as string, m[1] as string);
  const oneBitIn = ports.filter((p) => p.dir === "input" && p.width === 1 && !p.unpacked && !p.real);
  const resets = oneBitIn
    .filter((p) => RESET_NAME.test(p.name))
    .map((p) => ({ name: p.name, activeLow: resetActiveLow(p.name, texts, edges) }));
  const isReset = (n: string) => resets.some((r) => r.name === n);
  const clocks = oneBitIn
    .filter((p) => !isReset(p.name))
    .filter((p) => (CLOCK_NAME.test(p.name) && !NOT_CLOCK.test(p.name)) || edges.has(p.name))
    .map((p) => p.name);
  return { clocks, resets };
}

const cache = new Map<string, DutInterface>();

/** The DUT interface; Verilator first, the source parser when Verilator is missing or fails. */
export async function extractInterface(
  files: NamedFile[],
  top: string,
  opts: { defines?: Record<string, string>; useVerilator?: boolean; timeoutMs?: number } = {},
): Promise<DutInterface> {
  for (const f of files) assertSafePath(f.name); // throws UnsafePathError: a bad request, not a guess
  // Whether Verilator may run here is part of the key: an answer made without it (sandbox
  // requirement unmet) must not stand in for Verilator's once the host can run it.
  const canRun = opts.useVerilator !== false && !(await sandboxInfo()).unavailable;
  const key = JSON.stringify([top, opts.defines ?? {}, canRun, files]);
  const hit = cache.get(key);
  if (hit) return hit;
  let header: { params: Param[]; ports: Port[] } | null = null;
  let method: DutInterface["method"] = "verilator";
  if (canRun) {
    header = await verilatorInterface(files, top, opts.defines ?? {}, opts.timeoutMs ?? 30_000).catch(
      () => null,
    );
  }
  if (!header) {
    method = "source";
    header = parseHeaderFromSource(files, top) ?? { params: [], ports: [] };
  }
  const iface: DutInterface = {
    top,
    ...header,
    ...findClocksAndResets(header.ports, files),
    timescale: rtlTimescale(files),
    method,
  };
  if (cache.size > 64) cache.clear(); // a run touches few designs; keep memory bounded
  cache.set(key, iface);
  return iface;
}
