// Where the side panel goes during a round, by the window's shape: beside the tissue on the right (laptops, projectors,
// tablets and phones held sideways) or below it (phones and tablets held upright), and how big. Below the tissue
// the panel starts where the tissue, fitted to the full width, ends, so no empty band is left between them; it keeps
// at least MIN_BOTTOM_SHARE of the height. CSS px. Pure; the page applies it (ui/playLayout.ts), and the tissue is
// then fitted around the panel's real box (hudInset.ts panelInset, layout.ts fitWorld).

import { SIDE_PANEL_PX, WIDE_SCREEN_PX } from "./layout.ts";

/** Below the tissue, the panel keeps at least this share of the window's height (its squad buttons stay usable). */
export const MIN_BOTTOM_SHARE = 0.3;
/** ...and never takes more than this share (the tissue stays big enough to command). */
export const MAX_BOTTOM_SHARE = 0.62;
/** Beside the tissue on narrower landscape screens (phones sideways): the panel's share of the width, and its bounds. */
export const NARROW_SIDE_SHARE = 0.38;
export const MIN_SIDE_PX = 230;
/** Windows at least this much wider than tall (and narrower than WIDE_SCREEN_PX) put the panel beside the tissue. */
export const LANDSCAPE_RATIO = 1.2;
/** Margin around the tissue, px (as layout.ts). */
const MARGIN_PX = 8;

export type PanelPlace =
  | { mode: "side"; widthPx: number }
  | { mode: "bottom"; topPx: number };

/** The panel's place for a window of viewW × viewH px whose top bar ends at topPx, showing a gridW × gridH tissue. */
export function placePanel(viewW: number, viewH: number, topPx: number, gridW: number, gridH: number): PanelPlace {
  if (viewW >= WIDE_SCREEN_PX) return { mode: "side", widthPx: SIDE_PANEL_PX };
  if (viewW >= viewH * LANDSCAPE_RATIO) {
    return { mode: "side", widthPx: Math.round(Math.min(SIDE_PANEL_PX, Math.max(MIN_SIDE_PX, viewW * NARROW_SIDE_SHARE))) };
  }
  const aspect = gridW > 0 && gridH > 0 ? gridH / gridW : 0.75;
  const tissueBottom = topPx + 2 * MARGIN_PX + (viewW - 2 * MARGIN_PX) * aspect;
  const lowest = viewH * (1 - MIN_BOTTOM_SHARE), highest = viewH * (1 - MAX_BOTTOM_SHARE);
  return { mode: "bottom", topPx: Math.round(Math.min(lowest, Math.max(highest, tissueBottom))) };
}
