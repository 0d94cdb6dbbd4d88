// THE GAME'S RULES around the model, pure and deterministic: the round's world, its therapy cards' clock and its bot
// seats, with a small verb set: admit a command from a seat, let the bots think, step, give a therapy, end now.
// The rooms validate at the door, forward here and copy the world into their state; the tests and the experiment
// runner drive the same verbs. Ticks. Called by server/rooms/TissueRoomBase.ts, server/experiment/run.ts, tests.

import { ROLE_SQUADS, step, type Command, type Outcome, type SimEvent, type TherapyName, type World } from "../sim/index.ts";
import { admitCommand, type Admission, type CardClock, type Sender } from "./admitCommand.ts";
import { BotSeats } from "./botSeats.ts";
import { outcomeEndedNow } from "./endNow.ts";

/** The clinician's seat as the round's own hand plays it (a sandbox button, a teacher's card with no clinician). */
const CLINICIAN: Sender = { role: "clinician", squads: ROLE_SQUADS.clinician };

export class Round {
  /** The world being played (set by start). */
  world!: World;
  /** When each therapy card can next be played, model ticks. */
  cards: CardClock = new Map();
  /** The bots seated in this room's rounds: they stay seated from one round to the next. */
  readonly bots = new BotSeats();

  constructor(world?: World) {
    if (world) this.start(world);
  }

  /** A new round on `world`: every card ready; bots keep their seats (re-seat them for a new seed). */
  start(world: World): void {
    this.world = world;
    this.cards = new Map();
  }

  /** A well-formed command from a seat (checked at the door): queued for the next step, or refused with a sentence. */
  admit(sender: Sender, command: Command): Admission {
    if (this.world.outcome !== "ongoing") return { ok: false, error: "the round is over" };
    return admitCommand(this.world, sender, command, this.cards);
  }

  /** The bots whose turn it is decide, their commands admitted like a person's. Call before the next step. */
  think(): void {
    this.bots.think(this.world, this.cards);
  }

  /** Model ticks until the next bot's turn (at least 1): steps asked at once stop there. */
  ticksToNextTurn(): number {
    return this.bots.ticksToNextTurn(this.world);
  }

  /** One model step with the commands queued so far (the room times and logs around it). */
  step(): SimEvent[] {
    return step(this.world);
  }

  /** One tick of the round as the rooms run it: the bots' turn, then the step. */
  tick(): SimEvent[] {
    this.think();
    return this.step();
  }

  /** One dose of a therapy given as the clinician would give it (same cool-down and leak veto); null or why not. */
  give(therapy: TherapyName): string | null {
    const r = this.admit(CLINICIAN, { kind: "therapy", therapy, course: false });
    return r.ok ? null : r.error;
  }

  /** The teacher deals a card: ready now for a seated clinician, else given at once. Null, or why it was not. */
  deal(therapy: TherapyName, clinicianSeated: boolean): string | null {
    if (!clinicianSeated) return this.give(therapy);
    this.cards.set(therapy, this.world.tick);
    return null;
  }

  /** Ends the round now, before its time (the teacher's end): its outcome is judged at this tick (endNow.ts). */
  endNow(): Outcome {
    this.world.outcome = outcomeEndedNow(this.world);
    return this.world.outcome;
  }
}
