// Determinism: the same scenario, seed and command log give the same state hash and the same metrics; another seed
// gives another world. Also checks that the model keeps no state between worlds (two worlds stepped in turn).

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, stateHash, step, type Command } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";

const scenario = SCENARIOS.viral;
const commands: Record<number, Command[]> = {
  30: [{ kind: "target", squad: 1, x: 40, y: 60 }],
  90: [{ kind: "ability", squad: 3, ability: "hunt" }, { kind: "therapy", therapy: "lowDose" }],
  150: [{ kind: "release", squad: 1 }],
};

function play(seed: number, ticks: number) {
  const world = createWorld(scenario, makeParams(scenario.params), seed);
  for (let t = 0; t < ticks; t++) step(world, commands[t] ?? []);
  return world;
}

describe("determinism", () => {
  test("same scenario, seed and commands: same hash and same metrics", () => {
    const a = play(7, 240), b = play(7, 240);
    expect(stateHash(a)).toBe(stateHash(b));
    expect(a.history).toEqual(b.history);
    expect(a.history.length).toBeGreaterThan(0);
  });

  test("another seed gives another world", () => {
    expect(stateHash(play(7, 60))).not.toBe(stateHash(play(8, 60)));
  });

  test("two worlds stepped in turn match worlds stepped alone (no shared state)", () => {
    const alone = play(3, 120);
    const x = createWorld(scenario, makeParams(scenario.params), 3);
    const y = createWorld(scenario, makeParams(scenario.params), 4);
    for (let t = 0; t < 120; t++) {
      step(x, commands[t] ?? []);
      step(y);
    }
    expect(stateHash(x)).toBe(stateHash(alone));
  });
});

describe("event log", () => {
  test("keeps activations, divisions, kills, deaths and doses, in order, one per removed cell", () => {
    const world = createWorld(scenario, makeParams(scenario.params), 2);
    for (let t = 0; t < 2880; t++) step(world, t === 10 ? [{ kind: "therapy", therapy: "lowDose" }] : []);
    const kinds = new Set(world.eventLog.map((e) => e.kind));
    for (const k of ["activation", "division", "kill", "dose"]) expect(kinds.has(k as never), k).toBe(true);
    for (let i = 1; i < world.eventLog.length; i++) expect(world.eventLog[i].tick).toBeGreaterThanOrEqual(world.eventLog[i - 1].tick);
    const kills = world.eventLog.filter((e) => e.kind === "kill").length;
    expect(kills).toBe(world.counters.kills);
    // every cell removed was either killed or died of something else, and each has its event
    expect(kills + world.eventLog.filter((e) => e.kind === "death").length).toBe(world.counters.deaths);
  });
});
