// Smooth cell motion between server patches: each cell glides from where it is drawn now to its newly synced
// position over about one patch interval, so 5–10 Hz updates look continuous and late ones never jump back.
// Times in ms, positions in voxels. Pure; used by CellLayer and tests.

export interface Track {
  fromX: number; fromY: number;
  toX: number; toY: number;
  /** When the glide started, ms. */
  t0: number;
  /** How long the glide lasts, ms. */
  dur: number;
}

export function newTrack(x: number, y: number, now: number): Track {
  return { fromX: x, fromY: y, toX: x, toY: y, t0: now, dur: 0 };
}

/** The position to draw at `now`. */
export function sampleTrack(tr: Track, now: number): { x: number; y: number } {
  const f = tr.dur <= 0 ? 1 : Math.min(1, Math.max(0, (now - tr.t0) / tr.dur));
  return { x: tr.fromX + (tr.toX - tr.fromX) * f, y: tr.fromY + (tr.toY - tr.fromY) * f };
}

/** A new synced position: glide from the drawn position to it. Jumps farther than `snap` voxels are taken at once. */
export function retarget(tr: Track, x: number, y: number, now: number, dur: number, snap = 12): void {
  const at = sampleTrack(tr, now);
  if (Math.hypot(x - at.x, y - at.y) > snap) {
    tr.fromX = x; tr.fromY = y;
  } else {
    tr.fromX = at.x; tr.fromY = at.y;
  }
  tr.toX = x; tr.toY = y; tr.t0 = now; tr.dur = dur;
}

/** Follows the interval between patches (a smoothed average) so glides last about as long as the gap. */
export class PatchClock {
  interval: number;
  private last = -1;
  private readonly min: number;
  private readonly max: number;
  constructor(initial = 100, min = 40, max = 400) {
    this.interval = initial; this.min = min; this.max = max;
  }
  /** Call on every patch; returns the glide length to use. */
  tick(now: number): number {
    if (this.last >= 0) {
      const gap = Math.min(this.max, Math.max(this.min, now - this.last));
      this.interval += (gap - this.interval) * 0.25;
    }
    this.last = now;
    return this.interval;
  }
}
