// Plain words the interface picks: the microscope's receptor sentence and the setup form's failure sentence.

import { describe, expect, it } from "vitest";
import { factRows, receptorWords } from "../../client/src/ui/inspectPanel.ts";
import { explainFailure } from "../../client/src/ui/soloSetup.ts";

describe("receptorWords", () => {
  it("names the high-affinity receptor from the server's count, else from CD25 with CD122", () => {
    expect(receptorWords(300, 900, 200)).toMatch(/^High-affinity/);
    expect(receptorWords(300, 900, 0)).toMatch(/^Intermediate/);
    expect(receptorWords(300, 900)).toMatch(/^High-affinity/);
    expect(receptorWords(0, 900)).toMatch(/^Intermediate/);
    expect(receptorWords(50, 0)).toMatch(/^CD25 alone/);
    expect(receptorWords(0, 0)).toMatch(/^No IL-2 receptor/);
  });
  it("does not call a trace of CD25 a high-affinity receptor: resting killers and CD56dim NK cells need a lot of IL-2", () => {
    // The microscope's counts for cells of the model at rest (shared/sim/params.ts, paired as shared/sim/receptors.ts pairs them).
    const nkDim = receptorWords(28, 7800, 25), restingKiller = receptorWords(50, 575, 18), restingHelper = receptorWords(400, 200, 52);
    for (const words of [nkDim, restingKiller, restingHelper]) {
      expect(words).not.toMatch(/^High-affinity|little about/);
      expect(words).toMatch(/intermediate receptor.*needs a lot of IL-2/);
    }
    // Cells that do hear low IL-2: a resting Treg, a CD56bright NK cell, a switched-on T cell.
    for (const [cd25, cd122, sites] of [[3800, 750, 573], [1200, 10800, 1088], [30000, 3000, 2893]]) {
      expect(receptorWords(cd25, cd122, sites)).toMatch(/^High-affinity receptor/);
    }
  });
});

describe("the microscope's receptor rows", () => {
  const cd132 = (r: Parameters<typeof factRows>[0]) => factRows(r).find((row) => row.label.startsWith("CD132"))?.value;
  it("says an immune cell has plenty of CD132 (not counted), and claims none for a tumour or islet cell, which has no receptor in the model", () => {
    expect(cd132({ cellId: 1, found: true, type: "nkDim", cd25: 28, cd122: 7800, highAffinitySites: 25, cd132Text: "not counted" })).toBe("plenty*");
    // As the server answers for a cell without receptor chains (shared/report/inspect.ts): no cd25, cd122 or cd132Text.
    for (const type of ["tumourHidden", "islet", "tissue", "infected"] as const) expect(cd132({ cellId: 2, found: true, type }), type).toBe("—");
  });
});

describe("explainFailure", () => {
  it("says the server is not running when the connection fails", () => {
    expect(explainFailure(new TypeError("Failed to fetch"))).toMatch(/not answering/);
    expect(explainFailure(new Error("connect ECONNREFUSED 127.0.0.1:2567"))).toMatch(/not answering/);
  });
  it("passes on the server's reason for refused options", () => {
    expect(explainFailure(new Error("days must be a number from 0.25 to 8 (the scenario's length)"))).toBe(
      "The server could not start this round: days must be a number from 0.25 to 8 (the scenario's length)");
  });
  it("has a sentence even for an empty error", () => {
    expect(explainFailure({ code: 4000 })).toBe("The server could not start this round (code 4000). Try again.");
    expect(explainFailure(undefined)).toMatch(/Try again/);
  });
});
