// The contrasts a debrief can offer: the same tissue, the same orders at the same ticks, with ONE thing changed —
// no Tregs, the helpers scattered instead of gathered, no therapy, or the other therapy. Which ones make sense for a
// round is read from its log; each becomes a ReplayChange for replay.ts. Positions in voxels. Pure. Called by the
// contrast worker (server/rooms/contrast) and tests.

import { isImmune, CellType } from "../sim/cellTypes.ts";
import type { Command } from "../sim/commands.ts";
import { createRng, uniform, type Rng } from "../sim/rng.ts";
import type { TherapyName } from "../sim/therapyNames.ts";
import { compact } from "../sim/compact.ts";
import { CellFlag, type World } from "../sim/world.ts";
import type { RoundLog } from "./commandLog.ts";
import type { ReplayChange } from "./replay.ts";

export const CONTRAST_IDS = ["noTregs", "noTherapy", "otherTherapy", "scattered"] as const;
export type ContrastId = (typeof CONTRAST_IDS)[number];

export interface ContrastPlan { id: ContrastId; label: string; change: string }

/**
 * The therapy each card becomes in "the other therapy": the card with the opposite aim. Cards that help the killers
 * (high-dose, CD122-biased, anti-CD25 taking the Tregs' edge away) become low-dose IL-2, which feeds the Tregs; low dose
 * becomes high dose.
 */
export const OTHER_THERAPY: Readonly<Record<TherapyName, TherapyName>> = {
  highDose: "lowDose", lowDose: "highDose", cd122Biased: "lowDose", antiCd25: "lowDose",
};

export const THERAPY_WORDS: Readonly<Record<TherapyName, string>> = {
  highDose: "high-dose IL-2", lowDose: "low-dose IL-2", antiCd25: "anti-CD25 antibody", cd122Biased: "CD122-biased IL-2",
};

/** Scattered helpers head for points this far from the spot they were sent to, voxels (100–300 µm). */
export const SCATTER_MIN_VOXELS = 10;
export const SCATTER_MAX_VOXELS = 30;
/** The contrast's own random stream for scatter points (the world's streams are left as the model uses them). */
const SCATTER_STREAM = 101;

const isGather = (c: Command): boolean => c.kind === "target" || c.kind === "targetCells" || (c.kind === "ability" && c.ability === "rally");

/** Squads that hold helpers: squad 1 (the scenarios' convention) and every squad a classroom split it into. */
function helperSquads(log: RoundLog): Set<number> {
  const squads = new Set<number>([1]);
  for (const t of log.ticks) {
    for (const e of t.edits ?? []) {
      if (e.kind === "split" && squads.has(e.squad)) for (const s of e.into) squads.add(s);
      if (e.kind === "merge" && squads.has(e.from)) squads.add(e.to);
    }
  }
  return squads;
}

/** Whether some order of the round gathered helpers at one spot (a squad sent to a point or rallied, or named helpers sent to a point). */
export function helpersGathered(log: RoundLog): boolean {
  const squads = helperSquads(log), helpers = new Set(log.startHelperIds);
  for (const t of log.ticks) {
    for (const c of t.commands ?? []) {
      if ((c.kind === "target" || (c.kind === "ability" && c.ability === "rally")) && squads.has(c.squad)) return true;
      if (c.kind === "targetCells" && c.cellIds.some((id) => helpers.has(id))) return true;
    }
  }
  return false;
}

/** The therapy cards played in the round, in order of first use. */
export function therapiesPlayed(log: RoundLog): TherapyName[] {
  const out: TherapyName[] = [];
  for (const t of log.ticks) for (const c of t.commands ?? []) if (c.kind === "therapy" && !out.includes(c.therapy)) out.push(c.therapy);
  return out;
}

/** The contrasts that make sense for this round, most telling first. */
export function planContrasts(log: RoundLog): ContrastPlan[] {
  const plans: ContrastPlan[] = [];
  if (log.startTregs > 0) {
    plans.push({
      id: "noTregs", label: "Without Tregs",
      change: `Same tissue, same orders, but no Tregs: the ${log.startTregs} Tregs were taken out before the round started; every other cell started where it did.`,
    });
  }
  const played = therapiesPlayed(log);
  if (played.length) {
    const names = played.map((t) => THERAPY_WORDS[t]).join(" and ");
    plans.push({ id: "noTherapy", label: "Without the therapy", change: `Same tissue, same orders, but no therapy: the ${names} card${played.length > 1 ? "s were" : " was"} never played.` });
    const swaps = played.map((t) => `${THERAPY_WORDS[t]} given as ${THERAPY_WORDS[OTHER_THERAPY[t]]}`).join("; ");
    plans.push({ id: "otherTherapy", label: "With the other therapy", change: `Same tissue, same orders, same days, but the other therapy: ${swaps}.` });
  }
  if (helpersGathered(log)) {
    plans.push({
      id: "scattered", label: "Helpers scattered",
      change: "Same tissue, same orders, but the helpers scattered instead of gathering: each order that sent helper T cells to "
        + `one spot sent each of them to its own point ${SCATTER_MIN_VOXELS * 10}–${SCATTER_MAX_VOXELS * 10} µm around that spot.`,
    });
  }
  return plans;
}

/** The replay change that makes contrast `id`. */
export function changeFor(id: ContrastId, log: RoundLog): ReplayChange {
  switch (id) {
    case "noTregs": return { start: removeTregs };
    case "noTherapy": return { commands: (cmds) => cmds.filter((c) => c.kind !== "therapy") };
    case "otherTherapy": return { commands: (cmds) => cmds.map((c) => (c.kind === "therapy" ? { ...c, therapy: OTHER_THERAPY[c.therapy] } : c)) };
    case "scattered": {
      const rng = createRng(log.seed, SCATTER_STREAM);
      return { commands: (cmds, world) => cmds.flatMap((c) => (isGather(c) ? scatterHelpers(world, c, rng) : [c])) };
    }
  }
}

/**
 * Takes every Treg out of a fresh world (not a death: nothing is counted), leaving every other cell where it is with
 * its id, so the orders that name cells still name the same cells.
 */
export function removeTregs(world: World): void {
  const c = world.cells;
  for (let i = 0; i < c.count; i++) if (c.type[i] === CellType.treg) c.flags[i] |= CellFlag.dead;
  compact(world, true);
}

/** A gather order with its helper T cells sent each to its own point around the order's spot; other cells keep the order. */
function scatterHelpers(world: World, cmd: Command, rng: Rng): Command[] {
  const c = world.cells;
  const named: number[] = [];
  if (cmd.kind === "targetCells") {
    const wanted = new Set(cmd.cellIds);
    for (let i = 0; i < c.count; i++) if (wanted.has(c.id[i])) named.push(i);
  } else if (cmd.kind === "target" || cmd.kind === "ability") {
    for (let i = 0; i < c.count; i++) if (c.squad[i] === cmd.squad && isImmune(c.type[i])) named.push(i);
  } else return [cmd];
  const helpers = named.filter((i) => c.type[i] === CellType.cd4);
  if (!helpers.length) return [cmd];
  let x: number, y: number;
  if (cmd.kind === "ability") {
    // rally gathers at the squad's centre (as the model computes it)
    x = 0; y = 0;
    for (const i of named) { x += c.x[i]; y += c.y[i]; }
    x /= named.length; y /= named.length;
  } else ({ x, y } = cmd);
  const out: Command[] = [];
  const others = named.filter((i) => c.type[i] !== CellType.cd4).map((i) => c.id[i]);
  if (others.length) out.push({ kind: "targetCells", cellIds: others, x, y });
  for (const i of helpers) {
    const a = uniform(rng) * 2 * Math.PI;
    const r = Math.sqrt(SCATTER_MIN_VOXELS ** 2 + uniform(rng) * (SCATTER_MAX_VOXELS ** 2 - SCATTER_MIN_VOXELS ** 2)); // even over the ring's area
    out.push({ kind: "targetCells", cellIds: [c.id[i]], x: x + r * Math.cos(a), y: y + r * Math.sin(a) });
  }
  return out;
}
