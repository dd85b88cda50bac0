// The one check every place applies before a name from input (a dataset row, a prompt, a protocol
// request, a CLI name) becomes a file path. A name that passes stays inside whatever directory it
// is joined to, on any POSIX host: relative, already normalised, no `..`, no control characters,
// bounded. Names are rejected rather than repaired, so what is written is what was asked for.

/** Longest accepted name in bytes (Linux PATH_MAX is 4096; a repository file never needs more). */
export const MAX_PATH_BYTES = 1024;
/** Most directory levels in a name. */
export const MAX_PATH_DEPTH = 16;
/** Longest single segment in bytes (NAME_MAX on Linux file systems). */
export const MAX_SEGMENT_BYTES = 255;

export class UnsafePathError extends Error {
  constructor(
    readonly pathName: string,
    readonly problem: string,
  ) {
    super(`unsafe file name ${JSON.stringify(pathName.slice(0, 200))}: ${problem}`);
    this.name = "UnsafePathError";
  }
}

/** What is wrong with `name` as a relative file path, or null when it is safe. */
export function pathProblem(name: string): string | null {
  if (typeof name !== "string" || name === "") return "empty name";
  const bytes = Buffer.byteLength(name);
  if (bytes > MAX_PATH_BYTES) return `longer than ${MAX_PATH_BYTES} bytes (${bytes})`;
  const ctl = /[\u0000-\u001f\u007f-\u009f]/.exec(name);
  if (ctl) {
    const code = ctl[0].charCodeAt(0);
    return code === 0
      ? "contains a NUL character"
      : `contains a control character (U+${code.toString(16).padStart(4, "0")})`;
  }
  if (name.includes("\\")) return "contains a backslash (use / between directories)";
  if (name.startsWith("/")) return "is an absolute path (must be relative)";
  if (/^[A-Za-z]:/.test(name)) return "starts with a drive letter (must be relative)";
  if (name.startsWith("~")) return "starts with ~ (must be relative)";
  const segs = name.split("/");
  if (segs.length > MAX_PATH_DEPTH) return `more than ${MAX_PATH_DEPTH} directory levels`;
  for (const s of segs) {
    if (s === "..") return 'has a ".." segment (must stay inside its directory)';
    if (s === "." || s === "") return 'is not normalised (contains "./", "//" or a trailing "/")';
    if (Buffer.byteLength(s) > MAX_SEGMENT_BYTES)
      return `has a segment longer than ${MAX_SEGMENT_BYTES} bytes`;
  }
  return null;
}

export function isSafePath(name: string): boolean {
  return pathProblem(name) === null;
}

/** `name` unchanged when safe; otherwise an UnsafePathError naming the problem. */
export function assertSafePath(name: string): string {
  const problem = pathProblem(name);
  if (problem) throw new UnsafePathError(name, problem);
  return name;
}

/** A single file name (no directory part), e.g. a dataset name that becomes `<name>.jsonl`. */
export function assertSafeFileName(name: string): string {
  assertSafePath(name);
  if (name.includes("/")) throw new UnsafePathError(name, "must be a single file name, without /");
  return name;
}
