// How far down the HTML top bar (#hud) reaches, so the tissue is fitted below it: 64 px (HUD_TOP_PX) on most screens,
// taller on phones, where the bar wraps onto three or more rows (client/src/ui/hudCompact.css). Read from the page
// and watched with a ResizeObserver; pages without the bar (the kiosk) keep HUD_TOP_PX. Used by PlayScene.

import { HUD_TOP_PX } from "./layout.ts";

/** The bar's bottom edge in CSS px (at least HUD_TOP_PX), or HUD_TOP_PX when the page has no visible bar. */
export function hudBottomPx(doc: Document | undefined): number {
  const hud = doc?.getElementById("hud");
  if (!hud || hud.closest("[hidden]")) return HUD_TOP_PX;
  const bottom = hud.getBoundingClientRect().bottom;
  return Number.isFinite(bottom) && bottom > 0 ? Math.max(HUD_TOP_PX, Math.ceil(bottom)) : HUD_TOP_PX;
}

/** Calls `changed` whenever the bar's size changes (it wraps differently); returns the unwatch. */
export function watchHud(doc: Document | undefined, changed: () => void): () => void {
  const hud = doc?.getElementById("hud");
  const view = doc?.defaultView as (Window & typeof globalThis) | null | undefined;
  if (!hud || !view?.ResizeObserver) return () => {};
  const observer = new view.ResizeObserver(() => changed());
  observer.observe(hud);
  return () => observer.disconnect();
}
