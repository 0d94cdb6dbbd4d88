// The threat grows: virus-infected cells start making virus after an eclipse, infect neighbouring tissue and die of it;
// tumour cells divide into free or healthy neighbouring sites (crowding healthy cells out). Rates per hour.
// Called by step() after killing.

import { CellType, CELL_TYPE_NAMES } from "./cellTypes.ts";
import { tumourStrength } from "./createWorld.ts";
import { neighbourSite, siteX, siteY } from "./lattice.ts";
import { randInt, uniform } from "./rng.ts";
import { addCell } from "./spawn.ts";
import { CellFlag, markDead, perTick, Why, type World } from "./world.ts";

function die(world: World, i: number, cause: string): void {
  const c = world.cells;
  markDead(world, i);
  world.events.push({ tick: world.tick, kind: "death", cellId: c.id[i], cellType: CELL_TYPE_NAMES[c.type[i]], cause, x: c.x[i], y: c.y[i] });
}

export function growThreat(world: World): void {
  const c = world.cells, p = world.params, rng = world.rng.threat, dtH = world.dtH, L = world.lattice;
  const pSpread = perTick(p.virusSpreadPerHour, dtH);
  const pGrow = perTick(Math.LN2 / p.tumourDivisionHours, dtH);
  const n = c.count;
  for (let i = 0; i < n; i++) {
    const t = c.type[i];
    if (c.flags[i] & CellFlag.dead) continue;
    if (t === CellType.infected) {
      const age = (world.tick - c.stateTick[i]) * dtH;
      if (age >= p.infectedLifeHours) {
        die(world, i, "killed by the virus");
        continue;
      }
      if (age < p.virusEclipseHours) continue;
      c.flags[i] |= CellFlag.producing;
      c.why[i] = Why.spreading;
      if (uniform(rng) >= pSpread) continue;
      const site = neighbourSite(world, c.site[i], randInt(rng, 8));
      const j = site >= 0 ? L.cell[site] : -1;
      if (j >= 0 && c.type[j] === CellType.tissue && !(c.flags[j] & CellFlag.dead)) {
        c.type[j] = CellType.infected;
        c.stateTick[j] = world.tick;
        c.why[j] = Why.infected;
        world.counters.infections++;
        world.events.push({ tick: world.tick, kind: "infection", cellId: c.id[j], x: c.x[j], y: c.y[j] });
      }
    } else if (t === CellType.tumour || t === CellType.tumourHidden) {
      c.why[i] = Why.growing;
      if (uniform(rng) >= pGrow) continue;
      const site = neighbourSite(world, c.site[i], randInt(rng, 8));
      if (site < 0) continue;
      const j = L.cell[site];
      // a site is free when empty or holding a dead cell; a healthy cell there is crowded out; anything else blocks
      if (j >= 0 && !(c.flags[j] & CellFlag.dead)) {
        const tj = c.type[j];
        if (tj !== CellType.tissue && tj !== CellType.islet) continue;
        die(world, j, "crowded out by the tumour");
      }
      const k = addCell(world, uniform(rng) < world.patient.tumourHiddenShare ? CellType.tumourHidden : CellType.tumour, siteX(world, site), siteY(world, site), site, rng);
      c.strength[k] = tumourStrength(world, rng);
      c.why[k] = Why.growing;
      L.cell[site] = k;
    }
  }
}
