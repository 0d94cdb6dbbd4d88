// The room's side of its round's inputs (shared/round/roundInputs.ts): every change to the round between its steps
// goes through here and is logged at the tick of the model's world it was made on, so that a thread that dies can be
// replaced by one replaying the inputs (its bots thinking again, their memories coming back with them).
// On the model's thread (`holdsRound`) the Round is there: a person's command, a teacher's card, the sandbox's dose
// and a bot seated or unseated wait here and go with the next ask; the thread makes them, in order, before that ask's
// steps, and its answer says what each gave (`answered`: the refusal sentences, logged if they changed the round).
// In the room's own process the room's Round makes them at once. Edits are logged when they are sent to the model.
// Ticks. Used by TissueRoomBase.

import type { Round } from "../../shared/round/Round.ts";
import { RoundInputs, changed, type InputAnswer, type LoggedInput, type RoundInput } from "../../shared/round/roundInputs.ts";
import type { WorldEdit } from "../../shared/round/worldEdit.ts";
import type { Role } from "../../shared/sim/index.ts";

/** The inputs to replay and the tick to bring the round to (model/modelWorker.ts). */
export interface InputsTo { logged: LoggedInput[]; tick: number }

/** An input on its way, who to tell its answer, and whether the room's own Round made it already (a bot's seat). */
interface Waiting { input: RoundInput; told: (answer: InputAnswer) => void; madeHere: boolean }

const nobody = (): void => {};

export class RoundInputDesk {
  readonly inputs = new RoundInputs();
  /** Whether the log holds the round from its tick 0 (not a round rebuilt from a checkpoint's log of the model). */
  whole = true;
  /** Inputs waiting for the next ask (on the thread) or for the room's world to be the model's. */
  private waiting: Waiting[] = [];
  /** Inputs sent with the ask in flight, and the tick they are made at there. */
  private sent: Waiting[] = [];
  private sentTick = 0;
  /** The roles whose bots were seated by an input logged this round (a bot seated otherwise cannot be replayed). */
  private readonly seated = new Set<Role>();
  private readonly round: Round;
  private readonly current: () => boolean;
  private readonly onThread: () => boolean;

  /**
   * `current`: whether the room's world is the model's now (no ask in flight; an answer that came is taken first);
   * `onThread`: whether the Round is on the model's thread (its inputs go with the asks).
   */
  constructor(round: Round, current: () => boolean, onThread: () => boolean) {
    this.round = round;
    this.current = current;
    this.onThread = onThread;
  }

  /** Inputs not yet answered. */
  get waitingCount(): number {
    return this.waiting.length + this.sent.length;
  }

  /** Makes `input` now in the room's process (its answer returned), else when the model can (its answer to `told`). */
  make(input: RoundInput, told: (answer: InputAnswer) => void): InputAnswer | undefined {
    if (!this.onThread() && this.current()) {
      this.catchUp();
      return this.inputs.make(this.round, input);
    }
    this.waiting.push({ input, told, madeHere: false });
    return undefined;
  }

  /** A bot seated or unseated on the room's Round (the roster's seats): logged now here, or sent to the thread's Round. */
  seatChanged(input: Extract<RoundInput, { kind: "seat" | "unseat" }>): void {
    if (input.kind === "seat") this.seated.add(input.role);
    else this.seated.delete(input.role);
    if (!this.onThread() && this.current()) {
      this.catchUp();
      this.log(input);
    } else this.waiting.push({ input, told: nobody, madeHere: true });
  }

  /** An ask goes to the model at the round's tick: its `edits` are logged; on the thread, the waiting inputs go with it. */
  send(edits: readonly WorldEdit[]): RoundInput[] {
    for (const edit of edits) this.log({ kind: "edit", edit });
    if (!this.onThread()) return [];
    this.sent = this.waiting.splice(0);
    this.sentTick = this.round.world.tick;
    return this.sent.map((w) => w.input);
  }

  /** The thread's answers to the inputs sent (in order): logged where they changed the round, and told. */
  answered(made: readonly InputAnswer[]): void {
    const sent = this.sent.splice(0);
    sent.forEach((w, i) => {
      if (changed(made[i])) this.inputs.logged.push({ tick: this.sentTick, input: w.input });
      w.told(made[i]);
    });
  }

  /** The ask in flight was dropped (its thread died, or the room leaves it): its inputs wait again, first. */
  resend(): void {
    this.waiting.unshift(...this.sent.splice(0));
  }

  /** In the room's process with its world the model's: what waited is made now (a bot's seat only logged). */
  catchUp(): void {
    if (this.onThread()) return;
    for (const w of this.waiting.splice(0)) {
      if (w.madeHere) this.log(w.input);
      else w.told(this.inputs.make(this.round, w.input));
    }
  }

  /** The round stopped before the model had them (the teacher's end): what waits is told so. */
  stop(): void {
    const left = [...this.sent.splice(0), ...this.waiting.splice(0)];
    for (const w of left) w.told(w.madeHere ? null : "the round is over");
  }

  /**
   * Whether the log can bring the round back to the model's tick (whole, every bot seated by a logged input); what
   * waits is not in it: it goes with the next ask.
   */
  replayable(): boolean {
    const roles = this.round.bots.roles();
    return this.whole && roles.length === this.seated.size && roles.every((r) => this.seated.has(r));
  }

  /** The log to replay to the round's tick now. */
  to(): InputsTo {
    return { logged: [...this.inputs.logged], tick: this.round.world.tick };
  }

  /** A new round: nothing logged; inputs still waiting are dropped (they were for the last round). */
  clear(): void {
    this.inputs.clear();
    this.waiting = [];
    this.sent = [];
    this.seated.clear();
    this.whole = true;
  }

  private log(input: RoundInput): void {
    this.inputs.logged.push({ tick: this.round.world.tick, input });
  }
}
