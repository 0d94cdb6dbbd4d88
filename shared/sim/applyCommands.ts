// Applies player intent at the start of a tick. Commands that name no cell of this world, or a point off the grid,
// change nothing. Positions in voxels. Called by step(); the server has already checked who may send what.

import type { Command } from "./commands.ts";
import { isImmune } from "./cellTypes.ts";
import { uniform } from "./rng.ts";
import { clamp } from "./spawn.ts";
import { queueTherapy } from "./therapy.ts";
import { Mode, type World } from "./world.ts";

function setTarget(world: World, i: number, x: number, y: number): void {
  const c = world.cells;
  c.mode[i] = Mode.target;
  c.tx[i] = clamp(x, 0, world.field.width - 0.001);
  c.ty[i] = clamp(y, 0, world.field.height - 0.001);
}

const finite = (...v: number[]) => v.every(Number.isFinite);

export function applyCommand(world: World, cmd: Command): void {
  const c = world.cells;
  switch (cmd.kind) {
    case "target": {
      if (!finite(cmd.x, cmd.y)) return;
      for (let i = 0; i < c.count; i++) {
        if (c.squad[i] === cmd.squad && isImmune(c.type[i])) setTarget(world, i, cmd.x, cmd.y);
      }
      return;
    }
    case "targetCells": {
      if (!finite(cmd.x, cmd.y)) return;
      const wanted = new Set(cmd.cellIds);
      for (let i = 0; i < c.count; i++) {
        if (wanted.has(c.id[i]) && isImmune(c.type[i])) setTarget(world, i, cmd.x, cmd.y);
      }
      return;
    }
    case "release": {
      for (let i = 0; i < c.count; i++) if (c.squad[i] === cmd.squad) c.mode[i] = Mode.free;
      return;
    }
    case "ability": {
      if (cmd.ability === "rally" || cmd.ability === "scatter") {
        let sx = 0, sy = 0, n = 0;
        for (let i = 0; i < c.count; i++) {
          if (c.squad[i] === cmd.squad && isImmune(c.type[i])) {
            sx += c.x[i];
            sy += c.y[i];
            n++;
          }
        }
        if (!n) return;
        for (let i = 0; i < c.count; i++) {
          if (c.squad[i] !== cmd.squad || !isImmune(c.type[i])) continue;
          if (cmd.ability === "rally") setTarget(world, i, sx / n, sy / n);
          else {
            // scatter: each cell heads for its own point on a ring around the squad's centre
            const a = uniform(world.rng.move) * 2 * Math.PI;
            const r = world.params.scatterRadiusVoxels * (0.5 + 0.5 * uniform(world.rng.move));
            setTarget(world, i, sx / n + r * Math.cos(a), sy / n + r * Math.sin(a));
          }
        }
        return;
      }
      const mode = cmd.ability === "hunt" ? Mode.hunt : Mode.seekIl2;
      for (let i = 0; i < c.count; i++) if (c.squad[i] === cmd.squad && isImmune(c.type[i])) c.mode[i] = mode;
      return;
    }
    case "therapy": {
      queueTherapy(world, cmd.therapy, cmd.course === true);
      return;
    }
  }
}
