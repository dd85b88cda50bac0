// Worker thread of `curate contamination`: rebuilds the benchmark index from workerData once,
// then checks batches of training repositories.
import { parentPort, workerData } from "node:worker_threads";
import { Checker, type IndexData, type RepoFiles } from "./contam-index.js";

const checker = new Checker(workerData as IndexData);
parentPort!.on("message", (msg: { id: number; repos: RepoFiles[] }) => {
  const hits = msg.repos.map((r) => checker.checkRepo(r));
  parentPort!.postMessage({ id: msg.id, hits, stats: checker.takeStats() });
});
