// The model on its own thread: a room that steps it there plays exactly the round a room stepping it itself plays
// (bots decide at the same ticks, whatever the speed); a classroom's squad split and fold-back reach the thread; a
// thread that dies is replaced by one that replays the round's inputs (bots thinking again), and the round ends as if
// nothing happened, the log alone making it again (a person's orders, a bot seated mid-round);
// the state shows the view the thread sends; closing the room stops the thread; questions (the microscope, a look
// at the hash) go to the thread's own world; people's orders are admitted by the round on the thread, paused or not,
// with the same refusals, and a paused class's admitted order is in its checkpoint.
// Real timers, 127.0.0.1.

import { inflateRawSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { FieldMirror, frameBody, readFrameHeader } from "../../shared/net/fieldFrame.ts";
import { ServerMessage } from "../../shared/net/messages.ts";
import type { TissueRoom } from "../../server/rooms/TissueRoom.ts";
import { FieldFrames } from "../../server/rooms/fieldBroadcast.ts";
import { ModelThread } from "../../server/rooms/model/modelThread.ts";
import { inspectCell } from "../../shared/report/inspect.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { createWorld, makeParams, stateHash, step } from "../../shared/sim/index.ts";
import { MAX_THREADS_REPLACED, type RoundSoFar } from "../../server/rooms/TissueRoomBase.ts";
import { viewOf, type RoundView } from "../../server/rooms/model/roundView.ts";
import { openClass, joinStudent } from "./classDevices.ts";
import { replayInputs, type LoggedInput } from "../../shared/round/index.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

/** A one-day class on its clock and its thread (openClass drives rooms by hand) with one effector student. */
async function classOfOneOnThread() {
  const { room, act } = await openClass(ts, { days: 1 });
  room.manual = false;
  const s = await joinStudent(ts, room.roomId);
  act({ action: "assign", seatId: s.client.sessionId, role: "effector" });
  await waitFor("the effector student", () => room.state.seats.get(s.client.sessionId)?.role === "effector");
  return { room, act, s };
}

/** The model's thread inside a room (private): for checking that it stops. */
const threadOf = (room: object) => (room as unknown as { model: { worker: unknown; failure: string | null } }).model;

describe("the model's own thread", () => {
  test("a round stepped on the thread at 8× is the round the room plays stepping by itself", async () => {
    const options = { watch: true, seed: 11, days: 0.25, difficulty: "hard" };
    const threaded = await ts.colyseus.createRoom<TissueRoom>("tissue", options);
    threaded.autoDispose = false;
    threaded.control({ action: "speed", speed: 8 });
    const here = await ts.colyseus.createRoom<TissueRoom>("tissue", options);
    here.autoDispose = false;
    here.manual = true;
    here.advance(100_000);
    const hereWorld = here.modelWorld()!; // the one world of a room stepping in its own process
    expect(hereWorld.outcome).not.toBe("ongoing");
    expect(here.modelOnThread).toBe(false);
    expect(here.facts.history).toEqual(hereWorld.history); // the room's history, sample by sample from the answers

    await waitFor("the threaded round's end", () => threaded.facts.outcome !== "ongoing", 30_000);
    expect(threaded.modelOnThread).toBe(true);
    expect(threaded.modelWorld()).toBe(null); // the room holds no world: the thread does
    expect(threaded.roundClock.stepStats().steps).toBe(threaded.facts.tick); // every step was timed, on the thread
    expect(threaded.facts.outcome).toBe(hereWorld.outcome);
    expect(threaded.facts.tick).toBe(hereWorld.tick);
    expect(threaded.facts.history).toEqual(hereWorld.history);
    expect(threaded.bots.accepted).toBe(here.bots.accepted);
    expect(threaded.bots.accepted).toBeGreaterThan(0);
    // The thread's own world: same seed and inputs, same hash on and off the thread.
    expect(await threaded.lookAtModel()).toEqual({ tick: hereWorld.tick, hash: stateHash(hereWorld) });
    expect(await here.lookAtModel()).toEqual({ tick: hereWorld.tick, hash: stateHash(hereWorld) });
    await threaded.disconnect();
    await here.disconnect();
    expect(threadOf(threaded).worker).toBe(null);
  });

  test("the state shows the view the thread made with its answer: the cells and figures of the stepped world", async () => {
    const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { watch: true, seed: 9, days: 1 });
    room.autoDispose = false;
    const client = await ts.colyseus.sdk.joinById(room.roomId);
    client.onMessage("*", () => {});
    room.control({ action: "speed", speed: 4 });
    await waitFor("the thread at work", () => room.facts.tick > 40, 20_000);
    room.control({ action: "pause" });
    await new Promise((r) => setTimeout(r, 400)); // the answer in flight is taken
    expect(room.modelOnThread).toBe(true);
    const shown = (room as unknown as { shown: RoundView | null }).shown;
    expect(shown).not.toBe(null); // made on the thread, not by the room
    expect(shown!.figures.tick).toBe(room.facts.tick); // the view of the answer the room took last
    expect(shown!.cells.count).toBe(shown!.figures.cellCount);
    room.broadcastPatch();
    await waitFor("the client's tick", () => client.state.tick === room.facts.tick);
    expect(client.state.cells.size).toBe(shown!.cells.count);
    expect(client.state.cellCount).toBe(shown!.figures.cellCount);
    await client.leave();
    await room.disconnect();
  });

  test("field frames made on the thread follow on from the join's key frame, and a joiner's key frame is what the others hold", async () => {
    const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { watch: true, seed: 4, days: 1 });
    room.autoDispose = false;
    const frames: Uint8Array[] = [];
    const client = await ts.colyseus.sdk.joinById(room.roomId);
    client.onMessage(ServerMessage.field, (b: Uint8Array) => frames.push(b.slice()));
    client.onMessage("*", () => {});
    room.control({ action: "speed", speed: 2 });
    await waitFor("30 frames", () => frames.length >= 30, 30_000);
    room.control({ action: "pause" });
    await new Promise((r) => setTimeout(r, 400)); // an answer in flight may still bring one
    expect(room.modelOnThread).toBe(true);
    const mirror = new FieldMirror();
    const kinds = frames.map((bytes) => {
      const h = readFrameHeader(bytes)!;
      expect(mirror.apply(h, new Uint8Array(inflateRawSync(frameBody(bytes))))).toBe(true); // false: a seq skipped
      return h.kind;
    });
    expect(kinds[0]).toBe(1); // the join's key frame, made by the room
    expect(kinds.slice(1).filter((k) => k === 1).length).toBeGreaterThan(0); // key frames from the thread, every 25
    expect(kinds.filter((k) => k === 2).length).toBeGreaterThan(20);
    expect(mirror.seq).toBe(room.fieldSeq);
    expect(mirror.levels.some((b) => b > 0)).toBe(true);

    const late = await ts.colyseus.sdk.joinById(room.roomId);
    const again: Uint8Array[] = [];
    late.onMessage(ServerMessage.field, (b: Uint8Array) => again.push(b.slice()));
    late.onMessage("*", () => {});
    await waitFor("the late joiner's key frame", () => again.length === 1);
    const h = readFrameHeader(again[0])!;
    expect(h).toMatchObject({ kind: 1, seq: mirror.seq });
    expect(new Uint8Array(inflateRawSync(frameBody(again[0])))).toEqual(mirror.levels);
    await client.leave();
    await late.leave();
    await room.disconnect();
  });

  test("a class's squads split at the start and folded back when their students go are the thread's squads too", async () => {
    const { room, act } = await openClass(ts, { days: 1 });
    room.manual = false; // openClass drives rooms by hand; this one runs on its clock and its thread
    const a = await joinStudent(ts, room.roomId);
    const b = await joinStudent(ts, room.roomId);
    act({ action: "assign", seatId: a.client.sessionId, role: "effector" });
    act({ action: "assign", seatId: b.client.sessionId, role: "effector" });
    await waitFor("both effector students", () => [a, b].every((d) => room.state.seats.get(d.client.sessionId)?.role === "effector"));
    act({ action: "start" });
    act({ action: "speed", speed: 4 });
    await waitFor("the round to run", () => room.facts.tick > 40, 20_000);
    expect(room.modelOnThread).toBe(true);
    const squadsOf = (d: typeof a) => [...room.state.seats.get(d.client.sessionId)!.squads];
    const split = squadsOf(b).filter((n) => !squadsOf(a).includes(n));
    expect(split.length).toBeGreaterThan(0);
    const cellsIn = (squads: number[]) => {
      const cells = (room as unknown as { shown: RoundView }).shown.cells; // the living cells, as the thread's last answer shows them
      let n = 0;
      for (let i = 0; i < cells.count; i++) if (squads.includes(cells.squad[i])) n++;
      return n;
    };
    // The view comes from the thread's world: had the split not reached it, these cells would not be there.
    const tick = room.facts.tick;
    await waitFor("more answers", () => room.facts.tick > tick + 20, 20_000);
    expect(cellsIn(split)).toBeGreaterThan(0);
    expect(cellsIn(squadsOf(a))).toBeGreaterThan(0);

    act({ action: "kick", seatId: b.client.sessionId });
    await waitFor("b's squads passed to a", () => !room.state.seats.has(b.client.sessionId) && split.every((n) => squadsOf(a).includes(n)));
    act({ action: "kick", seatId: a.client.sessionId });
    await waitFor("a bot in the effector seat", () => room.state.seats.has("bot:effector"));
    const folded = room.facts.tick;
    await waitFor("more answers", () => room.facts.tick > folded + 20, 20_000);
    expect(cellsIn(split)).toBe(0); // folded back on the thread too
    expect(room.facts.outcome).toBe("ongoing");
    act({ action: "close" });
    await waitFor("the class closed", () => threadOf(room).worker === null);
  });

  test("a thread that dies is replaced by one that replays the round's log: the round ends as a round never interrupted", async () => {
    const options = { watch: true, seed: 5, days: 0.25, difficulty: "hard" };
    const here = await ts.colyseus.createRoom<TissueRoom>("tissue", options);
    here.autoDispose = false;
    here.manual = true;
    here.advance(100_000);
    const hereWorld = here.modelWorld()!;
    expect(hereWorld.outcome).not.toBe("ongoing");

    const room = await ts.colyseus.createRoom<TissueRoom>("tissue", options);
    room.autoDispose = false;
    room.control({ action: "speed", speed: 8 });
    await waitFor("the thread at work", () => room.facts.tick > 60, 20_000);
    expect(room.modelOnThread).toBe(true);
    const errors: unknown[][] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    const dead = threadOf(room).worker;
    try {
      await (dead as { terminate(): Promise<number> }).terminate();
      await waitFor("a new thread", () => room.threadsReplaced === 1, 10_000);
    } finally {
      console.error = log;
    }
    expect(String(errors[0]?.[0])).toMatch(/model's thread failed; a new thread replays the round \(its inputs\)/);
    await waitFor("the round's end on the new thread", () => room.facts.outcome !== "ongoing", 30_000);
    expect(room.modelOnThread).toBe(true);
    expect(threadOf(room).worker).not.toBe(dead);
    expect(room.facts.tick).toBe(hereWorld.tick);
    expect(room.facts.outcome).toBe(hereWorld.outcome);
    expect(room.facts.history).toEqual(hereWorld.history); // no sample lost or doubled at the replacement
    expect(room.bots.accepted).toBe(here.bots.accepted);
    expect(await room.lookAtModel()).toEqual({ tick: hereWorld.tick, hash: stateHash(hereWorld) }); // the new thread's world
    await room.disconnect();
    await here.disconnect();
  });

  test("a thread that dies after a person's orders and a bot seated mid-round is replaced from the round's inputs, bots thinking again", async () => {
    const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { seed: 8, days: 0.25, role: "effector", difficulty: "hard" });
    room.autoDispose = false;
    const player = await ts.colyseus.sdk.joinById(room.roomId);
    const refusals: unknown[] = [];
    player.onMessage("*", (type, message) => void (type === ServerMessage.refused && refusals.push(message)));
    await player.waitForInitialState();
    room.control({ action: "speed", speed: 4 });
    await waitFor("the thread at work", () => room.facts.tick > 30, 20_000);
    const desk = (room as unknown as { roundInputs: { inputs: { logged: LoggedInput[] } } }).roundInputs;
    player.send("command", { kind: "target", squad: 1, x: 30, y: 30 });
    player.send("command", { kind: "release", squad: 4 }); // not the player's squad: refused, not logged
    player.send("command", { kind: "target", squad: 2, x: 20, y: 40 });
    await waitFor("the orders made on the round", () => desk.inputs.logged.filter((l) => l.input.kind === "admit").length === 2, 10_000);
    await waitFor("the refusal", () => refusals.length === 1, 10_000);
    await player.leave(); // the effector's seat goes to a bot mid-round
    await waitFor("a bot in the effector seat", () => room.bots.roles().includes("effector"), 10_000);
    await waitFor("a few more steps", () => room.facts.tick > 120, 20_000);
    const errors: unknown[][] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await (threadOf(room).worker as { terminate(): Promise<number> }).terminate();
      await waitFor("a new thread", () => room.threadsReplaced === 1, 10_000);
    } finally {
      console.error = log;
    }
    expect(String(errors[0]?.[0])).toMatch(/replays the round \(its inputs\)/);
    await waitFor("the round's end on the new thread", () => room.facts.outcome !== "ongoing", 60_000);
    const logged = desk.inputs.logged;
    const effectorBot = logged.find((l) => l.input.kind === "seat" && l.input.role === "effector");
    expect(effectorBot!.tick).toBeGreaterThan(30);
    // The log alone makes the round again, to the same world and bots: what the new thread did at the replacement.
    const f = room.facts, replayed = replayInputs(createWorld(f.scenario, makeParams(f.scenario.params), f.seed), logged, f.tick);
    expect(replayed.world.outcome).toBe(f.outcome);
    expect(replayed.bots.accepted).toBe(room.bots.accepted);
    expect(await room.lookAtModel()).toEqual({ tick: f.tick, hash: stateHash(replayed.world) });
    await room.disconnect();
  });

  test("a person's orders are admitted by the round on the thread, paused or not: the card clock comes back, refusals read the same", async () => {
    const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { seed: 12, days: 1, role: "clinician" });
    room.autoDispose = false;
    const player = await ts.colyseus.sdk.joinById(room.roomId);
    const refusals: { error: string }[] = [];
    player.onMessage("*", (type, message) => void (type === ServerMessage.refused && refusals.push(message as { error: string })));
    await player.waitForInitialState();
    await waitFor("the thread at work", () => room.facts.tick > 10, 20_000);
    const cards = () => (room as unknown as { cards: Map<string, number> }).cards;
    player.send("command", { kind: "therapy", therapy: "lowDose", course: true });
    await waitFor("the card cooling down, from the thread's round", () => (cards().get("lowDose") ?? -1) > room.facts.tick + 60, 10_000);
    expect((room as unknown as { pending: unknown[] }).pending).toEqual([]); // admitted there, not waiting in the room
    expect(room.modelOnThread).toBe(true);
    room.control({ action: "pause" });
    const tick = room.facts.tick;
    await new Promise((r) => setTimeout(r, 200)); // an answer in flight comes in
    player.send("command", { kind: "therapy", therapy: "lowDose", course: false });
    await waitFor("the refusal while paused", () => refusals.length === 1, 10_000);
    expect(refusals[0].error).toMatch(/still in use/);
    expect(room.facts.tick).toBeLessThanOrEqual(tick + 16); // no steps for it
    expect((await room.lookAtModel())?.tick).toBe(room.facts.tick);
    await player.leave();
    await room.disconnect();
  });

  test("a paused class's order, admitted by the round on the thread and not yet stepped, is in the class's checkpoint (its inputs log)", async () => {
    const { room, act, s } = await classOfOneOnThread();
    act({ action: "start" });
    await waitFor("the round to run", () => room.facts.tick > 20, 20_000);
    act({ action: "pause" });
    await waitFor("paused", () => room.state.paused, 10_000);
    await new Promise((r) => setTimeout(r, 200)); // an answer in flight comes in
    const tick = room.facts.tick;
    const squad = [...room.state.seats.get(s.client.sessionId)!.squads][0];
    s.client.send("command", { kind: "target", squad, x: 33, y: 44 });
    const take = () => (room as unknown as { checkpoints: { take(): { world: { pending: unknown[]; tick: number; inputs?: LoggedInput[] } } } }).checkpoints.take().world;
    const order = () => take().inputs?.find((l) => l.input.kind === "admit" && l.tick === tick);
    await waitFor("the order in the checkpoint's inputs", () => order() !== undefined, 10_000);
    expect(order()!.input).toMatchObject({ kind: "admit", command: { kind: "target", squad, x: 33, y: 44 } });
    expect(take().pending).toEqual([]); // the inputs' replay admits it again: not kept twice
    expect((room as unknown as { pending: unknown[] }).pending).toEqual([]); // admitted on the thread, not waiting in the room
    expect(room.facts.tick).toBe(tick); // and not stepped
    act({ action: "close" });
  });

  test("the teacher's end is judged on the thread, at once: the steps in flight are the round's, the debrief comes from the thread's world", async () => {
    const { room, act, s } = await classOfOneOnThread();
    act({ action: "start" });
    act({ action: "speed", speed: 4 });
    await waitFor("the round to run", () => room.facts.tick > 40, 20_000);
    expect(room.modelOnThread).toBe(true);
    expect(room.act({ action: "end" })).toBe(null); // as a server that drains ends it
    // no wait: the room waited for the thread's answer, and the class is in its debrief now
    expect(room.facts.outcome).toBe("endedByTeacher");
    expect(room.state.phase).toBe("ended");
    const debrief = (room as unknown as { debrief: { outcome: string; roles: { name: string; measures: unknown[] }[] } | null }).debrief;
    expect(debrief?.outcome).toBe("endedByTeacher");
    expect(debrief!.roles.find((r) => r.name === room.state.seats.get(s.client.sessionId)?.name)?.measures.length).toBeGreaterThan(0);
    const look = await room.lookAtModel(); // the ended round stays on the thread, at the tick the room knows
    expect(look?.tick).toBe(room.facts.tick);
    const tick = room.facts.tick;
    await new Promise((r) => setTimeout(r, 300));
    expect(room.facts.tick).toBe(tick); // no step after the end
    act({ action: "close" });
  });

  test("a round rebuilt from a checkpoint's inputs log goes on as the round never interrupted, the bots' memories included", async () => {
    const options = { watch: true, seed: 21, days: 0.25, difficulty: "hard" };
    const played = await ts.colyseus.createRoom<TissueRoom>("tissue", options);
    played.autoDispose = false;
    played.manual = true;
    played.advance(100);
    type Checkpointed = { roundSoFar(): RoundSoFar; resumeRound(so: RoundSoFar): number };
    const so = JSON.parse(JSON.stringify((played as unknown as Checkpointed).roundSoFar())) as RoundSoFar; // as a checkpoint file keeps it
    expect(so.inputs?.filter((l) => l.input.kind === "seat").length).toBe(4); // the bots, seated by logged inputs
    const resumed = await ts.colyseus.createRoom<TissueRoom>("tissue", options);
    resumed.autoDispose = false;
    resumed.manual = true;
    expect((resumed as unknown as Checkpointed).resumeRound(so)).toBe(100);
    played.advance(150);
    resumed.advance(150);
    const a = played.modelWorld()!, b = resumed.modelWorld()!;
    expect(b.tick).toBe(a.tick);
    expect(stateHash(b)).toBe(stateHash(a));
    expect(resumed.bots.accepted).toBe(played.bots.accepted);
    await played.disconnect();
    await resumed.disconnect();
  });

  test("a room whose threads keep dying steps the model itself after MAX_THREADS_REPLACED, from where it was", async () => {
    const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { watch: true, seed: 6, days: 1 });
    room.autoDispose = false;
    await waitFor("the thread at work", () => room.facts.tick > 10, 20_000);
    room.threadsReplaced = MAX_THREADS_REPLACED; // as if that many had died already
    const errors: unknown[][] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await (threadOf(room).worker as { terminate(): Promise<number> }).terminate();
      await waitFor("the room to step the model itself", () => !room.modelOnThread, 10_000);
    } finally {
      console.error = log;
    }
    expect(String(errors[0]?.[0])).toMatch(/failed again; the room steps the model itself/);
    const tick = room.facts.tick;
    await waitFor("steps in the room's process", () => room.facts.tick > tick + 10, 10_000);
    expect(room.facts.outcome).toBe("ongoing");
    await room.disconnect();
  });

  test("a question goes to the thread's own world, after the steps asked before it", async () => {
    const scenario = { ...SCENARIOS.viral, days: 1 };
    const reference = createWorld(scenario, makeParams(scenario.params), 3);
    const frames = new FieldFrames();
    frames.next(createWorld(scenario, makeParams(scenario.params), 3));
    const thread = new ModelThread(frames);
    try {
      thread.startRound({ scenario, seed: 3, frames: frames.state(), known: 0 });
      thread.ask({ ticks: 60, commands: [], edits: [], inputs: [], cards: null, frame: null });
      for (let k = 0; k < 60; k++) step(reference);
      const id = reference.cells.id[reference.cells.count - 1]; // the newest cell: perhaps born in these steps
      const seen = await thread.question({ what: "inspect", cellId: id });
      expect(seen).toEqual(inspectCell(reference, id));
      expect(seen?.found).toBe(true);
      expect(await thread.question({ what: "look" })).toEqual({ tick: 60, hash: stateHash(reference) });
    } finally {
      thread.close();
    }
  });
});
