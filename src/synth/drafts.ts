// Reading drafts (intermediate states) out of any run ledger, and the selection file that
// `llm4cov select` writes and synthesis consumes: one JSON line per selected state.
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { once } from "node:events";
import { join, resolve } from "node:path";
import { z } from "zod";
import type { Repository } from "../core/repository.js";
import { Ledger, LEDGER_FILE } from "../store/ledger.js";
import { draftRows, taskRepoJson } from "../store/synth-store.js";
import {
  countSplits,
  selectStates,
  SPLITS,
  STRATEGIES,
  type Draft,
  type SelectionOptions,
  type SplitCounts,
} from "./selection.js";

/** A draft as stored in a run ledger. */
export interface DraftRow extends Draft {
  sampleId: string;
  sampleIndex: number;
  round: number;
  status: string | null;
  /** The model that wrote it (the run's state model). */
  model: string;
}

export interface TaskDrafts {
  taskId: string;
  seq: number;
  drafts: DraftRow[];
  /** Finished samples of this task. */
  samplesDone: number;
}

export interface LoadDraftsOptions {
  /** Use only samples with sample_index < this (drafts per repository). */
  draftsPerRepo?: number;
  /** Only the first N tasks of the run. */
  limit?: number;
}

export function openRun(runDir: string): Ledger {
  if (!existsSync(join(runDir, LEDGER_FILE)))
    throw new Error(`${runDir}: no ${LEDGER_FILE} here (not a run)`);
  return Ledger.openExisting(runDir);
}

/**
 * The drafts of every task of a run: the output states of its transitions in finished samples,
 * in (sample index, round) order. Works on eval runs (every round's state) and synthesis runs
 * (candidate outputs; the copied input states are not transition outputs).
 */
export function loadDrafts(ledger: Ledger, opts: LoadDraftsOptions = {}): TaskDrafts[] {
  const rows = draftRows(ledger, opts.draftsPerRepo);
  const tasks = new Map<string, TaskDrafts>();
  const samples = new Map<string, Set<string>>();
  for (const r of rows) {
    let t = tasks.get(r.task_id);
    if (!t) {
      if (opts.limit !== undefined && tasks.size >= opts.limit) continue;
      tasks.set(r.task_id, (t = { taskId: r.task_id, seq: r.seq, drafts: [], samplesDone: 0 }));
      samples.set(r.task_id, new Set());
    }
    samples.get(r.task_id)!.add(r.sample_id);
    t.samplesDone = samples.get(r.task_id)!.size;
    t.drafts.push({
      stateId: r.state_id,
      score: r.score,
      simPass: !!r.sim_pass,
      hasTestbench: !!r.has_tb,
      sampleId: r.sample_id,
      sampleIndex: r.sample_index,
      round: r.round,
      status: r.status,
      model: r.model,
    });
  }
  return [...tasks.values()];
}

export function loadRepo(ledger: Ledger, taskId: string): Repository {
  const json = taskRepoJson(ledger, taskId);
  if (json === null) throw new Error(`${ledger.runDir}: no task ${taskId}`);
  return JSON.parse(json) as Repository;
}

export const SelectionRecord = z.object({
  task_id: z.string().min(1),
  state_id: z.string().min(1),
  /** Absolute path of the run directory that holds the state. */
  source_run: z.string().min(1),
  sample_id: z.string(),
  sample_index: z.number().int(),
  round: z.number().int(),
  split: z.enum(SPLITS),
  fill: z.boolean(),
  score: z.number(),
  status: z.string().nullable(),
  sim_pass: z.boolean(),
  model: z.string(),
  strategy: z.enum(STRATEGIES),
});
export type SelectionRecord = z.infer<typeof SelectionRecord>;

export interface SelectionResult {
  records: SelectionRecord[];
  counts: SplitCounts;
  tasks: number;
  /** Tasks that yielded no selected state (every draft at full coverage, or none finished). */
  tasksWithoutSelection: number;
  drafts: number;
}

/** Pure over loaded drafts: the selection records of every task. */
export function selectFromDrafts(
  tasks: TaskDrafts[],
  sourceRun: string,
  opts: SelectionOptions,
): SelectionResult {
  const records: SelectionRecord[] = [];
  let empty = 0;
  for (const t of tasks) {
    const picks = selectStates(t.taskId, t.drafts, opts);
    if (!picks.length) empty++;
    for (const p of picks)
      records.push({
        task_id: t.taskId,
        state_id: p.draft.stateId,
        source_run: sourceRun,
        sample_id: p.draft.sampleId,
        sample_index: p.draft.sampleIndex,
        round: p.draft.round,
        split: p.split,
        fill: p.fill,
        score: p.draft.score,
        status: p.draft.status,
        sim_pass: p.draft.simPass,
        model: p.draft.model,
        strategy: opts.strategy,
      });
  }
  return {
    records,
    counts: countSplits(records),
    tasks: tasks.length,
    tasksWithoutSelection: empty,
    drafts: tasks.reduce((n, t) => n + t.drafts.length, 0),
  };
}

/** `llm4cov select`: the selection of a run (eval or synth), written as JSONL when `out` is given. */
export async function selectRun(
  runDir: string,
  opts: SelectionOptions & LoadDraftsOptions,
  out?: string,
): Promise<SelectionResult> {
  const ledger = openRun(runDir);
  let result: SelectionResult;
  try {
    result = selectFromDrafts(loadDrafts(ledger, opts), resolve(runDir), opts);
  } finally {
    ledger.close();
  }
  if (out) await writeSelection(out, result.records);
  return result;
}

export async function writeSelection(path: string, records: SelectionRecord[]): Promise<void> {
  const out = createWriteStream(path);
  for (const r of records) if (!out.write(JSON.stringify(r) + "\n")) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

export function readSelection(path: string): SelectionRecord[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`${path}: cannot read the selection file: ${(e as Error).message}`);
  }
  return text
    .split("\n")
    .map((line, i) => ({ line, n: i + 1 }))
    .filter((x) => x.line.trim())
    .map(({ line, n }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${n}: not JSON`);
      }
      const r = SelectionRecord.safeParse(value);
      if (!r.success)
        throw new Error(
          `${path}:${n}: not a selection record (${r.error.issues[0]?.path.join(".")}: ${r.error.issues[0]?.message})`,
        );
      return r.data;
    });
}
