// A round's inputs, logged at the tick they were made, and a replay that makes them again: the way to bring a whole
// `Round` (world, card clock, bot seats and the bots' memories) back to a tick, which a log of the model's commands alone
// cannot do once the bots live beside the world (their commands come again from their own decisions). Issue 15: the
// piece a model's thread that holds the Round needs to be replaced from the log without losing the round.
// Inputs between two steps are made in order, then the bots whose turn it is think, then the step (Round.tick), as the
// rooms do. Ticks. Pure; the room logs its round's inputs (server/rooms/roundInputDesk.ts) and a thread that replaces
// a dead one replays them (server/rooms/model/modelWorker.ts); tests.

import { ROLES, type Command, type Difficulty, type Role, type SimEvent, type TherapyName, type World } from "../sim/index.ts";
import type { Admission, Sender } from "./admitCommand.ts";
import { Round } from "./Round.ts";
import { applyEdit, type WorldEdit } from "./worldEdit.ts";

/** Something done to a round between its steps, by a person, a teacher or the room. */
export type RoundInput =
  /** A person's command (checked at the door), admitted by the round's rules. */
  | { kind: "admit"; sender: Sender; command: Command }
  | { kind: "edit"; edit: WorldEdit }
  /** A bot of this skill takes the role (its seed derived from the world's: BotSeats.seat). */
  | { kind: "seat"; role: Role; difficulty: Difficulty }
  | { kind: "unseat"; role: Role }
  | { kind: "give"; therapy: TherapyName }
  | { kind: "deal"; therapy: TherapyName; clinicianSeated: boolean };

/** An input and the tick of the world it was made on (before that tick's step). */
export interface LoggedInput { tick: number; input: RoundInput }

/** What the round's verb answered: an admission, a sentence (why not), or null (done). */
export type InputAnswer = Admission | string | null;

/** Whether an answer means the round changed (a refused input changed nothing and need not be made again). */
export function changed(answer: InputAnswer): boolean {
  return answer === null || (typeof answer === "object" && answer.ok);
}

/** Makes one input on `round`; its verb's answer. */
export function makeInput(round: Round, input: RoundInput): InputAnswer {
  const w: World = round.world;
  switch (input.kind) {
    case "admit": return round.admit(input.sender, input.command);
    case "edit": applyEdit(w, input.edit); return null;
    case "seat":
      if (!ROLES.includes(input.role)) return `there is no role "${input.role}"`;
      round.bots.seat(input.role, input.difficulty, w.seed, w.dtS);
      return null;
    case "unseat": round.bots.unseat(input.role); return null;
    case "give": return round.give(input.therapy);
    case "deal": return round.deal(input.therapy, input.clinicianSeated);
  }
}

/** The inputs a round has taken, in order; made through `make`, so that nothing reaches the round unlogged. */
export class RoundInputs {
  readonly logged: LoggedInput[] = [];

  /** Makes `input` on `round` and logs it at the round's tick when it changed the round; the verb's answer. */
  make(round: Round, input: RoundInput): InputAnswer {
    const answer = makeInput(round, input);
    if (changed(answer)) this.logged.push({ tick: round.world.tick, input });
    return answer;
  }

  /** Forgets the log (a new round). */
  clear(): void {
    this.logged.length = 0;
  }
}

/**
 * A round on `world` (fresh: tick 0, made from the same scenario and seed) brought to `tick`: at each tick the inputs
 * logged there are made again in order, then the round ticks (its bots think, then the step). Inputs logged at `tick`
 * itself are made too (they wait for its step). The round's world, cards and bots are then those the logged round had.
 * `after` is told each step's events.
 */
export function replayInputs(world: World, logged: readonly LoggedInput[], tick: number, after?: (events: readonly SimEvent[]) => void): Round {
  if (world.tick !== 0) throw new Error("a replay starts from a fresh world");
  const round = new Round(world);
  let k = 0;
  for (let t = 0; t <= tick; t++) {
    while (k < logged.length && logged[k].tick === t) makeInput(round, logged[k++].input);
    if (k < logged.length && logged[k].tick < t) throw new Error(`the log is not in tick order at input ${k}`);
    if (t === tick) break;
    if (world.outcome !== "ongoing") throw new Error(`the round ended at tick ${t}, before the replay's tick ${tick}`);
    const events = round.tick();
    after?.(events);
  }
  return round;
}
