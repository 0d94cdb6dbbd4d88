// The IL-2 tug-of-war on the kiosk: the play screen's bar (ui/il2TugBar.ts) in the kiosk's side panel, in the
// visitor's language (tug.* strings), showing the room on screen: the bots' room during attract, the visitor's round
// after a touch; refreshed by that room's state changes (re-bound on each "round-start"). Mounted once by kioskMain.ts.

import { TUG_GROUPS, type TugGroup } from "../../../shared/net/il2Tug.ts";
import type { Bus } from "../bus.ts";
import type { GameSession } from "../net/GameSession.ts";
import { mountIl2Tug } from "../ui/il2TugBar.ts";
import type { TugWords } from "../ui/il2TugWords.ts";
import type { KioskStrings } from "./strings.ts";

export function kioskTugWords(strings: KioskStrings): TugWords {
  const groups = {} as Record<TugGroup, string>;
  for (const g of TUG_GROUPS) groups[g] = strings.t(`tug.${g}`);
  return { title: strings.t("tug.title"), caption: strings.t("tug.caption"), groups, none: strings.t("tug.none"), summary: strings.t("tug.summary") };
}

export function mountKioskTug(root: HTMLElement, strings: KioskStrings, bus: Bus, onScreen: () => GameSession | null): () => void {
  const bar = mountIl2Tug(root, () => onScreen()?.state?.hud, () => kioskTugWords(strings));
  let offState = () => {};
  const follow = (s: GameSession | null) => {
    offState();
    offState = s?.onStateChange(bar.refresh) ?? (() => {});
    bar.refresh();
  };
  // The kiosk names the room it puts on screen ("round-start": the bots' room, or the visitor's as the touch lands).
  const offs = [strings.onChange(() => bar.refresh()), bus.on("round-start", follow), bus.on("round-leave", () => follow(null))];
  follow(onScreen());
  return () => { offs.forEach((o) => o()); offState(); bar.unmount(); };
}
