// A classroom session: a teacher (with the host secret) and up to MAX_STUDENTS students who join by a 6-character
// code, get generated nicknames, are given roles in a lobby, then share each role's squads (a clone each) in rounds
// the teacher starts, pauses, speeds up and ends. Bots play roles no student has. Registered by server/app.ts as
// "classroom"; the round, clock and messages come from TissueRoomBase. This file is the adapter: create, auth,
// join/drop/leave, and a message table whose entries check at the door and forward. The class's rules are
// shared/round's; its data and the desks that carry the rules out are in classroom/ (classParts.ts, teacherDesk.ts).

import type { RoundEnding } from "../../shared/report/roundEnding.ts";
import type { Client } from "@colyseus/core";
import {
  ClassroomClientMessage, MAX_STUDENTS, type ClassroomJoinOptions, type RoundSummary, type TeacherAction,
} from "../../shared/net/classroom.ts";
import { ClientMessage, type Debrief } from "../../shared/net/messages.ts";
import { QuizClientMessage } from "../../shared/net/quiz.ts";
import { LESSON_MESSAGE } from "../../shared/net/lessonPlans.ts";
import { PREDICT_MESSAGE } from "../../shared/net/predictionWire.ts";
import { SANDBOX_MESSAGE } from "../../shared/net/sandboxControls.ts";
import { classCommandRefusal, roundRuns, type ClassPhase } from "../../shared/round/index.ts";
import type { Command, Difficulty } from "../../shared/sim/index.ts";
import { getResultsStore } from "../results/activeStore.ts";
import { ClassAuth, classAtTheDoor } from "./classroom/classAuth.ts";
import { CHECKPOINT_EVERY_MS, ClassCheckpointer } from "./classroom/classCheckpointer.ts";
import { classCatchUp } from "./classroom/classCatchUp.ts";
import { ClassParts, type BaseMoves } from "./classroom/classParts.ts";
import { ClassRoster } from "./classroom/classRoster.ts";
import { noteCommand } from "./classroom/dashboard.ts";
import { HostSecret } from "./classroom/hostSecret.ts";
import { claimJoinCode, releaseJoinCode } from "./classroom/joinCodes.ts";
import { QuizBook, classQuizPort } from "./classroom/quizBook.ts";
import { heldTokens, restoreClass, restoreQuiz, skipRefIds, takeResume } from "./classroom/resume.ts";
import { classRoundEnded } from "./classroom/roundEnd.ts";
import { guardSeats, SeatDoor, TEACHER_CONNECTIONS } from "./classroom/seatDoor.ts";
import type { SeatHolds } from "./classroom/seatHold.ts";
import { checkClassroomOptions } from "./classroom/sessionOptions.ts";
import { actAsTeacher } from "./classroom/teacherDesk.ts";
import { lessonMessage, sandboxMessage, teacherMessage } from "./classroom/teacherDoor.ts";
import { Il2SquadTugSync } from "./il2SquadTugSync.ts";
import { TissueRoomBase } from "./TissueRoomBase.ts";

/** Milliseconds between two dashboards sent to the teacher. */
export const DASHBOARD_EVERY_MS = 2000;

export class ClassroomRoom extends TissueRoomBase {
  /** The class's own data and what its desks see of this room (classroom/classParts.ts). */
  private readonly c = new ClassParts(this, this.moves());
  private readonly squadTug = new Il2SquadTugSync();
  /** Decides seat reservations before any device connects (classroom/seatDoor.ts), then who a device is (classAuth.ts). */
  private door!: SeatDoor;
  private auth!: ClassAuth;

  get code(): string { return this.c.code; }
  get closed(): boolean { return this.c.closed; }
  /** Seats kept for dropped devices (classroom/seatHold.ts). */
  get holds(): SeatHolds { return this.c.holds; }
  /** The class's checkpoint keeper (classroom/classCheckpointer.ts; tests read it). */
  private get checkpoints(): ClassCheckpointer { return this.c.checkpoints; }
  /** The session's rounds so far (what `rounds` last sent). */
  get rounds(): readonly RoundSummary[] { return this.c.summaries; }
  get difficulty(): Difficulty { return "normal"; }
  get phase(): ClassPhase { return this.state.phase as ClassPhase; }

  override async onCreate(options: unknown): Promise<void> {
    const resume = takeResume(options); // a class brought back after a restart (classroom/resume.ts)
    if (resume) skipRefIds(this, resume);
    const checked = checkClassroomOptions(resume ? { mode: "classroom" } : options);
    if (!checked.ok) throw new Error(checked.error);
    // Not a code with saved results either: its CSV link must keep meaning that earlier class.
    this.c.code = resume?.code ?? await claimJoinCode((code) => getResultsStore().hasSession(code));
    this.roomId = this.c.code;
    this.c.secret = new HostSecret(resume !== null, resume?.hostSecretHash ?? null);
    this.maxClients = MAX_STUDENTS + TEACHER_CONNECTIONS;
    this.door = new SeatDoor(classAtTheDoor(this.c));
    this.auth = new ClassAuth(classAtTheDoor(this.c), (id) => this.door.isCreator(id), resume !== null);
    guardSeats(this, this.door);
    if (resume) this.door.noCreator();
    void this.setPrivate(true); // never found by join/joinOrCreate: only by its code
    this.roundSetup = { scenarioId: checked.value.scenarioId, days: checked.value.days };
    this.state.mode = "classroom";
    this.state.phase = "lobby";
    this.state.code = this.c.code;
    this.state.seatHoldMinutes = this.holds.choose(checked.value.seatHoldMinutes); // the teacher's choice (classroom/seatHold.ts)
    const quiz = (this.c.quiz = new QuizBook(classQuizPort(this.c)));
    // The message table: each entry checks at the door (shape, host secret, budget) and forwards.
    this.onMessage(ClassroomClientMessage.teacher, (client, payload) => teacherMessage(this.c, client, payload));
    this.onMessage(QuizClientMessage.answer, (client, payload) => quiz.answer(client, payload));
    this.onMessage(QuizClientMessage.teacher, (client, payload) => quiz.teacher(client, payload));
    this.onMessage(LESSON_MESSAGE, (client, payload) => lessonMessage(this.c, client, payload));
    this.onMessage(SANDBOX_MESSAGE, (client, payload) => sandboxMessage(this.c, client, payload));
    this.setUpRoom([
      ClientMessage.command, ClientMessage.inspect, ClassroomClientMessage.teacher, QuizClientMessage.answer,
      QuizClientMessage.teacher, LESSON_MESSAGE, PREDICT_MESSAGE, SANDBOX_MESSAGE,
    ]);
    this.c.roster = new ClassRoster(this.seats, this.bots, this.difficulty, (edit) => this.editWorld(edit), () => this.c.formerNames.keptNames());
    this.startRound(Math.floor(Math.random() * 0x1_0000_0000));
    this.clock.setInterval(() => this.sendDashboard(), DASHBOARD_EVERY_MS);
    this.c.checkpoints = new ClassCheckpointer(this.c, this.c.secret.resumedHash, resume ? heldTokens(resume) : []);
    this.clock.setInterval(() => this.checkpoints.tick(), CHECKPOINT_EVERY_MS);
    if (resume) {
      console.log(restoreClass(this.c, resume));
      await restoreQuiz(this.c, resume, getResultsStore()); // before any device is let in
    }
  }

  /** Whether `secret` is this class's host secret (for the HTTP door before the class has a results row). */
  hostSecretMatches(secret: unknown): boolean { return this.c.isHostSecret(secret); }

  /** The per-squad IL-2 tug-of-war, written with the rest of the HUD before each patch (il2SquadTugSync.ts). */
  override onBeforePatch(): void {
    if (!this.facts.scenario) return; // onCreate still awaiting its join code: no round yet
    super.onBeforePatch();
    this.squadTug.sync(this.state.hud, this.squadCapture);
  }

  /** Why a seat reservation with these join options would be refused now, or null (see classroom/seatDoor.ts). */
  seatRefusal(options: unknown): string | null { return this.door.refusal(options); }

  override onAuth(client: Client, options: unknown): boolean { return this.auth.admit(client.sessionId, options); }

  override onJoin(client: Client, options?: ClassroomJoinOptions): void {
    const id = client.sessionId, kind = this.auth.take(id), { roster, seats } = this.c;
    this.door.release(id);
    if (kind === "teacher") this.c.teachers.add(id);
    else {
      const back = this.c.formerNames.take(options?.formerSeat, options?.seatProof, (n) => roster.order.some((s) => seats.nameOf(s) === n));
      roster.admit(id, back.name);
      if (back.proven) this.c.quiz.seatReturned(options!.formerSeat!, id); // their quiz sheet, even under a new nickname
      this.c.formerNames.token(id, this.tokenOf(client));
      if (this.phase !== "lobby") roster.seatInPlay(id);
    }
    this.welcome(client);
  }

  override onDrop(client: Client): void {
    this.seats.setConnected(client.sessionId, false);
    // A student's seat is held for the round; a teacher's device for the short wait (the teacher also has the secret).
    this.holds.hold(client, this.c.teachers.has(client.sessionId) ? this.reconnectSeconds : undefined);
    this.sendDashboard();
  }

  override onReconnect(client: Client): void {
    this.holds.forget(client.sessionId);
    // Removed while away (a wait not cancelled in time): no seat is left, so closed at once, before any state is given back.
    if (!this.c.teachers.has(client.sessionId) && !this.c.roster.isStudent(client.sessionId)) return this.c.remove(client);
    this.seats.setConnected(client.sessionId, true);
    if (this.c.roster.isStudent(client.sessionId)) this.c.formerNames.token(client.sessionId, this.tokenOf(client));
    this.welcome(client);
  }

  /** The reconnection token as the device holds it (the SDK's "roomId:token"): its proof of a seat (formerNames.ts). */
  private tokenOf(client: Client): string {
    return `${this.roomId}:${client.reconnectionToken}`;
  }

  /** A device (back) in the class: a teacher's gets the session; each the catch-up; the dashboard and checkpoint follow. */
  private welcome(client: Client): void {
    if (this.c.teachers.has(client.sessionId)) this.c.sendSession(client);
    this.catchUp(client);
    this.sendDashboard();
    this.checkpoints.device(client);
  }

  /** Left for good (or did not come back in time): a student's squads pass to a classmate of the same role, or a bot. */
  override onLeave(client: Client): void {
    const id = client.sessionId;
    this.checkpoints.gone(id);
    this.holds.forget(id);
    this.budget.forget(id);
    this.microscope.forget(id);
    this.auth.forget(id);
    this.door.release(id);
    if (this.c.teachers.delete(id)) return;
    if (this.c.removedSeats.has(id)) this.c.formerNames.drop(id);
    else this.c.formerNames.remember(id, this.seats.nameOf(id));
    this.c.roster.vacate(id, this.facts, this.phase);
  }

  override onDispose(): void {
    super.onDispose();
    this.c.checkpoints?.disposed();
    releaseJoinCode(this.c.code);
  }

  /** A (re)joining device also gets the class's own catch-up (classroom/classCatchUp.ts). */
  protected override catchUp(client: Client): void {
    super.catchUp(client);
    classCatchUp(this.c, client);
  }

  protected override running(): boolean { return roundRuns(this.phase); }

  protected override commandBlocked(): string | null { return classCommandRefusal(this.phase); }

  protected override onCommandAccepted(client: Client, command: Command): void {
    noteCommand(this.c.roster.activity.get(client.sessionId), command, this.facts);
  }

  protected override onRoundEnd(debrief: Debrief, ending: RoundEnding): void { classRoundEnded(this.c, debrief, ending); }

  /** Saves the class's checkpoint now (the server draining keeps an ended round: classroom/drainRound.ts). */
  keepCheckpoint(): void {
    this.checkpoints.changed();
    this.checkpoints.save();
  }

  /** Carries out one teacher action (classroom/teacherDesk.ts); a sentence when it cannot be done now. */
  act(a: TeacherAction): string | null { return actAsTeacher(this.c, a); }

  /** The dashboard, to the teacher's connections only. */
  sendDashboard(): void { this.c.sendDashboard(); }

  /** TissueRoomBase's protected parts, for the class's desks (classroom/classParts.ts). */
  private moves(): BaseMoves {
    const room = this;
    return {
      get roundSetup() { return room.roundSetup; }, set roundSetup(v) { room.roundSetup = v; },
      get cards() { return room.cards; }, set cards(v) { room.cards = v; },
      get predictions() { return room.predictions; },
      allow: (id) => this.budget.allow(id),
      refuse: (client, message, error) => this.refuse(client, message, error),
      roundSoFar: () => this.roundSoFar(),
      resumeRound: (so) => this.resumeRound(so),
      setSpeed: (speed) => this.setSpeed(speed),
      setPaused: (paused) => this.setPaused(paused),
      editWorld: (edit) => this.editWorld(edit),
      startRound: (seed) => this.startRound(seed),
      restartWorld: () => this.restartWorld(),
      endNow: () => this.endNow(),
      syncRound: () => this.syncShown(),
      roundInput: (input, refused) => this.roundInput(input, refused),
    };
  }
}
