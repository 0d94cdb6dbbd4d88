// The teacher chooses, in the class setup, how long the class keeps an away student's seat (shared/net/seatHoldChoice.ts):
// the choice is checked at the door (a class is not opened with a hold out of range or of the wrong kind), applied
// under the server's own longest hold (CLASS_SEAT_HOLD_MINUTES), and said back in the state. A 2-minute hold lets a
// seat go after 2 minutes away mid-round (not before): its token is refused, and the device joining again by code
// with its former seat (and the token it was given for it) gets its own nickname back. SDK clients on 127.0.0.1; the round is driven by advance() alone.

import { afterEach, describe, expect, test } from "vitest";
import { DEFAULT_SEAT_HOLD_MINUTES, SEAT_HOLD_ENV } from "../../server/rooms/classroom/seatHold.ts";
import { seatRefused } from "../../client/src/net/seatReturn.ts";
import { joinStudent, listenAll, openClass, type ClassDevice } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();
const envBefore = process.env[SEAT_HOLD_ENV];
afterEach(() => {
  if (envBefore === undefined) delete process.env[SEAT_HOLD_ENV];
  else process.env[SEAT_HOLD_ENV] = envBefore;
});

async function cut(d: ClassDevice): Promise<{ id: string; token: string }> {
  const id = d.client.sessionId, token = d.client.reconnectionToken;
  d.client.reconnection.enabled = false;
  await d.client.leave(false);
  return { id, token };
}

describe("the seat hold a teacher chooses", () => {
  test("a hold out of range, not whole minutes or not a number does not open a class", async () => {
    for (const bad of [0, 1, 1.5, 601, -10, "10", null, Number.NaN, true]) {
      await expect(ts.colyseus.sdk.create("classroom", { mode: "classroom", seatHoldMinutes: bad }), String(bad)).rejects.toThrow(/seatHoldMinutes must be a whole number of minutes from 2 to 600/);
    }
  });

  test("the choice is applied and said back in the state; left out, seats are kept for the whole round under the server's bound", async () => {
    delete process.env[SEAT_HOLD_ENV];
    const whole = await openClass(ts);
    expect(whole.room.holds.seconds).toBe(DEFAULT_SEAT_HOLD_MINUTES * 60);
    await waitFor("state", () => whole.teacher.state.code !== "");
    expect(whole.teacher.state.seatHoldMinutes).toBe(0);
    const ten = await openClass(ts, { seatHoldMinutes: 10 });
    expect(ten.room.holds.seconds).toBe(600);
    await waitFor("state", () => ten.teacher.state.code !== "");
    expect(ten.teacher.state.seatHoldMinutes).toBe(10);
    // The server's longest hold stays the bound: a longer choice is cut to it, and the class is told the shorter.
    process.env[SEAT_HOLD_ENV] = "5";
    const capped = await openClass(ts, { seatHoldMinutes: 10 });
    expect(capped.room.holds.seconds).toBe(300);
    await waitFor("state", () => capped.teacher.state.code !== "");
    expect(capped.teacher.state.seatHoldMinutes).toBe(5);
    await Promise.all([whole.teacher.leave(), ten.teacher.leave(), capped.teacher.leave()]);
  });

  test("with a 2-minute hold, a device away mid-round keeps its seat for 2 minutes, then loses it; joining again gives its nickname back", { timeout: 5 * 60_000 }, async () => {
    const { teacher, session, room, act } = await openClass(ts, { seatHoldMinutes: 2 });
    const [s, mate] = await Promise.all([joinStudent(ts, session.code), joinStudent(ts, session.code)]);
    act({ action: "start" });
    await waitFor("playing", () => teacher.state.phase === "playing");
    const name = room.state.seats.get(s.client.sessionId)!.name;
    const { id, token } = await cut(s);
    await waitFor("away", () => room.state.seats.get(id)?.connected === false);
    // Still kept after 100 s of the 120.
    for (let waited = 0; waited < 100_000; waited += 10_000) {
      await new Promise((r) => setTimeout(r, 10_000));
      room.advance(1);
      expect(room.holds.has(id)).toBe(true);
    }
    await waitFor("the seat let go after its 2 minutes", () => !room.state.seats.has(id), 40_000);
    const refusal = await ts.colyseus.sdk.reconnect(token).then(() => null, (e: unknown) => e);
    expect(seatRefused(refusal)).toBe(true);
    // Joining again by code, naming the former seat (as the page's "Join again" does): the same nickname, a new seat.
    const again = listenAll(await ts.colyseus.sdk.joinById(session.code, { formerSeat: id, seatProof: token }));
    await waitFor("seated anew", () => room.state.seats.has(again.client.sessionId));
    expect(again.client.sessionId).not.toBe(id);
    expect(room.state.seats.get(again.client.sessionId)!.name).toBe(name);
    // Given back once: another device naming the same former seat gets a fresh nickname.
    const other = listenAll(await ts.colyseus.sdk.joinById(session.code, { formerSeat: id, seatProof: token }));
    await waitFor("seated", () => room.state.seats.has(other.client.sessionId));
    expect(room.state.seats.get(other.client.sessionId)!.name).not.toBe(name);
    await Promise.all([again.client.leave(), other.client.leave(), mate.client.leave(), teacher.leave()]);
  });
});
