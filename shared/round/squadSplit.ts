// Which squads each student commands once the round starts: the students of a role share its squads out, each
// getting their own clone (a share of every squad of the role under new squad numbers), within the squad numbers
// the wire allows; and the roles of a balanced class. Pure planning: the room applies the plan to the world with
// split edits. Called by server/rooms/classroom/classRoster.ts and classSeating.ts.

import { MAX_SQUAD, ROLES, ROLE_SQUADS, type Role } from "../sim/index.ts";

export interface SquadPlan {
  /** Squads each student commands, by seat id. */
  bySeat: Map<string, number[]>;
  /** How to split each base squad: its cells go in turn to these numbers (the first is the base squad itself). */
  splits: Map<number, number[]>;
  /** Each new squad number's base squad (for folding it back when its role has no student left). */
  origin: Map<number, number>;
}

const BASE_SQUADS = new Set(ROLES.flatMap((r) => ROLE_SQUADS[r]));

/**
 * Plans the split for students listed with their roles and teams (in a stable order, e.g. joining order): one clone
 * per team of a role, and one per student on their own (team 0 or none).
 */
export function planSquads(students: readonly { id: string; role: Role; team?: number }[]): SquadPlan {
  const byRole = new Map<Role, string[]>();
  for (const s of students) byRole.set(s.role, [...(byRole.get(s.role) ?? []), s.id]);
  // Each student's group key within their role: their team, or themselves.
  const key = new Map(students.map((s) => [s.id, s.team ? `team ${s.team}` : `seat ${s.id}`]));
  const keysOf = (ids: string[]) => [...new Set(ids.map((id) => key.get(id)!))];
  const free: number[] = [];
  for (let n = 1; n <= MAX_SQUAD; n++) if (!BASE_SQUADS.has(n)) free.push(n);

  // One group (clone) per team or student on their own, fewer when squad numbers would run out: the role that would use most gives way.
  const groups = new Map<Role, number>();
  for (const [role, ids] of byRole) groups.set(role, ROLE_SQUADS[role].length ? keysOf(ids).length : 1);
  const need = () => [...groups].reduce((sum, [role, g]) => sum + (g - 1) * ROLE_SQUADS[role].length, 0);
  while (need() > free.length) {
    let worst: Role | null = null;
    for (const [role, g] of groups) if (g > 1 && (worst === null || (g - 1) * ROLE_SQUADS[role].length > (groups.get(worst)! - 1) * ROLE_SQUADS[worst].length)) worst = role;
    groups.set(worst!, groups.get(worst!)! - 1);
  }

  const plan: SquadPlan = { bySeat: new Map(), splits: new Map(), origin: new Map() };
  let next = 0;
  for (const role of ROLES) {
    const ids = byRole.get(role);
    if (!ids) continue;
    const g = groups.get(role)!;
    const groupSquads: number[][] = Array.from({ length: g }, () => []);
    for (const base of ROLE_SQUADS[role]) {
      const parts = [base];
      for (let j = 1; j < g; j++) {
        const n = free[next++];
        parts.push(n);
        plan.origin.set(n, base);
      }
      plan.splits.set(base, parts);
      parts.forEach((n, j) => groupSquads[j].push(n));
    }
    const keys = keysOf(ids);
    for (const id of ids) plan.bySeat.set(id, [...groupSquads[keys.indexOf(key.get(id)!) % g]]);
  }
  return plan;
}

/** How many students each role gets when the teacher auto-balances n students. */
export function balancedRoleCounts(n: number): Record<Role, number> {
  const counts: Record<Role, number> = { effector: 0, treg: 0, nk: 0, clinician: 0 };
  // A clinician from 4 students, a second from 20: therapy cards are few, so more would mostly wait.
  counts.clinician = n >= 20 ? 2 : n >= 4 ? 1 : 0;
  const rest = n - counts.clinician;
  if (rest <= 3) {
    (["effector", "treg", "nk"] as const).slice(0, rest).forEach((r) => counts[r]++);
    return counts;
  }
  // Effectors command two squads (helpers and killers): half the rest; Tregs and NK share the other half.
  counts.effector = Math.ceil(rest / 2);
  counts.treg = Math.ceil((rest - counts.effector) / 2);
  counts.nk = rest - counts.effector - counts.treg;
  return counts;
}

/** Roles for students after an auto-balance: each keeps their role while it has room, the rest fill the gaps. */
export function autoBalance(students: readonly { id: string; role: Role }[]): Map<string, Role> {
  const left = balancedRoleCounts(students.length);
  const out = new Map<string, Role>();
  for (const s of students) {
    if (left[s.role] > 0) {
      out.set(s.id, s.role);
      left[s.role]--;
    }
  }
  for (const s of students) {
    if (out.has(s.id)) continue;
    const role = ROLES.find((r) => left[r] > 0)!;
    out.set(s.id, role);
    left[role]--;
  }
  return out;
}
