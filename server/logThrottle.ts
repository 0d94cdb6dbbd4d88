// Keeps one sender from flooding the server's log: what is logged while a client's message is being handled goes
// through a throttle keyed by that sender (its address), at most one line per sender per interval, and the next
// line says how many were held back. Everything else is logged as before. Used by rooms/frameGuard.ts.

import { format } from "node:util";

export const LOG_INTERVAL_MS = 10_000;
/** Most senders remembered at once (the oldest are forgotten first). */
const MAX_SENDERS = 1000;

interface Entry { at: number; held: number }

export class LogThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly write: (line: string) => void;
  private readonly intervalMs: number;
  private readonly now: () => number;
  /** Lines written so far (tests). */
  written = 0;

  constructor(write: (line: string) => void, intervalMs = LOG_INTERVAL_MS, now: () => number = Date.now) {
    this.write = write;
    this.intervalMs = intervalMs;
    this.now = now;
  }

  /** Logs `line` for `sender` unless it already logged within the interval (then counts it). True when written. */
  note(sender: string, line: string): boolean {
    const t = this.now();
    const e = this.entries.get(sender);
    if (e && t - e.at < this.intervalMs) {
      e.held++;
      return false;
    }
    const held = e?.held ?? 0;
    this.entries.delete(sender);
    if (this.entries.size >= MAX_SENDERS) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(sender, { at: t, held: 0 });
    const more = held > 0 ? ` (and ${held} more from this sender since the last line)` : "";
    this.written++;
    this.write(`[sender ${sender}] ${line.split("\n")[0].slice(0, 300)}${more}`);
    return true;
  }
}

const original = { error: console.error.bind(console), warn: console.warn.bind(console) };
export const senderLog = new LogThrottle((line) => original.error(line));
let sender: string | null = null;
let hooked = false;

/** Runs `fn` (a message's handling) with whatever it logs throttled as coming from `from`. */
export function attributeLogs<T>(from: string, fn: () => T): T {
  if (!hooked) {
    hooked = true;
    console.error = (...args: unknown[]) => (sender !== null ? void senderLog.note(sender, format(...args)) : original.error(...args));
    console.warn = (...args: unknown[]) => (sender !== null ? void senderLog.note(sender, format(...args)) : original.warn(...args));
  }
  const outer = sender;
  sender = from;
  try {
    return fn();
  } finally {
    sender = outer;
  }
}
