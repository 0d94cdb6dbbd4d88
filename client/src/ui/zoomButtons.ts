// The view controls over the tissue's bottom-left corner: zoom in (+), zoom out (−), "Whole tissue" (0) and the
// effects switch (full or reduced: effectsButton.ts), real buttons reachable with Tab, touch-sized, with the zoom shown
// as "2.5×". Here rather than in the top bar, which has no room for them on a laptop or in a phone's round menu.
// Mounted by PlayView while a round plays.

import "./zoomButtons.css";
import { el, setText } from "./dom.ts";
import { mountEffectsButton } from "./effectsButton.ts";

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
  const effects = mountEffectsButton(doc);
  effects.button.className = "zoom-btn zoom-effects";
  const group = el(doc, "div", { class: "zoom-controls", role: "group", "aria-label": "View" }, zoomOut, zoomIn, whole, level, effects.button);
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
    remove() {
      effects.off();
      group.remove();
    },
  };
}
