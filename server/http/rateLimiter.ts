// Token buckets keyed by client address: each key holds up to `capacity` tokens, refilled at `capacity` per
// `windowMs`. Two uses (server/app.ts): wrong join codes and host secrets (wrongTries.ts spends a token only for a
// wrong try, so a whole class joining from one school address is never slowed down) and seat reservations per
// address (matchmakeGuard.ts spends one per joinById).

export interface RateLimiterOptions {
  /** Tries allowed in a burst and per window (default 10). */
  capacity?: number;
  /** The window over which `capacity` tokens come back (default one minute). */
  windowMs?: number;
  /** Most addresses tracked at once; full buckets are forgotten first, then the oldest (default 10,000). */
  maxKeys?: number;
  /** Milliseconds clock; tests pin it. */
  now?: () => number;
}

export interface RateLimiter {
  /** Whether `key` has a try left now (does not spend it). */
  allows(key: string): boolean;
  /** Spends one try for `key` (a wrong guess). Returns whether a token was there to spend. */
  spend(key: string): boolean;
  /** Seconds until `key` has a try again (0 if it has one now). */
  retryAfterSeconds(key: string): number;
}

interface Bucket { tokens: number; at: number }

export const TOO_MANY_TRIES = "Too many tries: wait a minute";

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const capacity = options.capacity ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? (() => Date.now());
  const perMs = capacity / windowMs;
  const buckets = new Map<string, Bucket>();

  const current = (key: string): Bucket => {
    const t = now();
    const b = buckets.get(key);
    if (!b) return { tokens: capacity, at: t };
    return { tokens: Math.min(capacity, b.tokens + Math.max(0, t - b.at) * perMs), at: t };
  };

  const prune = () => {
    for (const [key, b] of buckets) if (current(key).tokens >= capacity) buckets.delete(key);
    // Still too many: drop the oldest entries (Map keeps insertion order).
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  };

  return {
    allows: (key) => current(key).tokens >= 1,
    spend(key) {
      const b = current(key);
      const had = b.tokens >= 1;
      b.tokens = Math.max(0, b.tokens - 1);
      buckets.delete(key);
      if (buckets.size >= maxKeys) prune();
      buckets.set(key, b);
      return had;
    },
    retryAfterSeconds(key) {
      const b = current(key);
      return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / perMs / 1000);
    },
  };
}
