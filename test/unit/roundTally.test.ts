// What the room counts where the model steps (server/rooms/model/roundTally.ts): the ledger's counts sent as a summary
// are the ledger's own, the room's ledger made from the summaries gives the same debrief measures as one recording the
// steps itself, the squads' capture is sampled once per new metrics sample, and a tally that goes on from a summary
// on a replayed world (a replaced thread) ends with the same counts as one never interrupted.

import { describe, expect, test } from "vitest";
import { createWorld, makeParams, splitSquad, step, type Scenario } from "../../shared/sim/index.ts";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { RoleLedger } from "../../shared/report/roleLedger.ts";
import { adoptSummary, ledgerSummary } from "../../shared/report/ledgerSummary.ts";
import { RoundTally } from "../../server/rooms/model/roundTally.ts";
import { squadCaptureSample } from "../../shared/net/il2SquadTug.ts";

const FAST = { tickSeconds: 300, firstDivisionHours: 24 };
const sc: Scenario = SCENARIOS.viral;
const fresh = () => {
  const w = createWorld(sc, makeParams({ ...sc.params, ...FAST }), 11);
  splitSquad(w, 1, [1, 5, 6]); // a class's helper clones
  return w;
};

describe("a round's tally", () => {
  test("the room's ledger, made from each answer's summary, says what a ledger recording every step says", () => {
    const w = fresh(), tally = new RoundTally(), own = new RoleLedger(), room = new RoleLedger();
    tally.goOnFrom(w);
    let samples = 0, seen = w.history.length;
    for (let k = 0; k < 320; k++) {
      const events = step(w);
      own.record(w, events);
      const t = tally.after(w, events);
      adoptSummary(room, t.ledger);
      if (w.history.length !== seen) {
        seen = w.history.length;
        samples++;
        // sampled with the ledger's dead cells' share, as the room's tug did on its copy
        expect(t.squadSample).toEqual(squadCaptureSample(w, w.history[seen - 1].day, (sq) => own.squads.get(sq)?.capturedByDead ?? 0, own.squads.keys()));
      } else expect(t.squadSample).toBeNull();
    }
    expect(samples).toBeGreaterThan(3);
    expect(ledgerSummary(room)).toEqual(ledgerSummary(own));
    expect(room.totals.divisions).toBeGreaterThan(0);
    for (const role of ["effector", "clinician"] as const) expect(room.measuresFor(w, role, [1, 5, 6, 2])).toEqual(own.measuresFor(w, role, [1, 5, 6, 2]));
  });

  test("a tally going on from the room's summary on a replayed world ends as one never interrupted", () => {
    // the thread counts once per answer (here 4 steps); a replacement replays tick by tick, then takes the room's counts
    const batch = 4, cut = 80, end = 160;
    const answers = (w: ReturnType<typeof fresh>, tally: RoundTally, from: number, to: number) => {
      let last = null;
      for (let k = from; k < to; k += batch) {
        const events = [];
        for (let j = 0; j < batch; j++) events.push(...step(w));
        last = tally.after(w, events).ledger;
      }
      return last!;
    };
    const whole = fresh(), once = new RoundTally();
    once.goOnFrom(whole);
    answers(whole, once, 0, end);

    const first = fresh(), before = new RoundTally();
    before.goOnFrom(first);
    const summary = answers(first, before, 0, cut);
    const again = fresh(), after = new RoundTally();
    for (let k = 0; k < cut; k++) after.ledger.record(again, step(again));
    expect(ledgerSummary(after.ledger), "the replay alone counts otherwise").not.toEqual(summary);
    after.goOnFrom(again, summary);
    answers(again, after, cut, end);
    expect(ledgerSummary(after.ledger)).toEqual(ledgerSummary(once.ledger));
  });
});
