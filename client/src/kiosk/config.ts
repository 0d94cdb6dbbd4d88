// The kiosk's timings and round set-up, read once from the page's URL so tests (and operators) can shorten them:
// ?idle=5&countdown=3&result=4&days=0.5&fast=0&lang=es. Seconds of wall-clock unless said. Used by kioskMain.ts.

import type { KioskPace } from "./kioskClock.ts";

export interface KioskConfig {
  /** Seconds without a touch during a round before "Still playing?". */
  idleS: number;
  /** Seconds the "Still playing?" countdown runs before the kiosk goes back to attract. */
  countdownS: number;
  /** Seconds the result screen stays before attract comes back. */
  resultS: number;
  /** Seconds each attract caption stays. */
  captionS: number;
  /** Scenario of the attract loop and of a visitor's round (the sandbox: the IL-2 tug-of-war on its own). */
  scenarioId: string;
  /** A visitor's round, simulated days: 2.6 days, the first 1.2 at speed 2 (43 s), the rest at speed 1 (72 s a day): 144 s. */
  roundDays: number;
  /** The round's first simulated days run faster (kioskClock.ts): no T cell divides in its first day. */
  pace: KioskPace;
  /** The attract loop's round, simulated days (restarted when it ends). */
  attractDays: number;
  /** Starting language. */
  lang: string;
  /** Longest wait for one connection attempt, ms; longest pause between attempts, ms. */
  attemptMs: number;
  maxBackoffMs: number;
}

function num(params: URLSearchParams, key: string, fallback: number, min: number, max: number): number {
  const raw = params.get(key);
  if (raw === null || raw === "") return fallback;
  const v = Number(raw);
  return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

export function readConfig(search: string): KioskConfig {
  const p = new URLSearchParams(search);
  return {
    idleS: num(p, "idle", 40, 1, 600),
    countdownS: num(p, "countdown", 10, 1, 120),
    resultS: num(p, "result", 15, 1, 600),
    captionS: num(p, "caption", 7, 1, 120),
    scenarioId: "sandbox",
    roundDays: num(p, "days", 2.6, 0.25, 5),
    pace: { fastDays: num(p, "fast", 1.2, 0, 5), fastSpeed: 2 },
    attractDays: num(p, "attractDays", 3, 0.25, 5),
    lang: p.get("lang") === "es" ? "es" : "en",
    attemptMs: num(p, "attempt", 8, 1, 60) * 1000,
    maxBackoffMs: num(p, "backoff", 5, 1, 60) * 1000,
  };
}
