// The per-squad tug-of-war's rows (client/src/ui/il2SquadTugRows.ts): squads named by their students, teams and bots,
// what each holds, the largest first, the viewer's own always shown and marked, the rest summed.

import { describe, expect, test } from "vitest";
import { squadOwners, squadTugRows, squadWhat, type SquadSeat } from "../../client/src/ui/il2SquadTugRows.ts";

const seat = (name: string, role: string, squads: number[], team = 0, bot = ""): SquadSeat => ({ name, role, squads, team, bot });
const SEATS = [
  seat("Swift Dendrite", "effector", [1, 2]),
  seat("Calm Cytokine", "effector", [5, 6]),
  seat("Bright Receptor", "treg", [4], 2), seat("Quiet Clone", "treg", [4], 2),
  seat("Bot (hard)", "nk", [3], 0, "hard"),
  seat("Teacher", "clinician", []),
];

describe("squad owners", () => {
  test("a student's squads in role order: helpers, then killers; a team's shared squad is named by the team", () => {
    const o = squadOwners(SEATS);
    expect(o.get(1)).toEqual({ who: "Swift Dendrite", group: "cd4" });
    expect(o.get(6)).toEqual({ who: "Calm Cytokine", group: "cd8" });
    expect(o.get(4)).toEqual({ who: "Team 2", group: "treg" });
    expect(o.get(3)).toEqual({ who: "Bot (hard)", group: "nk" });
    expect(o.has(0)).toBe(false);
  });
});

describe("squad rows", () => {
  const shares = new Map([[1, 0.3], [2, 0.05], [3, 0.1], [4, 0.4], [5, 0.1], [6, 0.02], [9, 0]]);

  test("largest first, at most the limit, the rest summed as other squads", () => {
    const rows = squadTugRows(shares, SEATS, [], 3);
    expect(rows.map((r) => r.squad)).toEqual([4, 1, 3, null]);
    expect(rows[3].who).toBe("Other squads");
    expect(rows[3].share).toBeCloseTo(0.05 + 0.1 + 0.02);
    expect(rows.some((r) => r.mine)).toBe(false);
  });

  test("the viewer's own squads are always shown and marked, even when small or at 0", () => {
    const rows = squadTugRows(new Map([...shares, [6, 0]]), SEATS, [5, 6], 2);
    expect(rows.filter((r) => r.mine).map((r) => r.squad)).toEqual([5, 6]);
    expect(rows.map((r) => r.squad)).toEqual([4, 1, 5, 6, null]);
    expect(rows.find((r) => r.squad === 6)!.who).toBe("Calm Cytokine");
  });

  test("one student's two squads differ: each row names its squad's number and cells in the glossary's words", () => {
    const rows = squadTugRows(shares, SEATS, [1, 2]);
    const own = rows.filter((r) => r.who === "Swift Dendrite");
    expect(own.map((r) => r.what)).toEqual(["Squad 1 · Helper T cells", "Squad 2 · Killer T cells"]);
    expect(rows.find((r) => r.squad === 4)!.what).toBe("Squad 4 · Tregs");
    expect(rows.find((r) => r.squad === 3)!.what).toBe("Squad 3 · NK cells");
    expect(rows.find((r) => r.squad === null)?.what ?? "").toBe("");
    expect(squadWhat(6, "cd8")).toBe("Squad 6 · Killer T cells");
  });

  test("a squad nobody commands any more (a student left) is named by its number", () => {
    const rows = squadTugRows(new Map([[12, 0.2]]), SEATS, []);
    expect(rows).toEqual([{ squad: 12, who: "Squad 12", group: null, what: "Squad 12", share: 0.2, mine: false }]);
    expect(squadTugRows(new Map(), SEATS, [])).toEqual([]);
  });
});
