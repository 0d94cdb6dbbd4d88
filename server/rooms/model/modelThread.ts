// The room's side of the model's own thread (modelWorker.ts), a ModelHost: starts a round there (the thread holds
// its one world and Round: modelRound.ts), asks for steps with the edits and the round's inputs made since the last ask
// (people's commands, cards, bots' seats: the thread admits them and its bots think), and holds the answer until the
// room's next tick takes it. One ask at a time. The thread starts at the first ask, so a room driven by advance() alone
// never starts one. The teacher's end waits for the thread's answer (Atomics.wait on a count of answers, then
// receiveMessageOnPort), so that it stays one synchronous act. A thread that dies sets `failure`; the room then starts
// another from the round's inputs. Used by TissueRoomBase.

import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { FieldFrames } from "../fieldBroadcast.ts";
import type { Answer, Ask, EndedNow, ModelHost, Question, Reply, Stepped } from "./modelHost.ts";
import type { RoundStart } from "./modelRound.ts";

export type ToModelThread =
  | ({ kind: "start"; round: number } & RoundStart)
  | ({ kind: "step"; round: number } & Ask)
  | { kind: "question"; round: number; id: number; question: Question }
  | { kind: "end"; round: number };

export type FromModelThread =
  | ({ kind: "stepped"; round: number } & Stepped)
  | { kind: "failed"; round: number; error: string }
  | { kind: "answer"; round: number; id: number; reply: Reply<Question> | null }
  | { kind: "ended"; round: number; ended: EndedNow | null };

/** Longest the room waits for the thread to end a round (it holds the event loop: a teacher's end is rare and quick). */
export const END_WAIT_MS = 5000;

export class ModelThread implements ModelHost {
  readonly onThread = true;
  private worker: Worker | null = null;
  /** The thread's answers come here (the room may take them at once: receiveMessageOnPort) ... */
  private answers: MessagePort | null = null;
  /** ... and it counts each one here, so that the room can wait for one (Atomics.wait). */
  private signal = new Int32Array(new SharedArrayBuffer(4));
  /** The thread's answer to `end`, while the room takes it. */
  private ended: EndedNow | null | undefined = undefined;
  private readonly frames: FieldFrames;
  private round = 0;
  private start: Extract<ToModelThread, { kind: "start" }> | null = null;
  private answer: Stepped | null = null;
  /** The ask in flight, or null. */
  asked: Ask | null = null;
  /** Why the thread can no longer be used (the room then steps its own copy), or null. */
  failure: string | null = null;
  private closed = false;
  /** Questions asked and not yet answered, by id: answered null if the thread dies or the round changes first. */
  private readonly questions = new Map<number, (reply: Reply<Question> | null) => void>();
  private questionId = 0;

  /** `frames` are the room's: they take over the state of each frame made on the thread (key frames for joiners). */
  constructor(frames: FieldFrames) {
    this.frames = frames;
  }

  /**
   * A round for the thread to hold (modelRound.ts): made there from the scenario and seed, brought to where the room's
   * round is (`start.replay`, a class resumed; `start.inputs`, a thread replaced), its field frames going on from
   * `start.frames` (what clients hold now); earlier answers are dropped.
   */
  startRound(start: RoundStart): void {
    this.forget();
    this.start = { kind: "start", round: this.round, ...start };
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
    this.send({ kind: "step", round: this.round, ...ask });
  }

  /** The answer that arrived since the last call, or null; the field frames' state follows the frame it made. */
  take(): Answer | null {
    const a = this.answer;
    this.answer = null;
    if (!a) return null;
    if (a.frame) this.frames.adopt(a.frame.state);
    return { ...a, frame: a.frame?.bytes ?? null };
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
