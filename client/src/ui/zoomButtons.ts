// The zoom controls over the tissue's bottom-left corner: zoom in (+), zoom out (−) and "Whole tissue" (0), real
// buttons reachable with Tab, touch-sized, with the zoom shown as "2.5×". Mounted by PlayView while a round plays.

import "./zoomButtons.css";
import { el, setText } from "./dom.ts";

export interface ZoomButtonActions { zoomIn(): void; zoomOut(): void; whole(): void }

export interface ZoomButtons {
  /** Puts the group inside the tissue's area (its bottom-left corner, px) and shows the zoom. */
  update(corner: { left: number; bottom: number }, zoom: number): void;
  remove(): void;
}

export function mountZoomButtons(parent: HTMLElement, actions: ZoomButtonActions): ZoomButtons {
  const doc = parent.ownerDocument;
  const zoomOut = el(doc, "button", { type: "button", class: "zoom-btn", "aria-label": "Zoom out (key −)", title: "Zoom out (−)", text: "−" });
  const zoomIn = el(doc, "button", { type: "button", class: "zoom-btn", "aria-label": "Zoom in (key +)", title: "Zoom in (+)", text: "+" });
  const whole = el(doc, "button", { type: "button", class: "zoom-btn zoom-whole", "aria-label": "Whole tissue (key 0)", title: "Back to the whole tissue (0)", text: "Whole tissue" });
  const level = el(doc, "span", { class: "zoom-level", "aria-hidden": "true" });
  const group = el(doc, "div", { class: "zoom-controls", role: "group", "aria-label": "Zoom" }, zoomOut, zoomIn, whole, level);
  zoomIn.addEventListener("click", () => actions.zoomIn());
  zoomOut.addEventListener("click", () => actions.zoomOut());
  whole.addEventListener("click", () => actions.whole());
  parent.append(group);
  return {
    update(corner, zoom) {
      group.style.left = `${Math.round(corner.left)}px`;
      group.style.top = `${Math.round(corner.bottom - group.offsetHeight)}px`;
      setText(level, zoom > 1.001 ? `${zoom.toFixed(1)}×` : "");
    },
    remove() { group.remove(); },
  };
}
