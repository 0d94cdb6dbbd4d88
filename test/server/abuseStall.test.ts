// Issue 13, item 9: message limits judge a sender by its sending. The token bucket forgives what a sender earned
// while the event loop stalled, and only that (pinned clocks). The same through a real server's stalls, with 28
// students on their own thread, is in abuseLoad.test.ts (with the other tests that load the machine, one at a time).

import { describe, expect, test } from "vitest";
import { MessageBudget } from "../../server/rooms/messageBudget.ts";
import { MAX_STALL_FORGIVEN_MS, SendRate } from "../../server/rooms/sendRate.ts";
import { recentStallMs, startStallClock } from "../../server/rooms/stallClock.ts";

describe("a send rate judged by sending (pinned clocks)", () => {
  const rate = (stall: { ms: number }, clock: { t: number }) =>
    new SendRate({ perSecond: 60, burst: 120, now: () => clock.t, stallMs: () => stall.ms });
  const takeMany = (r: SendRate, n: number) => Array.from({ length: n }, () => r.take()).filter(Boolean).length;

  test("a steady sender's backlog after a stall is let through; the same burst without a stall is not", () => {
    const clock = { t: 0 }, stall = { ms: 0 };
    const r = rate(stall, clock);
    for (let k = 0; k < 40; k++) { clock.t += 40; expect(r.take()).toBe(true); } // 25 a second
    clock.t += 3000; // the loop was blocked for 3 s: 75 messages sent meanwhile arrive at once
    stall.ms = 3000;
    expect(takeMany(r, 75)).toBe(75);
    const calm = rate({ ms: 0 }, { t: 0 });
    expect(takeMany(calm, 200)).toBe(120); // no stall: a burst past `burst` is refused
  });

  test("a flood is refused whatever the stall, past what it earned; the forgiven stall is bounded", () => {
    const clock = { t: 0 }, stall = { ms: 0 };
    const r = rate(stall, clock);
    clock.t += 20_000;
    stall.ms = 20_000; // a stall longer than any forgiven
    expect(takeMany(r, 10_000)).toBe(120 + Math.round((MAX_STALL_FORGIVEN_MS / 1000) * 60));
    clock.t += 1000;
    stall.ms = 0;
    expect(takeMany(r, 1000)).toBe(60); // then its rate, no more
  });

  test("the command budget acts on 20 at once, no more", () => {
    const budget = new MessageBudget();
    expect(Array.from({ length: 50 }, () => budget.allow("a")).filter(Boolean).length).toBe(MessageBudget.PER_SECOND);
  });
});

describe("the stall clock", () => {
  test("sees a stall of the event loop while its backlog is handed over, and just after", async () => {
    startStallClock();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const end = performance.now() + 400;
    while (performance.now() < end) { /* the loop is blocked */ }
    expect(recentStallMs()).toBeGreaterThanOrEqual(300); // before the beat has run again: the time it has not turned
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(recentStallMs()).toBeGreaterThanOrEqual(300); // the beat ran late by that much: remembered a while
  });
});
