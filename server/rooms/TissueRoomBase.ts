// What every tissue room shares, solo or classroom: the round (shared/round: the world, cards, bots and the rules of
// who may send what) and its fixed-rate clock, the field/event/debrief messages, commands checked at the door and
// forwarded to the round, the microscope, refusals and bug logging, and the
// round's log of what reached the model (for the debrief's contrasts, contrast/RoundContrasts.ts). The model
// steps on its own thread (or in this process for rooms driven by advance()) through ONE stepping path over a
// ModelHost (model/modelHost.ts). On the thread the round's Round is there: the room sends the round's inputs with
// its asks (roundInputDesk.ts) and the answers come back with the card clock and the ledger's counts
// (model/roundTally.ts). The room keeps an exact copy of the world, written from each answer, for everything else,
// and a thread that dies is replaced by one replaying the round's inputs. Subclasses decide who may join and sit
// where, and when the model runs (running()). Extended by TissueRoom and ClassroomRoom.

import { Room, type Client, type RoomException, type RoomMethodName } from "@colyseus/core";
import { debriefOf, roundEnding, type RoundEnding } from "../../shared/report/roundEnding.ts";
import { RoundFacts } from "./model/roundFacts.ts";
import { inspectCell } from "../../shared/report/inspect.ts";
import { ClientMessage, ServerMessage, checkInspect, type Debrief, type Refusal, type Speed } from "../../shared/net/messages.ts";
import { checkCommand } from "../../shared/net/commandMessage.ts";
import { Round, type BotSeats, type CardClock } from "../../shared/round/index.ts";
import { RoleLedger } from "../../shared/report/roleLedger.ts";
import { adoptSummary, ledgerSummary } from "../../shared/report/ledgerSummary.ts";
import { SquadTugWindow } from "./il2SquadTugSync.ts";
import { RoundInputDesk } from "./roundInputDesk.ts";
import type { InputAnswer, RoundInput } from "../../shared/round/index.ts";
import { scenarioWithVariant, type RoundVariant } from "../../shared/net/roundVariant.ts";
import { TissueState } from "../../shared/net/TissueState.ts";
import { RESUME_WINDOW_SECONDS } from "../../shared/net/resumeWindow.ts";
import { DEFAULT_SCENARIO_ID, SCENARIOS } from "../../shared/scenarios/index.ts";
import { createWorld, makeParams, type Command, type Difficulty, type World } from "../../shared/sim/index.ts";
import { CellSync } from "./cellSync.ts";
import { RoundContrasts } from "./contrast/RoundContrasts.ts";
import { EventRelay } from "./eventRelay.ts";
import { deadbandFor, FieldFrames } from "./fieldBroadcast.ts";
import { guardFrames } from "./frameGuard.ts";
import { creatorOf } from "../http/creationLimits.ts";
import { MessageBudget } from "./messageBudget.ts";
import { PredictionDesk } from "./predictionDesk.ts";
import { MY_PREDICTIONS_MESSAGE, PREDICT_MESSAGE } from "../../shared/net/predictionWire.ts";
import { InlineModel } from "./model/inlineModel.ts";
import type { Answer, ModelHost, RoundNews, WorldLook } from "./model/modelHost.ts";
import { ModelThread } from "./model/modelThread.ts";
import { applyEdit, type WorldEdit } from "./model/worldEdits.ts";
import { replayTo, type ReplayTo } from "./model/replayLog.ts";
import { BASE_TICKS_PER_SECOND, RoundClock } from "./roundClock.ts";
import { syncFigures } from "./roundSync.ts";
import { viewOf, type RoundView } from "./model/roundView.ts";
import { Seats, type Seat } from "./seats.ts";

/** Milliseconds between state patches (and event batches). Tuned with the bandwidth test (test/server). */
export const PATCH_RATE_MS = 100;
/** Most cell positions written per patch: bounds the position bytes whatever the number of moving cells. */
export const POSITIONS_PER_PATCH = 65;
/** Base ticks between two field frames: 20 / 4 = 5 Hz. */
export const FIELD_EVERY_BASE_TICKS = 4;
/** Most commands waiting for the next tick (while paused they pile up; a long pause must not grow them without end). */
export const MAX_PENDING_COMMANDS = 200;
/** Colyseus closes a client that sends more than this many messages in a second (a flood, not a player). */
export const MAX_MESSAGES_PER_SECOND = 60;

/** Most model ticks one ask of the model's thread may carry (a thread that fell behind catches up, within reason). */
export const MAX_TICKS_PER_ASK = 16;
/**
 * Threads that may die in one room's life and be replaced; after that the model steps in the room's process (a step
 * that fails every time it is replayed must not restart threads without end).
 */
export const MAX_THREADS_REPLACED = 3;

/** The scenario and length of the next round. */
export interface RoundSetup { scenarioId?: string; days?: number; variant?: RoundVariant }

/** A round as a checkpoint keeps it (classroom/checkpoint.ts): its seed, its log to `tick`, what had not yet reached the model. */
export interface RoundSoFar extends ReplayTo { seed: number; pending: Command[]; unsentEdits: WorldEdit[] }

export abstract class TissueRoomBase extends Room<{ state: TissueState }> {
  override state = new TissueState();
  /** Tests set this to stop the wall-clock timer and drive the model with advance() alone. */
  manual = false;
  /** How long a dropped player's seat waits (tests shorten it). */
  reconnectSeconds = RESUME_WINDOW_SECONDS;
  /** The rules of the round being played: its world, cards and bot seats (shared/round/Round.ts). */
  readonly round = new Round();
  readonly roundClock = new RoundClock();
  /** What the room knows of its round from the model's answers: tick, outcome, history, live parameters (model/roundFacts.ts). */
  readonly facts = new RoundFacts();
  readonly cellSync = new CellSync(POSITIONS_PER_PATCH);
  seats!: Seats;
  protected readonly fieldFrames = new FieldFrames();
  protected readonly eventRelay = new EventRelay();
  protected readonly budget = new MessageBudget();
  /** The round's ledger: its counts are made where the model steps and come with each answer (model/roundTally.ts). */
  protected ledger = new RoleLedger();
  /** The squads' IL-2 capture over the tug's window, sampled where the model steps (a class shows it: il2SquadTugSync.ts). */
  protected readonly squadCapture = new SquadTugWindow();
  protected debrief: Debrief | null = null;
  protected roundSetup: RoundSetup = {};
  /** Each player's predictions for this round (predict, observe, explain). */
  protected readonly predictions = new PredictionDesk();
  /** The round's log of what reached the model, and its contrasts after the end (contrast/RoundContrasts.ts). */
  protected readonly contrasts = new RoundContrasts((u) => this.broadcast(ServerMessage.contrast, u, { afterNextPatch: true }));
  /** Where the model steps: its own thread, or this process once advance() drives the room (model/modelHost.ts). */
  private model: ModelHost = new ModelThread(this.fieldFrames);
  /**
   * The round's inputs (roundInputDesk.ts): sent with the asks to the Round on the model's thread, or made by the
   * room's own Round at once (a room driven by advance(), which leaves the thread at its first advance); logged at
   * the model's tick, so that a thread that dies is replaced by one replaying them.
   */
  protected readonly roundInputs = new RoundInputDesk(this.round, () => this.caughtUp(), () => this.model.holdsRound && !this.manual);
  /** Commands the thread's Round admitted and has not stepped yet (a paused room's): a checkpoint keeps them. */
  private modelPending: Command[] = [];
  /** The card clock was set by the room (a class resumed): it goes to the thread's Round with the next ask. */
  private cardsSet = false;
  /** Threads that died and were replaced this room's life (tests, logs). */
  threadsReplaced = 0;
  /** Ticks the clock ran while the thread was still busy: asked for with the next ask. */
  private owedTicks = 0;
  /** A field frame fell due since the last ask: the next ask asks for it. */
  private frameOwed = false;
  /** Edits made since the last ask (already made on the room's world): sent with the next one, made again on each answer that predates them. */
  private unsentEdits: WorldEdit[] = [];
  /**
   * What the state shows of the round (model/roundView.ts): the thread's view from its last answer, or null when the
   * room makes it from its own world at the next patch (this process steps the model; edits made since the ask).
   */
  private shown: RoundView | null = null;
  /** The cells of a view the state no longer shows: filled again when the room makes a view itself. */
  private spareCells: RoundView["cells"] | null = null;

  /**
   * The round's world. The model steps it on its own thread (model/modelThread.ts) and the room's copy is written
   * from each answer, one tick behind; rooms driven by advance() step it in this process (model/inlineModel.ts).
   */
  get world(): World {
    return this.round.world;
  }

  /** The bot seats (the round's). */
  get bots(): BotSeats {
    return this.round.bots;
  }

  /** When each therapy card can next be played (the round's; a resumed class sets it). */
  protected get cards(): CardClock {
    return this.round.cards;
  }

  protected set cards(cards: CardClock) {
    this.round.cards = cards;
    this.cardsSet = true;
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
    this.onMessage(ClientMessage.command, (client, payload) => this.onCommand(client, payload));
    this.onMessage(ClientMessage.inspect, (client, payload) => this.onInspect(client, payload));
    this.onMessage(PREDICT_MESSAGE, (client, payload) => this.onPredict(client, payload));
    this.onMessage("*", (client, type) => this.refuse(client, String(type), `the room does not know the message "${String(type)}"; it understands ${messageNames.join(", ")}`));
    this.setFixedTimestep(() => this.baseTick(), BASE_TICKS_PER_SECOND);
  }

  /**
   * Runs `ticks` model ticks now, in this process, one ask per tick (stops at the round's end). Tests call it with
   * `manual` set; the room then steps the model in this process for good (the thread's ask in flight is dropped and
   * its commands asked again).
   */
  advance(ticks = 1): void {
    this.leaveThread();
    for (let k = 0; k < ticks && this.facts.outcome === "ongoing"; k++) {
      this.askModel(1, false);
      this.takeAnswer();
    }
  }

  /** A change to the world outside its steps: made on the room's world now, and sent to the thread with the next ask. */
  protected editWorld(edit: WorldEdit): void {
    applyEdit(this.world, edit);
    this.facts.edit(edit);
    this.unsentEdits.push(edit);
    this.show(null);
  }

  /**
   * Whether the room's world is the model's now (an answer that came is taken first): no ask in flight. The round's
   * inputs are made then (roundInputDesk.ts).
   */
  private caughtUp(): boolean {
    if (this.model.asked !== null) return false;
    this.takeAnswer();
    return true;
  }

  /**
   * An input to the round from the room (a teacher's card, the sandbox's dose): the verb's sentence now (null: done)
   * when the room's own Round makes it, else null now and, if the thread's Round refuses it, the sentence to `refused`.
   */
  protected roundInput(input: RoundInput, refused: (error: string) => void): string | null {
    const told = (answer: InputAnswer): string | null => (typeof answer === "string" ? answer : answer && !answer.ok ? answer.error : null);
    const now = this.roundInputs.make(input, (answer) => {
      const error = told(answer);
      if (error) refused(error);
    });
    return now === undefined ? null : told(now);
  }

  /** What the state shows from now on: `view`, or (null) a view the room makes from its world at the next patch. */
  private show(view: RoundView | null): void {
    if (this.shown && this.shown !== view) this.spareCells = this.shown.cells;
    this.shown = view;
  }

  /** Ends the round now on the room's world (the thread's steps in flight are dropped); see endRound. */
  protected stopModel(): void {
    this.contrasts.forgetCommandsFrom(this.world.tick); // the ask in flight is dropped; its edits are in the room's world
    this.contrasts.edits(this.world.tick, this.unsentEdits);
    this.model.forget();
    this.modelPending = [];
    this.unsentEdits = [];
    this.owedTicks = 0;
    this.roundInputs.stop(); // what had not reached the model: the round is over, or another begins
    this.show(null); // the round may end here (Round.endNow): the state shows the room's world
  }

  /**
   * Makes the next field frame (5 Hz from the timer; tests may call it directly) and sends it to everyone with the
   * next state patch, as events are: one shared buffer fanned out in the network cycle, so the cells and the field a
   * client draws arrive together, and the tick spends no time writing to 30 sockets.
   */
  broadcastField(): void {
    const frame = this.fieldFrames.next(this.world);
    if (frame) this.broadcastBytes(ServerMessage.field, frame, { afterNextPatch: true });
  }

  /** Seq of the last field frame made. */
  get fieldSeq(): number {
    return this.fieldFrames.seq;
  }

  override onBeforePatch(): void {
    // Colyseus starts patching before onCreate; an onCreate still awaiting (a join code claimed in Redis or
    // PostgreSQL) has no world yet.
    if (!this.world) return;
    const view = (this.shown ??= viewOf(this.world, this.spareCells));
    this.spareCells = null;
    this.cellSync.sync(view.cells, this.state.cells);
    syncFigures(this.state, view.figures, this.roundClock, this.cards);
    const batch = this.eventRelay.drain();
    if (batch) this.broadcast(ServerMessage.events, batch, { afterNextPatch: true });
  }

  private baseTick(): void {
    if (this.manual) return;
    const ticks = this.roundClock.modelTicksNow();
    this.takeAnswer(); // an answer that came before the thread died is the round's
    if (this.model.failure !== null) {
      if (this.threadsReplaced < MAX_THREADS_REPLACED) this.replaceThread(this.model.failure);
      else {
        console.error(`[${this.roomName} ${this.roomId}] the model's thread failed again; the room steps the model itself now:`, this.model.failure);
        this.leaveThread();
      }
    }
    this.frameOwed ||= this.roundClock.baseTicks % FIELD_EVERY_BASE_TICKS === 0;
    if (ticks === 0 || !this.running() || this.facts.outcome !== "ongoing") {
      this.owedTicks = 0; // paused, held in the lobby or over: nothing is owed
      this.frameOwed = false;
      // the thread's Round still answers the inputs that came (a paused room's orders, a card dealt; an order that
      // came as the round ended is refused there): no steps. A class's lobby sends none: its seats go with the first
      // steps, and no thread starts before them.
      const answerable = this.running() || this.facts.outcome !== "ongoing";
      if (this.model.holdsRound && answerable && this.roundInputs.waitingCount > 0 && this.model.ready) this.askModel(0, false);
      return;
    }
    this.owedTicks = Math.min(this.owedTicks + ticks, MAX_TICKS_PER_ASK);
    // A thread takes one ask per tick (its answer comes with a later tick); this process answers at once, tick by tick.
    while (this.owedTicks > 0 && this.model.ready && this.facts.outcome === "ongoing") {
      const steps = this.model.onThread ? this.owedTicks : 1;
      this.owedTicks -= this.askModel(steps, this.frameOwed && (this.model.onThread || steps === this.owedTicks));
      this.takeAnswer();
    }
  }

  /**
   * Asks the model for up to `ticks` steps: the bots whose turn it is decide first, the steps stop at the next bot's
   * turn (so bots decide at the same ticks whatever the speed or the host), and every command and edit made since the
   * last ask goes with it, logged for the contrasts; with `frame`, a field frame after the steps (a frame is only made
   * when the model has moved). Returns the steps asked.
   */
  private askModel(ticks: number, frame: boolean): number {
    const onThread = this.model.holdsRound; // the thread's Round thinks and logs what reached the model (its answer)
    if (!onThread) this.round.think();
    const steps = Math.min(ticks, this.round.ticksToNextTurn());
    const commands = this.world.pending.splice(0), edits = this.unsentEdits.splice(0);
    this.contrasts.edits(this.world.tick, edits);
    if (!onThread) this.contrasts.commands(this.world.tick, commands);
    const inputs = this.roundInputs.send(edits);
    const cards = onThread && this.cardsSet ? [...this.cards] : null;
    if (onThread) this.cardsSet = false;
    this.model.ask({ ticks: steps, commands, edits, inputs, cards, frame: frame ? { deadband: this.fieldFrames.deadband } : null });
    if (frame) this.frameOwed = false;
    return steps;
  }

  /** Takes in the model's last answer, if one came: the room's world is the stepped one; its events, times and frame. */
  private takeAnswer(): void {
    const answer: Answer | null = this.model.take(this.unsentEdits);
    if (!answer) return;
    for (const ms of answer.stepMs) this.roundClock.record(ms);
    if (answer.frame) this.broadcastBytes(ServerMessage.field, answer.frame, { afterNextPatch: true });
    this.show(answer.view);
    const over = this.facts.outcome !== "ongoing"; // ended here already (the teacher): the answer cannot end it again
    this.facts.heard(answer.tick, over ? this.facts.outcome : answer.outcome, answer.samples);
    this.eventRelay.add(answer.wire);
    adoptSummary(this.ledger, answer.tally.ledger);
    if (answer.tally.squadSample) this.squadCapture.add(answer.tally.squadSample);
    if (answer.round) this.takeRoundNews(answer.round);
    if (answer.ending && !over) this.endRound(answer.ending);
    this.roundInputs.catchUp(); // the room's world is the model's: what waited for it is made now
  }

  /** What the thread's Round did: its answers to the inputs sent, its card clock and bots' counts, what reached the model. */
  private takeRoundNews(news: RoundNews): void {
    this.round.cards = new Map(news.cards);
    Object.assign(this.bots, news.bots);
    for (const t of news.reached) this.contrasts.commands(t.tick, t.commands ?? []);
    this.modelPending = news.waiting;
    this.roundInputs.answered(news.made);
  }

  /** Leaves the model's thread for good: the model steps in this process from now on (commands in flight are asked again). */
  private leaveThread(): void {
    if (!this.model.onThread) return;
    this.takeAnswer();
    this.dropThread();
    this.world.pending.unshift(...this.modelPending.splice(0)); // admitted on the thread, not yet stepped
    // The room's Round goes on (cards as the thread's last answer left them; its bots from their seats, their
    // memories on the thread lost), making what waited for the thread.
    this.model = new InlineModel(this.fieldFrames);
    this.model.startRound(this.world, this.fieldFrames.state(), { ledger: ledgerSummary(this.ledger) });
    this.roundInputs.catchUp();
  }

  /**
   * A thread that died is replaced by a new one that replays the round's inputs (its bots thinking again) to the
   * room's tick (the room's world is the thread's as of its last answer), or, for a round rebuilt from a checkpoint,
   * the model's log; the ask in flight is asked again. The round goes on where it was.
   */
  private replaceThread(failure: string): void {
    const w = this.world, byInputs = this.roundInputs.replayable();
    console.error(`[${this.roomName} ${this.roomId}] the model's thread failed; a new thread replays the round ${byInputs ? "(its inputs)" : "(the model's log)"} to tick ${w.tick}:`, failure);
    this.dropThread();
    this.threadsReplaced++;
    this.model = new ModelThread(this.fieldFrames);
    const ledger = ledgerSummary(this.ledger);
    this.model.startRound(w, this.fieldFrames.state(), byInputs ? { inputs: this.roundInputs.to(), ledger } : { replay: { ticks: this.contrasts.logSoFar(w.tick), tick: w.tick }, ledger });
    this.roundInputs.catchUp();
  }

  /** Closes the thread; the commands of its ask in flight go back to wait for the next ask (edits are in the room's world and the log). */
  private dropThread(): void {
    const asked = this.model.asked;
    if (asked) this.world.pending.unshift(...asked.commands);
    this.roundInputs.resend(); // the inputs sent with it too
    this.contrasts.forgetCommandsFrom(this.world.tick); // logged again when asked again
    this.model.close();
  }

  /**
   * The teacher ends the round now (a class closed or drained does too): the model's steps in flight are dropped and
   * the outcome is judged at this tick (Round.endNow, shared/round/endNow.ts), then the debrief as for any end.
   */
  protected endNow(): void {
    const ended = this.model.endNow(); // the ask in flight is answered first
    this.takeAnswer(); // its steps are the round's (they may have ended it)
    if (this.facts.outcome !== "ongoing") return;
    this.stopModel();
    if (ended) {
      this.world.outcome = ended.outcome; // the room's copy
      this.facts.heard(ended.tick, ended.outcome, []);
      this.show(ended.view);
      this.endRound(ended.ending);
    } else {
      // the model's host could not (its thread dead or silent): the room's copy, as of the last answer
      this.facts.outcome = this.round.endNow();
      this.endRound(roundEnding(this.world, this.ledger));
    }
  }

  /** Builds and sends the debrief from what the round left (`endedByTeacher` when a teacher stopped it). */
  private endRound(ending: RoundEnding): void {
    this.debrief = debriefOf(ending, this.seats.list());
    this.broadcast(ServerMessage.debrief, this.debrief, { afterNextPatch: true });
    this.predictions.finish(this.facts.history);
    for (const c of this.clients) if (this.predictions.has(c.sessionId)) c.send(MY_PREDICTIONS_MESSAGE, this.predictions.mine(c.sessionId), { afterNextPatch: true });
    this.contrasts.roundEnded(this.facts.tick, this.facts.history);
    this.onRoundEnd(this.debrief, ending);
  }

  /** A new world for this round from roundSetup; seats stay. */
  protected startRound(seed: number): void {
    const base = SCENARIOS[this.roundSetup.scenarioId ?? DEFAULT_SCENARIO_ID];
    this.roundInputs.clear();
    const scenario = scenarioWithVariant(base, this.roundSetup.days, this.roundSetup.variant);
    this.round.start(createWorld(scenario, makeParams(scenario.params), seed >>> 0));
    this.facts.start(this.world);
    this.stopModel();
    this.contrasts.startRound(this.world, this.state.round);
    this.ledger = new RoleLedger();
    this.squadCapture.clear();
    this.debrief = null;
    this.eventRelay.clear();
    this.show(null);
    this.fieldFrames.restart();
    this.cellSync.reset(this.state.cells);
    this.fieldFrames.next(this.world); // a key frame ready for the first client
    this.model.startRound(this.world, this.fieldFrames.state()); // frames go on from the key frame
    this.state.scenarioId = scenario.id;
    this.predictions.reset(scenario, this.state.round);
    this.onBeforePatch();
  }

  /** The round so far, for a checkpoint: the room's copy's tick, the log up to it, the orders and edits still on their way. */
  protected roundSoFar(): RoundSoFar {
    const w = this.world;
    return { seed: w.seed, tick: w.tick, ticks: this.contrasts.logSoFar(w.tick), pending: [...this.modelPending, ...w.pending], unsentEdits: [...this.unsentEdits] };
  }

  /**
   * Rebuilds a checkpointed round (a class resumed after a restart; roundSetup already its): a fresh world from the
   * same seed replayed to the checkpoint's tick on the room's copy and on the model's thread, the log and the
   * debrief's ledger made again on the way; what had not reached the model goes with the next ask. Returns the
   * replayed world's tick.
   */
  protected resumeRound(so: RoundSoFar): number {
    this.startRound(so.seed);
    const last = replayTo(this.world, so, {
      before: (entry) => {
        this.contrasts.edits(entry.tick, entry.edits ?? []);
        if (entry.tick < so.tick) this.contrasts.commands(entry.tick, entry.commands ?? []);
      },
      after: (events) => this.ledger.record(this.world, events),
    });
    this.world.pending.push(...last, ...so.pending);
    this.facts.start(this.world);
    this.fieldFrames.restart();
    this.fieldFrames.next(this.world);
    this.roundInputs.whole = false; // its inputs before the checkpoint are not known: a replaced thread replays the model's log
    this.model.startRound(this.world, this.fieldFrames.state(), { replay: { ticks: so.ticks, tick: so.tick }, ledger: ledgerSummary(this.ledger) });
    for (const edit of so.unsentEdits) this.editWorld(edit);
    this.show(null);
    this.cellSync.reset(this.state.cells);
    this.onBeforePatch();
    return this.world.tick;
  }

  /** A fresh world (next seed) with the same seats; bots re-seated on it and everyone sent its key frame. */
  protected restartWorld(): void {
    this.state.round++;
    this.roundClock.paused = false;
    this.startRound(this.world.seed + 1);
    for (const role of this.bots.roles()) this.bots.seat(role, this.difficulty, this.world.seed, this.world.dtS);
    const key = this.fieldFrames.keyFrame();
    if (key) this.broadcastBytes(ServerMessage.field, key, {});
  }

  protected setPaused(paused: boolean): void {
    this.roundClock.paused = paused;
  }

  protected setSpeed(speed: Speed): void {
    this.roundClock.speed = speed;
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

  private onCommand(client: Client, payload: unknown): void {
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, ClientMessage.command, `too many commands: at most ${MessageBudget.PER_SECOND} a second`);
    const seat: Seat | undefined = this.seats.byId.get(client.sessionId);
    if (!seat) return this.refuse(client, ClientMessage.command, "you have no seat in this room");
    const blocked = this.commandBlocked(client);
    if (blocked) return this.refuse(client, ClientMessage.command, blocked);
    if (this.facts.outcome !== "ongoing") return this.refuse(client, ClientMessage.command, "the round is over");
    // orders waiting: admitted on the thread and not yet stepped (a paused room's), on their way there, or here
    if (this.modelPending.length + this.world.pending.length + this.roundInputs.waitingCount >= MAX_PENDING_COMMANDS) return this.refuse(client, ClientMessage.command, "too many orders are waiting: resume the game first");
    const checked = checkCommand(payload);
    if (!checked.ok) return this.refuse(client, ClientMessage.command, checked.error);
    // admitted where the round's Round is: on the thread (answered with a later answer), or here at once
    const admitted = (r: InputAnswer): void => {
      if (r === null || typeof r === "string" || !r.ok) this.refuse(client, ClientMessage.command, typeof r === "string" ? r : r?.ok === false ? r.error : "not admitted");
      else this.onCommandAccepted(client, r.command);
    };
    const now = this.roundInputs.make({ kind: "admit", sender: { role: seat.role, squads: [...seat.squads] }, command: checked.command }, admitted);
    if (now !== undefined) admitted(now);
  }

  /** A player commits a prediction (budgeted like commands); they get their predictions back, or a refusal. */
  private onPredict(client: Client, payload: unknown): void {
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, PREDICT_MESSAGE, `too many messages: at most ${MessageBudget.PER_SECOND} a second`);
    if (!this.seats.byId.get(client.sessionId)) return this.refuse(client, PREDICT_MESSAGE, "only players make predictions");
    const error = this.predictions.commit(client.sessionId, payload, this.world, this.running());
    if (error) return this.refuse(client, PREDICT_MESSAGE, error);
    client.send(MY_PREDICTIONS_MESSAGE, this.predictions.mine(client.sessionId));
  }

  private onInspect(client: Client, payload: unknown): void {
    const checked = checkInspect(payload);
    if (!checked.ok) return this.refuse(client, ClientMessage.inspect, checked.error);
    // The model's own world answers (the thread's is ahead of the room's copy); a thread not started yet: the copy.
    const cellId = checked.value.cellId;
    void this.model.question({ what: "inspect", cellId }).then((r) => client.send(ServerMessage.inspect, r ?? inspectCell(this.world, cellId)));
  }

  /** Answers a message the room will not act on; nothing changes. Replies are rate-limited like commands. */
  protected refuse(client: Client, message: string, error: string): void {
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
    this.model.close();
    this.contrasts.cancel();
  }

  /** The model's own world (the thread's, after every ask sent): its tick and state hash, or null (tests, logs). */
  lookAtModel(): Promise<WorldLook | null> {
    return this.model.question({ what: "look" });
  }

  /** Whether the model steps on its own thread (tests). */
  get modelOnThread(): boolean {
    return this.model.onThread;
  }

  /** Who sits where, for tests and logs. */
  seatList(): ReturnType<Seats["list"]> {
    return this.seats.list();
  }
}
