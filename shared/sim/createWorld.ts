// Builds a world from a scenario, parameters and a seed: vessels, the tissue lattice, the threat and the immune cells.
// Same inputs, same world. Grid units are voxels. Called by the server's rooms, the experiment runner and tests.

import { CellType } from "./cellTypes.ts";
import { createField } from "./field.ts";
import type { Params } from "./params.ts";
import { createRng, lognormalFactor, randInt, uniform, type Rng } from "./rng.ts";
import type { Placement, Population, Scenario } from "./scenario.ts";
import { activate, addCell, clamp } from "./spawn.ts";
import { queueTherapy } from "./therapy.ts";
import type { TherapyName } from "./therapyNames.ts";
import { Cells, hoursToTicks, type Patient, type World } from "./world.ts";
import { rebuildLattice } from "./lattice.ts";

export function createWorld(scenario: Scenario, params: Params, seed: number): World {
  const { width, height } = scenario.grid;
  const dtS = params.tickSeconds;
  const blockSize = Math.max(2, Math.round(params.senseRadiusVoxels / 1.5));
  const bw = Math.ceil(width / blockSize), bh = Math.ceil(height / blockSize);
  const spacing = scenario.tissue.spacing;
  const lw = Math.floor(width / spacing), lh = Math.floor(height / spacing);
  const s = seed >>> 0;
  const world: World = {
    scenario, params, seed: s, tick: 0, nextId: 1, dtS, dtH: dtS / 3600,
    cells: new Cells(),
    field: createField(width, height, params.diffusionUm2PerS, dtS, params.diffusionSubsteps, params.slabThicknessUm),
    lattice: { spacing, width: lw, height: lh, cell: new Int32Array(lw * lh).fill(-1) },
    therapy: {
      bolusFast: 0, bolusSlow: 0, lowDoseTicksLeft: 0, lowDosePm: 0, antiCd25: 0, biasedPm: 0,
      queue: [], dosesGiven: {},
      leak: 0, leakPeak: 0, leakSensitivity: 1, leakCrossedTick: -1,
    },
    ledger: {
      secreted: 0, internalised: 0, decayed: 0, sunk: 0, vesselIn: 0, held: 0, capturedByType: [0, 0, 0, 0, 0],
    },
    counters: { activations: 0, divisions: 0, kills: 0, deaths: 0, doses: 0, infections: 0 },
    rng: {
      place: createRng(s, 1), move: createRng(s, 2), activate: createRng(s, 3), divide: createRng(s, 4),
      death: createRng(s, 5), kill: createRng(s, 6), threat: createRng(s, 7),
    },
    head: new Int32Array(width * height).fill(-1),
    crowd: new Uint8Array(width * height),
    next: new Int32Array(0),
    blocks: {
      size: blockSize, w: bw, h: bh,
      threat: new Uint16Array(bw * bh), antigen: new Uint16Array(bw * bh), dc: new Uint16Array(bw * bh),
    },
    patient: {
      tumourImmunogenicity: params.tumourImmunogenicity, tumourHiddenShare: params.tumourHiddenShare, repertoire: 1,
      tumourExhaustionFold: 1, tumourInfiltration: 1,
    },
    initialHealthy: 0, deadCount: 0, threatCount: 0, threatSeen: false, antigenPresent: false, peakThreat: 0,
    outcome: "ongoing", events: [], eventLog: [], history: [], pending: [],
    targetOf: new Int32Array(0), hitCount: new Uint8Array(0), cue: new Float64Array(2),
  };
  const rng = world.rng.place;
  world.therapy.leakSensitivity = lognormalFactor(rng, params.leakSensitivityCv);
  world.patient = drawPatient(params, rng, scenario.threat.kind === "tumour");

  placeVessels(world);
  placeTissue(world, rng);
  placeThreat(world, rng);
  // dendritic cells first: "antigenSites" placement puts other cells around them
  const dendritic = (pop: Population) => Number(pop.type === "dendritic");
  const dendriticFirst = (a: Population, b: Population) => dendritic(b) - dendritic(a);
  const ordered = [...scenario.populations].sort(dendriticFirst);
  for (const pop of ordered) placePopulation(world, pop, rng);
  rebuildLattice(world);
  world.initialHealthy = countHealthy(world);
  if (params.holdIl2Pm > 0) world.field.c.fill(params.holdIl2Pm);
  for (const t of scenario.therapies) {
    queueTherapy(world, t.therapy as TherapyName, true, hoursToTicks(world, t.day * 24));
  }
  return world;
}

/**
 * What makes this patient's tissue differ from the next one's, drawn once from the seed: how strongly the tumour shows
 * its antigen, how many of its cells hide by losing MHC, how many T cells recognise the antigen and, with a tumour,
 * how much PD-L1 it shows and whether it lets immune cells in (drawn last and only then, so worlds without a tumour
 * draw as before).
 */
export function drawPatient(p: Params, rng: Rng, tumour = false): Patient {
  const patient = {
    tumourImmunogenicity: clamp(p.tumourImmunogenicity * lognormalFactor(rng, p.tumourImmunogenicityCv), 0.05, 1),
    tumourHiddenShare: clamp(p.tumourHiddenShare * lognormalFactor(rng, p.tumourHiddenShareCv), 0, 0.95),
    repertoire: lognormalFactor(rng, p.repertoireCv),
    tumourExhaustionFold: 1,
    tumourInfiltration: 1,
  };
  if (tumour) {
    patient.tumourExhaustionFold = Math.max(1, p.tumourExhaustionFold * lognormalFactor(rng, p.tumourPdl1Cv));
    if (uniform(rng) >= p.tumourInflamedShare) patient.tumourInfiltration = p.tumourExcludedContact;
  }
  return patient;
}

/** Antigen strength the scenario's antigen has: the tumour's for this patient, the self-antigen's, or a virus's (1). */
export function threatAntigenStrength(world: World): number {
  switch (world.scenario.threat.kind) {
    case "tumour": return world.patient.tumourImmunogenicity;
    case "self": return world.params.selfAntigenStrength;
    default: return 1;
  }
}

export function countHealthy(world: World): number {
  const c = world.cells;
  let n = 0;
  for (let i = 0; i < c.count; i++) if (c.type[i] === CellType.tissue || c.type[i] === CellType.islet) n++;
  return n;
}

function placeVessels(world: World): void {
  const f = world.field;
  for (const v of world.scenario.vessels) {
    const steps = Math.max(Math.abs(v.x1 - v.x0), Math.abs(v.y1 - v.y0), 1);
    for (let k = 0; k <= steps; k++) {
      const x = Math.round(v.x0 + ((v.x1 - v.x0) * k) / steps);
      const y = Math.round(v.y0 + ((v.y1 - v.y0) * k) / steps);
      f.vessel[y * f.width + x] = 1;
    }
  }
  const index: number[] = [];
  for (let i = 0; i < f.vessel.length; i++) if (f.vessel[i]) index.push(i);
  f.vesselIndex = Int32Array.from(index);
}

function siteCentre(world: World, lx: number, ly: number): [number, number] {
  const s = world.lattice.spacing;
  return [lx * s + s / 2, ly * s + s / 2];
}

function placeTissue(world: World, rng: Rng): void {
  const kind = world.scenario.tissue.kind;
  if (kind === "none") return;
  const type = kind === "islet" ? CellType.islet : CellType.tissue;
  const L = world.lattice, f = world.field;
  for (let ly = 0; ly < L.height; ly++) {
    for (let lx = 0; lx < L.width; lx++) {
      const [x, y] = siteCentre(world, lx, ly);
      if (f.vessel[(y | 0) * f.width + (x | 0)]) continue;
      const site = ly * L.width + lx;
      L.cell[site] = addCell(world, type, x, y, site, rng);
    }
  }
}

function placeThreat(world: World, rng: Rng): void {
  const th = world.scenario.threat;
  if (th.kind !== "virus" && th.kind !== "tumour") return;
  const p = world.params, c = world.cells, L = world.lattice;
  for (const site of th.sites) {
    // lattice sites within the radius, nearest first, until `count` are threat cells
    const candidates: { d: number; site: number }[] = [];
    const r = Math.max(site.radius, 0.5);
    for (let ly = 0; ly < L.height; ly++) {
      for (let lx = 0; lx < L.width; lx++) {
        const [x, y] = siteCentre(world, lx, ly);
        const d = Math.hypot(x - site.x, y - site.y);
        if (d <= r + world.lattice.spacing) candidates.push({ d: d + uniform(rng) * 0.01, site: ly * L.width + lx });
      }
    }
    candidates.sort((a, b) => a.d - b.d);
    let placed = 0;
    for (const cand of candidates) {
      if (placed >= site.count) break;
      let i = L.cell[cand.site];
      if (i < 0) {
        const [x, y] = siteCentre(world, cand.site % L.width, Math.floor(cand.site / L.width));
        i = addCell(world, CellType.tissue, x, y, cand.site, rng);
        L.cell[cand.site] = i;
      } else if (c.type[i] !== CellType.tissue && c.type[i] !== CellType.islet) continue;
      if (th.kind === "virus") {
        c.type[i] = CellType.infected;
        c.stateTick[i] = world.tick;
      } else {
        c.type[i] = uniform(rng) < world.patient.tumourHiddenShare ? CellType.tumourHidden : CellType.tumour;
        c.strength[i] = tumourStrength(world, rng);
      }
      placed++;
    }
  }
}

/** A new tumour cell's antigen strength, drawn around this patient's tumour immunogenicity. */
export function tumourStrength(world: World, rng: Rng): number {
  const spread = 2 * world.params.tumourStrengthSpread;
  return clamp(world.patient.tumourImmunogenicity + (uniform(rng) - 0.5) * spread, 0.05, 1);
}

function pointFor(world: World, placement: Placement, rng: Rng, dcs: number[]): [number, number] {
  const w = world.field.width, h = world.field.height;
  const inDisk = (cx: number, cy: number, r: number): [number, number] => {
    const a = uniform(rng) * 2 * Math.PI, d = Math.sqrt(uniform(rng)) * r;
    return [clamp(cx + d * Math.cos(a), 0, w - 0.001), clamp(cy + d * Math.sin(a), 0, h - 0.001)];
  };
  switch (placement.kind) {
    case "random": return [uniform(rng) * w, uniform(rng) * h];
    case "cluster": return inDisk(placement.x, placement.y, placement.radius);
    case "antigenSites": {
      if (!dcs.length) return [uniform(rng) * w, uniform(rng) * h];
      const dc = dcs[randInt(rng, dcs.length)];
      return inDisk(world.cells.x[dc], world.cells.y[dc], placement.radius);
    }
    case "vessels": {
      const f = world.field;
      if (!f.vesselIndex.length) return [uniform(rng) * w, uniform(rng) * h];
      const v = f.vesselIndex[randInt(rng, f.vesselIndex.length)];
      return [(v % w) + uniform(rng), Math.floor(v / w) + uniform(rng)];
    }
  }
}

function placePopulation(world: World, pop: Population, rng: Rng): void {
  const p = world.params, c = world.cells;
  const dcs: number[] = [];
  for (let i = 0; i < c.count; i++) if (c.type[i] === CellType.dendritic) dcs.push(i);
  const types: number[] = [];
  // this patient's repertoire scales the helpers and killers that recognise the antigen (not those a test places
  // activated)
  const recognising = (n: number) => (pop.activated ? n : Math.round(n * world.patient.repertoire));
  if (pop.type === "cd4") {
    const tregs = Math.round(pop.count * p.tregShareOfCd4);
    for (let k = 0; k < tregs; k++) types.push(CellType.treg);
    for (let k = recognising(pop.count - tregs); k > 0; k--) types.push(CellType.cd4);
  } else if (pop.type === "nk") {
    const bright = Math.round(pop.count * p.nkBrightShare);
    for (let k = 0; k < pop.count; k++) types.push(k < bright ? CellType.nkBright : CellType.nkDim);
  } else {
    const t = pop.type === "cd8" ? CellType.cd8 : pop.type === "treg" ? CellType.treg : CellType.dendritic;
    for (let k = t === CellType.cd8 ? recognising(pop.count) : pop.count; k > 0; k--) types.push(t);
  }
  const strength = pop.antigenStrength ?? threatAntigenStrength(world);
  for (const type of types) {
    const [x, y] = pointFor(world, pop.placement, rng, dcs);
    const i = addCell(world, type, x, y, -1, rng);
    c.squad[i] = type === CellType.treg && pop.tregSquad !== undefined ? pop.tregSquad : pop.squad ?? 0;
    if (type === CellType.dendritic) c.strength[i] = strength;
    if (pop.activated && (type === CellType.cd4 || type === CellType.cd8)) {
      activate(world, i, strength, rng, -hoursToTicks(world, 1));
    }
  }
}
