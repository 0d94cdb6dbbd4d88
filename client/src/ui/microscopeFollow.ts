// The microscope staying with its cell (microscopeFloat.ts): when the panel is placed again as the cell moves, which
// side of the cell it keeps, the leader line from the panel's edge to the cell, whether the cell is in sight, and the
// words when the cell has died. Pure; CSS px (screen) unless said.

import type { MicroscopePlacement } from "./microscopePlace.ts";

export interface Pt { x: number; y: number }
export interface Box { x: number; y: number; width: number; height: number }

/** The panel is placed again once its cell has moved this far on screen since it was last placed, px. */
export const FOLLOW_STEP_PX = 1;
/** Radius of the ring drawn around the inspected cell, px; the leader line stops at it. */
export const RING_PX = 13;

/** Whether the cell (null: not on screen) has moved enough since the panel was placed for it at `placedFor`. */
export function movedSince(placedFor: Pt | null, now: Pt | null, stepPx = FOLLOW_STEP_PX): boolean {
  if (!placedFor || !now) return placedFor !== now;
  return Math.abs(now.x - placedFor.x) >= stepPx || Math.abs(now.y - placedFor.y) >= stepPx;
}

/** Whether a point on screen lies in the part of the tissue that is drawn (the camera's box), above `coveredFromY`. */
export function inSight(p: Pt, box: Box, coveredFromY = Infinity): boolean {
  return p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= Math.min(box.y + box.height, coveredFromY);
}

/** Which side of the cell the panel sits on ("right": the panel is right of the cell), or null when it covers it. */
export function sideOf(place: Pick<MicroscopePlacement, "left" | "width">, cell: Pt): "left" | "right" | null {
  if (place.left >= cell.x) return "right";
  if (place.left + place.width <= cell.x) return "left";
  return null;
}

export interface Leader { x: number; y: number; length: number; angleDeg: number }

/**
 * The line from the panel's edge nearest the cell to the ring around the cell (a beside-the-cell panel only): starts
 * on the panel's left or right edge at the cell's height (kept within the panel), ends RING_PX short of the cell.
 * Null when the panel is a sheet, covers the cell, or the gap is too short to draw.
 */
export function leaderLine(place: MicroscopePlacement, panelH: number, cell: Pt): Leader | null {
  if (place.sheet) return null;
  const side = sideOf(place, cell);
  if (!side) return null;
  const x = side === "right" ? place.left : place.left + place.width;
  const y = Math.min(place.top + Math.max(0, panelH) - 16, Math.max(place.top + 16, cell.y));
  const dx = cell.x - x, dy = cell.y - y;
  const length = Math.hypot(dx, dy) - RING_PX;
  if (length < 4) return null;
  return { x, y, length, angleDeg: (Math.atan2(dy, dx) * 180) / Math.PI };
}

/** What the microscope says once its cell has died (`label`: the plain type name the room gave, e.g. "CD4 helper T cell"). */
export function goneWords(label?: string): string {
  const name = (label ?? "").split(",")[0].trim();
  return `This ${name || "cell"} has died: it is no longer in the tissue. Choose another cell to look at it.`;
}
