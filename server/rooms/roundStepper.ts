// A room's stepping path: its ONE way to the model, whatever the host (model/modelHost.ts: the model's thread, or
// this process for rooms driven by advance()). At each clock tick it takes the last answer, replaces a thread that
// died (a replay of the round's inputs) and asks for the owed steps with the commands, edits and round inputs made
// since, stopping at the next bot's turn; it takes the answers' model-side news (the card clock, the bots' counts, what
// reached the model, each input's answer, the counts, the model's tick, outcome and samples) and hands the rest to the
// room (`StepperRoom.answered`: the frame, the view, the events, the ending). It also ends a round where the model
// is (the teacher's end) and brings the round into this process or to a thread. Ticks. Used by TissueRoomBase.

import type { LedgerSummary } from "../../shared/report/ledgerSummary.ts";
import type { BotSeats, CardClock } from "../../shared/round/index.ts";
import type { Command, World } from "../../shared/sim/index.ts";
import type { RoundContrasts } from "./contrast/RoundContrasts.ts";
import type { FieldFrames } from "./fieldBroadcast.ts";
import { InlineModel } from "./model/inlineModel.ts";
import type { Answer, EndedNow, ModelHost, RoundNews, WorldLook } from "./model/modelHost.ts";
import type { RoundStart } from "./model/modelRound.ts";
import { ModelThread } from "./model/modelThread.ts";
import type { RoundFacts } from "./model/roundFacts.ts";
import type { WorldEdit } from "./model/worldEdits.ts";
import type { RoundClock } from "./roundClock.ts";
import type { RoundInputDesk } from "./roundInputDesk.ts";

/** Most model ticks one ask of the model's thread may carry (a thread that fell behind catches up, within reason). */
export const MAX_TICKS_PER_ASK = 16;
/**
 * Threads that may die in one room's life and be replaced; after that the model steps in the room's process (a step
 * that fails every time it is replayed must not restart threads without end).
 */
export const MAX_THREADS_REPLACED = 3;

/** What the stepping path needs of its room. */
export interface StepperRoom {
  readonly facts: RoundFacts;
  readonly bots: BotSeats;
  readonly roundClock: RoundClock;
  readonly fieldFrames: FieldFrames;
  readonly contrasts: RoundContrasts;
  readonly roundInputs: RoundInputDesk;
  /** Whether the model runs now (a class's lobby holds it). */
  running(): boolean;
  /** An answer was taken: the room sends what it carries for clients; `ends` when its steps decided the round. */
  answered(answer: Answer, ends: boolean): void;
  /** A failure worth a line in the server's log. */
  log(message: string, failure: string): void;
}

export class RoundStepper {
  private readonly room: StepperRoom;
  /** Where the model steps, holding the round's one world. */
  model: ModelHost;
  /** Commands on their way to the model (an ask dropped, a checkpoint's): they go with the next ask. */
  pending: Command[] = [];
  /** Commands the Round admitted and has not stepped yet (a paused room's): a checkpoint keeps them. */
  modelPending: Command[] = [];
  /** Edits made since the last ask: sent with the next one. */
  unsentEdits: WorldEdit[] = [];
  /** The round's counts as the host made them with its last answer (model/roundTally.ts). */
  counted: LedgerSummary | undefined;
  /** Threads that died and were replaced this room's life (tests, logs). */
  threadsReplaced = 0;
  /** When each therapy card can next be played, as the Round's last answer left it. */
  private cardClock: CardClock = new Map();
  /** The card clock was set by the room (a class resumed): it goes to the Round with the next ask. */
  private cardsSet = false;
  /** Ticks the clock ran while the thread was still busy: asked for with the next ask. */
  private owedTicks = 0;
  /** A field frame fell due since the last ask: the next ask asks for it. */
  private frameOwed = false;
  /** A host in this process will answer what waits (answerNow). */
  private answerDue = false;

  constructor(room: StepperRoom) {
    this.room = room;
    this.model = new ModelThread(room.fieldFrames);
  }

  get cards(): CardClock {
    return this.cardClock;
  }

  /** The room sets the card clock (a class resumed): it goes to the Round with the next ask. */
  set cards(cards: CardClock) {
    this.cardClock = cards;
    this.cardsSet = true;
  }

  /** Orders not yet stepped: admitted where the model is, on their way there, or inputs not yet answered. */
  get ordersWaiting(): number {
    return this.modelPending.length + this.pending.length + this.room.roundInputs.waitingCount;
  }

  /** A new round for the host to hold (everything waiting was for the last one); every card ready. */
  start(start: RoundStart): void {
    this.pending = [];
    this.cardClock = new Map();
    this.cardsSet = false;
    this.counted = undefined;
    this.model.startRound(start);
  }

  /** One clock tick: `ticks` model ticks are due (0 when paused), `frameDue` a field frame. */
  tick(ticks: number, frameDue: boolean): void {
    const { facts, roundInputs } = this.room;
    this.takeAnswer(); // an answer that came before the thread died is the round's
    if (this.model.failure !== null) {
      if (this.threadsReplaced < MAX_THREADS_REPLACED) this.replaceThread(this.model.failure);
      else {
        this.room.log("the model's thread failed again; the room steps the model itself now:", this.model.failure);
        this.leaveThread();
      }
    }
    this.frameOwed ||= frameDue;
    if (ticks === 0 || !this.room.running() || facts.outcome !== "ongoing") {
      this.owedTicks = 0; // paused, held in the lobby or over: nothing is owed
      this.frameOwed = false;
      // the Round still answers the inputs and edits that came (a paused room's orders, a card dealt; an order that
      // came as the round ended is refused there): no steps. A class's lobby sends none: its seats go with the first
      // steps, and no thread starts before them.
      const answerable = this.room.running() || facts.outcome !== "ongoing";
      const waiting = roundInputs.waitingCount > 0 || this.unsentEdits.length > 0;
      if (answerable && waiting && this.model.ready) this.ask(0, false);
      return;
    }
    this.owedTicks = Math.min(this.owedTicks + ticks, MAX_TICKS_PER_ASK);
    // A thread takes one ask per tick (its answer comes with a later tick); this process answers at once, tick by tick.
    while (this.owedTicks > 0 && this.model.ready && facts.outcome === "ongoing") {
      const steps = this.model.onThread ? this.owedTicks : 1;
      this.owedTicks -= this.ask(steps, this.frameOwed && (this.model.onThread || steps === this.owedTicks));
      this.takeAnswer();
    }
  }

  /** `ticks` model ticks now, in this process, in asks that stop at the bots' turns as a thread's do (tests). */
  advance(ticks: number): void {
    this.leaveThread();
    for (let left = ticks; left > 0 && this.room.facts.outcome === "ongoing" && this.model.ready; ) {
      left -= this.ask(left, false);
      this.takeAnswer();
    }
  }

  /** An edit to the world, sent with the next ask. */
  edit(edit: WorldEdit): void {
    this.room.facts.edit(edit);
    this.unsentEdits.push(edit);
    this.answerNow();
  }

  /**
   * A host in this process answers what waits soon, without a clock (an ask of no steps once the messages that came
   * together are in); a thread answers with its next ask.
   */
  answerNow(): void {
    if (this.model.onThread || this.answerDue) return;
    this.answerDue = true;
    setImmediate(() => {
      this.answerDue = false;
      if (this.model.onThread || !this.model.ready) return;
      this.ask(0, false);
      this.takeAnswer();
    });
  }

  /** Asks the host now for no steps and a field frame (a resumed round's first view, frame and history; starts a thread). */
  askNow(): void {
    if (!this.model.ready) return;
    this.ask(0, true);
    this.takeAnswer();
  }

  /** A field frame with the next ask (a host in this process makes it now). */
  field(): void {
    this.frameOwed = true;
    if (this.model.onThread || !this.model.ready) return;
    this.ask(0, true);
    this.takeAnswer();
  }

  /**
   * Drops what waited for the model (the round ends, or another begins) and, unless the round stays on the host to be
   * asked about (`keepRound`: the teacher's end, after which nothing is in flight), the steps in flight.
   */
  stop(keepRound = false): void {
    this.room.contrasts.forgetCommandsFrom(this.room.facts.tick); // the ask in flight is dropped; unsent edits never reached the model
    if (!keepRound) this.model.forget();
    this.modelPending = [];
    this.pending = [];
    this.unsentEdits = [];
    this.owedTicks = 0;
    this.room.roundInputs.stop(); // what had not reached the model: the round is over, or another begins
  }

  /**
   * The teacher's end, where the model is: the host answers the ask in flight (taken here: its steps are the round's,
   * and they may have ended it), then judges the outcome at its tick. A thread that cannot answer is left for this
   * process, which replays the round first. Null when the round was over already (or there is none).
   */
  endNow(): EndedNow | null {
    let ended = this.model.endNow();
    this.takeAnswer();
    if (this.room.facts.outcome !== "ongoing") return null;
    if (!ended && this.model.onThread) {
      this.leaveThread();
      ended = this.model.endNow();
      this.takeAnswer();
      if (this.room.facts.outcome !== "ongoing") return null;
    }
    this.stop(true); // the ended round stays on its host: the microscope and tests may still ask it
    if (ended) this.room.facts.heard(ended.tick, ended.outcome, [], ended.view.figures.doses);
    return ended;
  }

  /** Leaves the model's thread for good: the round comes to this process (a replay), where the model steps from now on. */
  leaveThread(): void {
    if (!this.model.onThread) return;
    this.moveTo(new InlineModel(this.room.fieldFrames));
  }

  /** The round goes to a thread of its own (a replay), where the model steps from now on. */
  useThread(): void {
    if (this.model.onThread) return;
    this.moveTo(new ModelThread(this.room.fieldFrames));
  }

  /** The model's own world, as the host has it after every ask sent: its tick and state hash (tests, logs). */
  lookAtModel(): Promise<WorldLook | null> {
    return this.model.question({ what: "look" });
  }

  /** The world of a host in this process, for tests to look at; null on a thread. */
  modelWorld(): World | null {
    return this.model instanceof InlineModel ? this.model.world : null;
  }

  /**
   * Asks the model for up to `ticks` steps: they stop at the next bot's turn (so bots decide at the same ticks whatever
   * the speed or the host), and every command, edit and input made since the last ask goes with it, logged for the
   * contrasts and the round's inputs; with `frame`, a field frame after the steps (made only when the model has moved).
   * Returns the steps asked.
   */
  private ask(ticks: number, frame: boolean): number {
    const { facts, contrasts, roundInputs, fieldFrames } = this.room;
    const tick = facts.tick;
    const steps = Math.min(ticks, this.room.bots.ticksToNextTurn(facts));
    const commands = this.pending.splice(0), edits = this.unsentEdits.splice(0);
    contrasts.edits(tick, edits);
    const inputs = roundInputs.send(edits, tick);
    const cards = this.cardsSet ? [...this.cardClock] : null;
    this.cardsSet = false;
    this.model.ask({ ticks: steps, commands, edits, inputs, cards, frame: frame ? { deadband: fieldFrames.deadband } : null });
    if (frame) this.frameOwed = false;
    return steps;
  }

  /** Takes in the model's last answer, if one came. */
  private takeAnswer(): void {
    const answer = this.model.take();
    if (!answer) return;
    const facts = this.room.facts;
    for (const ms of answer.stepMs) this.room.roundClock.record(ms);
    const over = facts.outcome !== "ongoing"; // ended here already (the teacher): the answer cannot end it again
    facts.heard(answer.tick, over ? facts.outcome : answer.outcome, answer.samples, answer.view.figures.doses);
    this.counted = answer.tally.ledger;
    this.takeRoundNews(answer.news);
    this.room.answered(answer, answer.ending !== null && !over);
  }

  /** What the Round did: its answers to the inputs sent, its card clock and bots' counts, what reached the model. */
  private takeRoundNews(news: RoundNews): void {
    if (!this.cardsSet) this.cardClock = new Map(news.cards);
    Object.assign(this.room.bots, news.bots);
    for (const t of news.reached) this.room.contrasts.commands(t.tick, t.commands ?? []);
    this.modelPending = news.waiting;
    this.room.roundInputs.answered(news.made);
  }

  /** The round moves to another host: brought where it is by a replay (see goOn); the ask in flight is asked again. */
  private moveTo(host: ModelHost): void {
    this.takeAnswer();
    const byInputs = this.room.roundInputs.replayable();
    this.dropHost();
    this.model = host;
    if (this.room.facts.scenario) host.startRound(this.goOn(byInputs)); // a round was started
  }

  /**
   * A thread that died is replaced by a new one that replays the round's inputs (its bots thinking again) to the
   * room's tick, or, for a round rebuilt from a checkpoint, the model's log; the ask in flight is asked again. The
   * round goes on where it was.
   */
  private replaceThread(failure: string): void {
    const byInputs = this.room.roundInputs.replayable();
    this.room.log(`the model's thread failed; a new thread replays the round ${byInputs ? "(its inputs)" : "(the model's log)"} to tick ${this.room.facts.tick}:`, failure);
    this.threadsReplaced++;
    this.dropHost();
    this.model = new ModelThread(this.room.fieldFrames);
    this.model.startRound(this.goOn(byInputs));
  }

  /** Closes the host; the commands and inputs of its ask in flight go back to wait for the next ask (its edits are logged). */
  private dropHost(): void {
    const asked = this.model.asked;
    if (asked) this.pending.unshift(...asked.commands);
    this.room.roundInputs.resend(); // the inputs sent with it too
    this.room.contrasts.forgetCommandsFrom(this.room.facts.tick); // logged again when asked again
    this.model.close();
  }

  /**
   * Where the room's round is, for a host to bring its own there: the round's inputs replayed (its bots thinking
   * again), or, for a round rebuilt from a checkpoint or with a bot seated outside the log, the model's log; with the
   * counts so far. Commands admitted and not yet stepped come again with the inputs; with the log they go with the next ask.
   */
  private goOn(byInputs: boolean): RoundStart {
    const { facts: f, roundInputs, contrasts, fieldFrames } = this.room;
    if (!byInputs) this.pending.unshift(...this.modelPending.splice(0));
    const from = byInputs ? { inputs: roundInputs.to(f.tick) } : { replay: { ticks: contrasts.logSoFar(f.tick), tick: f.tick } };
    return { scenario: f.scenario, seed: f.seed, frames: fieldFrames.state(), known: f.history.length, ledger: this.counted, ...from };
  }
}
