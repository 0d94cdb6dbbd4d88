// Measures the event loop's own stalls, so message limits can tell a sender's flood from a backlog: while the loop is
// blocked (a heavy tick, a garbage collection) sockets keep receiving, and the queued messages are handed over all at
// once when it turns again. A 20 ms beat notes how late it runs; the time the loop has not turned is a stall.
// Started by the first room (frameGuard.ts); read by sendRate.ts. Times in milliseconds on performance.now().

/** How often the beat runs. */
export const BEAT_MS = 20;
/** Lateness below this is ordinary jitter, not a stall. */
export const STALL_THRESHOLD_MS = 50;
/** A stall is remembered this long after the loop turned again (its backlog is handed over within it). */
export const STALL_MEMORY_MS = 1000;

let lastBeat = performance.now();
let lastStallMs = 0;
let stallEndedAt = -Infinity;
let timer: ReturnType<typeof setInterval> | null = null;

/** Starts the beat (once per process; it never keeps the process alive). */
export function startStallClock(): void {
  if (timer) return;
  lastBeat = performance.now();
  timer = setInterval(() => {
    const t = performance.now();
    const late = t - lastBeat - BEAT_MS;
    if (late > STALL_THRESHOLD_MS) {
      lastStallMs = late;
      stallEndedAt = t;
    }
    lastBeat = t;
  }, BEAT_MS);
  timer.unref();
}

/**
 * Milliseconds the event loop has just been stalled, as seen at `t`: the stall now being caught up on (the beat has
 * not run for that long), else the last one measured if it ended within STALL_MEMORY_MS, else 0.
 */
export function recentStallMs(t = performance.now()): number {
  if (!timer) return 0;
  const unturned = t - lastBeat - BEAT_MS;
  const ongoing = unturned > STALL_THRESHOLD_MS ? unturned : 0;
  const past = t - stallEndedAt <= STALL_MEMORY_MS ? lastStallMs : 0;
  return Math.max(ongoing, past);
}
