// `curate contamination`: drop every training repository that has a file whose ROUGE-L against
// any benchmark file is >= the threshold (paper §4.2: 0.5). Training data is SFT rows (repository
// = task; its files are read back from the prompt) or any dataset openDataset reads. The
// benchmark is indexed once (contam-index.ts); training repositories stream through a pool of
// worker threads in batches, with backpressure. Pass 1 finds the contaminated repositories,
// pass 2 copies the rest (JSONL inputs line for line, so the format is preserved).
import { existsSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { parsePromptForPolicy } from "../agent/prompt.js";
import { rowFromRepository } from "../core/repository.js";
import { loadAll, openDataset, readJsonl, type DatasetFormat } from "../data/index.js";
import { readLines } from "../data/jsonl.js";
import {
  addStats,
  buildIndexData,
  Checker,
  emptyStats,
  type CheckStats,
  type IndexData,
  type PairHit,
  type RepoFiles,
} from "./contam-index.js";
import { JsonlWriter } from "./io.js";

export interface ContaminationOptions {
  threshold?: number;
  /** Worker threads; 0 checks in the calling thread. Default: available cores (at most 8). */
  workers?: number;
  /** Repositories per message to a worker. */
  batchSize?: number;
  /** Check in the main thread for this long before starting workers (default 1000 ms; 0: at once). */
  inlineMs?: number;
}

export interface ContaminationResult {
  threshold: number;
  dropped: Set<string>;
  pairs: PairHit[];
  stats: CheckStats;
  repos: number;
  files: number;
  eval_files: number;
  seconds: number;
}

type Batch = { hits: PairHit[][]; stats: CheckStats };

/** Under tsx/vitest the worker is TypeScript too: register tsx's ESM hooks in it first. */
function tsWorker(url: URL, data: IndexData): Worker {
  let api: string;
  try {
    api = import.meta.resolve("tsx/esm/api");
  } catch {
    // The package's "import" condition of ./esm/api, where import.meta.resolve is unavailable.
    api = pathToFileURL(
      createRequire(import.meta.url)
        .resolve("tsx/esm/api")
        .replace(/\.cjs$/, ".mjs"),
    ).href;
  }
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

/** Worker pool: one index per worker, batches dispatched round robin, at most 2 in flight each. */
class CheckPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (b: Batch) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(n: number, data: IndexData) {
    const ts = import.meta.url.endsWith(".ts");
    const url = new URL(`./contamination-worker.${ts ? "ts" : "js"}`, import.meta.url);
    this.workers = Array.from({ length: n }, () => {
      const w = ts ? tsWorker(url, data) : new Worker(url, { workerData: data });
      w.on("message", (m: Batch & { id: number }) => {
        this.waiting.get(m.id)?.resolve(m);
        this.waiting.delete(m.id);
      });
      w.on("error", (e) => this.failAll(e));
      w.on(
        "exit",
        (code) => code !== 0 && this.failAll(new Error(`contamination worker exited with ${code}`)),
      );
      return w;
    });
  }

  private failAll(e: Error): void {
    for (const p of this.waiting.values()) p.reject(e);
    this.waiting.clear();
  }

  run(repos: RepoFiles[]): Promise<Batch> {
    const id = this.next++;
    const w = this.workers[id % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      w.postMessage({ id, repos });
    });
  }

  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Pass 1 over any stream of training repositories, against the benchmark repositories. */
export async function checkContamination(
  train: AsyncIterable<RepoFiles> | Iterable<RepoFiles>,
  evalRepos: RepoFiles[],
  opts: ContaminationOptions = {},
): Promise<ContaminationResult> {
  const started = performance.now();
  const threshold = opts.threshold ?? 0.5;
  const data = buildIndexData(evalRepos, threshold);
  const nWorkers = opts.workers ?? Math.min(8, availableParallelism());
  const batchSize = opts.batchSize ?? 32;
  const res: ContaminationResult = {
    threshold,
    dropped: new Set(),
    pairs: [],
    stats: emptyStats(),
    repos: 0,
    files: 0,
    eval_files: data.files.length,
    seconds: 0,
  };
  const take = (b: Batch) => {
    addStats(res.stats, b.stats);
    for (const hits of b.hits)
      for (const h of hits) {
        res.pairs.push(h);
        res.dropped.add(h.train_repo);
      }
  };
  // Small inputs never pay for worker start-up: the main thread checks until `inlineMs` have
  // passed, and only then the pool starts and takes over.
  const inline = new Checker(data);
  const inlineUntil = performance.now() + (opts.inlineMs ?? 1000);
  let pool: CheckPool | null = null;
  const inFlight: Promise<Batch>[] = [];
  const dispatch = async (repos: RepoFiles[]) => {
    if (!pool && nWorkers > 0 && performance.now() >= inlineUntil) pool = new CheckPool(nWorkers, data);
    if (!pool) return take({ hits: repos.map((r) => inline.checkRepo(r)), stats: inline.takeStats() });
    inFlight.push(pool.run(repos));
    if (inFlight.length >= 2 * pool.size) take(await inFlight.shift()!);
  };
  try {
    let batch: RepoFiles[] = [];
    for await (const repo of train) {
      res.repos++;
      res.files += repo.files.length;
      batch.push(repo);
      if (batch.length >= batchSize) {
        await dispatch(batch);
        batch = [];
      }
    }
    if (batch.length) await dispatch(batch);
    for (const b of await Promise.all(inFlight)) take(b);
  } finally {
    await (pool as CheckPool | null)?.close();
  }
  res.pairs.sort(
    (a, b) =>
      a.train_repo.localeCompare(b.train_repo) ||
      a.train_file.localeCompare(b.train_file) ||
      a.eval_repo.localeCompare(b.eval_repo) ||
      a.eval_file.localeCompare(b.eval_file),
  );
  res.seconds = (performance.now() - started) / 1000;
  return res;
}

export type TrainKind = "rows" | "jsonl" | "dir";

export async function detectTrainKind(path: string): Promise<TrainKind> {
  if (!existsSync(path)) throw new Error(`${path}: no such file or directory`);
  if (statSync(path).isDirectory()) return "dir";
  for await (const { value } of readJsonl(path)) {
    const v = value as Record<string, unknown> | null;
    return v && typeof v === "object" && "messages" in v && "meta" in v ? "rows" : "jsonl";
  }
  return "jsonl";
}

const repoFiles = (spec: { name: string; content: string }[], rtl: { name: string; content: string }[]) => [
  ...spec.map((f) => ({ name: f.name, content: f.content })),
  ...rtl.map((f) => ({ name: f.name, content: f.content })),
];

/** Training repositories of a file: SFT rows (one per task id) or dataset rows (key `<line>:<id>`). */
export async function* trainRepos(
  path: string,
  kind: TrainKind,
  format?: DatasetFormat,
): AsyncGenerator<RepoFiles> {
  if (kind === "rows") {
    const seen = new Set<string>();
    for await (const { value } of readJsonl(path)) {
      const row = value as { messages: { role: string; content: string }[]; meta: { task_id: string } };
      if (seen.has(row.meta.task_id)) continue;
      seen.add(row.meta.task_id);
      const files = parsePromptForPolicy(row.messages as never).files;
      yield { key: row.meta.task_id, files: files.map((f) => ({ name: f.name, content: f.content })) };
    }
    return;
  }
  for await (const item of openDataset(path, { format })) {
    if (item.skipped) continue;
    const key = item.source.line !== undefined ? `${item.source.line}:${item.repo.id}` : item.repo.id;
    yield { key, files: repoFiles(item.repo.spec, item.repo.rtl) };
  }
}

export async function evalRepos(path: string, format?: DatasetFormat): Promise<RepoFiles[]> {
  const { repos } = await loadAll(path, { format });
  return repos.map((r) => ({ key: r.id, files: repoFiles(r.spec, r.rtl) }));
}

/** Pass 2: the training data without the dropped repositories, in the input's own form. */
async function writeKept(path: string, kind: TrainKind, dropped: Set<string>, out: string) {
  const w = new JsonlWriter(out);
  try {
    if (kind === "dir") {
      for await (const item of openDataset(path, { format: "dir" }))
        if (!item.skipped && !dropped.has(item.repo.id)) await w.write(rowFromRepository(item.repo));
    } else if (kind === "rows") {
      for await (const { text } of readLines(path)) {
        const taskId = (JSON.parse(text) as { meta: { task_id: string } }).meta.task_id;
        if (!dropped.has(taskId)) await w.writeLine(text);
      }
    } else {
      // Rows the loader skipped (not usable as repositories) are kept as they are.
      const lines = new Set([...dropped].map((k) => Number(k.slice(0, k.indexOf(":")))));
      for await (const { line, text } of readLines(path)) if (!lines.has(line)) await w.writeLine(text);
    }
  } finally {
    await w.close();
  }
  return w.count;
}

export interface ContaminationRun {
  train: string;
  eval: string;
  out: string;
  report?: string;
  trainFormat?: DatasetFormat;
  evalFormat?: DatasetFormat;
  threshold?: number;
  workers?: number;
}

export interface ContaminationReport {
  threshold: number;
  tokenization: string;
  train: {
    path: string;
    kind: TrainKind;
    repositories: number;
    files: number;
    dropped: number;
    kept_lines: number;
  };
  eval: { path: string; files: number };
  pairs: PairHit[];
  stats: CheckStats;
  seconds: number;
  files_per_second: number;
}

export async function runContamination(o: ContaminationRun): Promise<ContaminationReport> {
  const kind = await detectTrainKind(o.train);
  const bench = await evalRepos(o.eval, o.evalFormat);
  const res = await checkContamination(trainRepos(o.train, kind, o.trainFormat), bench, {
    threshold: o.threshold,
    workers: o.workers,
  });
  const kept = await writeKept(o.train, kind, res.dropped, o.out);
  const report: ContaminationReport = {
    threshold: res.threshold,
    tokenization:
      "code tokens: [A-Za-z0-9_$]+ runs and single other non-space characters; ROUGE-L F1 = 2L/(m+n)",
    train: {
      path: o.train,
      kind,
      repositories: res.repos,
      files: res.files,
      dropped: res.dropped.size,
      kept_lines: kept,
    },
    eval: { path: o.eval, files: res.eval_files },
    pairs: res.pairs,
    stats: res.stats,
    seconds: res.seconds,
    files_per_second: res.files / Math.max(res.seconds, 1e-9),
  };
  writeFileSync(o.report ?? `${o.out}.contamination.json`, JSON.stringify(report, null, 2) + "\n");
  return report;
}

export function formatContamination(r: ContaminationReport): string {
  const s = r.stats;
  return [
    `contamination: ${r.train.repositories} training repositories (${r.train.files} files) vs ${r.eval.files} benchmark files, ROUGE-L >= ${r.threshold}`,
    `  dropped ${r.train.dropped} repositories (${r.pairs.length} pairs); kept ${r.train.kept_lines} lines`,
    `  pairs ${s.pairs_total}: length-pruned ${s.length_pruned}, bag-pruned ${s.bag_pruned}, exact LCS ${s.lcs_runs} (${s.lcs_early_exit} stopped early); cached files ${s.cache_hits}`,
    `  ${r.seconds.toFixed(2)} s, ${r.files_per_second.toFixed(0)} files/s`,
    ...r.pairs
      .slice(0, 20)
      .map(
        (p) => `  ${p.train_repo}/${p.train_file} ~ ${p.eval_repo}/${p.eval_file}: ${p.rouge_l.toFixed(3)}`,
      ),
    ...(r.pairs.length > 20 ? [`  ... ${r.pairs.length - 20} more pairs in the report`] : []),
  ].join("\n");
}
