// The kiosk's string tables (assets/strings/*.json, loaded by client/src/kiosk/strings.ts): every language has the
// same keys, no empty string, the same {placeholders} per key, and every key the kiosk page names exists.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";

const read = (lang: string) => JSON.parse(readFileSync(new URL(`../../assets/strings/${lang}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
const en = read("en"), es = read("es");
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("kiosk strings", () => {
  test("English and Spanish have the same keys", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  test("no string is empty and every value is a string", () => {
    for (const table of [en, es]) {
      for (const [key, value] of Object.entries(table)) {
        expect(typeof value, key).toBe("string");
        expect((value as string).trim().length, key).toBeGreaterThan(0);
      }
    }
  });

  test("each key has the same placeholders in both languages", () => {
    for (const key of Object.keys(en)) expect(placeholders(es[key] as string), key).toEqual(placeholders(en[key] as string));
  });

  test("every data-k key in kiosk.html is in the tables", () => {
    const html = readFileSync(new URL("../../client/kiosk.html", import.meta.url), "utf8");
    const keys = [...html.matchAll(/data-k(?:-label)?="([^"]+)"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) expect(Object.keys(en), k).toContain(k);
  });
});

describe("the kiosk's one question", () => {
  test("its English words are the quiz item's own, and both languages have them", async () => {
    const { quizItem } = await import("../../shared/quiz/quizItems.ts");
    const { KIOSK_ITEM_ID, KIOSK_CHOICE_KEYS, KIOSK_ANSWER } = await import("../../client/src/kiosk/kioskQuestion.ts");
    const item = quizItem(KIOSK_ITEM_ID)!;
    expect(en["quiz.question"]).toBe(item.question);
    expect(KIOSK_CHOICE_KEYS.map((k) => en[k])).toEqual(item.choices);
    expect(KIOSK_ANSWER).toBe(item.answer);
    expect(en["quiz.why"]).toBe(`${item.reasons[item.reason]}.`);
    for (const k of ["quiz.label", "quiz.question", "quiz.right", "quiz.wrong", "quiz.why", ...KIOSK_CHOICE_KEYS]) expect(es[k], k).toBeTypeOf("string");
  });
});

describe("every string key the kiosk's code uses", () => {
  // Keys are written in the code as literals ("result.grew"), as families read with keys("round.tip."), or as
  // tug.<group>. Any literal whose first part names a family of the tables ("result", "tug", …) counts as a key.
  const dir = new URL("../../client/src/kiosk/", import.meta.url);
  const sources = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => readFileSync(new URL(f, dir), "utf8"));
  const families = new Set(Object.keys(en).map((k) => k.split(".")[0]));
  const literals = [...new Set(sources.flatMap((s) => [...s.matchAll(/["']([a-z]+\.[A-Za-z0-9.]*[A-Za-z0-9])["']/g)].map((m) => m[1])))]
    .filter((k) => families.has(k.split(".")[0]));
  const prefixes = [...new Set(sources.flatMap((s) => [...s.matchAll(/keys\(["']([^"']+)["']\)/g)].map((m) => m[1])))];

  test("each literal key is in English and in Spanish", () => {
    expect(literals.length).toBeGreaterThan(15);
    for (const k of literals) {
      expect(en[k], `en: ${k}`).toBeTypeOf("string");
      expect(es[k], `es: ${k}`).toBeTypeOf("string");
    }
  });

  test("each family read with keys() has members in both languages (an empty family showed 'undefined')", () => {
    expect(prefixes.sort()).toEqual(["attract.caption.", "round.tip."]);
    for (const p of prefixes) {
      for (const table of [en, es]) expect(Object.keys(table).filter((k) => k.startsWith(p)).length, p).toBeGreaterThan(0);
    }
  });

  test("the tug-of-war's group names are in both languages", async () => {
    const { TUG_GROUPS } = await import("../../shared/net/il2Tug.ts");
    for (const g of TUG_GROUPS) for (const table of [en, es]) expect(table[`tug.${g}`], `tug.${g}`).toBeTypeOf("string");
  });

  test("the caption never picks a key that is not there: no keys (tables still loading) gives none", async () => {
    const { captionKey } = await import("../../client/src/kiosk/captionKey.ts");
    expect(captionKey([], 0)).toBeNull();
    expect(captionKey([], 5)).toBeNull();
    expect(captionKey(["a", "b", "c"], 4)).toBe("b");
    expect(captionKey(["a"], Number.NaN)).toBe("a");
  });
});
