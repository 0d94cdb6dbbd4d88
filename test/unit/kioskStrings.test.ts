// The kiosk's string tables (assets/strings/*.json, loaded by client/src/kiosk/strings.ts): every language has the
// same keys, no empty string, the same {placeholders} per key, and every key the kiosk page names exists.

import { readFileSync } from "node:fs";
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
