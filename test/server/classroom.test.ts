// ClassroomRoom over real WebSockets on 127.0.0.1: a teacher opens a session and 30 students join by code alone,
// get unique nicknames, are balanced over the roles and play a short round the teacher starts and ends (results
// saved per student); teacher actions without the host secret change nothing; lock, late join, reconnection, kick.
// Rounds are driven by advance() with `manual` set: deterministic, no wall-clock assertions.

import { describe, expect, test } from "vitest";
import { ClassroomClientMessage, JOIN_CODE_ALPHABET, normalizeJoinCode, type TeacherAction } from "../../shared/net/classroom.ts";
import { ClientMessage } from "../../shared/net/messages.ts";
import { ROLES, THERAPY_NAMES } from "../../shared/sim/index.ts";
import { ClassroomRoom } from "../../server/rooms/ClassroomRoom.ts";
import { getResultsStore } from "../../server/results/activeStore.ts";
import { claimJoinCode, isLiveJoinCode, releaseJoinCode } from "../../server/rooms/classroom/joinCodes.ts";
import { joinStudent, listenAll, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

/** What a teacher action could change, as plain data. */
function snapshot(room: ClassroomRoom) {
  const s = room.state;
  const seats: Record<string, unknown> = {};
  s.seats.forEach((seat, id) => (seats[id] = { role: seat.role, team: seat.team, squads: [...seat.squads], name: seat.name, bot: seat.bot }));
  return {
    phase: s.phase, locked: s.locked, lateJoin: s.lateJoin, round: s.round, tick: room.facts.tick, speed: room.roundClock.speed,
    paused: room.roundClock.paused, scenarioId: s.scenarioId, outcome: room.facts.outcome, seats, clients: room.clients.length,
    pending: room.modelWorld()!.pending.length, cards: JSON.stringify([...room["cards"]]),
  };
}

describe("a class of 30", () => {
  test("students join by code alone with unique nicknames; the teacher balances, assigns, starts and ends a round; every student's results are saved", async () => {
    const { teacher, inbox, session, room, act } = await openClass(ts);
    expect(session.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(normalizeJoinCode(session.code.toLowerCase())).toBe(session.code);
    expect(session.joinPath).toBe(`/?code=${session.code}`);
    expect(session.hostSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(room.roomId).toBe(session.code);
    expect(teacher.state.phase).toBe("lobby");
    expect(teacher.state.code).toBe(session.code);

    const students = await Promise.all(Array.from({ length: 30 }, () => joinStudent(ts, session.code)));
    await waitFor("30 seats on the teacher's screen", () => teacher.state.seats.size === 30);
    const names = new Set<string>();
    teacher.state.seats.forEach((s: { name: string; bot: string; host: boolean }) => {
      expect(s.bot).toBe("");
      expect(s.host).toBe(false);
      expect(s.name).toMatch(/^[A-Z][a-z]+ [A-Z][A-Za-z0-9 -]+$/);
      names.add(s.name);
    });
    expect(names.size).toBe(30);

    // A tick in the lobby does not run the model, and a student's command waits for the start.
    const tick0 = room.facts.tick;
    students[0].client.send(ClientMessage.command, { kind: "release", squad: 1 });
    await waitFor("the lobby refusal", () => students[0].refusals.length === 1);
    expect(students[0].refusals[0].error).toMatch(/not started/);

    act({ action: "autoBalance" });
    const id = (k: number) => students[k].client.sessionId;
    act({ action: "assign", seatId: id(0), role: "nk" });
    await waitFor("the assignment", () => teacher.state.seats.get(id(0))?.role === "nk");
    const byRole = (role: string) => [...room.state.seats.entries()].filter(([, s]) => s.role === role && !s.bot).length;
    expect(byRole("clinician")).toBe(2);
    expect(byRole("effector")).toBe(14);
    expect(byRole("treg") + byRole("nk")).toBe(14);

    act({ action: "start" });
    await waitFor("the round to start", () => teacher.state.phase === "playing");
    expect(room.facts.tick).toBe(tick0);
    // Every student of a squad-commanding role has squads nobody else in the class has; no bots (every role is taken).
    const owners = new Map<number, number>();
    room.state.seats.forEach((s) => {
      expect(s.bot).toBe("");
      if (s.role === "clinician") return expect([...s.squads]).toEqual([]);
      for (const n of s.squads) owners.set(n, (owners.get(n) ?? 0) + 1);
    });
    expect([...owners.values()].every((n) => n === 1)).toBe(true);
    expect(Math.max(...owners.keys())).toBeLessThanOrEqual(64);
    const counts = new Map<number, number>();
    for (let i = 0; i < room.modelWorld()!.cells.count; i++) counts.set(room.modelWorld()!.cells.squad[i], (counts.get(room.modelWorld()!.cells.squad[i]) ?? 0) + 1);
    for (const n of owners.keys()) expect(counts.get(n) ?? 0).toBeGreaterThan(0);

    // A student commands their own squad; a classmate's is refused.
    const eff = students.map((s) => ({ ...s, seat: room.state.seats.get(s.client.sessionId)! })).filter((s) => s.seat.role === "effector");
    const mine = eff[0].seat.squads.at(0)!, theirs = eff[1].seat.squads.at(0)!;
    eff[0].client.send(ClientMessage.command, { kind: "target", squad: mine, x: 20, y: 20 });
    eff[0].client.send(ClientMessage.command, { kind: "target", squad: theirs, x: 20, y: 20 });
    await waitFor("the refusal", () => eff[0].refusals.length === 1);
    expect(eff[0].refusals[0].error).toMatch(new RegExp(`squad ${theirs} is not yours`));
    expect(room.modelWorld()!.pending).toEqual([{ kind: "target", squad: mine, x: 20, y: 20 }]);

    room.advance(40);
    expect(room.facts.tick).toBe(tick0 + 40);
    await waitFor("a dashboard with the action", () => inbox.dashboards.some((d) => d.rows.some((r) => r.seatId === eff[0].client.sessionId && r.commands === 1)));
    const row = inbox.dashboards.at(-1)!.rows.find((r) => r.seatId === eff[0].client.sessionId)!;
    expect(row.lastAction).toBe(`sent squad ${mine} to 20, 20`);
    expect(inbox.dashboards.at(-1)!.rows).toHaveLength(30);
    expect(students.every((s) => s.dashboards.length === 0)).toBe(true);

    act({ action: "end" });
    await waitFor("the debrief on every device", () => students.every((s) => s.debriefs.length === 1) && inbox.debriefs.length === 1);
    expect(teacher.state.phase).toBe("ended");
    expect(room.facts.outcome).not.toBe("ongoing");
    expect(inbox.debriefs[0].roles.filter((r) => r.bot === "")).toHaveLength(30);
    expect(room.facts.outcome).toBe("endedByTeacher"); // ended by the teacher long before the infection is decided
    expect(inbox.debriefs[0].outcome).toBe("endedByTeacher");
    expect(inbox.debriefs[0].outcomeText).toMatch(/^The teacher ended the round on day \d+ at \d\d:\d\d, before it was decided/);
    await waitFor("the rounds message", () => students.every((s) => s.rounds.length === 1));
    expect(students[5].rounds[0]).toHaveLength(1);
    expect(students[5].rounds[0][0].round).toBe(1);
    expect(students[5].rounds[0][0].series.threat?.length).toBe(students[5].rounds[0][0].days.length);

    const saved = (await getResultsStore().rounds(session.code));
    expect(saved).toHaveLength(1);
    expect(saved[0].players.map((p) => p.nickname).sort()).toEqual([...names].sort());
    for (const p of saved[0].players) {
      expect(ROLES).toContain(p.role);
      if (p.role !== "clinician") expect(p.measures.length).toBeGreaterThan(0);
    }
    const csvRows = (await getResultsStore().csv(session.code)).trim().split("\n");
    expect(csvRows.length).toBeGreaterThanOrEqual(31);

    // A second round: same seats, a fresh world, back in the lobby; its results add to the chart.
    act({ action: "newRound" });
    await waitFor("the lobby again", () => teacher.state.phase === "lobby" && teacher.state.round === 2);
    act({ action: "start" });
    await waitFor("round 2 running", () => teacher.state.phase === "playing");
    room.advance(10);
    act({ action: "end" });
    await waitFor("two rounds compared", () => students[3].rounds.length === 2);
    expect(students[3].rounds[1].map((r) => r.round)).toEqual([1, 2]);
    expect((await getResultsStore().rounds(session.code))).toHaveLength(2);

    await Promise.all([...students.map((s) => s.client.leave()), teacher.leave()]);
  }, 240_000); // 31 devices in this process decode every patch in turn: a loaded machine takes seconds per step
});

describe("the lobby", () => {
  test("the clock runs but the model does not until the teacher starts; then it does", async () => {
    const { teacher, session, room, act } = await openClass(ts);
    room.manual = false;
    const student = await joinStudent(ts, session.code);
    await waitFor("20 base ticks in the lobby", () => room.roundClock.baseTicks >= 20);
    expect(room.facts.tick).toBe(0);
    act({ action: "start" });
    await waitFor("the model to run", () => room.facts.tick > 0);
    act({ action: "pause" });
    await waitFor("paused", () => teacher.state.paused);
    await Promise.all([student.client.leave(), teacher.leave()]);
  });
});

describe("teacher powers", () => {
  test("scenario and rename in the lobby; in play, speed, and a therapy card dealt: played by the teacher, or made ready for a clinician student", async () => {
    const { teacher, session, room, act, inbox } = await openClass(ts);
    const s = await joinStudent(ts, session.code);
    const id = s.client.sessionId;
    act({ action: "scenario", scenarioId: "melanoma", days: 0.5 });
    await waitFor("the new scenario", () => teacher.state.scenarioId === "melanoma");
    expect(room.facts.scenario.days).toBe(0.5);
    const oldName = room.state.seats.get(id)!.name;
    act({ action: "rename", seatId: id });
    await waitFor("a new name", () => room.state.seats.get(id)!.name !== oldName);
    expect(room.state.seats.get(id)!.name).toMatch(/^[A-Z][a-z]+ [A-Z]/);
    act({ action: "assign", seatId: id, role: "treg" });
    act({ action: "start" });
    await waitFor("playing", () => teacher.state.phase === "playing");
    expect(room.state.seats.get("bot:clinician")?.bot).toBe("normal");
    act({ action: "scenario", scenarioId: "viral" });
    await waitFor("the refusal", () => inbox.refusals.length === 1);
    expect(inbox.refusals[0].error).toMatch(/in the lobby/);

    act({ action: "speed", speed: 4 });
    await waitFor("speed 4", () => teacher.state.speed === 4);
    const therapy = THERAPY_NAMES[0];
    act({ action: "deal", therapy }); // nobody plays clinician: the teacher's card is played at once
    // made by the round on the model's thread: its card clock comes back with the answer
    await waitFor("the dose given: its card cooling down", () => (room["cards"].get(therapy) ?? -1) > room.facts.tick);
    room.advance(1);
    expect(room["cards"].get(therapy)).toBeGreaterThan(room.facts.tick);

    act({ action: "assign", seatId: id, role: "clinician" }); // takes the bot's seat mid-round
    await waitFor("the student is the clinician", () => room.state.seats.get(id)?.role === "clinician" && !room.state.seats.has("bot:clinician"));
    expect(room.state.seats.get("bot:treg")?.bot).toBe("normal"); // the Tregs went back to a bot
    act({ action: "deal", therapy });
    await waitFor("the card ready for the student", () => room["cards"].get(therapy) === room.facts.tick);
    expect(room.modelWorld()!.pending.some((c) => c.kind === "therapy")).toBe(false);
    await Promise.all([s.client.leave(), teacher.leave()]);
  });
});

describe("the host secret", () => {
  test("without it, or with a wrong one, every teacher action is refused and changes nothing", async () => {
    const { teacher, inbox: teacherInbox, session, room, act } = await openClass(ts);
    const a = await joinStudent(ts, session.code), b = await joinStudent(ts, session.code), c = await joinStudent(ts, session.code);
    const bId = b.client.sessionId;
    const every: TeacherAction[] = [
      { action: "start" }, { action: "pause" }, { action: "resume" }, { action: "end" }, { action: "newRound" },
      { action: "autoBalance" }, { action: "lock" }, { action: "unlock" }, { action: "speed", speed: 8 }, { action: "lateJoin", on: false },
      { action: "assign", seatId: bId, role: "clinician" }, { action: "team", seatId: bId, team: 2 }, { action: "rename", seatId: bId }, { action: "kick", seatId: bId },
      { action: "deal", therapy: THERAPY_NAMES[0] }, { action: "scenario", scenarioId: room.state.scenarioId, days: 0.5 },
    ];
    const before = snapshot(room);
    // (three students share the sending: the room answers at most 30 refusals a second to one client)
    for (const action of every) {
      a.client.send(ClassroomClientMessage.teacher, action); // no secret at all
      c.client.send(ClassroomClientMessage.teacher, { secret: "0".repeat(64), ...action }); // a guess
      b.client.send(ClassroomClientMessage.teacher, { secret: session.hostSecret.slice(0, 63), ...action }); // nearly
    }
    for (const action of every) act(action, session.hostSecret.toUpperCase()); // the teacher's own client, a wrong secret
    await waitFor("every refusal", () => a.refusals.length === every.length && b.refusals.length === every.length && c.refusals.length === every.length && teacherInbox.refusals.length === every.length);
    for (const r of [...a.refusals, ...b.refusals, ...c.refusals, ...teacherInbox.refusals]) {
      expect(r.message).toBe(ClassroomClientMessage.teacher);
      expect(r.error).toMatch(/host secret/);
    }
    expect(snapshot(room)).toEqual(before);
    // and the real secret does change things
    act({ action: "lock" });
    await waitFor("the lock", () => room.state.locked);
    await expect(ts.colyseus.sdk.joinById(session.code, { hostSecret: "f".repeat(64) })).rejects.toThrow(/not this class's host secret/);
    await Promise.all([a.client.leave(), b.client.leave(), teacher.leave()]);
  });
});

describe("join codes", () => {
  test("a code is never one in use or with saved results; it is freed when the session closes", async () => {
    const seen: string[] = [];
    const code = await claimJoinCode((c) => (seen.push(c), seen.length < 3));
    expect(code).toBe(seen[2]);
    for (const c of seen) expect(normalizeJoinCode(c)).toBe(c);
    expect(isLiveJoinCode(code)).toBe(true);
    releaseJoinCode(code);
    await expect(claimJoinCode(() => true)).rejects.toThrow(/free join code/);

    const { teacher, session } = await openClass(ts);
    expect(isLiveJoinCode(session.code)).toBe(true);
    expect((await getResultsStore().hasSession(session.code))).toBe(false); // no results row until the class keeps a result (issue 13)
    await teacher.leave();
    await waitFor("the code to be freed", () => !isLiveJoinCode(session.code));
  });
});

describe("joining rules", () => {
  test("a locked class and a started class without late join refuse new students with a clear sentence; the teacher still gets back in", async () => {
    const { teacher, session, room, act } = await openClass(ts);
    const first = await joinStudent(ts, session.code);
    act({ action: "lock" });
    await waitFor("the lock", () => teacher.state.locked);
    await expect(ts.colyseus.sdk.joinById(session.code)).rejects.toThrow(/This class is locked: ask your teacher/);
    // The join page's code check says so too, before a student even tries.
    const check = await fetch(`${ts.baseUrl}/api/classroom/check`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: session.code }) });
    expect(check.status).toBe(409);
    expect((await check.json()).error).toMatch(/not taking new students/);
    const teacher2 = await ts.colyseus.sdk.joinById(session.code, { hostSecret: session.hostSecret });
    const inbox2 = listenAll(teacher2);
    await waitFor("the session info for the returning teacher", () => inbox2.sessions.length === 1);
    expect(inbox2.sessions[0].hostSecret).toBe(session.hostSecret);
    expect(room.state.seats.has(teacher2.sessionId)).toBe(false); // a teacher has no seat

    act({ action: "unlock" });
    act({ action: "lateJoin", on: false });
    await waitFor("unlocked, late join off", () => !teacher.state.locked && !teacher.state.lateJoin);
    const second = await joinStudent(ts, session.code); // still the lobby: welcome
    act({ action: "start" });
    await waitFor("playing", () => teacher.state.phase === "playing");
    await expect(ts.colyseus.sdk.joinById(session.code)).rejects.toThrow(/already started and late joining is off/);
    act({ action: "lateJoin", on: true });
    await waitFor("late join on", () => teacher.state.lateJoin);
    const late = await joinStudent(ts, session.code);
    const lateSeat = room.state.seats.get(late.client.sessionId)!;
    expect(lateSeat.role).not.toBe("clinician"); // three students: effector, treg, nk
    expect(lateSeat.squads.length).toBeGreaterThan(0);
    expect(room.seats.people()).toHaveLength(3);
    await Promise.all([first.client.leave(), second.client.leave(), late.client.leave(), teacher2.leave(), teacher.leave()]);
  });

  test("options other than the host secret are refused (students send nothing but the code)", async () => {
    const { teacher, session } = await openClass(ts);
    await expect(ts.colyseus.sdk.joinById(session.code, { name: "Bobby Tables" })).rejects.toThrow(/code alone/);
    await teacher.leave();
  });
});

describe("a student's device sleeps", () => {
  test("a dropped student comes back to the same seat, role, nickname and squads", async () => {
    const { teacher, session, room, act } = await openClass(ts);
    const students = await Promise.all([0, 1, 2, 3, 4].map(() => joinStudent(ts, session.code)));
    act({ action: "start" });
    await waitFor("playing", () => teacher.state.phase === "playing");
    const s = students[0];
    const id = s.client.sessionId, token = s.client.reconnectionToken;
    const seat = { ...room.state.seats.get(id)!.toJSON() };
    s.client.reconnection.enabled = false;
    await s.client.leave(false);
    await waitFor("the seat to show disconnected", () => room.state.seats.get(id)?.connected === false);
    room.advance(5);
    const back = await ts.colyseus.sdk.reconnect(token);
    listenAll(back);
    expect(back.sessionId).toBe(id);
    await waitFor("connected again", () => room.state.seats.get(id)?.connected === true);
    expect({ ...room.state.seats.get(id)!.toJSON() }).toEqual(seat);
    await Promise.all([back.leave(), ...students.slice(1).map((x) => x.client.leave()), teacher.leave()]);
  });
});

describe("kick", () => {
  test("a kicked student is told, disconnected, loses the seat and cannot come back with their token; their squads pass on", async () => {
    const { teacher, session, room, act } = await openClass(ts);
    const [a, b] = await Promise.all([joinStudent(ts, session.code), joinStudent(ts, session.code)]);
    act({ action: "assign", seatId: a.client.sessionId, role: "effector" });
    act({ action: "assign", seatId: b.client.sessionId, role: "effector" });
    act({ action: "start" });
    await waitFor("playing", () => teacher.state.phase === "playing");
    const aSquads = [...room.state.seats.get(a.client.sessionId)!.squads];
    const token = a.client.reconnectionToken;
    a.client.reconnection.enabled = false;
    let closed = false;
    a.client.onLeave(() => (closed = true));
    act({ action: "kick", seatId: a.client.sessionId });
    await waitFor("the removal message and the close", () => a.removed.length === 1 && closed);
    expect(room.state.seats.has(a.client.sessionId)).toBe(false);
    const heir = [...room.state.seats.get(b.client.sessionId)!.squads];
    for (const sq of aSquads) expect(heir).toContain(sq);
    await expect(ts.colyseus.sdk.reconnect(token)).rejects.toThrow();
    expect(room.seats.people()).toHaveLength(1);
    await Promise.all([b.client.leave(), teacher.leave()]);
  });

  test("a student kicked while their device is away cannot come back with their token, long before the wait would end", async () => {
    const { teacher, session, room, act } = await openClass(ts);
    room.reconnectSeconds = 600; // the wait alone would still hold the seat
    const [s, other] = await Promise.all([joinStudent(ts, session.code), joinStudent(ts, session.code)]);
    const id = s.client.sessionId, token = s.client.reconnectionToken;
    s.client.reconnection.enabled = false;
    await s.client.leave(false);
    await waitFor("away", () => room.state.seats.get(id)?.connected === false);
    // A classmate away at the same time still gets back: the refusal is the kick's, not the wait's.
    const otherToken = other.client.reconnectionToken;
    other.client.reconnection.enabled = false;
    await other.client.leave(false);
    await waitFor("the classmate away", () => room.state.seats.get(other.client.sessionId)?.connected === false);
    // Which devices the room lets back in at all (onReconnect runs only for a token the room accepted).
    const reconnected: string[] = [];
    const onReconnect = room.onReconnect.bind(room);
    room.onReconnect = (client) => { reconnected.push(client.sessionId); onReconnect(client); };
    act({ action: "kick", seatId: id });
    await waitFor("the seat gone", () => !room.state.seats.has(id));
    await expect(ts.colyseus.sdk.reconnect(token)).rejects.toThrow();
    expect(reconnected).toEqual([]); // refused at the door, not let in and then closed
    expect(room.clients.some((c) => c.sessionId === id)).toBe(false);
    const back = await ts.colyseus.sdk.reconnect(otherToken);
    listenAll(back);
    await waitFor("the classmate connected again", () => room.state.seats.get(other.client.sessionId)?.connected === true);
    expect(reconnected).toEqual([other.client.sessionId]);
    expect(room.seats.people().map((p) => p.id)).toEqual([other.client.sessionId]);
    await Promise.all([back.leave(), teacher.leave()]);
  });
});
