// `llm4cov rounds`: how an agentic run's results depend on the round cap (the sample's outcome
// had it stopped after round c: its best state up to c), and what each round's transitions did
// relative to their true input states.
import { computeMetrics, groupSampleRounds } from "../metrics/summary.js";
import type { Ledger } from "../store/ledger.js";
import { roundPoints } from "../store/run-reader.js";
import { improvementOf, type Improvement } from "./parse.js";

export interface CapRow {
  cap: number;
  cov_pass_at1: number;
  cov_pass_atk: number;
  avg_cov_at1: number;
  avg_cov_atk: number;
  sim_pass_at1: number;
  /** Samples whose best coverage rose when the cap went from cap-1 to cap. */
  best_improved: number;
}

export interface RoundRow {
  round: number;
  /** Transitions made in this round (a sample stops early at full coverage). */
  transitions: number;
  by_improvement: Record<Improvement, number>;
  mean_gain: number;
}

export interface RoundsReport {
  run: string;
  mode: string;
  tasks: number;
  samples: number;
  k: number;
  caps: CapRow[];
  rounds: RoundRow[];
}

export function roundsReport(ledger: Ledger, run: string): RoundsReport {
  const cfg = ledger.config<{ mode?: string; samples?: number }>();
  const points = roundPoints(ledger);
  const rounds = new Map<number, { n: number; gain: number; by: Record<Improvement, number> }>();
  for (const p of points) {
    let r = rounds.get(p.round);
    if (!r)
      rounds.set(p.round, (r = { n: 0, gain: 0, by: { fail_to_pass: 0, gain: 0, none: 0, regression: 0 } }));
    const status = (st: string | null, pe: string | null) => st ?? (pe ? "no_testbench" : null);
    const input =
      p.input_state_id === null
        ? null
        : { status: status(p.in_status, p.in_parse_error), score: p.in_score ?? 0 };
    r.n++;
    r.gain += p.score - (input?.score ?? 0);
    r.by[improvementOf(input, { status: status(p.out_status, p.parse_error), score: p.score })]++;
  }
  const all = groupSampleRounds(points);
  const maxRound = Math.max(0, ...rounds.keys());
  const caps: CapRow[] = [];
  let k = 1;
  const perRound = all.length ? computeMetrics(all, cfg.samples).per_round : [];
  for (let cap = 0; cap <= maxRound && all.length; cap++) {
    const cut = all.map((s) => ({ ...s, rounds: s.rounds.filter((r) => r.round <= cap) }));
    const m = computeMetrics(cut, cfg.samples);
    k = m.metrics.cov_pass.k;
    caps.push({
      cap,
      cov_pass_at1: m.metrics.cov_pass.at1,
      cov_pass_atk: m.metrics.cov_pass.atk,
      avg_cov_at1: m.metrics.avg_cov.at1,
      avg_cov_atk: m.metrics.avg_cov.atk,
      sim_pass_at1: m.metrics.sim_pass.at1,
      best_improved: perRound[cap]?.improved ?? 0,
    });
  }
  return {
    run,
    mode: cfg.mode ?? "unknown",
    tasks: new Set(all.map((s) => s.taskId)).size,
    samples: all.length,
    k,
    caps,
    rounds: [...rounds.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([round, r]) => ({
        round,
        transitions: r.n,
        by_improvement: r.by,
        mean_gain: r.n ? r.gain / r.n : 0,
      })),
  };
}

const p = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(9);

export function formatRounds(r: RoundsReport): string {
  const lines = [
    `${r.run}: ${r.mode}, ${r.tasks} tasks, ${r.samples} samples (pass@k with k=${r.k})`,
    "",
    `${"cap".padEnd(5)}${["CovP@1", `CovP@${r.k}`, "AvgCov@1", `AvgCov@${r.k}`, "SimP@1"].map((h) => h.padStart(9)).join("")}  best rose`,
    ...r.caps.map(
      (c) =>
        `${String(c.cap).padEnd(5)}${p(c.cov_pass_at1)}${p(c.cov_pass_atk)}${p(c.avg_cov_at1)}${p(c.avg_cov_atk)}${p(c.sim_pass_at1)}  ${String(c.best_improved).padStart(9)}`,
    ),
    "",
    `${"round".padEnd(7)}${["trans.", "gain", "fail>pass", "none", "regress", "mean gain"].map((h) => h.padStart(10)).join("")}`,
    ...r.rounds.map(
      (x) =>
        `${String(x.round).padEnd(7)}${[
          x.transitions,
          x.by_improvement.gain,
          x.by_improvement.fail_to_pass,
          x.by_improvement.none,
          x.by_improvement.regression,
        ]
          .map((v) => String(v).padStart(10))
          .join("")}${x.mean_gain.toFixed(4).padStart(10)}`,
    ),
  ];
  return lines.join("\n");
}
