// The model's own thread: it holds one room's round (modelRound.ts: its world, Round, counts and field frames; the
// room holds none), makes the room's edits and the round's inputs, lets its bots think before each step and steps it,
// then answers with what the room must send: the view, wire events, counts, new metric samples, the field frame (made
// here: encoding and compressing the field is the room tick's largest piece), each input's answer and, at the round's
// end, what it leaves for people. The teacher's end and questions are answered here too. Answers go to the room's
// answers port and are counted in `signal`, so that the room can wait for one (modelThread.ts, where the messages are).
// Started by ModelThread with `new Worker`; nothing else runs here.

import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import type { FromModelThread, ToModelThread } from "./modelThread.ts";
import { ModelRound } from "./modelRound.ts";
import { viewBuffers } from "./roundView.ts";

const port = parentPort!;
/** Where the answers go (the room may take them at once: a teacher's end waits for its answer, modelThread.ts). */
const { answers, signal } = workerData as { answers: MessagePort; signal: Int32Array };
let held: ModelRound | null = null;
let round = -1;

function reply(message: FromModelThread, transfer: ArrayBuffer[] = []): void {
  answers.postMessage(message, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

port.on("message", (m: ToModelThread) => {
  if (m.kind === "start") {
    const { kind: _kind, round: r, ...start } = m;
    round = r;
    held = new ModelRound(start);
    return;
  }
  if (m.kind === "question") {
    reply({ kind: "answer", round: m.round, id: m.id, reply: m.round === round && held ? held.answer(m.question) : null });
    return;
  }
  if (m.round !== round || !held) {
    if (m.kind === "end") reply({ kind: "ended", round: m.round, ended: null });
    return;
  }
  if (m.kind === "end") {
    // the teacher's end: the outcome judged at this tick (after the steps asked before it), what the round leaves
    const ended = held.endNow();
    reply({ kind: "ended", round, ended }, viewBuffers(ended.view));
    return;
  }
  try {
    const { kind: _kind, round: _round, ...ask } = m;
    const stepped = held.step(ask);
    reply({ kind: "stepped", round, ...stepped }, viewBuffers(stepped.view));
  } catch (error) {
    held = null; // half stepped: the room replaces this thread
    reply({ kind: "failed", round, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
