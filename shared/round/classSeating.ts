// Who commands what in a class, pure and deterministic: the role a newcomer gets, the squads of a student who arrives
// in a running round, and where a leaving student's squads go. Decisions over plain seat records; the class's roster
// (server/rooms/classroom/classRoster.ts) applies them to its seats, bots and world. Squad numbers, no units.

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
 * The squads of a student who arrives in a running round in `role` where no bot holds it: a copy of those of the
 * classmate whose squads the fewest others share, or the role's whole squads for the first of the role.
 */
export function squadsInPlay(role: Role, mates: readonly ClassSeat[]): number[] {
  if (mates.length === 0) return [...ROLE_SQUADS[role]];
  const sharing = (squads: readonly number[]): number => mates.filter((m) => m.squads.join() === squads.join()).length;
  const least = mates.reduce((best, m) => (sharing(m.squads) < sharing(best.squads) ? m : best), mates[0]);
  return [...least.squads];
}

/** Where a leaving student's squads go: the squads no classmate also commands, and the classmate who takes them. */
export interface HandOver {
  /** Squads only the leaving student commanded. */
  orphans: number[];
  /** The classmate of the same role with fewest squads, or null: the orphans fold back into their base squads. */
  heir: ClassSeat | null;
}

/** Plans a hand-over from `seat` to its `mates` (the other students of its role, in joining order). */
export function handOver(seat: ClassSeat, mates: readonly ClassSeat[]): HandOver {
  const orphans = seat.squads.filter((sq) => !mates.some((m) => m.squads.includes(sq)));
  if (mates.length === 0) return { orphans, heir: null };
  return { orphans, heir: mates.reduce((best, m) => (m.squads.length < best.squads.length ? m : best), mates[0]) };
}
