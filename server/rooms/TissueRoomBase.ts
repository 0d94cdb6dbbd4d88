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
import { debriefOf, type RoundEnding } from "../../shared/report/roundEnding.ts";
import type { LedgerSummary } from "../../shared/report/ledgerSummary.ts";
import { ClientMessage, ServerMessage, checkInspect, type Debrief, type Refusal, type Speed } from "../../shared/net/messages.ts";
import { checkCommand } from "../../shared/net/commandMessage.ts";
import { BotSeats, type CardClock, type InputAnswer, type RoundInput } from "../../shared/round/index.ts";
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
import { SquadTugWindow } from "./il2SquadTugSync.ts";
import { MessageBudget } from "./messageBudget.ts";
import { PredictionDesk } from "./predictionDesk.ts";
import { MY_PREDICTIONS_MESSAGE, PREDICT_MESSAGE } from "../../shared/net/predictionWire.ts";
import { InlineModel } from "./model/inlineModel.ts";
import type { Answer, ModelHost, RoundNews, WorldLook } from "./model/modelHost.ts";
import type { RoundStart } from "./model/modelRound.ts";
import { ModelThread } from "./model/modelThread.ts";
import { RoundFacts } from "./model/roundFacts.ts";
import type { WorldEdit } from "./model/worldEdits.ts";
import type { ReplayTo } from "./model/replayLog.ts";
import { viewOf, type RoundView } from "./model/roundView.ts";
import { RoundInputDesk } from "./roundInputDesk.ts";
import { BASE_TICKS_PER_SECOND, RoundClock } from "./roundClock.ts";
import { syncFigures } from "./roundSync.ts";
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
  /** The round's counts as the model's host made them with its last answer (model/roundTally.ts). */
  private counted: LedgerSummary | undefined;
  /** The squads' IL-2 capture over the tug's window, sampled where the model steps (a class shows it: il2SquadTugSync.ts). */
  protected readonly squadCapture = new SquadTugWindow();
  protected debrief: Debrief | null = null;
  protected roundSetup: RoundSetup = {};
  /** Each player's predictions for this round (predict, observe, explain). */
  protected readonly predictions = new PredictionDesk();
  /** The round's log of what reached the model, and its contrasts after the end (contrast/RoundContrasts.ts). */
  protected readonly contrasts = new RoundContrasts((u) => this.broadcast(ServerMessage.contrast, u, { afterNextPatch: true }));
  /** Where the model steps, holding the round's one world: its own thread, or this process (model/modelHost.ts). */
  private model: ModelHost = new ModelThread(this.fieldFrames);
  /**
   * The round's inputs (roundInputDesk.ts): sent with the asks to the Round where the model is, logged at the model's
   * tick, so that a thread that dies is replaced by one replaying them.
   */
  protected readonly roundInputs = new RoundInputDesk(() => this.bots.roles());
  /** When each therapy card can next be played, as the Round's last answer left it (a resumed class sets it). */
  private cardClock: CardClock = new Map();
  /** The card clock was set by the room (a class resumed): it goes to the Round with the next ask. */
  private cardsSet = false;
  /** Commands on their way to the model (an ask dropped, a checkpoint's): they go with the next ask. */
  private pending: Command[] = [];
  /** Commands the Round admitted and has not stepped yet (a paused room's): a checkpoint keeps them. */
  private modelPending: Command[] = [];
  /** Threads that died and were replaced this room's life (tests, logs). */
  threadsReplaced = 0;
  /** Ticks the clock ran while the thread was still busy: asked for with the next ask. */
  private owedTicks = 0;
  /** A field frame fell due since the last ask: the next ask asks for it. */
  private frameOwed = false;
  /** Edits made since the last ask: sent with the next one. */
  private unsentEdits: WorldEdit[] = [];
  /** What the state shows of the round (model/roundView.ts): the view from the model's last answer. */
  private shown: RoundView | null = null;
  /** A host in this process will answer what waits (answerNow). */
  private answerDue = false;

  /** When each therapy card can next be played (the Round's, as its last answer left it; a resumed class sets it). */
  protected get cards(): CardClock {
    return this.cardClock;
  }

  protected set cards(cards: CardClock) {
    this.cardClock = cards;
    this.cardsSet = true;
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
    if (on) this.leaveThread();
    else this.useThread();
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
   * Runs `ticks` model ticks now, in this process (stops at the round's end), in asks that stop at the bots' turns as
   * a thread's do. Tests call it with `manual` set; the room then steps the model in this process for good (the
   * thread's round comes here: a replay).
   */
  advance(ticks = 1): void {
    this.leaveThread();
    for (let left = ticks; left > 0 && this.facts.outcome === "ongoing" && this.model.ready; ) {
      left -= this.askModel(left, false);
      this.takeAnswer();
    }
  }

  /** A change to the world outside its steps: sent to the model with the next ask (at once in this process). */
  protected editWorld(edit: WorldEdit): void {
    this.facts.edit(edit);
    this.unsentEdits.push(edit);
    this.answerNow();
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
    this.answerNow();
    return null;
  }

  /**
   * A host in this process answers what waits soon, without a clock (an ask of no steps once the messages that came
   * together are in); a thread answers with its next ask.
   */
  private answerNow(): void {
    if (this.model.onThread || this.answerDue) return;
    this.answerDue = true;
    setImmediate(() => {
      this.answerDue = false;
      if (this.model.onThread || !this.model.ready) return;
      this.askModel(0, false);
      this.takeAnswer();
    });
  }

  /**
   * Drops what waited for the model (the round ends, or another begins) and, unless the round stays on the host to be
   * asked about (`keepRound`: the teacher's end, after which nothing is in flight), the steps in flight.
   */
  protected stopModel(keepRound = false): void {
    this.contrasts.forgetCommandsFrom(this.facts.tick); // the ask in flight is dropped; unsent edits never reached the model
    if (!keepRound) this.model.forget();
    this.modelPending = [];
    this.pending = [];
    this.unsentEdits = [];
    this.owedTicks = 0;
    this.roundInputs.stop(); // what had not reached the model: the round is over, or another begins
  }

  /** Asks for a field frame with the next ask (5 Hz from the timer; tests call it, a room in this process makes it now). */
  broadcastField(): void {
    this.frameOwed = true;
    if (this.model.onThread || !this.model.ready) return;
    this.askModel(0, true);
    this.takeAnswer();
  }

  /** Seq of the last field frame made. */
  get fieldSeq(): number {
    return this.fieldFrames.seq;
  }

  override onBeforePatch(): void {
    // Colyseus starts patching before onCreate; an onCreate still awaiting (a join code claimed in Redis or
    // PostgreSQL) has no round yet.
    const view = this.shown;
    if (view) {
      this.cellSync.sync(view.cells, this.state.cells);
      syncFigures(this.state, view.figures, this.roundClock, this.cards);
    }
    const batch = this.eventRelay.drain();
    if (batch) this.broadcast(ServerMessage.events, batch, { afterNextPatch: true });
  }

  /** The round's figures copied into the state now (after a pause or a change of speed). */
  protected syncShown(): void {
    if (this.shown) syncFigures(this.state, this.shown.figures, this.roundClock, this.cards);
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
      // the Round still answers the inputs and edits that came (a paused room's orders, a card dealt; an order that
      // came as the round ended is refused there): no steps. A class's lobby sends none: its seats go with the first
      // steps, and no thread starts before them.
      const answerable = this.running() || this.facts.outcome !== "ongoing";
      const waiting = this.roundInputs.waitingCount > 0 || this.unsentEdits.length > 0;
      if (answerable && waiting && this.model.ready) this.askModel(0, false);
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
   * Asks the model for up to `ticks` steps: the steps stop at the next bot's turn (so bots decide at the same ticks
   * whatever the speed or the host), and every command, edit and input made since the last ask goes with it, logged
   * for the contrasts and the round's inputs; with `frame`, a field frame after the steps (a frame is only made when
   * the model has moved). Returns the steps asked.
   */
  private askModel(ticks: number, frame: boolean): number {
    const tick = this.facts.tick;
    const steps = Math.min(ticks, this.bots.ticksToNextTurn(this.facts));
    const commands = this.pending.splice(0), edits = this.unsentEdits.splice(0);
    this.contrasts.edits(tick, edits);
    const inputs = this.roundInputs.send(edits, tick);
    const cards = this.cardsSet ? [...this.cards] : null;
    this.cardsSet = false;
    this.model.ask({ ticks: steps, commands, edits, inputs, cards, frame: frame ? { deadband: this.fieldFrames.deadband } : null });
    if (frame) this.frameOwed = false;
    return steps;
  }

  /** Takes in the model's last answer, if one came: the view, the figures, events, counts, times and frame. */
  private takeAnswer(): void {
    const answer: Answer | null = this.model.take();
    if (!answer) return;
    for (const ms of answer.stepMs) this.roundClock.record(ms);
    if (answer.frame) this.broadcastBytes(ServerMessage.field, answer.frame, { afterNextPatch: true });
    this.shown = answer.view;
    const over = this.facts.outcome !== "ongoing"; // ended here already (the teacher): the answer cannot end it again
    this.facts.heard(answer.tick, over ? this.facts.outcome : answer.outcome, answer.samples, answer.view.figures.doses);
    this.eventRelay.add(answer.wire);
    this.counted = answer.tally.ledger;
    if (answer.tally.squadSample) this.squadCapture.add(answer.tally.squadSample);
    this.takeRoundNews(answer.news);
    if (answer.ending && !over) this.endRound(answer.ending);
  }

  /** What the Round did: its answers to the inputs sent, its card clock and bots' counts, what reached the model. */
  private takeRoundNews(news: RoundNews): void {
    if (!this.cardsSet) this.cardClock = new Map(news.cards);
    Object.assign(this.bots, news.bots);
    for (const t of news.reached) this.contrasts.commands(t.tick, t.commands ?? []);
    this.modelPending = news.waiting;
    this.roundInputs.answered(news.made);
  }

  /**
   * Where the room's round is, for a host to bring its own there: the round's inputs replayed (its bots thinking
   * again), or, for a round rebuilt from a checkpoint or with a bot seated outside the log, the model's log; with the
   * counts so far. Commands admitted and not yet stepped come again with the inputs; with the log they go with the next ask.
   */
  private goOn(byInputs: boolean): RoundStart {
    const f = this.facts;
    if (!byInputs) this.pending.unshift(...this.modelPending.splice(0));
    const from = byInputs ? { inputs: this.roundInputs.to(f.tick) } : { replay: { ticks: this.contrasts.logSoFar(f.tick), tick: f.tick } };
    return { scenario: f.scenario, seed: f.seed, frames: this.fieldFrames.state(), known: f.history.length, ledger: this.counted, ...from };
  }

  /** Leaves the model's thread for good: the round comes to this process (a replay), where the model steps from now on. */
  private leaveThread(): void {
    if (!this.model.onThread) return;
    this.takeAnswer();
    const byInputs = this.roundInputs.replayable();
    this.dropThread();
    this.model = new InlineModel(this.fieldFrames);
    if (this.facts.scenario) this.model.startRound(this.goOn(byInputs)); // a round was started
  }

  /** The round goes to a thread of its own (a replay), where the model steps from now on. */
  private useThread(): void {
    if (this.model.onThread) return;
    this.takeAnswer();
    const byInputs = this.roundInputs.replayable();
    this.dropThread();
    this.model = new ModelThread(this.fieldFrames);
    if (this.facts.scenario) this.model.startRound(this.goOn(byInputs)); // a round was started
  }

  /**
   * A thread that died is replaced by a new one that replays the round's inputs (its bots thinking again) to the
   * room's tick, or, for a round rebuilt from a checkpoint, the model's log; the ask in flight is asked again. The
   * round goes on where it was.
   */
  private replaceThread(failure: string): void {
    const byInputs = this.roundInputs.replayable();
    console.error(`[${this.roomName} ${this.roomId}] the model's thread failed; a new thread replays the round ${byInputs ? "(its inputs)" : "(the model's log)"} to tick ${this.facts.tick}:`, failure);
    this.dropThread();
    this.threadsReplaced++;
    this.model = new ModelThread(this.fieldFrames);
    this.model.startRound(this.goOn(byInputs));
  }

  /** Closes the thread; the commands and inputs of its ask in flight go back to wait for the next ask (its edits are logged). */
  private dropThread(): void {
    const asked = this.model.asked;
    if (asked) this.pending.unshift(...asked.commands);
    this.roundInputs.resend(); // the inputs sent with it too
    this.contrasts.forgetCommandsFrom(this.facts.tick); // logged again when asked again
    this.model.close();
  }

  /**
   * The teacher ends the round now (a class closed or drained does too): the model's host answers the ask in flight,
   * then judges the outcome at its tick (Round.endNow, shared/round/endNow.ts) and sends what the round leaves; then
   * the debrief as for any end. A thread that cannot answer is left for this process, which replays the round first.
   */
  protected endNow(): void {
    let ended = this.model.endNow(); // the ask in flight is answered first
    this.takeAnswer(); // its steps are the round's (they may have ended it)
    if (this.facts.outcome !== "ongoing") return;
    if (!ended && this.model.onThread) {
      this.leaveThread();
      ended = this.model.endNow();
      this.takeAnswer();
      if (this.facts.outcome !== "ongoing") return;
    }
    this.stopModel(true); // the ended round stays on its host: the microscope and tests may still ask it
    if (!ended) throw new Error("the round has no model to end it"); // a room that never started a round
    this.facts.heard(ended.tick, ended.outcome, [], ended.view.figures.doses);
    this.shown = ended.view;
    this.endRound(ended.ending);
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

  /**
   * A new round from roundSetup and `seed`; seats stay. Its world is made here only to start the round's log and the
   * first key frame: the model's host makes and keeps its own.
   */
  protected startRound(seed: number): void {
    const base = SCENARIOS[this.roundSetup.scenarioId ?? DEFAULT_SCENARIO_ID];
    this.roundInputs.clear();
    const scenario = scenarioWithVariant(base, this.roundSetup.days, this.roundSetup.variant);
    const fresh = createWorld(scenario, makeParams(scenario.params), seed >>> 0);
    this.stopModel();
    this.facts.start(fresh);
    this.cardClock = new Map(); // every card ready
    this.cardsSet = false;
    this.contrasts.startRound(fresh, this.state.round);
    this.counted = undefined;
    this.squadCapture.clear();
    this.debrief = null;
    this.eventRelay.clear();
    this.fieldFrames.restart();
    this.cellSync.reset(this.state.cells);
    this.fieldFrames.next(fresh); // a key frame ready for the first client
    this.shown = viewOf(fresh);
    this.model.startRound({ scenario, seed: fresh.seed, frames: this.fieldFrames.state(), known: this.facts.history.length }); // frames go on from the key frame
    this.state.scenarioId = scenario.id;
    this.predictions.reset(scenario, this.state.round);
    this.onBeforePatch();
  }

  /** The round so far, for a checkpoint: the model's tick as last answered, the log up to it, the orders and edits still on their way. */
  protected roundSoFar(): RoundSoFar {
    const f = this.facts;
    return { seed: f.seed, tick: f.tick, ticks: this.contrasts.logSoFar(f.tick), pending: [...this.modelPending, ...this.pending], unsentEdits: [...this.unsentEdits] };
  }

  /**
   * Rebuilds a checkpointed round (a class resumed after a restart; roundSetup already its): the model's host makes a
   * fresh world from the same seed and replays the log to the checkpoint's tick, counting on the way; the room takes
   * the log again for the contrasts; what had not reached the model goes with the next ask. The first answer (asked
   * now) brings the view, a key frame and the history. Returns the checkpoint's tick.
   */
  protected resumeRound(so: RoundSoFar): number {
    this.startRound(so.seed);
    for (const entry of so.ticks) {
      this.contrasts.edits(entry.tick, entry.edits ?? []);
      if (entry.tick < so.tick) this.contrasts.commands(entry.tick, entry.commands ?? []);
    }
    this.pending.push(...(so.ticks.find((t) => t.tick === so.tick)?.commands ?? []), ...so.pending);
    this.facts.tick = so.tick;
    this.facts.history = []; // the first answer sends them all
    this.fieldFrames.restart();
    this.roundInputs.whole = false; // its inputs before the checkpoint are not known: a replaced thread replays the model's log
    this.model.startRound({ scenario: this.facts.scenario, seed: this.facts.seed, frames: this.fieldFrames.state(), known: 0, replay: { ticks: so.ticks, tick: so.tick } });
    this.shown = null;
    this.cellSync.reset(this.state.cells);
    for (const edit of so.unsentEdits) this.editWorld(edit);
    if (this.model.ready && !this.model.asked) {
      this.askModel(0, true);
      this.takeAnswer();
    }
    this.onBeforePatch();
    return so.tick;
  }

  /** A fresh world (next seed) with the same seats; bots re-seated on it and everyone sent its key frame. */
  protected restartWorld(): void {
    this.state.round++;
    this.roundClock.paused = false;
    this.startRound(this.facts.seed + 1);
    for (const role of this.bots.roles()) this.bots.seat(role, this.difficulty, this.facts.seed, this.facts.dtS);
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
    // orders waiting: admitted where the model is and not yet stepped (a paused room's), or on their way there
    if (this.modelPending.length + this.pending.length + this.roundInputs.waitingCount >= MAX_PENDING_COMMANDS) return this.refuse(client, ClientMessage.command, "too many orders are waiting: resume the game first");
    const checked = checkCommand(payload);
    if (!checked.ok) return this.refuse(client, ClientMessage.command, checked.error);
    // admitted where the round's Round is, with the next ask (at once in this process)
    this.roundInputs.make({ kind: "admit", sender: { role: seat.role, squads: [...seat.squads] }, command: checked.command }, (r: InputAnswer) => {
      if (r === null || typeof r === "string" || !r.ok) this.refuse(client, ClientMessage.command, typeof r === "string" ? r : r?.ok === false ? r.error : "not admitted");
      else this.onCommandAccepted(client, r.command);
    });
    this.answerNow();
  }

  /** A player commits a prediction (budgeted like commands); they get their predictions back, or a refusal. */
  private onPredict(client: Client, payload: unknown): void {
    if (!this.budget.allow(client.sessionId)) return this.refuse(client, PREDICT_MESSAGE, `too many messages: at most ${MessageBudget.PER_SECOND} a second`);
    if (!this.seats.byId.get(client.sessionId)) return this.refuse(client, PREDICT_MESSAGE, "only players make predictions");
    const error = this.predictions.commit(client.sessionId, payload, this.facts.moment(), this.running());
    if (error) return this.refuse(client, PREDICT_MESSAGE, error);
    client.send(MY_PREDICTIONS_MESSAGE, this.predictions.mine(client.sessionId));
  }

  private onInspect(client: Client, payload: unknown): void {
    const checked = checkInspect(payload);
    if (!checked.ok) return this.refuse(client, ClientMessage.inspect, checked.error);
    // The model's own world answers (where the round is, after the steps asked so far).
    const cellId = checked.value.cellId;
    void this.model.question({ what: "inspect", cellId }).then((r) => {
      if (r) client.send(ServerMessage.inspect, r);
      else this.refuse(client, ClientMessage.inspect, "the microscope cannot see the tissue just now: try again in a moment");
    });
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

  /** The model's own world (where the round is, after every ask sent): its tick and state hash, or null (tests, logs). */
  lookAtModel(): Promise<WorldLook | null> {
    return this.model.question({ what: "look" });
  }

  /**
   * The round's one world when the model steps in this process (a room driven by advance()), for tests to look at; null
   * on a thread (ask it: lookAtModel). The room itself reads no world.
   */
  modelWorld(): World | null {
    return this.model instanceof InlineModel ? this.model.world : null;
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
