// A dataset's identity is its content, never where it lives: the hash of the repositories a run
// uses (canonical JSON, in order), so a copied, moved or renamed dataset gives the same run
// identity, hence the same seeds and results. The same pass validates what a run needs before
// anything is written: the file opens, its first row is valid, some row matches the format.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { hashOf } from "../core/hash.js";
import { DatasetError, whereOf } from "./errors.js";
import { detectFormat, openDataset, sniffRow, type DatasetFormat } from "./index.js";
import { readJsonl, type SkippedItem } from "./jsonl.js";

/** What a run records about its dataset: the hash identifies it, the path is information only. */
export interface DatasetInfo {
  /** sha256 over the used repositories' canonical hashes. */
  hash: string;
  format: Exclude<DatasetFormat, "auto">;
  /** Absolute path at the time of the run (not part of the identity). */
  path: string;
  /** Rows used (after `limit`). */
  rows: number;
  /** Rows skipped before the limit was reached, invalid or out of scope. */
  skipped: number;
}

export interface DatasetScan {
  info: DatasetInfo;
  /** Up to `maxSkipped` skipped rows, with where and why. */
  skipped: SkippedItem[];
}

export interface ScanOptions {
  format?: DatasetFormat;
  limit?: number;
  maxSkipped?: number;
}

/** `file:line: reason` of a skipped row, the way every dataset message is written. */
export function skippedText(s: SkippedItem): string {
  return `${whereOf(s.source.file, s.source.line, s.id)}: ${s.reason}`;
}

/** Explicit row formats must match what the first row looks like (a native file read as cvdp...). */
async function checkExplicitFormat(path: string, format: DatasetFormat): Promise<void> {
  if (format === "auto" || format === "dir") return;
  for await (const { line, value } of readJsonl(path)) {
    const looks = sniffRow(value);
    if (looks && looks !== format)
      throw new DatasetError(
        `${path}:${line}: rows look like ${looks} rows, not ${format} (use --format ${looks} or auto)`,
        path,
        line,
      );
    return;
  }
}

/**
 * Reads the dataset once: content hash of the rows a run would use, and the skipped rows.
 * Throws a DatasetError (file:line and what is wrong) when the dataset cannot be opened, is
 * empty, its first row is invalid, or no row is usable in the given format.
 */
export async function scanDataset(path: string, opts: ScanOptions = {}): Promise<DatasetScan> {
  const requested = opts.format ?? "auto";
  const format = requested === "auto" ? await detectFormat(path) : requested;
  await checkExplicitFormat(path, requested);
  const maxSkipped = opts.maxSkipped ?? 100;
  const hash = createHash("sha256");
  const skipped: SkippedItem[] = [];
  let seen = 0;
  let used = 0;
  let skippedCount = 0;
  for await (const item of openDataset(path, { format, skipInvalid: true })) {
    if (item.skipped) {
      // The first row decides whether this is a dataset at all: a bad one stops the run here.
      if (seen === 0 && item.invalid)
        throw new DatasetError(skippedText(item), item.source.file, item.source.line);
      seen++;
      skippedCount++;
      if (skipped.length < maxSkipped) skipped.push(item);
      continue;
    }
    if (opts.limit !== undefined && used >= opts.limit) break;
    seen++;
    used++;
    hash.update(`${hashOf(item.repo)}\n`);
  }
  if (seen === 0)
    throw new DatasetError(
      format === "dir" ? `${path}: empty dataset (no design folders)` : `${path}: empty dataset (no rows)`,
      path,
    );
  if (used === 0) {
    const first = skipped[0] ? `; first: ${skippedText(skipped[0])}` : "";
    throw new DatasetError(`${path}: no row is usable as ${format} (${skippedCount} skipped${first})`, path);
  }
  return {
    info: { hash: hash.digest("hex"), format, path: resolve(path), rows: used, skipped: skippedCount },
    skipped,
  };
}
