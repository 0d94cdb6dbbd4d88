// Player intent, as commands the model applies at the start of a tick: the one path for people and bots alike, and
// the one Command type the client sends, the door checks (shared/net) and the bots and the round use (shared/round).
// commandFault says whether a command is well formed (the same limits at the door and for bots); who may send what
// is the round's rule (shared/round). Positions in voxels. Called by step().

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

/** Largest squad number (squads are small integers chosen by the scenario). */
export const MAX_SQUAD = 64;
/** Largest coordinate any grid can have, voxels. */
export const MAX_COORD = 512;

const isPoint = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= MAX_COORD;

/** What is wrong with a squad number, or null. */
export function squadFault(s: unknown): string | null {
  return Number.isInteger(s) && (s as number) >= 0 && (s as number) <= MAX_SQUAD ? null : `squad must be a whole number from 0 to ${MAX_SQUAD}`;
}

/** What is wrong with a point, or null (a point off this world's grid is the round's to refuse). */
export function pointFault(x: unknown, y: unknown): string | null {
  return isPoint(x) && isPoint(y) ? null : `x and y must be numbers from 0 to ${MAX_COORD} (voxels)`;
}

/** What is wrong with a list of cell ids, or null. */
export function cellIdsFault(ids: unknown): string | null {
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_SELECTED_CELLS) {
    return `cellIds must be a list of 1 to ${MAX_SELECTED_CELLS} cell ids`;
  }
  return ids.every((id) => Number.isInteger(id) && id > 0 && id <= 0xffffffff) ? null : "cellIds must hold whole numbers above 0";
}

/**
 * What is wrong with a command of a known kind, or null: each field checked at run time (a payload from the wire is
 * only shaped like a Command until this passes), in the order the fields are listed.
 */
export function commandFault(cmd: Command): string | null {
  switch (cmd.kind) {
    case "target":
      return squadFault(cmd.squad) ?? pointFault(cmd.x, cmd.y);
    case "targetCells":
      return cellIdsFault(cmd.cellIds) ?? pointFault(cmd.x, cmd.y);
    case "release":
      return squadFault(cmd.squad);
    case "ability":
      if (squadFault(cmd.squad)) return squadFault(cmd.squad);
      return (ABILITIES as readonly unknown[]).includes(cmd.ability) ? null : `ability must be one of ${ABILITIES.join(", ")}`;
    case "therapy":
      if (!isTherapyName(cmd.therapy)) return `therapy must be one of ${THERAPY_NAMES.join(", ")}`;
      return cmd.course === undefined || typeof cmd.course === "boolean" ? null : "course must be true or false";
  }
}

/** A command's own copy with exactly its kind's fields (course always said): what is queued, logged and replayed. */
export function commandCopy(cmd: Command): Command {
  switch (cmd.kind) {
    case "target":
      return { kind: cmd.kind, squad: cmd.squad, x: cmd.x, y: cmd.y };
    case "targetCells":
      return { kind: cmd.kind, cellIds: [...cmd.cellIds], x: cmd.x, y: cmd.y };
    case "release":
      return { kind: cmd.kind, squad: cmd.squad };
    case "ability":
      return { kind: cmd.kind, squad: cmd.squad, ability: cmd.ability };
    case "therapy":
      return { kind: cmd.kind, therapy: cmd.therapy, course: cmd.course === true };
  }
}
