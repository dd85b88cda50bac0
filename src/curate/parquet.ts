// Parquet and Hugging Face dataset folders for SFT rows. One row a record, in the conversational
// prompt-completion form (TRL's SFTTrainer computes the loss on `completion` only): `prompt` is
// the memoryless prompt, `completion` the one answer message; the metadata is flattened into
// typed columns. Written streaming, row group by row group.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { fileWriter, parquetWriteRows } from "hyparquet-writer";
import { JsonlWriter, readRows } from "./io.js";
import { SftRow } from "./row.js";

type Col = { name: string; type: "STRING" | "INT32" | "DOUBLE"; optional?: boolean };

const META_COLS: Col[] = [
  { name: "task_id", type: "STRING" },
  { name: "run_type", type: "STRING" },
  { name: "stage", type: "INT32", optional: true },
  { name: "trace_type", type: "STRING", optional: true },
  { name: "round", type: "INT32" },
  { name: "input_cov", type: "DOUBLE" },
  { name: "output_cov", type: "DOUBLE" },
  { name: "input_status", type: "STRING", optional: true },
  { name: "output_status", type: "STRING" },
  { name: "improvement", type: "STRING" },
  { name: "state_model", type: "STRING", optional: true },
  { name: "transition_model", type: "STRING" },
  { name: "source_run", type: "STRING" },
  { name: "transition_id", type: "STRING" },
  { name: "tokens_prompt", type: "INT32", optional: true },
  { name: "tokens_answer", type: "INT32", optional: true },
  { name: "tokens_total", type: "INT32", optional: true },
  { name: "tokenizer", type: "STRING", optional: true },
];

const leaf = (c: Col) => ({
  name: c.name,
  type: c.type === "STRING" ? ("BYTE_ARRAY" as const) : c.type,
  ...(c.type === "STRING" ? { converted_type: "UTF8" as const } : {}),
  repetition_type: c.optional ? ("OPTIONAL" as const) : ("REQUIRED" as const),
});

const messageList = (name: string) => [
  { name, repetition_type: "REQUIRED" as const, converted_type: "LIST" as const, num_children: 1 },
  { name: "list", repetition_type: "REPEATED" as const, num_children: 1 },
  { name: "element", repetition_type: "REQUIRED" as const, num_children: 2 },
  leaf({ name: "role", type: "STRING" }),
  leaf({ name: "content", type: "STRING" }),
];

export const PARQUET_COLUMNS = ["id", "prompt", "completion", ...META_COLS.map((c) => c.name)];

const SCHEMA = [
  { name: "root", num_children: PARQUET_COLUMNS.length },
  leaf({ name: "id", type: "STRING" }),
  ...messageList("prompt"),
  ...messageList("completion"),
  ...META_COLS.map(leaf),
];

export function flattenRow(r: SftRow): Record<string, unknown> {
  const m = r.meta;
  const msg = (x: { role: string; content: string }) => ({ role: x.role, content: x.content });
  return {
    id: r.id,
    prompt: r.messages.slice(0, -1).map(msg),
    completion: [msg(r.messages.at(-1)!)],
    ...Object.fromEntries(META_COLS.slice(0, 14).map((c) => [c.name, m[c.name as keyof typeof m]])),
    tokens_prompt: m.tokens?.prompt ?? null,
    tokens_answer: m.tokens?.answer ?? null,
    tokens_total: m.tokens?.total ?? null,
    tokenizer: m.tokens?.tokenizer ?? null,
  };
}

export function unflattenRow(rec: Record<string, unknown>): SftRow {
  const meta = Object.fromEntries(META_COLS.slice(0, 14).map((c) => [c.name, rec[c.name] ?? null]));
  const tokens =
    rec.tokens_total == null
      ? null
      : {
          prompt: Number(rec.tokens_prompt),
          answer: Number(rec.tokens_answer),
          total: Number(rec.tokens_total),
          tokenizer: String(rec.tokenizer),
        };
  return SftRow.parse({
    id: rec.id,
    messages: [...(rec.prompt as unknown[]), ...(rec.completion as unknown[])],
    meta: { ...meta, tokens },
  });
}

/** Writes rows to one Parquet file; returns how many. */
export async function writeParquet(
  path: string,
  rows: Iterable<SftRow> | AsyncIterable<SftRow>,
): Promise<number> {
  let n = 0;
  async function* records() {
    for await (const r of rows) {
      n++;
      yield flattenRow(r);
    }
  }
  await parquetWriteRows({
    writer: fileWriter(path),
    rows: records(),
    columns: PARQUET_COLUMNS.map((name) => ({ name })),
    schema: SCHEMA as never,
    rowGroupSize: 2000,
    createdBy: "llm4cov curate export",
  });
  return n;
}

export async function readParquetRows(path: string): Promise<SftRow[]> {
  const file = await asyncBufferFromFile(path);
  const recs = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  return recs.map(unflattenRow);
}

/** The `dataset_info.features` block of the card, matching SCHEMA. */
function features(): unknown[] {
  const dtype = (c: Col) => (c.type === "STRING" ? "string" : c.type === "INT32" ? "int32" : "float64");
  const messages = (name: string) => ({
    name,
    list: [
      { name: "role", dtype: "string" },
      { name: "content", dtype: "string" },
    ],
  });
  return [
    { name: "id", dtype: "string" },
    messages("prompt"),
    messages("completion"),
    ...META_COLS.map((c) => ({ name: c.name, dtype: dtype(c) })),
  ];
}

export function datasetCard(name: string, splits: Record<string, number>): string {
  const header = {
    pretty_name: name,
    tags: ["verilog", "systemverilog", "testbench", "hardware-verification", "code-coverage", "llm4cov"],
    task_categories: ["text-generation"],
    configs: [
      {
        config_name: "default",
        data_files: Object.keys(splits).map((s) => ({ split: s, path: `data/${s}-*.parquet` })),
      },
    ],
    dataset_info: {
      features: features(),
      splits: Object.entries(splits).map(([s, k]) => ({ name: s, num_examples: k })),
    },
  };
  const counts = Object.entries(splits)
    .map(([s, k]) => `| ${s} | ${k} |`)
    .join("\n");
  return `---
${stringify(header).trimEnd()}
---

# ${name}

Execution-validated supervised fine-tuning data for coverage-driven SystemVerilog testbench
generation, produced by \`llm4cov curate\` from simulator-scored agent runs.

| split | rows |
|---|---|
${counts}

Each row is one memoryless transition \`s_t -> tb_{t+1}\`:

- \`prompt\`: the system message, the repository (specification and RTL files, the task), and,
  for agentic rows, the current testbench (an assistant turn) and its simulation feedback;
- \`completion\`: one assistant message holding the complete next testbench in a single
  \`\`\`systemverilog fenced block (the training target);
- metadata: task, run type, stage and trace type, input and output coverage, improvement kind,
  state and transition models, and token lengths under the named tokenizer.

Load with \`datasets.load_dataset("<path>")\`; TRL's \`SFTTrainer\` takes the prompt-completion
form as it is and computes the loss on the completion only.
`;
}

/** A Hugging Face dataset folder: data/<split>-00000-of-00001.parquet and README.md. */
export async function writeHfFolder(
  dir: string,
  rows: Iterable<SftRow>,
  o: { name: string; split: (r: SftRow) => string },
): Promise<{ splits: Record<string, number>; files: string[] }> {
  mkdirSync(join(dir, "data"), { recursive: true });
  // Route rows to per-split temporary JSONL files, then write each split's Parquet streaming.
  const tmp = new Map<string, JsonlWriter>();
  const tmpPath = (s: string) => join(dir, `.${s}.tmp.jsonl`);
  for (const r of rows) {
    const s = o.split(r);
    let w = tmp.get(s);
    if (!w) tmp.set(s, (w = new JsonlWriter(tmpPath(s))));
    await w.write(r);
  }
  const splits: Record<string, number> = {};
  const files: string[] = [];
  for (const s of [...tmp.keys()].sort((a, b) =>
    a === "train" ? -1 : b === "train" ? 1 : a.localeCompare(b),
  )) {
    await tmp.get(s)!.close();
    const file = join(dir, "data", `${s}-00000-of-00001.parquet`);
    splits[s] = await writeParquet(file, readRows(tmpPath(s)));
    rmSync(tmpPath(s), { force: true });
    files.push(file);
  }
  if (!tmp.size) {
    const file = join(dir, "data", "train-00000-of-00001.parquet");
    splits.train = await writeParquet(file, []);
    files.push(file);
  }
  const card = join(dir, "README.md");
  writeFileSync(card, datasetCard(o.name, splits));
  files.push(card);
  return { splits, files };
}
