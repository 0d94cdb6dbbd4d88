// A classroom session: a teacher (with the host secret) and up to MAX_STUDENTS students who join by a 6-character
// code, get generated nicknames, are given roles in a lobby, then share each role's squads (a clone each) in rounds
// the teacher starts, pauses, speeds up and ends. Bots play roles no student has. Registered by server/app.ts as
// "classroom"; the round (shared/round), clock and messages come from TissueRoomBase, the students and their squads
// from classroom/classRoster.ts; this file holds the door, the teacher's actions and the round's phases.

import type { Client } from "@colyseus/core";
import {
  CLASS_CLOSED_TEXT, ClassroomClientMessage, ClassroomServerMessage, MAX_STUDENTS, REMOVED_TEXT, checkTeacherAction, roundHistory,
  type ClassClosed, type ClassroomJoinOptions, type SessionInfo, type TeacherAction,
} from "../../shared/net/classroom.ts";
import { threatMetricOf } from "../../shared/report/debrief.ts";
import { ClientMessage, type Debrief } from "../../shared/net/messages.ts";
import { QuizClientMessage } from "../../shared/net/quiz.ts";
import { dayOf, type Command, type Difficulty } from "../../shared/sim/index.ts";
import { getResultsStore } from "../results/activeStore.ts";
import { PREDICTION_TALLY_MESSAGE } from "../../shared/net/predictionWire.ts";
import { LESSON_MESSAGE, LESSON_STATUS_MESSAGE, checkLessonAction } from "../../shared/net/lessonPlans.ts";
import { PREDICT_MESSAGE } from "../../shared/net/predictionWire.ts";
import { LessonDesk } from "./classroom/lessonDesk.ts";
import { SANDBOX_MESSAGE, SANDBOX_SETTINGS_MESSAGE } from "../../shared/net/sandboxControls.ts";
import { SANDBOX_SCENARIO_ID, sandboxChange, sandboxSettings, splitSecret } from "./sandboxDesk.ts";
import { ClassRoster } from "./classroom/classRoster.ts";
import { buildDashboard, describeCommand } from "./classroom/dashboard.ts";
import { claimJoinCode, newHostSecret, releaseJoinCode, secretMatches } from "./classroom/joinCodes.ts";
import { QuizBook } from "./classroom/quizBook.ts";
import { guardSeats, SeatDoor, TEACHER_CONNECTIONS } from "./classroom/seatDoor.ts";
import { roundRecord, roundSummary } from "./classroom/roundResults.ts";
import { checkClassroomOptions } from "./classroom/sessionOptions.ts";
import { SessionRecord } from "./classroom/sessionRecord.ts";
import { WorldRebuilds } from "./worldRebuilds.ts";
import { autoBalance } from "./classroom/squadSplit.ts";
import { syncRound } from "./roundSync.ts";
import { TissueRoomBase } from "./TissueRoomBase.ts";
import { CHECKPOINT_EVERY_MS, ClassCheckpointer, type ClassInternals } from "./classroom/classCheckpointer.ts";
import { heldTokens, provesSecret, restoreClass, skipRefIds, takeResume } from "./classroom/resume.ts";
import { Il2SquadTugSync } from "./il2SquadTugSync.ts";
import { SEAT_RELEASED_TEXT, SeatHolds } from "./classroom/seatHold.ts";
import { FormerNames } from "./classroom/formerNames.ts";

/** Milliseconds between two dashboards sent to the teacher. */
export const DASHBOARD_EVERY_MS = 2000;

export class ClassroomRoom extends TissueRoomBase {
  code = "";
  private hostSecret = "";
  /** Set once the creator (the teacher) has been let in: after that the secret is needed to be the teacher. */
  private teacherClaimed = false;
  private readonly teachers = new Set<string>();
  /** Let in by onAuth, not yet joined: counted against the class size so 30 joins at once cannot overfill it. */
  private readonly reserved = new Map<string, "teacher" | "student">();
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
  /** The pre- and post-quiz (classroom/quizBook.ts). */
  private quiz!: QuizBook;
  /** Set once the teacher closed the class: nobody joins while the room disconnects everyone and closes. */
  closed = false;
  /** The lesson plan the class follows, if the teacher chose one. */
  private readonly lesson = new LessonDesk();
  private readonly squadTug = new Il2SquadTugSync();
  /** Decides seat reservations before any device connects (classroom/seatDoor.ts). */
  private door!: SeatDoor;
  /** Keeps the class's checkpoint, so that it outlives a crash (classroom/classCheckpointer.ts, resume.ts). */
  private checkpoints!: ClassCheckpointer;
  /** A resumed class keeps only its secret's hash until the teacher shows the secret. */
  private resumedHash: string | null = null;
  /** New rounds, scenarios and lesson steps, budgeted per class and per address (worldRebuilds.ts). */
  private readonly rebuilds = new WorldRebuilds();
  /** The class's results row, written with its first result (classroom/sessionRecord.ts). */
  private readonly record = new SessionRecord(() => ({ code: this.code, hostSecret: this.hostSecret, scenarioId: this.state.scenarioId }));

  get difficulty(): Difficulty {
    return "normal";
  }

  get phase(): string {
    return this.state.phase;
  }

  override async onCreate(options: unknown): Promise<void> {
    const resume = takeResume(options); // a class brought back after a restart (classroom/resume.ts)
    if (resume) skipRefIds(this, resume);
    const checked = checkClassroomOptions(resume ? { mode: "classroom" } : options);
    if (!checked.ok) throw new Error(checked.error);
    // Not a code with saved results either: its CSV link must keep meaning that earlier class.
    this.code = resume?.code ?? await claimJoinCode((code) => getResultsStore().hasSession(code));
    this.roomId = this.code;
    this.hostSecret = resume ? "" : newHostSecret();
    this.resumedHash = resume?.hostSecretHash ?? null;
    this.teacherClaimed = resume !== null;
    this.maxClients = MAX_STUDENTS + TEACHER_CONNECTIONS;
    this.door = new SeatDoor({
      closed: () => this.closed,
      locked: () => this.state.locked,
      lateJoinClosed: () => this.phase !== "lobby" && !this.state.lateJoin,
      students: () => this.seats.people().length,
      teachers: () => this.teachers.size,
      isHostSecret: (secret) => this.isHostSecret(secret),
      removed: (seat) => typeof seat === "string" && this.removedSeats.has(seat),
    });
    guardSeats(this, this.door);
    if (resume) this.door.noCreator();
    void this.setPrivate(true); // never found by join/joinOrCreate: only by its code
    this.roundSetup = { scenarioId: checked.value.scenarioId, days: checked.value.days };
    this.state.mode = "classroom";
    this.state.phase = "lobby";
    this.state.code = this.code;
    this.state.seatHoldMinutes = this.holds.choose(checked.value.seatHoldMinutes); // the teacher's choice (classroom/seatHold.ts)
    this.onMessage(ClassroomClientMessage.teacher, (client, payload) => this.onTeacher(client, payload));
    this.quiz = this.makeQuiz();
    this.onMessage(QuizClientMessage.answer, (client, payload) => this.quiz.answer(client, payload));
    this.onMessage(QuizClientMessage.teacher, (client, payload) => this.quiz.teacher(client, payload));
    this.onMessage(LESSON_MESSAGE, (client, payload) => this.onLesson(client, payload));
    this.onMessage(SANDBOX_MESSAGE, (client, payload) => this.onSandbox(client, payload));
    this.setUpRoom([ClientMessage.command, ClientMessage.inspect, ClassroomClientMessage.teacher, QuizClientMessage.answer, QuizClientMessage.teacher, LESSON_MESSAGE, PREDICT_MESSAGE, SANDBOX_MESSAGE]);
    this.roster = new ClassRoster(this.seats, this.bots, this.difficulty, (edit) => this.editWorld(edit));
    this.startRound(Math.floor(Math.random() * 0x1_0000_0000));
    this.clock.setInterval(() => this.sendDashboard(), DASHBOARD_EVERY_MS);
    this.checkpoints = new ClassCheckpointer(this.internals(), this.resumedHash, resume ? heldTokens(resume) : []);
    this.clock.setInterval(() => this.checkpoints.tick(), CHECKPOINT_EVERY_MS);
    if (resume) console.log(restoreClass(this.internals(), resume));
  }

  /** Whether `secret` is this class's host secret (for the HTTP door before the class has a results row). */
  hostSecretMatches(secret: unknown): boolean {
    return this.isHostSecret(secret);
  }

  /** The per-squad IL-2 tug-of-war, written with the rest of the HUD before each patch (il2SquadTugSync.ts). */
  override onBeforePatch(): void {
    if (!this.world) return; // onCreate still awaiting its join code (see TissueRoomBase.onBeforePatch)
    super.onBeforePatch();
    this.squadTug.sync(this.state.hud, this.squadCapture);
  }

  /** Why a seat reservation with these join options would be refused now, or null (see classroom/seatDoor.ts). */
  seatRefusal(options: unknown): string | null {
    return this.door.refusal(options);
  }

  override onAuth(client: Client, options: unknown): boolean {
    if (this.closed) throw new Error("That class has ended.");
    const o = (options ?? {}) as ClassroomJoinOptions & Record<string, unknown>;
    if (!this.teacherClaimed && o.mode === "classroom" && this.door.isCreator(client.sessionId)) {
      this.teacherClaimed = true; // the creator: the teacher's page, with its create options
      this.reserved.set(client.sessionId, "teacher");
      return true;
    }
    if (typeof o !== "object" || Object.keys(o).some((k) => k !== "hostSecret" && k !== "formerSeat")) throw new Error("students join with the class code alone");
    if (o.formerSeat !== undefined && (typeof o.formerSeat !== "string" || o.formerSeat.length > 64)) throw new Error("formerSeat must be the seat id this device had in the class");
    if (o.formerSeat !== undefined && this.removedSeats.has(o.formerSeat)) throw new Error(REMOVED_TEXT);
    if (o.hostSecret !== undefined) {
      if (!this.isHostSecret(o.hostSecret)) throw new Error("that is not this class's host secret");
      this.reserved.set(client.sessionId, "teacher");
      return true;
    }
    if (this.state.locked) throw new Error("This class is locked: ask your teacher");
    if (this.phase !== "lobby" && !this.state.lateJoin) throw new Error("This class has already started and late joining is off: ask your teacher");
    const students = this.seats.people().length + [...this.reserved.values()].filter((k) => k === "student").length;
    if (students >= MAX_STUDENTS) throw new Error(`This class is full (${MAX_STUDENTS} students): ask your teacher`);
    this.reserved.set(client.sessionId, "student");
    return true;
  }

  override onJoin(client: Client, options?: ClassroomJoinOptions): void {
    const kind = this.reserved.get(client.sessionId) ?? "student";
    this.reserved.delete(client.sessionId);
    this.door.release(client.sessionId);
    if (kind === "teacher") {
      this.teachers.add(client.sessionId);
      this.sendSession(client);
      this.catchUp(client);
      this.sendDashboard();
      return this.checkpoints.device(client);
    }
    this.roster.admit(client.sessionId, this.formerNames.take(options?.formerSeat, (n) => this.roster.order.some((id) => this.seats.nameOf(id) === n)));
    if (this.phase !== "lobby") this.roster.seatInPlay(client.sessionId);
    this.catchUp(client);
    this.sendDashboard();
    this.checkpoints.device(client);
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
    if (this.teachers.has(client.sessionId)) this.sendSession(client);
    this.catchUp(client);
    this.checkpoints.device(client);
    this.sendDashboard();
  }

  /** Left for good (or did not come back in time): a student's squads pass to a classmate of the same role, or a bot. */
  override onLeave(client: Client): void {
    this.checkpoints.gone(client.sessionId);
    this.holds.forget(client.sessionId);
    this.budget.forget(client.sessionId);
    this.reserved.delete(client.sessionId);
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

  /** A (re)joining device also gets the rounds so far (comparison chart) and, mid-round, the round's history (live charts). */
  protected override catchUp(client: Client): void {
    super.catchUp(client);
    if (this.summaries.length) client.send(ClassroomServerMessage.rounds, this.summaries);
    if (this.lesson.status().plan) client.send(LESSON_STATUS_MESSAGE, this.lesson.status());
    if (this.teachers.has(client.sessionId) && this.state.scenarioId === SANDBOX_SCENARIO_ID) client.send(SANDBOX_SETTINGS_MESSAGE, sandboxSettings({ world: this.world, variant: this.roundSetup.variant }));
    if (this.phase === "ended" && this.teachers.has(client.sessionId)) client.send(PREDICTION_TALLY_MESSAGE, this.predictions.tally(this.roster.order, this.world));
    if (this.phase !== "lobby" && this.world.history.length > 0) client.send(ClassroomServerMessage.history, roundHistory(this.state.round, this.world.history, undefined, threatMetricOf(this.world)));
    this.quiz.catchUp(client);
  }

  protected override running(): boolean {
    return this.phase === "playing";
  }

  protected override commandBlocked(): string | null {
    return this.phase === "lobby" ? "the round has not started yet: wait for your teacher" : null;
  }

  protected override onCommandAccepted(client: Client, command: Command): void {
    const a = this.roster.activity.get(client.sessionId);
    if (!a) return;
    a.lastAction = describeCommand(command);
    a.lastActionDay = dayOf(this.world);
    a.commands++;
  }

  protected override onRoundEnd(debrief: Debrief): void {
    this.state.phase = "ended";
    const summary = roundSummary(this.state.round, debrief);
    this.summaries.push(summary);
    this.broadcast(ClassroomServerMessage.rounds, this.summaries, { afterNextPatch: true });
    const students = this.roster.order.map((id) => ({ name: this.seats.nameOf(id), ...this.seats.byId.get(id)! }));
    const tally = this.predictions.tally(this.roster.order, this.world);
    for (const id of this.teachers) this.clients.getById(id)?.send(PREDICTION_TALLY_MESSAGE, tally, { afterNextPatch: true });
    try {
      const record = roundRecord(this.code, summary, this.world, this.ledger, this.roundStartedAt, new Date().toISOString(), students);
      record.players.forEach((p, i) => p.measures.push(...this.predictions.measures(this.roster.order[i])));
      this.record.keep();
      getResultsStore().saveRound(record).catch((err: unknown) => console.error(`[classroom ${this.code}] could not save round ${summary.round}:`, err));
    } catch (err) {
      console.error(`[classroom ${this.code}] could not save round ${summary.round}:`, err);
    }
    this.holds.releaseAll(this.roster.order, SEAT_RELEASED_TEXT); // after the results: the away student's part is in them
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

  private onTeacher(client: Client, payload: unknown): void {
    const checked = checkTeacherAction(payload);
    if (!checked.ok) return this.refuse(client, ClassroomClientMessage.teacher, checked.error);
    if (!this.isHostSecret(checked.value.secret)) return this.refuse(client, ClassroomClientMessage.teacher, "only the teacher can do that: the host secret does not match");
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, ClassroomClientMessage.teacher, "too many actions: wait a second");
    const a = checked.value.action;
    const rebuilds = (a.action === "newRound" && this.phase !== "lobby") || (a.action === "scenario" && this.phase === "lobby");
    const error = this.rebuilds.guard(client, rebuilds, () => this.act(a));
    if (error) return this.refuse(client, ClassroomClientMessage.teacher, error);
    this.checkpoints.changed();
    syncRound(this.state, this.world, this.roundClock, this.cards);
    this.sendDashboard();
  }

  /** The teacher's lesson plan: use one, set up its next round (lessonDesk.ts); every device is told the plan's round. */
  private onLesson(client: Client, payload: unknown): void {
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, LESSON_MESSAGE, "too many messages: wait a second");
    const checked = checkLessonAction(payload);
    if (!checked.ok) return this.refuse(client, LESSON_MESSAGE, checked.error);
    if (!this.isHostSecret(checked.value.secret)) return this.refuse(client, LESSON_MESSAGE, "only the teacher can do that: the host secret does not match");
    const plan = this.lesson.status(), a = checked.value.action;
    const rebuilds = a.action === "use" || (a.action === "next" && plan.plan !== null && plan.index + 1 < plan.total);
    const error = this.rebuilds.guard(client, rebuilds, () => this.lesson.act(a, {
      phase: this.phase,
      newRound: () => this.act({ action: "newRound" }),
      setUp: (r) => { this.roundSetup = { scenarioId: r.scenarioId, days: r.days, variant: r.variant }; this.startRound(this.world.seed); this.setSpeed(r.speed); },
    }));
    if (error) return this.refuse(client, LESSON_MESSAGE, error);
    this.checkpoints.changed();
    this.broadcast(LESSON_STATUS_MESSAGE, this.lesson.status());
    syncRound(this.state, this.world, this.roundClock, this.cards);
    this.sendDashboard();
  }

  /** A class's sandbox: the teacher's sliders and therapy buttons (sandboxDesk.ts), with the host secret. */
  private onSandbox(client: Client, payload: unknown): void {
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, SANDBOX_MESSAGE, "too many changes: wait a second");
    const { secret, rest } = splitSecret(payload);
    if (!this.isHostSecret(secret)) return this.refuse(client, SANDBOX_MESSAGE, "only the teacher can change the sandbox: the host secret does not match");
    if (this.state.scenarioId !== SANDBOX_SCENARIO_ID) return this.refuse(client, SANDBOX_MESSAGE, "the controls work in the sandbox scenario only");
    const room = this;
    const r = sandboxChange({
      get world() { return room.world; },
      get variant() { return room.roundSetup.variant; },
      set variant(v) { room.roundSetup = { ...room.roundSetup, variant: v }; },
      edit: (e) => this.editWorld(e),
      giveTherapy: (therapy) => (this.phase === "playing" ? this.act({ action: "deal", therapy }) : "therapies are given while the round runs"),
    }, rest);
    if (!r.ok) return this.refuse(client, SANDBOX_MESSAGE, r.error);
    for (const id of this.teachers) this.clients.getById(id)?.send(SANDBOX_SETTINGS_MESSAGE, r.settings);
  }

  /** Carries out one teacher action; a sentence when it cannot be done now (and then nothing changed). */
  act(a: TeacherAction): string | null {
    const playing = this.phase === "playing";
    if ("seatId" in a && !this.roster.isStudent(a.seatId)) return "there is no student in that seat"; // assign, team, rename, kick
    switch (a.action) {
      case "start":
        if (this.phase !== "lobby") return "the round has already started: end it or begin a new round first";
        this.startPlaying();
        this.quiz.roundStarts();
        return null;
      case "pause":
      case "resume":
        if (!playing) return "the round is not running";
        this.setPaused(a.action === "pause");
        return null;
      case "speed":
        this.setSpeed(a.speed);
        return null;
      case "end":
        if (!playing) return "the round is not running";
        this.endByTeacher();
        return null;
      case "close":
        this.closeClass();
        return null;
      case "newRound":
        if (this.phase === "lobby") return "the class is already in the lobby: start the round";
        if (playing) this.holds.releaseAll(this.roster.order, SEAT_RELEASED_TEXT); // the round ends here, without a debrief
        this.backToLobby(true);
        return null;
      case "autoBalance": {
        if (this.phase !== "lobby") return "roles can be balanced in the lobby, before the round starts";
        const roles = autoBalance(this.roster.students());
        for (const [id, role] of roles) if (this.seats.byId.get(id)!.role !== role) this.seats.setRole(id, role);
        return null;
      }
      case "assign": {
        if (this.seats.byId.get(a.seatId)!.role === a.role) return null;
        if (this.phase !== "lobby") this.roster.handOver(a.seatId, this.world, playing);
        this.seats.setRole(a.seatId, a.role);
        if (this.phase !== "lobby") this.roster.seatInPlay(a.seatId);
        return null;
      }
      case "team":
        if (this.phase !== "lobby") return "teams are made in the lobby, before the round starts";
        if (this.seats.byId.get(a.seatId)!.role === "clinician" && a.team !== 0) return "clinicians play their cards for the whole class: they have no team";
        this.seats.setTeam(a.seatId, a.team);
        return null;
      case "rename":
        this.seats.setName(a.seatId, this.roster.freshNickname());
        return null;
      case "kick": {
        const kicked = this.clients.getById(a.seatId);
        this.roster.vacate(a.seatId, this.world, this.phase);
        if (kicked) this.remove(kicked); // connected: told, then closed
        // Away: the wait for the device ends now, so its reconnection token is refused; when it joins by code again
        // with its former seat's id, it is told it was removed.
        this.holds.release(a.seatId, REMOVED_TEXT);
        this.removedSeats.add(a.seatId);
        return null;
      }
      case "lock":
      case "unlock":
        // Not Colyseus' own lock(): that would also turn away the teacher coming back with the secret.
        this.state.locked = a.action === "lock";
        void this.setMetadata({ locked: this.state.locked });
        return null;
      case "lateJoin":
        this.state.lateJoin = a.on;
        return null;
      case "deal":
        if (!playing) return "therapy cards are dealt while the round runs";
        return this.roundInput({ kind: "deal", therapy: a.therapy, clinicianSeated: this.roster.countRole("clinician") > 0 }, (error) => this.teachers.forEach((id) => { const c = this.clients.getById(id); if (c) this.refuse(c, ClassroomClientMessage.teacher, error); }));
      case "scenario":
        if (this.phase !== "lobby") return "the scenario can be changed in the lobby, before the round starts";
        this.roundSetup = { scenarioId: a.scenarioId, days: a.days };
        this.startRound(this.world.seed);
        return null;
    }
  }

  /** Ends the running round now (its outcome judged by Round.endNow); the debrief, results saved. */
  private endByTeacher(): void {
    this.stopModel();
    this.round.endNow();
    this.endRound();
  }

  /**
   * The teacher closes the class: a running round ends (its results are saved), every page is told in a sentence,
   * then everyone is disconnected and the room closes; its code then answers like any ended class's.
   */
  private closeClass(): void {
    if (this.closed) return;
    if (this.phase === "playing") this.endByTeacher();
    this.closed = true;
    const notice: ClassClosed = { reason: CLASS_CLOSED_TEXT };
    this.broadcast(ClassroomServerMessage.closed, notice);
    void this.disconnect();
  }

  /** Lobby → playing: each role's students split its squads, bots take roles nobody has, the clock runs. */
  private startPlaying(): void {
    this.roster.startRound(this.world);
    this.roundStartedAt = new Date().toISOString();
    this.setPaused(false);
    this.state.phase = "playing";
  }

  /** A fresh world with the same students, back in the lobby (bots leave until the next start). */
  private backToLobby(fresh: boolean): void {
    this.roster.toLobby();
    if (fresh) this.restartWorld();
    this.setPaused(false);
    this.state.phase = "lobby";
  }

  /** Tells a removed student why, then closes their connection for good (a consented close: no reconnection). */
  private remove(client: Client): void {
    client.send(ClassroomServerMessage.removed, { reason: REMOVED_TEXT });
    client.leave(4000);
  }

  private sendSession(client: Client): void {
    if (!this.hostSecret) return; // a resumed class until the secret is shown: the teacher's page has it
    const info: SessionInfo = { code: this.code, hostSecret: this.hostSecret, joinPath: `/?code=${this.code}` };
    client.send(ClassroomServerMessage.session, info);
  }

  /** The dashboard, to the teacher's connections only. */
  sendDashboard(): void {
    if (this.teachers.size === 0) return;
    const seats = [...this.roster.order, ...this.seats.bots().map((b) => b.id)].map((id) => {
      const seat = this.seats.byId.get(id)!;
      const s = this.state.seats.get(id);
      return { id, name: s?.name ?? "", role: seat.role, squads: seat.squads, connected: s?.connected ?? false, bot: seat.bot ?? "" };
    });
    const dashboard = buildDashboard(seats, this.roster.activity);
    for (const id of this.teachers) this.clients.getById(id)?.send(ClassroomServerMessage.dashboard, dashboard);
    this.quiz.flushGains();
  }

  /** The host secret; a resumed class checks its kept hash until the secret is shown once (classroom/resume.ts). */
  private isHostSecret(sent: unknown): boolean {
    if (!this.hostSecret && this.resumedHash && provesSecret(sent, this.resumedHash)) this.hostSecret = sent;
    return this.hostSecret !== "" && secretMatches(sent, this.hostSecret);
  }

  /** What the class's checkpoint reads and a resume writes back (classroom/classCheckpointer.ts). */
  private internals(): ClassInternals {
    const room = this;
    return {
      code: this.code, state: this.state, seats: this.seats, bots: this.bots, roster: this.roster, teachers: this.teachers,
      removedSeats: this.removedSeats, holds: this.holds, summaries: this.summaries, difficulty: this.difficulty,
      get world() { return room.world; },
      get speed() { return room.roundClock.speed; },
      get hostSecret() { return room.hostSecret; },
      get roundStartedAt() { return room.roundStartedAt; }, set roundStartedAt(v) { room.roundStartedAt = v; },
      get roundSetup() { return room.roundSetup; }, set roundSetup(v) { room.roundSetup = v; },
      get cards() { return room.cards; }, set cards(v) { room.cards = v; },
      roundSoFar: () => this.roundSoFar(),
      resumeRound: (so) => this.resumeRound(so),
      setSpeed: (speed) => this.setSpeed(speed),
      setPaused: (paused) => this.setPaused(paused),
      leftForGood: (id) => this.onLeave({ sessionId: id } as Client),
    };
  }

  /** The quiz's view of this room: who is a student or a teacher, the secret, the budget, the store. */
  private makeQuiz(): QuizBook {
    return new QuizBook({
      code: this.code,
      phase: () => this.phase,
      roundsPlayed: () => this.summaries.length,
      secretMatches: (secret) => this.isHostSecret(secret),
      studentName: (id) => (this.roster.isStudent(id) ? this.seats.nameOf(id) : null),
      studentIds: () => this.roster.order,
      teacherIds: () => this.teachers,
      allow: (id) => this.budget.allow(id),
      refuse: (client, message, error) => this.refuse(client, message, error),
      send: (id, type, payload) => this.clients.getById(id)?.send(type, payload),
      store: () => (this.record.keep(), getResultsStore()), // only saveQuizAnswer: an answer is a result
    });
  }
}
