// Zoom and pan of the tissue: from the fitted whole tissue (zoom 1) to MAX_ZOOM times closer, never showing past the
// tissue's edges. A view is the fit (layout.ts) scaled by `zoom` with the tissue's top-left corner moved to (x, y)
// on the canvas; it is itself a WorldFit, so screenToVoxel maps screen px to voxels at any zoom. Pure; pixels and
// voxels. Used by ViewControl (the camera, wheel, pinch and keys) and its tests.

import type { WorldFit } from "./layout.ts";

/** The closest view: this many times the fitted whole tissue (cells of ~4 px on a phone become ~25 px). */
export const MAX_ZOOM = 6;
/** One press of + or − (or one wheel notch) zooms by this factor. */
export const ZOOM_STEP = 1.25;

export interface ZoomView {
  zoom: number;
  /** The tissue's top-left corner on the canvas at this zoom, px. */
  x: number;
  y: number;
}

/** The whole tissue, as fitted. */
export function wholeTissue(base: WorldFit): ZoomView {
  return { zoom: 1, x: base.x, y: base.y };
}

export function clampZoom(zoom: number): number {
  return Number.isFinite(zoom) ? Math.min(MAX_ZOOM, Math.max(1, zoom)) : 1;
}

/**
 * The view with its zoom bounded and its corner moved so the tissue still covers the whole fitted area: panning stops
 * at the tissue's edges, and at zoom 1 the view is the fit.
 */
export function clampView(base: WorldFit, v: ZoomView): ZoomView {
  const zoom = clampZoom(v.zoom);
  const w = base.width * zoom, h = base.height * zoom;
  const x = Math.min(base.x, Math.max(base.x + base.width - w, v.x));
  const y = Math.min(base.y, Math.max(base.y + base.height - h, v.y));
  return { zoom, x, y };
}

/** The view as a fit: screen px per voxel and where the tissue's corner is (for screenToVoxel and the camera). */
export function viewFit(base: WorldFit, v: ZoomView): WorldFit {
  return { scale: base.scale * v.zoom, x: v.x, y: v.y, width: base.width * v.zoom, height: base.height * v.zoom };
}

/** Voxels → screen px through a view. */
export function voxelToScreen(base: WorldFit, v: ZoomView, vx: number, vy: number): { x: number; y: number } {
  const s = base.scale * v.zoom;
  return { x: v.x + vx * s, y: v.y + vy * s };
}

/** Zooms to `zoom` keeping the voxel under the screen point (sx, sy) where it is (wheel, pinch, keys about a cursor). */
export function zoomAbout(base: WorldFit, v: ZoomView, zoom: number, sx: number, sy: number): ZoomView {
  const z = clampZoom(zoom);
  const s0 = base.scale * v.zoom, s1 = base.scale * z;
  const wx = (sx - v.x) / s0, wy = (sy - v.y) / s0;
  return clampView(base, { zoom: z, x: sx - wx * s1, y: sy - wy * s1 });
}

/** Moves the view by (dx, dy) screen px (a drag: the tissue follows the fingers). */
export function panBy(base: WorldFit, v: ZoomView, dx: number, dy: number): ZoomView {
  return clampView(base, { zoom: v.zoom, x: v.x + dx, y: v.y + dy });
}

/** The centre of the fitted area, px: where + and − zoom about when there is no cursor. */
export function fitCentre(base: WorldFit): { x: number; y: number } {
  return { x: base.x + base.width / 2, y: base.y + base.height / 2 };
}

/**
 * Pans just enough that the voxel (vx, vy) lies inside the fitted area with `marginPx` to spare, so the keyboard
 * cursor never leaves the view.
 */
export function keepInView(base: WorldFit, v: ZoomView, vx: number, vy: number, marginPx: number): ZoomView {
  const p = voxelToScreen(base, v, vx, vy);
  const m = Math.min(marginPx, base.width / 3, base.height / 3);
  let dx = 0, dy = 0;
  if (p.x < base.x + m) dx = base.x + m - p.x;
  else if (p.x > base.x + base.width - m) dx = base.x + base.width - m - p.x;
  if (p.y < base.y + m) dy = base.y + m - p.y;
  else if (p.y > base.y + base.height - m) dy = base.y + base.height - m - p.y;
  return dx || dy ? panBy(base, v, dx, dy) : v;
}

/** After a resize (new fit), the same zoom showing the same voxel at the centre, clamped. */
export function refit(oldBase: WorldFit, v: ZoomView, base: WorldFit): ZoomView {
  const c = fitCentre(oldBase);
  const s = oldBase.scale * v.zoom;
  const wx = (c.x - v.x) / s, wy = (c.y - v.y) / s;
  const n = fitCentre(base);
  const s1 = base.scale * v.zoom;
  return clampView(base, { zoom: v.zoom, x: n.x - wx * s1, y: n.y - wy * s1 });
}

export interface TwoTouches { ax: number; ay: number; bx: number; by: number }

/** A pinch and two-finger drag: from the view when the fingers came down (`start`) to where they are now. */
export function pinchView(base: WorldFit, startView: ZoomView, start: TwoTouches, now: TwoTouches): ZoomView {
  const d0 = Math.hypot(start.bx - start.ax, start.by - start.ay), d1 = Math.hypot(now.bx - now.ax, now.by - now.ay);
  const ratio = d0 > 4 && d1 > 0 ? d1 / d0 : 1;
  const m0 = { x: (start.ax + start.bx) / 2, y: (start.ay + start.by) / 2 };
  const m1 = { x: (now.ax + now.bx) / 2, y: (now.ay + now.by) / 2 };
  // The voxel that was between the fingers follows their midpoint, at the new zoom.
  const z = clampZoom(startView.zoom * ratio);
  const s0 = base.scale * startView.zoom, s1 = base.scale * z;
  const wx = (m0.x - startView.x) / s0, wy = (m0.y - startView.y) / s0;
  return clampView(base, { zoom: z, x: m1.x - wx * s1, y: m1.y - wy * s1 });
}
