// What a bot sees: only what a player's screen shows (live cells with their status lights, a coarse IL-2 map, the HUD,
// the therapy cards), never hidden internals (receptor numbers, antigen signals, the model's random streams).
// Positions in voxels, IL-2 in pM, time in ticks and days. Called by the room before each bot decision, and by tests.

import {
  CELL_TYPE_NAMES, CellFlag, THERAPY_NAMES, dayOf, type CellTypeName, type Role, type TherapyName, type World, ROLE_SQUADS,
} from "../sim/index.ts";

/** One live cell as the screen draws it. */
export interface SeenCell {
  id: number;
  type: CellTypeName;
  x: number;
  y: number;
  squad: number;
  /** A T cell that has met its antigen (drawn with a ring). */
  activated: boolean;
  /** pSTAT5-positive: hearing IL-2 now (drawn with a glow). */
  pstat5Positive: boolean;
  /** An infected cell releasing virus. */
  producing: boolean;
}

/** The IL-2 map as the screen's coarse overlay: mean pM over square blocks of `block` voxels, row by row. */
export interface SeenField {
  block: number;
  w: number;
  h: number;
  pm: Float32Array;
}

/** A therapy card: doses given so far, and whether a course of it is still being given (the card is cooling down). */
export interface SeenCard {
  therapy: TherapyName;
  doses: number;
  running: boolean;
}

export interface BotObservation {
  role: Role;
  squads: readonly number[];
  scenarioId: string;
  /** The scenario's threat, as its briefing says: virus, tumour, self (autoimmunity) or none. */
  threatKind: string;
  width: number;
  height: number;
  tick: number;
  day: number;
  /** The round's length, days. */
  days: number;
  outcome: string;
  hud: {
    helpers: number;
    killers: number;
    tregs: number;
    nk: number;
    threat: number;
    damage: number;
    leak: number;
    il2MeanPm: number;
    il2MaxPm: number;
  };
  cells: SeenCell[];
  field: SeenField;
  cards: SeenCard[];
}

/** Side of the IL-2 overlay's blocks, voxels (80 µm). */
export const FIELD_BLOCK = 8;

function coarseField(world: World): SeenField {
  const f = world.field, b = FIELD_BLOCK;
  const w = Math.ceil(f.width / b), h = Math.ceil(f.height / b);
  const sum = new Float64Array(w * h), n = new Uint32Array(w * h);
  for (let y = 0; y < f.height; y++) {
    const row = ((y / b) | 0) * w;
    for (let x = 0; x < f.width; x++) {
      const k = row + ((x / b) | 0);
      sum[k] += f.c[y * f.width + x];
      n[k]++;
    }
  }
  const pm = new Float32Array(w * h);
  for (let k = 0; k < pm.length; k++) pm[k] = n[k] ? sum[k] / n[k] : 0;
  return { block: b, w, h, pm };
}

export function observe(world: World, role: Role): BotObservation {
  const c = world.cells, gate = world.params.pstat5PositiveLevel;
  const cells: SeenCell[] = [];
  let helpers = 0, killers = 0, tregs = 0, nk = 0, threat = 0, healthy = 0;
  let il2Sum = 0, il2Max = 0;
  for (let i = 0; i < c.count; i++) {
    const f = c.flags[i];
    if (f & CellFlag.dead) continue;
    const type = CELL_TYPE_NAMES[c.type[i]];
    cells.push({
      id: c.id[i], type, x: c.x[i], y: c.y[i], squad: c.squad[i],
      activated: (f & CellFlag.activated) !== 0, pstat5Positive: c.pstat5[i] > gate, producing: (f & CellFlag.producing) !== 0,
    });
    if (type === "cd4") helpers++;
    else if (type === "cd8") killers++;
    else if (type === "treg") tregs++;
    else if (type === "nkBright" || type === "nkDim") nk++;
    else if (type === "infected" || type === "tumour" || type === "tumourHidden") threat++;
    else if (type === "tissue" || type === "islet") healthy++;
  }
  for (let v = 0; v < world.field.c.length; v++) {
    const x = world.field.c[v];
    il2Sum += x;
    if (x > il2Max) il2Max = x;
  }
  const th = world.therapy;
  const cards: SeenCard[] = THERAPY_NAMES.map((therapy) => ({
    therapy,
    doses: th.dosesGiven[therapy] ?? 0,
    running: th.queue.some((q) => q.therapy === therapy),
  }));
  return {
    role,
    squads: ROLE_SQUADS[role],
    scenarioId: world.scenario.id,
    threatKind: world.scenario.threat.kind,
    width: world.field.width,
    height: world.field.height,
    tick: world.tick,
    day: dayOf(world),
    days: world.scenario.days,
    outcome: world.outcome,
    hud: {
      helpers, killers, tregs, nk, threat,
      damage: world.initialHealthy ? Math.max(0, 1 - healthy / world.initialHealthy) : 0,
      leak: th.leak,
      il2MeanPm: world.field.c.length ? il2Sum / world.field.c.length : 0,
      il2MaxPm: il2Max,
    },
    cells,
    field: coarseField(world),
    cards,
  };
}

/** The same look at the screen as another role's (what every player sees is the same; only the squads differ). */
export function observeAs(seen: BotObservation, role: Role): BotObservation {
  return { ...seen, role, squads: ROLE_SQUADS[role] };
}
