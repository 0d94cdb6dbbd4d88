// Progress of a running experiment on stderr: which seeds are running and how far, at most a few updates a second
// (rewritten in place on a terminal, one line every few seconds otherwise), and a final line with the elapsed time.
// Called by main.ts from the pool's progress and result events.

export interface ProgressOptions {
  seeds: readonly number[];
  days: number;
  workers: number;
  write: (text: string) => void;
  tty: boolean;
  /** Terminal width: a line is cut to fit so rewriting it in place works. */
  columns?: number;
  now?: () => number;
  /** Least time between two updates, ms. */
  intervalMs?: number;
}

export class Progress {
  private readonly opts: ProgressOptions;
  private readonly now: () => number;
  private readonly interval: number;
  private readonly start: number;
  private readonly running = new Map<number, number>(); // seed → fraction done
  private done = 0;
  private last = -Infinity;
  private drawn = false;

  constructor(opts: ProgressOptions) {
    this.opts = opts;
    this.now = opts.now ?? (() => performance.now());
    this.interval = opts.intervalMs ?? (opts.tty ? 250 : 2000);
    this.start = this.now();
  }

  update(seed: number, tick: number, total: number): void {
    this.running.set(seed, total > 0 ? tick / total : 1);
    this.maybeDraw();
  }

  seedDone(seed: number): void {
    this.running.delete(seed);
    this.done++;
    this.maybeDraw();
  }

  /** The line as it stands now, e.g. "seed 3/20 day 4.5/10 · seed 4/20 day 3.0/10 · 2/20 done · 12.0 s"
   *  (with --seed-start 10: "seed 12 (3/20) day 4.5/10"). */
  line(): string {
    const { seeds, days } = this.opts;
    const decimals = days < 1 ? 2 : 1;
    const parts = [...this.running.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([seed, f]) => {
        const k = seeds.indexOf(seed) + 1;
        const which = seed === k ? `seed ${seed}/${seeds.length}` : `seed ${seed} (${k}/${seeds.length})`;
        return `${which} day ${(f * days).toFixed(decimals)}/${days}`;
      });
    parts.push(`${this.done}/${seeds.length} done`, `${this.elapsedS().toFixed(1)} s`);
    return parts.join(" · ");
  }

  finish(): string {
    const { seeds, days, workers } = this.opts;
    const text = `done: ${seeds.length} seed${seeds.length === 1 ? "" : "s"} × ${days} days in ${this.elapsedS().toFixed(1)} s with ${workers} worker${workers === 1 ? "" : "s"}`;
    this.opts.write((this.drawn && this.opts.tty ? "\r\x1b[K" : "") + text + "\n");
    return text;
  }

  private elapsedS(): number {
    return (this.now() - this.start) / 1000;
  }

  private maybeDraw(): void {
    const t = this.now();
    if (t - this.last < this.interval) return;
    this.last = t;
    this.drawn = true;
    const text = this.line();
    const cols = this.opts.columns ?? 0;
    this.opts.write(this.opts.tty ? `\r\x1b[K${cols > 1 && text.length >= cols ? text.slice(0, cols - 2) + "…" : text}` : `${text}\n`);
  }
}
