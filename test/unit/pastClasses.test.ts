// This browser's list of past classes (pastClasses.ts): what is remembered of each class, open then closed, one entry
// per code, dropped 30 days after closing or last being seen, at most 20 (newest first), "gone" and "forget", bad
// storage survived, and which download answers mean the server no longer has a class's results.

import { describe, expect, test } from "vitest";
import {
  MAX_PAST_CLASSES, PAST_CLASSES_KEY, forgetPastClass, listPastClasses, markGone, rememberClass, resultsGone,
} from "../../client/src/classroom/pastClasses.ts";
import { FakeStorage, codes } from "./fakeStorage.ts";

const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 10, 1);

describe("pastClasses", () => {
  test("a class is remembered with its code, secret and time; closing it keeps it, marked closed at that time", () => {
    const store = new FakeStorage();
    rememberClass(store, "abc def", "s3cret", T0);
    expect(listPastClasses(store, T0)).toEqual([{ code: "ABCDEF", secret: "s3cret", at: T0, closed: false }]);
    rememberClass(store, "ABCDEF", "s3cret", T0 + 3600_000); // seen open again later
    expect(listPastClasses(store, T0 + 3600_000)[0].at).toBe(T0 + 3600_000);
    rememberClass(store, "ABCDEF", "s3cret", T0 + 7200_000, true);
    expect(listPastClasses(store, T0 + 7200_000)).toEqual([{ code: "ABCDEF", secret: "s3cret", at: T0 + 7200_000, closed: true }]);
    // A late "seen open" (a message after the close) does not reopen it or move its time.
    rememberClass(store, "ABCDEF", "s3cret", T0 + 7300_000);
    expect(listPastClasses(store, T0 + 7300_000)).toEqual([{ code: "ABCDEF", secret: "s3cret", at: T0 + 7200_000, closed: true }]);
  });

  test("one entry per code: the same code with another secret is a newer class and replaces the old", () => {
    const store = new FakeStorage();
    rememberClass(store, "ABCDEF", "old", T0, true);
    rememberClass(store, "ABCDEF", "new", T0 + DAY);
    expect(listPastClasses(store, T0 + DAY)).toEqual([{ code: "ABCDEF", secret: "new", at: T0 + DAY, closed: false }]);
  });

  test("a class is listed for 30 days after it closed or was last seen, then dropped (also from storage)", () => {
    const store = new FakeStorage();
    rememberClass(store, "ABCDEF", "a", T0, true);
    rememberClass(store, "GHJKMN", "b", T0 + 5 * DAY);
    expect(listPastClasses(store, T0 + 30 * DAY - 1).map((p) => p.code)).toEqual(["GHJKMN", "ABCDEF"]);
    expect(listPastClasses(store, T0 + 30 * DAY).map((p) => p.code)).toEqual(["GHJKMN"]);
    rememberClass(store, "PQRSTU", "c", T0 + 31 * DAY);
    expect((JSON.parse(store.getItem(PAST_CLASSES_KEY)!) as { code: string }[]).map((p) => p.code)).toEqual(["PQRSTU", "GHJKMN"]);
  });

  test(`at most ${MAX_PAST_CLASSES} classes, newest first: older ones are dropped`, () => {
    const store = new FakeStorage();
    const list = codes(25);
    list.forEach((c, i) => rememberClass(store, c, `secret-${i}`, T0 + i * 60_000, true));
    const past = listPastClasses(store, T0 + DAY);
    expect(MAX_PAST_CLASSES).toBe(20);
    expect(past.map((p) => p.code)).toEqual(list.slice(5).reverse());
    expect(past[0].secret).toBe("secret-24");
  });

  test("whatever order storage holds them in (another tab wrote too), the list is newest first, one per code", () => {
    const store = new FakeStorage();
    store.setItem(PAST_CLASSES_KEY, JSON.stringify([
      { code: "ABCDEF", secret: "a", at: T0, closed: true },
      { code: "PQRSTU", secret: "c", at: T0 + 2 * DAY, closed: false },
      { code: "GHJKMN", secret: "b", at: T0 + DAY, closed: true },
      { code: "GHJKMN", secret: "older", at: T0 - DAY, closed: true }, // a code twice: the newer counts
    ]));
    expect(listPastClasses(store, T0 + 3 * DAY).map((p) => `${p.code}:${p.secret}`)).toEqual(["PQRSTU:c", "GHJKMN:b", "ABCDEF:a"]);
  });

  test("a class the server no longer has is marked gone; forget drops one class, and the last one the key", () => {
    const store = new FakeStorage();
    rememberClass(store, "ABCDEF", "a", T0, true);
    rememberClass(store, "GHJKMN", "b", T0 + 1000, true);
    markGone(store, "ABCDEF", T0 + 2000);
    const past = listPastClasses(store, T0 + 2000);
    expect(past.find((p) => p.code === "ABCDEF")?.gone).toBe(true);
    expect(past.find((p) => p.code === "GHJKMN")?.gone).toBeUndefined();
    forgetPastClass(store, "GHJKMN", T0 + 3000);
    expect(listPastClasses(store, T0 + 3000).map((p) => p.code)).toEqual(["ABCDEF"]);
    forgetPastClass(store, "ABCDEF", T0 + 4000);
    expect(store.getItem(PAST_CLASSES_KEY)).toBeNull();
  });

  test("bad input and bad storage: nothing thrown, nothing made up", () => {
    const store = new FakeStorage();
    rememberClass(store, "not a code", "a", T0);
    rememberClass(store, "ABCDEF", "", T0);
    expect(store.getItem(PAST_CLASSES_KEY)).toBeNull();
    expect(listPastClasses(null, T0)).toEqual([]);
    expect(() => rememberClass(null, "ABCDEF", "a", T0)).not.toThrow();
    store.setItem(PAST_CLASSES_KEY, "[{broken");
    expect(listPastClasses(store, T0)).toEqual([]);
    store.setItem(PAST_CLASSES_KEY, JSON.stringify([
      { code: "ABCDEF", secret: "a", at: T0, closed: true },
      { code: "abcdeg", secret: "b", at: T0, closed: true }, // not as the page writes it
      { code: "GHJKMN", at: T0, closed: true }, // no secret
      { code: "HJKMNP", secret: "", at: T0, closed: true }, // an empty one
      { code: "PQRSTU", secret: "c", at: "today", closed: true },
      null,
    ]));
    expect(listPastClasses(store, T0).map((p) => p.code)).toEqual(["ABCDEF"]);
    store.failWrites = true;
    expect(() => rememberClass(store, "GHJKMN", "b", T0)).not.toThrow();
    expect(listPastClasses(store, T0).map((p) => p.code)).toEqual(["ABCDEF"]);
  });

  test("403 (the kept secret no longer matches anything), 404 and 410 mean gone; too many tries or a server fault do not", () => {
    for (const s of [403, 404, 410]) expect(resultsGone(s)).toBe(true);
    for (const s of [0, 200, 400, 429, 500, 503]) expect(resultsGone(s)).toBe(false);
  });
});
