// What a round leaves at its end, made where the world is (shared/report/roundEnding.ts): the room that holds no world
// builds from it the same debrief and the same per-student measures as it would from the world itself, whichever
// seats and squads (split squads included) the class had.

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, queueTherapy, splitSquad, step } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { buildDebrief, type Seat } from "../../shared/report/debrief.ts";
import { RoleLedger } from "../../shared/report/roleLedger.ts";
import { debriefOf, measuresOf, roundEnding } from "../../shared/report/roundEnding.ts";

const FAST = { tickSeconds: 300, firstDivisionHours: 24 };

function played() {
  const sc = SCENARIOS.viral;
  const w = createWorld(sc, makeParams({ ...sc.params, ...FAST }), 11);
  const ledger = new RoleLedger();
  splitSquad(w, 1, [5]);
  for (let k = 0; k < 300; k++) {
    if (k === 40) queueTherapy(w, "lowDose", false);
    ledger.record(w, step(w));
  }
  w.outcome = w.outcome === "ongoing" ? "endedByTeacher" : w.outcome;
  return { w, ledger };
}

describe("a round's ending", () => {
  const { w, ledger } = played();
  const ending = roundEnding(w, ledger);
  const seats: Seat[] = [
    { role: "effector", name: "Ada", bot: "", squads: [1] },
    { role: "effector", name: "Ben", bot: "", squads: [5, 2] },
    { role: "treg", name: "Bot", bot: "normal", squads: [4] },
    { role: "clinician", name: "Teacher", bot: "", squads: [] },
  ];

  test("the debrief built from the ending is the debrief built from the world", () => {
    expect(debriefOf(ending, seats)).toEqual(buildDebrief(w, seats, ledger));
  });

  test("each student's measures, split squads included, are those the world gives", () => {
    for (const s of seats) expect(measuresOf(ending, s.role, s.squads)).toEqual(ledger.measuresFor(w, s.role, s.squads));
    expect(measuresOf(ending, "clinician", []).some((m) => m.label === "Doses given in all" && m.value >= 1)).toBe(true);
    expect(ending.outcome).toBe(w.outcome);
  });

  test("the ending travels between threads as it is", () => {
    expect(structuredClone(ending)).toEqual(ending);
  });
});
