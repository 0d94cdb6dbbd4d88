// The golden run: one fixed scenario, seed and command log, played for a day and a half, and what it produces (every
// metric every GOLDEN_EVERY_TICKS ticks, the state hash at those ticks and at the end). golden.test.ts compares a
// fresh run with the committed viral.json; accept.ts (`npm run golden:accept`) rewrites that file.

import { readFileSync, writeFileSync } from "node:fs";
import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import {
  createWorld, makeParams, METRIC_NAMES, stateHash, step, type Command, type MetricName,
} from "../../../shared/sim/index.ts";

export const GOLDEN_FILE = new URL("./viral.json", import.meta.url);
export const GOLDEN_SCENARIO = "viral";
export const GOLDEN_SEED = 20261207;
/** A day and a half of one-minute ticks. */
export const GOLDEN_TICKS = 2160;
/** One row per simulated hour. */
export const GOLDEN_EVERY_TICKS = 60;

/** The command log, by the tick it is given at: squad orders, an ability and therapy cards, as players send them. */
export const GOLDEN_COMMANDS: Readonly<Record<number, readonly Command[]>> = {
  20: [{ kind: "target", squad: 2, x: 60, y: 60 }],
  120: [{ kind: "therapy", therapy: "lowDose" }],
  300: [{ kind: "ability", squad: 3, ability: "hunt" }, { kind: "target", squad: 1, x: 50, y: 55 }],
  900: [{ kind: "release", squad: 2 }, { kind: "therapy", therapy: "highDose" }],
  1500: [{ kind: "ability", squad: 1, ability: "rally" }],
};

export interface GoldenRecord {
  scenario: string;
  seed: number;
  ticks: number;
  everyTicks: number;
  commands: Readonly<Record<number, readonly Command[]>>;
  /** The metric names, in the order of each row's values. */
  metrics: readonly string[];
  /** One row every everyTicks ticks: the tick, the state hash then, and every metric's value. */
  rows: { tick: number; hash: string; values: number[] }[];
  finalHash: string;
  outcome: string;
}

/** Plays the golden run from scratch. Takes a few seconds. */
export function playGolden(): GoldenRecord {
  const scenario = SCENARIOS[GOLDEN_SCENARIO];
  const world = createWorld(scenario, makeParams(scenario.params), GOLDEN_SEED);
  const rows: GoldenRecord["rows"] = [];
  for (let t = 0; t < GOLDEN_TICKS; t++) {
    step(world, GOLDEN_COMMANDS[t] ?? []);
    if (world.tick % GOLDEN_EVERY_TICKS !== 0) continue;
    const sample = world.history.at(-1);
    if (!sample || sample.tick !== world.tick) throw new Error(`no metrics sample at tick ${world.tick}`);
    const values = METRIC_NAMES.map((m: MetricName) => sample.values[m]);
    rows.push({ tick: world.tick, hash: stateHash(world), values });
  }
  return {
    scenario: GOLDEN_SCENARIO, seed: GOLDEN_SEED, ticks: GOLDEN_TICKS, everyTicks: GOLDEN_EVERY_TICKS,
    commands: GOLDEN_COMMANDS, metrics: [...METRIC_NAMES], rows, finalHash: stateHash(world), outcome: world.outcome,
  };
}

/** The record as committed: one row per line, so a changed row shows as one changed line in a git diff. */
export function formatGolden(r: GoldenRecord): string {
  const lines = (items: string[]) => `\n${items.map((line) => "  " + line).join(",\n")}\n `;
  const given = Object.entries(r.commands);
  const commands = lines(given.map(([tick, list]) => `${JSON.stringify(tick)}: ${JSON.stringify(list)}`));
  const rows = lines(r.rows.map((row) => JSON.stringify(row)));
  return JSON.stringify({ ...r, commands: "COMMANDS", rows: "ROWS" }, null, 1)
    .replace('"COMMANDS"', `{${commands}}`).replace('"ROWS"', `[${rows}]`) + "\n";
}

export function readGolden(): GoldenRecord {
  return JSON.parse(readFileSync(GOLDEN_FILE, "utf8")) as GoldenRecord;
}

export function writeGolden(r: GoldenRecord): void {
  writeFileSync(GOLDEN_FILE, formatGolden(r));
}
