// RTL text helpers: constant expressions (BigInt throughout: 64-bit constants appear in real
// designs), parameter defaults, comment stripping. Used for port widths when Verilator is not
// available and by the policy to aim stimulus at comparisons and case items.
import type { NamedFile } from "../../core/repository.js";

export interface Param {
  name: string;
  value: string;
}

const LEX =
  /\s*(\d*\s*'[sS]?[bBoOdDhH]\s*[0-9a-fA-FxXzZ_?]+|'[01xXzZ]|\d[\d_]*|\$?[A-Za-z_][\w$]*|\*\*|<<<|>>>|<<|>>|<=|>=|===|!==|==|!=|&&|\|\||[-+*/%()?:~!&|^<>,{}])/y;

/** Value of an SV number literal; x/z/? digits count as 0. */
export function parseSvNumber(lit: string): bigint | null {
  const s = lit.replaceAll("_", "").replaceAll(" ", "");
  const q = s.indexOf("'");
  if (q < 0) return /^\d+$/.test(s) ? BigInt(s) : null;
  const rest = s.slice(q + 1).replace(/^[sS]/, "");
  const base = { b: 2, o: 8, d: 10, h: 16 }[(rest[0] ?? "").toLowerCase()];
  if (!base) return /^[01]$/.test(rest) ? BigInt(rest) : null;
  let v = 0n;
  for (const c of rest.slice(1).replace(/[xXzZ?]/g, "0")) {
    const d = parseInt(c, 16);
    if (Number.isNaN(d) || d >= base) return null;
    v = v * BigInt(base) + BigInt(d);
  }
  const width = q > 0 ? Number(s.slice(0, q)) : 0;
  return width > 0 ? v & ((1n << BigInt(width)) - 1n) : v;
}

const BIN: Record<string, [number, (a: bigint, b: bigint) => bigint]> = {
  "||": [1, (a, b) => BigInt(a !== 0n || b !== 0n)],
  "&&": [2, (a, b) => BigInt(a !== 0n && b !== 0n)],
  "|": [3, (a, b) => a | b],
  "^": [4, (a, b) => a ^ b],
  "&": [5, (a, b) => a & b],
  "==": [6, (a, b) => BigInt(a === b)],
  "!=": [6, (a, b) => BigInt(a !== b)],
  "===": [6, (a, b) => BigInt(a === b)],
  "!==": [6, (a, b) => BigInt(a !== b)],
  "<": [7, (a, b) => BigInt(a < b)],
  "<=": [7, (a, b) => BigInt(a <= b)],
  ">": [7, (a, b) => BigInt(a > b)],
  ">=": [7, (a, b) => BigInt(a >= b)],
  "<<": [8, (a, b) => a << b],
  ">>": [8, (a, b) => a >> b],
  "<<<": [8, (a, b) => a << b],
  ">>>": [8, (a, b) => a >> b],
  "+": [9, (a, b) => a + b],
  "-": [9, (a, b) => a - b],
  "*": [10, (a, b) => a * b],
  "/": [10, (a, b) => (b === 0n ? 0n : a / b)],
  "%": [10, (a, b) => (b === 0n ? 0n : a % b)],
  "**": [11, (a, b) => (b < 0n ? 0n : a ** b)],
};

const clog2 = (v: bigint) => {
  let n = 0n;
  while (1n << n < v) n++;
  return n;
};

/** Evaluates a constant expression; identifiers resolve through `env`. Null when not constant. */
export function evalConst(expr: string, env: (name: string) => bigint | null = () => null): bigint | null {
  const toks: string[] = [];
  let end = 0;
  LEX.lastIndex = 0;
  for (let m = LEX.exec(expr); m; m = LEX.exec(expr)) {
    toks.push(m[1] as string);
    end = LEX.lastIndex;
  }
  if (expr.slice(end).trim() || !toks.length) return null;
  let i = 0;
  const fail = (): never => {
    throw new Error("not constant");
  };
  const primary = (): bigint => {
    const t = toks[i++] ?? fail();
    if (t === "(") {
      const v = ternary();
      if (toks[i++] !== ")") fail();
      return v;
    }
    if (t === "-") return -primary();
    if (t === "+") return primary();
    if (t === "!") return BigInt(primary() === 0n);
    if (t === "~") return ~primary();
    if (t === "$clog2") {
      if (toks[i++] !== "(") fail();
      const v = ternary();
      if (toks[i++] !== ")") fail();
      return clog2(v);
    }
    const n = parseSvNumber(t);
    if (n !== null) return n;
    if (/^[A-Za-z_]/.test(t)) return env(t) ?? fail();
    return fail();
  };
  const binary = (minPrec: number): bigint => {
    let left = primary();
    for (let op = BIN[toks[i] ?? ""]; op && op[0] >= minPrec; op = BIN[toks[i] ?? ""]) {
      i++;
      left = op[1](left, binary(op[0] + 1));
    }
    return left;
  };
  const ternary = (): bigint => {
    const c = binary(1);
    if (toks[i] !== "?") return c;
    i++;
    const a = ternary();
    if (toks[i++] !== ":") fail();
    const b = ternary();
    return c !== 0n ? a : b;
  };
  try {
    const v = ternary();
    return i === toks.length ? v : null;
  } catch {
    return null;
  }
}

/** Parameter/localparam defaults of all RTL files, resolved against each other. */
export function paramEnv(files: NamedFile[], extra: Param[] = []): (name: string) => bigint | null {
  const exprs = new Map<string, string>(extra.map((p) => [p.name, p.value]));
  const re = /\b(?:parameter|localparam)\b([^;]*)/g;
  for (const f of files) {
    for (const m of stripComments(f.content).matchAll(re)) {
      for (const item of splitTop(m[1] as string)) {
        const eq = /([A-Za-z_]\w*)\s*(?:\[[^\]]*\])*\s*=\s*([\s\S]+)$/.exec(item);
        if (eq && !exprs.has(eq[1] as string)) exprs.set(eq[1] as string, (eq[2] as string).trim());
      }
    }
  }
  const memo = new Map<string, bigint | null>();
  const env = (name: string): bigint | null => {
    if (memo.has(name)) return memo.get(name) ?? null;
    memo.set(name, null); // cycle guard
    const e = exprs.get(name);
    const v = e === undefined ? null : evalConst(e, env);
    memo.set(name, v);
    return v;
  };
  return env;
}

export function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " ")).replace(/\/\/[^\n]*/g, "");
}

/** Splits on commas that are not inside (), [], {}. */
export function splitTop(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const c of text) {
    if ("([{".includes(c)) depth++;
    if (")]}".includes(c)) depth--;
    if (c === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

/** Index of the parenthesis closing the one at `open`, or -1. */
export function balanced(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    if (text[k] === "(") depth++;
    if (text[k] === ")" && --depth === 0) return k;
  }
  return -1;
}

export function rtlTimescale(files: NamedFile[]): string | null {
  for (const f of files) {
    const m = /`timescale\s+([^\n]+?)\s*(?:\/\/[^\n]*)?$/m.exec(f.content);
    if (m) return (m[1] as string).trim();
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Constants worth driving: what the RTL compares a signal against or switches on.

export interface Target {
  /** The compared signal as written (an input port, or an internal alias of one). */
  signal: string;
  /** Lowest bit of the compared slice and its width (null: the whole signal). */
  lo: number;
  width: number | null;
  value: bigint;
  file: string;
  line: number;
}

const CMP =
  /([A-Za-z_]\w*)\s*(?:\[\s*([^\]:]+?)\s*(?::\s*([^\]]+?)\s*)?\])?\s*(===|!==|==|!=|>=|>|<)\s*([^;,()&|?:<>=!]+(?:\([^()]*\))?)/g;
const CASE =
  /^\s*(?:unique\s+|priority\s+)?case[zx]?\s*\(\s*([A-Za-z_]\w*)\s*(?:\[\s*([^\]:]+?)\s*(?::\s*([^\]]+?)\s*)?\])?\s*\)/;

function slice(hi: string | undefined, lo: string | undefined, env: (n: string) => bigint | null) {
  if (hi === undefined) return { lo: 0, width: null };
  const h = evalConst(hi, env);
  const l = lo === undefined ? h : evalConst(lo, env);
  if (h === null || l === null) return null;
  return { lo: Number(l < h ? l : h), width: Math.abs(Number(h - l)) + 1 };
}

/** Every comparison with a constant and every constant case item, with its file and line. */
export function mineTargets(files: NamedFile[], params: Param[] = []): Target[] {
  const env = paramEnv(files, params);
  const out: Target[] = [];
  for (const f of files) {
    const cases: { signal: string; lo: number; width: number | null }[] = [];
    stripComments(f.content)
      .split("\n")
      .forEach((text, i) => {
        const line = i + 1;
        for (const m of text.matchAll(CMP)) {
          const v = evalConst((m[5] as string).trim(), env);
          const s = slice(m[2], m[3], env);
          if (v === null || !s || env(m[1] as string) !== null) continue;
          const values = m[4] === ">" || m[4] === ">=" ? [v, v + 1n] : m[4] === "<" ? [v - 1n, v] : [v];
          for (const value of values.filter((x) => x >= 0n))
            out.push({ signal: m[1] as string, ...s, value, file: f.name, line });
        }
        const c = CASE.exec(text);
        if (c) {
          const s = slice(c[2], c[3], env);
          cases.push(s ? { signal: c[1] as string, ...s } : { signal: "", lo: 0, width: null });
        } else if (/\bendcase\b/.test(text)) cases.pop();
        const item = /^\s*([^:]+?)\s*:(?!:)/.exec(text);
        const sel = cases.at(-1);
        if (item && sel?.signal && !/\b(default|begin|end)\b/.test(item[1] as string)) {
          for (const part of splitTop(item[1] as string)) {
            const v = evalConst(part.trim(), env);
            if (v !== null) out.push({ ...sel, value: v, file: f.name, line });
          }
        }
      });
  }
  return out;
}

export interface Alias {
  /** The signal that takes the value (a wire or a register). */
  name: string;
  /** Where the value comes from, and the lowest bit of the slice taken. */
  signal: string;
  lo: number;
  file: string;
  line: number;
}

/**
 * Plain copies: `assign x = y;`, `x <= y[h:l];`, `x = y;`. A register written from an input
 * (an APB data bus, say) is driven by holding that input while the write happens; the line's
 * own case item or comparison says when (see directedFromTargets in policy.ts).
 */
export function aliases(files: NamedFile[]): Alias[] {
  const out: Alias[] = [];
  const re =
    /(?:^|[\s:;])(?:assign\s+)?([A-Za-z_]\w*)\s*<?=\s*([A-Za-z_]\w*)\s*(?:\[\s*(\d+)\s*(?::\s*(\d+)\s*)?\])?\s*;/g;
  for (const f of files) {
    stripComments(f.content)
      .split("\n")
      .forEach((text, i) => {
        for (const m of text.matchAll(re)) {
          const lo = m[4] ?? m[3];
          out.push({
            name: m[1] as string,
            signal: m[2] as string,
            lo: lo === undefined ? 0 : Number(lo),
            file: f.name,
            line: i + 1,
          });
        }
      });
  }
  return out;
}
