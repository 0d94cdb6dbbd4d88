// The first-play tutorial's rules (client/src/ui/tutorialSteps.ts): steps advance only on what the player did or
// what the tissue showed, one at a time, never backwards.

import { describe, expect, it } from "vitest";
import { advance, emptyFacts, il2Rose, tutorialSteps, WATCH_IL2_HOURS, WATCH_IL2_PM } from "../../client/src/ui/tutorialSteps.ts";
import { ROLES } from "../../shared/sim/roles.ts";

describe("tutorial steps", () => {
  it("every role has steps with unique ids", () => {
    for (const role of ROLES) {
      const steps = tutorialSteps(role);
      expect(steps.length).toBeGreaterThanOrEqual(4);
      expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
    }
  });

  it("walks the effector through select, send, IL-2, microscope, division, killers, Tregs", () => {
    const steps = tutorialSteps("effector");
    const f = emptyFacts();
    let i = advance(steps, 0, f);
    expect(steps[i].id).toBe("select-helpers");
    f.selectedSquads.push(2); // the wrong squad does not count
    expect(advance(steps, i, f)).toBe(i);
    f.selectedSquads.push(1);
    i = advance(steps, i, f);
    expect(steps[i].id).toBe("send-helpers");
    f.commands.push({ kind: "ability", squad: 1 }); // an ability is not a "send"
    expect(advance(steps, i, f)).toBe(i);
    f.commands.push({ kind: "target", squad: 1 });
    i = advance(steps, i, f);
    expect(steps[i].id).toBe("watch-il2");
    f.shownDay["watch-il2"] = f.day = 0.1; // tutorial.ts notes when each step is first shown
    f.il2StartPm = 2;
    f.il2MaxPm = 3;
    f.day += 1; // a day of thin IL-2: nothing to watch yet
    expect(advance(steps, i, f)).toBe(i);
    f.il2MaxPm = WATCH_IL2_PM + 5;
    f.shownDay["watch-il2"] = f.day; // (as if it had just been shown)
    expect(advance(steps, i, f), "the cloud is there, but the player has not had time to watch it").toBe(i);
    f.day += WATCH_IL2_HOURS / 24;
    i = advance(steps, i, f);
    expect(steps[i].id).toBe("inspect");
    f.inspected = true;
    i = advance(steps, i, f);
    expect(steps[i].id).toBe("division");
    f.divisions = 1;
    i = advance(steps, i, f);
    expect(steps[i].id).toBe("send-killers");
    f.commands.push({ kind: "target", squad: 2 });
    i = advance(steps, i, f);
    expect(steps[i].id).toBe("tregs");
    expect(steps[i].ack).toBe(true);
    f.acknowledged.push("tregs");
    expect(advance(steps, i, f)).toBe(steps.length);
  });

  it("skips straight past steps already done, but only forwards", () => {
    const steps = tutorialSteps("effector");
    const f = emptyFacts();
    f.selectedSquads.push(1);
    f.commands.push({ kind: "target", squad: 1 });
    expect(steps[advance(steps, 0, f)].id).toBe("watch-il2");
    // Starting later never goes back to an undone earlier step.
    expect(advance(steps, 4, emptyFacts())).toBe(4);
  });

  it("IL-2 must both reach a visible cloud and double from the start", () => {
    expect(WATCH_IL2_PM).toBeGreaterThanOrEqual(10);
    expect(il2Rose({ ...emptyFacts(), il2StartPm: 0, il2MaxPm: WATCH_IL2_PM - 1 })).toBe(false);
    expect(il2Rose({ ...emptyFacts(), il2StartPm: 0, il2MaxPm: 12 }), "a trace of IL-2 is not yet something to watch").toBe(false);
    expect(il2Rose({ ...emptyFacts(), il2StartPm: WATCH_IL2_PM, il2MaxPm: WATCH_IL2_PM * 1.5 })).toBe(false);
    expect(il2Rose({ ...emptyFacts(), il2StartPm: 8, il2MaxPm: WATCH_IL2_PM })).toBe(true);
  });

  it("'Watch IL-2 appear' waits on screen for the IL-2 even when it rose before the step was shown", () => {
    const steps = tutorialSteps("clinician");
    const f = { ...emptyFacts(), il2StartPm: 0, il2MaxPm: 500, day: 0.3 };
    expect(steps[advance(steps, 0, f)].id).toBe("watch-il2");
    f.shownDay["watch-il2"] = 0.3;
    f.day = 0.3 + (WATCH_IL2_HOURS * 0.9) / 24;
    expect(steps[advance(steps, 0, f)].id).toBe("watch-il2");
    f.day = 0.3 + WATCH_IL2_HOURS / 24;
    expect(steps[advance(steps, 0, f)].id).toBe("therapy");
  });

  it("the clinician's steps advance on a therapy card and on reading the leak note", () => {
    const steps = tutorialSteps("clinician");
    const f = { ...emptyFacts(), il2StartPm: 1, il2MaxPm: 50, day: 1, shownDay: { "watch-il2": 0.5 } };
    let i = advance(steps, 0, f);
    expect(steps[i].id).toBe("therapy");
    f.commands.push({ kind: "therapy", therapy: "lowDose" });
    i = advance(steps, i, f);
    expect(steps[i].id).toBe("leak");
  });
});
