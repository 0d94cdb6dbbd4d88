// One tick of the model, in a fixed order: commands, therapy, contacts, secretion and uptake, the IL-2 field,
// signalling, killing, threats, division, deprivation, movement, then removal of the dead. Returns this tick's
// events (valid until the next step). The only entry point that advances time. Called by rooms, runner and tests.

import { contactAntigen, suppressDendriticCells } from "./activation.ts";
import { applyCommand } from "./applyCommands.ts";
import { buildCellLists } from "./cellLists.ts";
import type { Command } from "./commands.ts";
import { compact } from "./compact.ts";
import { deprive } from "./death.ts";
import { divide } from "./division.ts";
import { advanceField } from "./field.ts";
import { kill } from "./killing.ts";
import { sampleMetrics } from "./metrics.ts";
import { move } from "./movement.ts";
import { judgeOutcome } from "./outcome.ts";
import { secrete } from "./secretion.ts";
import { signal } from "./signalling.ts";
import { advanceTherapy } from "./therapy.ts";
import { growThreat } from "./threat.ts";
import { fillUptake, handOutUptake } from "./uptake.ts";
import { admitNewClones } from "./inflow.ts";
import { EVENT_LOG_LIMIT, type SimEvent, type World } from "./world.ts";

export function step(world: World, commands: readonly Command[] = []): SimEvent[] {
  world.events.length = 0;
  for (const cmd of world.pending) applyCommand(world, cmd);
  world.pending.length = 0;
  for (const cmd of commands) applyCommand(world, cmd);

  const plasma = advanceTherapy(world);
  admitNewClones(world);
  buildCellLists(world); // (also sets every immune cell's why back to resting)
  suppressDendriticCells(world);
  contactAntigen(world);

  secrete(world);
  fillUptake(world);
  if (world.params.holdIl2Pm > 0) holdField(world);
  else advanceField(world, plasma);
  handOutUptake(world);

  signal(world);
  kill(world);
  growThreat(world);
  divide(world);
  deprive(world);
  move(world, world.cue);
  compact(world);

  world.tick++;
  if (world.tick % world.params.metricsEveryTicks === 0) {
    const m = sampleMetrics(world);
    world.history.push(m);
    if (world.outcome === "ongoing") {
      const outcome = judgeOutcome(world, m);
      if (outcome !== "ongoing") {
        world.outcome = outcome;
        world.events.push({ tick: world.tick, kind: "outcome", cause: outcome });
      }
    }
  }
  logEvents(world);
  return world.events;
}

/** Adds this tick's events (world.events) to the world's log, dropping the oldest past EVENT_LOG_LIMIT. */
export function logEvents(world: World): void {
  const log = world.eventLog;
  for (const e of world.events) log.push(e);
  if (log.length > EVENT_LOG_LIMIT) log.splice(0, log.length - EVENT_LOG_LIMIT);
}

/**
 * A culture-dish experiment holds IL-2 at one level everywhere, so the field needs no solving: cells are exposed to
 * the held level for the whole tick, and the ledger books what holding it added (what the cells took away).
 */
function holdField(world: World): void {
  const hold = world.params.holdIl2Pm, f = world.field;
  let added = 0;
  for (let i = 0; i < f.c.length; i++) added += hold - f.c[i];
  f.c.fill(hold);
  f.exposure.fill(hold * world.dtS);
  world.ledger.held += added / f.pmPerMolecule;
}

/** Runs whole ticks until `days` of simulated time have passed. */
export function runDays(world: World, days: number): void {
  const ticks = Math.round((days * 86400) / world.dtS);
  for (let k = 0; k < ticks; k++) step(world);
}
