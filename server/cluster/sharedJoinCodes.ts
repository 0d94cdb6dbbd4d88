// Join codes unique across every process on one Redis: a code is claimed with SET NX before a class takes it (the
// Redis room listing does not check duplicate room ids), held while the class lives, released when it ends. A claim
// expires on its own if its process dies; the live process renews its claims well before that.
// Installed by server/app.ts when REDIS_URL is set; used through rooms/classroom/joinCodes.ts.

import type { Redis } from "ioredis";

const KEY_PREFIX = "cytokine:joincode:";
const CLAIM_SECONDS = 2 * 60 * 60;
const RENEW_MS = 20 * 60 * 1000;

export interface SharedJoinCodes {
  /** Whether this process now holds `code` (false: another process holds it). */
  claim(code: string): Promise<boolean>;
  release(code: string): void;
  stop(): void;
}

export function sharedJoinCodes(redis: Redis, owner: string): SharedJoinCodes {
  const held = new Set<string>();
  const renew = setInterval(() => {
    for (const code of held) redis.expire(KEY_PREFIX + code, CLAIM_SECONDS).catch(() => {});
  }, RENEW_MS);
  renew.unref();
  return {
    async claim(code) {
      const ok = (await redis.set(KEY_PREFIX + code, owner, "EX", CLAIM_SECONDS, "NX")) === "OK";
      if (ok) held.add(code);
      return ok;
    },
    release(code) {
      if (!held.delete(code)) return;
      redis.del(KEY_PREFIX + code).catch(() => {});
    },
    stop: () => clearInterval(renew),
  };
}
