// "Watch IL-2 appear" tells a stuck effector player why no cloud comes (client/src/ui/tutorialSteps.ts): helpers sent
// anywhere but to a dendritic cell never build an IL-2 cloud, and the step, which waits for one, stayed on screen to
// the end of a 2-day round (peak 5-9 pM), so the rest of the tutorial (the Tregs) never came. After
// WATCH_IL2_HINT_HOURS simulated hours without a cloud the card adds what to change; the step still waits for the cloud.

import { describe, expect, it } from "vitest";
import { advance, emptyFacts, stepWords, tutorialSteps, WATCH_IL2_HINT_HOURS, WATCH_IL2_PM } from "../../client/src/ui/tutorialSteps.ts";

describe("the tutorial's hint on a step that waits for the tissue", () => {
  const steps = tutorialSteps("effector");
  const watch = steps.find((s) => s.id === "watch-il2")!;
  const facts = (hoursShown: number, il2MaxPm: number) => ({ ...emptyFacts(), il2StartPm: 0.5, il2MaxPm, shownDay: { "watch-il2": 0.1 }, day: 0.1 + hoursShown / 24 });

  it("after hours without an IL-2 cloud, the effector's card says to send the helpers next to a dendritic cell", () => {
    expect(stepWords(watch, facts(1, 5))).toBe(watch.text);
    const stuck = stepWords(watch, facts(WATCH_IL2_HINT_HOURS, 8.6));
    expect(stuck.startsWith(watch.text)).toBe(true);
    expect(stuck).toMatch(/send them right next to one\.$/);
    expect(stuck).toMatch(/dendritic cell/);
    // the step itself still waits for the cloud
    expect(steps[advance(steps, steps.indexOf(watch), facts(30, 8.6))].id).toBe("watch-il2");
  });

  it("no hint once the cloud is there, and none for roles whose helpers a bot commands", () => {
    expect(stepWords(watch, facts(WATCH_IL2_HINT_HOURS + 1, WATCH_IL2_PM * 2))).toBe(watch.text);
    for (const role of ["treg", "nk", "clinician"] as const) {
      const other = tutorialSteps(role).find((s) => s.id === "watch-il2");
      if (other) expect(stepWords(other, facts(20, 5)), role).toBe(other.text);
    }
  });
});
