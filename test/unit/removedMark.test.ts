// A removed student's device remembers the class code (removedMark.ts): it is remembered by code (spaced or lower
// case alike), forgotten after 30 days, at most 50 codes are kept (the oldest go first), and bad storage is survived.

import { describe, expect, test } from "vitest";
import { REMOVED_KEY, markRemoved, wasRemoved } from "../../client/src/classroom/removedMark.ts";
import { FakeStorage, codes } from "./fakeStorage.ts";

const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 10, 1);

describe("removedMark", () => {
  test("a marked class is remembered by its code, however it is typed; other codes are not", () => {
    const store = new FakeStorage();
    markRemoved("abc-def", T0, store);
    expect(wasRemoved("ABCDEF", T0 + 1000, store)).toBe(true);
    expect(wasRemoved("abc def", T0 + 1000, store)).toBe(true);
    expect(wasRemoved("ABCDEG", T0 + 1000, store)).toBe(false);
    expect(JSON.parse(store.getItem(REMOVED_KEY)!)).toEqual({ ABCDEF: T0 });
  });

  test("a mark lasts 30 days, then the code may be joined again", () => {
    const store = new FakeStorage();
    markRemoved("ABCDEF", T0, store);
    expect(wasRemoved("ABCDEF", T0 + 30 * DAY - 1, store)).toBe(true);
    expect(wasRemoved("ABCDEF", T0 + 30 * DAY, store)).toBe(false);
  });

  test("an expired mark is dropped from storage when the next one is written", () => {
    const store = new FakeStorage();
    markRemoved("ABCDEF", T0, store);
    markRemoved("GHJKMN", T0 + 10 * DAY, store);
    markRemoved("PQRSTU", T0 + 31 * DAY, store);
    expect(Object.keys(JSON.parse(store.getItem(REMOVED_KEY)!)).sort()).toEqual(["GHJKMN", "PQRSTU"]);
  });

  test("at most 50 codes are kept: the 51st forgets the oldest and keeps the other 49 and itself", () => {
    const store = new FakeStorage();
    const list = codes(51);
    list.forEach((c, i) => markRemoved(c, T0 + i * 1000, store));
    const now = T0 + 51 * 1000;
    expect(Object.keys(JSON.parse(store.getItem(REMOVED_KEY)!))).toHaveLength(50);
    expect(wasRemoved(list[0], now, store)).toBe(false);
    for (const c of list.slice(1)) expect(wasRemoved(c, now, store)).toBe(true);
  });

  test("marking the same code again renews it rather than taking a second place", () => {
    const store = new FakeStorage();
    const list = codes(50);
    list.forEach((c, i) => markRemoved(c, T0 + i * 1000, store));
    markRemoved(list[0], T0 + 60_000, store); // the oldest, renewed: now the newest
    markRemoved("ABCDEF", T0 + 61_000, store); // pushes out the oldest left, list[1]
    const now = T0 + 62_000;
    expect(wasRemoved(list[0], now, store)).toBe(true);
    expect(wasRemoved(list[1], now, store)).toBe(false);
    expect(wasRemoved("ABCDEF", now, store)).toBe(true);
  });

  test("not a code, no storage, broken or full storage: nothing is thrown and nothing is claimed", () => {
    const store = new FakeStorage();
    markRemoved("not a code", T0, store);
    expect(store.getItem(REMOVED_KEY)).toBeNull();
    expect(wasRemoved("ABCDEF", T0, null)).toBe(false);
    expect(() => markRemoved("ABCDEF", T0, null)).not.toThrow();
    store.setItem(REMOVED_KEY, "{not json");
    expect(wasRemoved("ABCDEF", T0, store)).toBe(false);
    store.setItem(REMOVED_KEY, JSON.stringify({ ABCDEF: "yesterday" }));
    expect(wasRemoved("ABCDEF", T0, store)).toBe(false);
    markRemoved("ABCDEF", T0, store); // rewrites the broken value
    expect(wasRemoved("ABCDEF", T0, store)).toBe(true);
    store.failWrites = true;
    expect(() => markRemoved("GHJKMN", T0, store)).not.toThrow();
    expect(wasRemoved("GHJKMN", T0, store)).toBe(false);
  });
});
