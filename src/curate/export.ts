// `curate export`: rows -> training formats. OpenAI chat JSONL (context assistant turns carry
// weight 0), LlamaFactory ShareGPT/Alpaca folders with dataset_info.json, Parquet, and a Hugging
// Face dataset folder (Parquet splits + dataset card). Rows are read by byte offset, so resizing
// (seeded up/down-sampling) and seeded shuffling never hold the dataset in memory.
import { assertSafeFileName } from "../core/safe-path.js";
import { closeSync, mkdirSync, openSync, readSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "../core/hash.js";
import { indexLines, JsonlWriter, makeRng, RowFileError, sampleIndices, shuffleInPlace } from "./io.js";
import { writeHfFolder, writeParquet } from "./parquet.js";
import { SftRow } from "./row.js";
import { checkRow } from "./validate.js";

export const EXPORT_FORMATS = ["openai", "sharegpt", "alpaca", "parquet", "hf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** A file (openai, parquet) or a folder (sharegpt, alpaca, hf). */
  out: string;
  /** Resize to exactly this many rows: seeded down-sampling, or every row k times plus a seeded remainder. */
  size?: number;
  shuffle?: boolean;
  seed?: number | string;
  /** Dataset name in dataset_info.json / the card. */
  name?: string;
  /** hf: fraction of tasks (repositories) in the test split, chosen by seeded hash (no task in both). */
  testFraction?: number;
}

export interface ExportReport {
  format: ExportFormat;
  input: number;
  written: number;
  splits: Record<string, number>;
  files: string[];
}

type Msg = { role: string; content: string };

/** Row order after resizing and shuffling (indices into the input rows). */
export function exportOrder(
  n: number,
  o: { size?: number; shuffle?: boolean; seed?: number | string },
): number[] {
  const rng = makeRng(`export:${o.seed ?? 0}`);
  const size = o.size ?? n;
  let order: number[];
  if (n === 0) order = [];
  else if (size <= n) order = [...sampleIndices(n, size, rng)];
  else {
    order = [];
    for (let k = 0; k < Math.floor(size / n); k++) for (let i = 0; i < n; i++) order.push(i);
    order.push(...sampleIndices(n, size % n, rng));
    order.sort((a, b) => a - b);
  }
  if (o.shuffle) shuffleInPlace(order, rng);
  return order;
}

/** A JSONL row file opened for reading rows in any order (by byte offset), each validated. */
export async function openRows(
  path: string,
): Promise<{ n: number; read: (order: number[]) => Generator<SftRow> }> {
  const { offsets, lengths } = await indexLines(path);
  function* read(order: number[]): Generator<SftRow> {
    const fd = openSync(path, "r");
    try {
      for (const i of order) {
        const buf = Buffer.alloc(lengths[i]!);
        readSync(fd, buf, 0, buf.length, offsets[i]!);
        const value = JSON.parse(buf.toString("utf8")) as unknown;
        const problems = checkRow(value);
        if (problems.length) throw new RowFileError(`${path}: row ${i + 1}: ${problems.join("; ")}`);
        yield SftRow.parse(value);
      }
    } finally {
      closeSync(fd);
    }
  }
  return { n: offsets.length, read };
}

/** Consecutive turns of one role merged (LlamaFactory needs strictly alternating turns). */
export function alternating(messages: Msg[]): Msg[] {
  const out: Msg[] = [];
  for (const m of messages) {
    const prev = out.at(-1);
    if (prev && prev.role === m.role) prev.content = `${prev.content}\n\n${m.content}`;
    else out.push({ ...m });
  }
  return out;
}

export function toOpenAI(row: SftRow): { messages: (Msg & { weight?: 0 })[] } {
  const last = row.messages.length - 1;
  // Only the final answer is a training target: earlier assistant turns are the input state.
  return {
    messages: row.messages.map((m, i) =>
      m.role === "assistant" && i < last ? { ...m, weight: 0 as const } : { ...m },
    ),
  };
}

export function toShareGpt(row: SftRow): {
  conversations: { from: string; value: string }[];
  system: string;
} {
  const [sys, ...rest] = alternating(row.messages);
  return {
    conversations: rest.map((m) => ({ from: m.role === "user" ? "human" : "gpt", value: m.content })),
    system: sys!.content,
  };
}

export function toAlpaca(row: SftRow): {
  instruction: string;
  input: string;
  output: string;
  system: string;
  history: [string, string][];
} {
  const [sys, ...rest] = alternating(row.messages);
  const history: [string, string][] = [];
  for (let i = 0; i + 2 < rest.length; i += 2) history.push([rest[i]!.content, rest[i + 1]!.content]);
  return {
    instruction: rest.at(-2)!.content,
    input: "",
    output: rest.at(-1)!.content,
    system: sys!.content,
    history,
  };
}

/** LlamaFactory's dataset registry entry for one of our files. */
export function datasetInfo(
  format: "sharegpt" | "alpaca",
  name: string,
  fileName: string,
): Record<string, unknown> {
  const entry =
    format === "sharegpt"
      ? {
          file_name: fileName,
          formatting: "sharegpt",
          columns: { messages: "conversations", system: "system" },
          tags: { role_tag: "from", content_tag: "value", user_tag: "human", assistant_tag: "gpt" },
        }
      : {
          file_name: fileName,
          formatting: "alpaca",
          columns: {
            prompt: "instruction",
            query: "input",
            response: "output",
            system: "system",
            history: "history",
          },
        };
  return { [name]: entry };
}

/** Split of a task: test when its seeded hash falls under the fraction. */
export function splitOf(taskId: string, fraction: number, seed: number | string): "train" | "test" {
  if (fraction <= 0) return "train";
  const h = parseInt(sha256(`split:${seed}:${taskId}`).slice(0, 8), 16) / 0x100000000;
  return h < fraction ? "test" : "train";
}

export async function exportRows(inPath: string, o: ExportOptions): Promise<ExportReport> {
  const { n, read } = await openRows(inPath);
  const order = exportOrder(n, o);
  // The name becomes `<out>/<name>.jsonl`: one file name, never a path out of --out.
  const name = assertSafeFileName(o.name ?? "llm4cov");
  const report: ExportReport = { format: o.format, input: n, written: 0, splits: {}, files: [] };
  const rows = read(order);
  const count = (split: string) => {
    report.written++;
    report.splits[split] = (report.splits[split] ?? 0) + 1;
  };
  if (o.format === "parquet") {
    report.files.push(o.out);
    report.written = await writeParquet(o.out, rows);
    report.splits = { train: report.written };
    return report;
  }
  if (o.format === "hf") {
    const res = await writeHfFolder(o.out, rows, {
      name,
      split: (r) => splitOf(r.meta.task_id, o.testFraction ?? 0, o.seed ?? 0),
    });
    report.written = Object.values(res.splits).reduce((a, b) => a + b, 0);
    report.splits = res.splits;
    report.files = res.files;
    return report;
  }
  let file = o.out;
  if (o.format !== "openai") {
    mkdirSync(o.out, { recursive: true });
    file = join(o.out, `${name}.jsonl`);
    const info = join(o.out, "dataset_info.json");
    writeFileSync(info, JSON.stringify(datasetInfo(o.format, name, `${name}.jsonl`), null, 2) + "\n");
    report.files.push(info);
  }
  report.files.unshift(file);
  const w = new JsonlWriter(file);
  const conv = o.format === "openai" ? toOpenAI : o.format === "sharegpt" ? toShareGpt : toAlpaca;
  try {
    for (const r of rows) {
      await w.write(conv(r));
      count("train");
    }
  } finally {
    await w.close();
  }
  return report;
}
