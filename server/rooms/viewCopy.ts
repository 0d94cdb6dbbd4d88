// What the state shows of the round: the view from the model's last answer (model/roundView.ts: the living cells and
// the round's figures), copied into the schema state before each patch (cellSync.ts under its positions budget,
// roundSync.ts's syncFigures) without a pass over any world. Used by TissueRoomBase.

import type { TissueState } from "../../shared/net/TissueState.ts";
import type { CardClock } from "../../shared/round/index.ts";
import type { CellSync } from "./cellSync.ts";
import type { RoundView } from "./model/roundView.ts";
import type { RoundClock } from "./roundClock.ts";
import { syncFigures } from "./roundSync.ts";

export class ViewCopy {
  /** The view the state shows from now on (null: none yet, a resumed round's first answer to come). */
  shown: RoundView | null = null;

  /** Copies the view into `state`: the cells and the figures (before each patch). */
  copy(state: TissueState, cells: CellSync, clock: RoundClock, cards: CardClock): void {
    if (!this.shown) return;
    cells.sync(this.shown.cells, state.cells);
    syncFigures(state, this.shown.figures, clock, cards);
  }

  /** Copies the round's figures alone (after a pause or a change of speed). */
  figures(state: TissueState, clock: RoundClock, cards: CardClock): void {
    if (this.shown) syncFigures(state, this.shown.figures, clock, cards);
  }
}
