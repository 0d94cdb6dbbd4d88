// Bots: same seed, same decisions; every decision passes the round's own checks (shared/round: the door's limits, own
// squads and cells, cards) when played through a Round as the rooms play it; the clinician plays the card each
// scenario calls for; a bots-only round reaches an outcome.

import { describe, expect, test } from "vitest";
import {
  createWorld, makeParams, stateHash, step, DIFFICULTIES, ROLES, ROLE_SQUADS, type Difficulty, type Scenario, type World,
} from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { createBot, observe, observeAs, type Bot, type BotObservation } from "../../shared/bots/index.ts";
import { Round } from "../../shared/round/index.ts";

const build = (id: string, days: number, seed: number): World => {
  const sc: Scenario = { ...SCENARIOS[id], days };
  return createWorld(sc, makeParams(sc.params), seed);
};

/** A Round on a fresh world with a bot of `difficulty` in every role (bot seeds derived from `botSeed`). */
function botRound(id: string, days: number, seed: number, difficulty: Difficulty, botSeed = seed): Round {
  const round = new Round(build(id, days, seed));
  for (const role of ROLES) round.bots.seat(role, difficulty, botSeed, round.world.dtS);
  return round;
}

/** Plays a round as the rooms do (Round.tick: the bots' turn, then the step) until its outcome or maxTicks. */
function play(round: Round, maxTicks: number, log?: string[]): void {
  for (let t = 0; t < maxTicks && round.world.outcome === "ongoing"; t++) {
    round.think();
    if (log && round.world.pending.length) log.push(`${round.world.tick} ${JSON.stringify(round.world.pending)}`);
    round.step();
  }
}

/** Every command the bots sent was admitted: none refused by the round's checks. */
function expectNoneRefused(round: Round, what: string): void {
  expect(round.bots.lastRefusal, what).toBe("");
  expect(round.bots.refused, what).toBe(0);
}

describe("bots", () => {
  test("think faster the harder they are", () => {
    for (const role of ROLES) {
      const [easy, normal, hard] = DIFFICULTIES.map((d) => createBot(role, d, 1).thinkEveryTicks);
      expect(easy).toBeGreaterThan(normal);
      expect(normal).toBeGreaterThan(hard);
      expect(hard).toBeGreaterThanOrEqual(60); // at least an hour of 60 s ticks: bots do not micro-manage
    }
  });

  test("an observation holds what the screen shows, not the model's internals", () => {
    const w = build("viral", 1, 3);
    const obs = observe(w, "effector");
    expect(obs.squads).toEqual([1, 2]);
    const live = Array.from({ length: w.cells.count }, (_, i) => i).filter((i) => !(w.cells.flags[i] & 4)).length;
    expect(obs.cells.length).toBe(live);
    expect(Object.keys(obs.cells[0]).sort()).toEqual(["activated", "id", "producing", "pstat5Positive", "squad", "type", "x", "y"]);
    expect(JSON.stringify(Object.keys(obs))).not.toMatch(/rng|params|cd25|receptor/);
    expect(obs.field.pm.length).toBe(obs.field.w * obs.field.h);
    expect(obs.cards.map((c) => c.therapy).sort()).toEqual(["antiCd25", "cd122Biased", "highDose", "lowDose"]);
  });

  test("one look at the screen serves every role: observeAs gives what observe would for that role", () => {
    const w = build("t1d", 1, 3);
    for (let t = 0; t < 30; t++) step(w);
    const seen = observe(w, "effector");
    for (const role of ROLES) {
      const shared = observeAs(seen, role);
      expect(shared.role).toBe(role);
      expect(shared.squads).toEqual(ROLE_SQUADS[role]);
      expect(shared).toEqual(observe(w, role));
    }
  });

  test("same seed, same decisions and the same world; another seed decides differently", () => {
    const run = (difficulty: Difficulty, botSeed: number) => {
      const round = botRound("viral", 1, 5, difficulty, botSeed), log: string[] = [];
      play(round, 200, log);
      return { log: log.join("\n"), hash: stateHash(round.world), accepted: round.bots.accepted };
    };
    for (const difficulty of ["easy", "hard"] as const) {
      const a = run(difficulty, 11), b = run(difficulty, 11);
      expect(a.accepted, difficulty).toBeGreaterThan(3);
      expect(b).toEqual(a);
    }
    // another seed aims differently (the easy bots' shaky aim comes from their own seeded stream)
    const obs = observe(build("viral", 1, 5), "effector");
    const first = (seed: number) => JSON.stringify(createBot("effector", "easy", seed).decide(obs));
    expect(new Set([1, 2, 3, 4].map(first)).size).toBeGreaterThan(1);
  });

  test("every decision in every scenario passes the round's checks: well formed, own squads and cells, cards ready", () => {
    for (const id of Object.keys(SCENARIOS)) {
      for (const difficulty of DIFFICULTIES) {
        const round = botRound(id, 1, 2, difficulty, 4);
        // every bot decides at tick 0; hard bots (every 90 ticks) decide again once the tissue has moved on
        play(round, difficulty === "hard" ? 91 : 31);
        expectNoneRefused(round, `${id} ${difficulty}`);
        if (id !== "sandbox") expect(round.bots.accepted, `${id} ${difficulty}`).toBeGreaterThan(0);
      }
    }
  });

  test("the clinician plays the card the scenario calls for, and stops short of the dose-limiting line", () => {
    const at = (id: string, day: number, leak: number): BotObservation => {
      const obs = observe(build(id, 2, 1), "clinician");
      return { ...obs, day, hud: { ...obs.hud, leak } };
    };
    const therapies = (bot: Bot, obs: BotObservation) => bot.decide(obs).map((p) => (p as { therapy: string }).therapy);
    expect(therapies(createBot("clinician", "hard", 1), at("melanoma", 1, 0))).toEqual(["highDose"]);
    expect(therapies(createBot("clinician", "hard", 1), at("melanoma", 1, 0.8))).toEqual([]);
    // a normal clinician now and then plays the wrong card, but mostly the right one
    const rcc = at("rcc", 1.5, 0);
    const right = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((s) => therapies(createBot("clinician", "normal", s), rcc)[0] === "highDose").length;
    expect(right).toBeGreaterThanOrEqual(7);
    expect(therapies(createBot("clinician", "hard", 1), at("t1d", 1, 0))).toEqual(["lowDose"]);
    expect(therapies(createBot("clinician", "hard", 1), at("viral", 1, 0))).toEqual([]);
    // a course already running is not given again
    const obs = at("melanoma", 1.5, 0);
    const running = { ...obs, cards: obs.cards.map((c) => (c.therapy === "highDose" ? { ...c, doses: 1, running: true } : c)) };
    expect(therapies(createBot("clinician", "normal", 1), running)).toEqual([]);
  });

  test("the t1d Treg bot sits Tregs on the dendritic cells", () => {
    const round = new Round(build("t1d", 1, 1));
    round.bots.seat("treg", "hard", 1, round.world.dtS);
    play(round, 360);
    expectNoneRefused(round, "treg");
    const obs = observe(round.world, "treg");
    const dcs = obs.cells.filter((c) => c.type === "dendritic");
    const tregs = obs.cells.filter((c) => c.type === "treg" && c.squad === 4);
    const onDc = tregs.filter((t) => dcs.some((d) => Math.hypot(d.x - t.x, d.y - t.y) < 3)).length;
    expect(onDc / tregs.length).toBeGreaterThan(0.6);
    // and they are spread: most dendritic cells have a Treg near them
    const covered = dcs.filter((d) => tregs.some((t) => Math.hypot(d.x - t.x, d.y - t.y) < 4)).length;
    expect(covered / dcs.length).toBeGreaterThanOrEqual(0.75);
  });

  test("a bots-only round of a short scenario reaches an outcome", () => {
    const viral = botRound("viral", 0.3, 1, "hard");
    play(viral, 432 + 20);
    expect(["cleared", "timeUp", "overrun"]).toContain(viral.world.outcome);
    const t1d = botRound("t1d", 0.25, 1, "normal");
    play(t1d, 360 + 20);
    expect(["protected", "lost"]).toContain(t1d.world.outcome);
  });
});
