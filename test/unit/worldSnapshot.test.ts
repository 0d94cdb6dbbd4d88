// A world written from a snapshot steps on exactly as the world it was taken from (cells, field, random streams,
// therapy, history, event log): what lets the room keep its own copy of a world stepped on the model's thread.

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, stateHash, step, type Scenario, type SimEvent, type World } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { WORLD_FIELDS, applySnapshot, arraysOf, snapshotBuffers, takeSnapshot } from "../../server/rooms/model/worldSnapshot.ts";

const build = (id: string, seed: number): World => {
  const sc: Scenario = { ...SCENARIOS[id], days: 10 };
  return createWorld(sc, makeParams(sc.params), seed);
};

/** Steps `ticks` ticks and returns their events, oldest first (step reuses its array). */
function run(world: World, ticks: number): SimEvent[] {
  const events: SimEvent[] = [];
  for (let k = 0; k < ticks; k++) events.push(...step(world));
  return events;
}

describe("world snapshots", () => {
  for (const id of ["viral", "melanoma"]) {
    test(`${id}: a copy written from snapshots steps on as the original`, () => {
      const original = build(id, 7);
      const copy = build(id, 7);
      let sent = 0;
      for (const ticks of [1, 300, 4, 250]) {
        const events = run(original, ticks);
        applySnapshot(copy, takeSnapshot(original, events, sent));
        sent = original.history.length;
        expect(stateHash(copy)).toBe(stateHash(original));
        expect(copy.events).toEqual(events);
      }
      expect(copy.history).toEqual(original.history);
      expect(copy.eventLog).toEqual(original.eventLog);
      expect(copy.counters).toEqual(original.counters);
      // Both go on alone: every random stream, the crowding and the lattice were copied, or they would part ways.
      original.pending.push({ kind: "target", squad: 1, x: 30, y: 40 });
      copy.pending.push({ kind: "target", squad: 1, x: 30, y: 40 });
      run(original, 400);
      run(copy, 400);
      expect(stateHash(copy)).toBe(stateHash(original));
      expect(copy.history).toEqual(original.history);
      expect(copy.outcome).toBe(original.outcome);
    });
  }

  test("a snapshot survives the trip between threads (structured clone with its buffers handed over)", () => {
    const original = build("viral", 3);
    const events = run(original, 120);
    const snap = takeSnapshot(original, events, 0);
    const buffers = snapshotBuffers(snap);
    expect(new Set(buffers).size).toBe(buffers.length); // each buffer is its own copy, none is the world's
    expect(buffers.includes(original.field.c.buffer as ArrayBuffer)).toBe(false);
    const moved = structuredClone(snap, { transfer: buffers });
    expect(snap.field.byteLength).toBe(0); // handed over, not copied
    const copy = build("viral", 3);
    applySnapshot(copy, moved);
    expect(stateHash(copy)).toBe(stateHash(original));
  });
});

describe("every field of the world classified (WORLD_FIELDS)", () => {
  test("the table names exactly the world's fields, and a snapshot carries every scalar", () => {
    const world = build("viral", 2);
    expect(Object.keys(WORLD_FIELDS).sort()).toEqual(Object.keys(world).sort());
    const snap = takeSnapshot(world, run(world, 50), 0);
    for (const [name, how] of Object.entries(WORLD_FIELDS)) if (how === "scalar") expect(snap).toHaveProperty(name, world[name as keyof World]);
  });

  test("what the table calls rebuilt scratch is made again by the step: scribbled over in the copy, it steps on as the original", () => {
    const original = build("melanoma", 4);
    const copy = build("melanoma", 4);
    applySnapshot(copy, takeSnapshot(original, run(original, 200), 0));
    for (const [name, how] of Object.entries(WORLD_FIELDS)) {
      if (how !== "rebuilt") continue;
      const scratch = copy[name as keyof World] as unknown as { fill(v: number): void };
      scratch.fill(7);
    }
    run(original, 300);
    run(copy, 300);
    expect(stateHash(copy)).toBe(stateHash(original));
    expect(copy.history).toEqual(original.history);
  });
});

describe("snapshot arrays filled again", () => {
  test("a spare snapshot's arrays are reused when they fit, and the copy still steps on as the original", () => {
    const original = build("viral", 9);
    const copy = build("viral", 9);
    let spare: ReturnType<typeof arraysOf> | undefined;
    let sent = 0;
    for (const ticks of [3, 200, 1, 150]) {
      const snap = takeSnapshot(original, run(original, ticks), sent, spare);
      sent = original.history.length;
      if (spare) {
        // Same buffers as the spare: none was made anew, as long as the cells still fit.
        expect(snap.field.buffer).toBe(spare.field.buffer);
        expect(snap.rng.move.buffer).toBe(spare.rng.move.buffer);
        if (spare.cells.x.length >= original.cells.count) expect(snap.cells.x.buffer).toBe(spare.cells.x.buffer);
      }
      applySnapshot(copy, snap);
      expect(stateHash(copy)).toBe(stateHash(original));
      spare = arraysOf(snap);
    }
    // A spare from a world on another grid is not used for this one's field.
    const other = build("sandbox", 1);
    const foreign = arraysOf(takeSnapshot(other, [], 0));
    const snap = takeSnapshot(original, [], sent, foreign);
    expect(snap.field.length).toBe(original.field.c.length);
    applySnapshot(copy, snap);
    expect(stateHash(copy)).toBe(stateHash(original));
  });
});
