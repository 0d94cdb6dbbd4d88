// A departed student's way back into their class (server/rooms/classroom/formerNames.ts and ClassRoster's nicknames):
// a device proves it is the student by one of the seat's tokens; it gets the nickname back when nobody has it and is
// proven back either way (their quiz sheet follows); new nicknames avoid the kept ones, so a newcomer cannot be
// given a departed student's nickname while she may still come back.

import { describe, expect, test } from "vitest";
import { FormerNames } from "../../server/rooms/classroom/formerNames.ts";
import { ClassRoster } from "../../server/rooms/classroom/classRoster.ts";
import { NICKNAME_ADJECTIVES, NICKNAME_NOUNS } from "../../server/rooms/classroom/nicknames.ts";
import type { Seats } from "../../server/rooms/seats.ts";
import type { BotSeats } from "../../shared/round/index.ts";

const free = () => false;

function departed(): FormerNames {
  const f = new FormerNames();
  f.token("seat-a", "room:first");
  f.token("seat-a", "room:latest");
  f.remember("seat-a", "Wise Thymus");
  return f;
}

describe("a former seat's return", () => {
  test("with one of the seat's tokens: proven, the nickname back, given once", () => {
    const f = departed();
    expect(f.keptNames()).toEqual(["Wise Thymus"]);
    expect(f.take("seat-a", "room:first", free)).toEqual({ proven: true, name: "Wise Thymus" });
    expect(f.take("seat-a", "room:first", free)).toEqual({ proven: false });
    expect(f.keptNames()).toEqual([]);
  });

  test("without a token of the seat's: not proven, no nickname, and the seat stays kept for its student", () => {
    const f = departed();
    for (const proof of [undefined, 7, "room:other", ""]) expect(f.take("seat-a", proof, free)).toEqual({ proven: false });
    expect(f.take(undefined, "room:latest", free)).toEqual({ proven: false });
    expect(f.take("seat-a", "room:latest", free)).toEqual({ proven: true, name: "Wise Thymus" });
  });

  test("proven, but a classmate has the nickname now: still proven (the quiz sheet follows), without the nickname", () => {
    const f = departed();
    expect(f.take("seat-a", "room:latest", (n) => n === "Wise Thymus")).toEqual({ proven: true });
  });

  test("a seat with no token or no nickname is not kept", () => {
    const f = new FormerNames();
    f.remember("seat-b", "Calm Spleen");
    f.token("seat-c", "room:c");
    f.remember("seat-c", "");
    expect(f.keptNames()).toEqual([]);
  });
});

describe("a new student's nickname", () => {
  test("is never one kept for a departed student who may come back", () => {
    const all = NICKNAME_ADJECTIVES.flatMap((a) => NICKNAME_NOUNS.map((n) => `${a} ${n}`));
    const kept = all.filter((n) => n !== "Wise Thymus");
    const seats = { nameOf: () => "" } as unknown as Seats;
    const roster = new ClassRoster(seats, {} as BotSeats, "normal", () => {}, () => kept);
    for (let i = 0; i < 5; i++) expect(roster.freshNickname()).toBe("Wise Thymus");
  });
});
