// The model stepped in the room's own process: the host of a room driven by advance() (tests) or whose threads kept
// dying. It holds its own round as the thread does (modelRound.ts: world, Round, counts, frames) and answers each ask
// at once. Ticks. Used by TissueRoomBase.

import type { World } from "../../../shared/sim/index.ts";
import type { FieldFrames } from "../fieldBroadcast.ts";
import type { Answer, Ask, EndedNow, ModelHost, Question, Reply } from "./modelHost.ts";
import { ModelRound, type RoundStart } from "./modelRound.ts";

export class InlineModel implements ModelHost {
  readonly onThread = false;
  readonly failure = null;
  readonly asked = null;
  private round: ModelRound | null = null;
  private answer: Answer | null = null;
  private readonly frames: FieldFrames;

  /** `frames` are the room's: they take over the state of each frame made here (key frames for joiners). */
  constructor(frames: FieldFrames) {
    this.frames = frames;
  }

  /** The world this process holds (tests look at it; the room reads none). */
  get world(): World | null {
    return this.round?.world ?? null;
  }

  get ready(): boolean {
    return this.round !== null;
  }

  startRound(start: RoundStart): void {
    this.answer = null;
    this.round = new ModelRound(start);
  }

  ask(ask: Ask): void {
    if (!this.round) throw new Error("no round started on this model");
    const { frame, ...stepped } = this.round.step(ask);
    if (frame) this.frames.adopt(frame.state);
    this.answer = { ...stepped, frame: frame?.bytes ?? null };
  }

  take(): Answer | null {
    const a = this.answer;
    this.answer = null;
    return a;
  }

  question<Q extends Question>(q: Q): Promise<Reply<Q> | null> {
    return Promise.resolve(this.round ? this.round.answer(q) : null);
  }

  endNow(): EndedNow | null {
    return this.round?.endNow() ?? null;
  }

  forget(): void {
    this.answer = null;
  }

  close(): void {
    this.round = null;
    this.answer = null;
  }
}
