// The room's side of its round's inputs (shared/round/roundInputs.ts): every change to the round between its steps is
// made here and logged at the tick of the world it was made on, which is the model's tick, so that a thread that dies
// can be replaced by one replaying the inputs (its bots thinking again, their memories coming back with them).
// The room's world is the model's only when no ask is in flight (`current`): an input that comes while one is (a
// person's command, a teacher's card, the sandbox's dose) waits for the answer and is made then, its verb's answer
// told later; a change already made on the room's world while one is (an edit, a bot seated or unseated: they reach
// the model with the next ask) is logged then, at the tick it reaches the model. Ticks. Used by TissueRoomBase.

import type { Round } from "../../shared/round/Round.ts";
import { RoundInputs, type InputAnswer, type LoggedInput, type RoundInput } from "../../shared/round/roundInputs.ts";
import type { Role } from "../../shared/sim/index.ts";

/** The inputs to replay and the tick to bring the round to (model/modelWorker.ts). */
export interface InputsTo { logged: LoggedInput[]; tick: number }

export class RoundInputDesk {
  readonly inputs = new RoundInputs();
  /** Whether the log holds the round from its tick 0 (not a round rebuilt from a checkpoint's log of the model). */
  whole = true;
  /** Changes made on the room's world while an ask was in flight: logged when the answer is taken. */
  private late: RoundInput[] = [];
  /** Inputs waiting for the room's world to be the model's, with who to tell their answer. */
  private waiting: { input: RoundInput; told: (answer: InputAnswer) => void }[] = [];
  /** The roles whose bots were seated by an input logged this round (a bot seated otherwise cannot be replayed). */
  private readonly seated = new Set<Role>();

  /** `current`: whether the room's world is the model's now (no ask in flight; an answer that came is taken first). */
  private readonly round: Round;
  private readonly current: () => boolean;

  constructor(round: Round, current: () => boolean) {
    this.round = round;
    this.current = current;
  }

  /** Inputs waiting for the room's world to catch up. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  /** Makes `input` now if the room's world is the model's (its answer returned), else when it is (its answer to `told`). */
  make(input: RoundInput, told: (answer: InputAnswer) => void): InputAnswer | undefined {
    if (this.current()) {
      this.catchUp();
      return this.makeNow(input);
    }
    this.waiting.push({ input, told });
    return undefined;
  }

  /** A change the room made on its world already (an edit, a bot seated or unseated): logged at the model's tick. */
  made(input: RoundInput): void {
    if (input.kind === "seat") this.seated.add(input.role);
    if (input.kind === "unseat") this.seated.delete(input.role);
    if (this.current()) {
      this.catchUp();
      this.log(input);
    } else this.late.push(input);
  }

  /** The room's world is the model's again: the late changes are logged, then the waiting inputs made, in order. */
  catchUp(): void {
    for (const input of this.late.splice(0)) this.log(input);
    for (const w of this.waiting.splice(0)) w.told(this.makeNow(w.input));
  }

  /**
   * Whether the log can bring the round back to the model's tick (whole, every bot seated by a logged input); what is
   * late or waiting is not in it: it reaches the model with the next ask.
   */
  replayable(): boolean {
    const roles = this.round.bots.roles();
    return this.whole && roles.length === this.seated.size && roles.every((r) => this.seated.has(r));
  }

  /** The log to replay to the round's tick now (inputs at that tick included: the model's thread had them). */
  to(): InputsTo {
    return { logged: [...this.inputs.logged], tick: this.round.world.tick };
  }

  /** A new round: nothing logged; inputs still waiting are dropped (they were for the last round). */
  clear(): void {
    this.inputs.clear();
    this.late = [];
    this.waiting = [];
    this.seated.clear();
    this.whole = true;
  }

  private makeNow(input: RoundInput): InputAnswer {
    return this.inputs.make(this.round, input);
  }

  private log(input: RoundInput): void {
    this.inputs.logged.push({ tick: this.round.world.tick, input });
  }
}
