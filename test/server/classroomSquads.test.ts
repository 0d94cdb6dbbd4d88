// The classroom's pure parts: squads split among a role's students (within the wire's squad numbers) and merged
// back, the auto-balance of roles, and nicknames unique within a session. No server needed.

import { describe, expect, test } from "vitest";
import { MAX_SQUAD } from "../../shared/net/commandMessage.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { CellFlag, createWorld, makeParams, mergeSquad, ROLE_SQUADS, splitSquad, type Role } from "../../shared/sim/index.ts";
import { autoBalance, balancedRoleCounts, planSquads } from "../../shared/round/squadSplit.ts";
import { NICKNAME_COUNT, newNickname } from "../../server/rooms/classroom/nicknames.ts";

const world = () => {
  const s = SCENARIOS.viral;
  return createWorld(s, makeParams(s.params), 5);
};
const living = (w: ReturnType<typeof world>, squad: number) => {
  let n = 0;
  for (let i = 0; i < w.cells.count; i++) if (w.cells.squad[i] === squad && !(w.cells.flags[i] & CellFlag.dead)) n++;
  return n;
};

describe("splitSquad and mergeSquad", () => {
  test("a squad's cells are shared out in turn, the same way every time, and merge back whole", () => {
    const a = world(), b = world();
    const before = living(a, 2);
    expect(before).toBeGreaterThan(3);
    const counts = splitSquad(a, 2, [2, 10, 11]);
    expect(splitSquad(b, 2, [2, 10, 11])).toEqual(counts);
    expect(Array.from(a.cells.squad)).toEqual(Array.from(b.cells.squad));
    expect(counts.reduce((x, y) => x + y, 0)).toBe(before);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect([living(a, 2), living(a, 10), living(a, 11)]).toEqual(counts);
    expect(mergeSquad(a, 10, 2) + mergeSquad(a, 11, 2)).toBe(counts[1] + counts[2]);
    expect(living(a, 2)).toBe(before);
  });
});

describe("planSquads", () => {
  test("each student of a role gets their own clone; the first keeps the role's squad numbers", () => {
    const students = [
      ...Array.from({ length: 8 }, (_, i) => ({ id: `e${i}`, role: "effector" as Role })),
      { id: "t0", role: "treg" as Role }, { id: "t1", role: "treg" as Role }, { id: "c0", role: "clinician" as Role },
    ];
    const plan = planSquads(students);
    expect(plan.bySeat.get("e0")).toEqual([1, 2]);
    expect(plan.bySeat.get("t0")).toEqual([4]);
    expect(plan.bySeat.get("c0")).toEqual([]);
    const all = [...plan.bySeat.values()].flat();
    expect(new Set(all).size).toBe(all.length); // nobody shares
    expect(all).toHaveLength(8 * 2 + 2);
    expect(plan.splits.get(2)).toHaveLength(8);
    for (const [n, base] of plan.origin) expect(plan.splits.get(base)).toContain(n);
  });

  test("students of a role in one team share a clone; those on their own get their own; teams of different roles are apart", () => {
    const plan = planSquads([
      { id: "e0", role: "effector", team: 1 }, { id: "e1", role: "effector" }, { id: "e2", role: "effector", team: 1 },
      { id: "e3", role: "effector", team: 2 }, { id: "e4", role: "effector", team: 0 },
      { id: "t0", role: "treg", team: 1 }, { id: "t1", role: "treg", team: 1 },
    ]);
    expect(plan.bySeat.get("e0")).toEqual([1, 2]); // team 1 comes first: the role's own numbers
    expect(plan.bySeat.get("e2")).toEqual(plan.bySeat.get("e0"));
    const effectorClones = new Set(["e0", "e1", "e2", "e3", "e4"].map((id) => plan.bySeat.get(id)!.join()));
    expect(effectorClones.size).toBe(4); // team 1, e1, team 2, e4
    expect(plan.splits.get(1)).toHaveLength(4);
    expect(plan.bySeat.get("t0")).toEqual([4]);
    expect(plan.bySeat.get("t1")).toEqual([4]); // the whole Treg class is one team: no split
    expect(plan.splits.get(4)).toEqual([4]);
  });

  test("40 effectors need more squad numbers than the wire has: clones are shared, numbers stay within MAX_SQUAD", () => {
    const plan = planSquads(Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, role: "effector" as Role })));
    const used = new Set([...plan.bySeat.values()].flat());
    expect(Math.max(...used)).toBeLessThanOrEqual(MAX_SQUAD);
    for (const n of used) if (n > 4) expect(Object.values(ROLE_SQUADS).flat()).not.toContain(n);
    expect(used.size).toBeGreaterThan(40); // as many clones as the numbers allow: 1 + 30 groups of 2
    expect(new Set([...plan.bySeat.values()].map((s) => s.join())).size).toBe(31);
  });
});

describe("auto-balance", () => {
  test("counts add up, with at most two clinicians and about half the rest effectors", () => {
    for (let n = 0; n <= 40; n++) {
      const c = balancedRoleCounts(n);
      expect(c.effector + c.treg + c.nk + c.clinician).toBe(n);
      expect(c.clinician).toBeLessThanOrEqual(2);
    }
    expect(balancedRoleCounts(3)).toEqual({ effector: 1, treg: 1, nk: 1, clinician: 0 });
    expect(balancedRoleCounts(30)).toEqual({ effector: 14, treg: 7, nk: 7, clinician: 2 });
  });

  test("students keep their role while it has room", () => {
    const students = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, role: (i < 6 ? "clinician" : "nk") as Role }));
    const roles = autoBalance(students);
    expect(roles.get("s0")).toBe("clinician");
    expect([...roles.values()].filter((r) => r === "clinician")).toHaveLength(1);
    expect(roles.get("s6")).toBe("nk");
  });
});

describe("nicknames", () => {
  test("unique within a session even when nearly all are taken", () => {
    const taken = new Set<string>();
    for (let k = 0; k < NICKNAME_COUNT + 3; k++) {
      const name = newNickname(taken);
      expect(taken.has(name)).toBe(false);
      taken.add(name);
    }
  });
});
