// Remembers on this device (localStorage) the classes whose teacher removed this student, by join code, so the join
// form says so instead of joining again under a new nickname. Only this browser: another one can still join unless
// the teacher locks the class (no accounts). Written by classroomUi.ts on "removed", read by studentJoin.ts.

import { normalizeJoinCode } from "../../../shared/net/classroom.ts";
import { browserStore, readKept, writeKept, type KeyStore } from "../storage.ts";

export const REMOVED_KEY = "cytokine-command:removed-from";
/** How long a mark lasts: a code is not given to another class while its results are kept (30 days by default). */
const KEEP_MS = 30 * 24 * 3600 * 1000;
/** Most classes remembered (oldest forgotten first). */
const MAX_MARKS = 50;

type Marks = Record<string, number>;

function read(store: KeyStore | null): Marks {
  const m = readKept(store, REMOVED_KEY);
  return m && typeof m === "object" && !Array.isArray(m) ? (m as Marks) : {};
}

/** Marks a class (by code) as one this device was removed from. */
export function markRemoved(code: string, now = Date.now(), store: KeyStore | null = browserStore()): void {
  const c = normalizeJoinCode(code);
  if (!c || !store) return;
  const kept = Object.entries(read(store)).filter(([k, t]) => k !== c && typeof t === "number" && now - t < KEEP_MS);
  kept.sort((a, b) => b[1] - a[1]);
  const marks: Marks = Object.fromEntries([[c, now], ...kept.slice(0, MAX_MARKS - 1)]);
  writeKept(store, REMOVED_KEY, marks);
}

/** True if this device was removed from the class with this code (within the last 30 days). */
export function wasRemoved(code: string, now = Date.now(), store: KeyStore | null = browserStore()): boolean {
  const c = normalizeJoinCode(code);
  if (!c) return false;
  const t = read(store)[c];
  return typeof t === "number" && now - t < KEEP_MS;
}
