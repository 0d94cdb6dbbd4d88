// A tissue room's round from its start to its end: a new round from the room's setup and a seed (its facts from the
// scenario, parameters and seed; its log's start, first key frame and view from model/roundOpening.ts: the model's host
// makes and keeps the world), a checkpointed
// round rebuilt by the host's replay, the next round with the same seats, the round so far for a checkpoint, and the
// end: the debrief from what the round left (shared/report/roundEnding.ts), predictions scored, contrasts queued, then
// the room's onRoundEnd. Ticks. Used by TissueRoomBase.

import type { Client } from "@colyseus/core";
import { ServerMessage, type Debrief } from "../../shared/net/messages.ts";
import { MY_PREDICTIONS_MESSAGE } from "../../shared/net/predictionWire.ts";
import { scenarioWithVariant, type RoundVariant } from "../../shared/net/roundVariant.ts";
import type { TissueState } from "../../shared/net/TissueState.ts";
import { debriefOf, type RoundEnding } from "../../shared/report/roundEnding.ts";
import { nextRound, type BotSeats, type LoggedInput } from "../../shared/round/index.ts";
import { DEFAULT_SCENARIO_ID, SCENARIOS } from "../../shared/scenarios/index.ts";
import { makeParams, type Command, type Difficulty } from "../../shared/sim/index.ts";
import type { CellSync } from "./cellSync.ts";
import type { RoundContrasts } from "./contrast/RoundContrasts.ts";
import type { EventRelay } from "./eventRelay.ts";
import type { FieldFrames } from "./fieldBroadcast.ts";
import type { SquadTugWindow } from "./il2SquadTugSync.ts";
import type { ReplayTo } from "./model/replayLog.ts";
import type { RoundFacts } from "./model/roundFacts.ts";
import { openRound } from "./model/roundOpening.ts";
import type { WorldEdit } from "./model/worldEdits.ts";
import type { PredictionDesk } from "../../shared/report/predictionDesk.ts";
import type { RoundClock } from "./roundClock.ts";
import type { RoundInputDesk } from "./roundInputDesk.ts";
import type { RoundStepper } from "./roundStepper.ts";
import type { Seats } from "./seats.ts";
import type { ViewCopy } from "./viewCopy.ts";

/** The scenario and length of the next round. */
export interface RoundSetup { scenarioId?: string; days?: number; variant?: RoundVariant }

/**
 * A round as a checkpoint keeps it (classroom/checkpoint.ts): its seed, the model's log to `tick` (the contrasts', and
 * the replay of a round whose inputs are not all known), what had not yet reached the model, and, when the round's
 * inputs log holds it whole, that log (`inputs`): a resumed round replays it, its bots coming back with their memories.
 */
export interface RoundSoFar extends ReplayTo { seed: number; pending: Command[]; unsentEdits: WorldEdit[]; inputs?: LoggedInput[] }

/** What a round's start and end need of the room (TissueRoomBase hands it over). */
export interface LifeRoom {
  readonly state: TissueState;
  readonly facts: RoundFacts;
  readonly bots: BotSeats;
  readonly seats: Seats;
  readonly roundInputs: RoundInputDesk;
  readonly stepper: RoundStepper;
  readonly view: ViewCopy;
  readonly contrasts: RoundContrasts;
  readonly predictions: PredictionDesk;
  readonly squadCapture: SquadTugWindow;
  readonly eventRelay: EventRelay;
  readonly fieldFrames: FieldFrames;
  readonly cellSync: CellSync;
  readonly roundClock: RoundClock;
  readonly difficulty: Difficulty;
  readonly clients: Iterable<Client>;
  roundSetup: RoundSetup;
  debrief: Debrief | null;
  broadcast(type: string, payload: unknown, afterNextPatch: boolean): void;
  broadcastBytes(type: string, bytes: Uint8Array): void;
  editWorld(edit: WorldEdit): void;
  onBeforePatch(): void;
  onRoundEnd(debrief: Debrief, ending: RoundEnding): void;
}

/** A new round from the room's setup and `seed`; seats stay. */
export function startRound(r: LifeRoom, seed: number): void {
  const base = SCENARIOS[r.roundSetup.scenarioId ?? DEFAULT_SCENARIO_ID];
  r.roundInputs.clear();
  const scenario = scenarioWithVariant(base, r.roundSetup.days, r.roundSetup.variant);
  const params = makeParams(scenario.params);
  r.stepper.stop();
  r.facts.begin(scenario, params, seed);
  const opening = openRound(scenario, params, r.facts.seed, r.fieldFrames); // its key frame ready for the first client
  r.contrasts.startRound(opening.log, r.state.round);
  r.squadCapture.clear();
  r.debrief = null;
  r.eventRelay.clear();
  r.cellSync.reset(r.state.cells);
  r.view.shown = opening.view;
  r.stepper.start({ scenario, seed: r.facts.seed, frames: r.fieldFrames.state(), known: r.facts.history.length }); // frames go on from the key frame
  r.state.scenarioId = scenario.id;
  r.predictions.reset(scenario, r.state.round);
  r.onBeforePatch();
}

/** The round so far, for a checkpoint: the model's tick as last answered, the log up to it, the orders and edits still on their way. */
export function roundSoFar(r: LifeRoom): RoundSoFar {
  const f = r.facts, s = r.stepper, ticks = r.contrasts.logSoFar(f.tick), unsentEdits = [...s.unsentEdits];
  // the inputs log makes again the orders admitted and not yet stepped (logged at this tick); the model's log cannot
  if (r.roundInputs.replayable()) return { seed: f.seed, tick: f.tick, ticks, pending: [...s.pending], unsentEdits, inputs: r.roundInputs.to(f.tick).logged };
  return { seed: f.seed, tick: f.tick, ticks, pending: [...s.modelPending, ...s.pending], unsentEdits };
}

/**
 * Rebuilds a checkpointed round (a class resumed after a restart; the room's setup already its): the model's host
 * makes a fresh world from the same seed and replays the round's inputs (its bots thinking again, with their memories)
 * or, when the checkpoint has not got them, the model's log, to the checkpoint's tick, counting on the way; the room
 * takes the model's log again for the contrasts; what had not reached the model goes with the next ask. The first
 * answer (asked now) brings the view, a key frame and the history. Returns the checkpoint's tick.
 */
export function resumeRound(r: LifeRoom, so: RoundSoFar): number {
  startRound(r, so.seed);
  for (const entry of so.ticks) {
    r.contrasts.edits(entry.tick, entry.edits ?? []);
    if (entry.tick < so.tick) r.contrasts.commands(entry.tick, entry.commands ?? []);
  }
  r.facts.tick = so.tick;
  r.facts.history = []; // the first answer sends them all
  r.fieldFrames.restart();
  const start = { scenario: r.facts.scenario, seed: r.facts.seed, frames: r.fieldFrames.state(), known: 0 };
  if (so.inputs) {
    r.roundInputs.restore(so.inputs); // a replaced thread replays them too
    r.stepper.start({ ...start, inputs: { logged: [...so.inputs], tick: so.tick } });
  } else {
    r.roundInputs.whole = false; // its inputs before the checkpoint are not known: a replaced thread replays the model's log
    r.stepper.start({ ...start, replay: { ticks: so.ticks, tick: so.tick } });
  }
  r.stepper.pending.push(...(so.ticks.find((t) => t.tick === so.tick)?.commands ?? []), ...so.pending);
  r.view.shown = null;
  r.cellSync.reset(r.state.cells);
  for (const edit of so.unsentEdits) r.editWorld(edit);
  r.stepper.askNow(); // the view, a key frame and the history
  r.onBeforePatch();
  return so.tick;
}

/** The next round (next seed) with the same seats, the clock running; bots re-seated on it and everyone sent its key frame. */
export function restartWorld(r: LifeRoom): void {
  const next = nextRound({ round: r.state.round, seed: r.facts.seed, botRoles: r.bots.roles(), difficulty: r.difficulty });
  r.state.round = next.round;
  r.roundClock.paused = next.paused;
  startRound(r, next.seed);
  for (const bot of next.bots) r.bots.seat(bot.role, bot.difficulty, bot.seed, r.facts.dtS);
  const key = r.fieldFrames.keyFrame();
  if (key) r.broadcastBytes(ServerMessage.field, key);
}

/** The round's end: the debrief from what the round left (`endedByTeacher` when a teacher stopped it), and the rest. */
export function endRound(r: LifeRoom, ending: RoundEnding): void {
  const debrief = (r.debrief = debriefOf(ending, r.seats.list()));
  r.broadcast(ServerMessage.debrief, debrief, true);
  r.predictions.finish(r.facts.history);
  for (const c of r.clients) if (r.predictions.has(c.sessionId)) c.send(MY_PREDICTIONS_MESSAGE, r.predictions.mine(c.sessionId), { afterNextPatch: true });
  r.contrasts.roundEnded(r.facts.tick, r.facts.history);
  r.onRoundEnd(debrief, ending);
}
