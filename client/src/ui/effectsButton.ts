// The effects button (over the tissue, beside the zoom buttons: zoomButtons.ts): "Effects: full" or "Effects: reduced", a plain button (Tab, then Enter or Space) that
// switches between them and remembers the choice (effectsPref.ts). It follows the automatic switch too.

import { el } from "./dom.ts";
import { chooseEffects, effectsReduced, onEffectsChange } from "./effectsPref.ts";

export const EFFECTS_BUTTON_ID = "hud-effects";

export function mountEffectsButton(doc: Document): { button: HTMLButtonElement; off: () => void } {
  const button = el(doc, "button", {
    type: "button", id: EFFECTS_BUTTON_ID, class: "hud-btn",
    title: "Reduced effects: no glows, flashes or fades, for computers whose graphics are slow",
  });
  const show = (reduced: boolean) => {
    button.textContent = reduced ? "◐ Effects: reduced" : "● Effects: full";
    button.dataset.reduced = String(reduced);
  };
  show(effectsReduced());
  button.addEventListener("click", () => chooseEffects(effectsReduced() ? "full" : "reduced"));
  const off = onEffectsChange(show);
  return { button, off };
}
