// Reduced effects: fewer overlays (no glows, no flashes, no dose pulses, no fades) and slower redraws of what settles,
// for machines whose graphics cannot keep up. The player's choice ("full" or "reduced") is remembered in the browser;
// with no choice ("auto") the play scene turns reduced effects on by itself when the frame rate stays low
// (play/autoReduce.ts), for the rest of the visit. Read by the play scene, set by the HUD's effects button.

import { browserStore, readText, writeText } from "../storage.ts";

const KEY = "cytokine-command:effects";

export type EffectsChoice = "auto" | "full" | "reduced";

let autoReduced = false;
const listeners = new Set<(reduced: boolean) => void>();

export function effectsChoice(): EffectsChoice {
  const v = readText(browserStore(), KEY);
  return v === "full" || v === "reduced" ? v : "auto";
}

/** Whether effects are reduced now: the player's choice, or the automatic switch when they made none. */
export function effectsReduced(): boolean {
  const c = effectsChoice();
  return c === "reduced" || (c === "auto" && autoReduced);
}

/** The player's choice, remembered; listeners hear the new state. */
export function chooseEffects(choice: EffectsChoice): void {
  writeText(browserStore(), KEY, choice === "auto" ? null : choice);
  emit();
}

/** The automatic switch (low frame rate). Returns true if it changed what is shown (no choice overrides it). */
export function autoReduceEffects(): boolean {
  if (autoReduced || effectsChoice() !== "auto") return false;
  autoReduced = true;
  emit();
  return true;
}

export function onEffectsChange(fn: (reduced: boolean) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function emit(): void {
  const reduced = effectsReduced();
  for (const fn of [...listeners]) fn(reduced);
}
