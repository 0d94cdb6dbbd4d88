// Shows the microscope (inspectPanel.ts) where it is seen: lifted out of the side panel and placed beside the cell
// (or as a bottom sheet on phones, microscopePlace.ts), re-placed when it grows or the window changes. While it is
// open it stays with its cell: a ring marks the cell and a leader line joins it to the panel, and both (and a panel
// beside the cell) follow the cell as it moves, each frame, from its drawn position (microscopeFollow.ts); they hide
// while the cell is out of sight (zoomed away, or under the sheet) and once it has died. Opening it moves keyboard
// focus into it; closing it (✕, Escape) returns focus where it was. Hooked in by playUi.ts.

import "./microscope.css";
import type { Bus } from "../bus.ts";
import { cellLocator } from "../play/cellLocator.ts";
import { hudBottomPx } from "../play/hudInset.ts";
import { inSight, leaderLine, movedSince, RING_PX, sideOf, type Pt } from "./microscopeFollow.ts";
import { placeMicroscope, type MicroscopePlacement } from "./microscopePlace.ts";

export function floatMicroscope(panel: HTMLElement, bus: Bus): () => void {
  const doc = panel.ownerDocument;
  const view = doc.defaultView;
  const home = panel.parentElement;
  // Out of the scrolling side panel into the play interface's layer, so the window (not the panel) is its frame.
  const layer = home?.parentElement ?? doc.body;
  layer.append(panel);
  panel.classList.add("microscope-float");
  panel.tabIndex = -1;
  const ring = doc.createElement("div");
  ring.className = "microscope-ring";
  const leader = doc.createElement("div");
  leader.className = "microscope-leader";
  for (const mark of [ring, leader]) { mark.setAttribute("aria-hidden", "true"); mark.hidden = true; layer.append(mark); }

  let cellId: number | null = null;
  let cell: Pt | null = null;
  let placed: MicroscopePlacement | null = null;
  let natural = 0;
  let frame = 0;
  let returnFocus: Element | null = null;

  const measure = () => {
    // Its natural height: the head and frame, plus all of the body (which scrolls once the panel is at its limit).
    const body = panel.querySelector<HTMLElement>(".inspect-body");
    natural = panel.scrollHeight + (body ? body.scrollHeight - body.clientHeight : 0);
  };

  const place = () => {
    if (panel.hidden || !view) return;
    const prefer = placed && cell && !placed.sheet ? sideOf(placed, cell) ?? "right" : "right";
    const p = placeMicroscope(view.innerWidth, view.innerHeight, hudBottomPx(doc), natural, cell, prefer);
    placed = p;
    panel.classList.toggle("sheet", p.sheet);
    panel.style.left = `${p.left}px`;
    // A sheet hangs from the window's bottom edge, so it stays there while its rows arrive.
    panel.style.top = p.sheet ? "auto" : `${Math.round(p.top)}px`;
    panel.style.bottom = p.sheet ? "0px" : "auto";
    panel.style.width = `${p.width}px`;
    panel.style.maxHeight = `${p.maxHeight}px`;
  };

  const remeasure = () => { if (!panel.hidden) { measure(); place(); mark(); } };

  /** The ring on the cell and the leader line to it, where the cell is now (hidden when it is out of sight). */
  const mark = () => {
    const sight = cellLocator.sight?.();
    const sheetTop = placed?.sheet && view ? view.innerHeight - Math.min(natural, placed.maxHeight) : Infinity;
    const seen = !panel.hidden && cell !== null && sight !== undefined && inSight(cell, sight, sheetTop);
    ring.hidden = !seen;
    const line = seen && cell && placed ? leaderLine(placed, Math.min(natural, placed.maxHeight), cell) : null;
    leader.hidden = !line;
    if (seen && cell) ring.style.transform = `translate(${Math.round(cell.x - RING_PX)}px, ${Math.round(cell.y - RING_PX)}px)`;
    if (line) {
      leader.style.width = `${Math.round(line.length)}px`;
      leader.style.transform = `translate(${Math.round(line.x)}px, ${Math.round(line.y)}px) rotate(${line.angleDeg.toFixed(1)}deg)`;
    }
  };

  /** Each frame while open: where the cell is drawn now; the panel (beside it) and the marks follow it. */
  const follow = () => {
    frame = 0;
    if (cellId === null || panel.hidden || !view) return;
    const now = cellLocator.find?.(cellId) ?? null;
    if (movedSince(cell, now)) {
      // A cell that died, or went out of sight (zoomed away), leaves the panel where it was (a dead cell's panel says
      // so: inspectPanel.ts); one that moved in sight takes it along.
      cell = now;
      const sight = cellLocator.sight?.();
      if (now && placed && !placed.sheet && (!sight || inSight(now, sight))) place();
      mark();
    }
    frame = view.requestAnimationFrame(follow);
  };

  const stopFollowing = () => {
    if (frame && view) view.cancelAnimationFrame(frame);
    frame = 0;
    ring.hidden = leader.hidden = true;
  };

  const offBus = bus.on("inspect-cell", (id) => {
    if (id === null) {
      const hadFocus = panel.contains(doc.activeElement);
      cellId = null;
      cell = null;
      placed = null;
      stopFollowing();
      if (hadFocus) {
        if (returnFocus instanceof HTMLElement && returnFocus.isConnected && returnFocus !== doc.body) returnFocus.focus();
        else (doc.activeElement as HTMLElement | null)?.blur?.();
      }
      returnFocus = null;
      return;
    }
    cellId = id;
    cell = cellLocator.find?.(id) ?? null;
    placed = null;
    if (!panel.contains(doc.activeElement)) returnFocus = doc.activeElement;
    // inspectPanel has shown it (its listener came first); place, then bring focus in.
    measure();
    place();
    // A sheet grows as its rows arrive: keep the cell above where its top will be at full height.
    if (panel.classList.contains("sheet") && view) cellLocator.reveal?.(id, view.innerHeight - (parseFloat(panel.style.maxHeight) || 0));
    panel.focus({ preventScroll: true });
    mark();
    if (!frame && view) frame = view.requestAnimationFrame(follow);
  });

  const resized = view?.ResizeObserver ? new view.ResizeObserver(remeasure) : null;
  resized?.observe(panel);
  // Rows arriving (the room's first answer) re-place it at once, before anything else runs (not a frame later).
  const changed = view?.MutationObserver ? new view.MutationObserver(remeasure) : null;
  changed?.observe(panel, { childList: true, subtree: true });
  view?.addEventListener("resize", remeasure);

  return () => {
    offBus();
    stopFollowing();
    resized?.disconnect();
    changed?.disconnect();
    view?.removeEventListener("resize", remeasure);
    panel.remove();
    ring.remove();
    leader.remove();
  };
}
