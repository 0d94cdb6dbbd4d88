// The per-address token bucket behind the join-code check: wrong tries spend tokens, tokens come back over the window,
// addresses are independent, and the table of addresses stays bounded.

import { describe, expect, test } from "vitest";
import { createRateLimiter } from "../../server/http/rateLimiter.ts";

function pinnedClock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("createRateLimiter", () => {
  test("allows `capacity` wrong tries, then refuses until tokens come back", () => {
    const clock = pinnedClock();
    const limiter = createRateLimiter({ capacity: 10, windowMs: 60_000, now: clock.now });
    for (let i = 0; i < 10; i++) {
      expect(limiter.allows("a")).toBe(true);
      expect(limiter.spend("a")).toBe(true);
    }
    expect(limiter.allows("a")).toBe(false);
    expect(limiter.spend("a")).toBe(false);
    expect(limiter.retryAfterSeconds("a")).toBe(6); // one token every 6 s
    clock.advance(5_999);
    expect(limiter.allows("a")).toBe(false);
    clock.advance(1);
    expect(limiter.allows("a")).toBe(true);
    expect(limiter.retryAfterSeconds("a")).toBe(0);
  });

  test("a full window refills the bucket to capacity, never beyond", () => {
    const clock = pinnedClock();
    const limiter = createRateLimiter({ capacity: 3, windowMs: 60_000, now: clock.now });
    for (let i = 0; i < 3; i++) limiter.spend("a");
    clock.advance(10 * 60_000);
    let spent = 0;
    while (limiter.spend("a") && spent < 100) spent++;
    expect(spent).toBe(3);
  });

  test("addresses have their own buckets; checking does not spend", () => {
    const clock = pinnedClock();
    const limiter = createRateLimiter({ capacity: 2, now: clock.now });
    limiter.spend("a");
    limiter.spend("a");
    for (let i = 0; i < 5; i++) expect(limiter.allows("b")).toBe(true);
    expect(limiter.allows("a")).toBe(false);
    expect(limiter.spend("b")).toBe(true);
  });

  test("the table of addresses is bounded: the oldest empty bucket is forgotten first", () => {
    const clock = pinnedClock();
    const limiter = createRateLimiter({ capacity: 1, maxKeys: 3, now: clock.now });
    for (const key of ["a", "b", "c", "d"]) limiter.spend(key);
    // "a" was dropped to make room for "d", so it has a try again; the newer ones are still empty.
    expect(limiter.allows("a")).toBe(true);
    expect(limiter.allows("b")).toBe(false);
    expect(limiter.allows("d")).toBe(false);
  });
});
