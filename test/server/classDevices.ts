// Devices in a class for the classroom server tests: an SDK room that records everything the classroom sends it,
// a class opened by a teacher's device with its room driven by advance() alone, and a student joining by code.
// Used by test/server/classroom*.test.ts.

import type { Room as SdkRoom } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import {
  ClassroomClientMessage, ClassroomServerMessage, type ClassClosed, type Dashboard, type RoundHistory, type RoundSummary,
  type SessionInfo, type TeacherAction,
} from "../../shared/net/classroom.ts";
import { ServerMessage, type Debrief, type Refusal } from "../../shared/net/messages.ts";
import { QuizClientMessage, QuizServerMessage, type ClassQuiz, type QuizAnswer, type QuizStatus } from "../../shared/net/quiz.ts";
import { QUIZ_ITEMS, type QuizItem } from "../../shared/quiz/quizItems.ts";
import type { ClassroomRoom } from "../../server/rooms/ClassroomRoom.ts";
import { waitFor, type TestServer } from "./startTestServer.ts";

/** A device's SDK room and what it has received (`left`: its close codes). */
export interface ClassDevice {
  client: SdkRoom;
  refusals: Refusal[];
  debriefs: Debrief[];
  rounds: RoundSummary[][];
  removed: unknown[];
  dashboards: Dashboard[];
  sessions: SessionInfo[];
  closed: ClassClosed[];
  histories: RoundHistory[];
  /** Quiz status (the quiz open, this device's own answers) and the class's gains (a teacher's device only). */
  quiz: QuizStatus[];
  gains: ClassQuiz[];
  left: number[];
}

/** Registers a handler for every message the classroom sends, so nothing is dropped or warned about. */
export function listenAll(client: SdkRoom): ClassDevice {
  const d: ClassDevice = { client, refusals: [], debriefs: [], rounds: [], removed: [], dashboards: [], sessions: [], closed: [], histories: [], quiz: [], gains: [], left: [] };
  client.onMessage(ServerMessage.field, () => {});
  client.onMessage(ServerMessage.events, () => {});
  client.onMessage(ServerMessage.refused, (r: Refusal) => d.refusals.push(r));
  client.onMessage(ServerMessage.debrief, (m: Debrief) => d.debriefs.push(m));
  client.onMessage(ServerMessage.contrast, () => {});
  client.onMessage(ClassroomServerMessage.rounds, (r: RoundSummary[]) => d.rounds.push(r));
  client.onMessage(ClassroomServerMessage.removed, (m: unknown) => d.removed.push(m));
  client.onMessage(ClassroomServerMessage.dashboard, (m: Dashboard) => d.dashboards.push(m));
  client.onMessage(ClassroomServerMessage.session, (s: SessionInfo) => d.sessions.push(s));
  client.onMessage(ClassroomServerMessage.closed, (m: ClassClosed) => d.closed.push(m));
  client.onMessage(ClassroomServerMessage.history, (h: RoundHistory) => d.histories.push(h));
  client.onMessage(QuizServerMessage.status, (q: QuizStatus) => d.quiz.push(q));
  client.onMessage(QuizServerMessage.gains, (g: ClassQuiz) => d.gains.push(g));
  client.onLeave((code: number) => d.left.push(code));
  return d;
}

/**
 * A class opened by a teacher's device, its room driven by advance() alone. `act` sends a teacher action with the
 * host secret (another secret, or none when null) from the teacher's device unless told another.
 */
export async function openClass(ts: TestServer, options: Record<string, unknown> = {}) {
  const teacher = await ts.colyseus.sdk.create("classroom", { mode: "classroom", days: 0.25, ...options });
  const inbox = listenAll(teacher);
  await waitFor("the session info", () => inbox.sessions.length > 0);
  const session = inbox.sessions[0];
  const room = matchMaker.getLocalRoomById(session.code) as ClassroomRoom;
  room.manual = true;
  const act = (action: TeacherAction, secret: string | null = session.hostSecret, from: SdkRoom = teacher) =>
    from.send(ClassroomClientMessage.teacher, { ...(secret !== null ? { secret } : {}), ...action });
  return { teacher, inbox, session, room, act };
}

/** A student's device joined by the class code alone, with its first state. */
export async function joinStudent(ts: TestServer, code: string): Promise<ClassDevice> {
  const d = listenAll(await ts.colyseus.sdk.joinById(code));
  await d.client.waitForInitialState();
  return d;
}

/** Sends both tiers of every item: right when `right(item)`, else the next option. */
export function takeQuiz(d: ClassDevice, phase: "pre" | "post", right: (i: QuizItem) => boolean): void {
  for (const item of QUIZ_ITEMS) {
    const ok = right(item);
    d.client.send(QuizClientMessage.answer, { phase, itemId: item.id, tier: "choice", pick: ok ? item.answer : (item.answer + 1) % item.choices.length } satisfies QuizAnswer);
    d.client.send(QuizClientMessage.answer, { phase, itemId: item.id, tier: "reason", pick: ok ? item.reason : (item.reason + 1) % item.reasons.length } satisfies QuizAnswer);
  }
}
