// A classroom session: a teacher (with the host secret) and up to MAX_STUDENTS students who join by a 6-character
// code, get generated nicknames, are given roles in a lobby, then share each role's squads (a clone each) in rounds
// the teacher starts, pauses, speeds up and ends. Bots play roles no student has. Registered by server/app.ts as
// "classroom"; the round, clock and messages come from TissueRoomBase. This file is the door: create, auth,
// join/drop/leave, and a message table that checks each message and forwards it. The class's rules are
// shared/round's; the desks that carry them out on the room are in classroom/ (teacherDesk.ts, classRoster.ts, ...).

import type { Client } from "@colyseus/core";
import {
  ClassroomClientMessage, ClassroomServerMessage, MAX_STUDENTS, REMOVED_TEXT, checkTeacherAction,
  type ClassroomJoinOptions, type SessionInfo, type TeacherAction,
} from "../../shared/net/classroom.ts";
import { ClientMessage, type Debrief } from "../../shared/net/messages.ts";
import { QuizClientMessage } from "../../shared/net/quiz.ts";
import { LESSON_MESSAGE, LESSON_STATUS_MESSAGE, checkLessonAction } from "../../shared/net/lessonPlans.ts";
import { PREDICT_MESSAGE } from "../../shared/net/predictionWire.ts";
import { SANDBOX_MESSAGE, SANDBOX_SETTINGS_MESSAGE } from "../../shared/net/sandboxControls.ts";
import type { ClassPhase } from "../../shared/round/index.ts";
import type { Command, Difficulty } from "../../shared/sim/index.ts";
import { getResultsStore } from "../results/activeStore.ts";
import { SANDBOX_SCENARIO_ID, sandboxChange, splitSecret } from "./sandboxDesk.ts";
import { ClassAuth, classAtTheDoor } from "./classroom/classAuth.ts";
import { CHECKPOINT_EVERY_MS, ClassCheckpointer } from "./classroom/classCheckpointer.ts";
import { classCatchUp } from "./classroom/classCatchUp.ts";
import type { ClassParts } from "./classroom/classParts.ts";
import { ClassRoster } from "./classroom/classRoster.ts";
import { classDashboard, noteCommand } from "./classroom/dashboard.ts";
import { FormerNames } from "./classroom/formerNames.ts";
import { HostSecret } from "./classroom/hostSecret.ts";
import { claimJoinCode, releaseJoinCode } from "./classroom/joinCodes.ts";
import { LessonDesk } from "./classroom/lessonDesk.ts";
import { QuizBook, classQuizPort } from "./classroom/quizBook.ts";
import { heldTokens, restoreClass, skipRefIds, takeResume } from "./classroom/resume.ts";
import { classRoundEnded } from "./classroom/roundEnd.ts";
import type { roundSummary } from "./classroom/roundResults.ts";
import { guardSeats, SeatDoor, TEACHER_CONNECTIONS } from "./classroom/seatDoor.ts";
import { SeatHolds } from "./classroom/seatHold.ts";
import { checkClassroomOptions } from "./classroom/sessionOptions.ts";
import { SessionRecord } from "./classroom/sessionRecord.ts";
import { actAsTeacher, lessonRoom, sandboxRoom, teacherRebuilds } from "./classroom/teacherDesk.ts";
import { Il2SquadTugSync } from "./il2SquadTugSync.ts";
import { syncRound } from "./roundSync.ts";
import { TissueRoomBase } from "./TissueRoomBase.ts";
import { WorldRebuilds } from "./worldRebuilds.ts";

/** Milliseconds between two dashboards sent to the teacher. */
export const DASHBOARD_EVERY_MS = 2000;

export class ClassroomRoom extends TissueRoomBase {
  code = "";
  /** The teacher's proof (classroom/hostSecret.ts). */
  private secret!: HostSecret;
  private readonly teachers = new Set<string>();
  /** Seats the teacher removed: a device that names one as its former seat is told so instead of let in anew. */
  private readonly removedSeats = new Set<string>();
  /** The students and the squads they command (made once the seats exist, in onCreate). */
  private roster!: ClassRoster;
  private summaries: ReturnType<typeof roundSummary>[] = [];
  private roundStartedAt = new Date().toISOString();
  /** Seats kept for dropped devices, a student's for the whole round (classroom/seatHold.ts): a kick or the round's end releases them. */
  readonly holds = new SeatHolds((client, seconds) => this.allowReconnection(client, seconds));
  /** Nicknames of let-go seats, given back to a device that joins again naming its former seat (classroom/formerNames.ts). */
  private readonly formerNames = new FormerNames();
  private quiz!: QuizBook;
  /** Set once the teacher closed the class: nobody joins while the room disconnects everyone and closes. */
  closed = false;
  private readonly lesson = new LessonDesk();
  private readonly squadTug = new Il2SquadTugSync();
  /** Decides seat reservations before any device connects (classroom/seatDoor.ts), then who a device is (classAuth.ts). */
  private door!: SeatDoor;
  private auth!: ClassAuth;
  /** Keeps the class's checkpoint, so that it outlives a crash (classroom/classCheckpointer.ts, resume.ts). */
  private checkpoints!: ClassCheckpointer;
  /** New rounds, scenarios and lesson steps, budgeted per class and per address (worldRebuilds.ts). */
  private readonly rebuilds = new WorldRebuilds();
  /** The class's results row, written with its first result (classroom/sessionRecord.ts). */
  private readonly record = new SessionRecord(() => ({ code: this.code, hostSecret: this.secret.raw, scenarioId: this.state.scenarioId }));
  /** What the desks in classroom/ see of this room. */
  private readonly c: ClassParts = this.parts();

  get difficulty(): Difficulty {
    return "normal";
  }

  get phase(): ClassPhase {
    return this.state.phase as ClassPhase;
  }

  override async onCreate(options: unknown): Promise<void> {
    const resume = takeResume(options); // a class brought back after a restart (classroom/resume.ts)
    if (resume) skipRefIds(this, resume);
    const checked = checkClassroomOptions(resume ? { mode: "classroom" } : options);
    if (!checked.ok) throw new Error(checked.error);
    // Not a code with saved results either: its CSV link must keep meaning that earlier class.
    this.code = resume?.code ?? await claimJoinCode((code) => getResultsStore().hasSession(code));
    this.roomId = this.code;
    this.secret = new HostSecret(resume !== null, resume?.hostSecretHash ?? null);
    this.maxClients = MAX_STUDENTS + TEACHER_CONNECTIONS;
    this.door = new SeatDoor(classAtTheDoor(this.c));
    this.auth = new ClassAuth(classAtTheDoor(this.c), (id) => this.door.isCreator(id), resume !== null);
    guardSeats(this, this.door);
    if (resume) this.door.noCreator();
    void this.setPrivate(true); // never found by join/joinOrCreate: only by its code
    this.roundSetup = { scenarioId: checked.value.scenarioId, days: checked.value.days };
    this.state.mode = "classroom";
    this.state.phase = "lobby";
    this.state.code = this.code;
    this.state.seatHoldMinutes = this.holds.choose(checked.value.seatHoldMinutes); // the teacher's choice (classroom/seatHold.ts)
    this.quiz = new QuizBook(classQuizPort(this.c));
    // The message table: each handler checks at the door (budget, shape, host secret) and forwards.
    this.onMessage(ClassroomClientMessage.teacher, (client, payload) => this.onTeacher(client, payload));
    this.onMessage(QuizClientMessage.answer, (client, payload) => this.quiz.answer(client, payload));
    this.onMessage(QuizClientMessage.teacher, (client, payload) => this.quiz.teacher(client, payload));
    this.onMessage(LESSON_MESSAGE, (client, payload) => this.onLesson(client, payload));
    this.onMessage(SANDBOX_MESSAGE, (client, payload) => this.onSandbox(client, payload));
    this.setUpRoom([ClientMessage.command, ClientMessage.inspect, ClassroomClientMessage.teacher, QuizClientMessage.answer, QuizClientMessage.teacher, LESSON_MESSAGE, PREDICT_MESSAGE, SANDBOX_MESSAGE]);
    this.roster = new ClassRoster(this.seats, this.bots, this.difficulty, (edit) => this.editWorld(edit));
    this.startRound(Math.floor(Math.random() * 0x1_0000_0000));
    this.clock.setInterval(() => this.sendDashboard(), DASHBOARD_EVERY_MS);
    this.checkpoints = new ClassCheckpointer(this.c, this.secret.resumedHash, resume ? heldTokens(resume) : []);
    this.clock.setInterval(() => this.checkpoints.tick(), CHECKPOINT_EVERY_MS);
    if (resume) console.log(restoreClass(this.c, resume));
  }

  /** Whether `secret` is this class's host secret (for the HTTP door before the class has a results row). */
  hostSecretMatches(secret: unknown): boolean {
    return this.isHostSecret(secret);
  }

  /** The per-squad IL-2 tug-of-war, written with the rest of the HUD before each patch (il2SquadTugSync.ts). */
  override onBeforePatch(): void {
    if (!this.world) return; // onCreate still awaiting its join code (see TissueRoomBase.onBeforePatch)
    super.onBeforePatch();
    this.squadTug.sync(this.state.hud, this.world, this.ledger);
  }

  /** Why a seat reservation with these join options would be refused now, or null (see classroom/seatDoor.ts). */
  seatRefusal(options: unknown): string | null {
    return this.door.refusal(options);
  }

  override onAuth(client: Client, options: unknown): boolean {
    return this.auth.admit(client.sessionId, options);
  }

  override onJoin(client: Client, options?: ClassroomJoinOptions): void {
    const id = client.sessionId, kind = this.auth.take(id);
    this.door.release(id);
    if (kind === "teacher") this.teachers.add(id);
    else {
      this.roster.admit(id, this.formerNames.take(options?.formerSeat, (n) => this.roster.order.some((s) => this.seats.nameOf(s) === n)));
      if (this.phase !== "lobby") this.roster.seatInPlay(id);
    }
    this.welcome(client);
  }

  override onDrop(client: Client): void {
    this.seats.setConnected(client.sessionId, false);
    // A student's seat is held for the round; a teacher's device for the short wait (the teacher also has the secret).
    this.holds.hold(client, this.teachers.has(client.sessionId) ? this.reconnectSeconds : undefined);
    this.sendDashboard();
  }

  override onReconnect(client: Client): void {
    this.holds.forget(client.sessionId);
    // Removed while away (a wait not cancelled in time): no seat is left, so closed at once, before any state is given back.
    if (!this.teachers.has(client.sessionId) && !this.roster.isStudent(client.sessionId)) return this.remove(client);
    this.seats.setConnected(client.sessionId, true);
    this.welcome(client);
  }

  /** A device (back) in the class: a teacher's gets the session; each the catch-up; the dashboard and checkpoint follow. */
  private welcome(client: Client): void {
    if (this.teachers.has(client.sessionId)) this.sendSession(client);
    this.catchUp(client);
    this.sendDashboard();
    this.checkpoints.device(client);
  }

  /** Left for good (or did not come back in time): a student's squads pass to a classmate of the same role, or a bot. */
  override onLeave(client: Client): void {
    this.checkpoints.gone(client.sessionId);
    this.holds.forget(client.sessionId);
    this.budget.forget(client.sessionId);
    this.auth.forget(client.sessionId);
    this.door.release(client.sessionId);
    if (this.teachers.delete(client.sessionId)) return;
    if (!this.removedSeats.has(client.sessionId)) this.formerNames.remember(client.sessionId, this.seats.nameOf(client.sessionId));
    this.roster.vacate(client.sessionId, this.world, this.phase);
  }

  override onDispose(): void {
    super.onDispose();
    this.checkpoints?.disposed();
    releaseJoinCode(this.code);
  }

  /** A (re)joining device also gets the class's own catch-up (classroom/classCatchUp.ts). */
  protected override catchUp(client: Client): void {
    super.catchUp(client);
    classCatchUp(this.c, client);
  }

  protected override running(): boolean {
    return this.phase === "playing";
  }

  protected override commandBlocked(): string | null {
    return this.phase === "lobby" ? "the round has not started yet: wait for your teacher" : null;
  }

  protected override onCommandAccepted(client: Client, command: Command): void {
    noteCommand(this.roster.activity.get(client.sessionId), command, this.world);
  }

  protected override onRoundEnd(debrief: Debrief): void {
    classRoundEnded(this.c, debrief);
  }

  /** Saves the class's checkpoint now (the server draining keeps an ended round: classroom/drainRound.ts). */
  keepCheckpoint(): void {
    this.checkpoints.changed();
    this.checkpoints.save();
  }

  /** The session's rounds so far (what `rounds` last sent). */
  get rounds(): readonly ReturnType<typeof roundSummary>[] {
    return this.summaries;
  }

  /** Carries out one teacher action (classroom/teacherDesk.ts); a sentence when it cannot be done now. */
  act(a: TeacherAction): string | null {
    return actAsTeacher(this.c, a);
  }

  private onTeacher(client: Client, payload: unknown): void {
    const checked = checkTeacherAction(payload);
    if (!checked.ok) return this.refuse(client, ClassroomClientMessage.teacher, checked.error);
    if (!this.isHostSecret(checked.value.secret)) return this.refuse(client, ClassroomClientMessage.teacher, "only the teacher can do that: the host secret does not match");
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, ClassroomClientMessage.teacher, "too many actions: wait a second");
    const a = checked.value.action;
    const error = this.rebuilds.guard(client, teacherRebuilds(a, this), () => this.act(a));
    if (error) return this.refuse(client, ClassroomClientMessage.teacher, error);
    this.afterTeacher();
  }

  /** The teacher's lesson plan: use one, set up its next round (lessonDesk.ts); every device is told the plan's round. */
  private onLesson(client: Client, payload: unknown): void {
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, LESSON_MESSAGE, "too many messages: wait a second");
    const checked = checkLessonAction(payload);
    if (!checked.ok) return this.refuse(client, LESSON_MESSAGE, checked.error);
    if (!this.isHostSecret(checked.value.secret)) return this.refuse(client, LESSON_MESSAGE, "only the teacher can do that: the host secret does not match");
    const a = checked.value.action;
    const error = this.rebuilds.guard(client, this.lesson.rebuilds(a), () => this.lesson.act(a, lessonRoom(this.c)));
    if (error) return this.refuse(client, LESSON_MESSAGE, error);
    this.broadcast(LESSON_STATUS_MESSAGE, this.lesson.status());
    this.afterTeacher();
  }

  /** A class's sandbox: the teacher's sliders and therapy buttons (sandboxDesk.ts), with the host secret. */
  private onSandbox(client: Client, payload: unknown): void {
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, SANDBOX_MESSAGE, "too many changes: wait a second");
    const { secret, rest } = splitSecret(payload);
    if (!this.isHostSecret(secret)) return this.refuse(client, SANDBOX_MESSAGE, "only the teacher can change the sandbox: the host secret does not match");
    if (this.state.scenarioId !== SANDBOX_SCENARIO_ID) return this.refuse(client, SANDBOX_MESSAGE, "the controls work in the sandbox scenario only");
    const r = sandboxChange(sandboxRoom(this.c), rest);
    if (!r.ok) return this.refuse(client, SANDBOX_MESSAGE, r.error);
    for (const id of this.teachers) this.clients.getById(id)?.send(SANDBOX_SETTINGS_MESSAGE, r.settings);
  }

  /** After a teacher's or lesson action: the checkpoint is due, the round's numbers copied, the dashboard sent. */
  private afterTeacher(): void {
    this.checkpoints.changed();
    syncRound(this.state, this.world, this.roundClock, this.cards);
    this.sendDashboard();
  }

  /** Tells a removed student why, then closes their connection for good (a consented close: no reconnection). */
  private remove(client: Client): void {
    client.send(ClassroomServerMessage.removed, { reason: REMOVED_TEXT });
    client.leave(4000);
  }

  private sendSession(client: Client): void {
    if (!this.secret.raw) return; // a resumed class until the secret is shown: the teacher's page has it
    const info: SessionInfo = { code: this.code, hostSecret: this.secret.raw, joinPath: `/?code=${this.code}` };
    client.send(ClassroomServerMessage.session, info);
  }

  /** The dashboard, to the teacher's connections only. */
  sendDashboard(): void {
    if (this.teachers.size === 0) return;
    const dashboard = classDashboard(this.c);
    for (const id of this.teachers) this.clients.getById(id)?.send(ClassroomServerMessage.dashboard, dashboard);
    this.quiz.flushGains();
  }

  private isHostSecret(sent: unknown): boolean {
    return this.secret.matches(sent);
  }

  /** What the desks in classroom/ see of this room (classroom/classParts.ts): built once, read live. */
  private parts(): ClassParts {
    const room = this;
    return {
      get code() { return room.code; }, get state() { return room.state; }, get seats() { return room.seats; },
      get bots() { return room.bots; }, get roster() { return room.roster; }, get round() { return room.round; },
      get teachers() { return room.teachers; }, get removedSeats() { return room.removedSeats; }, get holds() { return room.holds; },
      get summaries() { return room.summaries; }, get difficulty() { return room.difficulty; }, get phase() { return room.phase; },
      get world() { return room.world; }, get speed() { return room.roundClock.speed; }, get hostSecret() { return room.secret.raw; },
      get quiz() { return room.quiz; }, get lesson() { return room.lesson; }, get record() { return room.record; },
      get predictions() { return room.predictions; }, get ledger() { return room.ledger; },
      get closed() { return room.closed; }, set closed(v) { room.closed = v; },
      get roundStartedAt() { return room.roundStartedAt; }, set roundStartedAt(v) { room.roundStartedAt = v; },
      get roundSetup() { return room.roundSetup; }, set roundSetup(v) { room.roundSetup = v; },
      get cards() { return room.cards; }, set cards(v) { room.cards = v; },
      roundSoFar: () => this.roundSoFar(),
      resumeRound: (so) => this.resumeRound(so),
      setSpeed: (speed) => this.setSpeed(speed),
      setPaused: (paused) => this.setPaused(paused),
      leftForGood: (id) => this.onLeave({ sessionId: id } as Client),
      isHostSecret: (secret) => this.isHostSecret(secret),
      allow: (id) => this.budget.allow(id),
      refuse: (client, message, error) => this.refuse(client, message, error),
      client: (id) => this.clients.getById(id),
      broadcast: (type, payload, afterNextPatch) => this.broadcast(type, payload, afterNextPatch ? { afterNextPatch: true } : {}),
      editWorld: (edit) => this.editWorld(edit),
      startRound: (seed) => this.startRound(seed),
      restartWorld: () => this.restartWorld(),
      stopModel: () => this.stopModel(),
      endRound: () => this.endRound(),
      remove: (client) => this.remove(client),
      setLocked: (locked) => { this.state.locked = locked; void this.setMetadata({ locked }); },
      disconnect: () => void this.disconnect(),
    };
  }
}
