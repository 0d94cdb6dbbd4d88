// The class's rules without a room (shared/round): which teacher action may be taken in which phase and on whom
// (teacherActions.ts), and who commands what as students come, arrive late and leave (classSeating.ts).

import { describe, expect, test } from "vitest";
import {
  classCommandRefusal, handOver, newRoundDropsRound, newcomerRole, roundRuns, rolesForBots, squadsInPlay, teacherRefusal,
  type ClassFacts, type ClassPhase,
} from "../../shared/round/index.ts";
import { ROLES, ROLE_SQUADS, type Role } from "../../shared/sim/index.ts";

const facts = (phase: ClassPhase, students: Record<string, Role> = {}): ClassFacts => ({
  phase,
  studentRole: (id) => students[id] ?? null,
});
const PHASES: ClassPhase[] = ["lobby", "playing", "ended"];
/** The phases in which `action` is allowed. */
const allowedIn = (action: string): ClassPhase[] => PHASES.filter((p) => teacherRefusal({ action }, facts(p)) === null);

describe("teacherRefusal", () => {
  test("each phase-bound action is allowed in its phases only, with a sentence otherwise", () => {
    expect(allowedIn("start")).toEqual(["lobby"]);
    expect(allowedIn("pause")).toEqual(["playing"]);
    expect(allowedIn("resume")).toEqual(["playing"]);
    expect(allowedIn("end")).toEqual(["playing"]);
    expect(allowedIn("deal")).toEqual(["playing"]);
    expect(allowedIn("newRound")).toEqual(["playing", "ended"]);
    expect(allowedIn("autoBalance")).toEqual(["lobby"]);
    expect(allowedIn("scenario")).toEqual(["lobby"]);
    for (const free of ["speed", "close", "lock", "unlock", "lateJoin"]) expect(allowedIn(free)).toEqual(PHASES);
    expect(teacherRefusal({ action: "start" }, facts("playing"))).toMatch(/already started/);
    expect(teacherRefusal({ action: "newRound" }, facts("lobby"))).toMatch(/already in the lobby/);
    expect(teacherRefusal({ action: "deal" }, facts("ended"))).toMatch(/dealt while the round runs/);
  });

  test("an action naming a seat needs a student there, whatever the phase", () => {
    const class1 = { s1: "effector" as Role };
    for (const action of ["assign", "team", "rename", "kick"]) {
      expect(teacherRefusal({ action, seatId: "nobody", team: 0 }, facts("lobby", class1))).toBe("there is no student in that seat");
      expect(teacherRefusal({ action, seatId: "bot:nk", team: 0 }, facts("lobby", class1))).toBe("there is no student in that seat");
    }
    expect(teacherRefusal({ action: "kick", seatId: "s1" }, facts("playing", class1))).toBeNull();
    expect(teacherRefusal({ action: "rename", seatId: "s1" }, facts("ended", class1))).toBeNull();
  });

  test("teams are made in the lobby, and clinicians have none", () => {
    const c = { s1: "effector" as Role, s2: "clinician" as Role };
    expect(teacherRefusal({ action: "team", seatId: "s1", team: 2 }, facts("lobby", c))).toBeNull();
    expect(teacherRefusal({ action: "team", seatId: "s1", team: 2 }, facts("playing", c))).toMatch(/teams are made in the lobby/);
    expect(teacherRefusal({ action: "team", seatId: "s2", team: 1 }, facts("lobby", c))).toMatch(/clinicians play their cards/);
    expect(teacherRefusal({ action: "team", seatId: "s2", team: 0 }, facts("lobby", c))).toBeNull();
  });

  test("a new round drops the round only while it runs", () => {
    expect(PHASES.filter(newRoundDropsRound)).toEqual(["playing"]);
  });

  test("the model runs only while playing; students' commands wait in the lobby with a sentence", () => {
    expect(PHASES.filter(roundRuns)).toEqual(["playing"]);
    expect(classCommandRefusal("lobby")).toMatch(/has not started yet: wait for your teacher/);
    expect(classCommandRefusal("playing")).toBeNull();
    expect(classCommandRefusal("ended")).toBeNull(); // the round itself refuses: "the round is over"
  });
});

describe("classSeating", () => {
  test("newcomers fill the roles a balanced class one bigger lacks", () => {
    const roles: Role[] = [];
    for (let n = 0; n < 8; n++) roles.push(newcomerRole(roles.map((role) => ({ role }))));
    expect(roles.slice(0, 4).sort()).toEqual(["clinician", "effector", "nk", "treg"]);
    const count = (r: Role) => roles.filter((x) => x === r).length;
    expect([count("effector"), count("treg"), count("nk"), count("clinician")]).toEqual([4, 2, 1, 1]);
    // a class that already has two effectors gets something else next
    expect(newcomerRole([{ role: "effector" }, { role: "effector" }])).not.toBe("effector");
  });

  test("a late student takes a bot's seat, else copies the squads the fewest classmates share, or takes the role's own", () => {
    expect(squadsInPlay("treg", [])).toEqual({ squads: [...ROLE_SQUADS.treg], unseatBot: false });
    const mates = [
      { id: "a", role: "effector" as Role, squads: [1, 2] },
      { id: "b", role: "effector" as Role, squads: [1, 2] },
      { id: "c", role: "effector" as Role, squads: [9, 10] },
    ];
    const got = squadsInPlay("effector", mates);
    expect(got).toEqual({ squads: [9, 10], unseatBot: false });
    got.squads.push(99); // a copy: the classmate's squads are untouched
    expect(mates[2].squads).toEqual([9, 10]);
    expect(squadsInPlay("effector", mates, true)).toEqual({ squads: [1, 2], unseatBot: true });
  });

  test("a leaving student's own squads go to the classmate with fewest, or fold back (and a bot comes while playing)", () => {
    const leaving = { id: "x", role: "effector" as Role, squads: [1, 2, 9] };
    const mates = [
      { id: "a", role: "effector" as Role, squads: [1, 2, 11, 12] },
      { id: "b", role: "effector" as Role, squads: [13] },
    ];
    const origin = new Map([[9, 1], [11, 1], [12, 2], [13, 1]]);
    expect(handOver(leaving, mates, origin, { playing: true, botSeated: false })).toEqual({ orphans: [9], heir: mates[1], folds: [], seatBot: false });
    const alone = handOver(leaving, [], origin, { playing: true, botSeated: false });
    expect(alone).toEqual({ orphans: [1, 2, 9], heir: null, folds: [[9, 1]], seatBot: true });
    expect(handOver(leaving, [], origin, { playing: false, botSeated: false }).seatBot).toBe(false); // the debrief: no bot
    expect(handOver(leaving, [], origin, { playing: true, botSeated: true }).seatBot).toBe(false); // one is there already
  });

  test("bots play the roles no student plays", () => {
    expect(rolesForBots([])).toEqual([...ROLES]);
    expect(rolesForBots([{ role: "effector" }, { role: "nk" }, { role: "effector" }]).sort()).toEqual(["clinician", "treg"]);
  });
});
