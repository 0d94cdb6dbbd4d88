// The room's side of its round's inputs (shared/round/roundInputs.ts): every change to the round between its steps
// goes through here and is logged at the tick of the model's world it was made on, so that a thread that dies can be
// replaced by one replaying the inputs (its bots thinking again, their memories coming back with them).
// The Round is where the model is (model/modelRound.ts: the model's thread, or InlineModel in this process): a person's
// command, a teacher's card, the sandbox's dose and a bot seated or unseated wait here and go with the next ask; the
// host makes them, in order, before that ask's steps, and its answer says what each gave (`answered`: the refusal
// sentences, logged if they changed the round). Edits are logged when they are sent to the model. Ticks. Used by
// TissueRoomBase.

import { RoundInputs, changed, type InputAnswer, type LoggedInput, type RoundInput } from "../../shared/round/roundInputs.ts";
import type { WorldEdit } from "../../shared/round/worldEdit.ts";
import type { Role } from "../../shared/sim/index.ts";

/** The inputs to replay and the tick to bring the round to (model/modelRound.ts). */
export interface InputsTo { logged: LoggedInput[]; tick: number }

/** An input on its way, and who to tell its answer. */
interface Waiting { input: RoundInput; told: (answer: InputAnswer) => void }

const nobody = (): void => {};

export class RoundInputDesk {
  readonly inputs = new RoundInputs();
  /** Whether the log holds the round from its tick 0 (not a round rebuilt from a checkpoint's log of the model). */
  whole = true;
  /** Inputs waiting for the next ask. */
  private waiting: Waiting[] = [];
  /** Inputs sent with the ask in flight, and the tick they are made at there. */
  private sent: Waiting[] = [];
  private sentTick = 0;
  /** The roles whose bots were seated by an input logged this round (a bot seated otherwise cannot be replayed). */
  private readonly seated = new Set<Role>();
  private readonly roles: () => readonly Role[];

  /** `roles`: the roles bots play in the room now. */
  constructor(roles: () => readonly Role[]) {
    this.roles = roles;
  }

  /** Inputs not yet answered. */
  get waitingCount(): number {
    return this.waiting.length + this.sent.length;
  }

  /** `input` goes with the next ask; its answer to `told`. */
  make(input: RoundInput, told: (answer: InputAnswer) => void): void {
    this.waiting.push({ input, told });
  }

  /** A bot seated or unseated on the room's seats: the Round's with the next ask. */
  seatChanged(input: Extract<RoundInput, { kind: "seat" | "unseat" }>): void {
    if (input.kind === "seat") this.seated.add(input.role);
    else this.seated.delete(input.role);
    this.waiting.push({ input, told: nobody });
  }

  /** An ask goes to the model at `tick`: its `edits` are logged there, and the waiting inputs go with it. */
  send(edits: readonly WorldEdit[], tick: number): RoundInput[] {
    for (const edit of edits) this.inputs.logged.push({ tick, input: { kind: "edit", edit } });
    this.sent = this.waiting.splice(0);
    this.sentTick = tick;
    return this.sent.map((w) => w.input);
  }

  /** The host's answers to the inputs sent (in order): logged where they changed the round, and told. */
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

  /** The round stopped before the model had them (the teacher's end): what waits is told so. */
  stop(): void {
    const left = [...this.sent.splice(0), ...this.waiting.splice(0)];
    for (const w of left) w.told(w.told === nobody ? null : "the round is over");
  }

  /**
   * Whether the log can bring the round back to the model's tick (whole, every bot seated by a logged input); what
   * waits is not in it: it goes with the next ask.
   */
  replayable(): boolean {
    const roles = this.roles();
    return this.whole && roles.length === this.seated.size && roles.every((r) => this.seated.has(r));
  }

  /** The log to replay to `tick`, the model's tick now. */
  to(tick: number): InputsTo {
    return { logged: [...this.inputs.logged], tick };
  }

  /**
   * A round rebuilt from a checkpoint's inputs log: the log is the round's again (whole), and the roles its bots were
   * seated in by it are known (the room seats them on its own seats without a new input).
   */
  restore(logged: readonly LoggedInput[]): void {
    this.clear();
    this.inputs.logged.push(...logged);
    for (const { input } of logged) {
      if (input.kind === "seat") this.seated.add(input.role);
      else if (input.kind === "unseat") this.seated.delete(input.role);
    }
  }

  /** A new round: nothing logged; inputs still waiting are dropped (they were for the last round). */
  clear(): void {
    this.inputs.clear();
    this.waiting = [];
    this.sent = [];
    this.seated.clear();
    this.whole = true;
  }
}
