// What the browser remembers between visits (localStorage): whether the tutorial was finished or skipped, and the
// last solo setup. Every access survives private mode (storage can throw). Used by soloSetup.ts and tutorial.ts.

import type { RoomOptions } from "../../../shared/net/roomOptions.ts";

const TUTORIAL_DONE = "cytokine-command:tutorial-done";
const LAST_SETUP = "cytokine-command:solo-setup";

export function tutorialDone(): boolean {
  try { return localStorage.getItem(TUTORIAL_DONE) === "1"; } catch { return false; }
}

export function setTutorialDone(done: boolean): void {
  try { done ? localStorage.setItem(TUTORIAL_DONE, "1") : localStorage.removeItem(TUTORIAL_DONE); } catch { /* private mode */ }
}

export function lastSetup(): RoomOptions {
  try {
    const raw = localStorage.getItem(LAST_SETUP);
    const v = raw ? (JSON.parse(raw) as unknown) : null;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as RoomOptions) : {};
  } catch { return {}; }
}

export function saveSetup(options: RoomOptions): void {
  try { localStorage.setItem(LAST_SETUP, JSON.stringify(options)); } catch { /* private mode */ }
}

/** Whether the round being started wants the tutorial (set by the setup form, read when the round starts). */
export const roundPrefs = { tutorial: false };
