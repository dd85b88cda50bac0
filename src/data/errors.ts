// Errors of dataset loading. Every message starts with `file:line` (or the folder) so a user can
// jump straight to the offending row of a 100k-row file.
import type { ZodError } from "zod";

export class DatasetError extends Error {
  /** What is wrong, without the `file:line` prefix (what a skipped row records). */
  readonly reason: string;
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    reason?: string,
  ) {
    super(message);
    this.name = "DatasetError";
    this.reason = reason ?? message;
  }
}

/** `file:line (id x)`, the prefix of every row-level message. */
export function whereOf(file: string, line?: number, id?: string): string {
  return `${file}${line ? `:${line}` : ""}${id ? ` (id ${id})` : ""}`;
}

export function rowError(file: string, line: number | undefined, id: string | undefined, reason: string) {
  return new DatasetError(`${whereOf(file, line, id)}: ${reason}`, file, line, reason);
}

/** The row's `id` when it has a usable one, so errors can name it even when the row is invalid. */
export function idOf(value: unknown, key = "id"): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const id = (value as Record<string, unknown>)[key];
  return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
}

/** `rtl_files[0].name` rather than zod's `rtl_files.0.name`. */
function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${String(p)}`;
  return out || "(row)";
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** zod issues as short `field: problem` phrases; zod's own wording is kept for the rare cases. */
export function describeZodError(err: ZodError, input: unknown): string {
  const parts = err.issues.slice(0, 5).map((issue) => {
    let text = issue.message;
    if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) text = "required";
    else if (issue.code === "invalid_type")
      text = `expected ${issue.expected}, got ${typeName(valueAt(input, issue.path))}`;
    else if (issue.code === "too_small" && issue.origin === "array")
      text = `must have at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? "" : "s"}`;
    else if (issue.code === "too_small" && issue.origin === "string") text = "must not be empty";
    return `${pathText(issue.path)}: ${text}`;
  });
  if (err.issues.length > 5) parts.push(`(${err.issues.length - 5} more)`);
  return parts.join("; ");
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** Remembers ids per dataset: a second row with the same id is an error naming both places. */
export class IdGuard {
  private readonly seen = new Map<string, number | string>();
  constructor(private readonly file: string) {}
  /** `at` is the 1-based line of a JSONL row, or the folder of a directory dataset. */
  check(id: string, at: number | string): void {
    const first = this.seen.get(id);
    const place = (p: number | string) => (typeof p === "number" ? `line ${p}` : p);
    if (first !== undefined) {
      const line = typeof at === "number" ? at : undefined;
      throw rowError(
        this.file,
        line,
        id,
        `duplicate id (first seen on ${place(first)}, again on ${place(at)})`,
      );
    }
    this.seen.set(id, at);
  }
}
