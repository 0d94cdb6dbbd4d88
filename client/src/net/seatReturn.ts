// Bringing a dropped page back to its seat with the reconnection token it holds, after the SDK's own retries ran
// out. A class holds a student's seat for the whole round (server/rooms/classroom/seatHold.ts), so a class's page
// keeps trying, with backoff, until the server answers that the seat is no longer there; a page that becomes visible
// again or comes back online tries at once (a Chromebook waking from sleep), and so does one whose student presses
// "Try now" (plan.tryNow). A solo page tries a few times, as long as its room waits. Used by GameSession.handleLeave.

/** What wakes a waiting page: its window ("visibilitychange", "online"), whose document says if it is visible. */
export interface WakeSource {
  addEventListener(type: string, cb: () => void): void;
  removeEventListener(type: string, cb: () => void): void;
  readonly document?: { readonly visibilityState: string };
}

/** How a page tries to come back to its seat. */
export interface ReturnPlan<T> {
  /** One attempt with the token (the SDK's client.reconnect). */
  attempt(): Promise<T>;
  /** True once the page left on purpose: no more attempts. */
  stopped(): boolean;
  /** Keep trying until the server refuses the token (a class's held seat), not just a few times. */
  untilRefused: boolean;
  /** Told before each attempt (1, 2, …) and when the next is due, ms from now (0: at once, woken). */
  onAttempt?(attempt: number, nextInMs: number): void;
  /** Told as attempt `attempt` goes out. */
  onTrying?(attempt: number): void;
  /** Told the server's refusal, when it answers that the seat is gone (untilRefused plans). */
  onRefused?(err: unknown): void;
  /** Given, for the time the plan runs, the function that ends the current wait at once ("Try now"); then a no-op. */
  tryNow?(now: () => void): void;
  /** Where "visibilitychange" and "online" are heard (the page's window); none in tests without a DOM. */
  wake?: WakeSource;
  /** Waits this long (ms) or until woken; setTimeout by default (tests shorten it). */
  sleep?(ms: number, woken: Promise<void>): Promise<void>;
}

/** Attempts a page with a short wait makes (its room waits RESUME_WINDOW_SECONDS, 60 s), and the longest backoff between them, ms. */
export const FEW_ATTEMPTS = 8;
export const FEW_MAX_DELAY_MS = 8000;
/** A class's page: the longest backoff between attempts, ms (a waking device also tries at once). */
export const HELD_MAX_DELAY_MS = 15_000;
/** A class's page gives up after this many attempts even if never refused: at 15 s apart, longer than any seat hold a server allows (10 hours). */
export const HELD_MAX_ATTEMPTS = 2600;

/** How old a class's stored token may be and still be tried after a reload, seconds: longer than any seat hold (the server decides). */
export const HELD_TOKEN_MAX_AGE_S = 11 * 3600;

/**
 * Whether an attempt's error is the server's answer that the seat is gone (Colyseus' matchmaking errors: the room or
 * the token is unknown or expired, 520–526 except a server shutting down, or a 4xx), rather than no answer at all (the
 * network is down, the server restarting: try again).
 */
export function seatRefused(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== "number") return false;
  return (code >= 400 && code < 500) || (code >= 520 && code <= 526);
}

/** The wait before attempt `n` (1-based), ms: doubling from 1 s up to the plan's cap. */
export function backoffMs(n: number, untilRefused: boolean): number {
  return Math.min(1000 * 2 ** (n - 1), untilRefused ? HELD_MAX_DELAY_MS : FEW_MAX_DELAY_MS);
}

// wall time: the backoff between two attempts to get the seat back
const defaultSleep = (ms: number, woken: Promise<void>) => Promise.race([new Promise<void>((r) => setTimeout(r, ms)), woken]);

/** Tries the plan's attempts with backoff; the new room, or null once refused, stopped or out of attempts. */
export async function returnToSeat<T>(plan: ReturnPlan<T>): Promise<T | null> {
  const max = plan.untilRefused ? HELD_MAX_ATTEMPTS : FEW_ATTEMPTS;
  const sleep = plan.sleep ?? defaultSleep;
  let wakeNow: () => void = () => {};
  /** Set by a wake that came while no wait was running (during an attempt): the next attempt goes at once. */
  let woken = false;
  const wakeUp = () => { woken = true; wakeNow(); };
  const onWake = () => { if (plan.wake?.document?.visibilityState !== "hidden") wakeUp(); };
  plan.wake?.addEventListener("visibilitychange", onWake);
  plan.wake?.addEventListener("online", onWake);
  plan.tryNow?.(wakeUp);
  try {
    for (let n = 1; n <= max && !plan.stopped(); n++) {
      const wait = woken ? 0 : backoffMs(n, plan.untilRefused);
      plan.onAttempt?.(n, wait);
      if (wait > 0) await sleep(wait, new Promise<void>((r) => { wakeNow = r; }));
      woken = false;
      wakeNow = () => {};
      if (plan.stopped()) return null;
      try {
        plan.onTrying?.(n);
        return await plan.attempt();
      } catch (err) {
        if (plan.untilRefused && seatRefused(err)) { plan.onRefused?.(err); return null; }
      }
    }
    return null;
  } finally {
    plan.tryNow?.(() => {});
    plan.wake?.removeEventListener("visibilitychange", onWake);
    plan.wake?.removeEventListener("online", onWake);
  }
}
