// Every test file's temp dirs (run dirs, sshd and redis-server dirs, job dirs) go under one
// per-run directory that is removed at the end, so a test run leaves nothing in /tmp.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), "llm4cov-tests-"));
  // Searchable like /tmp: a job running as its own uid (rlimits fallback) must reach its dir.
  chmodSync(dir, 0o711);
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.LLM4COV_KEEP_TEST_TMP !== "1") rmSync(dir, { recursive: true, force: true });
  };
}
