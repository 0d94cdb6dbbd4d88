// The view controls: zoom in (+), zoom out (−), "Whole tissue" (0) and the effects switch (full or reduced:
// effectsButton.ts), real buttons reachable with Tab, touch-sized, with the zoom shown as "2.5×". Here rather than in
// the top bar, which has no room for them on a laptop or in a phone's round menu. Where they sit follows the layout
// (play/viewButtonsPlace.ts): over the tissue's bottom-left corner on wide screens, in a column left of the tissue on
// a phone held sideways, as the first row of the bottom sheet on a phone held upright. Mounted by PlayView.

import "./zoomButtons.css";
import { el, setText } from "./dom.ts";
import { mountEffectsButton } from "./effectsButton.ts";
import { viewPlaceOf } from "../play/viewButtonsPlace.ts";

export interface ZoomButtonActions { zoomIn(): void; zoomOut(): void; whole(): void }

export interface ZoomButtons {
  /** Puts the group where the layout says: in the corner, inside the tissue's area (its bottom-left, px); shows the zoom. */
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
  const label = el(doc, "span", { class: "zoom-label", "aria-hidden": "true", text: "Tissue view" });
  const group = el(doc, "div", { class: "zoom-controls", role: "group", "aria-label": "View" }, label, zoomOut, zoomIn, whole, level, effects.button);
  zoomIn.addEventListener("click", () => actions.zoomIn());
  zoomOut.addEventListener("click", () => actions.zoomOut());
  whole.addEventListener("click", () => actions.whole());
  parent.append(group);
  return {
    update(corner, zoom) {
      const at = viewPlaceOf(doc.body);
      group.dataset.place = at;
      // In the sheet: the panel's first row (it scrolls with the panel's top, sticky). Elsewhere: over the page.
      const home = at === "sheet" ? doc.getElementById("side") ?? parent : parent;
      if (group.parentElement !== home) {
        const focused = group.contains(doc.activeElement) ? doc.activeElement as HTMLElement : null;
        if (home === parent) parent.append(group); else home.prepend(group);
        focused?.focus({ preventScroll: true });
      }
      group.style.left = at === "corner" ? `${Math.round(corner.left)}px` : "";
      group.style.top = at === "corner" ? `${Math.round(corner.bottom - group.offsetHeight)}px` : "";
      setText(level, zoom > 1.001 ? `${zoom.toFixed(1)}×` : "");
    },
    remove() {
      effects.off();
      group.remove();
    },
  };
}
