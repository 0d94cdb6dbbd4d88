// Contrasts from the same run: a round's log (what reached the model per tick, after the gate) replayed from the same
// seed gives the same state hash and metrics, squad edits and dropped asks included; a round offers only the
// contrasts that fit it. (That each contrast moves the round the expected way is test/validation/contrasts.test.ts.)

import { describe, expect, test } from "vitest";
import { CommandRecorder, logStartOf } from "../../shared/report/commandLog.ts";
import { asShown, COMPARED_METRICS, packHistory, ratioWords, unpackHistory } from "../../shared/report/contrastCompare.ts";
import { planContrasts, removeTregs, type ContrastId } from "../../shared/report/contrasts.ts";
import { replayRound } from "../../shared/report/replay.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { CellType, createWorld, makeParams, mergeSquad, splitSquad, stateHash, step, zeroValues } from "../../shared/sim/index.ts";
import { playRound } from "./contrastRound.ts";

const ids = (plans: { id: ContrastId }[]) => plans.map((p) => p.id);

/** A high-dose course played by a person at tick 120 (the clinician's seat is theirs, the others are bots). */
const HIGH_DOSE = [{ tick: 60, role: "clinician" as const, payload: { kind: "therapy", therapy: "highDose", course: true } }];

describe("the round's log replays the round exactly", () => {
  test("bots' orders and a person's therapy card, logged per tick: the same hash and metrics", () => {
    const { world, log } = playRound("viral", 21, 0.25, HIGH_DOSE, ["effector", "treg", "nk"]);
    expect(log.ticks.filter((t) => t.commands?.length).length).toBeGreaterThanOrEqual(3);
    expect(log.ticks.some((t) => t.commands?.some((c) => c.kind === "targetCells"))).toBe(true); // the bots'
    expect(log.ticks.some((t) => t.commands?.some((c) => c.kind === "therapy"))).toBe(true);
    expect(log.hash).toBe(stateHash(world));
    const again = replayRound(log);
    expect(stateHash(again)).toBe(log.hash);
    expect(again.history).toEqual(world.history);
    // the log is what made the difference: the same seed without it is another round
    expect(stateHash(replayRound({ ...log, ticks: [] }))).not.toBe(log.hash);
  });

  test("squad edits between steps (a class splitting a role's squad, folding one back) replay too, and a round cut short ends at its tick", () => {
    const scenario = SCENARIOS.viral;
    const world = createWorld(scenario, makeParams(scenario.params), 5);
    const rec = new CommandRecorder(world);
    const edit = (e: { kind: "split"; squad: number; into: number[] } | { kind: "merge"; from: number; to: number }) => {
      if (e.kind === "split") splitSquad(world, e.squad, e.into);
      else mergeSquad(world, e.from, e.to);
      rec.edits(world.tick, [e]);
    };
    edit({ kind: "split", squad: 1, into: [1, 11, 12] });
    for (let t = 0; t < 300; t++) {
      if (t === 40) world.pending.push({ kind: "target", squad: 11, x: 30, y: 30 }, { kind: "ability", squad: 12, ability: "rally" });
      if (t === 200) edit({ kind: "merge", from: 12, to: 1 });
      rec.commands(world.tick, world.pending);
      step(world);
    }
    edit({ kind: "merge", from: 11, to: 1 }); // after the last step (a student left as the teacher ended the round)
    const log = rec.finish(world);
    expect(log.endTick).toBe(300);
    expect(stateHash(replayRound(log))).toBe(stateHash(world));
  });

  test("commands dropped on their way to the model's thread are forgotten, edits kept", () => {
    const scenario = SCENARIOS.viral;
    const world = createWorld(scenario, makeParams(scenario.params), 6);
    const rec = new CommandRecorder(world);
    for (let t = 0; t < 50; t++) step(world);
    rec.commands(50, [{ kind: "release", squad: 1 }]);
    rec.edits(50, [{ kind: "split", squad: 2, into: [2, 13] }]);
    splitSquad(world, 2, [2, 13]);
    rec.forgetCommandsFrom(50);
    const log = rec.finish(world);
    expect(log.ticks).toEqual([{ tick: 50, edits: [{ kind: "split", squad: 2, into: [2, 13] }] }]);
    expect(stateHash(replayRound(log))).toBe(stateHash(world));
  });
});

describe("a log started from what the world started with", () => {
  test("logStartOf then a step's orders: the same log as one started from the world, and it replays the round", () => {
    const scenario = SCENARIOS.melanoma;
    const world = createWorld(scenario, makeParams(scenario.params), 9);
    const start = logStartOf(world);
    expect(start.startHelperIds.length).toBeGreaterThan(0);
    const fromWorld = new CommandRecorder(world), fromStart = new CommandRecorder(start);
    for (let t = 0; t < 30; t++) {
      if (t === 10) world.pending.push({ kind: "release", squad: 1 });
      for (const rec of [fromWorld, fromStart]) rec.commands(world.tick, world.pending);
      step(world);
    }
    const log = fromStart.finish(world);
    expect(log).toEqual(fromWorld.finish(world));
    expect(log.ticks).toEqual([{ tick: 10, commands: [{ kind: "release", squad: 1 }] }]);
    expect(stateHash(replayRound(log))).toBe(stateHash(world));
  });
});

describe("the one change", () => {
  test("without Tregs: only the Tregs are taken out; every other cell keeps its id, type and place, and no death is counted", () => {
    const scenario = SCENARIOS.viral;
    const a = createWorld(scenario, makeParams(scenario.params), 8), b = createWorld(scenario, makeParams(scenario.params), 8);
    removeTregs(b);
    const keep = (w: typeof a) => Array.from({ length: w.cells.count }, (_, i) => i)
      .filter((i) => w.cells.type[i] !== CellType.treg).map((i) => `${w.cells.id[i]}:${w.cells.type[i]}:${w.cells.x[i]}:${w.cells.y[i]}:${w.cells.squad[i]}`);
    expect(b.cells.count).toBeLessThan(a.cells.count);
    expect(Array.from(b.cells.type.subarray(0, b.cells.count))).not.toContain(CellType.treg);
    expect(keep(b)).toEqual(keep(a));
    expect(b.counters.deaths).toBe(0);
  });
});

describe("which contrasts a round offers", () => {
  test("therapy contrasts only after a card was played; scattered only when helpers were gathered; no Tregs only with Tregs", () => {
    const bots = playRound("t1d", 2, 0.05, [], ["treg", "nk"]).log; // no clinician, no effector: no card, no gathering
    expect(ids(planContrasts(bots))).toEqual(["noTregs"]);
    const gathered = { ...bots, ticks: [{ tick: 3, commands: [{ kind: "targetCells" as const, cellIds: [bots.startHelperIds[0]], x: 10, y: 10 }] }] };
    expect(ids(planContrasts(gathered))).toEqual(["noTregs", "scattered"]);
    const killersOnly = { ...bots, ticks: [{ tick: 3, commands: [{ kind: "target" as const, squad: 2, x: 10, y: 10 }] }] };
    expect(ids(planContrasts(killersOnly))).toEqual(["noTregs"]);
    const carded = { ...bots, startTregs: 0, ticks: [{ tick: 3, commands: [{ kind: "therapy" as const, therapy: "lowDose" as const }] }] };
    const plans = planContrasts(carded);
    expect(ids(plans)).toEqual(["noTherapy", "otherTherapy"]);
    expect(plans[1].change).toContain("low-dose IL-2 given as high-dose IL-2");
  });

  test("the real round's metrics travel to the contrast thread packed, and come back the same", () => {
    const history = [1, 2, 3].map((k) => ({ tick: k * 10, day: k / 144, values: { ...zeroValues(), ...Object.fromEntries(COMPARED_METRICS.map((n, j) => [n, k * j + 0.5])) } }));
    expect(unpackHistory(packHistory(history))).toEqual(history);
  });

  test("the ratio words", () => {
    expect(ratioWords(170, 412, true)).toBe("2.4× as many");
    expect(ratioWords(0.1, 0.07, false)).toBe("30% less");
    expect(ratioWords(100, 20, true)).toBe("only 20% as many");
    expect(ratioWords(100, 103, true)).toBe("about the same");
    expect(ratioWords(0, 5, true)).toBe("none in your round");
    expect(ratioWords(1.1, 0, false)).toBe("none at all");
    expect(ratioWords(1.1, 0.0076, false)).toBe("less than 1% as much");
  });

  test("the ratio is taken between the numbers as shown: 2.7% against 2.6% is about the same, not \"6% less\"", () => {
    expect(ratioWords(0.0274, 0.0258, false)).toBe("6% less");
    expect(asShown("fraction", 0.0274)).toBe(0.027);
    expect(ratioWords(asShown("fraction", 0.0274), asShown("fraction", 0.0258), false)).toBe("about the same");
    expect(asShown("fraction", 0.456)).toBe(0.46);
    expect(asShown("cells", 412.4)).toBe(412);
    expect(asShown("pM", 3.456)).toBe(3.5);
    expect(asShown("pM", 12.6)).toBe(13);
  });
});
