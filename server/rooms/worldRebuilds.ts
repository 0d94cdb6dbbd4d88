// A class's actions that build a new tissue on the event loop every room shares (a new round, a change of scenario,
// a lesson plan's next round): at most one per REBUILD_COOLDOWN_MS per room, refused with how long to wait, so a
// teacher's page (or anyone holding its secret) cannot make one room hog the loop (issue 13, item 1; a solo room's
// restart has its own cooldown in TissueRoom). Held by ClassroomRoom.

/** Shortest time between two rebuilds of one class's tissue (a rebuild takes ~5-50 ms of the loop). */
export const REBUILD_COOLDOWN_MS = 1000;

export class WorldRebuilds {
  private last = -Infinity;
  private readonly ms: number;
  private readonly now: () => number;

  constructor(ms = REBUILD_COOLDOWN_MS, now: () => number = Date.now) {
    this.ms = ms;
    this.now = now;
  }

  /** Null when a rebuild may happen now, else the sentence to refuse with. */
  wait(): string | null {
    const left = this.ms - (this.now() - this.last);
    return left > 0 ? `the tissue was just rebuilt: wait ${Math.ceil(left / 1000)} s and try again` : null;
  }

  /** A rebuild happened now. */
  done(): void {
    this.last = this.now();
  }
}
