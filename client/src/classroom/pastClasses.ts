// This browser's past classes (localStorage): code, host secret and when the class was closed or last seen, so the
// menu can still offer each class's results download after the tab that taught it is gone. At most 20, each dropped
// 30 days after that time (the server keeps results 30 days by default). Pure: takes a Storage-like object and the time.

import { normalizeJoinCode } from "../../../shared/net/classroom.ts";
import { readKept, writeKept, type KeyStore } from "../storage.ts";

export const PAST_CLASSES_KEY = "cytokine-command:past-classes";
/** How long a class is listed after it was closed or last seen: the server's default retention (RETENTION_DAYS). */
export const PAST_KEEP_MS = 30 * 24 * 3600 * 1000;
/** Most classes listed (the oldest dropped first). */
export const MAX_PAST_CLASSES = 20;

export interface PastClass {
  code: string;
  secret: string;
  /** ms since 1970: when the class was closed, or when this browser last saw it open. */
  at: number;
  closed: boolean;
  /** The server said it no longer has the results (found on a download). */
  gone?: boolean;
}

function valid(v: unknown): v is PastClass {
  const p = v as Partial<PastClass> | null;
  return !!p && typeof p.code === "string" && normalizeJoinCode(p.code) === p.code && typeof p.secret === "string"
    && p.secret.length > 0 && typeof p.at === "number" && Number.isFinite(p.at) && typeof p.closed === "boolean";
}

function read(store: KeyStore | null): PastClass[] {
  const list = readKept(store, PAST_CLASSES_KEY);
  return Array.isArray(list) ? list.filter(valid) : [];
}

/** Fresh ones only, newest first, one per code, at most MAX_PAST_CLASSES. */
function tidy(list: PastClass[], now: number): PastClass[] {
  const seen = new Set<string>();
  return list
    .filter((p) => now - p.at < PAST_KEEP_MS)
    .sort((a, b) => b.at - a.at)
    .filter((p) => !seen.has(p.code) && seen.add(p.code))
    .slice(0, MAX_PAST_CLASSES);
}

function write(store: KeyStore, list: PastClass[]): void {
  writeKept(store, PAST_CLASSES_KEY, list.length ? list : null);
}

/** This browser's past classes still within 30 days, newest first. */
export function listPastClasses(store: KeyStore | null, now: number): PastClass[] {
  return tidy(read(store), now);
}

/** Notes a class this browser teaches (seen open now) or has just closed. A closed class stays closed. */
export function rememberClass(store: KeyStore | null, code: string, secret: string, now: number, closed = false): void {
  const c = normalizeJoinCode(code);
  if (!c || !secret || !store) return;
  const list = read(store);
  const old = list.find((p) => p.code === c && p.secret === secret);
  // The same code with another secret is another class (codes are reused once a class's results are gone).
  const entry: PastClass = old?.closed && !closed ? old : { code: c, secret, at: now, closed };
  write(store, tidy([entry, ...list.filter((p) => p.code !== c)], now));
}

/** Marks a class whose results the server no longer has, so the menu says so instead of offering the download. */
export function markGone(store: KeyStore | null, code: string, now: number): void {
  if (!store) return;
  write(store, tidy(read(store).map((p) => (p.code === code ? { ...p, gone: true } : p)), now));
}

/** Drops one class from the list (the teacher's "Forget" on a shared computer). */
export function forgetPastClass(store: KeyStore | null, code: string, now: number): void {
  if (!store) return;
  write(store, tidy(read(store).filter((p) => p.code !== code), now));
}

/**
 * True if a results download's answer means the server no longer has this class: 404 or 410, or 403, which the server
 * gives alike for an unknown code and a wrong secret (with the secret this browser kept, the class is gone: deleted
 * after the retention days, or the results file was removed). 429 (too many tries) and 5xx are not.
 */
export function resultsGone(status: number): boolean {
  return status === 403 || status === 404 || status === 410;
}
