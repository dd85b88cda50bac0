// Progress for long work: a bar on a TTY, JSON lines otherwise (one every `intervalMs`).
// Shows done/total, LLM and simulator waiting/running counts, rate and ETA.
import cliProgress from "cli-progress";

export interface ProgressSnapshot {
  done: number;
  total: number;
  failed: number;
  llmWaiting: number;
  llmRunning: number;
  simWaiting: number;
  simRunning: number;
}

export interface ProgressOptions {
  isTTY: boolean;
  write: (line: string) => void;
  stream?: NodeJS.WritableStream;
  intervalMs?: number;
  label?: string;
  now?: () => number;
}

export class ProgressReporter {
  private bar?: cliProgress.SingleBar;
  private timer?: NodeJS.Timeout;
  private readonly started: number;
  private last: ProgressSnapshot = {
    done: 0,
    total: 0,
    failed: 0,
    llmWaiting: 0,
    llmRunning: 0,
    simWaiting: 0,
    simRunning: 0,
  };

  constructor(
    private readonly poll: () => ProgressSnapshot,
    private readonly opts: ProgressOptions,
  ) {
    const now = opts.now ?? Date.now;
    this.started = now();
    if (opts.isTTY) {
      this.bar = new cliProgress.SingleBar(
        {
          format: `${opts.label ?? "eval"} {bar} {value}/{total} | LLM {llm} | sim {sim} | {rate}/min | ETA {eta_formatted}{failed}`,
          stream: opts.stream ?? process.stderr,
          hideCursor: true,
          etaBuffer: 50,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(1, 0, this.payload(this.last));
    }
    this.timer = setInterval(() => this.refresh(), opts.intervalMs ?? (opts.isTTY ? 250 : 5000));
    this.timer.unref();
  }

  private rate(s: ProgressSnapshot): number {
    const minutes = ((this.opts.now ?? Date.now)() - this.started) / 60_000;
    return minutes > 0 ? s.done / minutes : 0;
  }

  private payload(s: ProgressSnapshot) {
    return {
      llm: `${s.llmRunning} running ${s.llmWaiting} waiting`,
      sim: `${s.simRunning} running ${s.simWaiting} waiting`,
      rate: this.rate(s).toFixed(1),
      failed: s.failed ? ` | ${s.failed} infra errors` : "",
    };
  }

  /** Reads the current counts and redraws (TTY) or prints a JSON line (otherwise). */
  refresh(final = false): void {
    const s = (this.last = this.poll());
    if (this.bar) {
      this.bar.setTotal(Math.max(1, s.total));
      this.bar.update(s.done, this.payload(s));
      return;
    }
    const rate = this.rate(s);
    const eta = rate > 0 && s.total >= s.done ? Math.round(((s.total - s.done) / rate) * 60) : null;
    this.opts.write(
      JSON.stringify({
        event: final ? "progress_end" : "progress",
        label: this.opts.label ?? "eval",
        done: s.done,
        total: s.total,
        failed: s.failed,
        llm: { waiting: s.llmWaiting, running: s.llmRunning },
        sim: { waiting: s.simWaiting, running: s.simRunning },
        rate_per_min: Number(rate.toFixed(2)),
        eta_s: eta,
      }),
    );
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.refresh(true);
    this.bar?.stop();
  }
}
