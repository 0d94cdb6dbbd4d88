// What every tissue room shares, solo or classroom: the fixed-rate clock, the field/event/debrief messages, commands
// checked at the door and forwarded to the round, the microscope, refusals and bug logging, and the round's log of
// what reached the model (for the debrief's contrasts, contrast/RoundContrasts.ts). The round's one world and its
// Round live where the model steps (model/modelRound.ts): on its own thread, or in this process for rooms driven by
// advance(), through ONE stepping path over a ModelHost (model/modelHost.ts). The room sends the round's inputs with
// its asks (roundInputDesk.ts) and holds what it must send: the view from each answer (model/roundView.ts), the counts
// (model/roundTally.ts) and what it knows of the round (model/roundFacts.ts); a thread that dies is replaced by one
// replaying the round's inputs. Subclasses decide who may join and sit where, and when the model runs (running()).
// Extended by TissueRoom and ClassroomRoom.

import { Room, type Client, type RoomException, type RoomMethodName } from "@colyseus/core";
import type { RoundEnding } from "../../shared/report/roundEnding.ts";
import { ClientMessage, ServerMessage, type Debrief, type Refusal, type Speed } from "../../shared/net/messages.ts";
import { BotSeats, type CardClock, type InputAnswer, type RoundInput } from "../../shared/round/index.ts";
import { TissueState } from "../../shared/net/TissueState.ts";
import { RESUME_WINDOW_SECONDS } from "../../shared/net/resumeWindow.ts";
import type { Command, Difficulty, World } from "../../shared/sim/index.ts";
import { MY_PREDICTIONS_MESSAGE, PREDICT_MESSAGE } from "../../shared/net/predictionWire.ts";
import { CellSync } from "./cellSync.ts";
import { onCommand, onInspect, onPredict, type DoorRoom } from "./commandDoor.ts";
import { RoundContrasts } from "./contrast/RoundContrasts.ts";
import { EventRelay } from "./eventRelay.ts";
import { deadbandFor, FieldFrames } from "./fieldBroadcast.ts";
import { guardFrames } from "./frameGuard.ts";
import { creatorOf } from "../http/creationLimits.ts";
import { SquadTugWindow } from "./il2SquadTugSync.ts";
import { MessageBudget } from "./messageBudget.ts";
import { MicroscopeQuestions } from "./microscopeQuestions.ts";
import { PredictionDesk } from "../../shared/report/predictionDesk.ts";
import { MAX_PENDING_PER_SEAT, PendingOrders } from "../../shared/round/pendingOrders.ts";
import { MAX_PENDING_COMMANDS } from "./commandDoor.ts";
import type { Answer, ModelHost, WorldLook } from "./model/modelHost.ts";
import { RoundFacts } from "./model/roundFacts.ts";
import type { WorldEdit } from "./model/worldEdits.ts";
import type { RoundView } from "./model/roundView.ts";
import { endRound, restartWorld, resumeRound, roundSoFar, startRound, type LifeRoom, type RoundSetup, type RoundSoFar } from "./roundLife.ts";
import { RoundInputDesk } from "./roundInputDesk.ts";
import { RoundStepper, type StepperRoom } from "./roundStepper.ts";
import { clippedType } from "./clippedType.ts";
import { BASE_TICKS_PER_SECOND, RoundClock } from "./roundClock.ts";
import { Seats } from "./seats.ts";
import { ViewCopy } from "./viewCopy.ts";

/** Milliseconds between state patches (and event batches). Tuned with the bandwidth test (test/server). */
export const PATCH_RATE_MS = 100;
/** Most cell positions written per patch: bounds the position bytes whatever the number of moving cells. */
export const POSITIONS_PER_PATCH = 65;
/** Base ticks between two field frames: 20 / 4 = 5 Hz. */
export const FIELD_EVERY_BASE_TICKS = 4;
/** Colyseus closes a client that sends more than this many messages in a second (a flood, not a player). */
export const MAX_MESSAGES_PER_SECOND = 60;
export { MAX_PENDING_COMMANDS } from "./commandDoor.ts";
export { MAX_THREADS_REPLACED, MAX_TICKS_PER_ASK } from "./roundStepper.ts";

export type { RoundSetup, RoundSoFar } from "./roundLife.ts";

export abstract class TissueRoomBase extends Room<{ state: TissueState }> {
  override state = new TissueState();
  /** Set by tests: the wall-clock timer stops and the model steps in this process, driven by advance() alone. */
  private manualMode = false;
  /** How long a dropped player's seat waits (tests shorten it). */
  reconnectSeconds = RESUME_WINDOW_SECONDS;
  /** The bots seated in this room's rounds (their seats; they think where the round is: model/modelRound.ts). */
  readonly bots = new BotSeats();
  readonly roundClock = new RoundClock();
  /** What the room knows of its round from the model's answers: tick, outcome, history, live parameters (model/roundFacts.ts). */
  readonly facts = new RoundFacts();
  readonly cellSync = new CellSync(POSITIONS_PER_PATCH);
  seats!: Seats;
  protected readonly fieldFrames = new FieldFrames();
  protected readonly eventRelay = new EventRelay();
  protected readonly budget = new MessageBudget();
  /** The microscope's own budget and each client's question on its way to the model (commandDoor.ts). */
  protected readonly microscope = new MicroscopeQuestions();
  /** The squads' IL-2 capture over the tug's window, sampled where the model steps (a class shows it: il2SquadTugSync.ts). */
  protected readonly squadCapture = new SquadTugWindow();
  protected debrief: Debrief | null = null;
  protected roundSetup: RoundSetup = {};
  /** Each player's predictions for this round (predict, observe, explain). */
  protected readonly predictions = new PredictionDesk();
  /** Orders waiting per seat (commandDoor.ts). */
  readonly pendingOrders = new PendingOrders({ perSeat: MAX_PENDING_PER_SEAT, perRoom: MAX_PENDING_COMMANDS });
  /** The round's log of what reached the model, and its contrasts after the end (contrast/RoundContrasts.ts). */
  protected readonly contrasts = new RoundContrasts((u) => this.broadcast(ServerMessage.contrast, u, { afterNextPatch: true }));
  /**
   * The round's inputs (roundInputDesk.ts): sent with the asks to the Round where the model is, logged at the model's
   * tick, so that a thread that dies is replaced by one replaying them.
   */
  protected readonly roundInputs = new RoundInputDesk(() => this.bots.roles());
  /** The one way to the model, whose host holds the round's one world (roundStepper.ts). */
  private readonly stepper = new RoundStepper(this.stepperRoom());
  /** What the state shows of the round: the view from the model's last answer (viewCopy.ts). */
  private readonly view = new ViewCopy();

  /** When each therapy card can next be played (the Round's, as its last answer left it; a resumed class sets it). */
  protected get cards(): CardClock {
    return this.stepper.cards;
  }

  protected set cards(cards: CardClock) {
    this.stepper.cards = cards;
  }

  /** Threads that died and were replaced this room's life (tests, logs). */
  get threadsReplaced(): number {
    return this.stepper.threadsReplaced;
  }

  set threadsReplaced(n: number) {
    this.stepper.threadsReplaced = n;
  }

  get manual(): boolean {
    return this.manualMode;
  }

  /**
   * Tests set this to drive the model with advance() alone: the round comes to this process (a replay; inputs are
   * answered at once). Set back to false, it goes to a thread again and the clock runs it.
   */
  set manual(on: boolean) {
    this.manualMode = on;
    if (on) this.stepper.leaveThread();
    else this.stepper.useThread();
  }

  /** The bots' skill. */
  abstract get difficulty(): Difficulty;

  /** Whether the model runs now (a classroom's lobby holds it). */
  protected running(): boolean {
    return true;
  }

  /** Called once when the round gets its outcome, after the debrief is built. */
  protected onRoundEnd(_debrief: Debrief, _ending: RoundEnding): void {}

  /** Called for each command the round admitted from a person. */
  protected onCommandAccepted(_client: Client, _command: Command): void {}

  /** Patch rate, message limits, seats, the shared message handlers and the fixed-rate clock. Call from onCreate. */
  protected setUpRoom(messageNames: readonly string[]): void {
    this.patchRate = PATCH_RATE_MS;
    this.maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
    guardFrames(this);
    // The contrast queue is shared by creator address, as rooms are (contrast/fairShare.ts, http/creationLimits.ts).
    this.contrasts.owner = () => ({ address: creatorOf(this.roomId) ?? this.roomId, shared: this.roomName === "classroom" });
    this.seats = new Seats(this.state.seats);
    this.bots.watch = (change) => this.roundInputs.seatChanged(change); // bots seated and unseated are the round's inputs
    const door = this.doorParts();
    this.onMessage(ClientMessage.command, (client, payload) => onCommand(door, client, payload));
    this.onMessage(ClientMessage.inspect, (client, payload) => onInspect(door, client, payload));
    this.onMessage(PREDICT_MESSAGE, (client, payload) => onPredict(door, client, payload));
    this.onMessage("*", (client, type) => {
      const said = clippedType(type); // a type of kilobytes is not echoed back whole, twice
      this.refuse(client, said, `the room does not know the message "${said}"; it understands ${messageNames.join(", ")}`);
    });
    this.setFixedTimestep(() => this.baseTick(), BASE_TICKS_PER_SECOND);
  }

  /**
   * Runs `ticks` model ticks now, in this process (stops at the round's end), in asks that stop at the bots' turns as
   * a thread's do. Tests call it with `manual` set; the room then steps the model in this process for good (the
   * thread's round comes here: a replay).
   */
  advance(ticks = 1): void {
    this.stepper.advance(ticks);
  }

  /** A change to the world outside its steps: sent to the model with the next ask (soon in this process). */
  protected editWorld(edit: WorldEdit): void {
    this.stepper.edit(edit);
  }

  /**
   * An input to the round from the room (a teacher's card, the sandbox's dose): made where the Round is, with the next
   * ask; if the Round refuses it, the sentence goes to `refused`. Returns null (nothing is known yet).
   */
  protected roundInput(input: RoundInput, refused: (error: string) => void): string | null {
    this.roundInputs.make(input, (answer: InputAnswer) => {
      const error = typeof answer === "string" ? answer : answer && !answer.ok ? answer.error : null;
      if (error) refused(error);
    });
    this.stepper.answerNow();
    return null;
  }

  /** Asks for a field frame with the next ask (5 Hz from the timer; tests call it, a room in this process makes it now). */
  broadcastField(): void {
    this.stepper.field();
  }

  /** Seq of the last field frame made. */
  get fieldSeq(): number {
    return this.fieldFrames.seq;
  }

  override onBeforePatch(): void {
    // Colyseus starts patching before onCreate; an onCreate still awaiting (a join code claimed in Redis or
    // PostgreSQL) has no round yet.
    this.view.copy(this.state, this.cellSync, this.roundClock, this.cards);
    const batch = this.eventRelay.drain();
    if (batch) this.broadcast(ServerMessage.events, batch, { afterNextPatch: true });
  }

  /** The round's figures copied into the state now (after a pause or a change of speed). */
  protected syncShown(): void {
    this.view.figures(this.state, this.roundClock, this.cards);
  }

  private baseTick(): void {
    if (this.manual) return;
    const ticks = this.roundClock.modelTicksNow();
    this.stepper.tick(ticks, this.roundClock.baseTicks % FIELD_EVERY_BASE_TICKS === 0);
  }

  /** What an answer carries for clients: its frame, view and events, the squads' capture; its end of the round. */
  private answered(answer: Answer, ends: boolean): void {
    if (answer.frame) this.broadcastBytes(ServerMessage.field, answer.frame, { afterNextPatch: true });
    this.view.shown = answer.view;
    this.eventRelay.add(answer.wire);
    if (answer.tally.squadSample) this.squadCapture.add(answer.tally.squadSample);
    if (ends && answer.ending) endRound(this.lifeParts(), answer.ending);
  }

  /**
   * The teacher ends the round now (a class closed or drained does too): the model's host answers the ask in flight,
   * then judges the outcome at its tick (Round.endNow, shared/round/endNow.ts) and sends what the round leaves; then
   * the debrief as for any end (roundStepper.ts endNow).
   */
  protected endNow(): void {
    const ended = this.stepper.endNow();
    if (!ended) return; // over already (its steps in flight ended it), or no round
    this.view.shown = ended.view;
    endRound(this.lifeParts(), ended.ending);
  }

  /** A new round from roundSetup and `seed`; seats stay (roundLife.ts). */
  protected startRound(seed: number): void {
    startRound(this.lifeParts(), seed);
  }

  /** The round so far, for a checkpoint (roundLife.ts). */
  protected roundSoFar(): RoundSoFar {
    return roundSoFar(this.lifeParts());
  }

  /** Rebuilds a checkpointed round on the model's host (roundLife.ts); returns the checkpoint's tick. */
  protected resumeRound(so: RoundSoFar): number {
    return resumeRound(this.lifeParts(), so);
  }

  /** The next round with the same seats (roundLife.ts). */
  protected restartWorld(): void {
    restartWorld(this.lifeParts());
  }

  /** Pauses or resumes the round's clock; the state shows it at the next patch, before the model's next answer (a
   * resumed class's first answer waits for its replay, and a device back in class reads "paused" from its first patch). */
  protected setPaused(paused: boolean): void {
    this.roundClock.paused = paused;
    this.state.paused = paused;
  }

  protected setSpeed(speed: Speed): void {
    this.roundClock.speed = speed;
    this.state.speed = speed;
    this.fieldFrames.deadband = deadbandFor(speed);
  }

  /** What a client that (re)joins needs at once: the field's key frame and, after the end, the debrief. */
  protected catchUp(client: Client): void {
    const key = this.fieldFrames.keyFrame();
    if (key) client.sendBytes(ServerMessage.field, key);
    if (this.debrief) client.send(ServerMessage.debrief, this.debrief);
    if (this.predictions.has(client.sessionId)) client.send(MY_PREDICTIONS_MESSAGE, this.predictions.mine(client.sessionId));
    for (const update of this.contrasts.catchUp()) client.send(ServerMessage.contrast, update);
  }

  /** Why this client may not command now, or null when it may. */
  protected commandBlocked(_client: Client): string | null {
    return null;
  }

  /**
   * Answers a message the room will not act on; nothing changes. Replies are rate-limited like commands. A client gone
   * (a refusal that came with the model's answer after it left) is not answered: its budget was forgotten on leaving.
   */
  protected refuse(client: Client, message: string, error: string): void {
    if (!this.clients.getById(client.sessionId)) return;
    if (!this.budget.mayReply(client.sessionId)) return;
    const refusal: Refusal = { message, error };
    client.send(ServerMessage.refused, refusal);
  }

  /** A bug in a handler or the tick is logged and the room goes on (refusals at the door are not bugs: not logged). */
  override onUncaughtException(error: RoomException, method: RoomMethodName): void {
    if (method === "onMessage" || method === "setFixedTimestep" || method === "setTimestep" || method === "setInterval" || method === "setTimeout") {
      console.error(`[${this.roomName} ${this.roomId}] ${method}:`, (error as { cause?: unknown }).cause ?? error);
    }
  }

  override onDispose(): void {
    this.stepper.model.close();
    this.contrasts.cancel();
  }

  /** The model's own world (where the round is, after every ask sent): its tick and state hash, or null (tests, logs). */
  lookAtModel(): Promise<WorldLook | null> {
    return this.stepper.lookAtModel();
  }

  /**
   * The round's one world when the model steps in this process (a room driven by advance()), for tests to look at; null
   * on a thread (ask it: lookAtModel). The room itself reads no world.
   */
  modelWorld(): World | null {
    return this.stepper.modelWorld();
  }

  /** Whether the model steps on its own thread (tests). */
  get modelOnThread(): boolean {
    return this.stepper.model.onThread;
  }

  /** Who sits where, for tests and logs. */
  seatList(): ReturnType<Seats["list"]> {
    return this.seats.list();
  }

  /** The host (tests look at its thread). */
  private get model(): ModelHost {
    return this.stepper.model;
  }

  /** Commands on their way to the model (tests). */
  private get pending(): Command[] {
    return this.stepper.pending;
  }

  /** The room's parts the stepping path works with. */
  private stepperRoom(): StepperRoom {
    const room = this;
    return {
      get facts() { return room.facts; }, get bots() { return room.bots; }, get roundClock() { return room.roundClock; },
      get fieldFrames() { return room.fieldFrames; }, get contrasts() { return room.contrasts; }, get roundInputs() { return room.roundInputs; },
      running: () => this.running(),
      answered: (answer, ends) => this.answered(answer, ends),
      log: (message, failure) => console.error(`[${this.roomName} ${this.roomId}] ${message}`, failure),
    };
  }

  /** What the state shows (tests). */
  private get shown(): RoundView | null {
    return this.view.shown;
  }

  /** The room's parts a round's start and end work with (roundLife.ts). */
  private lifeParts(): LifeRoom {
    const room = this;
    return {
      get state() { return room.state; }, get facts() { return room.facts; }, get bots() { return room.bots; }, get seats() { return room.seats; },
      get roundInputs() { return room.roundInputs; }, get stepper() { return room.stepper; }, get view() { return room.view; },
      get contrasts() { return room.contrasts; }, get predictions() { return room.predictions; },
      get squadCapture() { return room.squadCapture; },
      get eventRelay() { return room.eventRelay; }, get fieldFrames() { return room.fieldFrames; }, get cellSync() { return room.cellSync; },
      get roundClock() { return room.roundClock; }, get difficulty() { return room.difficulty; }, get clients() { return room.clients; },
      get roundSetup() { return room.roundSetup; }, set roundSetup(v) { room.roundSetup = v; },
      get debrief() { return room.debrief; }, set debrief(v) { room.debrief = v; },
      broadcast: (type, payload, afterNextPatch) => this.broadcast(type, payload, afterNextPatch ? { afterNextPatch: true } : {}),
      broadcastBytes: (type, bytes) => this.broadcastBytes(type, bytes, {}),
      editWorld: (edit) => this.editWorld(edit),
      onBeforePatch: () => this.onBeforePatch(),
      onRoundEnd: (debrief, ending) => this.onRoundEnd(debrief, ending),
    };
  }

  /** The room's parts the door works with (commandDoor.ts). */
  private doorParts(): DoorRoom {
    const room = this;
    return {
      get budget() { return room.budget; }, get microscope() { return room.microscope; }, get seats() { return room.seats; }, get facts() { return room.facts; },
      get stepper() { return room.stepper; }, get roundInputs() { return room.roundInputs; }, get predictions() { return room.predictions; },
      get pendingOrders() { return room.pendingOrders; },
      commandBlocked: (client) => this.commandBlocked(client),
      running: () => this.running(),
      refuse: (client, message, error) => this.refuse(client, message, error),
      onCommandAccepted: (client, command) => this.onCommandAccepted(client, command),
    };
  }
}
