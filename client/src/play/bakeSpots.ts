// Where the baked tissue layer must be redrawn: each lattice cell that changed (dies, is infected, is damaged, is
// born) marks its site. Spots to clear are applied on the next frame (cheap); cells to stamp back wait and are stamped
// together at most every `intervalMs` (in between, a changed cell is drawn as a sprite of its own, so nothing shown is
// late). Pure; used by TissueBake.

export interface PixelRect { x: number; y: number; width: number; height: number }

/**
 * The texture pixels a lattice cell of `size` voxels at (x, y) covers, at `px` pixels per voxel, rounded outward (a
 * cell is a little smaller than its site, so this does not reach the next site's cell).
 */
export function spotRect(x: number, y: number, size: number, px: number): PixelRect {
  const h = (size * px) / 2;
  const x0 = Math.floor(x * px - h), y0 = Math.floor(y * px - h);
  const x1 = Math.ceil(x * px + h), y1 = Math.ceil(y * px + h);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export class DirtySpots<Id> {
  private readonly clears: PixelRect[] = [];
  private readonly stamps = new Set<Id>();
  private lastStamp = -Infinity;
  intervalMs: number;

  constructor(intervalMs: number) {
    this.intervalMs = intervalMs;
  }

  /** A baked spot to wipe (the cell changed, moved or died). */
  clear(rect: PixelRect): void { this.clears.push(rect); }

  /** A cell to bake (again) when stamps are next due. */
  stamp(id: Id): void { this.stamps.add(id); }

  /** A cell that should no longer be baked (it died before its stamp was due). */
  forget(id: Id): void { this.stamps.delete(id); }

  get pendingStamps(): number { return this.stamps.size; }

  /**
   * What to redraw now: every pending clear, and the pending stamps if `intervalMs` has passed since the last
   * stamping (else none). Empties what it returns.
   */
  take(now: number): { clears: PixelRect[]; stamps: Id[] } {
    const clears = this.clears.splice(0);
    let stamps: Id[] = [];
    if (this.stamps.size > 0 && now - this.lastStamp >= this.intervalMs) {
      stamps = [...this.stamps];
      this.stamps.clear();
      this.lastStamp = now;
    }
    return { clears, stamps };
  }
}
