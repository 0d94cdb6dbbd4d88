// What a client may ask for when it creates or joins a tissue room, checked at the door with a sentence for
// every problem. Called by TissueRoom (onCreate, onJoin) and by the client menu, which builds the same shape.

import { DIFFICULTIES, ROLES, isDifficulty, isRole, type Difficulty, type Role } from "../sim/index.ts";
import { DEFAULT_SCENARIO_ID, SCENARIOS } from "../scenarios/index.ts";
import type { Checked } from "./messages.ts";
import type { RoomKind } from "./TissueState.ts";

/** The room kinds (`mode` on the wire) a tissue room is created as; a class is a ClassroomRoom (classroom.ts). */
export const TISSUE_ROOM_KINDS = ["solo"] as const satisfies readonly RoomKind[];

export interface RoomOptions {
  mode?: (typeof TISSUE_ROOM_KINDS)[number];
  scenarioId?: string;
  seed?: number;
  /** The role the joining person takes (solo: bots take the others). */
  role?: Role;
  /** The bots' skill. */
  difficulty?: Difficulty;
  /** A shorter round than the scenario's, in simulated days (for quick practice and tests). */
  days?: number;
  /** Bots take every role and whoever joins watches (up to MAX_WATCHERS; the first may pause and change speed). */
  watch?: boolean;
  /** A client's name for itself is never taken: nicknames come from the server. */
}

const FIELDS = ["mode", "scenarioId", "seed", "role", "difficulty", "days", "watch"];
/** Most clients watching one all-bot room. */
export const MAX_WATCHERS = 16;
/** Shortest round a client may ask for, simulated days. */
export const MIN_ROUND_DAYS = 0.25;

export function checkRoomOptions(options: unknown): Checked<RoomOptions> {
  if (options === undefined || options === null) return { ok: true, value: {} };
  if (typeof options !== "object" || Array.isArray(options)) return { ok: false, error: "options must be an object" };
  const o = options as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !FIELDS.includes(k));
  if (extra.length) return { ok: false, error: `unknown option ${extra.slice(0, 3).join(", ")}; allowed: ${FIELDS.join(", ")}` };
  if (o.mode !== undefined && !(TISSUE_ROOM_KINDS as readonly unknown[]).includes(o.mode)) return { ok: false, error: `mode must be one of ${TISSUE_ROOM_KINDS.join(", ")}` };
  if (o.scenarioId !== undefined && (typeof o.scenarioId !== "string" || !Object.hasOwn(SCENARIOS, o.scenarioId))) {
    return { ok: false, error: `unknown scenario "${String(o.scenarioId)}"; scenarios: ${Object.keys(SCENARIOS).join(", ")}` };
  }
  if (o.seed !== undefined && !(Number.isInteger(o.seed) && (o.seed as number) >= 0 && (o.seed as number) <= 0xffffffff)) {
    return { ok: false, error: "seed must be an integer from 0 to 4294967295" };
  }
  if (o.role !== undefined && !isRole(o.role)) return { ok: false, error: `role must be one of ${ROLES.join(", ")}` };
  if (o.difficulty !== undefined && !isDifficulty(o.difficulty)) return { ok: false, error: `difficulty must be one of ${DIFFICULTIES.join(", ")}` };
  if (o.watch !== undefined && typeof o.watch !== "boolean") return { ok: false, error: "watch must be true or false" };
  if (o.watch === true && o.role !== undefined) return { ok: false, error: "a watched room has no role to take: leave out role, or watch" };
  if (o.days !== undefined) {
    const max = SCENARIOS[(o.scenarioId as string | undefined) ?? DEFAULT_SCENARIO_ID].days;
    if (!(typeof o.days === "number" && Number.isFinite(o.days) && o.days >= MIN_ROUND_DAYS && o.days <= max)) {
      return { ok: false, error: `days must be a number from ${MIN_ROUND_DAYS} to ${max} (the scenario's length)` };
    }
  }
  return { ok: true, value: o as RoomOptions };
}
