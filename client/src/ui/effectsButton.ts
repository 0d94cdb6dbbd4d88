// The effects button (over the tissue, beside the zoom buttons: zoomButtons.ts): "Effects: full" or "Effects: reduced", a plain button (Tab, then Enter or Space) that
// switches between them and remembers the choice (effectsPref.ts). It follows the automatic switch too.

import { el } from "./dom.ts";
import { chooseEffects, effectsReduced, onEffectsChange } from "./effectsPref.ts";

export const EFFECTS_BUTTON_ID = "hud-effects";

export function mountEffectsButton(doc: Document): { button: HTMLButtonElement; off: () => void } {
  const button = el(doc, "button", {
    type: "button", id: EFFECTS_BUTTON_ID, class: "hud-btn",
  });
  // a small button over the tissue: a shape that shows the state, and the words for screen readers (and the tooltip)
  const icon = el(doc, "span", { "aria-hidden": "true" });
  const words = el(doc, "span", { class: "visually-hidden" });
  button.append(icon, words);
  const show = (reduced: boolean) => {
    icon.textContent = reduced ? "◐" : "●";
    words.textContent = reduced ? "Effects: reduced" : "Effects: full";
    button.title = `${reduced ? "Effects: reduced" : "Effects: full"}. Reduced effects: no glows, flashes or fades, for computers whose graphics are slow`;
    button.dataset.reduced = String(reduced);
  };
  show(effectsReduced());
  button.addEventListener("click", () => chooseEffects(effectsReduced() ? "full" : "reduced"));
  const off = onEffectsChange(show);
  return { button, off };
}
