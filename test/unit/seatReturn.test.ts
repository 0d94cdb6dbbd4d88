// A dropped page coming back to its seat (client/src/net/seatReturn.ts): a class's page keeps trying with backoff
// through any number of network failures until it gets in or the server refuses the token; a page becoming visible
// or coming online tries at once; a solo page tries a few times. No timers: the plan's sleep is recorded.

import { describe, expect, test } from "vitest";
import { FEW_ATTEMPTS, HELD_MAX_DELAY_MS, backoffMs, returnToSeat, seatRefused } from "../../client/src/net/seatReturn.ts";

const networkDown = () => Object.assign(new Error("Failed to fetch"), { code: undefined });
const refused = () => Object.assign(new Error("reconnection token invalid or expired"), { code: 524 });

/** A wake source like a window: events are fired by hand. */
function fakeWindow(visibility: "visible" | "hidden" = "visible") {
  const listeners = new Map<string, Set<() => void>>();
  return {
    document: { visibilityState: visibility as DocumentVisibilityState },
    addEventListener: (type: string, cb: () => void) => { (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(cb); },
    removeEventListener: (type: string, cb: () => void) => { listeners.get(type)?.delete(cb); },
    fire: (type: string) => { for (const cb of [...(listeners.get(type) ?? [])]) cb(); },
    count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

describe("returnToSeat", () => {
  test("a class's page keeps trying through a long outage, waiting longer each time up to the cap, and gets in", async () => {
    const waits: number[] = [];
    let tries = 0;
    const room = await returnToSeat({
      attempt: async () => { if (++tries < 40) throw networkDown(); return "room"; },
      stopped: () => false,
      untilRefused: true,
      sleep: async (ms) => { waits.push(ms); },
    });
    expect(room).toBe("room");
    expect(tries).toBe(40); // 40 attempts: far beyond the few a solo page makes
    expect(waits.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, HELD_MAX_DELAY_MS]);
    expect(Math.max(...waits)).toBe(HELD_MAX_DELAY_MS);
  });

  test("it stops when the server answers that the seat is gone, or when the page leaves", async () => {
    let tries = 0;
    expect(await returnToSeat({ attempt: async () => { tries++; throw refused(); }, stopped: () => false, untilRefused: true, sleep: async () => {} })).toBeNull();
    expect(tries).toBe(1);
    let leaving = false;
    tries = 0;
    expect(await returnToSeat({ attempt: async () => { if (++tries === 3) leaving = true; throw networkDown(); }, stopped: () => leaving, untilRefused: true, sleep: async () => {} })).toBeNull();
    expect(tries).toBe(3);
  });

  test("a solo page tries a few times only", async () => {
    let tries = 0;
    expect(await returnToSeat({ attempt: async () => { tries++; throw networkDown(); }, stopped: () => false, untilRefused: false, sleep: async () => {} })).toBeNull();
    expect(tries).toBe(FEW_ATTEMPTS);
  });

  test("a page that becomes visible or comes online tries at once instead of waiting out its backoff", async () => {
    const win = fakeWindow();
    let tries = 0;
    const woken: boolean[] = [];
    const done = returnToSeat({
      attempt: async () => { if (++tries < 3) throw networkDown(); return "room"; },
      stopped: () => false,
      untilRefused: true,
      wake: win,
      // Never times out by itself: only a wake ends the wait.
      sleep: async (_ms, wake) => { await wake; woken.push(true); },
    });
    for (let i = 0; i < 20 && tries < 3; i++) {
      await new Promise((r) => setTimeout(r, 0));
      win.fire(i % 2 ? "online" : "visibilitychange");
    }
    expect(await done).toBe("room");
    expect(woken).toHaveLength(3);
    expect(win.count()).toBe(0); // listeners removed
  });

  test("a hidden page's visibility change does not wake it", async () => {
    const win = fakeWindow("hidden");
    let woke = false;
    const done = returnToSeat({ attempt: async () => "room", stopped: () => false, untilRefused: true, wake: win, sleep: async (_ms, wake) => { await Promise.race([wake.then(() => { woke = true; }), new Promise((r) => setTimeout(r, 20))]); } });
    win.fire("visibilitychange");
    expect(await done).toBe("room");
    expect(woke).toBe(false);
  });
});

describe("Try now", () => {
  test("pressing Try now ends the current wait at once; pressed during an attempt, the next attempt goes without waiting", async () => {
    let tryNow: () => void = () => {};
    const told: string[] = [];
    let tries = 0;
    let sleeps = 0;
    const done = returnToSeat({
      attempt: async () => {
        tries++;
        if (tries === 1) { tryNow(); throw networkDown(); } // pressed while attempt 1 is out: attempt 2 without a wait
        if (tries === 2) throw networkDown();
        return "room";
      },
      stopped: () => false,
      untilRefused: true,
      tryNow: (now) => { tryNow = now; },
      onAttempt: (n, ms) => told.push(`wait ${n} ${ms}`),
      onTrying: (n) => told.push(`try ${n}`),
      // Never times out by itself: only Try now ends a wait.
      sleep: async (_ms, wake) => { sleeps++; await wake; },
    });
    for (let i = 0; i < 20 && tries < 3; i++) {
      await new Promise((r) => setTimeout(r, 0));
      if (sleeps > 0 && tries !== 1) tryNow();
    }
    expect(await done).toBe("room");
    expect(told).toEqual(["wait 1 1000", "try 1", "wait 2 0", "try 2", "wait 3 4000", "try 3"]);
    expect(sleeps).toBe(2); // attempts 1 and 3 waited (until pressed); attempt 2 did not
    const after = tryNow;
    after(); // a no-op once the page is back
  });

  test("the server's refusal is told, so the page can say the seat is gone", async () => {
    const seen: unknown[] = [];
    expect(await returnToSeat({ attempt: async () => { throw refused(); }, stopped: () => false, untilRefused: true, onRefused: (e) => seen.push(e), sleep: async () => {} })).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seatRefused(seen[0])).toBe(true);
  });
});

describe("seatRefused and backoffMs", () => {
  test("only the server's matchmaking answers are refusals; no answer or a server shutting down is tried again", () => {
    expect(seatRefused(refused())).toBe(true);
    expect(seatRefused({ code: 522 })).toBe(true);
    expect(seatRefused({ code: 404 })).toBe(true);
    for (const e of [networkDown(), { code: "ECONNREFUSED" }, { code: 503 }, { code: 502 }, null]) expect(seatRefused(e)).toBe(false);
    expect(backoffMs(1, false)).toBe(1000);
    expect(backoffMs(10, false)).toBeLessThan(backoffMs(10, true));
  });
});
