// The model stepped in the room's own process, on the room's world: the host of a room driven by advance() (tests),
// answering each ask at once. Edits are already made on the world; the ask's commands go back to world.pending for
// the step. Ticks; milliseconds from performance.now (the server's clock, never the model's). Used by TissueRoomBase.

import { step, type SimEvent, type World } from "../../../shared/sim/index.ts";
import { wireEvents } from "../eventRelay.ts";
import type { FieldFrames, FieldFramesState } from "../fieldBroadcast.ts";
import { RoundTally } from "./roundTally.ts";
import { roundEnding } from "../../../shared/report/roundEnding.ts";
import { answer, type EndedNow, type GoOnFrom, type Answer, type Ask, type ModelHost, type Question, type Reply } from "./modelHost.ts";
import { outcomeEndedNow } from "../../../shared/round/endNow.ts";
import { viewOf } from "./roundView.ts";

export class InlineModel implements ModelHost {
  readonly onThread = false;
  /** The room's own Round makes the inputs, on this world. */
  readonly holdsRound = false;
  readonly failure = null;
  readonly asked = null;
  private world: World | null = null;
  private answer: Answer | null = null;
  private readonly frames: FieldFrames;
  private tally = new RoundTally();
  /** Metric samples already sent. */
  private sent = 0;

  /** `frames` are the room's: frames made here are the room's next ones. */
  constructor(frames: FieldFrames) {
    this.frames = frames;
  }

  get ready(): boolean {
    return this.world !== null;
  }

  /** The room's `world` is already where the round is (a replay made on it): `from.ledger` is what it counted so far. */
  startRound(world: World, _frames: FieldFramesState, from?: GoOnFrom): void {
    this.world = world;
    this.answer = null;
    this.tally = new RoundTally();
    this.tally.goOnFrom(world, from?.ledger);
    this.sent = world.history.length;
  }

  ask(ask: Ask): void {
    const world = this.world;
    if (!world) throw new Error("no round started on this model");
    const was = world.outcome;
    world.pending.push(...ask.commands);
    const events: SimEvent[] = [];
    const stepMs: number[] = [];
    for (let k = 0; k < ask.ticks && world.outcome === "ongoing"; k++) {
      const t0 = performance.now();
      for (const e of step(world)) events.push(e);
      stepMs.push(performance.now() - t0);
    }
    if (ask.frame) this.frames.deadband = ask.frame.deadband;
    // The view is made from the room's world when the room patches (it is this world): not after every tick.
    const tally = this.tally.after(world, events);
    const samples = world.history.slice(this.sent);
    this.sent = world.history.length;
    this.answer = {
      events, wire: wireEvents(world, events), stepMs, frame: ask.frame ? this.frames.next(world) : null, view: null, tally, round: null,
      tick: world.tick, outcome: world.outcome, samples, ending: was === "ongoing" && world.outcome !== "ongoing" ? roundEnding(world, this.tally.ledger) : null,
    };
  }

  take(): Answer | null {
    const a = this.answer;
    this.answer = null;
    return a;
  }

  question<Q extends Question>(q: Q): Promise<Reply<Q> | null> {
    return Promise.resolve(this.world ? answer(this.world, q) : null);
  }

  endNow(): EndedNow | null {
    const world = this.world;
    if (!world) return null;
    if (world.outcome === "ongoing") world.outcome = outcomeEndedNow(world); // as Round.endNow
    return { outcome: world.outcome, tick: world.tick, view: viewOf(world), ending: roundEnding(world, this.tally.ledger) };
  }

  forget(): void {
    this.answer = null;
  }

  close(): void {
    this.world = null;
    this.answer = null;
  }
}
