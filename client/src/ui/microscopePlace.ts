// Where the microscope (inspectPanel.ts) opens so that it is seen: beside the cell, inside the window and below the
// top bar, on wide screens; as a sheet along the bottom on narrow ones (phones). Pure; CSS px. Used by
// microscopeFloat.ts and its tests.

/** Windows narrower than this get the microscope as a bottom sheet, px. */
export const SHEET_BELOW_PX = 720;
/** The microscope's width beside a cell, px. */
export const BESIDE_WIDTH_PX = 340;
/** Gap between the cell and the panel, and between the panel and the window's edges, px. */
const GAP_PX = 24, EDGE_PX = 8;
/** A sheet takes at most this share of the window's height, so the tissue stays in sight above it. */
export const SHEET_MAX_SHARE = 0.55;

export interface MicroscopePlacement {
  sheet: boolean;
  left: number;
  top: number;
  width: number;
  /** The panel scrolls inside this height. */
  maxHeight: number;
}

/**
 * Places a panel whose content is `panelH` px tall in a window of vw × vh px whose top bar ends at `topPx`, beside
 * the cell at `cell` (screen px; null: not on screen). `prefer`: the side of the cell the panel is on now (it stays
 * there while it fits, so a panel following a moving cell does not jump from side to side).
 */
export function placeMicroscope(vw: number, vh: number, topPx: number, panelH: number, cell: { x: number; y: number } | null, prefer: "left" | "right" = "right"): MicroscopePlacement {
  const top0 = Math.min(Math.max(0, topPx), vh - 120); // a bar taller than the window still leaves the panel a strip
  if (vw < SHEET_BELOW_PX) {
    const maxHeight = Math.max(120, Math.min(Math.round(vh * SHEET_MAX_SHARE), vh - top0));
    const h = Math.min(Math.max(0, panelH), maxHeight);
    return { sheet: true, left: 0, top: vh - h, width: vw, maxHeight };
  }
  const width = Math.min(BESIDE_WIDTH_PX, vw - 2 * EDGE_PX);
  const maxHeight = Math.max(120, vh - top0 - 2 * EDGE_PX);
  const h = Math.min(Math.max(0, panelH), maxHeight);
  const minTop = top0 + EDGE_PX, maxTop = Math.max(minTop, vh - EDGE_PX - h);
  if (!cell) return { sheet: false, left: vw - width - EDGE_PX, top: minTop, width, maxHeight };
  // Right of the cell if it fits (or left, when it is there now), else the other side, else as near as the window allows.
  const right = cell.x + GAP_PX, leftOf = cell.x - GAP_PX - width;
  const fitsRight = right + width <= vw - EDGE_PX, fitsLeft = leftOf >= EDGE_PX;
  let left = prefer === "left" ? (fitsLeft || !fitsRight ? leftOf : right) : (fitsRight ? right : leftOf);
  left = Math.min(vw - EDGE_PX - width, Math.max(EDGE_PX, left));
  const top = Math.min(maxTop, Math.max(minTop, cell.y - h / 2));
  return { sheet: false, left, top, width, maxHeight };
}
