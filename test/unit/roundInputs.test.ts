// A round's input log (shared/round/roundInputs.ts): a round with bots, a person's commands, squad splits, a live
// parameter, a bot unseated and another seated, a teacher's deal, replayed from its inputs alone to a tick, is the same
// round there (world hash, cards, bots' counts) and goes on the same afterwards: the bots' memories came back too,
// which fresh bots of the same seeds do not give. Refused inputs are not logged.

import { describe, expect, test } from "vitest";
import { Round, RoundInputs, replayInputs, type RoundInput } from "../../shared/round/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { ROLE_SQUADS, createWorld, makeParams, stateHash, type World } from "../../shared/sim/index.ts";

const SEED = 21;
const scenario = { ...SCENARIOS.viral, days: 1 };
const fresh = (): World => createWorld(scenario, makeParams(scenario.params), SEED);
const clinician = { role: "clinician" as const, squads: ROLE_SQUADS.clinician };
const effector = { role: "effector" as const, squads: ROLE_SQUADS.effector };

/** What is done at each tick, before its step, in the played round. */
const SCRIPT = new Map<number, RoundInput[]>([
  [0, [{ kind: "seat", role: "effector", difficulty: "hard" }, { kind: "seat", role: "treg", difficulty: "normal" }, { kind: "seat", role: "nk", difficulty: "hard" }]],
  [5, [{ kind: "edit", edit: { kind: "split", squad: 2, into: [2, 9] } }]],
  [12, [{ kind: "admit", sender: clinician, command: { kind: "therapy", therapy: "lowDose", course: true } }]],
  [13, [{ kind: "admit", sender: clinician, command: { kind: "therapy", therapy: "lowDose", course: false } }]], // refused: cooling down
  [20, [{ kind: "admit", sender: { role: "effector", squads: [9] }, command: { kind: "target", squad: 9, x: 30, y: 30 } }]],
  [21, [{ kind: "admit", sender: effector, command: { kind: "release", squad: 4 } }]], // refused: not its squad
  [40, [{ kind: "edit", edit: { kind: "param", name: "holdIl2Pm", value: 200 } }]],
  [60, [{ kind: "unseat", role: "treg" }]],
  [90, [{ kind: "seat", role: "treg", difficulty: "hard" }, { kind: "deal", therapy: "highDose", clinicianSeated: true }]],
  [130, [{ kind: "edit", edit: { kind: "merge", from: 9, to: 2 } }]],
]);

/** Plays `round` from its tick to `to`, making the script's inputs through `log`. */
function play(round: Round, log: RoundInputs, to: number): void {
  while (round.world.tick < to && round.world.outcome === "ongoing") {
    for (const input of SCRIPT.get(round.world.tick) ?? []) log.make(round, input);
    round.tick();
  }
}

describe("a round's inputs", () => {
  test("replayed to a tick, they give the same round there, and it goes on the same: the bots' memories too", () => {
    const played = new Round(fresh()), log = new RoundInputs();
    play(played, log, 150);
    expect(played.world.outcome).toBe("ongoing");
    // refused inputs are not logged (they changed nothing); the rest are, at their tick
    expect(log.logged.map((l) => l.tick)).toEqual([0, 0, 0, 5, 12, 20, 40, 60, 90, 90, 130]);
    expect(played.bots.accepted).toBeGreaterThan(0);

    const replayed = replayInputs(fresh(), log.logged, 150);
    expect(replayed.world.tick).toBe(150);
    expect(stateHash(replayed.world)).toBe(stateHash(played.world));
    expect([...replayed.cards]).toEqual([...played.cards]);
    expect(replayed.bots.roles().sort()).toEqual(played.bots.roles().sort());
    expect(replayed.bots.accepted).toBe(played.bots.accepted);
    expect(replayed.bots.refused).toBe(played.bots.refused);

    // Both go on alike: the bots decide as the played round's would have.
    const later = new RoundInputs();
    play(played, later, 330);
    play(replayed, new RoundInputs(), 330);
    expect(stateHash(replayed.world)).toBe(stateHash(played.world));
    expect(replayed.bots.accepted).toBe(played.bots.accepted);

    // Fresh bots of the same seeds would not: their memories (random streams, what they did) start again.
    const forgetful = replayInputs(fresh(), log.logged, 150);
    for (const role of forgetful.bots.roles()) forgetful.bots.seat(role, role === "treg" || role === "nk" || role === "effector" ? "hard" : "normal", SEED, forgetful.world.dtS);
    play(forgetful, new RoundInputs(), 330);
    expect(stateHash(forgetful.world)).not.toBe(stateHash(played.world));
  });

  test("a log out of tick order, or past the round's end, is refused", () => {
    const log = [{ tick: 3, input: { kind: "unseat", role: "nk" } }, { tick: 1, input: { kind: "unseat", role: "nk" } }] as const;
    expect(() => replayInputs(fresh(), log, 5)).toThrow(/not in tick order/);
    const started = fresh();
    new Round(started).tick();
    expect(() => replayInputs(started, [], 5)).toThrow(/fresh world/);
  });
});
