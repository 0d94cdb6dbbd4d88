// A role's measure in the debrief as people say it: "1 division" (not "1 divisions"), "467 cells", "17,879,214
// molecules", a score without a unit word ("0.42"), a percentage as "85%", and a day as "day 2.3". Pure (test/unit/measureText.test.ts);
// used by debriefView.ts.

import { formatCount, trim } from "./format.ts";

/** Units that are plural nouns, with their singular. */
const SINGULAR: Readonly<Record<string, string>> = {
  cells: "cell", divisions: "division", doses: "dose", molecules: "molecule", "cell-hours": "cell-hour",
};

export function measureText(m: { value: number; units: string }): string {
  const number = Math.abs(m.value) >= 1000 ? formatCount(m.value) : trim(m.value);
  if (m.units === "score" || m.units === "") return number;
  if (m.units === "day") return `day ${number}`;
  if (m.units === "%") return `${number}%`;
  const unit = number === "1" ? SINGULAR[m.units] ?? m.units : m.units;
  return `${number} ${unit}`;
}
