// A class keeps an away student's seat for the whole round (server/rooms/classroom/seatHold.ts): a device cut off
// mid-round for 3 minutes (three times the old 60 s wait) comes back to the same seat, role, nickname and squads,
// the teacher's dashboard showing it away then back; the round's end releases a seat still held; nobody else can
// take a held seat, by guessing its token or naming it as a former seat; held seats count against the class's size.
// SDK clients on 127.0.0.1; the round is driven by advance() alone.

import { describe, expect, test } from "vitest";
import { MAX_STUDENTS } from "../../shared/net/classroom.ts";
import { RESUME_WINDOW_SECONDS } from "../../shared/net/resumeWindow.ts";
import { DEFAULT_SEAT_HOLD_MINUTES, SEAT_HOLD_ENV, seatHoldSeconds } from "../../server/rooms/classroom/seatHold.ts";
import { Client } from "@colyseus/sdk";
import { seatRefused } from "../../client/src/net/seatReturn.ts";
import { joinStudent, listenAll, openClass, type ClassDevice } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

/** Cuts a student's socket without a goodbye (as a sleeping device's is) and keeps the SDK from reconnecting by itself. */
async function cut(d: ClassDevice): Promise<{ id: string; token: string }> {
  const id = d.client.sessionId, token = d.client.reconnectionToken;
  d.client.reconnection.enabled = false;
  await d.client.leave(false);
  return { id, token };
}

const lastRow = (teacher: ClassDevice, id: string) => teacher.dashboards.at(-1)?.rows.find((r) => r.seatId === id);

describe("the seat hold setting", () => {
  test("the class's longest hold comes from CLASS_SEAT_HOLD_MINUTES, with the default for a missing or unreasonable value", () => {
    const warnings: string[] = [];
    const warn = (line: string) => warnings.push(line);
    expect(seatHoldSeconds({}, warn)).toBe(DEFAULT_SEAT_HOLD_MINUTES * 60);
    expect(seatHoldSeconds({ [SEAT_HOLD_ENV]: "45" }, warn)).toBe(45 * 60);
    expect(warnings).toEqual([]);
    for (const bad of ["0", "-3", "soon", "100000"]) expect(seatHoldSeconds({ [SEAT_HOLD_ENV]: bad }, warn)).toBe(DEFAULT_SEAT_HOLD_MINUTES * 60);
    expect(warnings).toHaveLength(4);
    expect(DEFAULT_SEAT_HOLD_MINUTES * 60).toBeGreaterThan(RESUME_WINDOW_SECONDS);
  });
});

describe("a student's device away mid-round", () => {
  test("cut off for 3 minutes, it comes back to the same seat, role, nickname and squads; the dashboard shows it away, then back", { timeout: 5 * 60_000 }, async () => {
    const { teacher, inbox, session, room, act } = await openClass(ts);
    const [s, mate] = await Promise.all([joinStudent(ts, session.code), joinStudent(ts, session.code)]);
    act({ action: "assign", seatId: s.client.sessionId, role: "effector" });
    act({ action: "assign", seatId: mate.client.sessionId, role: "effector" });
    act({ action: "start" });
    await waitFor("playing", () => teacher.state.phase === "playing");
    room.advance(10);
    const seatBefore = { ...room.state.seats.get(s.client.sessionId)!.toJSON() };
    const mateBefore = [...room.state.seats.get(mate.client.sessionId)!.squads];
    expect(seatBefore.squads).not.toEqual([]);

    const { id, token } = await cut(s);
    await waitFor("the seat away in the state", () => room.state.seats.get(id)?.connected === false);
    await waitFor("the dashboard row away", () => lastRow(inbox, id)?.connected === false);
    // Three minutes away, the round going on: longer than the old 60 s wait (RESUME_WINDOW_SECONDS) and than the SDK's and
    // the page's own retries (about 90 s). Checked every 10 s: the seat stays, its squads are nobody else's.
    const cutMs = 180_000, step = 10_000;
    expect(cutMs).toBeGreaterThan(3 * RESUME_WINDOW_SECONDS * 1000 - 1);
    for (let waited = 0; waited < cutMs; waited += step) {
      await new Promise((r) => setTimeout(r, step));
      room.advance(2);
      expect(room.state.seats.get(id)?.connected).toBe(false);
      expect([...room.state.seats.get(mate.client.sessionId)!.squads]).toEqual(mateBefore);
    }
    expect(room.seats.bots().map((b) => b.role)).not.toContain("effector"); // no bot took the role meanwhile

    const back = listenAll(await ts.colyseus.sdk.reconnect(token));
    expect(back.client.sessionId).toBe(id);
    await waitFor("connected again", () => room.state.seats.get(id)?.connected === true);
    expect({ ...room.state.seats.get(id)!.toJSON() }).toEqual({ ...seatBefore, connected: true });
    await waitFor("the dashboard row back", () => lastRow(inbox, id)?.connected === true);
    expect(lastRow(inbox, id)!.squads).toEqual(seatBefore.squads);
    await Promise.all([back.client.leave(), mate.client.leave(), teacher.leave()]);
  });

  test("a seat still held when the round ends is released: its token is refused, its squads go to a classmate", async () => {
    const { teacher, session, room, act } = await openClass(ts);
    const [s, mate] = await Promise.all([joinStudent(ts, session.code), joinStudent(ts, session.code)]);
    act({ action: "assign", seatId: s.client.sessionId, role: "effector" });
    act({ action: "assign", seatId: mate.client.sessionId, role: "effector" });
    act({ action: "start" });
    await waitFor("playing", () => teacher.state.phase === "playing");
    const squads = [...room.state.seats.get(s.client.sessionId)!.squads];
    const { id, token } = await cut(s);
    await waitFor("away", () => room.state.seats.get(id)?.connected === false);
    expect(room.holds.has(id)).toBe(true);
    act({ action: "end" });
    await waitFor("the round ended and the seat released", () => room.state.phase === "ended" && !room.state.seats.has(id));
    expect(room.holds.has(id)).toBe(false);
    const heir = [...room.state.seats.get(mate.client.sessionId)!.squads];
    for (const sq of squads) expect(heir).toContain(sq);
    // Refused in the words a class's page stops on (client/src/net/seatReturn.ts), unlike no answer at all.
    const refusal = await ts.colyseus.sdk.reconnect(token).then(() => null, (e: unknown) => e);
    expect(seatRefused(refusal)).toBe(true);
    const nobody = await new Client("ws://127.0.0.1:1").reconnect(token).then(() => null, (e: unknown) => e);
    expect(nobody).not.toBeNull();
    expect(seatRefused(nobody)).toBe(false);
    // The student is still welcome: joining by code again gives a new seat.
    const again = listenAll(await ts.colyseus.sdk.joinById(session.code, { formerSeat: id }));
    await waitFor("seated anew", () => room.state.seats.has(again.client.sessionId));
    expect(again.client.sessionId).not.toBe(id);
    await Promise.all([again.client.leave(), mate.client.leave(), teacher.leave()]);
  });

  test("the hold lasts the class's longest hold at most (a shorter setting releases the seat by time)", async () => {
    const { teacher, session, room, act } = await openClass(ts);
    room.holds.seconds = 1;
    const [s, mate] = await Promise.all([joinStudent(ts, session.code), joinStudent(ts, session.code)]);
    act({ action: "start" });
    await waitFor("playing", () => teacher.state.phase === "playing");
    const { id, token } = await cut(s);
    await waitFor("released after its hold", () => !room.state.seats.has(id));
    await expect(ts.colyseus.sdk.reconnect(token)).rejects.toThrow();
    await Promise.all([mate.client.leave(), teacher.leave()]);
  });
});

describe("a held seat against others", () => {
  test("nobody takes a held seat: not by naming it as a former seat, not with a guessed or altered token", async () => {
    const { teacher, session, room, act } = await openClass(ts);
    const s = await joinStudent(ts, session.code);
    act({ action: "start" });
    await waitFor("playing", () => teacher.state.phase === "playing");
    const seatBefore = { ...room.state.seats.get(s.client.sessionId)!.toJSON() };
    const { id, token } = await cut(s);
    await waitFor("away", () => room.state.seats.get(id)?.connected === false);

    const stranger = listenAll(await ts.colyseus.sdk.joinById(session.code, { formerSeat: id }));
    expect(stranger.client.sessionId).not.toBe(id);
    const [roomId, secret] = token.split(":");
    const altered = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    for (const guess of [`${roomId}:${altered}`, `${roomId}:${id}`, `${roomId}:${"x".repeat(secret.length)}`]) {
      await expect(ts.colyseus.sdk.reconnect(guess)).rejects.toThrow();
    }
    expect(room.state.seats.get(id)?.connected).toBe(false);
    expect(room.holds.has(id)).toBe(true);
    const back = listenAll(await ts.colyseus.sdk.reconnect(token));
    expect(back.client.sessionId).toBe(id);
    await waitFor("back", () => room.state.seats.get(id)?.connected === true);
    expect({ ...room.state.seats.get(id)!.toJSON() }).toEqual(seatBefore);
    await Promise.all([back.client.leave(), stranger.client.leave(), teacher.leave()]);
  });

  test("held seats count against the class's size: a class full of away seats turns newcomers away until the teacher removes one or the round ends", { timeout: 120_000 }, async () => {
    const { teacher, session, room, act } = await openClass(ts);
    const students: ClassDevice[] = [];
    for (let i = 0; i < MAX_STUDENTS; i += 10) students.push(...await Promise.all(Array.from({ length: Math.min(10, MAX_STUDENTS - i) }, () => joinStudent(ts, session.code))));
    act({ action: "start" });
    await waitFor("playing", () => teacher.state.phase === "playing");
    const cuts = await Promise.all(students.map(cut));
    await waitFor("every seat away", () => cuts.every((c) => room.state.seats.get(c.id)?.connected === false), 15_000);

    await expect(ts.colyseus.sdk.joinById(session.code)).rejects.toThrow(/This class is full/);
    act({ action: "kick", seatId: cuts[0].id });
    await waitFor("the removed seat gone", () => !room.state.seats.has(cuts[0].id));
    await expect(ts.colyseus.sdk.reconnect(cuts[0].token)).rejects.toThrow();
    const newcomer = await joinStudent(ts, session.code);
    await expect(ts.colyseus.sdk.joinById(session.code)).rejects.toThrow(/This class is full/);
    // An away device still comes back to its held seat while the class is full.
    const back = listenAll(await ts.colyseus.sdk.reconnect(cuts[1].token));
    expect(back.client.sessionId).toBe(cuts[1].id);

    act({ action: "end" });
    await waitFor("the held seats released at the round's end", () => room.seats.people().length === 2, 15_000);
    const later = await joinStudent(ts, session.code);
    await Promise.all([later.client.leave(), back.client.leave(), newcomer.client.leave(), teacher.leave()]);
  });
});
