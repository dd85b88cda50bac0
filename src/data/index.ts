// One entry point for every dataset shape: openDataset(path) streams DatasetItems whatever the
// format, detected from the first row (or from the path being a directory) unless given.
import { stat } from "node:fs/promises";
import type { Repository } from "../core/repository.js";
import { DatasetError } from "./errors.js";
import { readJsonl, readLines, type DatasetItem, type LoadOptions, type SkippedItem } from "./jsonl.js";
import { loadNative } from "./native.js";
import { loadCvdp } from "./cvdp.js";
import { loadCodev } from "./codev.js";
import { countDesignFolders, loadDirectory } from "./directory.js";

export { DatasetError } from "./errors.js";
export type { DatasetItem, LoadedItem, LoadOptions, SkippedItem, Source } from "./jsonl.js";
export { readJsonl } from "./jsonl.js";

export type DatasetFormat = "auto" | "native" | "cvdp" | "codev" | "dir";
export interface OpenOptions extends LoadOptions {
  format?: DatasetFormat;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (e) {
    throw new DatasetError(`${path}: cannot open: ${(e as Error).message}`, path);
  }
}

/** The format of a row, judged from the fields only that format has. */
export function sniffRow(value: unknown): Exclude<DatasetFormat, "auto" | "dir"> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const has = (k: string) => k in value;
  if (has("rtl_files") || has("dut_module_name")) return "native";
  if (has("categories") || has("harness") || (has("input") && has("output"))) return "cvdp";
  if (has("ground_truth") || has("problem_id")) return "codev";
  return undefined;
}

export async function detectFormat(path: string): Promise<Exclude<DatasetFormat, "auto">> {
  if (await isDirectory(path)) return "dir";
  for await (const { line, value } of readJsonl(path)) {
    const format = sniffRow(value);
    if (format) return format;
    const keys =
      typeof value === "object" && value ? Object.keys(value).slice(0, 8).join(", ") : typeof value;
    throw new DatasetError(
      `${path}:${line}: cannot detect the dataset format from the first row (fields: ${keys}); ` +
        `give the format explicitly (native, cvdp, codev, dir)`,
      path,
      line,
    );
  }
  return "native"; // an empty file: any loader yields nothing
}

export async function* openDataset(path: string, opts: OpenOptions = {}): AsyncGenerator<DatasetItem> {
  const format = !opts.format || opts.format === "auto" ? await detectFormat(path) : opts.format;
  switch (format) {
    case "native":
      return yield* loadNative(path, opts);
    case "cvdp":
      return yield* loadCvdp(path, opts);
    case "codev":
      return yield* loadCodev(path, opts);
    case "dir":
      return yield* loadDirectory(path, opts);
    default:
      throw new DatasetError(`unknown dataset format "${String(format)}"`);
  }
}

/** Rows (non-blank lines) of a JSONL file, or design folders of a directory; nothing is parsed. */
export async function countRows(path: string): Promise<number> {
  if (await isDirectory(path)) return countDesignFolders(path);
  let n = 0;
  for await (const _ of readLines(path)) n++;
  return n;
}

/** Everything in memory at once: for benchmark-sized files, not for synthesis outputs. */
export async function loadAll(
  path: string,
  opts: OpenOptions = {},
): Promise<{ repos: Repository[]; skipped: SkippedItem[] }> {
  const repos: Repository[] = [];
  const skipped: SkippedItem[] = [];
  for await (const item of openDataset(path, opts)) {
    if (item.skipped) skipped.push(item);
    else repos.push(item.repo);
  }
  return { repos, skipped };
}
