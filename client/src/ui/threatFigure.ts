// What the top bar, the screen-reader summary and the class's live chart call the threat, and how many there are:
// infected or tumour cells (the synced HUD figure), or, in autoimmunity (type 1 diabetes), the body's own switched-on
// self-reactive killer T cells, counted from the synced cells. Pure (test/unit/threatFigure.test.ts).

import { CellStatus } from "../../../shared/net/TissueState.ts";
import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import { CellType } from "../../../shared/sim/cellTypes.ts";
import type { TermId } from "../learn/learnText.ts";

/** The part of the synced state this reads. */
export interface ThreatSource {
  scenarioId: string;
  hud?: { threat: number };
  cells?: { forEach(cb: (cell: { type: number; status: number }) => void): void };
}

export interface ThreatFigure {
  /** The top bar's label. */
  label: string;
  /** The screen-reader summary's words before the number. */
  spoken: string;
  value: number;
  term: TermId;
}

/** True when the scenario's threat is the body's own killer T cells. */
export function isSelfThreat(scenarioId: string): boolean {
  return SCENARIOS[scenarioId]?.threat.kind === "self";
}

export function threatFigure(st: ThreatSource): ThreatFigure {
  if (!isSelfThreat(st.scenarioId)) {
    return { label: "Threat cells", spoken: "Threat", value: st.hud?.threat ?? 0, term: "threat" };
  }
  let value = 0;
  st.cells?.forEach((c) => { if (c.type === CellType.cd8 && (c.status & CellStatus.activated) !== 0) value++; });
  return { label: "Activated self-reactive killers", spoken: "Threat: activated self-reactive killer T cells", value, term: "selfReactive" };
}
