// A solo room's seating without a room (shared/round/soloSeating.ts, seatRules.ts): which roles bots play, what a
// person's arrival does to the role's bot, and who takes a leaving person's seat.

import { describe, expect, test } from "vitest";
import {
  WatchRoster, botSeat, botSeatId, personSeat, seatToBot, soloArrival, soloBotRoles, soloLeave, type SoloRoom,
} from "../../shared/round/index.ts";
import { ROLES, ROLE_SQUADS, type Role } from "../../shared/sim/index.ts";

const solo = (role: Role, watched = false): SoloRoom => ({ role, watched });

describe("soloBotRoles", () => {
  test("bots take every role but the player's, in the roles' order", () => {
    for (const role of ROLES) {
      const bots = soloBotRoles(solo(role));
      expect(bots).not.toContain(role);
      expect(bots).toEqual(ROLES.filter((r) => r !== role));
    }
  });

  test("a watched room has a bot in every role, the chosen role's first", () => {
    expect(soloBotRoles(solo("nk", true))).toEqual(["nk", "effector", "treg", "clinician"]);
    for (const role of ROLES) expect([...soloBotRoles(solo(role, true))].sort()).toEqual([...ROLES].sort());
  });
});

describe("soloArrival", () => {
  test("the player takes the role's whole squads as host; the role's bot leaves only when there is one", () => {
    expect(soloArrival(solo("treg"), false)).toEqual({ role: "treg", squads: [...ROLE_SQUADS.treg], host: true, unseatBot: false });
    expect(soloArrival(solo("effector"), true)).toEqual({ role: "effector", squads: [...ROLE_SQUADS.effector], host: true, unseatBot: true });
  });

  test("a watcher takes no seat", () => {
    expect(soloArrival(solo("effector", true), true)).toBeNull();
  });

  test("the squads are a copy: changing them leaves the role's squads alone", () => {
    const a = soloArrival(solo("effector"), false)!;
    a.squads.push(99);
    expect(ROLE_SQUADS.effector).not.toContain(99);
  });
});

describe("soloLeave and seatToBot", () => {
  test("a leaving person's seat passes to a bot of the room's difficulty in the same role", () => {
    const person = personSeat("s1", "nk", true);
    const bot = soloLeave(solo("nk"), person, "hard")!;
    expect(bot).toEqual({ id: botSeatId("nk"), role: "nk", bot: "hard", host: false, squads: [...ROLE_SQUADS.nk] });
  });

  test("no bot for a seat that is a bot's already, a missing seat, or a watched room", () => {
    expect(soloLeave(solo("nk"), botSeat("nk", "easy"), "hard")).toBeNull();
    expect(soloLeave(solo("nk"), undefined, "hard")).toBeNull();
    expect(soloLeave(solo("nk", true), personSeat("w", "nk", false), "hard")).toBeNull();
    expect(seatToBot(botSeat("treg", "normal"), "easy")).toBeNull();
  });

  test("a bot takes its role's whole squads even from a person whose squads a class split", () => {
    const split = { ...personSeat("s2", "effector", false), squads: [5] };
    expect(seatToBot(split, "normal")!.squads).toEqual([...ROLE_SQUADS.effector]);
  });

  test("bots never host; a person hosts only when told", () => {
    for (const role of ROLES) expect(botSeat(role, "normal").host).toBe(false);
    expect(personSeat("a", "clinician", false).host).toBe(false);
    expect(personSeat("a", "clinician", true).squads).toEqual([...ROLE_SQUADS.clinician]);
  });
});

describe("WatchRoster", () => {
  test("the first watcher hosts; when the host leaves, the next who came does; a watcher leaving does not move it", () => {
    const w = new WatchRoster(5);
    expect(w.host).toBeNull();
    for (const id of ["a", "b", "c"]) w.add(id);
    expect(w.host).toBe("a");
    w.remove("b");
    expect(w.host).toBe("a");
    w.remove("a");
    expect(w.host).toBe("c");
    w.add("a"); // back later: behind those already here
    w.remove("c");
    expect(w.host).toBe("a");
    w.remove("a");
    expect(w.host).toBeNull();
  });

  test("at most `max` watchers, with a sentence for the next", () => {
    const w = new WatchRoster(2);
    expect(w.refusal()).toBeNull();
    w.add("a");
    w.add("b");
    expect(w.refusal()).toBe("this round already has 2 watchers");
    w.remove("a");
    expect(w.refusal()).toBeNull();
    expect(w.size).toBe(1);
  });
});
