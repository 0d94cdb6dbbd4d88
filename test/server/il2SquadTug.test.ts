// The per-squad IL-2 tug-of-war reaches a class's devices over real WebSockets: after six simulated hours each
// student's device holds a share for every squad with cells (its own among them), the shares stay within the whole,
// a late-joining device receives them too, a new round clears them, and a solo room sends none. Driven by advance().

import { expect, test } from "vitest";
import { TissueRoom } from "../../server/rooms/TissueRoom.ts";
import { joinStudent, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

type MapLike = { size: number; get(k: string): number | undefined; forEach(cb: (v: number, k: string) => void): void };
const entries = (m: MapLike) => { const out: [number, number][] = []; m.forEach((v, k) => out.push([Number(k), v])); return out; };

test("a class's devices receive each squad's share of the IL-2; a new round clears them", async () => {
  const { room, act } = await openClass(ts, { days: 1 });
  const a = await joinStudent(ts, room.roomId), b = await joinStudent(ts, room.roomId);
  for (const s of [a, b]) act({ action: "assign", seatId: s.client.sessionId, role: "effector" });
  await waitFor("the roles", () => [a, b].every((s) => room.state.seats.get(s.client.sessionId)?.role === "effector"));
  act({ action: "start" });
  await waitFor("the round", () => room.state.phase === "playing");
  expect(room.state.hud.il2Squads.size, "nothing before any IL-2 is caught").toBe(0);

  room.advance(360); // 6 simulated hours
  room.broadcastPatch();
  await waitFor("the devices to catch up", () => [a, b].every((s) => s.client.state.tick === room.facts.tick));
  const mine = (s: typeof a) => [...room.state.seats.get(s.client.sessionId)!.squads];
  const got = a.client.state.hud.il2Squads as unknown as MapLike;
  const squads = entries(got);
  // the two students' helper and killer clones are all there, and the helpers caught some
  for (const sq of [...mine(a), ...mine(b)]) expect(got.get(String(sq)), `squad ${sq}`).toBeTypeOf("number");
  expect(got.get(String(mine(a)[0]))! + got.get(String(mine(b)[0]))!).toBeGreaterThan(0);
  const sum = squads.reduce((s, [, v]) => s + v, 0);
  expect(sum).toBeGreaterThan(0);
  expect(sum).toBeLessThanOrEqual(1000 + 10 * squads.length);
  // what both devices hold is the room's
  expect(entries(b.client.state.hud.il2Squads as unknown as MapLike).sort()).toEqual(entries(room.state.hud.il2Squads as unknown as MapLike).sort());

  // a device joining late gets the shares with its first state
  const late = await joinStudent(ts, room.roomId);
  await waitFor("the late device's shares", () => (late.client.state.hud.il2Squads as unknown as MapLike).size === squads.length);

  act({ action: "end" });
  await waitFor("the end", () => room.state.phase === "ended");
  act({ action: "newRound" });
  await waitFor("the lobby", () => room.state.phase === "lobby");
  act({ action: "start" });
  await waitFor("round 2", () => room.state.phase === "playing");
  room.advance(1);
  room.broadcastPatch();
  await waitFor("the shares cleared on the devices", () => (a.client.state.hud.il2Squads as unknown as MapLike).size === 0);
});

test("a solo room sends no squad shares", async () => {
  const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { scenarioId: "viral", seed: 4, role: "effector" });
  room.manual = true;
  const client = await ts.colyseus.sdk.joinById(room.roomId);
  client.onMessage("*", () => {});
  await client.waitForInitialState();
  room.advance(360);
  room.broadcastPatch();
  await waitFor("the client to catch up", () => client.state.tick === room.facts.tick);
  expect(client.state.hud.il2ShareCd4).toBeGreaterThan(0);
  expect((client.state.hud.il2Squads as unknown as MapLike).size).toBe(0);
  await client.leave();
});
