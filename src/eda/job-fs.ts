// File access to a job directory that sandboxed stages can write to. The host (often root)
// never follows a symlink there, never blocks on a FIFO and never reads an unbounded file:
// whatever a stage left behind is data, not a path to trust.
import { constants } from "node:fs";
import { open, unlink } from "node:fs/promises";

const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK } = constants;

/** A regular file's text (at most maxBytes), or null when absent, not a regular file, or too big. */
export async function readJobFile(path: string, maxBytes = 256 * 1024 * 1024): Promise<string | null> {
  let fh;
  try {
    fh = await open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const st = await fh.stat();
    if (!st.isFile() || st.size > maxBytes) return null;
    const buf = Buffer.alloc(st.size);
    const { bytesRead } = await fh.read(buf, 0, st.size, 0);
    return buf.subarray(0, bytesRead).toString("utf8");
  } finally {
    await fh.close();
  }
}

/** Size of a regular file, or null (symlinks and special files are not followed). */
export async function jobFileSize(path: string): Promise<number | null> {
  try {
    const fh = await open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
    try {
      const st = await fh.stat();
      return st.isFile() ? st.size : null;
    } finally {
      await fh.close();
    }
  } catch {
    return null;
  }
}

/** Writes a fresh regular file: whatever was at `path` (e.g. a planted symlink) is removed first. */
export async function writeJobFile(path: string, content: string): Promise<void> {
  await unlink(path).catch(() => undefined);
  const fh = await open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644);
  try {
    await fh.writeFile(content);
  } finally {
    await fh.close();
  }
}
