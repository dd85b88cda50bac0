// Several endpoints serving one model (e.g. a vLLM replica per GPU node) behind one LlmProvider.
// Load goes to the least busy endpoint; a call that an endpoint cannot serve after its own retries
// moves to another endpoint instead of failing the sample.

import { classifyError } from "./retry.js";
import { LlmCallError, type ChatRequest, type ChatResponse, type LlmProvider } from "./types.js";

export interface EndpointPoolOptions {
  /**
   * After an endpoint fails a call with a retryable error, skip it for this long unless every
   * endpoint is cooling (default 30 s). Without it a dead endpoint, which fails fast and so always
   * has the fewest requests in flight, would attract every new call first.
   */
  cooldownMs?: number;
  label?: string;
  now?: () => number;
}

interface Slot {
  provider: LlmProvider;
  /** Calls this pool has on the endpoint; counted here so balancing does not depend on how each provider counts. */
  inFlight: number;
  coolUntil: number;
}

export class EndpointPool implements LlmProvider {
  readonly label: string;
  readonly model: string;
  private readonly slots: Slot[];
  private readonly cooldownMs: number;
  private readonly now: () => number;
  /** Where the round-robin tie-break starts next. */
  private cursor = 0;

  constructor(providers: LlmProvider[], options: EndpointPoolOptions = {}) {
    const first = providers[0];
    if (!first) throw new Error("EndpointPool needs at least one provider");
    this.slots = providers.map((provider) => ({ provider, inFlight: 0, coolUntil: 0 }));
    this.model = first.model;
    this.label = options.label ?? `pool(${providers.length})/${first.model}`;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** Labels of the endpoints, in order (for progress display). */
  endpoints(): string[] {
    return this.slots.map((s) => s.provider.label);
  }

  inFlight(): number {
    return this.slots.reduce((sum, s) => sum + s.provider.inFlight(), 0);
  }

  /** Least in flight among untried endpoints, healthy ones first; ties go round robin. */
  private pick(tried: Set<number>): number {
    const now = this.now();
    const n = this.slots.length;
    let best = -1;
    let bestKey: [number, number] = [Infinity, Infinity];
    for (let k = 0; k < n; k++) {
      const i = (this.cursor + k) % n;
      if (tried.has(i)) continue;
      const slot = this.slots[i]!;
      const key: [number, number] = [slot.coolUntil > now ? 1 : 0, slot.inFlight];
      if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
        best = i;
        bestKey = key;
      }
    }
    this.cursor = (best + 1) % n;
    return best;
  }

  async complete(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
    const tried = new Set<number>();
    // Failed attempts on endpoints already given up on, so the caller sees the true retry count.
    let failedAttempts = 0;
    let last: LlmCallError | undefined;
    while (tried.size < this.slots.length) {
      const index = this.pick(tried);
      tried.add(index);
      const slot = this.slots[index]!;
      slot.inFlight++;
      try {
        const response = await slot.provider.complete(request, signal);
        slot.coolUntil = 0;
        return { ...response, retries: response.retries + failedAttempts };
      } catch (err) {
        const c = classifyError(err, signal);
        const retriesHere = err instanceof LlmCallError ? err.retries : 0;
        const message = err instanceof Error ? err.message : String(err);
        const error = new LlmCallError(
          message,
          c.kind,
          failedAttempts + retriesHere,
          err instanceof LlmCallError ? err.endpoint : slot.provider.label,
          c.status,
        );
        // A permanent failure (bad request, bad key) would fail on every endpoint alike.
        if (!c.retryable) throw error;
        failedAttempts += retriesHere + 1;
        slot.coolUntil = this.now() + this.cooldownMs;
        last = error;
      } finally {
        slot.inFlight--;
      }
    }
    throw new LlmCallError(
      `${this.label}: all ${this.slots.length} endpoints failed; last: ${last?.message ?? "unknown"}`,
      last?.kind ?? "transient",
      failedAttempts - 1,
      this.label,
      last?.status,
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.provider.close?.()));
  }
}
