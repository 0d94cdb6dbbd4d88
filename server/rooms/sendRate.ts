// A sender's allowance judged by its sending, not by when its messages reach us: a token bucket of `perSecond`
// tokens refilled by the clock, holding `burst` at most, except that right after an event-loop stall (stallClock.ts)
// it also holds what the sender earned during the stall (up to MAX_STALL_FORGIVEN_MS), because the messages it sent
// meanwhile arrive all at once. A steady sender under the rate is never refused however long the loop stalled (up
// to that bound); a flood drains the bucket within a second or two. Used by frameGuard.ts, messageBudget.ts and
// microscopeQuestions.ts.

import { recentStallMs } from "./stallClock.ts";

/** The longest stall whose backlog is forgiven (the model thread and the restart cooldown keep real ones far shorter). */
export const MAX_STALL_FORGIVEN_MS = 5000;

export interface SendRateOptions {
  perSecond: number;
  burst: number;
  /** Milliseconds clock (tests pin it). */
  now?: () => number;
  /** The stall just seen, in ms (tests give their own). */
  stallMs?: (t: number) => number;
}

export class SendRate {
  private tokens: number;
  private at: number;
  private readonly perMs: number;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly stallMs: (t: number) => number;

  constructor(options: SendRateOptions) {
    this.perMs = options.perSecond / 1000;
    this.burst = options.burst;
    this.now = options.now ?? (() => performance.now());
    this.stallMs = options.stallMs ?? recentStallMs;
    this.tokens = this.burst;
    this.at = this.now();
  }

  /** Takes one token; false when the sender is past its rate (nothing is taken then). */
  take(): boolean {
    const t = this.now();
    const forgiven = Math.min(this.stallMs(t), MAX_STALL_FORGIVEN_MS) * this.perMs;
    const cap = this.burst + forgiven;
    this.tokens = Math.min(cap, this.tokens + Math.max(0, t - this.at) * this.perMs);
    this.at = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One SendRate per key (a client's session id), forgotten when the client leaves. */
export class SendRates {
  private readonly rates = new Map<string, SendRate>();
  private readonly options: SendRateOptions;

  constructor(options: SendRateOptions) {
    this.options = options;
  }

  take(key: string): boolean {
    let r = this.rates.get(key);
    if (!r) this.rates.set(key, (r = new SendRate(this.options)));
    return r.take();
  }

  has(key: string): boolean {
    return this.rates.has(key);
  }

  forget(key: string): void {
    this.rates.delete(key);
  }
}
