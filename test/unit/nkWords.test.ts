// The game's words about NK cells match the model (docs/model.md 2.4, 2.11): CD56bright NK cells carry CD25 (the
// microscope shows their high-affinity receptors), CD56dim carry almost none. No screen may say NK cells lack CD25.

import { describe, expect, test } from "vitest";
import { tutorialSteps } from "../../client/src/ui/tutorialSteps.ts";
import { whyText } from "../../shared/report/inspect.ts";
import { Why } from "../../shared/sim/index.ts";
import { ROLES } from "../../shared/sim/roles.ts";

/** Sentences that would deny CD56bright NK cells their CD25. */
const WRONG = /NK cells (usually )?lack CD25|NK cells (carry|have) only the (intermediate|medium)|NK cells have only the medium/i;
const numbers = { pstat5: 0.2, signal: 0.5, capturedIl2: 10, generation: 0, kills: 0, activated: false, antigenShown: 0 };

describe("NK cells and CD25", () => {
  test("the tutorial says most NK cells lack CD25, and that CD56bright ones carry it", () => {
    const texts = ROLES.flatMap((r) => tutorialSteps(r)).map((s) => s.text);
    for (const t of texts) expect(t).not.toMatch(WRONG);
    expect(texts.join(" ")).toMatch(/CD56bright ones carry CD25/);
  });

  test("the microscope tells a CD56bright NK cell from a CD56dim one", () => {
    const bright = whyText(Why.resting, "nkBright", numbers), dim = whyText(Why.resting, "nkDim", numbers);
    expect(bright).toMatch(/CD25/);
    expect(bright).toMatch(/high-affinity/);
    expect(dim).toMatch(/intermediate/);
    for (const code of Object.values(Why)) for (const type of ["nkBright", "nkDim"] as const) expect(whyText(code, type, numbers)).not.toMatch(WRONG);
  });
});
