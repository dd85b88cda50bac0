// Streaming I/O for SFT row files (JSONL, one SftRow a line), seeded randomness, and line-offset
// indexes for random access into large files without loading them.
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { readJsonl } from "../data/index.js";
import { describeZodError } from "../data/errors.js";
import { SftRow } from "./row.js";

export class RowFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RowFileError";
  }
}

/** Reads and validates rows one at a time; a malformed row names its file and line. */
export async function* readRows(path: string): AsyncGenerator<SftRow> {
  for await (const { line, value } of readJsonl(path)) {
    const parsed = SftRow.safeParse(value);
    if (!parsed.success)
      // Names the field (`messages[1].content: required`), not only zod's bare message.
      throw new RowFileError(`${path}:${line}: not an SFT row: ${describeZodError(parsed.error, value)}`);
    yield parsed.data;
  }
}

/** A JSONL writer that respects backpressure. */
export class JsonlWriter {
  private readonly out: WriteStream;
  count = 0;
  constructor(path: string) {
    this.out = createWriteStream(path);
  }
  async write(value: unknown): Promise<void> {
    await this.writeLine(JSON.stringify(value));
  }
  async writeLine(line: string): Promise<void> {
    this.count++;
    if (!this.out.write(line + "\n")) await once(this.out, "drain");
  }
  async close(): Promise<void> {
    this.out.end();
    await once(this.out, "finish");
  }
}

/** sfc32: small, fast, seedable; the seed is hashed into four 32-bit words. */
export function makeRng(seed: number | string): () => number {
  let h = 1779033703 ^ String(seed).length;
  for (const ch of String(seed)) {
    h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  let a = next(),
    b = next(),
    c = next(),
    d = next();
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** In-place Fisher-Yates shuffle. */
export function shuffleInPlace<T>(xs: T[] | Uint32Array, rng: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
}

/** Exactly k distinct indices of [0, n), ascending (partial Fisher-Yates). */
export function sampleIndices(n: number, k: number, rng: () => number): Uint32Array {
  const kk = Math.max(0, Math.min(n, k));
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < kk; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx.slice(0, kk).sort();
}

/** Byte offsets and lengths of the non-blank lines of a file, for random access. */
export async function indexLines(path: string): Promise<{ offsets: number[]; lengths: number[] }> {
  const offsets: number[] = [];
  const lengths: number[] = [];
  let pos = 0;
  let start = 0;
  let blank = true;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === 0x0a) {
        if (!blank) {
          offsets.push(start);
          lengths.push(pos + i - start);
        }
        start = pos + i + 1;
        blank = true;
      } else if (c !== 0x20 && c !== 0x0d && c !== 0x09) blank = false;
    }
    pos += chunk.length;
  }
  if (!blank) {
    offsets.push(start);
    lengths.push(pos - start);
  }
  return { offsets, lengths };
}
