// What the top bar calls the threat (client/src/ui/threatFigure.ts): infected or tumour cells as synced, and in type 1
// diabetes the activated self-reactive killer T cells counted from the synced cells, not a "Threat cells 0" while
// islets die.

import { describe, expect, test } from "vitest";
import { CellStatus } from "../../shared/net/TissueState.ts";
import { CellType } from "../../shared/sim/cellTypes.ts";
import { isSelfThreat, threatFigure } from "../../client/src/ui/threatFigure.ts";

const cells = (list: { type: number; status: number }[]) => ({ forEach: (cb: (c: { type: number; status: number }) => void) => list.forEach(cb) });

describe("threatFigure", () => {
  test("a virus or tumour: the synced threat count, labelled as threat cells", () => {
    const f = threatFigure({ scenarioId: "viral", hud: { threat: 24 }, cells: cells([]) });
    expect(f).toMatchObject({ label: "Threat cells", value: 24, term: "threat" });
  });

  test("type 1 diabetes: the activated killer T cells, named as self-reactive killers", () => {
    expect(isSelfThreat("t1d")).toBe(true);
    const f = threatFigure({
      scenarioId: "t1d", hud: { threat: 0 },
      cells: cells([
        { type: CellType.cd8, status: CellStatus.activated },
        { type: CellType.cd8, status: CellStatus.activated | CellStatus.pstat5Positive },
        { type: CellType.cd8, status: 0 }, // not switched on: not (yet) the threat
        { type: CellType.cd4, status: CellStatus.activated },
        { type: CellType.islet, status: 0 },
      ]),
    });
    expect(f.value).toBe(2);
    expect(f.label).toMatch(/self-reactive killers/i);
    expect(f.label).not.toMatch(/^Threat cells/);
    expect(f.term).toBe("selfReactive");
  });

  test("before the first patch: zero, without failing", () => {
    expect(threatFigure({ scenarioId: "" }).value).toBe(0);
    expect(threatFigure({ scenarioId: "t1d" }).value).toBe(0);
  });
});
