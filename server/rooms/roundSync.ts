// Copies the round's figures into the synced state: clock, outcome, pause and speed, cell count, grid, the HUD (from
// the model's latest metrics sample, plus the live leak) and the therapy cards. Cheap: no pass over the cells.
// Called by TissueRoom before every patch.

import { CardState, type TissueState } from "../../shared/net/TissueState.ts";
import { dayOf, THERAPY_NAMES, type World } from "../../shared/sim/index.ts";
import type { CardClock } from "../../shared/round/index.ts";
import type { RoundClock } from "./roundClock.ts";
import { syncIl2Tug } from "./il2TugSync.ts";

export function syncRound(state: TissueState, world: World, clock: RoundClock, cards: CardClock): void {
  state.tick = world.tick;
  state.day = dayOf(world);
  state.days = world.scenario.days;
  state.outcome = world.outcome;
  state.paused = clock.paused;
  state.speed = clock.speed;
  state.cellCount = world.cells.count - world.deadCount;
  state.gridWidth = world.field.width;
  state.gridHeight = world.field.height;

  const hud = state.hud;
  const m = world.history[world.history.length - 1];
  if (m) {
    const v = m.values;
    hud.il2MeanPm = v["il2.meanPm"];
    hud.il2MaxPm = v["il2.maxPm"];
    hud.cd4 = v["count.cd4"];
    hud.cd8 = v["count.cd8"];
    hud.treg = v["count.treg"];
    hud.nk = v["count.nk"];
    hud.threat = v["threat.burden"];
    hud.damage = v["tissue.damage"];
  }
  syncIl2Tug(hud, world.history);
  hud.leak = world.therapy.leak;

  for (const therapy of THERAPY_NAMES) {
    let card = state.cards.get(therapy);
    if (!card) {
      card = new CardState();
      state.cards.set(therapy, card);
    }
    card.readyTick = cards.get(therapy) ?? 0;
    card.doses = world.therapy.dosesGiven[therapy] ?? 0;
  }
}
