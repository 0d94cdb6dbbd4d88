// Where the tissue sits on the canvas: the room left for the HTML HUD bar (top) and side panel (right), and the
// fit of the scenario's grid (voxels) into what remains. Pixels and voxels. Pure; used by PlayScene and its tests.

/** Height of the HTML HUD bar over the top of the canvas, px. */
export const HUD_TOP_PX = 64;
/** Width of the HTML side panel on the right of wide screens, px. */
export const SIDE_PANEL_PX = 300;
/**
 * Screens narrower than this get the side panel below the tissue instead of beside it, px (style.css agrees); so do
 * screens taller than wide when no panel is measured (the kiosk's portrait screen: kiosk.css agrees).
 */
export const WIDE_SCREEN_PX = 900;
/** On narrow screens the panel takes up to this share of the height at the bottom (style.css: max-height 38vh). */
export const BOTTOM_PANEL_SHARE = 0.38;
/** Margin around the tissue inside its area, px. */
const MARGIN_PX = 8;

export interface WorldFit {
  /** Screen pixels per voxel. */
  scale: number;
  /** Top-left corner of the tissue on the canvas, px. */
  x: number;
  y: number;
  /** The tissue's size on the canvas, px. */
  width: number;
  height: number;
}

/**
 * What the side panel covers of the canvas: its width from the right edge and its height from the bottom edge, px;
 * `left`: a column kept clear at the left edge (the view buttons on a phone held sideways, viewButtonsPlace.ts).
 */
export interface PanelInset { right: number; bottom: number; left?: number }

/**
 * Fits a grid of gridW × gridH voxels into a canvas of canvasW × canvasH px, leaving the HTML panels clear; `topPx` is
 * where the top bar ends (taller than HUD_TOP_PX on phones, see hudInset.ts); `panel`, when known, is what the side
 * panel really covers (hudInset.ts panelInset), else it is assumed from the width.
 */
export function fitWorld(canvasW: number, canvasH: number, gridW: number, gridH: number, topPx = HUD_TOP_PX, panel?: PanelInset | null): WorldFit {
  const wide = canvasW >= WIDE_SCREEN_PX && canvasW >= canvasH;
  const right = panel ? panel.right : wide ? SIDE_PANEL_PX : 0;
  const bottom = panel ? panel.bottom : wide ? 0 : Math.round(canvasH * BOTTOM_PANEL_SHARE);
  const left = panel?.left ?? 0;
  const areaX = left + MARGIN_PX, areaY = topPx + MARGIN_PX;
  const areaW = Math.max(1, canvasW - left - right - 2 * MARGIN_PX);
  const areaH = Math.max(1, canvasH - topPx - bottom - 2 * MARGIN_PX);
  const scale = Math.max(0.01, Math.min(areaW / gridW, areaH / gridH));
  const width = gridW * scale, height = gridH * scale;
  return { scale, x: Math.round(areaX + (areaW - width) / 2), y: Math.round(areaY + (areaH - height) / 2), width, height };
}

/** Screen px → voxels for a fit (the inverse of where the tissue is drawn). */
export function screenToVoxel(fit: WorldFit, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - fit.x) / fit.scale, y: (sy - fit.y) / fit.scale };
}
