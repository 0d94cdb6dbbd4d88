// Plain words the interface picks: the microscope's receptor sentence and the setup form's failure sentence.

import { describe, expect, it } from "vitest";
import { receptorWords } from "../../client/src/ui/inspectPanel.ts";
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
