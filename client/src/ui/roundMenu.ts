// The top bar's compact round menu on tablets and phones (below 900 px, hudCompact.css): a "☰ Menu" button that shows
// the bar's round controls (pause, speed, restart, leave) as a drop-down list under the bar, and hides them again.
// A disclosure (aria-expanded), so it works with the keyboard as any button does: Enter or Space opens it and moves
// focus to its first control, Escape closes it and returns focus to the button, and so do a click or focus outside.
// On wider screens the CSS hides the button and shows the controls in the bar. Mounted by hud.ts for each round.

import "./hudCompact.css";
import { el } from "./dom.ts";

/** The controls group gets this id (the button's aria-controls). */
export const ROUND_MENU_ID = "hud-round-menu";

export function mountRoundMenu(bar: HTMLElement, controls: HTMLElement): () => void {
  const doc = bar.ownerDocument;
  controls.id = ROUND_MENU_ID;
  const button = el(doc, "button", {
    type: "button", class: "hud-btn hud-menu-btn", "aria-expanded": "false", "aria-controls": ROUND_MENU_ID,
    "aria-label": "Round menu", title: "Round controls",
  }, el(doc, "span", { "aria-hidden": "true", text: "☰" }), el(doc, "span", { class: "hud-menu-word", text: " Menu" }));
  controls.before(button);

  const isOpen = () => controls.classList.contains("open");
  const setOpen = (open: boolean, focus: "first" | "button" | "none") => {
    controls.classList.toggle("open", open);
    button.setAttribute("aria-expanded", String(open));
    if (open) {
      // Under the bar, whatever its height (it grows to three rows on phones).
      controls.style.top = `${Math.round(bar.getBoundingClientRect().bottom) + 4}px`;
      if (focus === "first") firstUsable(controls)?.focus();
    } else if (focus === "button") button.focus();
  };

  const onButton = () => setOpen(!isOpen(), "first");
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || !isOpen()) return;
    e.preventDefault();
    setOpen(false, "button");
  };
  const outside = (target: EventTarget | null) => !(target instanceof Node) || (!controls.contains(target) && !button.contains(target));
  const onPointer = (e: Event) => { if (isOpen() && outside(e.target)) setOpen(false, "none"); };
  const onFocusOut = (e: FocusEvent) => { if (isOpen() && e.relatedTarget !== null && outside(e.relatedTarget)) setOpen(false, "none"); };
  // A chosen action closes the menu (the speed list stays open until a speed is picked).
  const onAction = (e: Event) => {
    if (!isOpen() || !(e.target instanceof HTMLElement)) return;
    if (e.type === "click" && e.target.closest("button")) setOpen(false, "button");
    if (e.type === "change") setOpen(false, "button");
  };

  button.addEventListener("click", onButton);
  controls.addEventListener("click", onAction);
  controls.addEventListener("change", onAction);
  doc.addEventListener("keydown", onKey);
  doc.addEventListener("pointerdown", onPointer, true);
  controls.addEventListener("focusout", onFocusOut);
  button.addEventListener("focusout", onFocusOut);
  return () => {
    doc.removeEventListener("keydown", onKey);
    doc.removeEventListener("pointerdown", onPointer, true);
    button.remove();
    controls.classList.remove("open");
  };
}

/** The first control a person can use: shown and not disabled (a student's menu holds only Leave). */
function firstUsable(root: HTMLElement): HTMLElement | null {
  for (const c of root.querySelectorAll<HTMLElement>("button, select")) {
    if (c.hidden || (c as HTMLButtonElement).disabled) continue;
    return c;
  }
  return null;
}
