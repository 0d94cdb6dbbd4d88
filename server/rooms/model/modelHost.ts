// Where a room's model steps: on its own thread (modelThread.ts) or in the room's process (inlineModel.ts, for rooms
// driven by advance() in tests). The room has ONE stepping path over this interface: it asks for steps with the
// commands and edits made since the last ask, and takes the answer (at once in the process, a tick later from the
// thread). The room also asks the host's own world questions (`question`, answered by `answer` on its thread).
// Ticks and milliseconds. Implemented by ModelThread and InlineModel; used by TissueRoomBase and modelWorker.ts.

import type { InspectResult } from "../../../shared/net/messages.ts";
import { inspectCell } from "../../../shared/report/inspect.ts";
import { stateHash, type Command, type Outcome, type SimEvent, type TherapyName, type World } from "../../../shared/sim/index.ts";
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

/**
 * Where a round under way is: the model's log to replay (`replay`, a class resumed after a restart) or the round's
 * inputs (`inputs`, roundInputDesk.ts: the bots think again), and the counts so far (`ledger`, roundTally.ts).
 */
export interface GoOnFrom { replay?: ReplayTo; inputs?: InputsTo; ledger?: LedgerSummary }

/** A field frame to make after the steps, with the dead-band of the game's speed. */
export interface FrameAsk { deadband: number }

/**
 * Steps to take: `commands` go in at the first of them, after `edits` (both already made on the room's world); a host
 * that holds the round's Round (the thread) makes `inputs` after the edits (roundInputDesk.ts), with the card clock
 * `cards` when the room set it (a class resumed). Zero ticks: the inputs alone (the room is paused).
 */
export interface Ask { ticks: number; commands: Command[]; edits: WorldEdit[]; inputs: RoundInput[]; cards: [TherapyName, number][] | null; frame: FrameAsk | null }

/**
 * What the Round did where the model steps (a thread holding it): each input's answer, in order, the card clock and
 * the bots' counts after the steps, the commands that reached the model at each tick (for the round's log), and those
 * admitted but not yet stepped (a paused room's: a checkpoint keeps them).
 */
export interface RoundNews { made: InputAnswer[]; cards: [TherapyName, number][]; bots: BotCounts; reached: LogTick[]; waiting: Command[] }

/** A round's bots' counts of their commands (BotSeats). */
export interface BotCounts { accepted: number; refused: number; lastRefusal: string }

/**
 * What the steps gave: their events and as the wire carries them, each step's time, the field frame to send (the
 * room's frames follow on from it), the view of the stepped round (what the state shows: roundView.ts), or null when
 * the room makes it from its own world at the patch (this process), and what was counted where the model stepped
 * (roundTally.ts: the ledger's counts, the squads' IL-2 capture), so that the room reads no world for them.
 */
export interface Answer {
  events: SimEvent[]; wire: WireEvents; stepMs: number[]; frame: Uint8Array | null; view: RoundView | null; tally: Tally; round: RoundNews | null;
  /** The model's tick and outcome after the steps. */
  tick: number; outcome: Outcome;
  /** The metric samples the steps took (the room keeps the round's history from them: predictions, charts, contrasts). */
  samples: MetricSample[];
  /** What the round leaves for people, when the steps decided its outcome (shared/report/roundEnding.ts), else null. */
  ending: RoundEnding | null;
}

/** A round ended where the model is (the teacher's end): its outcome and tick, the view, what it leaves for people. */
export interface EndedNow { outcome: Outcome; tick: number; view: RoundView; ending: RoundEnding }

/** A look at the host's own world (the thread's, not the room's copy): its tick and state hash. */
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
  /** Whether the round's Round (its inputs, cards and bots) is the host's: the room sends inputs with its asks. */
  readonly holdsRound: boolean;
  /** Whether an ask may be sent now (a round started, no ask in flight, no failure). */
  readonly ready: boolean;
  /** Why this host can no longer step (its thread died), or null. */
  readonly failure: string | null;
  /** The ask in flight, until its answer is taken or dropped. */
  readonly asked: Ask | null;
  /**
   * A round on `world` (the room's), its field frames going on from `frames`; `from` a round under way (a class
   * resumed, a thread replaced) a thread first brings its own world to the room's tick, as the room's world already is.
   */
  startRound(world: World, frames: FieldFramesState, from?: GoOnFrom): void;
  ask(ask: Ask): void;
  /**
   * The answer that arrived since the last call, or null; the room's world is then the stepped world. `later` are
   * the edits made since the ask (made again on a world written from the thread's).
   */
  take(later: readonly WorldEdit[]): Answer | null;
  /**
   * Asks the host's own world, as it is after every ask sent so far (null when it has none: not started, dead, the
   * round changed): what a room reads from the model rather than from its copy (issue 15's next stage).
   */
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
