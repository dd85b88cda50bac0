// Runs the vitest suite and ends with one plain line, "N passed, N failed", that any CI log
// reader understands; the exit code is vitest's own.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const out = join(tmpdir(), `llm4cov-vitest-${process.pid}.json`);
const args = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...process.argv.slice(2)];
const r = spawnSync("npx", args, { stdio: "inherit" });
let summary = "0 passed, 0 failed";
try {
  const j = JSON.parse(readFileSync(out, "utf8"));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  summary = `${j.numPassedTests} passed, ${j.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`;
  rmSync(out, { force: true });
} catch {
  summary = "0 passed, 1 failed"; // no report: the run itself broke
}
console.log(summary);
process.exit(r.status ?? 1);
