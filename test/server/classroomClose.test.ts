// Closing a class, over real WebSockets on 127.0.0.1: only the host secret closes it; a running round is ended and
// saved first; every page is told in a sentence and disconnected; the room is gone and its code answers like an ended
// class (HTTP check and joinById), while the saved results and the CSV download still work. Driven by advance().

import { describe, expect, test } from "vitest";
import { matchMaker } from "@colyseus/core";
import { CLASS_CLOSED_TEXT, checkTeacherAction } from "../../shared/net/classroom.ts";
import { getResultsStore } from "../../server/results/activeStore.ts";
import { isLiveJoinCode } from "../../server/rooms/classroom/joinCodes.ts";
import { CHECK_MESSAGES } from "../../server/http/classroomRoutes.ts";
import { joinStudent, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

/** A class of three whose devices do not reconnect on their own (a closed class is not something to reconnect to). */
async function classOfThree() {
  const { inbox: teacher, session, room, act } = await openClass(ts);
  const students = await Promise.all([0, 1, 2].map(() => joinStudent(ts, session.code)));
  for (const d of [teacher, ...students]) d.client.reconnection.enabled = false;
  return { teacher, session, room, act, students };
}

const check = (code: string) =>
  fetch(`${ts.baseUrl}/api/classroom/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });

describe("the close action at the door", () => {
  test("close is a teacher action with no fields: it needs the secret and takes nothing else", () => {
    expect(checkTeacherAction({ action: "close", secret: "s" })).toEqual({ ok: true, value: { secret: "s", action: { action: "close" } } });
    expect(checkTeacherAction({ action: "close" })).toMatchObject({ ok: false, error: expect.stringMatching(/host secret/) });
    expect(checkTeacherAction({ action: "close", secret: "s", code: "ABCDEF" })).toMatchObject({ ok: false, error: expect.stringMatching(/no field code/) });
  });
});

describe("closing a class", () => {
  test("without the host secret (or with a wrong one) the class stays open and nothing changes", async () => {
    const { teacher, session, room, act, students } = await classOfThree();
    act({ action: "start" });
    await waitFor("playing", () => room.state.phase === "playing");
    room.advance(20);
    act({ action: "close" }, null, students[0].client);
    act({ action: "close" }, "0".repeat(64), students[1].client);
    act({ action: "close" }, session.hostSecret.slice(1), teacher.client);
    await waitFor("three refusals", () => students[0].refusals.length + students[1].refusals.length + teacher.refusals.length === 3);
    for (const r of [...students[0].refusals, ...students[1].refusals, ...teacher.refusals]) expect(r.error).toMatch(/host secret/);
    expect(room.closed).toBe(false);
    expect(room.state.phase).toBe("playing");
    expect(matchMaker.getLocalRoomById(session.code)).toBe(room);
    expect((await getResultsStore().rounds(session.code))).toHaveLength(0);
    expect([teacher, ...students].every((d) => d.closed.length === 0 && d.left.length === 0)).toBe(true);
    expect((await check(session.code)).status).toBe(200);
    await Promise.all([...students.map((s) => s.client.leave()), teacher.client.leave()]);
  });

  test("mid-round: the round is ended and saved, every page is told and disconnected, the room closes and its code answers as ended; the CSV still downloads", async () => {
    const { teacher, session, room, act, students } = await classOfThree();
    act({ action: "start" });
    await waitFor("playing", () => room.state.phase === "playing");
    room.advance(30);
    const tick = room.facts.tick;
    act({ action: "close" });
    await waitFor("every page told and disconnected", () => [teacher, ...students].every((d) => d.closed.length === 1 && d.left.length === 1));
    for (const d of [teacher, ...students]) {
      expect(d.closed[0]).toEqual({ reason: CLASS_CLOSED_TEXT });
      expect(d.left[0]).toBe(4000); // a consented close: the pages do not try to reconnect
    }
    expect(room.facts.outcome).toBe("endedByTeacher"); // ended as "end" does, at the tick it was closed
    expect(room.facts.tick).toBe(tick);
    await waitFor("the room disposed", () => matchMaker.getLocalRoomById(session.code) === undefined && !isLiveJoinCode(session.code));
    expect(await matchMaker.query({ roomId: session.code })).toHaveLength(0);

    const saved = (await getResultsStore().rounds(session.code));
    expect(saved).toHaveLength(1);
    expect(saved[0].players).toHaveLength(3);
    expect(saved[0].outcome).toBe("endedByTeacher");
    expect((await getResultsStore().csv(session.code)).split("\r\n")[1]).toContain(",endedByTeacher,"); // the CSV's outcome column

    const answer = await check(session.code);
    expect(answer.status).toBe(410);
    expect((await answer.json()).error).toBe(CHECK_MESSAGES.ended);
    await expect(ts.colyseus.sdk.joinById(session.code)).rejects.toThrow();
    await expect(ts.colyseus.sdk.joinById(session.code, { hostSecret: session.hostSecret })).rejects.toThrow();

    const csv = await fetch(`${ts.baseUrl}/api/classroom/${session.code}/results.csv`, { headers: { "X-Host-Secret": session.hostSecret } });
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split("\n");
    expect(rows.length).toBeGreaterThanOrEqual(4); // a header and a row per student
    const wrong = await fetch(`${ts.baseUrl}/api/classroom/${session.code}/results.csv`, { headers: { "X-Host-Secret": "f".repeat(64) } });
    expect(wrong.status).toBe(403);
  });

  test("in the lobby: nothing to save, the class still closes; a device away at the time cannot come back", async () => {
    const { teacher, session, room, act, students } = await classOfThree();
    const away = students[2];
    const token = away.client.reconnectionToken;
    await away.client.leave(false);
    await waitFor("the seat away", () => room.state.seats.get(away.client.sessionId)?.connected === false);
    act({ action: "close" });
    await waitFor("the present pages told and disconnected", () => [teacher, students[0], students[1]].every((d) => d.closed.length === 1 && d.left.length === 1));
    await waitFor("the room disposed", () => matchMaker.getLocalRoomById(session.code) === undefined);
    expect((await getResultsStore().rounds(session.code))).toHaveLength(0);
    expect((await getResultsStore().hasSession(session.code))).toBe(false); // a class that kept no result leaves no row (issue 13)
    await expect(ts.colyseus.sdk.reconnect(token)).rejects.toThrow();
    expect((await check(session.code)).status).toBe(404);
  });
});
