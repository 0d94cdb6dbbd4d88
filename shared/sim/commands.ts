// Player intent, as commands the model applies at the start of a tick: the one path for people and bots alike.
// The server checks who may send what; the model only checks that a command makes sense in this world.
// Positions in voxels. Called by step().

import { THERAPY_NAMES, type TherapyName } from "./therapyNames.ts";

export const ABILITIES = ["rally", "scatter", "hunt", "seekIl2"] as const;
export type Ability = (typeof ABILITIES)[number];

export type Command =
  /** Send every cell of a squad toward a point. */
  | { kind: "target"; squad: number; x: number; y: number }
  /** Send chosen cells (by id) toward a point. */
  | { kind: "targetCells"; cellIds: number[]; x: number; y: number }
  /** Let a squad's cells act on their own again. */
  | { kind: "release"; squad: number }
  /** A role ability for a squad: rally (gather at the squad's centre), scatter (spread out around it), hunt (chase
   *  threats harder), seekIl2 (climb the IL-2 gradient). */
  | { kind: "ability"; squad: number; ability: Ability }
  /** Give a therapy: one dose, or a course of the therapy's usual length. */
  | { kind: "therapy"; therapy: TherapyName; course?: boolean };

/**
 * Most cell ids one targetCells command may name (a box selection on a crowded screen): the wire refuses more
 * (shared/net/commandMessage.ts), bots split bigger groups (shared/bots/orders.ts), the client cuts its picks to it.
 */
export const MAX_SELECTED_CELLS = 500;

export const COMMAND_KINDS = ["target", "targetCells", "release", "ability", "therapy"] as const;

export function isTherapyName(s: unknown): s is TherapyName {
  return typeof s === "string" && (THERAPY_NAMES as readonly string[]).includes(s);
}
