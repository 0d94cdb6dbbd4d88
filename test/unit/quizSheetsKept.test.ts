// The class's quiz sheets (server/rooms/classroom/quizBook.ts) without a room: bounded, past the bound a departed
// student's oldest sheet goes (never a student's in the class now), and a proven return to a former seat takes the sheet
// along to the new seat.

import type { Client } from "@colyseus/core";
import { describe, expect, test } from "vitest";
import type { QuizAnswer } from "../../shared/net/quiz.ts";
import { QUIZ_ITEMS } from "../../shared/quiz/quizItems.ts";
import { QUIZ_SHEETS_KEPT, QuizBook, type QuizRoomPort } from "../../server/rooms/classroom/quizBook.ts";
import type { ResultsStore } from "../../server/results/resultsStore.ts";
import type { QuizAnswerRecord } from "../../server/results/quizAnswers.ts";

/** A book whose room has the students in `here`, and the refusals it made. */
function bookWith(here: Set<string>) {
  const refusals: string[] = [];
  let changes = 0;
  const port: QuizRoomPort = {
    code: "ABCD", phase: () => "lobby", roundsPlayed: () => 0, secretMatches: () => true,
    studentName: (id) => `name-${id}`, studentIds: () => [...here], teacherIds: () => [],
    allow: () => true, refuse: (_c, _m, error) => void refusals.push(error), send: () => {},
    store: () => ({ saveQuizAnswer: () => Promise.resolve() }) as unknown as ResultsStore,
    changed: () => void changes++,
  };
  const book = new QuizBook(port);
  book.restore([], new Map(), "pre");
  return { book, refusals, changes: () => changes };
}
const item = QUIZ_ITEMS[0];
const answer = (book: QuizBook, id: string) =>
  book.answer({ sessionId: id } as Client, { phase: "pre", itemId: item.id, tier: "choice", pick: item.answer } satisfies QuizAnswer);
const answered = (book: QuizBook, id: string) => book.statusFor(id).mine.pre.length;

describe("the class's quiz sheets", () => {
  test(`at most ${QUIZ_SHEETS_KEPT}: a departed student's oldest sheet goes first, a present student's stays`, () => {
    const here = new Set(["present"]);
    const { book } = bookWith(here);
    answer(book, "present");
    for (let k = 0; k < QUIZ_SHEETS_KEPT + 5; k++) answer(book, `gone-${k}`); // each answers once, then is gone
    expect(answered(book, "present")).toBe(1);
    // (400 kept) present and gone-0..398 fill the book; gone-399..404 push out gone-0..5, oldest first
    expect(answered(book, "gone-0")).toBe(0);
    expect(answered(book, "gone-5")).toBe(0);
    expect(answered(book, "gone-6")).toBe(1);
    expect(answered(book, `gone-${QUIZ_SHEETS_KEPT + 4}`)).toBe(1);
  });

  test("a proven return moves the sheet to the new seat; the old seat's sheet is gone, and the same tier is refused", () => {
    const { book, refusals } = bookWith(new Set(["new"]));
    answer(book, "old");
    book.seatReturned("old", "new");
    expect(answered(book, "new")).toBe(1);
    expect(answered(book, "old")).toBe(0);
    answer(book, "new");
    expect(refusals).toEqual(["you have already answered that; your first answer stands"]);
    book.seatReturned("nobody", "new"); // no sheet to move: the new seat's stays
    expect(answered(book, "new")).toBe(1);
  });

  test("a resumed class's sheets come back from the stored answers: by nickname onto the seat that has it, first answer first", () => {
    const { book, refusals } = bookWith(new Set(["s1"]));
    const stored = (nickname: string, pick: number, tier: "choice" | "reason" = "choice"): QuizAnswerRecord =>
      ({ code: "ABCD", phase: "pre", nickname, itemId: item.id, objective: item.objective, tier, pick, right: pick === (tier === "choice" ? item.answer : item.reason) });
    // A student's two answers to one tier (a store holds one, but a replayed list must not double it), and one of a
    // student who did not come back.
    book.restore([stored("name-s1", item.answer), stored("name-s1", item.answer + 1), stored("name-s1", item.reason, "reason"), stored("Gone Student", 1)], new Map([["name-s1", "s1"]]), "post");
    expect(book.open).toBe("post");
    expect(book.statusFor("s1").mine.pre).toEqual([{ itemId: item.id, tier: "choice", pick: item.answer }, { itemId: item.id, tier: "reason", pick: item.reason }]);
    expect(book.classQuiz().rows.find((r) => r.objective === item.objective)!.pre).toEqual({ right: 1, of: 1 });
    book.restore([], new Map(), "pre");
    answer(book, "s1"); // the same tier again, after the restart: refused
    expect(refusals).toEqual(["you have already answered that; your first answer stands"]);
  });

  test("opening and closing the quiz is something the class's checkpoint keeps", () => {
    const { book, changes } = bookWith(new Set(["s1"]));
    const before = changes();
    book.roundStarts(); // the open pre-quiz closes
    expect(book.open).toBe(null);
    expect(changes()).toBe(before + 1);
  });
});
