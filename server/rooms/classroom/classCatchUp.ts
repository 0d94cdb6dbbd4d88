// What a class's (re)joining device is sent beyond what every tissue room sends (TissueRoomBase.catchUp): the rounds
// so far (comparison chart), the lesson plan's status, for the teacher the sandbox's settings and the predictions'
// tally after a round, mid-round the round's history (live charts), and the quiz. Called by ClassroomRoom.catchUp.

import type { Client } from "@colyseus/core";
import { ClassroomServerMessage, roundHistory } from "../../../shared/net/classroom.ts";
import { LESSON_STATUS_MESSAGE } from "../../../shared/net/lessonPlans.ts";
import { PREDICTION_TALLY_MESSAGE } from "../../../shared/net/predictionWire.ts";
import { SANDBOX_SETTINGS_MESSAGE } from "../../../shared/net/sandboxControls.ts";
import { threatMetricOf } from "../../../shared/report/debrief.ts";
import { SANDBOX_SCENARIO_ID, sandboxSettings } from "../sandboxDesk.ts";
import type { ClassParts } from "./classParts.ts";

export function classCatchUp(c: ClassParts, client: Client): void {
  const teacher = c.teachers.has(client.sessionId);
  if (c.summaries.length) client.send(ClassroomServerMessage.rounds, c.summaries);
  if (c.lesson.status().plan) client.send(LESSON_STATUS_MESSAGE, c.lesson.status());
  if (teacher && c.state.scenarioId === SANDBOX_SCENARIO_ID) {
    client.send(SANDBOX_SETTINGS_MESSAGE, sandboxSettings({ params: c.facts.params, variant: c.roundSetup.variant }));
  }
  if (c.phase === "ended" && teacher) client.send(PREDICTION_TALLY_MESSAGE, c.predictions.tally(c.roster.order, c.facts.history));
  if (c.phase !== "lobby" && c.facts.history.length > 0) {
    client.send(ClassroomServerMessage.history, roundHistory(c.state.round, c.facts.history, undefined, threatMetricOf(c.facts)));
  }
  c.quiz.catchUp(client);
}
