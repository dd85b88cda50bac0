// Line-by-line JSONL reading. Files can hold 100k+ rows (synthesis outputs), so nothing here ever
// holds more than one line: a file stream feeds node:readline and rows are yielded one at a time.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Repository } from "../core/repository.js";
import { DatasetError } from "./errors.js";

/** Where an item came from; `line` is 1-based and absent for directory datasets. */
export interface Source {
  file: string;
  line?: number;
}
export interface LoadedItem {
  repo: Repository;
  source: Source;
  skipped?: undefined;
}
/**
 * A row that is not usable as a repository: well-formed but out of scope (other category,
 * ambiguous top...), or, when the loader was asked to skip them, invalid (`invalid: true`).
 */
export interface SkippedItem {
  skipped: true;
  reason: string;
  id?: string;
  source: Source;
  invalid?: true;
}

/** Loader options: `skipInvalid` turns a bad row into a SkippedItem instead of an error. */
export interface LoadOptions {
  skipInvalid?: boolean;
}

/** The SkippedItem for a row that failed validation (rethrown unless skipping is asked for). */
export function invalidItem(err: unknown, source: Source, opts: LoadOptions, id?: string): SkippedItem {
  if (!opts.skipInvalid || !(err instanceof DatasetError)) throw err;
  return { skipped: true, invalid: true, reason: err.reason, id, source };
}
export type DatasetItem = LoadedItem | SkippedItem;

export interface JsonlRow {
  line: number;
  value: unknown;
}

const BOM = "\uFEFF";
const MAX_REASON = 160;

/** Fails early with a clear message: a missing file would otherwise surface as a bare ENOENT. */
export async function assertReadableFile(path: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new DatasetError(`${path}: cannot open: ${(e as Error).message}`, path);
  }
  if (!info.isFile()) throw new DatasetError(`${path}: not a regular file`, path);
}

/** Non-blank lines with their 1-based numbers; the raw text, not yet parsed. */
export async function* readLines(path: string): AsyncGenerator<{ line: number; text: string }> {
  await assertReadableFile(path);
  const stream = createReadStream(path, { encoding: "utf8" });
  // crlfDelay: Infinity makes a \r\n split across two chunks still count as one line break.
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (let text of rl) {
      line++;
      if (line === 1 && text.startsWith(BOM)) text = text.slice(1);
      if (text.trim() === "") continue;
      yield { line, text };
    }
  } finally {
    // A consumer that stops early (break) must not leave the file descriptor open.
    rl.close();
    stream.destroy();
  }
}

/** Rows with their parse error instead of a value when a line is not JSON; never throws for one. */
export async function* readJsonlRows(
  path: string,
): AsyncGenerator<JsonlRow | { line: number; error: DatasetError }> {
  for await (const { line, text } of readLines(path)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      let reason = (e as Error).message.replace(/\s+/g, " ");
      if (reason.length > MAX_REASON) reason = `${reason.slice(0, MAX_REASON)}...`;
      reason = `invalid JSON: ${reason}`;
      yield { line, error: new DatasetError(`${path}:${line}: ${reason}`, path, line, reason) };
      continue;
    }
    yield { line, value };
  }
}

export async function* readJsonl(path: string): AsyncGenerator<JsonlRow> {
  for await (const row of readJsonlRows(path)) {
    if ("error" in row) throw row.error;
    yield row;
  }
}
