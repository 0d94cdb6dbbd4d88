// The words and numbers of the IL-2 tug-of-war bar: the shares from the synced HUD (tenths of a percent), each as a
// whole percent that never shows 0% for a group that caught some ("<1%"), and the one-line summary a screen reader
// reads. Pure, language-neutral: the play screen passes English words, the kiosk its own. Tested by
// test/unit/il2Tug.test.ts.

import { GROUP_WORDS } from "../../../shared/net/groupWords.ts";
import { TUG_GROUPS, TUG_WINDOW_HOURS, type TugGroup, type TugShares } from "../../../shared/net/il2Tug.ts";

export interface TugWords {
  title: string;
  /** Under the title: what the bar measures. */
  caption: string;
  groups: Record<TugGroup, string>;
  /** Said instead of the bar before any IL-2 has been captured. */
  none: string;
  /** The summary sentence; {list} is replaced by "Helper T cells 62%, Killer T cells 20%, …". */
  summary: string;
}

export const TUG_WORDS_EN: TugWords = {
  title: "IL-2 tug-of-war",
  caption: `Who caught the IL-2 in the last ${TUG_WINDOW_HOURS} hours`,
  groups: GROUP_WORDS,
  none: "No IL-2 caught yet: helpers make it once they switch on at a dendritic cell.",
  summary: `IL-2 tug-of-war, last ${TUG_WINDOW_HOURS} hours: {list}.`,
};

/** The sprite that stands for each group (its shape and colour), as on the tissue. */
export const TUG_ICON: Record<TugGroup, string> = { cd4: "cd4", cd8: "cd8", treg: "treg", nk: "nkDim" };

export interface HudShares { il2ShareCd4: number; il2ShareCd8: number; il2ShareTreg: number; il2ShareNk: number }

/** Shares 0..1 from the HUD's tenths of a percent; undefined while nothing has been captured. */
export function sharesFromHud(hud: HudShares | undefined | null): TugShares | undefined {
  if (!hud) return undefined;
  const s: TugShares = { cd4: hud.il2ShareCd4 / 1000, cd8: hud.il2ShareCd8 / 1000, treg: hud.il2ShareTreg / 1000, nk: hud.il2ShareNk / 1000 };
  return TUG_GROUPS.some((g) => s[g] > 0) ? s : undefined;
}

/** A share as people read it: whole percent, "<1%" for a little, "0%" only for none. */
export function sharePercent(share: number): string {
  if (share <= 0) return "0%";
  const p = Math.round(share * 100);
  return p < 1 ? "<1%" : `${p}%`;
}

/** "IL-2 tug-of-war, last 6 hours: Helper T cells 62%, Killer T cells 20%, Tregs 9%, NK cells 9%." or the words for none. */
export function tugSummary(shares: TugShares | undefined, words: TugWords): string {
  if (!shares) return words.none;
  const list = TUG_GROUPS.map((g) => `${words.groups[g]} ${sharePercent(shares[g])}`).join(", ");
  return words.summary.replace("{list}", list);
}
