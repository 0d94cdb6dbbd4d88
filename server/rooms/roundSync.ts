// Copies the round's figures into the synced state: clock, outcome, pause and speed, cell count, grid, the HUD (from
// the model's latest metrics sample, the IL-2 tug's shares and the live leak) and the therapy cards. Cheap: no pass
// over the cells. The figures come with the round's view (model/roundView.ts), made where the world is.
// Called by viewCopy.ts before every patch, and after a host's or teacher's action.

import { CardState, type TissueState } from "../../shared/net/TissueState.ts";
import { THERAPY_NAMES } from "../../shared/sim/index.ts";
import type { CardClock } from "../../shared/round/index.ts";
import type { RoundClock } from "./roundClock.ts";
import { syncIl2Tug } from "./il2TugSync.ts";
import type { RoundFigures } from "./model/roundView.ts";

export function syncFigures(state: TissueState, f: RoundFigures, clock: RoundClock, cards: CardClock): void {
  state.tick = f.tick;
  state.day = f.day;
  state.days = f.days;
  state.outcome = f.outcome;
  state.paused = clock.paused;
  state.speed = clock.speed;
  state.cellCount = f.cellCount;
  state.gridWidth = f.gridWidth;
  state.gridHeight = f.gridHeight;

  const hud = state.hud;
  if (f.sample) {
    const v = f.sample.values;
    hud.il2MeanPm = v["il2.meanPm"];
    hud.il2MaxPm = v["il2.maxPm"];
    hud.cd4 = v["count.cd4"];
    hud.cd8 = v["count.cd8"];
    hud.treg = v["count.treg"];
    hud.nk = v["count.nk"];
    hud.threat = v["threat.burden"];
    hud.damage = v["tissue.damage"];
  }
  syncIl2Tug(hud, f.tug);
  hud.leak = f.leak;

  for (const therapy of THERAPY_NAMES) {
    let card = state.cards.get(therapy);
    if (!card) {
      card = new CardState();
      state.cards.set(therapy, card);
    }
    card.readyTick = cards.get(therapy) ?? 0;
    card.doses = f.doses[therapy] ?? 0;
  }
}
