// Bots: same seed, same decisions; every decision is a payload the room's validator accepts and names only the bot's
// own squads and cells; the clinician plays the card each scenario calls for; a bots-only round reaches an outcome.

import { describe, expect, test } from "vitest";
import {
  createWorld, makeParams, stateHash, step, DIFFICULTIES, ROLES, ROLE_SQUADS, type Command, type Difficulty, type Role, type Scenario, type World,
} from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { checkCommand } from "../../shared/net/commandMessage.ts";
import { createBot, observe, observeAs, type Bot, type BotObservation } from "../../shared/bots/index.ts";

const build = (id: string, days: number, seed: number): World => {
  const sc: Scenario = { ...SCENARIOS[id], days };
  return createWorld(sc, makeParams(sc.params), seed);
};

/** Checks one bot's payloads as the room would: the validator, then squad and cell ownership. */
function admit(world: World, bot: Bot, payloads: unknown[]): Command[] {
  const own = ROLE_SQUADS[bot.role];
  const squadOfId = new Map<number, number>();
  for (let i = 0; i < world.cells.count; i++) squadOfId.set(world.cells.id[i], world.cells.squad[i]);
  return payloads.map((p) => {
    const r = checkCommand(p);
    if (!r.ok) throw new Error(`${bot.role} ${bot.difficulty}: ${r.error} in ${JSON.stringify(p)}`);
    const c = r.command;
    if (c.kind === "therapy") expect(bot.role).toBe("clinician");
    else if (c.kind === "targetCells") for (const id of c.cellIds) expect(own).toContain(squadOfId.get(id));
    else expect(own).toContain(c.squad);
    if (c.kind === "target" || c.kind === "targetCells") {
      expect(c.x).toBeLessThan(world.field.width);
      expect(c.y).toBeLessThan(world.field.height);
    }
    return c;
  });
}

/** Plays a round with bots only, as the room does: each bot thinks every thinkEveryTicks, commands go to world.pending. */
function playBots(world: World, bots: Bot[], maxTicks: number, log?: string[]): void {
  for (let t = 0; t < maxTicks && world.outcome === "ongoing"; t++) {
    for (const b of bots) {
      if (world.tick % b.thinkEveryTicks !== 0) continue;
      const payloads = b.decide(observe(world, b.role));
      log?.push(`${world.tick} ${b.role} ${JSON.stringify(payloads)}`);
      world.pending.push(...admit(world, b, payloads));
    }
    step(world);
  }
}

const allBots = (difficulty: Difficulty, seed: number) => ROLES.map((r) => createBot(r, difficulty, seed));

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
    expect(Object.keys(obs.cells[0]).sort()).toEqual(["activated", "id", "lit", "producing", "squad", "type", "x", "y"]);
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
    const run = (seed: number) => {
      const w = build("viral", 1, 5), log: string[] = [];
      playBots(w, allBots("easy", seed).concat(allBots("hard", seed)), 200, log);
      return { log: log.join("\n"), hash: stateHash(w) };
    };
    const a = run(11), b = run(11);
    expect(a.log.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
    // another seed aims differently (the easy bots' shaky aim comes from their own seeded stream)
    const obs = observe(build("viral", 1, 5), "effector");
    const first = (seed: number) => JSON.stringify(createBot("effector", "easy", seed).decide(obs));
    expect(new Set([1, 2, 3, 4].map(first)).size).toBeGreaterThan(1);
  });

  test("every decision in every scenario passes the validator and names only the bot's own squads", () => {
    for (const id of Object.keys(SCENARIOS)) {
      const w = build(id, 1, 2);
      const bots = DIFFICULTIES.flatMap((d) => ROLES.map((r) => createBot(r, d, 4)));
      let sent = 0;
      for (let round = 0; round < 2; round++) {
        for (const b of bots) sent += admit(w, b, b.decide(observe(w, b.role))).length;
        for (let t = 0; t < 30; t++) step(w);
      }
      if (id !== "sandbox") expect(sent, id).toBeGreaterThan(0);
    }
  });

  test("the clinician plays the card the scenario calls for, and stops short of the leak line", () => {
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
    const w = build("t1d", 1, 1);
    const bot = createBot("treg", "hard", 1);
    playBots(w, [bot], 360);
    const obs = observe(w, "treg");
    const dcs = obs.cells.filter((c) => c.type === "dendritic");
    const tregs = obs.cells.filter((c) => c.type === "treg" && c.squad === 4);
    const onDc = tregs.filter((t) => dcs.some((d) => Math.hypot(d.x - t.x, d.y - t.y) < 3)).length;
    expect(onDc / tregs.length).toBeGreaterThan(0.6);
    // and they are spread: most dendritic cells have a Treg near them
    const covered = dcs.filter((d) => tregs.some((t) => Math.hypot(d.x - t.x, d.y - t.y) < 4)).length;
    expect(covered / dcs.length).toBeGreaterThanOrEqual(0.75);
  });

  test("a bots-only round of a short scenario reaches an outcome", () => {
    const w = build("viral", 0.3, 1);
    playBots(w, allBots("hard", 1), 432 + 20);
    expect(["cleared", "timeUp", "overrun"]).toContain(w.outcome);
    const t = build("t1d", 0.25, 1);
    playBots(t, allBots("normal", 1), 360 + 20);
    expect(["protected", "lost"]).toContain(t.outcome);
  });
});
