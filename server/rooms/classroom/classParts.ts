// What the classroom's desks see of their room, one object built by ClassroomRoom.parts(): what a checkpoint reads
// (ClassInternals) plus the round, the phase, the desks, and the moves only the room can make (the base room's
// protected ones, its clients and broadcast). Read by teacherDesk.ts, roundEnd.ts, classCatchUp.ts, quizBook.ts.

import type { Client } from "@colyseus/core";
import type { RoleLedger } from "../../../shared/report/roleLedger.ts";
import type { ClassPhase, Round } from "../../../shared/round/index.ts";
import type { PredictionDesk } from "../predictionDesk.ts";
import type { ClassInternals } from "./classCheckpointer.ts";
import type { LessonDesk } from "./lessonDesk.ts";
import type { QuizBook } from "./quizBook.ts";
import type { SessionRecord } from "./sessionRecord.ts";
import type { WorldEdit } from "../model/worldEdits.ts";

export interface ClassParts extends ClassInternals {
  readonly phase: ClassPhase;
  /** The rules of the round being played (shared/round/Round.ts). */
  readonly round: Round;
  readonly quiz: QuizBook;
  readonly lesson: LessonDesk;
  readonly predictions: PredictionDesk;
  readonly ledger: RoleLedger;
  /** The class's results row (sessionRecord.ts). */
  readonly record: SessionRecord;
  /** Set once the teacher closed the class: nobody joins while the room disconnects everyone and closes. */
  closed: boolean;
  isHostSecret(secret: unknown): boolean;
  /** The message budget: whether one more message from this device may be acted on this second. */
  allow(sessionId: string): boolean;
  refuse(client: Client, message: string, error: string): void;
  /** The connected device with this session id. */
  client(sessionId: string): Client | undefined;
  /** To every device; with `afterNextPatch`, after the state patch that goes with it. */
  broadcast(type: string, payload: unknown, afterNextPatch?: boolean): void;
  /** A change to the world outside its steps (TissueRoomBase.editWorld: the model's thread makes it too). */
  editWorld(edit: WorldEdit): void;
  /** A new world for this round from roundSetup; seats stay (TissueRoomBase.startRound). */
  startRound(seed: number): void;
  /** A fresh world with the next seed, the same seats (TissueRoomBase.restartWorld). */
  restartWorld(): void;
  /** Drops the model's steps in flight, so that the round can be ended on the room's world (TissueRoomBase.stopModel). */
  stopModel(): void;
  /** The debrief, the predictions scored, the contrasts queued, then onRoundEnd (TissueRoomBase.endRound). */
  endRound(): void;
  /** Tells a removed student why, then closes their connection for good. */
  remove(client: Client): void;
  /** Joining locked or not: the state and the room's listing (not Colyseus' lock(), which would shut out the teacher). */
  setLocked(locked: boolean): void;
  /** Disconnects every device and closes the room. */
  disconnect(): void;
}
