// A worker process for fault tests: the same startQueueWorker as `llm4cov eda worker`, with an
// onJobStart hook that kills this process (SIGKILL, like the OOM killer) when a job's testbench
// contains POISON — a job that crashes whichever worker runs it.
//   node --import tsx test/helpers/queue-worker-entry.ts <url> <name> <slots> <maxAttempts>
import { parseQueueUrl, startQueueWorker } from "../../src/exec/queue/index.js";

const [url, name, slots, maxAttempts] = process.argv.slice(2);
const handle = await startQueueWorker({
  spec: parseQueueUrl(url!),
  name,
  slots: Number(slots ?? 1),
  maxAttempts: Number(maxAttempts ?? 3),
  heartbeatMs: 500,
  lockMs: 2000,
  stalledMs: 1000,
  log: (l) => process.stderr.write(l + "\n"),
  onJobStart: (request) => {
    if (request.testbench.content?.includes("POISON")) process.kill(process.pid, "SIGKILL");
  },
});
process.on("SIGTERM", () => void handle.close(5000).then(() => process.exit(0)));
