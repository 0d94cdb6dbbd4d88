// The solo sandbox's controls on the server: a checked sandbox message (shared/net/sandboxControls.ts) changes a live
// parameter on the world now (a world edit, so the model's thread makes it too) and keeps it for the next tissue, or
// keeps a between-rounds setting for the next restart, or gives a therapy as the clinician would. All checked before
// anything changes; a tissue takes at most MAX_LIVE_CHANGES_PER_ROUND live changes. Called by TissueRoom for the host of a sandbox round, and by classroom/teacherDoor.ts for the teacher (whose
// message also carries the host secret, taken off here before the check).

import {
  SANDBOX_CONTROLS, checkSandbox, controlOf, type SandboxControlName, type SandboxSettings,
} from "../../shared/net/sandboxControls.ts";
import type { RoundVariant } from "../../shared/net/roundVariant.ts";
import { isParamName, type Params, type TherapyName } from "../../shared/sim/index.ts";
import type { WorldEdit } from "./model/worldEdits.ts";

export const SANDBOX_SCENARIO_ID = "sandbox";

/**
 * Most changes to the live parameters one tissue takes (a player moves a slider now and then: one change every 2 s of
 * a 10-minute round). Each is logged with the round's inputs (replayed by a new thread, by the contrasts and from a
 * class's checkpoint), so a paused tissue flooded with changes must not grow its log without end; a new tissue (a
 * restart, a class's new round) takes as many again. A change to the value in force already is no change.
 */
export const MAX_LIVE_CHANGES_PER_ROUND = 300;

/** What the desk needs from its room. */
export interface SandboxRoom {
  /** The parameters the model steps with now (the room's RoundFacts). */
  params: Params;
  /** Live parameters changed this round (the room's RoundFacts). */
  readonly liveChanges: number;
  /** The variant the next tissue is made with (read and replaced). */
  variant: RoundVariant | undefined;
  edit(edit: WorldEdit): void;
  /** Gives a therapy course as the clinician; a sentence when it cannot be given now. */
  giveTherapy(therapy: TherapyName): string | null;
}

/** Carries out one sandbox message; the settings now in force, or a sentence (and then nothing changed). */
export function sandboxChange(room: SandboxRoom, payload: unknown): { ok: true; settings: SandboxSettings } | { ok: false; error: string } {
  const checked = checkSandbox(payload);
  if (!checked.ok) return checked;
  const p = checked.value;
  if ("therapy" in p) {
    const error = room.giveTherapy(p.therapy);
    return error ? { ok: false, error } : { ok: true, settings: sandboxSettings(room) };
  }
  const entries = Object.entries(p.set) as [SandboxControlName, number][];
  const live = entries.filter(([name, value]) => controlOf(name).when === "live" && isParamName(name) && room.params[name] !== value);
  if (live.length > 0 && room.liveChanges + live.length > MAX_LIVE_CHANGES_PER_ROUND) {
    return { ok: false, error: `this tissue has taken its ${MAX_LIVE_CHANGES_PER_ROUND} live changes: restart it (in a class, start a new round) to change the live controls again; nothing was changed` };
  }
  const next: RoundVariant = { params: { ...(room.variant?.params ?? {}) }, ...(room.variant?.dendriticCells !== undefined ? { dendriticCells: room.variant.dendriticCells } : {}) };
  for (const [name, value] of entries) {
    if (name === "dendriticCells") { next.dendriticCells = value; continue; }
    next.params![name] = value; // kept for the next tissue either way
  }
  for (const [name, value] of live) if (isParamName(name)) room.edit({ kind: "param", name, value });
  room.variant = next;
  return { ok: true, settings: sandboxSettings(room) };
}

/** The live controls' values on the world now, and the variant waiting for the next tissue. */
export function sandboxSettings(room: Pick<SandboxRoom, "params" | "variant">): SandboxSettings {
  const live: SandboxSettings["live"] = {};
  for (const c of SANDBOX_CONTROLS) if (c.when === "live" && isParamName(c.name)) live[c.name] = room.params[c.name];
  return { live, next: room.variant ?? {} };
}

/** A classroom teacher's sandbox message: the host secret and the sandbox payload side by side ({ secret, set } ...). */
export function splitSecret(payload: unknown): { secret: unknown; rest: unknown } {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return { secret: undefined, rest: payload };
  const { secret, ...rest } = payload as Record<string, unknown>;
  return { secret, rest };
}
