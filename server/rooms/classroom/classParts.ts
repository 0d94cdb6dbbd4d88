// A class's own data and what its desks see of the room, one object (ClassroomRoom.c): the code, host secret,
// teachers, roster, rounds so far, held seats, quiz, lesson plan and results row, the room's state, seats, round and
// clock, and the moves only the room can make (TissueRoomBase's protected ones, handed over as BaseMoves; Colyseus'
// clients, broadcast and metadata). Read by teacherDesk.ts, teacherDoor.ts, roundEnd.ts, classCatchUp.ts, classAuth.ts,
// quizBook.ts, dashboard.ts, and by the checkpoint as ClassInternals (classCheckpointer.ts, resume.ts).

import type { WorldLook } from "../model/modelHost.ts";
import type { RoundFacts } from "../model/roundFacts.ts";
import type { Client } from "@colyseus/core";
import { ClassroomServerMessage, REMOVED_TEXT, type RoundSummary, type SessionInfo } from "../../../shared/net/classroom.ts";
import type { Speed } from "../../../shared/net/messages.ts";
import type { TissueState } from "../../../shared/net/TissueState.ts";
import type { BotSeats, CardClock, ClassPhase } from "../../../shared/round/index.ts";
import type { Difficulty } from "../../../shared/sim/index.ts";
import type { WorldEdit } from "../model/worldEdits.ts";
import type { PredictionDesk } from "../../../shared/report/predictionDesk.ts";
import type { RoundClock } from "../roundClock.ts";
import type { Seats } from "../seats.ts";
import type { RoundSetup, RoundSoFar } from "../TissueRoomBase.ts";
import type { ClassCheckpointer, ClassInternals } from "./classCheckpointer.ts";
import type { ClassRoster } from "./classRoster.ts";
import { classDashboard } from "./dashboard.ts";
import { FormerNames } from "./formerNames.ts";
import { HostSecret } from "./hostSecret.ts";
import { LessonDesk } from "./lessonDesk.ts";
import type { QuizBook } from "./quizBook.ts";
import { RoleChanges } from "./roleChanges.ts";
import { SeatHolds, type AllowReconnection } from "./seatHold.ts";
import { SessionRecord } from "./sessionRecord.ts";
import { WorldRebuilds } from "../worldRebuilds.ts";
import type { RoundInput } from "../../../shared/round/index.ts";

/** The room's public side, as Colyseus and TissueRoomBase give it (ClassroomRoom is one). */
export interface ClassRoomSide {
  readonly state: TissueState;
  readonly seats: Seats;
  readonly bots: BotSeats;
  /** What the room knows of its round from the model's answers (tick, outcome, history, live parameters). */
  readonly facts: RoundFacts;
  readonly roundClock: RoundClock;
  readonly difficulty: Difficulty;
  readonly phase: ClassPhase;
  readonly clients: { getById(sessionId: string): Client | undefined };
  broadcast(type: string, payload: unknown, options?: { afterNextPatch?: boolean }): void;
  setMetadata(meta: { locked: boolean }): Promise<void>;
  disconnect(): Promise<unknown>;
  allowReconnection: AllowReconnection;
  onLeave(client: Client): void;
  lookAtModel(): Promise<WorldLook | null>;
}

/** TissueRoomBase's protected parts, handed over by the room (ClassroomRoom.moves()). */
export interface BaseMoves {
  roundSetup: RoundSetup;
  cards: CardClock;
  readonly predictions: PredictionDesk;
  /** The message budget: whether one more message from this device may be acted on this second. */
  allow(sessionId: string): boolean;
  refuse(client: Client, message: string, error: string): void;
  roundSoFar(): RoundSoFar;
  resumeRound(so: RoundSoFar): number;
  setSpeed(speed: Speed): void;
  setPaused(paused: boolean): void;
  /** A change to the world outside its steps (the model's thread makes it too). */
  editWorld(edit: WorldEdit): void;
  /** A new world for this round from roundSetup; seats stay. */
  startRound(seed: number): void;
  /** A fresh world with the next seed, the same seats. */
  restartWorld(): void;
  /**
   * Ends the running round now (the teacher's end): the outcome judged at this tick, then the debrief, the predictions
   * scored, the contrasts queued and the room's onRoundEnd.
   */
  endNow(): void;
  /** The round's numbers copied into the state now (roundSync.ts). */
  syncRound(): void;
  /**
   * Something done to the Round outside a person's command (a dealt card): made where the Round lives (the model's
   * thread, TissueRoomBase.roundInput); a sentence now if refused at once, `refused` when the thread refuses it later.
   */
  roundInput(input: RoundInput, refused: (error: string) => void): string | null;
}

export class ClassParts implements ClassInternals {
  code = "";
  /** The teacher's proof (hostSecret.ts); made anew in the room's onCreate. */
  secret = new HostSecret(true);
  readonly teachers = new Set<string>();
  /** Seats the teacher removed: a device that names one as its former seat is told so instead of let in anew. */
  readonly removedSeats = new Set<string>();
  /** The students and the squads they command (made once the seats exist, in the room's onCreate). */
  roster!: ClassRoster;
  summaries: RoundSummary[] = [];
  roundStartedAt = new Date().toISOString();
  /** Seats kept for dropped devices, a student's for the whole round (seatHold.ts): a kick or the round's end releases them. */
  readonly holds: SeatHolds;
  /** Nicknames of let-go seats, given back to a device that joins again naming its former seat (formerNames.ts). */
  readonly formerNames = new FormerNames();
  /** The pre- and post-quiz (quizBook.ts); made once the code is known. */
  quiz!: QuizBook;
  /** Set once the teacher closed the class: nobody joins while the room disconnects everyone and closes. */
  closed = false;
  /** The lesson plan the class follows, if the teacher chose one. */
  readonly lesson = new LessonDesk();
  /** Keeps the class's checkpoint, so that it outlives a crash (classCheckpointer.ts); made in the room's onCreate. */
  checkpoints!: ClassCheckpointer;
  /** New rounds, scenarios and lesson steps, budgeted per class and per address (worldRebuilds.ts). */
  readonly rebuilds = new WorldRebuilds();
  /** Students moved to another role after the lobby, counted while the tissue stands still (roleChanges.ts). */
  readonly roleChanges = new RoleChanges();
  /** The class's results row, written with its first result (sessionRecord.ts). */
  readonly record = new SessionRecord(() => ({
    code: this.code, hostSecret: this.secret.raw, scenarioId: this.room.state.scenarioId,
  }));
  readonly room: ClassRoomSide;
  readonly base: BaseMoves;

  constructor(room: ClassRoomSide, base: BaseMoves) {
    this.room = room;
    this.base = base;
    this.holds = new SeatHolds((client, seconds) => room.allowReconnection(client, seconds));
  }

  get state(): TissueState { return this.room.state; }
  get seats(): Seats { return this.room.seats; }
  get bots(): BotSeats { return this.room.bots; }
  get facts(): RoundFacts { return this.room.facts; }
  get difficulty(): Difficulty { return this.room.difficulty; }
  get phase(): ClassPhase { return this.room.phase; }
  get speed(): Speed { return this.room.roundClock.speed; }
  get hostSecret(): string { return this.secret.raw; }
  get predictions(): PredictionDesk { return this.base.predictions; }
  get roundSetup(): RoundSetup { return this.base.roundSetup; }
  set roundSetup(v: RoundSetup) { this.base.roundSetup = v; }
  get cards(): CardClock { return this.base.cards; }
  set cards(v: CardClock) { this.base.cards = v; }
  roundSoFar(): RoundSoFar { return this.base.roundSoFar(); }
  lookAtModel(): Promise<WorldLook | null> { return this.room.lookAtModel(); }
  resumeRound(so: RoundSoFar): number { return this.base.resumeRound(so); }
  setSpeed(speed: Speed): void { this.base.setSpeed(speed); }
  setPaused(paused: boolean): void { this.base.setPaused(paused); }
  startRound(seed: number): void { this.base.startRound(seed); }
  /** The seat's device did not come back: as if it had left (its squads to a classmate or a bot). */
  leftForGood(id: string): void { this.room.onLeave({ sessionId: id } as Client); }
  isHostSecret(sent: unknown): boolean { return this.secret.matches(sent); }
  /** The connected device with this session id. */
  client(sessionId: string): Client | undefined { return this.room.clients.getById(sessionId); }

  /** To every device; with `afterNextPatch`, after the state patch that goes with it. */
  broadcast(type: string, payload: unknown, afterNextPatch = false): void {
    this.room.broadcast(type, payload, afterNextPatch ? { afterNextPatch: true } : {});
  }

  /** Joining locked or not: the state and the room's listing (not Colyseus' lock(), which would shut out the teacher). */
  setLocked(locked: boolean): void {
    this.state.locked = locked;
    void this.room.setMetadata({ locked });
  }

  /** Tells a removed student why, then closes their connection for good (a consented close: no reconnection). */
  remove(client: Client): void {
    client.send(ClassroomServerMessage.removed, { reason: REMOVED_TEXT });
    client.leave(4000);
  }

  /** The teacher's page gets the code, the secret and the join path (not a resumed class's until the secret is shown). */
  sendSession(client: Client): void {
    if (!this.secret.raw) return; // a resumed class until the secret is shown: the teacher's page has it
    const info: SessionInfo = { code: this.code, hostSecret: this.secret.raw, joinPath: `/?code=${this.code}` };
    client.send(ClassroomServerMessage.session, info);
  }

  /** The dashboard, to the teacher's connections only. */
  sendDashboard(): void {
    if (this.teachers.size === 0) return;
    const dashboard = classDashboard(this);
    for (const id of this.teachers) this.client(id)?.send(ClassroomServerMessage.dashboard, dashboard);
    this.quiz.flushGains();
  }
}
