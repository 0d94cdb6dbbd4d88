// The rules of a round (shared/round/Round.ts) without a room: who may send what, the cards' cool-down and the leak's
// veto, the teacher's deal, ending a round now, and bots that think at their turns through the same gate.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { Round } from "../../shared/round/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { isThreat } from "../../shared/sim/cellTypes.ts";
import { CellFlag, ROLE_SQUADS, createWorld, makeParams, type Command, type Role } from "../../shared/sim/index.ts";

const roundOf = (id: string, seed = 1): Round => {
  const sc = { ...SCENARIOS[id], days: 1 };
  return new Round(createWorld(sc, makeParams(sc.params), seed));
};
const seat = (role: Role) => ({ role, squads: ROLE_SQUADS[role] });
const refusal = (round: Round, role: Role, cmd: Command) => {
  const r = round.admit(seat(role), cmd);
  return r.ok ? "" : r.error;
};

describe("Round.admit", () => {
  test("a seat commands its own squads and cells only; an admitted command waits in world.pending", () => {
    const round = roundOf("viral");
    const c = round.world.cells;
    expect(round.admit(seat("effector"), { kind: "target", squad: 1, x: 5, y: 5 }).ok).toBe(true);
    expect(round.world.pending).toEqual([{ kind: "target", squad: 1, x: 5, y: 5 }]);
    expect(refusal(round, "effector", { kind: "release", squad: 4 })).toMatch(/squad 4 is not yours: you command squad 1 and 2/);
    expect(refusal(round, "clinician", { kind: "ability", squad: 1, ability: "rally" })).toMatch(/commands no cells/);
    // a split squad: the seat commands only what it was given
    expect(round.admit({ role: "effector", squads: [2] }, { kind: "release", squad: 1 }).ok).toBe(false);
    const mine = [...Array(c.count).keys()].find((i) => ROLE_SQUADS.effector.includes(c.squad[i]))!;
    const theirs = [...Array(c.count).keys()].find((i) => c.squad[i] !== 0 && !ROLE_SQUADS.effector.includes(c.squad[i]))!;
    expect(refusal(round, "effector", { kind: "targetCells", cellIds: [c.id[mine]], x: 3, y: 3 })).toBe("");
    expect(refusal(round, "effector", { kind: "targetCells", cellIds: [c.id[theirs]], x: 3, y: 3 })).toMatch(/not one of your cells/);
    c.flags[mine] |= CellFlag.dead;
    expect(refusal(round, "effector", { kind: "targetCells", cellIds: [c.id[mine]], x: 3, y: 3 })).toMatch(/not in the tissue/);
    expect(refusal(round, "effector", { kind: "target", squad: 1, x: round.world.field.width, y: 0 })).toMatch(/inside the tissue/);
    expect(round.world.pending.length).toBe(2);
  });

  test("therapy cards: the clinician's alone, then in use for the course, and high dose withheld at the dose-limiting line", () => {
    const round = roundOf("melanoma");
    expect(refusal(round, "effector", { kind: "therapy", therapy: "lowDose" })).toMatch(/only the clinician/);
    expect(refusal(round, "clinician", { kind: "therapy", therapy: "highDose", course: true })).toBe("");
    expect(round.cards.get("highDose")).toBeGreaterThan(round.world.tick);
    expect(refusal(round, "clinician", { kind: "therapy", therapy: "highDose" })).toMatch(/still in use: ready again in \d+ h/);
    const other = roundOf("melanoma");
    other.world.therapy.leak = 1;
    expect(refusal(other, "clinician", { kind: "therapy", therapy: "highDose" })).toMatch(/withheld while the vascular leak/);
    expect(refusal(other, "clinician", { kind: "therapy", therapy: "lowDose" })).toBe("");
  });

  test("nothing is admitted once the round is over", () => {
    const round = roundOf("viral");
    round.world.outcome = "cleared";
    expect(refusal(round, "effector", { kind: "release", squad: 1 })).toBe("the round is over");
    expect(round.world.pending).toEqual([]);
  });
});

describe("the teacher's verbs", () => {
  test("deal: a seated clinician's card is ready now; with no clinician the dose is given at once", () => {
    const round = roundOf("melanoma");
    round.admit(seat("clinician"), { kind: "therapy", therapy: "lowDose", course: true });
    round.world.pending.length = 0;
    expect(round.deal("lowDose", true)).toBeNull();
    expect(round.cards.get("lowDose")).toBe(round.world.tick);
    expect(round.world.pending).toEqual([]);
    expect(round.deal("antiCd25", false)).toBeNull();
    expect(round.world.pending).toEqual([{ kind: "therapy", therapy: "antiCd25", course: false }]);
    round.world.therapy.leak = 2;
    expect(round.deal("highDose", false)).toMatch(/withheld/);
  });

  test("endNow: endedByTeacher while the model has not decided, else the model's judgement at this tick", () => {
    const undecided = roundOf("viral");
    for (let t = 0; t < 5; t++) undecided.step();
    expect(undecided.endNow()).toBe("endedByTeacher");
    expect(undecided.world.outcome).toBe("endedByTeacher");

    const cleared = roundOf("melanoma");
    for (let t = 0; t < cleared.world.params.metricsEveryTicks; t++) cleared.step(); // the model's first judgement
    expect(cleared.world.peakThreat).toBeGreaterThan(0);
    const c = cleared.world.cells;
    for (let i = 0; i < c.count; i++) if (isThreat(c.type[i])) c.flags[i] |= CellFlag.dead;
    expect(cleared.endNow()).toBe("cleared");
  });
});

describe("bot seats", () => {
  test("bots think at each multiple of their interval, through the gate, and start again on a new world", () => {
    const round = roundOf("viral", 3);
    round.bots.seat("effector", "hard", round.world.seed, round.world.dtS);
    const every = round.ticksToNextTurn();
    expect(every).toBeGreaterThan(1);
    round.think();
    const first = round.bots.accepted;
    expect(first).toBeGreaterThan(0);
    expect(round.world.pending.length).toBe(first);
    round.think(); // the same tick: not its turn again
    expect(round.bots.accepted).toBe(first);
    for (let t = 0; t < every; t++) round.tick(); // the bot's turn is not before tick `every`
    expect(round.bots.accepted).toBe(first);
    expect(round.ticksToNextTurn()).toBe(1);
    round.think(); // tick `every`: its turn; the next is `every` ticks on
    expect(round.ticksToNextTurn()).toBe(every);
    expect(round.bots.refused).toBe(0);
    round.start(roundOf("viral", 4).world);
    expect(round.cards.size).toBe(0);
    expect(round.bots.roles()).toEqual(["effector"]);
  });
});

describe("shared/round", () => {
  test("imports only the model and the bots (no wire, server, Node or DOM)", () => {
    const dir = new URL("../../shared/round/", import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files).toContain("Round.ts");
    let seen = 0;
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), "utf8");
      const from = [...text.matchAll(/^import\b[^;"]*"([^"]+)"/gm), ...text.matchAll(/^export\b[^;"]*\bfrom "([^"]+)"/gm)].map((m) => m[1]);
      for (const path of from) expect(path, `${file} imports ${path}`).toMatch(/^(\.\/[\w]+\.ts|\.\.\/(sim|bots)\/[\w]+\.ts)$/);
      seen += from.length;
    }
    expect(seen).toBeGreaterThanOrEqual(files.length); // every file imports something: the pattern finds them
  });
});
