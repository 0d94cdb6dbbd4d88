// The classroom quiz over real WebSockets on 127.0.0.1: the teacher (host secret) opens the pre-quiz in the lobby;
// each student answers for themselves, each tier once; what a student must not do (answer for another quiz, twice,
// the reason before the choice, garbage, ask for the class's gains or open a quiz) is refused and changes nothing; the
// round closes the quiz; after it the post-quiz; answers are stored per nickname and objective, the CSV gains quiz
// rows and columns (the round rows keep theirs), and only the teacher is sent the class's gain per objective.

import { describe, expect, test } from "vitest";
import { QuizClientMessage } from "../../shared/net/quiz.ts";
import { QUIZ_ITEMS } from "../../shared/quiz/quizItems.ts";
import { getResultsStore } from "../../server/results/activeStore.ts";
import { joinStudent, listenAll, openClass, takeQuiz, type ClassDevice } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

const last = <T>(list: T[]): T => list[list.length - 1];
/** Past the message budget's one-second window (a student taps far slower than the budget allows). */
const nextSecond = () => new Promise((r) => setTimeout(r, 1100));
const tiers = QUIZ_ITEMS.length * 2;
/** One CSV line's cells (quoted cells may hold commas). */
function cellsOf(line: string): string[] {
  const out: string[] = [];
  let cell = "", quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { out.push(cell); cell = ""; } else cell += ch;
  }
  out.push(cell);
  return out;
}

describe("the classroom quiz", () => {
  test("pre-quiz, round, post-quiz: answers per nickname, refusals at the door, the class's gain for the teacher only", async () => {
    const { teacher, inbox, session, room, act } = await openClass(ts);
    const [ada, ben] = [await joinStudent(ts, session.code), await joinStudent(ts, session.code)];
    const name = (d: ClassDevice) => room.state.seats.get(d.client.sessionId)!.name;
    await waitFor("each device's first quiz status", () => ada.quiz.length > 0 && ben.quiz.length > 0 && inbox.quiz.length > 0);
    expect(last(ada.quiz)).toEqual({ open: null, mine: { pre: [], post: [] } });

    // Nothing is open yet: an answer is refused. A student cannot open a quiz or read the class's gains.
    ada.client.send(QuizClientMessage.answer, { phase: "pre", itemId: QUIZ_ITEMS[0].id, tier: "choice", pick: 0 });
    ada.client.send(QuizClientMessage.teacher, { action: "open", phase: "pre" });
    ada.client.send(QuizClientMessage.teacher, { secret: "a".repeat(64), action: "open", phase: "pre" });
    ada.client.send(QuizClientMessage.teacher, { secret: "a".repeat(64), action: "gains" });
    await waitFor("four refusals", () => ada.refusals.length === 4);
    expect(ada.refusals.map((r) => r.error)).toEqual([
      "no quiz is open now: wait for your teacher",
      "this needs the teacher's host secret",
      "only the teacher can do that: the host secret does not match",
      "only the teacher can do that: the host secret does not match",
    ]);
    // The teacher cannot give the post-quiz before a round.
    teacher.send(QuizClientMessage.teacher, { secret: session.hostSecret, action: "open", phase: "post" });
    await waitFor("the post-quiz refused", () => inbox.refusals.length === 1);
    expect(inbox.refusals[0].error).toMatch(/post-quiz comes after a round/);

    teacher.send(QuizClientMessage.teacher, { secret: session.hostSecret, action: "open", phase: "pre" });
    await waitFor("the pre-quiz open on both devices", () => last(ada.quiz).open === "pre" && last(ben.quiz).open === "pre");

    // Ada knows only objective 1 before play; Ben knows nothing.
    takeQuiz(ada, "pre", (i) => i.objective === 1);
    takeQuiz(ben, "pre", () => false);
    await waitFor("both pre-quizzes acknowledged", () => last(ada.quiz).mine.pre.length === tiers && last(ben.quiz).mine.pre.length === tiers);
    // Each device was told its own answers only.
    expect(last(ben.quiz).mine.pre.every((p) => p.pick !== QUIZ_ITEMS.find((i) => i.id === p.itemId)![p.tier === "choice" ? "answer" : "reason"])).toBe(true);

    // A second answer for a tier already answered, another quiz, garbage, someone else's name: refused, no change.
    await nextSecond();
    const before = ada.refusals.length;
    const item = QUIZ_ITEMS[0];
    ada.client.send(QuizClientMessage.answer, { phase: "pre", itemId: item.id, tier: "choice", pick: (item.answer + 1) % item.choices.length });
    ada.client.send(QuizClientMessage.answer, { phase: "post", itemId: item.id, tier: "choice", pick: item.answer });
    ada.client.send(QuizClientMessage.answer, { phase: "pre", itemId: "made-up", tier: "choice", pick: 0 });
    ada.client.send(QuizClientMessage.answer, { phase: "pre", itemId: item.id, tier: "choice", pick: 0, nickname: name(ben) });
    ada.client.send(QuizClientMessage.answer, { phase: "pre", itemId: "x".repeat(3000), tier: "choice", pick: 0 });
    ada.client.send(QuizClientMessage.answer, [1, 2, 3]);
    await waitFor("six more refusals", () => ada.refusals.length === before + 6);
    expect(ada.refusals.slice(before).map((r) => r.error)).toEqual([
      "you have already answered that; your first answer stands",
      "the pre-quiz is open now, not the post-quiz",
      "there is no quiz item with that id",
      "an answer is { phase, itemId, tier, pick }",
      "itemId must name a quiz item",
      "an answer is { phase, itemId, tier, pick }",
    ]);
    expect(ada.client.connection.isOpen).toBe(true);
    // A flood is cut off by the budget (20 a second) without closing the student's connection.
    await nextSecond();
    const flood = ada.refusals.length;
    for (let k = 0; k < 30; k++) ada.client.send(QuizClientMessage.answer, { phase: "pre", itemId: item.id, tier: "reason", pick: 0 });
    await waitFor("thirty refusals", () => ada.refusals.length === flood + 30);
    // 30 at once against 20 a second: 10 are cut off, or fewer when a loaded machine delivers the flood across two of
    // the budget's seconds; never more than 10
    const cut = ada.refusals.slice(flood).filter((r) => r.error === "too many answers at once: wait a moment").length;
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThanOrEqual(10);
    await nextSecond();

    const saved = await getResultsStore().quizAnswers(session.code);
    expect(saved).toHaveLength(2 * tiers);
    const adaPre = saved.filter((a) => a.nickname === name(ada) && a.phase === "pre");
    expect(adaPre).toHaveLength(tiers);
    expect(adaPre.filter((a) => a.right).map((a) => a.objective)).toEqual([1, 1]);
    expect(adaPre.find((a) => a.itemId === item.id && a.tier === "choice")!.right).toBe(item.objective === 1);

    // The teacher is sent the class's gains (pre only so far); students never are.
    teacher.send(QuizClientMessage.teacher, { secret: session.hostSecret, action: "gains" });
    await waitFor("the teacher's gains with both pre-quizzes", () => inbox.gains.some((g) => g.finished.pre === 2));
    const pre = last(inbox.gains);
    expect(pre.students).toBe(2);
    expect(pre.rows.find((r) => r.objective === 1)).toMatchObject({ pre: { right: 1, of: 2 }, post: { right: 0, of: 0 }, paired: 0, gain: null });

    // The round starts: the quiz closes (answers stay).
    act({ action: "start" });
    await waitFor("the quiz closed by the start", () => last(ada.quiz).open === null && teacher.state.phase === "playing");
    teacher.send(QuizClientMessage.teacher, { secret: session.hostSecret, action: "open", phase: "post" });
    await waitFor("no quiz mid-round", () => inbox.refusals.length === 2);
    expect(last(inbox.refusals).error).toMatch(/between rounds/);
    room.advance(30);
    act({ action: "end" });
    await waitFor("the round over", () => teacher.state.phase === "ended");

    // After the debrief: a pre-quiz is refused, the post-quiz opens.
    teacher.send(QuizClientMessage.teacher, { secret: session.hostSecret, action: "open", phase: "pre" });
    await waitFor("a late pre-quiz refused", () => inbox.refusals.length === 3);
    teacher.send(QuizClientMessage.teacher, { secret: session.hostSecret, action: "open", phase: "post" });
    await waitFor("the post-quiz open", () => last(ada.quiz).open === "post" && last(ben.quiz).open === "post");
    ben.client.send(QuizClientMessage.answer, { phase: "post", itemId: QUIZ_ITEMS[1].id, tier: "reason", pick: 0 });
    await waitFor("a reason before its choice refused", () => last(ben.refusals)?.error === "choose an answer before its reason");
    await nextSecond();
    takeQuiz(ada, "post", () => true);
    takeQuiz(ben, "post", (i) => i.objective === 3);
    await waitFor("both post-quizzes acknowledged", () => last(ada.quiz).mine.post.length === tiers && last(ben.quiz).mine.post.length === tiers);
    // Ada's pre answers are still hers after the round.
    expect(last(ada.quiz).mine.pre).toHaveLength(tiers);

    // The dashboard's timer carries new answers to the teacher.
    room.sendDashboard();
    await waitFor("the teacher's gains with both post-quizzes", () => last(inbox.gains).finished.post === 2);
    const rows = last(inbox.gains).rows;
    // Objective 1: pre 1 of 2 right, post 1 of 2 (Ada) → gain 0. Objective 3: 0 → 2 of 2, gain +1. Objective 2: 0 → 1 of 2.
    expect(rows.find((r) => r.objective === 1)).toMatchObject({ pre: { right: 1, of: 2 }, post: { right: 1, of: 2 }, paired: 2, gain: 0 });
    expect(rows.find((r) => r.objective === 3)).toMatchObject({ post: { right: 2, of: 2 }, gain: 1 });
    expect(rows.find((r) => r.objective === 2)!.gain).toBe(0.5);
    expect(ada.gains).toEqual([]);
    expect(ben.gains).toEqual([]);

    // The CSV: round rows keep their columns (blank quiz cells); one row per student per quiz with the quiz columns.
    const lines = (await getResultsStore().csv(session.code)).trimEnd().split("\r\n");
    const header = cellsOf(lines[0]);
    expect(header.slice(0, 7)).toEqual(["session", "round", "scenario", "outcome", "nickname", "role", "squads"]);
    const first = header.findIndex((h) => h.startsWith("quiz 1 "));
    expect(header[first]).toBe("quiz 1 Clonal expansion: choice right (of 1)");
    expect(header.at(-1)).toBe(`quiz: both tiers right (of ${QUIZ_ITEMS.length})`);
    expect(header.filter((h) => h.startsWith("quiz ")).length).toBe(7 * 2);
    const cells = (nick: string, round: string) => lines.map(cellsOf).find((c) => c[4] === nick && c[1] === round)!;
    expect(cells(name(ada), "1").slice(first)).toEqual(Array(15).fill(""));
    expect(cells(name(ada), "pre-quiz").slice(first)).toEqual(["1", "1", ...Array(12).fill("0"), "1"]);
    expect(cells(name(ada), "post-quiz").at(-1)).toBe(String(QUIZ_ITEMS.length));
    expect(cells(name(ben), "post-quiz").slice(first + 4, first + 6)).toEqual(["1", "1"]);
    expect(lines.filter((l) => cellsOf(l)[1].endsWith("-quiz"))).toHaveLength(4);
  });

  test("a student who comes back to their former seat with its proof finds their sheet, and the class's gains count them once", async () => {
    const { teacher, inbox, session, room } = await openClass(ts);
    const ada = await joinStudent(ts, session.code);
    const id = ada.client.sessionId, token = ada.client.reconnectionToken;
    teacher.send(QuizClientMessage.teacher, { secret: session.hostSecret, action: "open", phase: "pre" });
    await waitFor("the pre-quiz open", () => last(ada.quiz)?.open === "pre");
    takeQuiz(ada, "pre", (i) => i.objective === 1);
    await waitFor("the pre-quiz acknowledged", () => last(ada.quiz).mine.pre.length === tiers);
    const mine = last(ada.quiz).mine.pre;

    // Ada leaves for good; her seat is let go.
    ada.client.reconnection.enabled = false;
    await ada.client.leave(true);
    await waitFor("the seat let go", () => !room.state.seats.has(id));
    // A device naming her seat without its proof is a new student: an empty sheet.
    const mate = listenAll(await ts.colyseus.sdk.joinById(session.code, { formerSeat: id }));
    await waitFor("the newcomer's status", () => mate.quiz.length > 0);
    expect(last(mate.quiz).mine.pre).toEqual([]);
    await mate.client.leave();

    // Her own tab, with the token it was given for the seat: on a new seat, with her sheet.
    const back = listenAll(await ts.colyseus.sdk.joinById(session.code, { formerSeat: id, seatProof: token }));
    await waitFor("her status on the new seat", () => back.quiz.length > 0);
    expect(back.client.sessionId).not.toBe(id);
    expect(last(back.quiz)).toEqual({ open: "pre", mine: { pre: mine, post: [] } });
    // Her first answers stand: answering again is refused, each tier.
    takeQuiz(back, "pre", () => true);
    await waitFor("every answer refused", () => back.refusals.length === tiers);
    expect(back.refusals.every((r) => r.error === "you have already answered that; your first answer stands")).toBe(true);

    // The teacher's gains count her once.
    const asked = inbox.gains.length;
    teacher.send(QuizClientMessage.teacher, { secret: session.hostSecret, action: "gains" });
    await waitFor("the teacher's gains", () => inbox.gains.length > asked);
    const gains = last(inbox.gains);
    expect(gains.finished.pre).toBe(1);
    expect(gains.rows.find((r) => r.objective === 1)!.pre).toEqual({ right: 1, of: 1 });
    await Promise.all([back.client.leave(), teacher.leave()]);
  });
});
