// Who commands what in a class, pure and deterministic: the role a newcomer gets, the squads of a student who arrives
// in a running round, where a leaving student's squads go, and which roles bots play. Decisions over plain seat
// records; the class's roster (server/rooms/classroom/classRoster.ts) applies them to its seats, bots and world.

import { ROLES, ROLE_SQUADS, type Role } from "../sim/index.ts";
import { balancedRoleCounts } from "./squadSplit.ts";

/** A student's seat as these rules read it. */
export interface ClassSeat { readonly id: string; readonly role: Role; readonly squads: readonly number[] }

/** The role for a newcomer to a class of `classSize`: the one it has fewest of against a balanced class one bigger. */
export function newcomerRole(students: readonly { role: Role }[], classSize = students.length): Role {
  const counts = balancedRoleCounts(classSize + 1);
  const have = (r: Role): number => students.filter((s) => s.role === r).length;
  return ROLES.reduce((best, r) => (counts[r] - have(r) > counts[best] - have(best) ? r : best), ROLES[0]);
}

/**
 * The squads of a student who arrives in a running round in `role` (a late join, a new role): a bot's seat if the role
 * has one (the bot leaves, the student takes the role's whole squads), else a copy of the squads of the classmate whose
 * squads the fewest others share, or the role's whole squads for the first of the role.
 */
export function squadsInPlay(
  role: Role, mates: readonly ClassSeat[], botSeated = false,
): { squads: number[]; unseatBot: boolean } {
  if (botSeated) return { squads: [...ROLE_SQUADS[role]], unseatBot: true };
  return { squads: copyLeastShared(role, mates), unseatBot: false };
}

function copyLeastShared(role: Role, mates: readonly ClassSeat[]): number[] {
  if (mates.length === 0) return [...ROLE_SQUADS[role]];
  const sharing = (squads: readonly number[]): number => mates.filter((m) => m.squads.join() === squads.join()).length;
  const least = mates.reduce((best, m) => (sharing(m.squads) < sharing(best.squads) ? m : best), mates[0]);
  return [...least.squads];
}

/** Where a leaving (or re-roled) student's squads go mid-round. */
export interface HandOver {
  /** Squads only the leaving student commanded. */
  orphans: number[];
  /** The classmate of the same role with fewest squads, who takes the orphans; null when the role has nobody left. */
  heir: ClassSeat | null;
  /** With no heir: each orphan split off a base squad folds back into it (from, to). */
  folds: [number, number][];
  /** With no heir, while the round runs and the role has no bot: a bot takes the role. */
  seatBot: boolean;
}

/**
 * Plans a hand-over from `seat` to its `mates` (the other students of its role, in joining order); `origin` maps this
 * round's split squads to their base squads (planSquads).
 */
export function handOver(
  seat: ClassSeat, mates: readonly ClassSeat[], origin: ReadonlyMap<number, number>,
  room: { playing: boolean; botSeated: boolean },
): HandOver {
  const orphans = seat.squads.filter((sq) => !mates.some((m) => m.squads.includes(sq)));
  if (mates.length > 0) {
    const heir = mates.reduce((best, m) => (m.squads.length < best.squads.length ? m : best), mates[0]);
    return { orphans, heir, folds: [], seatBot: false };
  }
  const folds = orphans.flatMap((sq): [number, number][] => (origin.has(sq) ? [[sq, origin.get(sq)!]] : []));
  return { orphans, heir: null, folds, seatBot: room.playing && !room.botSeated };
}

/** The roles that get a bot when a round starts: those no student plays. */
export function rolesForBots(students: readonly { role: Role }[]): Role[] {
  return ROLES.filter((r) => !students.some((s) => s.role === r));
}
