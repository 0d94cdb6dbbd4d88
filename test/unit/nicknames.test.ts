// Generated nicknames (server/rooms/classroom/nicknames.ts) never name a role: a "Steady Treg" who commands NK cells
// would read as a Treg commander to the whole class.

import { describe, expect, test } from "vitest";
import { NICKNAME_ADJECTIVES, NICKNAME_NOUNS, ROLE_WORDS, newNickname } from "../../server/rooms/classroom/nicknames.ts";
import { ROLE_LABELS, SQUAD_LABELS } from "../../shared/sim/roles.ts";

const words = (s: string) => s.toLowerCase().split(/[^a-z0-9-]+/).filter(Boolean);

describe("nicknames", () => {
  test("the role words cover every word of the roles' and squads' names but the generic ones", () => {
    const generic = new Set(["and", "cells", "cell", "il-2", "therapy", "cards"]);
    const named = [...Object.values(ROLE_LABELS), ...Object.values(SQUAD_LABELS)].flatMap(words).filter((w) => !generic.has(w));
    for (const w of named) expect(ROLE_WORDS as readonly string[], w).toContain(w);
  });

  test("no adjective or noun contains a role word", () => {
    for (const part of [...NICKNAME_ADJECTIVES, ...NICKNAME_NOUNS]) {
      for (const w of words(part)) expect(ROLE_WORDS as readonly string[], part).not.toContain(w);
    }
  });

  test("still 1,024 different names, and generated ones are free of role words", () => {
    expect(new Set(NICKNAME_NOUNS).size * new Set(NICKNAME_ADJECTIVES).size).toBe(1024);
    const taken = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const name = newNickname(taken);
      taken.add(name);
      for (const w of words(name)) expect(ROLE_WORDS as readonly string[], name).not.toContain(w);
    }
  });
});
