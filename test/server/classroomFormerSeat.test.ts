// A student removed while their device was away is told so when that device joins by code again: the tab says which
// seat it had (formerSeat), and the room refuses it with the removal's sentence instead of seating it anew. A former
// seat that was not removed changes nothing; a malformed one is refused. A former seat's nickname goes back only to the
// tab that shows the reconnection token it was given for that seat: seat ids are in every device's state, so a
// classmate naming a departed student's seat gets a nickname of their own. Real WebSockets on 127.0.0.1.

import { describe, expect, test } from "vitest";
import { REMOVED_TEXT } from "../../shared/net/classroom.ts";
import { joinStudent, listenAll, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

describe("a former seat named when joining by code", () => {
  test("removed while away: the device is told it was removed, and no seat is made", async () => {
    const { teacher, session, room, act } = await openClass(ts);
    room.reconnectSeconds = 600;
    const [s, other] = await Promise.all([joinStudent(ts, session.code), joinStudent(ts, session.code)]);
    const id = s.client.sessionId, otherId = other.client.sessionId;
    s.client.reconnection.enabled = false;
    await s.client.leave(false);
    await waitFor("away", () => room.state.seats.get(id)?.connected === false);
    act({ action: "kick", seatId: id });
    await waitFor("the seat gone", () => !room.state.seats.has(id));

    await expect(ts.colyseus.sdk.joinById(session.code, { formerSeat: id })).rejects.toThrow(REMOVED_TEXT);
    expect(room.seats.people().map((p) => p.id)).toEqual([otherId]);
    // Even a locked class gives the removed device that sentence, not the lock's.
    act({ action: "lock" });
    await waitFor("locked", () => room.state.locked);
    await expect(ts.colyseus.sdk.joinById(session.code, { formerSeat: id })).rejects.toThrow(REMOVED_TEXT);
    act({ action: "unlock" });
    await waitFor("unlocked", () => !room.state.locked);

    // A former seat that was not removed (the classmate's, who left of their own accord) joins as anyone would.
    other.client.reconnection.enabled = false;
    await other.client.leave(true);
    await waitFor("the classmate gone", () => !room.state.seats.has(otherId));
    const again = await ts.colyseus.sdk.joinById(session.code, { formerSeat: otherId });
    listenAll(again);
    await waitFor("seated anew", () => room.state.seats.has(again.sessionId));
    expect(room.seats.people().map((p) => p.id)).toEqual([again.sessionId]);

    // Malformed: not a string, or far too long; other options are still refused.
    await expect(ts.colyseus.sdk.joinById(session.code, { formerSeat: 12 })).rejects.toThrow(/formerSeat must be/);
    await expect(ts.colyseus.sdk.joinById(session.code, { formerSeat: "x".repeat(65) })).rejects.toThrow(/formerSeat must be/);
    await expect(ts.colyseus.sdk.joinById(session.code, { formerSeat: otherId, role: "nk" })).rejects.toThrow(/code alone/);
    expect(room.seats.people()).toHaveLength(1);
    await Promise.all([again.leave(), teacher.leave()]);
  });

  test("a classmate naming a departed student's seat does not get the student's nickname; the student's own tab does", async () => {
    const { teacher, session, room } = await openClass(ts);
    const [s, mate] = await Promise.all([joinStudent(ts, session.code), joinStudent(ts, session.code)]);
    const id = s.client.sessionId, token = s.client.reconnectionToken;
    await waitFor("the classmate's state", () => mate.client.state.seats.has(id));
    const name = mate.client.state.seats.get(id)!.name; // every device sees each seat's id and nickname
    s.client.reconnection.enabled = false;
    await s.client.leave(true);
    await waitFor("the seat let go", () => !room.state.seats.has(id));
    // The classmate's other device names the seat: with no proof, a made-up one, or a token of its own.
    for (const proof of [undefined, `${session.code}:${id}`, mate.client.reconnectionToken]) {
      const thief = listenAll(await ts.colyseus.sdk.joinById(session.code, { formerSeat: id, ...(proof ? { seatProof: proof } : {}) }));
      await waitFor("seated", () => room.state.seats.has(thief.client.sessionId));
      expect(room.state.seats.get(thief.client.sessionId)!.name).not.toBe(name);
      await thief.client.leave();
    }
    // Malformed proofs are refused.
    await expect(ts.colyseus.sdk.joinById(session.code, { formerSeat: id, seatProof: 12 })).rejects.toThrow(/seatProof must be/);
    await expect(ts.colyseus.sdk.joinById(session.code, { formerSeat: id, seatProof: "x".repeat(129) })).rejects.toThrow(/seatProof must be/);
    await expect(ts.colyseus.sdk.joinById(session.code, { seatProof: token })).rejects.toThrow(/seatProof must be/);
    // The student's own tab, with the token it was given for the seat: its nickname back, on a new seat.
    const back = listenAll(await ts.colyseus.sdk.joinById(session.code, { formerSeat: id, seatProof: token }));
    await waitFor("seated anew", () => room.state.seats.has(back.client.sessionId));
    expect(room.state.seats.get(back.client.sessionId)!.name).toBe(name);
    await Promise.all([back.client.leave(), mate.client.leave(), teacher.leave()]);
  });
});
