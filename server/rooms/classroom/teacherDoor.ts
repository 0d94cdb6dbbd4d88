// The teacher's messages at the class's door: each is checked (its shape by shared/net's validators, the host secret,
// the message budget, new worlds by worldRebuilds.ts), refused in a sentence, or forwarded to its desk
// (teacherDesk.ts, lessonDesk.ts, sandboxDesk.ts); then the checkpoint is due, the round's numbers copied and the
// dashboard sent. The budget comes first for every message, so a student guessing the secret is charged too. Called by
// ClassroomRoom's message table.

import type { Client } from "@colyseus/core";
import { ClassroomClientMessage, checkTeacherAction } from "../../../shared/net/classroom.ts";
import { LESSON_MESSAGE, LESSON_STATUS_MESSAGE, checkLessonAction } from "../../../shared/net/lessonPlans.ts";
import { SANDBOX_MESSAGE, SANDBOX_SETTINGS_MESSAGE } from "../../../shared/net/sandboxControls.ts";
import { SANDBOX_SCENARIO_ID, sandboxChange, splitSecret } from "../sandboxDesk.ts";
import type { ClassParts } from "./classParts.ts";
import { actAsTeacher, lessonRoom, sandboxRoom, teacherRebuilds } from "./teacherDesk.ts";

const NOT_THE_TEACHER = "only the teacher can do that: the host secret does not match";

/** A teacher action (start, pause, deal, end, teams, ...): shape, host secret, budget, then the teacher's desk. */
export function teacherMessage(c: ClassParts, client: Client, payload: unknown): void {
  const refuse = (error: string): void => c.base.refuse(client, ClassroomClientMessage.teacher, error);
  if (!c.base.allow(client.sessionId)) return refuse("too many actions: wait a second");
  const checked = checkTeacherAction(payload);
  if (!checked.ok) return refuse(checked.error);
  if (!c.isHostSecret(checked.value.secret)) return refuse(NOT_THE_TEACHER);
  const a = checked.value.action;
  const error = c.rebuilds.guard(client, teacherRebuilds(a, c), () => actAsTeacher(c, a));
  if (error) return refuse(error);
  afterTeacher(c);
}

/** The teacher's lesson plan: use one, set up its next round (lessonDesk.ts); every device is told the plan's round. */
export function lessonMessage(c: ClassParts, client: Client, payload: unknown): void {
  const refuse = (error: string): void => c.base.refuse(client, LESSON_MESSAGE, error);
  if (!c.base.allow(client.sessionId)) return refuse("too many messages: wait a second");
  const checked = checkLessonAction(payload);
  if (!checked.ok) return refuse(checked.error);
  if (!c.isHostSecret(checked.value.secret)) return refuse(NOT_THE_TEACHER);
  const a = checked.value.action;
  const error = c.rebuilds.guard(client, c.lesson.rebuilds(a), () => c.lesson.act(a, lessonRoom(c)));
  if (error) return refuse(error);
  c.broadcast(LESSON_STATUS_MESSAGE, c.lesson.status());
  afterTeacher(c);
}

/** A class's sandbox: the teacher's sliders and therapy buttons (sandboxDesk.ts); the teacher's devices get the settings. */
export function sandboxMessage(c: ClassParts, client: Client, payload: unknown): void {
  const refuse = (error: string): void => c.base.refuse(client, SANDBOX_MESSAGE, error);
  if (!c.base.allow(client.sessionId)) return refuse("too many changes: wait a second");
  const { secret, rest } = splitSecret(payload);
  if (!c.isHostSecret(secret)) return refuse("only the teacher can change the sandbox: the host secret does not match");
  if (c.state.scenarioId !== SANDBOX_SCENARIO_ID) return refuse("the controls work in the sandbox scenario only");
  const r = sandboxChange(sandboxRoom(c), rest);
  if (!r.ok) return refuse(r.error);
  for (const id of c.teachers) c.client(id)?.send(SANDBOX_SETTINGS_MESSAGE, r.settings);
}

/** After a teacher's or lesson action: the checkpoint is due, the round's numbers copied, the dashboard sent. */
function afterTeacher(c: ClassParts): void {
  c.checkpoints.changed();
  c.base.syncRound();
  c.sendDashboard();
}
