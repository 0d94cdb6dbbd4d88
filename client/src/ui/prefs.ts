// What the browser remembers between visits (localStorage): whether the tutorial was finished or skipped, and the
// last solo setup. Every access survives private mode (through ../storage.ts). Used by soloSetup.ts and tutorial.ts.

import type { RoomOptions } from "../../../shared/net/roomOptions.ts";
import { browserStore, readKept, readText, writeKept, writeText } from "../storage.ts";

const TUTORIAL_DONE = "cytokine-command:tutorial-done";
const LAST_SETUP = "cytokine-command:solo-setup";

export function tutorialDone(): boolean {
  return readText(browserStore(), TUTORIAL_DONE) === "1";
}

export function setTutorialDone(done: boolean): void {
  writeText(browserStore(), TUTORIAL_DONE, done ? "1" : null);
}

export function lastSetup(): RoomOptions {
  const v = readKept(browserStore(), LAST_SETUP);
  return v && typeof v === "object" && !Array.isArray(v) ? (v as RoomOptions) : {};
}

export function saveSetup(options: RoomOptions): void {
  writeKept(browserStore(), LAST_SETUP, options);
}
