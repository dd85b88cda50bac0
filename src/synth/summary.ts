// The end of a synthesis stage: counts read back from the ledger (so a resumed run counts
// everything it holds), written to <out>/synth-summary.json and printed as a table.
import { llmCallTotals, simJobTotals, unfinishedSamples } from "../store/eval-queries.js";
import type { Ledger } from "../store/ledger.js";
import { policyModel, type ResolvedStage } from "./config.js";
import { rolePolicy, type Lineage } from "./lineage.js";
import { REJECT_REASONS, type ReasonCounts } from "./rejection.js";
import { SPLITS, type SplitCounts } from "./selection.js";
import { synthCounts } from "./store.js";
import { pct, textTable } from "../report/text.js";

export interface DraftStats {
  /** The run the drafts come from (null: a selection file). */
  run: string | null;
  /** Repositories whose drafts were considered. */
  tasks: number;
  drafts: number | null;
  /** Repositories still missing drafts (infrastructure failures): selected on --resume. */
  waiting: number;
  /** Repositories that yielded no state (every draft at full coverage). */
  empty: number;
}

export interface SynthSummary {
  run_dir: string;
  stage: number;
  trace_type: string;
  state_model: string;
  transition_model: string;
  strategy: string;
  k: number;
  delta: number;
  min_coverage: number;
  drafts: DraftStats;
  selected: { total: number; done: number; by_split: SplitCounts };
  candidates: number;
  accepted: number;
  /** Accepted / decided selected states (at most one transition is kept per state). */
  yield: number;
  accepted_by_split: SplitCounts;
  improvements: { fail_to_pass: number; gain: number };
  gain: { mean: number; min: number; max: number } | null;
  rejections: ReasonCounts;
  samples_failed: number;
  failures: { sample_id: string; error: string }[];
  llm: { calls: number; failed: number };
  sim: { jobs: number; seconds: number };
  lineage: Lineage | null;
  wall_seconds: number;
}

const splits = (r: Record<string, number>) =>
  Object.fromEntries(SPLITS.map((s) => [s, r[s] ?? 0])) as SplitCounts;

export function summarizeSynth(
  ledger: Ledger,
  st: ResolvedStage,
  drafts: DraftStats,
  started: number,
): SynthSummary {
  const c = st.config;
  const n = synthCounts(ledger);
  const failures = unfinishedSamples(ledger);
  const llm = llmCallTotals(ledger);
  const sim = simJobTotals(ledger);
  const by = splits(n.selected);
  return {
    run_dir: st.out,
    stage: c.stage,
    trace_type: st.traceType,
    state_model: policyModel(rolePolicy(st, c.state_model)),
    transition_model: policyModel(rolePolicy(st, c.transition_model)),
    strategy: c.drafts.selection ? "from selection file" : c.selection.strategy,
    k: c.k,
    delta: c.delta,
    min_coverage: st.minCoverage,
    drafts,
    selected: { total: Object.values(by).reduce((a, b) => a + b, 0), done: n.selectedDone, by_split: by },
    candidates: n.candidates,
    accepted: n.accepted,
    yield: n.selectedDone ? n.accepted / n.selectedDone : 0,
    accepted_by_split: splits(n.acceptedBySplit),
    improvements: { fail_to_pass: n.improvements.fail_to_pass ?? 0, gain: n.improvements.gain ?? 0 },
    gain: n.gain,
    rejections: Object.fromEntries(REJECT_REASONS.map((r) => [r, n.reasons[r] ?? 0])) as ReasonCounts,
    samples_failed: failures.length,
    failures: failures.slice(0, 50).map((f) => ({ sample_id: f.sample_id, error: f.error ?? "interrupted" })),
    llm: { calls: llm.calls, failed: llm.failed },
    sim: { jobs: sim.jobs, seconds: sim.ms / 1000 },
    lineage: ledger.getMeta<Lineage>("lineage"),
    wall_seconds: (Date.now() - started) / 1000,
  };
}

export function formatSynthSummary(s: SynthSummary): string {
  const out: string[] = [];
  out.push(
    `Synthesis stage ${s.stage} (${s.trace_type}): states by ${s.state_model}, transitions by ${s.transition_model}; ` +
      `selection ${s.strategy}, k=${s.k}, delta=${s.delta}, min coverage ${pct(s.min_coverage)}`,
  );
  const d = s.drafts;
  out.push(
    `Drafts: ${d.drafts ?? "?"} states of ${d.tasks} repositories${d.run ? ` (${d.run})` : ""}` +
      (d.empty ? `; ${d.empty} repositories had nothing to improve` : "") +
      (d.waiting ? `; ${d.waiting} repositories still miss drafts (--resume)` : ""),
  );
  out.push("");
  out.push(
    textTable([
      ["split", "selected", "accepted"],
      ...SPLITS.filter((x) => s.selected.by_split[x] || s.accepted_by_split[x]).map((x) => [
        x,
        String(s.selected.by_split[x]),
        String(s.accepted_by_split[x]),
      ]),
      ["total", String(s.selected.total), String(s.accepted)],
    ]),
  );
  out.push("");
  out.push(
    `Candidates: ${s.candidates} decided; accepted ${s.accepted} (${pct(s.yield)} of ${s.selected.done} decided states; ` +
      `${s.improvements.gain} gain, ${s.improvements.fail_to_pass} fail->pass)` +
      (s.gain
        ? `; accepted gain mean ${pct(s.gain.mean)}, min ${pct(s.gain.min)}, max ${pct(s.gain.max)}`
        : ""),
  );
  out.push(
    textTable([["rejection", "candidates"], ...Object.entries(s.rejections).map(([r, n]) => [r, String(n)])]),
  );
  out.push("");
  out.push(
    `LLM: ${s.llm.calls} calls, ${s.llm.failed} failed; simulator: ${s.sim.jobs} jobs, ${s.sim.seconds.toFixed(1)} s; wall ${s.wall_seconds.toFixed(1)} s`,
  );
  if (s.failures.length) {
    out.push(`Failed states (rerun with --resume to retry them):`);
    for (const f of s.failures.slice(0, 5)) out.push(`  ${f.sample_id}: ${f.error}`);
  }
  out.push(`Run directory: ${s.run_dir} (ledger.sqlite, selection.jsonl, synth-summary.json)`);
  return out.join("\n");
}
