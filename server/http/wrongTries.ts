// How a wrong join code or host secret is answered. Only wrong tries spend the address's budget (rateLimiter.ts),
// and a right code or secret is always answered at once, whatever the budget: a class behind one school address
// is never shut out by someone else's guesses. A wrong try from an address with no budget left is answered 429
// only after a delay, so guessing stays slow however many requests are sent: never sooner (a quicker refusal of
// wrong codes alone would tell them from the right one), and the connection is held meanwhile, so the cap on
// connections per address bounds how many answers one address can wait for at once.
// The budget is this process's rateLimiter.ts, or one shared by every process through Redis (cluster/sharedTries.ts).
// Used by classroomRoutes.ts and matchmakeGuard.ts.

import type { ServerResponse } from "node:http";
import { TOO_MANY_TRIES, type RateLimiter } from "./rateLimiter.ts";

export interface WrongTries {
  /**
   * A wrong try from `key`: with budget left it is spent and `answer` runs now; without, `res` gets 429 after the
   * delay (`shape` "colyseus" answers in Colyseus' {code, error} shape, "api" in the routes' {ok, error}).
   */
  wrong(key: string, res: ServerResponse, answer: () => void, shape?: "colyseus" | "api"): void;
  /** Delayed answers waiting now (tests). */
  readonly waiting: number;
}

/** Wrong tries per address: answers now (a plain limiter) or after a round trip (a budget shared by several processes). */
export interface TryBudget {
  /** Spends one of `key`'s tries if it has one left (true); false, spending nothing, when it has none. */
  take(key: string): boolean | Promise<boolean>;
  /** Seconds until `key` has a try again. */
  retryAfterSeconds(key: string): number | Promise<number>;
}

/** This process's limiter as a budget. */
export function localBudget(limiter: RateLimiter): TryBudget {
  return {
    take: (key) => limiter.allows(key) && (limiter.spend(key), true),
    retryAfterSeconds: (key) => limiter.retryAfterSeconds(key),
  };
}

export function createWrongTries(limiter: RateLimiter | TryBudget, delayMs: number): WrongTries {
  const budget = "take" in limiter ? limiter : localBudget(limiter);
  let waiting = 0;
  const refuse = (key: string, res: ServerResponse, shape: "colyseus" | "api") => {
    if (res.destroyed || res.writableEnded) return;
    const write = (seconds: number) => {
      if (res.destroyed || res.writableEnded) return;
      const body = JSON.stringify(shape === "colyseus" ? { code: 429, error: TOO_MANY_TRIES } : { ok: false, error: TOO_MANY_TRIES });
      res.writeHead(429, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(body),
        "retry-after": String(Math.max(1, seconds)),
      });
      res.end(body);
    };
    const seconds = budget.retryAfterSeconds(key);
    if (typeof seconds === "number") write(seconds);
    else seconds.then(write, () => write(60));
  };
  const hold = (key: string, res: ServerResponse, shape: "colyseus" | "api") => {
    waiting++;
    const timer = setTimeout(() => {
      res.off("close", cancel);
      waiting--;
      refuse(key, res, shape);
    }, delayMs);
    const cancel = () => {
      clearTimeout(timer);
      waiting--;
    };
    res.once("close", cancel);
  };
  return {
    wrong(key, res, answer, shape = "api") {
      const spent = budget.take(key);
      if (spent === true) return answer();
      if (spent === false) return hold(key, res, shape);
      // A budget that fails counts as spent up: wrong tries wait rather than go unchecked.
      spent.then((ok) => (ok ? answer() : hold(key, res, shape)), () => hold(key, res, shape));
    },
    get waiting() {
      return waiting;
    },
  };
}
