// The retention rule: classroom results older than RETENTION_DAYS (default 30) are deleted on startup and every 6 hours.
// Called by server/main.ts with the opened store; the timer is unref'd so it never keeps the process alive.

import type { ResultsStore } from "./resultsStore.ts";

export const DEFAULT_RETENTION_DAYS = 30;
export const RETENTION_SWEEP_MS = 6 * 60 * 60 * 1000;

/** Reads RETENTION_DAYS: a positive number of days, or the default when unset; null when it is not a valid number. */
export function parseRetentionDays(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === "") return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  return Number.isFinite(days) && days > 0 ? days : null;
}

export interface RetentionOptions {
  days: number;
  everyMs?: number;
  now?: () => Date;
  /** Told how many sessions each sweep deleted (main.ts logs it when it is not zero). */
  onSweep?: (deleted: number) => void;
}

/** Sweeps once now, then on a timer; returns a function that stops the timer. */
export function startRetention(store: ResultsStore, options: RetentionOptions): () => void {
  const now = options.now ?? (() => new Date());
  const sweep = () => {
    store.deleteOlderThan(options.days, now()).then(
      (deleted) => options.onSweep?.(deleted),
      (err: unknown) => console.error(`Deleting old classroom results failed: ${(err as Error).message}`),
    );
  };
  sweep();
  const timer = setInterval(sweep, options.everyMs ?? RETENTION_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
