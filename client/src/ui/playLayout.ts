// Applies the round's layout to the page: puts the side panel beside or below the tissue (play/panelPlace.ts) by
// setting `layout-side` or `layout-bottom` (and `layout-compact` below 900 px) on <body>, with the sizes as CSS
// variables (--hud-bottom, --panel-w, --panel-top, --panel-h) read by playLayout.css; the tissue is then fitted
// around the panel's real box (PlayScene reads it). Re-applied when the window or the top bar changes size, and when
// the tissue's size in the state changes (it comes with the room's first patch).
// Mounted by hud.ts for each round.

import "./playLayout.css";
import { hudBottomPx } from "../play/hudInset.ts";
import { placePanel } from "../play/panelPlace.ts";
import { WIDE_SCREEN_PX } from "../play/layout.ts";
import { VIEW_PLACE_CLASSES, viewButtonsPlace } from "../play/viewButtonsPlace.ts";

const CLASSES = ["layout-side", "layout-bottom", "layout-compact", ...Object.values(VIEW_PLACE_CLASSES)];
const VARS = ["--hud-bottom", "--panel-w", "--panel-top", "--panel-h"];

/**
 * `grid` gives the tissue's size in voxels (0 × 0 until the room's first state arrives); `changes` subscribes to the
 * room's state changes (GameSession.onStateChange), after which the grid is read again.
 */
export function mountPlayLayout(
  doc: Document, grid: () => { w: number; h: number }, changes: (cb: () => void) => () => void,
): () => void {
  const win = doc.defaultView;
  const body = doc.body;
  if (!win) return () => {};
  let last = "";
  const apply = () => {
    const g = grid();
    const w = win.innerWidth, h = win.innerHeight, top = hudBottomPx(doc);
    const place = placePanel(w, h, top, g.w, g.h);
    const viewAt = viewButtonsPlace(w, place);
    const key = JSON.stringify([place, top, w < WIDE_SCREEN_PX, viewAt]);
    if (key === last) return;
    last = key;
    body.classList.toggle("layout-side", place.mode === "side");
    body.classList.toggle("layout-bottom", place.mode === "bottom");
    body.classList.toggle("layout-compact", w < WIDE_SCREEN_PX);
    for (const [at, cls] of Object.entries(VIEW_PLACE_CLASSES)) body.classList.toggle(cls, at === viewAt);
    body.style.setProperty("--hud-bottom", `${top}px`);
    if (place.mode === "side") {
      body.style.setProperty("--panel-w", `${place.widthPx}px`);
      body.style.removeProperty("--panel-top");
      body.style.removeProperty("--panel-h");
    } else {
      body.style.setProperty("--panel-top", `${place.topPx}px`);
      body.style.setProperty("--panel-h", `${h - place.topPx}px`);
      body.style.removeProperty("--panel-w");
    }
  };
  apply();
  win.addEventListener("resize", apply);
  const hud = doc.getElementById("hud");
  const observer = hud && "ResizeObserver" in win ? new ResizeObserver(apply) : null;
  if (hud) observer?.observe(hud);
  let gridKey = "";
  const offState = changes(() => {
    const g = grid(), key = `${g.w}x${g.h}`;
    if (key !== gridKey) { gridKey = key; apply(); } // the layout reads the page's boxes: only when the tissue's size changed
  });
  return () => {
    win.removeEventListener("resize", apply);
    observer?.disconnect();
    offState();
    body.classList.remove(...CLASSES);
    for (const v of VARS) body.style.removeProperty(v);
  };
}
