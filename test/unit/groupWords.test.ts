// The glossary's words for the cell groups and a seat's squads (shared/net/groupWords.ts): one set of words for the
// tug bar and the prediction choices; a class's split clone named and drawn as the role's squad it came from.

import { describe, expect, test } from "vitest";
import { GROUP_WORDS, baseSquadOf, squadGroup, squadLabel } from "../../shared/net/groupWords.ts";
import { questionsFor } from "../../shared/net/predictions.ts";
import { TUG_WORDS_EN } from "../../client/src/ui/il2TugWords.ts";

describe("group words", () => {
  test("the tug bar and the 'who takes the IL-2' choices say the same words", () => {
    expect(TUG_WORDS_EN.groups).toEqual(GROUP_WORDS);
    const winner = questionsFor({ threat: { kind: "virus", sites: [] } }, 4).find((q) => q.id === "il2Winner")!;
    expect(winner.choices).toEqual([
      { id: "cd4", text: "Helper T cells" }, { id: "cd8", text: "Killer T cells" }, { id: "treg", text: "Tregs" }, { id: "nk", text: "NK cells" },
    ]);
  });
});

describe("a seat's squads", () => {
  test("a role's own squads keep their names; a class's clone is named after the squad it was split from", () => {
    expect(squadLabel("effector", [1, 2], 2)).toBe("CD8 killer T cells");
    expect(squadLabel("effector", [5, 6], 5)).toBe("CD4 helper T cells (squad 5)");
    expect(squadLabel("effector", [5, 6], 6)).toBe("CD8 killer T cells (squad 6)");
    expect(squadLabel("treg", [9], 9)).toBe("Tregs (squad 9)");
    expect(squadLabel("nk", [3], 3)).toBe("NK cells");
  });

  test("what a squad holds follows its place in the seat's list; a squad not the seat's is not known", () => {
    expect(squadGroup("effector", [5, 6], 6)).toBe("cd8");
    expect(squadGroup("nk", [7], 7)).toBe("nk");
    expect(baseSquadOf("effector", [5, 6], 1)).toBeNull();
    expect(squadGroup("clinician", [], 1)).toBeNull();
    expect(squadLabel("effector", [5, 6], 12)).toBe("Squad 12");
    expect(squadLabel("", [], 2)).toBe("Squad 2");
  });
});
