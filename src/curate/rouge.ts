// ROUGE-L over code tokens, and the bounds that make contamination checks at scale cheap.
//
// Tokens: maximal runs of [A-Za-z0-9_$] (identifiers, keywords, numbers, system tasks without
// the `$` split off) and every other non-whitespace character on its own; case-sensitive;
// whitespace is dropped; comments are kept (a copied file copies its comments).
//
// ROUGE-L F1 of token sequences a (m tokens) and b (n tokens) with L = LCS(a, b):
//   P = L/m, R = L/n, F = 2PR/(P+R) = 2L/(m+n)  (symmetric).
// Bounds used to skip exact LCS computations (each provably never drops a pair with F >= t):
//   - length: L <= min(m,n), so F >= t implies 2 min(m,n) >= t (m+n), i.e.
//     min/max >= t/(2-t)  (1/3 for t = 0.5);
//   - bag: L <= sum over tokens v of min(count_a(v), count_b(v)) =: O, so F >= t needs 2O >= t(m+n);
//   - running: after j of n tokens of b, L <= L_j + (n - j); stop once that cannot reach t.

const TOKEN_RE = /[A-Za-z0-9_$]+|[^\sA-Za-z0-9_$]/g;

export function codeTokens(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

/** F1 from an LCS length and the two sequence lengths (0 when both are empty). */
export function rougeF(lcs: number, m: number, n: number): number {
  return m + n === 0 ? 0 : (2 * lcs) / (m + n);
}

/** Smallest LCS that reaches F >= t for lengths m, n (ties count as reaching). */
export function minLcsFor(m: number, n: number, t: number): number {
  return Math.max(0, Math.ceil((t * (m + n)) / 2 - 1e-9));
}

/** The length window of partners that can reach F >= t with a sequence of `len` tokens. */
export function lengthWindow(len: number, t: number): [number, number] {
  if (t <= 0) return [0, Infinity];
  const r = t / (2 - t);
  return [Math.ceil(len * r - 1e-9), Math.floor(len / r + 1e-9)];
}

/** The exact prefilter decision for one pair: false only when F >= t is impossible. */
export function mayReach(m: number, n: number, bagOverlap: number, t: number): boolean {
  const need = minLcsFor(m, n, t);
  return Math.min(m, n) >= need && bagOverlap >= need;
}

/** Multiset intersection size of two token-id sequences. */
export function bagOverlap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < a.length; i++) counts.set(a[i]!, (counts.get(a[i]!) ?? 0) + 1);
  let o = 0;
  for (let i = 0; i < b.length; i++) {
    const c = counts.get(b[i]!);
    if (c) {
      o++;
      counts.set(b[i]!, c - 1);
    }
  }
  return o;
}

/** Textbook O(m*n) dynamic programme with two rows: the reference (and the naive baseline). */
export function lcsNaive(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = b.length;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= n; j++) {
      cur[j] = ai === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/**
 * A pattern prepared for bit-parallel LCS (Allison-Dix / Hyyro): for each distinct symbol, the
 * bit mask of its positions, in 32-bit words. Symbols are dense ids < vocabSize.
 */
export interface BitPattern {
  length: number;
  words: number;
  /** symbol id -> row in `masks`, or -1 when the symbol does not occur. */
  rowOf: Int32Array;
  masks: Uint32Array;
}

export function makeBitPattern(seq: ArrayLike<number>, vocabSize: number): BitPattern {
  const words = Math.max(1, Math.ceil(seq.length / 32));
  const rowOf = new Int32Array(vocabSize).fill(-1);
  let rows = 0;
  for (let i = 0; i < seq.length; i++) if (rowOf[seq[i]!] === -1) rowOf[seq[i]!] = rows++;
  const masks = new Uint32Array(rows * words);
  for (let i = 0; i < seq.length; i++) {
    const base = rowOf[seq[i]!]! * words;
    masks[base + (i >>> 5)]! |= 1 << (i & 31);
  }
  return { length: seq.length, words, rowOf, masks };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function zeros(v: Uint32Array, length: number): number {
  let ones = 0;
  const full = length >>> 5;
  for (let k = 0; k < full; k++) ones += popcount(v[k]!);
  const rest = length & 31;
  if (rest) ones += popcount(v[full]! & (2 ** rest - 1));
  return length - ones;
}

/**
 * LCS of pattern p and text b in O(ceil(m/32) * n) word operations: V starts all ones; for each
 * text symbol c with position mask M, U = V & M and V = (V + U) | (V - U); LCS = zero bits of V.
 * V - U has no borrows (U is a subset of V), so only the addition carries across words.
 * With `need`, returns -1 as soon as LCS >= need has become impossible.
 */
export function lcsBitParallel(p: BitPattern, b: ArrayLike<number>, need = 0, scratch?: Uint32Array): number {
  const W = p.words;
  const v = scratch && scratch.length >= W ? scratch : new Uint32Array(W);
  v.fill(0xffffffff, 0, W);
  const n = b.length;
  const rowOf = p.rowOf;
  const masks = p.masks;
  const CHECK = 256;
  for (let j = 0; j < n; j++) {
    const sym = b[j]!;
    const row = sym >= 0 && sym < rowOf.length ? rowOf[sym]! : -1;
    if (row >= 0) {
      const base = row * W;
      let carry = 0;
      for (let k = 0; k < W; k++) {
        const x = v[k]!;
        const u = (x & masks[base + k]!) >>> 0;
        const s = x + u + carry;
        carry = s > 0xffffffff ? 1 : 0;
        v[k] = (s >>> 0) | (x & ~u);
      }
    }
    if (need > 0 && (j & (CHECK - 1)) === CHECK - 1 && zeros(v, p.length) + (n - j - 1) < need) return -1;
  }
  const l = zeros(v, p.length);
  return need > 0 && l < need ? -1 : l;
}
