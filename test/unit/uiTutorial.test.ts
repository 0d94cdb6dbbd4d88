// The first-play tutorial's rules (client/src/ui/tutorialSteps.ts): steps advance only on what the player did or
// what the tissue showed, one at a time, never backwards.

import { describe, expect, it } from "vitest";
import { advance, emptyFacts, il2Rose, tutorialSteps } from "../../client/src/ui/tutorialSteps.ts";
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
    f.il2StartPm = 2;
    f.il2MaxPm = 3;
    expect(advance(steps, i, f)).toBe(i);
    f.il2MaxPm = 12;
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

  it("IL-2 must both reach 10 pM and double from the start", () => {
    expect(il2Rose({ ...emptyFacts(), il2StartPm: 0, il2MaxPm: 9 })).toBe(false);
    expect(il2Rose({ ...emptyFacts(), il2StartPm: 8, il2MaxPm: 12 })).toBe(false);
    expect(il2Rose({ ...emptyFacts(), il2StartPm: 8, il2MaxPm: 16 })).toBe(true);
  });

  it("the clinician's steps advance on a therapy card and on reading the leak note", () => {
    const steps = tutorialSteps("clinician");
    const f = { ...emptyFacts(), il2StartPm: 1, il2MaxPm: 50 };
    let i = advance(steps, 0, f);
    expect(steps[i].id).toBe("therapy");
    f.commands.push({ kind: "therapy", therapy: "lowDose" });
    i = advance(steps, i, f);
    expect(steps[i].id).toBe("leak");
  });
});
