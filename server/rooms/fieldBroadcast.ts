// The IL-2 field as binary frames for ServerMessage.field: level bytes (fieldCodec.ts) compressed with raw DEFLATE,
// a key frame every KEY_EVERY frames and deltas between. Keeps the last frame's levels so a client that (re)joins gets
// a key frame with the last broadcast's seq, and later deltas apply. Called by TissueRoom at 5 Hz and on join.

import { deflateRawSync } from "node:zlib";
import { encodeField } from "../../shared/net/fieldCodec.ts";
import { deltaBody, FrameKind, writeFrameHeader } from "../../shared/net/fieldFrame.ts";
import type { World } from "../../shared/sim/index.ts";

/** A key frame every this many frames (2 s at 5 Hz), so a client that missed one recovers quickly. */
export const KEY_EVERY = 10;
/** zlib level: 6 is the default; deltas are mostly zeros and pack well at any level. */
const LEVEL = 6;

export class FieldFrames {
  /** Seq of the last frame made, or -1 before the first. */
  seq = -1;
  private levels = new Uint8Array(0);
  private prev = new Uint8Array(0);
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
      this.prev = new Uint8Array(n);
      this.delta = new Uint8Array(n);
      this.width = f.width;
      this.height = f.height;
      this.lastKey = -KEY_EVERY;
    }
    this.prev.set(this.levels);
    encodeField(f.c, this.levels);
    this.seq = (this.seq + 1) >>> 0;
    this.keyCache = null;
    if (this.seq - this.lastKey >= KEY_EVERY || this.forceKey) {
      this.forceKey = false;
      this.lastKey = this.seq;
      return this.keyFrame();
    }
    const body = deflateRawSync(deltaBody(this.levels, this.prev, this.delta), { level: LEVEL });
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

  /** After a restart the next frame is a key frame (a new world). */
  restart(): void {
    this.forceKey = true;
    this.lastTick = -1;
  }

  private lastKey = -KEY_EVERY;
  private forceKey = false;
}
