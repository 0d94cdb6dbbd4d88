// A class under attack, on 127.0.0.1: seat reservations by the hundred (joinById over HTTP, never connected) from
// another address, wrong codes from the class's own address, and frames with broken message types. While each runs,
// the teacher and the students still get in with the code (or the host secret, or their reconnection token), the
// room is never locked by Colyseus, and the log gets one line per offending sender. A class's own teacher (anyone can
// open a class) cannot grow its rounds' summaries, nor a paused round's log by moving students between roles, without
// end; a student guessing the teacher's secret is charged to the message budget. Bounded loops only.

import { matchMaker } from "@colyseus/core";
import { describe, expect, test } from "vitest";
import { MAX_CLASS_ROUNDS, MAX_STUDENTS, type RoundSummary } from "../../shared/net/classroom.ts";
import { MATCHMAKE_MESSAGES } from "../../server/http/matchmakeGuard.ts";
import { createRateLimiter } from "../../server/http/rateLimiter.ts";
import { senderLog } from "../../server/logThrottle.ts";
import { MAX_ROLE_CHANGES_PER_TICK } from "../../server/rooms/classroom/roleChanges.ts";
import { STUDENT_RESERVATION_SECONDS } from "../../server/rooms/classroom/seatDoor.ts";
import { joinStudent, listenAll, openClass, type ClassDevice } from "./classDevices.ts";
import { ATTACKER, dataFrame, rawRequest, sleep } from "./abuseTools.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const RESERVATIONS_PER_MINUTE = 45;
/**
 * The reservation budget's clock, held still while a flood is sent at once (null: the real clock): the bucket earns
 * 0.75 reservations a second, so a flood that a loaded machine takes over 1.3 s to answer would find one more.
 */
const reservationClock = { heldAt: null as number | null };
const ts = testServerPerFile({
  limits: { wrongTryDelayMs: 50 },
  reservationLimiter: createRateLimiter({ capacity: RESERVATIONS_PER_MINUTE, windowMs: 60_000, now: () => reservationClock.heldAt ?? Date.now() }),
});
const port = () => Number(new URL(ts.baseUrl).port);

const reserve = (code: string, body: unknown, from: string) =>
  rawRequest({ port: port(), method: "POST", path: `/matchmake/joinById/${code}`, from, headers: { "content-type": "application/json" }, body: [JSON.stringify(body)] });

describe("seat reservations", () => {
  test("a flood of reservations from one address takes only free student seats, briefly; teacher and known students get in", async () => {
    const { session, room } = await openClass(ts);
    const first = await joinStudent(ts, session.code);
    const second = await joinStudent(ts, session.code);
    await waitFor("two students seated", () => room.seats.people().length === 2);

    // 60 reservations at once from another address, none ever connected (judged at one instant of the budget's clock).
    reservationClock.heldAt = Date.now();
    const answers = await Promise.all(Array.from({ length: 60 }, () => reserve(session.code, {}, ATTACKER)));
    reservationClock.heldAt = null;
    const count = (status: number) => answers.filter((a) => a.status === status).length;
    expect(count(200)).toBe(MAX_STUDENTS - 2); // the free student seats, no more
    expect(count(429)).toBe(60 - RESERVATIONS_PER_MINUTE); // past the address's budget
    const refused = answers.filter((a) => a.status !== 200 && a.status !== 429);
    expect(refused.length).toBe(RESERVATIONS_PER_MINUTE - (MAX_STUDENTS - 2));
    for (const a of refused) expect(JSON.parse(a.body).error).toMatch(/This class is full/);
    for (const a of answers.filter((x) => x.status === 429)) expect(JSON.parse(a.body).error).toBe(MATCHMAKE_MESSAGES.busy);

    // Colyseus never locked the room: the teacher comes back with the secret, from any address, budget or not.
    const [listing] = await matchMaker.query({ roomId: session.code });
    expect(listing.locked).toBe(false);
    const teacherAgain = listenAll(await ts.colyseus.sdk.joinById(session.code, { hostSecret: session.hostSecret }));
    await waitFor("the teacher's second device gets the session", () => teacherAgain.sessions.length > 0);
    expect((await reserve(session.code, { hostSecret: session.hostSecret }, ATTACKER)).status).toBe(200);
    // A known student whose connection drops comes back to the seat kept for them.
    const token = first.client.reconnectionToken;
    room.clients.getById(first.client.sessionId)!.leave(4010);
    await waitFor("the drop", () => first.left.length > 0);
    // The device may see its socket close before the room has heard of the drop and kept the seat: wait for the room.
    await waitFor("the seat kept for the student", () => room.state.seats.get(first.client.sessionId)?.connected === false);
    const back = await ts.colyseus.sdk.reconnect(token);
    expect(back.sessionId).toBe(first.client.sessionId);
    expect(room.seats.people().length).toBe(2);

    // A new student is told the class is full while the unused reservations stand, and gets in once they lapse.
    await expect(ts.colyseus.sdk.joinById(session.code)).rejects.toThrow(/This class is full/);
    await sleep(STUDENT_RESERVATION_SECONDS * 1000 + 300);
    const third = await joinStudent(ts, session.code);
    expect(third.client.roomId).toBe(session.code);
    expect(room.seats.people().length).toBe(3);
    for (const d of [back, second.client, third.client, teacherAgain.client]) await d.leave();
  }, 60_000);
});

describe("wrong codes from the class's own address", () => {
  test("25 wrong codes and secrets from 127.0.0.1 never stop the right code, the teacher's secret or the CSV", async () => {
    const { session, teacher } = await openClass(ts);
    const check = (code: string) => fetch(`${ts.baseUrl}/api/classroom/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push((await check(`WRG${"23456789"[i % 8]}${"ABCDEFGHJK"[i % 10]}${"MNPQR"[i % 5]}`)).status);
      statuses.push((await reserve(`NOP${"23456789"[i % 8]}${"ABCDEFGHJK"[i % 10]}Z`, {}, "127.0.0.1")).status);
      statuses.push((await reserve(session.code, { hostSecret: `guess-${i}` }, "127.0.0.1")).status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(50); // the address is past its wrong tries
    expect(await (await check(session.code)).json()).toEqual({ ok: true, code: session.code });
    const student = await joinStudent(ts, session.code);
    expect(student.client.roomId).toBe(session.code);
    const teacherAgain = await ts.colyseus.sdk.joinById(session.code, { hostSecret: session.hostSecret });
    expect(teacherAgain.roomId).toBe(session.code);
    const csv = await fetch(`${ts.baseUrl}/api/classroom/${session.code}/results.csv`, { headers: { "x-host-secret": session.hostSecret } });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/^session,round/);
    for (const r of [student.client, teacherAgain, teacher]) await r.leave();
  });
});

describe("log flooding", () => {
  test("frames whose message type is not UTF-8 close their sender and log one line per sender per interval", async () => {
    const { session, inbox } = await openClass(ts);
    const honest = await joinStudent(ts, session.code);
    const senders: ClassDevice[] = [];
    for (let i = 0; i < 5; i++) senders.push(await joinStudent(ts, session.code));
    const before = senderLog.written;
    for (const s of senders) for (let k = 0; k < 40; k++) s.client.connection.send(dataFrame([0xff, 0xfe, 0x80]));
    await waitFor("every bad sender closed", () => senders.every((s) => s.left.length > 0));
    for (const s of senders) expect(s.left[0]).toBe(4002);
    expect(senderLog.written - before).toBe(1); // 5 connections × 40 frames from one address: one line
    // The honest student and the teacher are still there.
    expect(honest.left).toEqual([]);
    const dashboards = inbox.dashboards.length;
    await waitFor("another dashboard", () => inbox.dashboards.length > dashboards, 30_000); // every 2 s, later on a loaded machine
    await honest.client.leave();
  });
});

describe("a class's rounds", () => {
  test("a teacher playing round after round stops at the class's bound, told in a sentence; the summaries every device gets stay bounded", async () => {
    const { session, inbox, room, act, teacher } = await openClass(ts, { scenarioId: "viral" });
    const student = await joinStudent(ts, session.code);
    // all but one of the class's rounds played already (each takes minutes: a day of lessons, or a loop of start, end, new round)
    const earlier: RoundSummary = { round: 0, scenarioId: "viral", outcome: "endedByTeacher", days: [0], series: {} };
    room["c"].summaries.push(...Array.from({ length: MAX_CLASS_ROUNDS - 1 }, (_, i) => ({ ...earlier, round: i })));
    act({ action: "start" });
    await waitFor("the last round playing", () => student.client.state.phase === "playing");
    act({ action: "end" });
    await waitFor("its summary", () => student.rounds.at(-1)?.length === MAX_CLASS_ROUNDS);
    act({ action: "newRound" });
    await waitFor("back in the lobby", () => student.client.state.phase === "lobby");
    act({ action: "start" });
    await waitFor("the refusal", () => inbox.refusals.length === 1);
    expect(inbox.refusals[0]).toEqual({ message: "teacher", error: `this class has played ${MAX_CLASS_ROUNDS} rounds, as many as one class keeps: open a new class to play more` });
    expect(room.phase).toBe("lobby");
    expect(room.rounds).toHaveLength(MAX_CLASS_ROUNDS);
    await Promise.all([student.client.leave(), teacher.leave()]);
  });
});

describe("role changes while the tissue stands still", () => {
  test("a teacher moving a student between roles in a paused round stops at the bound, told in a sentence; the round's log stays bounded", async () => {
    const { session, inbox, room, act, teacher } = await openClass(ts, { scenarioId: "viral" });
    room.manual = false; // the model on its thread, the clock running, as in a visitor's class
    const student = await joinStudent(ts, session.code);
    act({ action: "start" });
    await waitFor("the round playing", () => student.client.state.phase === "playing");
    await waitFor("the tissue moving", () => room.facts.tick > 0, 15_000);
    act({ action: "pause" });
    await waitFor("the pause", () => teacher.state.paused === true);
    const tick = (await room.lookAtModel())!.tick; // where the model is, after the steps asked before the pause
    await waitFor("the steps in flight answered: the tissue stands still", () => room.facts.tick === tick);
    const seatId = student.client.sessionId, first = room.seats.byId.get(seatId)!.role;
    const other = first === "treg" ? "nk" : "treg";
    // each move hands the student's squads to a bot and takes the other role's from its bot: inputs logged with the round
    const moves = MAX_ROLE_CHANGES_PER_TICK + 10;
    for (let k = 0; k < moves; k++) {
      act({ action: "assign", seatId, role: k % 2 === 0 ? other : first });
      if (k % 15 === 14) await sleep(800); // within the message budget
    }
    // past the bound every other move asks for the role the student has already (nothing to do), the rest are refused
    await waitFor("the moves past the bound refused", () => inbox.refusals.length === 5);
    const tooMany = `students have changed roles ${MAX_ROLE_CHANGES_PER_TICK} times while the tissue stood still: let the round move on before changing more`;
    expect(inbox.refusals).toEqual(Array.from({ length: 5 }, () => ({ message: "teacher", error: tooMany })));
    await waitFor("the moves made where the model is", () => room["roundInputs"].waitingCount === 0);
    expect(room.facts.tick).toBe(tick);
    const atTick = room["roundInputs"].inputs.logged.filter((l) => l.tick === tick).length;
    expect(atTick).toBeGreaterThanOrEqual(MAX_ROLE_CHANGES_PER_TICK); // a bot seated or unseated with each move
    expect(atTick).toBeLessThanOrEqual(3 * MAX_ROLE_CHANGES_PER_TICK);
    // once the tissue moves on, the teacher may move students again
    act({ action: "resume" });
    await waitFor("the tissue moving", () => room.facts.tick > tick);
    const now = room.seats.byId.get(seatId)!.role, next = now === first ? other : first;
    act({ action: "assign", seatId, role: next });
    await waitFor("the move made", () => room.seats.byId.get(seatId)!.role === next);
    expect(inbox.refusals).toHaveLength(5);
    await Promise.all([student.client.leave(), teacher.leave()]);
  });
});

describe("a student sending teacher actions", () => {
  test("wrong secrets are charged to the student's message budget like any message: past it the student is told to wait", async () => {
    const { session, room, act, teacher } = await openClass(ts);
    const student = await joinStudent(ts, session.code);
    for (let k = 0; k < 30; k++) act({ action: "pause" }, `guess-${k}`, student.client);
    await waitFor("every action answered", () => student.refusals.length === 30);
    const notTheTeacher = student.refusals.filter((r) => r.error === "only the teacher can do that: the host secret does not match").length;
    const tooMany = student.refusals.filter((r) => r.error === "too many actions: wait a second").length;
    expect(notTheTeacher + tooMany).toBe(30);
    expect(notTheTeacher).toBeLessThanOrEqual(22); // the budget's 20, and what it earned while they arrived
    expect(room.state.paused).toBe(false);
    await Promise.all([student.client.leave(), teacher.leave()]);
  });
});
