// The round where the model steps: its Round (world, card clock, bots), the ledger's counts and the field frames,
// brought to where the room's round is (a replay of its inputs or of the model's log), then stepped ask by ask: the
// edits and the round's inputs made first, the bots thinking before each step. What each ask gave goes back to the
// room (model/modelHost.ts: the view, wire events, counts, new metric samples, the ending); the room holds no world.
// The ONE home of a room's world: held by the model's thread (modelWorker.ts) or, in the room's own process, by
// InlineModel. Ticks; milliseconds from performance.now (the server's clock, never the model's).

import { createWorld, makeParams, step, type Scenario, type SimEvent, type World } from "../../../shared/sim/index.ts";
import { Round } from "../../../shared/round/Round.ts";
import { makeInput, replayInputs } from "../../../shared/round/roundInputs.ts";
import type { LogTick } from "../../../shared/report/commandLog.ts";
import { roundEnding } from "../../../shared/report/roundEnding.ts";
import { wireEvents } from "../eventRelay.ts";
import { FieldFrames, type FieldFramesState } from "../fieldBroadcast.ts";
import { answer, type Ask, type EndedNow, type GoOnFrom, type Question, type Reply, type RoundNews, type Stepped } from "./modelHost.ts";
import { replayTo } from "./replayLog.ts";
import { RoundTally } from "./roundTally.ts";
import { viewOf } from "./roundView.ts";
import { applyEdit } from "./worldEdits.ts";

/**
 * A round to hold: made from `scenario` and `seed`, its field frames going on from `frames`; `known` the metric samples
 * the room already has (the answers send the rest: a resumed class's room has none).
 */
export interface RoundStart extends GoOnFrom { scenario: Scenario; seed: number; frames: FieldFramesState; known: number }

export class ModelRound {
  readonly world: World;
  readonly game: Round;
  private readonly tally = new RoundTally();
  private readonly frames = new FieldFrames();
  /** Metric samples already sent. */
  private sent: number;

  constructor(start: RoundStart) {
    const w = (this.world = createWorld(start.scenario, makeParams(start.scenario.params), start.seed));
    // the ledger counts a replay tick by tick. A resumed class: its last tick's commands come with the next ask. A
    // replaced thread: the round's inputs, bots thinking again (inputs the dead thread had not answered come again).
    const count = (events: readonly SimEvent[]) => this.tally.ledger.record(w, events);
    if (start.inputs) this.game = replayInputs(w, start.inputs.logged, start.inputs.tick, count);
    else {
      this.game = new Round(w);
      if (start.replay) replayTo(w, start.replay, { after: count });
    }
    this.tally.goOnFrom(w, start.ledger); // a replaced thread goes on with the room's counts
    this.sent = Math.min(start.known, w.history.length);
    this.frames.adopt(start.frames);
  }

  /** One ask: edits, inputs, then up to `ask.ticks` steps (each after the bots' turn); what it gave. */
  step(ask: Ask): Stepped {
    const world = this.world, game = this.game, was = world.outcome;
    for (const edit of ask.edits) applyEdit(world, edit);
    for (const command of ask.commands) world.pending.push(command);
    if (ask.cards) game.cards = new Map(ask.cards);
    const made = ask.inputs.map((input) => makeInput(game, input));
    const events: SimEvent[] = [];
    const stepMs: number[] = [];
    const reached: LogTick[] = [];
    for (let k = 0; k < ask.ticks && world.outcome === "ongoing"; k++) {
      game.think();
      if (world.pending.length) reached.push({ tick: world.tick, commands: [...world.pending] });
      const t0 = performance.now();
      for (const e of step(world)) events.push(e);
      stepMs.push(performance.now() - t0);
    }
    let frame: Stepped["frame"] = null;
    if (ask.frame) {
      this.frames.deadband = ask.frame.deadband;
      const bytes = this.frames.next(world);
      if (bytes) frame = { bytes, state: this.frames.state() };
    }
    const samples = world.history.slice(this.sent);
    this.sent = world.history.length;
    const tally = stepMs.length ? this.tally.after(world, events) : this.tally.now(); // before the ending: the ledger counts these steps first
    const ending = was === "ongoing" && world.outcome !== "ongoing" ? roundEnding(world, this.tally.ledger) : null; // the steps decided it
    const bots = game.bots;
    const news: RoundNews = {
      made, cards: [...game.cards], bots: { accepted: bots.accepted, refused: bots.refused, lastRefusal: bots.lastRefusal }, reached, waiting: [...world.pending],
    };
    return { wire: wireEvents(world, events), view: viewOf(world), tally, news, stepMs, frame, tick: world.tick, outcome: world.outcome, samples, ending };
  }

  /** The teacher's end: the outcome judged at this tick (Round.endNow), what the round leaves. */
  endNow(): EndedNow {
    const world = this.world;
    const outcome = world.outcome === "ongoing" ? this.game.endNow() : world.outcome;
    return { outcome, tick: world.tick, view: viewOf(world), ending: roundEnding(world, this.tally.ledger) };
  }

  answer<Q extends Question>(q: Q): Reply<Q> {
    return answer(this.world, q);
  }
}
