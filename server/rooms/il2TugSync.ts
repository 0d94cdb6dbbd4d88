// Writes the IL-2 tug-of-war into the synced HUD: each group's share of the IL-2 captured over the last
// TUG_WINDOW_HOURS simulated hours (shared/net/il2Tug.ts), in tenths of a percent, changed on the wire only when a
// share moves by TUG_STEP_PERMILLE or more, so it costs a few bytes a second. Called by syncFigures (roundSync.ts) before every patch.

import { nextPermille, type TugShares } from "../../shared/net/il2Tug.ts";
import type { HudState } from "../../shared/net/TissueState.ts";

/** `latest`: latestShares of the round's history (made with the round's view, model/roundView.ts), or null. */
export function syncIl2Tug(hud: HudState, latest: TugShares | null): void {
  // a new (or restarted) round has no sample yet: nothing captured
  const shares = latest ?? { cd4: 0, cd8: 0, treg: 0, nk: 0 };
  hud.il2ShareCd4 = nextPermille(hud.il2ShareCd4, shares.cd4);
  hud.il2ShareCd8 = nextPermille(hud.il2ShareCd8, shares.cd8);
  hud.il2ShareTreg = nextPermille(hud.il2ShareTreg, shares.treg);
  hud.il2ShareNk = nextPermille(hud.il2ShareNk, shares.nk);
}
