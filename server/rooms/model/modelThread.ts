// The room's side of the model's own thread (modelWorker.ts): starts a round's world there, asks for steps with the
// commands and edits made since the last ask, and holds the answer until the room's next tick takes it. One ask at a
// time. The thread starts at the first ask, so a room driven by advance() alone never starts one. Used by TissueRoomBase.

import { Worker } from "node:worker_threads";
import type { Command, Scenario } from "../../../shared/sim/index.ts";
import type { FieldFramesState } from "../fieldBroadcast.ts";
import type { ReplayTo } from "./replayLog.ts";
import type { WorldEdit } from "./worldEdits.ts";
import { snapshotBuffers, type SnapshotArrays, type WorldSnapshot } from "./worldSnapshot.ts";

export type ToModelThread =
  | { kind: "start"; round: number; scenario: Scenario; seed: number; frames: FieldFramesState; replay?: ReplayTo }
  | { kind: "step"; round: number; ticks: number; commands: Command[]; edits: WorldEdit[]; frame: FrameAsk | null; spare: SnapshotArrays | null };

/** A field frame to make after the steps, with the dead-band of the game's speed. */
export interface FrameAsk { deadband: number }

export type FromModelThread =
  | { kind: "stepped"; round: number; snapshot: WorldSnapshot; stepMs: number[]; frame: MadeFrame | null }
  | { kind: "failed"; round: number; error: string };

/** A field frame made on the thread, and the frames' state after it (for the room's key frames for joiners). */
export interface MadeFrame { bytes: Uint8Array; state: FieldFramesState }

export interface Stepped { snapshot: WorldSnapshot; stepMs: number[]; frame: MadeFrame | null }

/** What the thread was last asked to do, kept until it answers (the room takes the commands back if it never does). */
export interface Ask { ticks: number; commands: Command[]; edits: WorldEdit[]; frame: FrameAsk | null }

export class ModelThread {
  private worker: Worker | null = null;
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

  /**
   * A new round's world, made there from the same scenario and seed as the room's, and the field frames going on from
   * `frames` (what clients hold now); earlier answers are dropped. With `replay` (a class resumed after a restart)
   * the thread brings its world to the log's tick first (model/replayLog.ts), as the room did with its copy.
   */
  startRound(scenario: Scenario, seed: number, frames: FieldFramesState, replay?: ReplayTo): void {
    this.forget();
    this.start = { kind: "start", round: this.round, scenario, seed, frames, ...(replay ? { replay } : {}) };
    if (this.worker) this.send(this.start);
  }

  /** Drops the ask in flight and any answer (the room ended the round itself, or steps on its own copy now). */
  forget(): void {
    this.round++;
    this.asked = null;
    this.answer = null;
    this.start = null;
  }

  /** False once closed: the room steps its own copy from then on. */
  get inUse(): boolean {
    return !this.closed;
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

  /** The room has copied this answer's arrays: the thread may fill them again (fewer new buffers, less collecting). */
  recycle(arrays: SnapshotArrays): void {
    this.spare = arrays;
  }

  /** The answer that arrived since the last call, or null. */
  take(): Stepped | null {
    const a = this.answer;
    this.answer = null;
    return a;
  }

  close(): void {
    this.closed = true;
    this.forget();
    void this.worker?.terminate();
    this.worker = null;
  }

  private send(message: ToModelThread): void {
    this.worker!.postMessage(message);
  }

  private spawn(): void {
    const worker = new Worker(new URL("./modelWorker.ts", import.meta.url));
    worker.on("message", (m: FromModelThread) => {
      if (m.round !== this.round) return; // an answer for a world the room no longer keeps
      if (m.kind === "failed") this.fail(m.error);
      else {
        this.answer = { snapshot: m.snapshot, stepMs: m.stepMs, frame: m.frame };
        this.asked = null;
      }
    });
    worker.on("error", (error) => this.fail(error.stack ?? String(error)));
    worker.on("exit", (code) => {
      if (!this.closed) this.fail(`the model's thread stopped (exit code ${code})`);
    });
    this.worker = worker;
    this.send(this.start!);
  }

  private fail(reason: string): void {
    if (this.failure !== null || this.closed) return;
    this.failure = reason;
    void this.worker?.terminate();
    this.worker = null;
  }
}
