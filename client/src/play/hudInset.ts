// How far down the HTML top bar (#hud) reaches, so the tissue is fitted below it: 64 px (HUD_TOP_PX) on most screens,
// taller on phones, where the bar wraps onto three or more rows (client/src/ui/hudCompact.css). Read from the page
// and watched with a ResizeObserver; pages without the bar (the kiosk) keep HUD_TOP_PX. Used by PlayScene.

import { HUD_TOP_PX, type PanelInset } from "./layout.ts";
import { VIEW_COLUMN_PX, viewPlaceOf } from "./viewButtonsPlace.ts";

/** The bar's bottom edge in CSS px (at least HUD_TOP_PX), or HUD_TOP_PX when the page has no visible bar. */
export function hudBottomPx(doc: Document | undefined): number {
  const hud = doc?.getElementById("hud");
  if (!hud || hud.closest("[hidden]")) return HUD_TOP_PX;
  const bottom = hud.getBoundingClientRect().bottom;
  return Number.isFinite(bottom) && bottom > 0 ? Math.max(HUD_TOP_PX, Math.ceil(bottom)) : HUD_TOP_PX;
}

/**
 * What the side panel (#side) covers of the window: beside the tissue its width from the right edge, below it its
 * height from the bottom edge (ui/playLayout.ts places it). Null when the page has no visible panel (the kiosk).
 */
export function panelInset(doc: Document | undefined): PanelInset | null {
  const side = doc?.getElementById("side");
  const view = doc?.defaultView;
  if (!side || !view || side.closest("[hidden]")) return null;
  const r = side.getBoundingClientRect();
  if (!(r.width > 0 && r.height > 0)) return null;
  const below = r.left <= 1 && r.right >= view.innerWidth - 1; // full width: below the tissue
  const left = viewPlaceOf(doc?.body) === "column" ? VIEW_COLUMN_PX : 0; // the view buttons' own column
  return below ? { right: 0, bottom: Math.max(0, Math.round(view.innerHeight - r.top)), left } : { right: Math.max(0, Math.round(view.innerWidth - r.left)), bottom: 0, left };
}

/** Calls `changed` whenever the bar's or the side panel's size changes (the bar wraps, the panel moves); returns the unwatch. */
export function watchHud(doc: Document | undefined, changed: () => void): () => void {
  const hud = doc?.getElementById("hud");
  const view = doc?.defaultView as (Window & typeof globalThis) | null | undefined;
  if (!hud || !view?.ResizeObserver) return () => {};
  const observer = new view.ResizeObserver(() => changed());
  observer.observe(hud);
  const side = doc?.getElementById("side");
  if (side) observer.observe(side);
  return () => observer.disconnect();
}
