// The IL-2 field's binary frame: a 10-byte header, then a body compressed with raw DEFLATE (the server uses
// node:zlib, the browser DecompressionStream("deflate-raw")). A key frame's body holds one level byte per voxel
// (fieldCodec.ts); a delta frame's body holds (level − previous level) mod 256 per voxel, mostly zeros, so it packs
// small. Deltas apply only on top of the frame numbered seq − 1. Pure; called by the server and the client.

export const FrameKind = { key: 1, delta: 2 } as const;
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];

export const FRAME_HEADER_BYTES = 10;
const MAGIC = 0x49; // "I" for IL-2

export interface FrameHeader { kind: FrameKind; seq: number; width: number; height: number }

export function writeFrameHeader(h: FrameHeader, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(FRAME_HEADER_BYTES + body.length);
  const v = new DataView(out.buffer);
  v.setUint8(0, MAGIC);
  v.setUint8(1, h.kind);
  v.setUint32(2, h.seq >>> 0, true);
  v.setUint16(6, h.width, true);
  v.setUint16(8, h.height, true);
  out.set(body, FRAME_HEADER_BYTES);
  return out;
}

/** Reads a frame's header; null when the bytes are not a field frame. */
export function readFrameHeader(frame: Uint8Array): FrameHeader | null {
  if (frame.length < FRAME_HEADER_BYTES || frame[0] !== MAGIC) return null;
  const v = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const kind = v.getUint8(1);
  if (kind !== FrameKind.key && kind !== FrameKind.delta) return null;
  return { kind: kind as FrameKind, seq: v.getUint32(2, true), width: v.getUint16(6, true), height: v.getUint16(8, true) };
}

export function frameBody(frame: Uint8Array): Uint8Array {
  return frame.subarray(FRAME_HEADER_BYTES);
}

/** The uncompressed delta body: (next − prev) mod 256 per voxel. */
export function deltaBody(next: Uint8Array, prev: Uint8Array, out: Uint8Array = new Uint8Array(next.length)): Uint8Array {
  for (let i = 0; i < next.length; i++) out[i] = (next[i] - prev[i]) & 255;
  return out;
}

/** Applies an uncompressed delta body to `levels` in place. */
export function applyDelta(levels: Uint8Array, delta: Uint8Array): void {
  const n = Math.min(levels.length, delta.length);
  for (let i = 0; i < n; i++) levels[i] = (levels[i] + delta[i]) & 255;
}

/**
 * Keeps a client's copy of the field's level bytes in step with the frames it receives. Returns true when the
 * levels changed. A delta that does not follow the last frame applied is ignored until the next key frame.
 */
export class FieldMirror {
  levels = new Uint8Array(0);
  width = 0;
  height = 0;
  seq = -1;

  /** `body` is the frame's body already inflated. */
  apply(header: FrameHeader, body: Uint8Array): boolean {
    const n = header.width * header.height;
    if (body.length !== n) return false;
    if (header.kind === FrameKind.key) {
      if (this.levels.length !== n) this.levels = new Uint8Array(n);
      this.levels.set(body);
      this.width = header.width;
      this.height = header.height;
      this.seq = header.seq;
      return true;
    }
    if (this.seq < 0 || header.seq !== ((this.seq + 1) >>> 0) || n !== this.levels.length) return false;
    applyDelta(this.levels, body);
    this.seq = header.seq;
    return true;
  }
}
