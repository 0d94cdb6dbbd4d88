// Writes the per-squad IL-2 tug-of-war into the synced HUD of a class (HudState.il2Squads: squad number → share of the
// IL-2 captured over the last TUG_WINDOW_HOURS, tenths of a percent; shared/net/il2SquadTug.ts). Works only when the
// model has taken a new metrics sample (one pass over the cells then), and changes a share on the wire only when it
// moves by SQUAD_TUG_STEP_PERMILLE (whole percents, as shown), so it costs a few bytes a second. Called by ClassroomRoom
// before every patch; solo rooms leave the map empty.

import type { HudState } from "../../shared/net/TissueState.ts";
import { nextSquadPermille, squadCaptureSample, squadShares, trimSamples, type SquadCaptureSample } from "../../shared/net/il2SquadTug.ts";
import { TUG_WINDOW_HOURS } from "../../shared/net/il2Tug.ts";
import type { RoleLedger } from "../../shared/report/roleLedger.ts";
import type { World } from "../../shared/sim/index.ts";

export class Il2SquadTugSync {
  private samples: SquadCaptureSample[] = [];
  private world: World | null = null;
  private seen = 0;

  sync(hud: HudState, world: World, ledger: RoleLedger): void {
    const n = world.history.length;
    if (world !== this.world || n < this.seen) {
      // a new or restarted round: nothing captured yet
      this.world = world;
      this.samples = [];
      this.seen = 0;
      hud.il2Squads.clear();
    }
    if (n === this.seen) return;
    this.seen = n;
    const day = world.history[n - 1].day;
    this.samples.push(squadCaptureSample(world, day, (sq) => ledger.squads.get(sq)?.capturedByDead ?? 0, ledger.squads.keys()));
    trimSamples(this.samples, TUG_WINDOW_HOURS);
    const shares = squadShares(this.samples);
    for (const [squad, share] of shares) {
      const key = String(squad), old = hud.il2Squads.get(key);
      const next = nextSquadPermille(old ?? 0, share);
      if (old !== next) hud.il2Squads.set(key, next);
    }
    for (const [key, old] of hud.il2Squads) if (!shares.has(Number(key)) && old !== 0) hud.il2Squads.set(key, 0);
  }
}
