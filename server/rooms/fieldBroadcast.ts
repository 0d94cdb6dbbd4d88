// The IL-2 field as binary frames for ServerMessage.field: level bytes (fieldCodec.ts) compressed with raw DEFLATE,
// a key frame every KEY_EVERY frames and deltas between. A delta carries only voxels that moved a dead-band of levels or more
// from what clients hold (diffusion nudges nearly every voxel by one step, ~6%, each frame: that noise would not pack).
// Keeps the clients' levels so a client that (re)joins gets a key frame with the last seq. Called by TissueRoomBase, and
// on the model's thread by modelWorker.ts (its state handed back and forth with state() and adopt()).

import { deflateRawSync } from "node:zlib";
import { encodeField } from "../../shared/net/fieldCodec.ts";
import { FrameKind, writeFrameHeader } from "../../shared/net/fieldFrame.ts";
import type { World } from "../../shared/sim/index.ts";

/** A key frame every this many frames (5 s at 5 Hz): it resets the dead-band's drift. Joiners get one at once anyway. */
export const KEY_EVERY = 25;
/** Smallest change in level (one level is ~5.6% in concentration) a delta frame carries, by game speed: at 4× and 8×
 *  the field moves 4–8 times as far between frames, and a wider band keeps the bytes near those of 1× (measured in
 *  test/server/tissueRoomBandwidth.test.ts). */
export function deadbandFor(speed: number): number {
  return speed >= 4 ? 3 : 2;
}
/** zlib level: 6 is the default; deltas are mostly zeros and pack well at any level. */
const LEVEL = 6;

/** What a FieldFrames holds between frames: handed to the model's thread, which makes the frames, and back. */
export interface FieldFramesState { seq: number; lastKey: number; forceKey: boolean; lastTick: number; deadband: number; width: number; height: number; levels: Uint8Array<ArrayBuffer> }

export class FieldFrames {
  /** Seq of the last frame made, or -1 before the first. */
  seq = -1;
  /** Smallest change in level a delta carries (deadbandFor(speed)). */
  deadband = 2;
  /** What clients hold after the last frame. */
  private levels = new Uint8Array(0);
  /** The field's true levels now (scratch). */
  private now = new Uint8Array(0);
  private delta = new Uint8Array(0);
  private width = 0;
  private height = 0;
  private keyCache: Uint8Array | null = null;
  private lastTick = -1;

  /** The next frame to broadcast, or null when the model has not moved since the last one (paused). */
  next(world: World): Uint8Array | null {
    if (world.tick === this.lastTick && this.seq >= 0) return null;
    this.lastTick = world.tick;
    const f = world.field, n = f.c.length;
    if (this.levels.length !== n || this.width !== f.width) {
      this.levels = new Uint8Array(n);
      this.now = new Uint8Array(n);
      this.delta = new Uint8Array(n);
      this.width = f.width;
      this.height = f.height;
      this.lastKey = -KEY_EVERY;
    }
    encodeField(f.c, this.now);
    this.seq = (this.seq + 1) >>> 0;
    this.keyCache = null;
    if (this.seq - this.lastKey >= KEY_EVERY || this.forceKey) {
      this.forceKey = false;
      this.lastKey = this.seq;
      this.levels.set(this.now);
      return this.keyFrame();
    }
    const delta = this.delta, now = this.now, held = this.levels, band = this.deadband;
    for (let i = 0; i < n; i++) {
      const d = now[i] - held[i];
      // Past the dead-band, or the field vanishing from a voxel (0 means "none" to the heatmap).
      if (d >= band || d <= -band || (now[i] === 0 && held[i] !== 0)) {
        delta[i] = d & 255;
        held[i] = now[i];
      } else delta[i] = 0;
    }
    const body = deflateRawSync(delta, { level: LEVEL });
    return writeFrameHeader({ kind: FrameKind.delta, seq: this.seq, width: this.width, height: this.height }, body);
  }

  /** A key frame of the last frame made (same seq), for a client that joins between broadcasts; null before any. */
  keyFrame(): Uint8Array | null {
    if (this.seq < 0) return null;
    if (!this.keyCache) {
      const body = deflateRawSync(this.levels, { level: LEVEL });
      this.keyCache = writeFrameHeader({ kind: FrameKind.key, seq: this.seq, width: this.width, height: this.height }, body);
    }
    return this.keyCache;
  }

  /** A copy of what this holds between frames. */
  state(): FieldFramesState {
    const { seq, lastKey, forceKey, lastTick, deadband, width, height } = this;
    return { seq, lastKey, forceKey, lastTick, deadband, width, height, levels: this.levels.slice() };
  }

  /** Takes over another's state (made on the other thread): the next frame, or a key frame for a joiner, follows on. */
  adopt(s: FieldFramesState): void {
    if (s.levels.length !== this.levels.length) {
      this.now = new Uint8Array(s.levels.length);
      this.delta = new Uint8Array(s.levels.length);
    }
    Object.assign(this, s);
    this.keyCache = null;
  }

  /** After a restart the next frame is a key frame (a new world). */
  restart(): void {
    this.forceKey = true;
    this.lastTick = -1;
  }

  private lastKey = -KEY_EVERY;
  private forceKey = false;
}
