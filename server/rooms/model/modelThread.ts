// The room's side of the model's own thread (modelWorker.ts), a ModelHost that holds the round's Round: starts a
// round there, asks for steps with the edits and the round's inputs made since the last ask (people's commands, cards,
// bots' seats: the thread admits them and its bots think), and holds the answer until the room's next tick takes it,
// writing it into the room's world (worldSnapshot.ts). One ask at a time. The thread starts at the first ask, so a room
// driven by advance() alone never starts one. A thread that dies sets `failure`; the room then starts another from the
// round's inputs. Used by TissueRoomBase.

import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { Outcome, Scenario, World } from "../../../shared/sim/index.ts";
import type { MetricSample } from "../../../shared/sim/metrics.ts";
import type { RoundEnding } from "../../../shared/report/roundEnding.ts";
import type { FieldFrames, FieldFramesState } from "../fieldBroadcast.ts";
import type { Answer, Ask, EndedNow, GoOnFrom, ModelHost, RoundNews, Question, Reply } from "./modelHost.ts";
import type { WireEvents } from "../eventRelay.ts";
import type { RoundView } from "./roundView.ts";
import type { Tally } from "./roundTally.ts";
import { applyEdit, type WorldEdit } from "./worldEdits.ts";
import { applySnapshot, arraysOf, snapshotBuffers, type SnapshotArrays, type WorldSnapshot } from "./worldSnapshot.ts";

export type ToModelThread =
  | { kind: "start"; round: number; scenario: Scenario; seed: number; frames: FieldFramesState } & GoOnFrom
  | ({ kind: "step"; round: number; spare: SnapshotArrays | null } & Ask)
  | { kind: "question"; round: number; id: number; question: Question }
  | { kind: "end"; round: number };

export type FromModelThread =
  | ({ kind: "stepped"; round: number } & Stepped)
  | { kind: "failed"; round: number; error: string }
  | { kind: "answer"; round: number; id: number; reply: Reply<Question> | null }
  | { kind: "ended"; round: number; ended: EndedNow | null };

/** Longest the room waits for the thread to end a round (it holds the event loop: a teacher's end is rare and quick). */
export const END_WAIT_MS = 5000;

/** A field frame made on the thread, and the frames' state after it (for the room's key frames for joiners). */
export interface MadeFrame { bytes: Uint8Array; state: FieldFramesState }

export interface Stepped {
  snapshot: WorldSnapshot; wire: WireEvents; view: RoundView; tally: Tally; news: RoundNews; stepMs: number[]; frame: MadeFrame | null;
  tick: number; outcome: Outcome; samples: MetricSample[]; ending: RoundEnding | null;
}

export class ModelThread implements ModelHost {
  readonly onThread = true;
  readonly holdsRound = true;
  private worker: Worker | null = null;
  /** The thread's answers come here (the room may take them at once: receiveMessageOnPort) ... */
  private answers: MessagePort | null = null;
  /** ... and it counts each one here, so that the room can wait for one (Atomics.wait). */
  private signal = new Int32Array(new SharedArrayBuffer(4));
  /** The thread's answer to `end`, while the room takes it. */
  private ended: EndedNow | null | undefined = undefined;
  /** The room's world, written from each answer. */
  private world: World | null = null;
  private readonly frames: FieldFrames;
  private round = 0;
  private start: ToModelThread | null = null;
  private answer: Stepped | null = null;
  /** The ask in flight, or null. */
  asked: Ask | null = null;
  /** Why the thread can no longer be used (the room then steps its own copy), or null. */
  failure: string | null = null;
  private closed = false;
  /** The arrays of the last answer, once the room has copied them: handed back with the next ask to be filled again. */
  private spare: SnapshotArrays | null = null;
  /** Questions asked and not yet answered, by id: answered null if the thread dies or the round changes first. */
  private readonly questions = new Map<number, (reply: Reply<Question> | null) => void>();
  private questionId = 0;

  /** `frames` are the room's: they take over the state of each frame made on the thread (key frames for joiners). */
  constructor(frames: FieldFrames) {
    this.frames = frames;
  }

  /**
   * A new round's world, made there from the same scenario and seed as the room's `world`, and the field frames going
   * on from `frames` (what clients hold now); earlier answers are dropped. `from` a round under way, the thread brings
   * its world to the room's tick first: replaying the model's log (`replay`, a class resumed after a restart:
   * model/replayLog.ts) or the round's inputs (`inputs`, a thread replaced: roundInputDesk.ts).
   */
  startRound(world: World, frames: FieldFramesState, from: GoOnFrom = {}): void {
    this.forget();
    this.world = world;
    const scenario: Scenario = world.scenario;
    this.start = { kind: "start", round: this.round, scenario, seed: world.seed, frames, ...from };
    if (this.worker) this.send(this.start);
  }

  question<Q extends Question>(q: Q): Promise<Reply<Q> | null> {
    if (!this.worker || this.closed || this.failure !== null) return Promise.resolve(null);
    const id = ++this.questionId;
    return new Promise((resolve) => {
      this.questions.set(id, resolve as (reply: Reply<Question> | null) => void);
      this.send({ kind: "question", round: this.round, id, question: q });
    });
  }

  private dropQuestions(): void {
    for (const resolve of this.questions.values()) resolve(null);
    this.questions.clear();
  }

  /** Drops the ask in flight and any answer (the room ended the round itself, or steps on its own copy now). */
  forget(): void {
    this.round++;
    this.dropQuestions();
    this.asked = null;
    this.answer = null;
    this.start = null;
  }

  /** Whether an ask may be sent: a round is started and no ask is in flight. */
  get ready(): boolean {
    return this.start !== null && this.asked === null && this.failure === null && !this.closed;
  }

  ask(ask: Ask): void {
    if (!this.ready) throw new Error("the model's thread is not ready for another ask");
    if (!this.worker) this.spawn();
    this.asked = ask;
    const spare = this.spare;
    this.spare = null;
    this.worker!.postMessage({ kind: "step", round: this.round, ...ask, spare } satisfies ToModelThread, spare ? snapshotBuffers(spare) : []);
  }

  /**
   * The answer that arrived since the last call, written into the room's world (then `later`, the edits made since the
   * ask, made again on it), or null. Its arrays go back with the next ask to be filled again (fewer new buffers).
   */
  take(later: readonly WorldEdit[]): Answer | null {
    const a = this.answer;
    this.answer = null;
    if (!a || !this.world) return null;
    applySnapshot(this.world, a.snapshot);
    this.spare = arraysOf(a.snapshot);
    for (const edit of later) applyEdit(this.world, edit);
    if (a.frame) this.frames.adopt(a.frame.state);
    // Edits made since the ask are not in the thread's view: the room makes its view from its own world then.
    return {
      events: a.snapshot.events, wire: a.wire, stepMs: a.stepMs, frame: a.frame?.bytes ?? null, view: later.length ? null : a.view, tally: a.tally, round: a.news,
      tick: a.tick, outcome: a.outcome, samples: a.samples, ending: a.ending,
    };
  }

  endNow(): EndedNow | null {
    if (this.closed || this.failure !== null || !this.start) return null;
    if (!this.worker) this.spawn();
    this.ended = undefined;
    this.send({ kind: "end", round: this.round });
    // The thread answers the ask in flight, then the end: both are taken here, in order, the event loop held meanwhile.
    const deadline = performance.now() + END_WAIT_MS;
    for (;;) {
      const count = Atomics.load(this.signal, 0);
      this.drain();
      const left = deadline - performance.now();
      if (this.ended !== undefined || this.failure !== null || left <= 0) break;
      Atomics.wait(this.signal, 0, count, left); // until the thread sends another answer
    }
    const ended = this.ended ?? null;
    this.ended = undefined;
    return ended;
  }

  close(): void {
    this.closed = true;
    this.forget();
    void this.worker?.terminate();
    this.worker = null;
    this.answers?.close();
    this.answers = null;
  }

  /** Takes every answer the thread has sent and the event loop has not delivered yet. */
  private drain(): void {
    for (let m = this.answers && receiveMessageOnPort(this.answers); m; m = this.answers && receiveMessageOnPort(this.answers)) this.heard(m.message as FromModelThread);
  }

  private send(message: ToModelThread): void {
    this.worker!.postMessage(message);
  }

  private spawn(): void {
    const channel = new MessageChannel();
    this.signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(new URL("./modelWorker.ts", import.meta.url), { workerData: { answers: channel.port1, signal: this.signal }, transferList: [channel.port1] });
    this.answers = channel.port2;
    this.answers.on("message", (m: FromModelThread) => this.heard(m));
    this.answers.unref(); // the worker keeps the process alive while it runs, not its answers' port
    worker.on("error", (error) => this.fail(error.stack ?? String(error)));
    worker.on("exit", (code) => {
      if (!this.closed) this.fail(`the model's thread stopped (exit code ${code})`);
    });
    this.worker = worker;
    this.send(this.start!);
  }

  private heard(m: FromModelThread): void {
    if (m.round !== this.round) return; // an answer for a world the room no longer keeps
    if (m.kind === "answer") {
      this.questions.get(m.id)?.(m.reply);
      this.questions.delete(m.id);
    } else if (m.kind === "failed") this.fail(m.error);
    else if (m.kind === "ended") this.ended = m.ended;
    else {
      const { kind: _kind, round: _round, ...stepped } = m;
      this.answer = stepped;
      this.asked = null;
    }
  }

  private fail(reason: string): void {
    if (this.failure !== null || this.closed) return;
    this.failure = reason;
    this.dropQuestions();
    void this.worker?.terminate();
    this.worker = null;
  }
}
