// Shows the microscope (inspectPanel.ts) where it is seen: lifted out of the side panel and placed beside the cell
// (or as a bottom sheet on phones, microscopePlace.ts), re-placed when it grows or the window changes. Opening it
// moves keyboard focus into it; closing it (✕, Escape) returns focus where it was. Hooked in by playUi.ts.

import "./microscope.css";
import type { Bus } from "../bus.ts";
import { cellLocator } from "../play/cellLocator.ts";
import { hudBottomPx } from "../play/hudInset.ts";
import { placeMicroscope } from "./microscopePlace.ts";

export function floatMicroscope(panel: HTMLElement, bus: Bus): () => void {
  const doc = panel.ownerDocument;
  const view = doc.defaultView;
  const home = panel.parentElement;
  // Out of the scrolling side panel into the play interface's layer, so the window (not the panel) is its frame.
  const layer = home?.parentElement ?? doc.body;
  layer.append(panel);
  panel.classList.add("microscope-float");
  panel.tabIndex = -1;

  let cell: { x: number; y: number } | null = null;
  let returnFocus: Element | null = null;

  const place = () => {
    if (panel.hidden || !view) return;
    // Its natural height: the head and frame, plus all of the body (which scrolls once the panel is at its limit).
    const body = panel.querySelector<HTMLElement>(".inspect-body");
    const natural = panel.scrollHeight + (body ? body.scrollHeight - body.clientHeight : 0);
    const p = placeMicroscope(view.innerWidth, view.innerHeight, hudBottomPx(doc), natural, cell);
    panel.classList.toggle("sheet", p.sheet);
    panel.style.left = `${p.left}px`;
    // A sheet hangs from the window's bottom edge, so it stays there while its rows arrive.
    panel.style.top = p.sheet ? "auto" : `${Math.round(p.top)}px`;
    panel.style.bottom = p.sheet ? "0px" : "auto";
    panel.style.width = `${p.width}px`;
    panel.style.maxHeight = `${p.maxHeight}px`;
  };

  const offBus = bus.on("inspect-cell", (id) => {
    if (id === null) {
      const hadFocus = panel.contains(doc.activeElement);
      cell = null;
      if (hadFocus) {
        if (returnFocus instanceof HTMLElement && returnFocus.isConnected && returnFocus !== doc.body) returnFocus.focus();
        else (doc.activeElement as HTMLElement | null)?.blur?.();
      }
      returnFocus = null;
      return;
    }
    cell = cellLocator.find?.(id) ?? null;
    if (!panel.contains(doc.activeElement)) returnFocus = doc.activeElement;
    // inspectPanel has shown it (its listener came first); place, then bring focus in.
    place();
    // A sheet grows as its rows arrive: keep the cell above where its top will be at full height.
    if (panel.classList.contains("sheet") && view) cellLocator.reveal?.(id, view.innerHeight - (parseFloat(panel.style.maxHeight) || 0));
    panel.focus({ preventScroll: true });
  });

  const resized = view?.ResizeObserver ? new view.ResizeObserver(() => place()) : null;
  resized?.observe(panel);
  view?.addEventListener("resize", place);

  return () => {
    offBus();
    resized?.disconnect();
    view?.removeEventListener("resize", place);
    panel.remove();
  };
}
