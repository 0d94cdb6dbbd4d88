// The microscope: one cell's details by id (receptors in sites, IL-2 in molecules, pSTAT5 and signal 0..1), with why it
// is doing what it does in a sentence a 12-year-old can read. Pure: reads the world, changes nothing.
// Called by the game room when a player asks about a cell (ClientMessage.inspect); the tests call whyText directly.

import { CELL_TYPE_LABELS, CELL_TYPE_NAMES, CellType, type CellTypeName } from "../sim/cellTypes.ts";
import { highAffinitySites } from "../sim/uptake.ts";
import { CellFlag, Why, indexOfId, type World } from "../sim/world.ts";
import type { InspectResult, WhyName } from "../net/messages.ts";

/** Why names by code (the reverse of Why). */
export const WHY_NAMES: readonly WhyName[] = (() => {
  const out: WhyName[] = [];
  for (const [name, code] of Object.entries(Why) as [WhyName, number][]) out[code] = name;
  return out;
})();

/** The model treats the third receptor chain as always there in plenty, so it is never counted. */
export const CD132_TEXT = "CD132 (the common gamma chain) is not counted: the model assumes every cell has plenty, so it never limits IL-2 capture.";

/** Index of the live cell with this id, or -1. Ids ascend over 0..count-1, so a binary search finds it. */
export function findCell(world: World, cellId: number, includeDead = false): number {
  const c = world.cells;
  const i = indexOfId(c.id, c.count, cellId);
  return i >= 0 && (includeDead || !(c.flags[i] & CellFlag.dead)) ? i : -1;
}

/** The numbers a sentence may quote. */
export interface WhyNumbers {
  pstat5: number; // 0..1
  signal: number; // 0..1
  capturedIl2: number; // molecules
  generation: number;
  kills: number;
  activated: boolean;
  antigenShown?: number; // dendritic cells: antigen strength still shown, 0..1
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function roundSensibly(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const a = Math.abs(x);
  if (a >= 100) return Math.round(x);
  if (a >= 10) return Math.round(x * 10) / 10;
  return Math.round(x * 100) / 100;
}

function who(type: CellTypeName): string {
  switch (type) {
    case "cd4": return "helper";
    case "cd8": return "killer";
    case "treg": return "Treg";
    case "nkBright": case "nkDim": return "NK cell";
    default: return "cell";
  }
}

/** A plain sentence for why a cell of this type is doing what it does. Every Why code gives a sentence for every type. */
export function whyText(why: number, type: CellTypeName, n: WhyNumbers): string {
  const nk = type === "nkBright" || type === "nkDim";
  switch (why) {
    case Why.resting:
      if (type === "treg") return "Resting, but a Treg always carries the high-affinity IL-2 receptor, so it catches IL-2 drifting past even at low levels.";
      if (type === "cd4") return n.activated
        ? "Resting here for now. It is switched on, and switched-on helpers make IL-2."
        : "Resting: it is waiting to meet the antigen it was made for at a dendritic cell. Until then it makes no IL-2.";
      if (type === "cd8") return n.activated
        ? "Resting here for now. It is switched on, and needs IL-2 from helpers to keep dividing."
        : "Resting: it is waiting to meet its antigen. Without the high-affinity receptor it only hears IL-2 when there is a lot.";
      if (type === "nkBright") return "Resting: a CD56bright NK cell carries CD25 as well as CD122, so its high-affinity receptors hear IL-2 at lower levels than most NK cells do.";
      if (nk) return "Resting: a CD56dim NK cell has the intermediate IL-2 receptor (CD122, almost no CD25), so it responds only when IL-2 is plentiful.";
      if (type === "dendritic") return (n.antigenShown ?? 0) > 0.01
        ? `Showing antigen (strength ${pct(n.antigenShown ?? 0)}): it holds up pieces of the threat so passing T cells can recognise them.`
        : "It has no antigen left to show, so it no longer switches T cells on.";
      if (type === "tissue") return "Healthy tissue: part of the body you are protecting.";
      if (type === "islet") return "An islet cell that makes insulin. It carries a self-antigen, so self-reactive killer T cells may attack it.";
      if (type === "infected") return "Infected: a virus has got in and will soon make more virus.";
      if (type === "tumourHidden") return "A tumour cell that has hidden its ID tags (MHC), so killer T cells cannot see it. NK cells can.";
      if (type === "tumour") return "A tumour cell: killer T cells can see it, and it grows into the space around it.";
      return "Resting.";
    case Why.wandering:
      return `Wandering: this ${who(type)} is switched on but senses nothing nearby that tells it where to go.`;
    case Why.commanded:
      return `Following orders: this ${who(type)} is heading where its commander sent it. Orders move cells, but only IL-2 lets them divide.`;
    case Why.chasingThreat:
      if (type === "cd8") return "Chasing antigen: it senses cells showing its antigen nearby and moves toward them.";
      return `Chasing the threat: this ${who(type)} senses infected or tumour cells nearby and moves toward them.`;
    case Why.seekingIl2:
      return `Looking for IL-2: this ${who(type)} is moving toward where IL-2 is higher (pSTAT5 now ${pct(n.pstat5)}).`;
    case Why.engagedAntigen:
      if (type === "cd4") return n.activated
        ? `Touching a dendritic cell that shows its antigen. That keeps it switched on and making IL-2; helpers side by side share their IL-2 (pSTAT5 ${pct(n.pstat5)}).`
        : "Touching a dendritic cell that shows its antigen: it may switch on any moment and start making IL-2.";
      if (type === "cd8") return n.activated
        ? `Touching a cell that shows its antigen. It is switched on, but it divides only with IL-2 from helpers (pSTAT5 ${pct(n.pstat5)}).`
        : "Touching a dendritic cell that shows its antigen: it may switch on any moment.";
      return `Touching a cell that shows antigen.`;
    case Why.dividing:
      if (type === "treg") return `Dividing: it has caught enough IL-2 to split in two (division ${n.generation}). More Tregs catch even more IL-2.`;
      if (nk) return `Dividing: plenty of IL-2 lets this NK cell split in two (division ${n.generation}).`;
      return `Dividing: it has banked enough signal to split in two (division ${n.generation}), after catching ${Math.round(n.capturedIl2)} IL-2 molecules so far.`;
    case Why.starving:
      if (type === "treg") return `Starving: it has caught too little IL-2 for hours (signal ${pct(n.signal)}). Tregs need IL-2 to survive too.`;
      if (nk) return `Starving: this NK cell grew on IL-2 and now gets too little (signal ${pct(n.signal)}), so it may die.`;
      if (n.activated) return `Starving: it has caught too little IL-2 for hours (signal ${pct(n.signal)}), and without it an activated T cell dies.`;
      return `Starving: it divided on IL-2 and now gets too little (signal ${pct(n.signal)}), so it may die.`;
    case Why.killing:
      if (nk) return `Killing: it is attacking an infected or hidden tumour cell. More IL-2 makes NK cells kill harder (pSTAT5 ${pct(n.pstat5)}, ${n.kills} kills so far).`;
      return `Killing: it is attacking a cell that shows its antigen (${n.kills} kills so far).`;
    case Why.suppressing:
      if (type === "treg") return "Soaking up IL-2 with its high-affinity receptor, which leaves less for the helpers nearby, and holding the dendritic cell back from switching on new T cells.";
      return `Holding back: this ${who(type)} sits where it slows other cells down.`;
    case Why.homing:
      return `Heading for a dendritic cell: this ${who(type)} senses one nearby and moves toward it.`;
    case Why.growing:
      if (type === "tumourHidden") return "Growing: this hidden tumour cell divides into the space around it. Only NK cells can see it.";
      return "Growing: this tumour cell divides into the space around it, crowding out healthy tissue.";
    case Why.spreading:
      return "Spreading: this infected cell is making virus that infects its healthy neighbours.";
    case Why.infected:
      return "Infected: a virus has just got in. In a few hours it will start making more virus.";
    default:
      return "Doing nothing special right now.";
  }
}

export function inspectCell(world: World, cellId: number): InspectResult {
  const i = findCell(world, cellId);
  if (i < 0) return { cellId, found: false };
  const c = world.cells;
  const type = CELL_TYPE_NAMES[c.type[i]];
  const activated = (c.flags[i] & CellFlag.activated) !== 0;
  const immune = c.type[i] <= CellType.nkDim;
  const why = c.why[i];
  const numbers: WhyNumbers = {
    pstat5: c.pstat5[i], signal: c.signal[i], capturedIl2: c.captured[i], generation: c.divisions[i], kills: c.kills[i], activated,
    antigenShown: c.type[i] === CellType.dendritic ? c.strength[i] * (1 - c.suppression[i]) : undefined,
  };
  const out: InspectResult = {
    cellId,
    found: true,
    type,
    label: CELL_TYPE_LABELS[type],
    squad: c.squad[i],
    x: roundSensibly(c.x[i]),
    y: roundSensibly(c.y[i]),
    why: WHY_NAMES[why] ?? "resting",
    whyText: whyText(why, type, numbers),
  };
  if (immune) {
    out.cd25 = Math.round(c.cd25[i]);
    out.cd122 = Math.round(c.cd122[i]);
    out.highAffinitySites = Math.round(highAffinitySites(world, i));
    out.cd132Text = CD132_TEXT;
    out.boundIl2 = roundSensibly(c.bound[i]);
    out.capturedIl2 = Math.round(c.captured[i]);
    out.pstat5 = Math.round(c.pstat5[i] * 1000) / 1000;
    out.signal = Math.round(c.signal[i] * 1000) / 1000;
    if (activated && (c.type[i] === CellType.cd4 || c.type[i] === CellType.cd8)) out.divisionsLeft = c.autoDivisions[i] + c.il2Divisions[i];
    out.generation = c.divisions[i];
    out.activated = activated;
  }
  return out;
}
