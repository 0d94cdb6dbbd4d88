// Teams within a role: the teacher puts students of one role in a team in the lobby, and a team's students command
// one clone together at the start of the round while those on their own get their own. What the door refuses, and
// what the room refuses (mid-round, clinicians); a change of role leaves the team. Real WebSockets on 127.0.0.1.

import { describe, expect, test } from "vitest";
import { checkTeacherAction, MAX_TEAMS } from "../../shared/net/classroom.ts";
import { joinStudent, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

describe("teams", () => {
  test("the team action at the door: a seat and a whole number from 0 to MAX_TEAMS", () => {
    expect(checkTeacherAction({ secret: "s", action: "team", seatId: "a", team: 2 })).toEqual({ ok: true, value: { secret: "s", action: { action: "team", seatId: "a", team: 2 } } });
    expect(checkTeacherAction({ secret: "s", action: "team", seatId: "a", team: 0 }).ok).toBe(true);
    for (const team of [-1, MAX_TEAMS + 1, 1.5, "2", null, undefined]) {
      expect(checkTeacherAction({ secret: "s", action: "team", seatId: "a", team })).toMatchObject({ ok: false, error: expect.stringMatching(/team must be/) });
    }
    expect(checkTeacherAction({ secret: "s", action: "team", team: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/seatId/) });
    expect(checkTeacherAction({ secret: "s", action: "team", seatId: "a", team: 1, role: "nk" })).toMatchObject({ ok: false, error: expect.stringMatching(/no field role/) });
  });

  test("a team's students share one clone when the round starts; one on their own has their own; teams are made in the lobby", async () => {
    const { room, act, inbox } = await openClass(ts);
    const students = await Promise.all([0, 1, 2, 3].map(() => joinStudent(ts, room.roomId)));
    const [a, b, c, d] = students.map((s) => s.client.sessionId);
    for (const id of [a, b, c]) act({ action: "assign", seatId: id, role: "effector" });
    act({ action: "assign", seatId: d, role: "clinician" });
    await waitFor("the roles", () => [a, b, c].every((id) => room.state.seats.get(id)?.role === "effector") && room.state.seats.get(d)?.role === "clinician");
    act({ action: "team", seatId: a, team: 3 });
    act({ action: "team", seatId: c, team: 3 });
    act({ action: "team", seatId: d, team: 1 });
    await waitFor("the teams", () => room.state.seats.get(a)?.team === 3 && room.state.seats.get(c)?.team === 3);
    await waitFor("the clinician's refusal", () => inbox.refusals.length === 1);
    expect(inbox.refusals[0].error).toMatch(/clinicians .* no team/);
    expect(room.state.seats.get(d)!.team).toBe(0);

    act({ action: "start" });
    await waitFor("the round", () => room.state.phase === "playing");
    const squads = (id: string) => [...room.state.seats.get(id)!.squads];
    expect(squads(a)).toEqual(squads(c));
    expect(squads(b)).not.toEqual(squads(a));
    expect(squads(a).some((n) => squads(b).includes(n))).toBe(false);
    // Both clones have cells in the world.
    const cells = (mine: number[]) => {
      let n = 0;
      for (let i = 0; i < room.modelWorld()!.cells.count; i++) if (mine.includes(room.modelWorld()!.cells.squad[i])) n++;
      return n;
    };
    expect(cells(squads(a))).toBeGreaterThan(0);
    expect(cells(squads(b))).toBeGreaterThan(0);

    act({ action: "team", seatId: b, team: 3 });
    await waitFor("the mid-round refusal", () => inbox.refusals.length === 2);
    expect(inbox.refusals[1].error).toMatch(/teams are made in the lobby/);
    expect(room.state.seats.get(b)!.team).toBe(0);

    act({ action: "newRound" });
    await waitFor("the lobby", () => room.state.phase === "lobby");
    act({ action: "assign", seatId: a, role: "nk" });
    await waitFor("a's new role", () => room.state.seats.get(a)?.role === "nk");
    expect(room.state.seats.get(a)!.team).toBe(0); // teams are within a role
    expect(room.state.seats.get(c)!.team).toBe(3);
  });
});
