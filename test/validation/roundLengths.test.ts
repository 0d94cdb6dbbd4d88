// Every round length a menu offers shows clonal expansion: in the shortest (shared/net/roundLengths.ts), with bots in
// the other seats and the player's helpers left alone (a new player who has not commanded anything yet), T cells divide
// and the helpers multiply before the round ends, in every scenario. Directions and floors only (the model may change).

import { describe, expect, test } from "vitest";
import { SCENARIOS } from "../../shared/scenarios/index.ts";
import { SHORTEST_MENU_DAYS } from "../../shared/net/roundLengths.ts";
import { botRound } from "./botRound.ts";

describe("the shortest round a menu offers", () => {
  for (const id of Object.keys(SCENARIOS)) {
    test(`${id}: the shortest round shows divisions and more helpers at its end than at its start`, () => {
      const days = Math.min(SHORTEST_MENU_DAYS, SCENARIOS[id].days);
      let cd4Start = -1;
      const w = botRound({
        scenarioId: id, days, seed: 1, difficulty: "normal", roles: ["treg", "nk", "clinician"],
        each: (world) => { if (cd4Start < 0 && world.history.length) cd4Start = world.history[0].values["count.cd4"]; },
      });
      const end = w.history.at(-1)!.values;
      // the round ran to its end (or its outcome) and expansion happened inside it
      expect(end["events.divisions"], "divisions").toBeGreaterThan(0);
      expect(end["count.cd4"], "helpers at the end vs the start").toBeGreaterThan(cd4Start);
    });
  }
});
