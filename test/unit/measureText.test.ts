// The debrief's role measures in words (client/src/ui/measureText.ts).

import { expect, test } from "vitest";
import { measureText } from "../../client/src/ui/measureText.ts";

test("one of a thing is singular, many are plural; scores have no unit word; days read as a day; a percentage has its sign", () => {
  expect(measureText({ value: 1, units: "divisions" })).toBe("1 division");
  expect(measureText({ value: 0, units: "divisions" })).toBe("0 divisions");
  expect(measureText({ value: 467, units: "cells" })).toBe("467 cells");
  expect(measureText({ value: 1, units: "doses" })).toBe("1 dose");
  expect(measureText({ value: 17879214, units: "molecules" })).toBe("17,879,214 molecules");
  expect(measureText({ value: 0.42, units: "score" })).toBe("0.42");
  expect(measureText({ value: 2.3, units: "day" })).toBe("day 2.3");
  expect(measureText({ value: 85, units: "%" })).toBe("85%"); // the leak, as a share of the dose-limiting line
  expect(measureText({ value: 1, units: "cell-hours" })).toBe("1 cell-hour");
});
