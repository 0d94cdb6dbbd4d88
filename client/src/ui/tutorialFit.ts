// Keeps the tutorial's card wholly on screen in a short panel (a phone held sideways): when the card would run past
// the panel's bottom, it is given the room that is left (cardFit.ts), its text scrolls inside it and its head (step,
// title, Hide) and its buttons (Got it, Skip) stay in view. Re-fitted when the panel or the card changes. Hooked in
// by tutorial.ts.

import { cardMaxHeight } from "./cardFit.ts";

/** The card never gets shorter than this (head, two lines of text, buttons); below it the panel scrolls. */
const MIN_CARD_PX = 150;

export function fitTutorial(card: HTMLElement): () => void {
  const doc = card.ownerDocument;
  const view = doc.defaultView;
  if (!view) return () => {};
  const refit = () => {
    const panel = card.parentElement;
    if (!panel || card.hidden) return;
    card.classList.remove("fitted");
    card.style.maxHeight = "";
    const natural = card.offsetHeight;
    const pr = panel.getBoundingClientRect(), cr = card.getBoundingClientRect();
    const padBottom = parseFloat(view.getComputedStyle(panel).paddingBottom) || 0;
    // The card's top as if the panel were scrolled to its start, to the panel's visible bottom.
    const room = pr.top + panel.clientHeight - padBottom - (cr.top + panel.scrollTop);
    const max = cardMaxHeight(room, natural, MIN_CARD_PX);
    if (max !== null) {
      card.classList.add("fitted");
      card.style.maxHeight = `${max}px`;
    }
  };
  const resized = view.ResizeObserver ? new view.ResizeObserver(() => refit()) : null;
  const changed = view.MutationObserver ? new view.MutationObserver(() => refit()) : null;
  // The panel, and everything in it (the squads above the card grow when the first state arrives; the card folds).
  for (const box of card.parentElement ? [card.parentElement, ...card.parentElement.children] : []) resized?.observe(box);
  changed?.observe(card, { subtree: true, childList: true, characterData: true, attributeFilter: ["hidden"] });
  view.addEventListener("resize", refit);
  refit();
  return () => {
    resized?.disconnect();
    changed?.disconnect();
    view.removeEventListener("resize", refit);
    card.classList.remove("fitted");
    card.style.maxHeight = "";
  };
}
