// Writes the per-squad IL-2 tug-of-war into the synced HUD of a class (HudState.il2Squads: squad number → share of the
// IL-2 captured over the last TUG_WINDOW_HOURS, tenths of a percent; shared/net/il2SquadTug.ts). The squads' capture
// is sampled where the model steps, once per answer that brought a new metrics sample (model/roundTally.ts), and kept
// here in a SquadTugWindow (the room's, cleared with each new round); the sync reads no world and works only when the
// window changed, and changes a share on the wire only when it moves by SQUAD_TUG_STEP_PERMILLE (whole percents, as
// shown), so it costs a few bytes a second. Synced by ClassroomRoom before every patch; solo rooms leave the map empty.

import type { HudState } from "../../shared/net/TissueState.ts";
import { nextSquadPermille, squadShares, trimSamples, type SquadCaptureSample } from "../../shared/net/il2SquadTug.ts";
import { TUG_WINDOW_HOURS } from "../../shared/net/il2Tug.ts";

/** The squads' capture samples a window needs, and a count of changes (a new sample, a new round). */
export class SquadTugWindow {
  samples: SquadCaptureSample[] = [];
  changes = 0;

  add(sample: SquadCaptureSample): void {
    this.samples.push(sample);
    trimSamples(this.samples, TUG_WINDOW_HOURS);
    this.changes++;
  }

  /** A new or restarted round: nothing captured yet. */
  clear(): void {
    this.samples = [];
    this.changes++;
  }
}

export class Il2SquadTugSync {
  private seen = -1;

  sync(hud: HudState, window: SquadTugWindow): void {
    if (window.changes === this.seen) return;
    this.seen = window.changes;
    if (window.samples.length === 0) {
      hud.il2Squads.clear();
      return;
    }
    const shares = squadShares(window.samples);
    for (const [squad, share] of shares) {
      const key = String(squad), old = hud.il2Squads.get(key);
      const next = nextSquadPermille(old ?? 0, share);
      if (old !== next) hud.il2Squads.set(key, next);
    }
    for (const [key, old] of hud.il2Squads) if (!shares.has(Number(key)) && old !== 0) hud.il2Squads.set(key, 0);
  }
}
