// Issue 13, item 9: message limits judge a sender by its sending. The token bucket forgives what a sender earned
// while the event loop stalled (pinned clocks); 28 students on their own thread, sending 25 messages a second each,
// all stay connected through a 2 s stall of the server's loop, whose backlog then arrives at once; a real flood is
// still closed, and the flooder's seat is freed at once instead of being held for the reconnection window.

import { Worker } from "node:worker_threads";
import { describe, expect, test } from "vitest";
import { ClientMessage } from "../../shared/net/messages.ts";
import { MessageBudget } from "../../server/rooms/messageBudget.ts";
import { MAX_STALL_FORGIVEN_MS, SendRate } from "../../server/rooms/sendRate.ts";
import { MAX_MESSAGES_PER_SECOND } from "../../server/rooms/TissueRoomBase.ts";
import { joinStudent, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

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

const ts = testServerPerFile();
const busyWait = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* the server's event loop is blocked */ }
};

describe("a stall of the server's event loop", () => {
  test("28 honest students sending 25 messages a second stay connected through a 2 s stall; a flooder is closed and its seat freed", async () => {
    const { session, room, teacher } = await openClass(ts);
    const senders = new Worker(new URL("./stallSenders.ts", import.meta.url), {
      workerData: { url: ts.baseUrl, code: session.code, count: 28, perSecond: 25, type: ClientMessage.inspect, payload: { cellId: 1 } },
    });
    const fromWorker: { joined?: number; sent?: number; closed?: number[] }[] = [];
    senders.on("message", (m) => fromWorker.push(m));
    senders.on("error", (e) => fromWorker.push({ closed: [-1], sent: String(e) as unknown as number }));
    try {
      await waitFor("28 students joined from their thread", () => fromWorker.some((m) => m.joined === 28), 20_000);
      await waitFor("28 seats", () => room.seats.people().length === 28);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      busyWait(2000); // 28 × 25 × 2 = 1,400 messages pile up and arrive together
      await new Promise((resolve) => setTimeout(resolve, 1500));
      busyWait(1500); // and again
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const connected = room.seats.people().filter((s) => room.state.seats.get(s.id)?.connected).length;
      senders.postMessage("stop");
      await waitFor("the senders' report", () => fromWorker.some((m) => m.sent !== undefined), 5000);
      const report = fromWorker.find((m) => m.sent !== undefined)!;
      expect(report.closed).toEqual([]);
      expect(report.sent).toBeGreaterThan(28 * 25 * 4); // they really sent at their rate through the stalls
      expect(connected).toBe(28);
      await waitFor("the senders gone", () => room.seats.people().length === 0);

      // A flood (well past MAX_MESSAGES_PER_SECOND for seconds' worth, at once, without a stall) is closed.
      const flooder = await joinStudent(ts, session.code);
      await waitFor("the flooder's seat", () => room.seats.people().length === 1);
      for (let k = 0; k < MAX_MESSAGES_PER_SECOND * 6; k++) flooder.client.send(ClientMessage.inspect, { cellId: 1 });
      await waitFor("the flooder closed", () => flooder.left.length > 0);
      expect(flooder.left[0]).toBe(4002);
      // Its seat is not held for the reconnection window (60 s): it is freed at once.
      await waitFor("the flooder's seat freed", () => room.seats.people().length === 0, 2000);
    } finally {
      await senders.terminate();
      await teacher.leave().catch(() => {});
    }
  }, 60_000);
});
