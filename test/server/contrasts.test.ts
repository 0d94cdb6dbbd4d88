// Contrasts in real rooms, the model on its own thread: the log a room keeps of what reached the model (a person's
// therapy card through the door, bots' orders, a class's squad splits and their fold-back, a round the
// teacher ends mid-ask) replays to the room's own state hash; after the end every device hears "computing", then
// each contrast once, with charts on the debrief's days. Real timers, 127.0.0.1.

import type { Room as SdkRoom } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import { describe, expect, test } from "vitest";
import type { ContrastUpdate } from "../../shared/net/contrast.ts";
import { ServerMessage, type Debrief } from "../../shared/net/messages.ts";
import { replayRound } from "../../shared/report/replay.ts";
import { stateHash } from "../../shared/sim/index.ts";
import type { RoundContrasts } from "../../server/rooms/contrast/RoundContrasts.ts";
import type { TissueRoom } from "../../server/rooms/TissueRoom.ts";
import { joinStudent, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();
/** A round, then its contrasts replayed on a thread: minutes on a loaded 2-core machine, not the file's 30 s. */
const CONTRAST_TEST_MS = 240_000;
const contrastsOf = (room: object) => (room as unknown as { contrasts: RoundContrasts }).contrasts;

function listen(client: SdkRoom) {
  const got = { updates: [] as ContrastUpdate[], debriefs: [] as Debrief[] };
  client.onMessage(ServerMessage.contrast, (u: ContrastUpdate) => got.updates.push(u));
  client.onMessage(ServerMessage.debrief, (d: Debrief) => got.debriefs.push(d));
  client.onMessage("*", () => {});
  return got;
}

describe("contrasts in a room", () => {
  test("a solo round with a therapy card: its log replays to the room's hash, and the device gets each contrast", async () => {
    const client = await ts.colyseus.sdk.create("tissue", { role: "clinician", seed: 7, scenarioId: "viral", days: 0.3 });
    const got = listen(client);
    const room = matchMaker.getLocalRoomById(client.roomId) as TissueRoom;
    room.control({ action: "speed", speed: 8 });
    await waitFor("the round to run", () => room.facts.tick > 30, 20_000);
    client.send("command", { kind: "therapy", therapy: "highDose", course: true });
    await waitFor("the round's end", () => room.facts.outcome !== "ongoing", 60_000);
    expect(room.modelOnThread).toBe(true);

    const log = contrastsOf(room).lastLog!;
    expect(log.endTick).toBe(room.facts.tick);
    expect(log.ticks.some((t) => t.commands?.some((c) => c.kind === "therapy"))).toBe(true);
    expect(log.ticks.some((t) => t.commands?.some((c) => c.kind === "targetCells"))).toBe(true); // the bots'
    expect(stateHash(replayRound(log))).toBe((await room.lookAtModel())!.hash); // the thread's world

    await waitFor("the contrasts", () => got.updates.some((u) => u.status === "done"), 120_000);
    const planned = got.updates.at(-1)!.planned.map((p) => p.id);
    expect(planned).toEqual(expect.arrayContaining(["noTregs", "noTherapy", "otherTherapy"]));
    expect(got.updates[0].status === "queued" || got.updates[0].status === "running").toBe(true);
    const results = got.updates.flatMap((u) => (u.result ? [u.result] : []));
    expect(results.map((r) => r.id).sort()).toEqual([...planned].sort()); // each once
    const days = got.debriefs[0].days;
    for (const r of results) {
      expect(r.summary.startsWith(`${r.label}:`)).toBe(true);
      expect(r.days).toEqual(days);
      for (const s of r.series) expect([s.real.length, s.contrast.length]).toEqual([days.length, days.length]);
    }
    const noTherapy = results.find((r) => r.id === "noTherapy")!;
    const leak = noTherapy.series.find((s) => s.name === "toxicity.leak")!;
    expect(Math.max(...leak.contrast)).toBeLessThan(Math.max(...leak.real));
    await client.leave();
  }, CONTRAST_TEST_MS);

  test("a class's split squads, folded back when its students are removed, and a round the teacher ends: the log still replays to the room's hash", async () => {
    const { room, act, inbox } = await openClass(ts, { days: 1 });
    room.manual = false; // on its clock and its thread
    const seen = { updates: [] as ContrastUpdate[] };
    inbox.client.onMessage(ServerMessage.contrast, (u: ContrastUpdate) => seen.updates.push(u));
    const a = await joinStudent(ts, room.roomId);
    const b = await joinStudent(ts, room.roomId);
    act({ action: "assign", seatId: a.client.sessionId, role: "effector" });
    act({ action: "assign", seatId: b.client.sessionId, role: "effector" });
    await waitFor("both effector students", () => [a, b].every((d) => room.state.seats.get(d.client.sessionId)?.role === "effector"));
    act({ action: "start" });
    act({ action: "speed", speed: 8 });
    await waitFor("the round to run", () => room.facts.tick > 60, 20_000);
    act({ action: "kick", seatId: b.client.sessionId });
    await waitFor("b gone", () => !room.state.seats.has(b.client.sessionId));
    act({ action: "kick", seatId: a.client.sessionId }); // the last effector student: the squads fold back for a bot
    await waitFor("a bot in the effector seat", () => room.state.seats.has("bot:effector"));
    const t = room.facts.tick;
    await waitFor("more steps", () => room.facts.tick > t + 30, 20_000);
    act({ action: "end" });
    await waitFor("the debrief", () => room.facts.outcome !== "ongoing");
    expect(room.modelOnThread).toBe(true);
    const log = contrastsOf(room).lastLog!;
    const edits = log.ticks.flatMap((x) => x.edits ?? []);
    expect(edits.some((e) => e.kind === "split")).toBe(true);
    expect(edits.some((e) => e.kind === "merge")).toBe(true);
    expect(stateHash(replayRound(log))).toBe((await room.lookAtModel())!.hash); // the thread's world
    await waitFor("the teacher's contrasts", () => seen.updates.some((u) => u.status === "done"), 120_000);
    expect(seen.updates.filter((u) => u.result).length).toBe(seen.updates.at(-1)!.planned.length);
    act({ action: "close" });
  }, CONTRAST_TEST_MS);

  test("a round whose model thread dies half-way (a new thread replays the log and goes on): the log still replays to the room's hash", async () => {
    const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { role: "nk", seed: 9, days: 0.25 });
    room.autoDispose = false;
    room.control({ action: "speed", speed: 4 });
    await waitFor("the thread at work", () => room.facts.tick > 40, 20_000);
    const log = console.error;
    console.error = () => {};
    try {
      const thread = (room as unknown as { model: { worker: { terminate(): Promise<number> } } }).model;
      await thread.worker.terminate();
      await waitFor("a new thread", () => room.threadsReplaced === 1, 10_000);
    } finally {
      console.error = log;
    }
    room.control({ action: "speed", speed: 8 });
    await waitFor("the round's end", () => room.facts.outcome !== "ongoing", 60_000);
    expect(room.modelOnThread).toBe(true);
    const roundLog = contrastsOf(room).lastLog!;
    expect(roundLog.ticks.some((t) => t.tick > 40 && t.commands?.length)).toBe(true);
    expect(stateHash(replayRound(roundLog))).toBe((await room.lookAtModel())!.hash); // the new thread's world
    await room.disconnect();
  }, CONTRAST_TEST_MS);
});
