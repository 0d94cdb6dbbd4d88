// Predictions and lesson plans over real WebSockets: a solo player commits a prediction before the round gets going
// and gets it back judged from the round's own metrics; a class's students predict in the lobby, the teacher alone gets
// the tally per answer, the results store and CSV keep each nickname's prediction; the teacher's one-click lesson plan
// sets up each round with its question. Rooms run with `manual` set: the model moves only when a test calls advance().

import { describe, expect, test } from "vitest";
import type { Room as SdkRoom } from "@colyseus/sdk";
import { LESSON_MESSAGE, LESSON_PLANS, LESSON_STATUS_MESSAGE, type LessonStatus } from "../../shared/net/lessonPlans.ts";
import { ServerMessage, type Refusal } from "../../shared/net/messages.ts";
import { observe } from "../../shared/net/predictionJudge.ts";
import { MY_PREDICTIONS_MESSAGE, PREDICT_MESSAGE, PREDICTION_TALLY_MESSAGE, type MyPredictions, type PredictionTally } from "../../shared/net/predictionWire.ts";
import { questionsFor, roundQuestionOpenDays } from "../../shared/net/predictions.ts";
import { getResultsStore } from "../../server/results/activeStore.ts";
import type { TissueRoom } from "../../server/rooms/TissueRoom.ts";
import { joinStudent, listenAll, openClass } from "./classDevices.ts";
import { testServerPerFile, waitFor } from "./startTestServer.ts";

const ts = testServerPerFile();

/** Records the lesson's own messages on a device (the others are recorded by listenAll or ignored). */
function lessonInbox(client: SdkRoom) {
  const box = { mine: [] as MyPredictions[], tallies: [] as PredictionTally[], lessons: [] as LessonStatus[], refusals: [] as Refusal[] };
  client.onMessage(MY_PREDICTIONS_MESSAGE, (m: MyPredictions) => box.mine.push(m));
  client.onMessage(PREDICTION_TALLY_MESSAGE, (t: PredictionTally) => box.tallies.push(t));
  client.onMessage(LESSON_STATUS_MESSAGE, (s: LessonStatus) => box.lessons.push(s));
  return box;
}

describe("predictions in solo play", () => {
  test("committed early, final, closed once the round gets going, and judged from the round's metrics at the end", async () => {
    const room = await ts.colyseus.createRoom<TissueRoom>("tissue", { seed: 5, scenarioId: "viral", days: 0.5 });
    room.manual = true;
    const client = await ts.colyseus.sdk.joinById(room.roomId);
    const box = lessonInbox(client);
    client.onMessage(ServerMessage.refused, (r: Refusal) => box.refusals.push(r));
    client.onMessage(ServerMessage.field, () => {});
    client.onMessage(ServerMessage.events, () => {});
    client.onMessage(ServerMessage.debrief, () => {});
    await client.waitForInitialState();

    client.send(PREDICT_MESSAGE, { question: "il2Winner", choice: "treg" });
    await waitFor("the prediction back", () => box.mine.some((m) => m.committed.length === 1));
    expect(box.mine.at(-1)!.committed).toEqual([{ question: "il2Winner", choice: "treg" }]);
    expect(box.mine.at(-1)!.results).toBeNull();

    client.send(PREDICT_MESSAGE, { question: "il2Winner", choice: "cd4" }); // a second answer to the same question
    client.send(PREDICT_MESSAGE, { question: "il2Winner", choice: "macrophage" });
    client.send(PREDICT_MESSAGE, { question: "highDoseLeak", choice: "over" }); // not asked in a viral round
    client.send(PREDICT_MESSAGE, { question: "clearance", choice: "cleared", extra: 1 });
    await waitFor("four refusals", () => box.refusals.length === 4);
    expect(box.refusals.map((r) => r.error)).toEqual([
      expect.stringMatching(/already made that prediction/), expect.stringMatching(/not an answer/),
      expect.stringMatching(/does not ask "highDoseLeak"/), expect.stringMatching(/\{ question, choice \}/),
    ]);

    room.advance(Math.ceil(roundQuestionOpenDays(0.5) * 1440) + 1); // past the time round questions are open
    client.send(PREDICT_MESSAGE, { question: "clearance", choice: "cleared" });
    await waitFor("the late prediction refused", () => box.refusals.length === 5);
    expect(box.refusals[4].error).toMatch(/before it gets going/);

    room.advance(1440); // to the end
    expect(room.facts.outcome).not.toBe("ongoing");
    await waitFor("the judged prediction", () => box.mine.some((m) => m.results !== null));
    const results = box.mine.find((m) => m.results !== null)!.results!;
    expect(results).toHaveLength(1);
    const q = questionsFor({ threat: { kind: "virus", sites: [] } }, 0.5).find((x) => x.id === "il2Winner")!;
    const seen = observe(q, room.facts.history);
    expect(results[0]).toMatchObject({ question: "il2Winner", predicted: "treg", predictedText: "Tregs", happened: seen.happened, right: seen.happened === null ? null : seen.happened === "treg" });
    expect(results[0].numbers).toMatch(/Shares of all the IL-2 captured: Helper T cells \d+%/);
    expect(results[0].explain).toMatch(/IL-2/);
    await client.leave();
  }, 60_000);
});

describe("predictions and lesson plans in a class", () => {
  test("students predict in the lobby; only the teacher gets the tally; the results and CSV keep each prediction", async () => {
    const { teacher, inbox, session, room, act } = await openClass(ts, { scenarioId: "viral" });
    const tBox = lessonInbox(teacher);
    const students = await Promise.all([0, 1, 2].map(() => joinStudent(ts, session.code)));
    const boxes = students.map((s) => lessonInbox(s.client));
    await waitFor("three students", () => room.seatList().filter((s) => !s.bot).length === 3);

    students[0].client.send(PREDICT_MESSAGE, { question: "il2Winner", choice: "treg" });
    students[1].client.send(PREDICT_MESSAGE, { question: "il2Winner", choice: "treg" });
    students[1].client.send(PREDICT_MESSAGE, { question: "clearance", choice: "growing" });
    students[2].client.send(PREDICT_MESSAGE, { question: "il2Winner", choice: "cd8" });
    teacher.send(PREDICT_MESSAGE, { question: "il2Winner", choice: "nk" });
    await waitFor("the predictions back", () => boxes.every((b) => b.mine.some((m) => m.committed.length > 0)) && boxes[1].mine.some((m) => m.committed.length === 2));
    await waitFor("the teacher refused", () => inbox.refusals.length === 1);
    expect(inbox.refusals[0].error).toMatch(/only players/);

    act({ action: "start" });
    await waitFor("playing", () => teacher.state.phase === "playing");
    room.advance(30);
    act({ action: "end" });
    await waitFor("the tally", () => tBox.tallies.length === 1);
    await waitFor("every student's results", () => boxes.every((b) => b.mine.some((m) => m.results !== null)));
    expect(boxes.every((b) => b.tallies.length === 0)).toBe(true); // teacher-only
    const tally = tBox.tallies[0];
    expect(tally.students).toBe(3);
    const winner = tally.rows.find((r) => r.question === "il2Winner")!;
    expect(winner.answered).toBe(3);
    expect(Object.fromEntries(winner.choices.map((c) => [c.choice, c.count]))).toEqual({ cd4: 0, cd8: 1, treg: 2, nk: 0 });
    expect(tally.rows.find((r) => r.question === "clearance")!.answered).toBe(1);

    const saved = (await getResultsStore().rounds(session.code))[0];
    const nameOf = (s: (typeof students)[number]) => room.state.seats.get(s.client.sessionId)!.name;
    const player = saved.players.find((p) => p.nickname === nameOf(students[1]))!;
    expect(player.measures).toContainEqual(expect.objectContaining({ label: "Predicted: who takes the IL-2", value: 3 }));
    expect(player.measures).toContainEqual(expect.objectContaining({ label: "Predicted: infection cleared", value: 3 }));
    const header = (await getResultsStore().csv(session.code)).split("\r\n")[0];
    expect(header).toMatch(/Predicted: who takes the IL-2 \(1 Helper T cells; 2 Killer T cells; 3 Tregs; 4 NK cells\)/);
    await Promise.all([...students.map((s) => s.client.leave()), teacher.leave()]);
  }, 60_000);

  test("a one-click lesson plan sets up each round with its question, and only the teacher can drive it", async () => {
    const { teacher, session, room, act } = await openClass(ts, { scenarioId: "t1d" });
    const tBox = lessonInbox(teacher);
    teacher.onMessage(ServerMessage.refused, (r: Refusal) => tBox.refusals.push(r));
    const student = await joinStudent(ts, session.code);
    const sBox = lessonInbox(student.client);
    const plan = LESSON_PLANS[0];

    student.client.send(LESSON_MESSAGE, { secret: "guess", action: "use", plan: plan.id });
    await waitFor("the student refused", () => student.refusals.length === 1);
    expect(student.refusals[0].error).toMatch(/only the teacher/);
    teacher.send(LESSON_MESSAGE, { secret: session.hostSecret, action: "use", plan: "no-such-plan" });
    await waitFor("the unknown plan refused", () => tBox.refusals.length === 1);
    expect(tBox.refusals[0].error).toMatch(/unknown lesson plan/);

    teacher.send(LESSON_MESSAGE, { secret: session.hostSecret, action: "use", plan: plan.id });
    await waitFor("round 1 of the plan on the student's device", () => sBox.lessons.some((l) => l.plan?.id === plan.id));
    let status = sBox.lessons.at(-1)!;
    expect(status).toMatchObject({ index: 0, total: plan.rounds.length, round: { question: plan.rounds[0].question } });
    expect(room.state.scenarioId).toBe(plan.rounds[0].scenarioId);
    expect(room.state.days).toBe(plan.rounds[0].days);

    for (let k = 1; k < plan.rounds.length; k++) {
      act({ action: "start" });
      await waitFor("playing", () => teacher.state.phase === "playing");
      room.advance(5);
      act({ action: "end" });
      await waitFor("the debrief", () => teacher.state.phase === "ended");
      teacher.send(LESSON_MESSAGE, { secret: session.hostSecret, action: "next" });
      await waitFor(`round ${k + 1} of the plan`, () => sBox.lessons.at(-1)!.index === k);
      status = sBox.lessons.at(-1)!;
      expect(status.round!.question).toBe(plan.rounds[k].question);
      await waitFor("the lobby on the teacher's page", () => teacher.state.phase === "lobby"); // the status message can come before the patch
      expect(room.state.scenarioId).toBe(plan.rounds[k].scenarioId);
      for (const [name, value] of Object.entries(plan.rounds[k].variant?.params ?? {})) expect(room.facts.params[name as keyof typeof room.facts.params]).toBe(value);
    }
    teacher.send(LESSON_MESSAGE, { secret: session.hostSecret, action: "next" });
    await waitFor("the end of the plan said", () => tBox.refusals.length === 2);
    expect(tBox.refusals[1].error).toMatch(/last round/);
    await Promise.all([student.client.leave(), teacher.leave()]);
  }, 60_000);
});
