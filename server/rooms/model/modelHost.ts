// Where a room's model steps: on its own thread (modelThread.ts) or in the room's process (inlineModel.ts, for rooms
// driven by advance() in tests, or whose threads kept dying). Either way the host holds the round's one world and its
// Round (modelRound.ts); the room holds what it must send. The room has ONE stepping path over this interface: it asks
// for steps with the commands, edits and round inputs made since the last ask, and takes the answer (at once in the
// process, a tick later from the thread). It also asks the host's world questions (`question`) and ends the round
// there (`endNow`). Ticks and milliseconds. Implemented by ModelThread and InlineModel; used by TissueRoomBase.

import type { InspectResult } from "../../../shared/net/messages.ts";
import { inspectCell } from "../../../shared/report/inspect.ts";
import { stateHash, type Command, type Outcome, type TherapyName, type World } from "../../../shared/sim/index.ts";
import type { MetricSample } from "../../../shared/sim/metrics.ts";
import type { RoundEnding } from "../../../shared/report/roundEnding.ts";
import type { InputAnswer, RoundInput } from "../../../shared/round/roundInputs.ts";
import type { LogTick } from "../../../shared/report/commandLog.ts";
import type { WireEvents } from "../eventRelay.ts";
import type { FieldFramesState } from "../fieldBroadcast.ts";
import type { RoundView } from "./roundView.ts";
import type { Tally } from "./roundTally.ts";
import type { LedgerSummary } from "../../../shared/report/ledgerSummary.ts";
import type { InputsTo } from "../roundInputDesk.ts";
import type { ReplayTo } from "./replayLog.ts";
import type { WorldEdit } from "./worldEdits.ts";
import type { RoundStart } from "./modelRound.ts";

/**
 * Where a round under way is: the model's log to replay (`replay`, a class resumed after a restart) or the round's
 * inputs (`inputs`, roundInputDesk.ts: the bots think again), and the counts so far (`ledger`, roundTally.ts).
 */
export interface GoOnFrom { replay?: ReplayTo; inputs?: InputsTo; ledger?: LedgerSummary }

/** A field frame to make after the steps, with the dead-band of the game's speed. */
export interface FrameAsk { deadband: number }

/**
 * Steps to take: `commands` (waiting since a dropped ask or a checkpoint) go in at the first of them, after `edits`;
 * then the round's `inputs` are made (roundInputDesk.ts), with the card clock `cards` when the room set it (a class
 * resumed). Zero ticks: the inputs alone (the room is paused).
 */
export interface Ask { ticks: number; commands: Command[]; edits: WorldEdit[]; inputs: RoundInput[]; cards: [TherapyName, number][] | null; frame: FrameAsk | null }

/**
 * What the Round did where the model steps: each input's answer, in order, the card clock and the bots' counts after
 * the steps, the commands that reached the model at each tick (for the round's log), and those admitted but not yet
 * stepped (a paused room's: a checkpoint keeps them).
 */
export interface RoundNews { made: InputAnswer[]; cards: [TherapyName, number][]; bots: BotCounts; reached: LogTick[]; waiting: Command[] }

/** A round's bots' counts of their commands (BotSeats). */
export interface BotCounts { accepted: number; refused: number; lastRefusal: string }

/** A field frame made where the model is, and the frames' state after it (for the room's key frames for joiners). */
export interface MadeFrame { bytes: Uint8Array; state: FieldFramesState }

/**
 * What an ask gave (modelRound.ts): the steps' wire events, each step's time, the field frame, the view of the round
 * (what the state shows: roundView.ts), what was counted (roundTally.ts), what the Round did, the model's tick and
 * outcome, the metric samples the steps took (the room keeps the round's history from them) and, when the steps decided
 * the round, what it leaves for people (shared/report/roundEnding.ts).
 */
export interface Stepped {
  wire: WireEvents; stepMs: number[]; frame: MadeFrame | null; view: RoundView; tally: Tally; news: RoundNews;
  tick: number; outcome: Outcome; samples: MetricSample[]; ending: RoundEnding | null;
}

/** An answer as the room takes it: the frame's bytes alone (its state is already the room's frames'). */
export type Answer = Omit<Stepped, "frame"> & { frame: Uint8Array | null };

/** A round ended where the model is (the teacher's end): its outcome and tick, the view, what it leaves for people. */
export interface EndedNow { outcome: Outcome; tick: number; view: RoundView; ending: RoundEnding }

/** A look at the host's own world: its tick and state hash. */
export interface WorldLook { tick: number; hash: string }

/** Questions a room asks of the host's own world, and their answers. */
export type Question = { what: "look" } | { what: "inspect"; cellId: number };
export type Reply<Q extends Question> = Q extends { what: "inspect" } ? InspectResult : WorldLook;

/** The answer to `q` from `world` (on whichever thread holds it). */
export function answer<Q extends Question>(world: World, q: Q): Reply<Q> {
  return (q.what === "inspect" ? inspectCell(world, q.cellId) : { tick: world.tick, hash: stateHash(world) }) as Reply<Q>;
}

export interface ModelHost {
  /** Whether the steps run on another thread. */
  readonly onThread: boolean;
  /** Whether an ask may be sent now (a round started, no ask in flight, no failure). */
  readonly ready: boolean;
  /** Why this host can no longer step (its thread died), or null. */
  readonly failure: string | null;
  /** The ask in flight, until its answer is taken or dropped. */
  readonly asked: Ask | null;
  /** A round to hold from now on (earlier answers dropped); `start` says where it is (modelRound.ts). */
  startRound(start: RoundStart): void;
  ask(ask: Ask): void;
  /** The answer that arrived since the last call, or null. */
  take(): Answer | null;
  /** Asks the host's own world, as it is after every ask sent so far (null when it has none: not started, dead, the round changed). */
  question<Q extends Question>(q: Q): Promise<Reply<Q> | null>;
  /**
   * Ends the round now where the model is (the teacher's end), at once: an ask in flight is answered first (its answer
   * is then there to take), then the outcome is judged at the model's tick (Round.endNow). Null when the host cannot
   * (no round, its thread dead or silent).
   */
  endNow(): EndedNow | null;
  /** Drops the ask in flight and any answer (the round ended or restarted). */
  forget(): void;
  close(): void;
}
