// The model's own thread: it keeps one room's round (its Round: world, card clock, bots), makes the room's edits and
// the round's inputs (people's commands admitted here, a teacher's card, bots seated: roundInputDesk.ts), lets its
// bots think before each step and steps it, then sends back each input's answer, the card clock, the bots' counts
// and the commands that reached the model, a snapshot of the stepped world, the round's view (roundView.ts: what the room's state shows), the steps'
// wire events, how long each step took (ms) and, when asked, the next field frame
// (made here: encoding and compressing the field is the room tick's largest piece). Messages are in modelThread.ts.
// Started by ModelThread with `new Worker`; nothing else runs here.

import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { createWorld, makeParams, step, type SimEvent, type World } from "../../../shared/sim/index.ts";
import { FieldFrames } from "../fieldBroadcast.ts";
import type { FromModelThread, MadeFrame, ToModelThread } from "./modelThread.ts";
import { answer, type RoundNews } from "./modelHost.ts";
import { applyEdit } from "./worldEdits.ts";
import { replayTo } from "./replayLog.ts";
import { makeInput, replayInputs } from "../../../shared/round/roundInputs.ts";
import { Round } from "../../../shared/round/Round.ts";
import type { LogTick } from "../../../shared/report/commandLog.ts";
import { RoundTally } from "./roundTally.ts";
import { snapshotBuffers, takeSnapshot } from "./worldSnapshot.ts";
import { viewBuffers, viewOf } from "./roundView.ts";
import { wireEvents } from "../eventRelay.ts";
import { roundEnding } from "../../../shared/report/roundEnding.ts";

const port = parentPort!;
/** Where the answers go (the room may take them at once: a teacher's end waits for its answer, modelThread.ts). */
const { answers, signal } = workerData as { answers: MessagePort; signal: Int32Array };
let world: World | null = null;
/** The round's rules on `world`: its card clock and bots. */
let game: Round | null = null;
let round = -1;
/** Metric samples already sent. */
let sent = 0;
const frames = new FieldFrames();
/** The round's ledger and squads' capture, counted here after each ask (roundTally.ts). */
let tally = new RoundTally();

function reply(message: FromModelThread, transfer: ArrayBuffer[] = []): void {
  answers.postMessage(message, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

port.on("message", (m: ToModelThread) => {
  if (m.kind === "start") {
    round = m.round;
    const w = (world = createWorld(m.scenario, makeParams(m.scenario.params), m.seed));
    tally = new RoundTally();
    // the ledger counts a replay tick by tick. A resumed class: its last tick's commands come with the next ask. A
    // replaced thread: the round's inputs, bots thinking again (inputs the dead thread had not answered come again).
    const count = (events: readonly SimEvent[]) => tally.ledger.record(w, events);
    game = new Round(w);
    if (m.replay) replayTo(w, m.replay, { after: count });
    else if (m.inputs) {
      game = replayInputs(w, m.inputs.logged, m.inputs.tick, count);
    }
    tally.goOnFrom(w, m.ledger); // a replaced thread goes on with the room's counts
    sent = world.history.length; // the room's copy made the same samples
    frames.adopt(m.frames);
    return;
  }
  if (m.kind === "end") {
    // the teacher's end: the outcome judged at this tick (after the steps asked before it), what the round leaves
    if (m.round !== round || !world || !game) return reply({ kind: "ended", round: m.round, ended: null });
    const outcome = world.outcome === "ongoing" ? game.endNow() : world.outcome;
    const view = viewOf(world);
    reply({ kind: "ended", round, ended: { outcome, tick: world.tick, view, ending: roundEnding(world, tally.ledger) } }, viewBuffers(view));
    return;
  }
  if (m.kind === "question") {
    reply({ kind: "answer", round: m.round, id: m.id, reply: m.round === round && world ? answer(world, m.question) : null });
    return;
  }
  if (m.round !== round || !world || !game) return;
  try {
    const was = world.outcome;
    for (const edit of m.edits) applyEdit(world, edit);
    for (const command of m.commands) world.pending.push(command);
    if (m.cards) game.cards = new Map(m.cards);
    const made = m.inputs.map((input) => makeInput(game!, input));
    const events: SimEvent[] = [];
    const stepMs: number[] = [];
    const reached: LogTick[] = [];
    for (let k = 0; k < m.ticks && world.outcome === "ongoing"; k++) {
      game.think();
      if (world.pending.length) reached.push({ tick: world.tick, commands: [...world.pending] });
      const t0 = performance.now();
      const stepped = step(world);
      stepMs.push(performance.now() - t0);
      for (const e of stepped) events.push(e);
    }
    let frame: MadeFrame | null = null;
    if (m.frame) {
      frames.deadband = m.frame.deadband;
      const bytes = frames.next(world);
      if (bytes) frame = { bytes, state: frames.state() };
    }
    const view = viewOf(world);
    const samples = world.history.slice(sent);
    const snapshot = takeSnapshot(world, events, sent, m.spare ?? undefined);
    sent = world.history.length;
    const bots = game.bots, news: RoundNews = { made, cards: [...game.cards], bots: { accepted: bots.accepted, refused: bots.refused, lastRefusal: bots.lastRefusal }, reached, waiting: [...world.pending] };
    const counted = tally.after(world, events); // before the ending: the ledger counts these steps first
    const ending = was === "ongoing" && world.outcome !== "ongoing" ? roundEnding(world, tally.ledger) : null; // the steps decided it
    reply({ kind: "stepped", round, snapshot, wire: wireEvents(world, events), view, tally: counted, news, stepMs, frame, tick: world.tick, outcome: world.outcome, samples, ending }, [...snapshotBuffers(snapshot), ...viewBuffers(view)]);
  } catch (error) {
    world = null; // half stepped: the room replaces this thread
    game = null;
    reply({ kind: "failed", round, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
