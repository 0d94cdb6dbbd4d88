// The wrong-try budget per address shared by every process on one Redis, so that a guesser who spreads codes over
// several processes (or machines) gets the same 10 a minute as on one. The same token bucket as http/rateLimiter.ts
// (capacity, refilled at capacity per window), kept in one Redis hash per address and updated by a script, on Redis'
// clock (processes on several machines agree). If Redis does not answer, this process's own limiter decides.
// Made by server/app.ts when REDIS_URL is set; read by http/wrongTries.ts.

import type { Redis } from "ioredis";
import type { RateLimiter } from "../http/rateLimiter.ts";
import { localBudget, type TryBudget } from "../http/wrongTries.ts";

const KEY_PREFIX = "cytokine:tries:";

/** KEYS[1] the address's bucket; ARGV capacity, windowMs, spend (1: take a try, 0: ask when one comes back). */
const BUCKET_SCRIPT = `
local cap = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = cap
if b[1] then tokens = math.min(cap, tonumber(b[1]) + math.max(0, now - tonumber(b[2])) * cap / window) end
if ARGV[3] == '1' then
  if tokens < 1 then return 0 end
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], window)
  return 1
end
if tokens >= 1 then return 0 end
return math.ceil((1 - tokens) * window / cap / 1000)
`;

export interface SharedTriesOptions {
  /** Tries in a burst and per window (as rateLimiter.ts: 10). */
  capacity?: number;
  windowMs?: number;
}

export function sharedTryBudget(redis: Redis, fallback: RateLimiter, options: SharedTriesOptions = {}): TryBudget {
  const capacity = options.capacity ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const local = localBudget(fallback);
  const run = (key: string, spend: 0 | 1) => redis.eval(BUCKET_SCRIPT, 1, KEY_PREFIX + key, capacity, windowMs, spend) as Promise<number>;
  return {
    take: (key) => run(key, 1).then((n) => n === 1, () => local.take(key)),
    retryAfterSeconds: (key) => run(key, 0).then((n) => Number(n), () => local.retryAfterSeconds(key)),
  };
}
