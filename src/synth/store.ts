// The synthesis side of the run ledger, typed for src/synth. The SQL is in
// src/store/synth-store.ts; this file narrows its plain-string columns to synthesis types.
// Layout (docs/synthesis.md): one sample per selected state; its input copy `<sample>:in`; candidate
// j as state `<sample>:c<j>:s`, transition `<sample>:c<j>:t`, call `<sample>:c<j>:transition_model`.
import type { Ledger } from "../store/ledger.js";
import {
  acceptedTransitions as storedAccepted,
  type AcceptedTransition as StoredAccepted,
} from "../store/synth-store.js";
import type { Improvement } from "./rejection.js";
import type { Split } from "./selection.js";
import type { TraceType } from "./config.js";

export {
  candidateIds,
  inputStateId,
  recordDecisions,
  recordSelected,
  synthCounts,
  type SelectedRow,
  type SynthCounts,
} from "../store/synth-store.js";

/** What the `synth` meta entry holds: everything curation needs to label rows of this run. */
export interface SynthMeta {
  kind: "synth";
  stage: number;
  trace_type: TraceType;
  state_model: string;
  transition_model: string;
  teacher: string;
  student: string | null;
  strategy: string;
  k: number;
  delta: number;
  min_coverage: number;
  allow_metric_drop: boolean;
}

export { readStateRow, type StateRow } from "../store/ledger.js";

/** One accepted transition, with what a curated row needs (src/curate/row.ts). */
export type AcceptedTransition = Omit<StoredAccepted, "split" | "improvement"> & {
  split: Split;
  improvement: Improvement;
};

/** The accepted transitions of a synthesis ledger (stage and trace type: ledger.getMeta("synth")). */
export function acceptedTransitions(ledger: Ledger): AcceptedTransition[] {
  // The ledger only ever holds what src/synth wrote, so the narrowing holds.
  return storedAccepted(ledger) as AcceptedTransition[];
}
