// The parts of a class's crash resume that need no crash: the checkpoint store (replace, list, delete, expiry), the
// start-up pass over stored checkpoints (stale ones deleted, damaged ones logged and deleted, each good one handed to
// exactly one new room by a one-time ticket), and, in this process, a class saved after its round ended brought back
// under its code in the next round's lobby with its students' seats held, while a class closed normally leaves no
// checkpoint. Real rooms and WebSockets on 127.0.0.1.

import { matchMaker } from "@colyseus/core";
import { describe, expect, test } from "vitest";
import { openCheckpointStore, getCheckpointStore } from "../../server/results/checkpointStore.ts";
import { parseCheckpoint, type ClassCheckpoint } from "../../server/rooms/classroom/checkpoint.ts";
import { CHECKPOINT_MAX_AGE_HOURS, resumeClasses, takeResume } from "../../server/rooms/classroom/resume.ts";
import type { ClassroomRoom } from "../../server/rooms/ClassroomRoom.ts";
import { joinStudent, listenAll, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

describe("the checkpoint store", () => {
  test("one row per class, replaced at each save, deleted, and expired by the time of its last save", () => {
    let now = new Date("2026-12-06T08:00:00Z");
    const store = openCheckpointStore(":memory:", () => now);
    store.save("AAAAAA", "one");
    store.save("BBBBBB", "two");
    now = new Date("2026-12-06T09:00:00Z");
    store.save("AAAAAA", "three");
    expect(store.list()).toEqual([
      { code: "BBBBBB", savedAt: "2026-12-06T08:00:00.000Z", body: "two" },
      { code: "AAAAAA", savedAt: "2026-12-06T09:00:00.000Z", body: "three" },
    ]);
    expect(store.deleteOlderThan(0.5)).toBe(1); // BBBBBB was last saved an hour ago
    expect(store.list().map((r) => r.code)).toEqual(["AAAAAA"]);
    store.delete("AAAAAA");
    expect(store.list()).toEqual([]);
    store.close();
  });
});

describe("resuming at start-up", () => {
  test("stale and damaged checkpoints are deleted; a good one goes to one room, by a ticket that works once", async () => {
    let now = new Date("2026-12-06T08:00:00Z");
    const store = openCheckpointStore(":memory:", () => now);
    const { room } = await openClass(ts);
    const good = (room as unknown as { checkpoints: { take(): ClassCheckpoint } }).checkpoints.take(); // what the class would save now
    store.save("OLDOLD", JSON.stringify({ ...good, code: "OLDOLD" }));
    now = new Date(now.getTime() + (CHECKPOINT_MAX_AGE_HOURS + 1) * 3_600_000);
    store.save("BROKEN", "{ not json");
    store.save("NEWVER", JSON.stringify({ ...good, code: "NEWVER", version: 99 }));
    store.save("GOODGD", JSON.stringify({ ...good, code: "GOODGD" }));
    const lines: string[] = [];
    const handed: (ClassCheckpoint | null)[] = [];
    const resumed = await resumeClasses(store, async (options) => {
      handed.push(takeResume(options), takeResume(options)); // the second take finds nothing
      return {};
    }, (line) => lines.push(line));
    expect(resumed).toEqual(["GOODGD"]);
    expect(handed.map((c) => c?.code ?? null)).toEqual(["GOODGD", null]);
    expect(store.list().map((r) => r.code)).toEqual(["GOODGD"]);
    expect(lines.join("\n")).toMatch(/Deleted 1 class checkpoint/);
    expect(lines.join("\n")).toMatch(/Could not resume class BROKEN \(not JSON\)/);
    expect(lines.join("\n")).toMatch(/Could not resume class NEWVER \(version 99/);
    // A client cannot pass for a resume: an unknown ticket is no checkpoint.
    expect(takeResume({ resumeTicket: "anything" })).toBeNull();
    expect(parseCheckpoint(JSON.stringify({ ...good, students: [{ id: "x" }] }))).toEqual({ ok: false, error: "bad students" });
  });
});

describe("a class saved after its round, in this process", () => {
  test("closed normally it leaves no checkpoint; resumed it is back under its code in the next round's lobby, seats held", async () => {
    const { room, act, inbox } = await openClass(ts);
    const code = room.code;
    const students = [await joinStudent(ts, code), await joinStudent(ts, code)];
    const names = students.map((s) => room.state.seats.get(s.client.sessionId)!.name);
    act({ action: "start" });
    await waitFor("playing", () => room.phase === "playing");
    room.advance(30);
    act({ action: "end" });
    await waitFor("the round's end", () => room.phase === "ended" && inbox.rounds.length > 0);
    const saved = () => getCheckpointStore().list().find((r) => r.code === code);
    await waitFor("the ended round's checkpoint", () => saved()?.body.includes('"phase":"ended"') === true, 10_000);
    const body = saved()!.body;

    // The teacher closes the class: its checkpoint goes.
    act({ action: "close" });
    await waitFor("the class gone", async () => (await matchMaker.query({ roomId: code })).length === 0, 10_000);
    expect(saved()).toBeUndefined();

    // Brought back from what it had saved (as after a crash): same code, the next round's lobby, the rounds so far.
    const store = openCheckpointStore(":memory:");
    store.save(code, body);
    expect(await resumeClasses(store, (options) => matchMaker.createRoom("classroom", options), () => {})).toEqual([code]);
    const back = matchMaker.getLocalRoomById(code) as ClassroomRoom;
    expect(back.state.code).toBe(code);
    expect(back.state.phase).toBe("lobby");
    expect(back.state.round).toBe(2);
    expect(back.rounds.map((r) => r.round)).toEqual([1]);
    expect(students.map((s) => back.state.seats.get(s.client.sessionId)?.name)).toEqual(names);
    expect(students.map((s) => back.state.seats.get(s.client.sessionId)?.connected)).toEqual([false, false]);
    // Nobody gets in as the class's creator (its page is long gone), nor holds one of the teacher's seats by trying.
    await expect(ts.colyseus.sdk.joinById(code, { mode: "classroom" })).rejects.toThrow();
    expect((back as unknown as { door: { pendingCounts(): Record<string, number> } }).door.pendingCounts().teacher).toBe(0);
    // A device that never had a seat there joins as a new student; the teacher gets in with the secret.
    const newcomer = await joinStudent(ts, code);
    expect(back.seatList().filter((s) => s.bot === "").length).toBe(3);
    // Its next checkpoint still holds the seats it awaits, with their devices' tokens (a second crash loses none).
    const again = parseCheckpoint(getCheckpointStore().list().find((r) => r.code === code)!.body);
    if (!again.ok) throw new Error(again.error);
    const held = new Map(again.value.students.map((s) => [s.id, s.token]));
    const first = parseCheckpoint(body);
    if (!first.ok) throw new Error(first.error);
    for (const s of first.value.students) expect(held.get(s.id)).toBe(s.token);
    expect(held.get(newcomer.client.sessionId)).toEqual(expect.any(String));
    const teacher = listenAll(await ts.colyseus.sdk.joinById(code, { hostSecret: inbox.sessions[0].hostSecret }));
    await waitFor("the host session", () => teacher.sessions.length > 0);
    for (const d of [newcomer, teacher]) await d.client.leave(true);
    await back.disconnect();
  });
});
