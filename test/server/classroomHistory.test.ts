// The live charts' catch-up: a device that (re)joins a classroom round under way gets one history message with the
// round's metrics so far (bounded: at most HISTORY_MAX_POINTS, thinned evenly), checked by the shared validator; in
// the lobby nobody gets one. Real WebSockets on 127.0.0.1, the round driven by advance().

import { describe, expect, test } from "vitest";
import { HISTORY_MAX_POINTS, checkRoundHistory, roundHistory } from "../../shared/net/classroom.ts";
import { zeroValues, type MetricSample } from "../../shared/sim/index.ts";
import { joinStudent, listenAll, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const sample = (i: number): MetricSample => ({
  tick: i * 10, day: (i * 10) / 1440, values: { ...zeroValues(), "threat.burden": 100 + i, "count.cd8": 50 + (i % 7), "tissue.damage": i / 1e5 },
});

describe("the history message", () => {
  test("a short round is sent whole, each point as the charts draw it", () => {
    const h = roundHistory(2, [0, 1, 2].map(sample));
    expect(h).toEqual({ round: 2, days: [0, 0.0069, 0.0139], threat: [100, 101, 102], cd8: [50, 51, 52], damage: [0, 0.00001, 0.00002] });
    expect(checkRoundHistory(h)).toEqual({ ok: true, value: h });
  });

  test("a long round is thinned evenly to the cap, keeping its first and last points, and stays small", () => {
    const samples = Array.from({ length: 4321 }, (_, i) => sample(i)); // 30 simulated days at one sample per 10 ticks
    const h = roundHistory(1, samples);
    expect(h.days).toHaveLength(HISTORY_MAX_POINTS);
    expect(h.threat[0]).toBe(100);
    expect(h.threat.at(-1)).toBe(100 + 4320);
    expect(h.days.at(-1)).toBeCloseTo(samples[4320].day, 4);
    const gaps = h.threat.slice(1).map((t, i) => t - h.threat[i]);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1); // evenly spread
    expect(checkRoundHistory(h).ok).toBe(true);
    expect(JSON.stringify(h).length).toBeLessThan(30_000);
  });

  test("the validator refuses what the charts could not draw", () => {
    const good = roundHistory(1, [0, 1, 2].map(sample));
    expect(checkRoundHistory({ ...good, threat: [1, 2] }).ok).toBe(false);
    expect(checkRoundHistory({ ...good, cd8: [1, Number.NaN, 3] }).ok).toBe(false);
    expect(checkRoundHistory({ ...good, days: [0.2, 0.1, 0.3] }).ok).toBe(false);
    expect(checkRoundHistory({ ...good, round: -1 }).ok).toBe(false);
    const long = Array.from({ length: HISTORY_MAX_POINTS + 1 }, (_, i) => i);
    expect(checkRoundHistory({ round: 1, days: long, threat: long, cd8: long, damage: long }).ok).toBe(false);
    expect(checkRoundHistory([good]).ok).toBe(false);
  });
});

const ts = testServerPerFile();

describe("catching up a round under way", () => {
  test("a reloaded teacher page and a reconnecting student get the round so far at once; in the lobby nobody gets a history", async () => {
    const { inbox: teacher, session, room, act } = await openClass(ts, { days: 1 });
    const student = await joinStudent(ts, session.code);

    act({ action: "start" });
    await waitFor("playing", () => room.state.phase === "playing");
    room.advance(250);
    const want = roundHistory(room.state.round, room.facts.history);
    expect(want.days).toHaveLength(25);

    // The teacher's page reloads: a new connection with the host secret.
    const again = listenAll(await ts.colyseus.sdk.joinById(session.code, { hostSecret: session.hostSecret }));
    await waitFor("the history on the reloaded page", () => again.histories.length === 1);
    const got = checkRoundHistory(again.histories[0]);
    expect(got.ok).toBe(true);
    expect(again.histories[0]).toEqual(want);
    expect(again.histories[0].threat.at(-1)).toBe(Math.round(room.facts.history.at(-1)!.values["threat.burden"] * 100) / 100); // the HUD's figure

    // A student's device drops and comes back with its token: the history comes with it.
    const token = student.client.reconnectionToken;
    student.client.reconnection.enabled = false;
    await student.client.leave(false);
    await waitFor("away", () => room.state.seats.get(student.client.sessionId)?.connected === false);
    room.advance(50);
    const back = listenAll(await ts.colyseus.sdk.reconnect(token));
    await waitFor("the history on the returning device", () => back.histories.length === 1);
    expect(back.histories[0].days).toHaveLength(30);
    expect(back.histories[0]).toEqual(roundHistory(room.state.round, room.facts.history));
    // Devices that stayed connected got none: their charts have been sampling all along.
    expect(teacher.histories).toHaveLength(0);

    // In the lobby of the next round there is nothing to catch up.
    act({ action: "end" });
    act({ action: "newRound" });
    await waitFor("the lobby", () => room.state.phase === "lobby" && room.state.round === 2);
    const lobbyJoin = await joinStudent(ts, session.code);
    const lobbyTeacher = listenAll(await ts.colyseus.sdk.joinById(session.code, { hostSecret: session.hostSecret }));
    await waitFor("the returning teacher's session info", () => lobbyTeacher.sessions.length === 1);
    expect(lobbyJoin.histories).toHaveLength(0);
    expect(lobbyTeacher.histories).toHaveLength(0);
    await Promise.all([teacher, again, back, lobbyJoin, lobbyTeacher].map((d) => d.client.leave()));
  }, 120_000); // 300 model ticks stepped here and eight waits on the network: seconds each on a loaded machine
});
