// A class's actions that build a new tissue on the event loop every room shares (a new round, a change of scenario,
// a lesson plan's step): a few in a row, then at most one per REBUILD_EVERY_MS per room, refused with how long to
// wait, so a teacher's page (or anyone holding its secret) cannot make one room hog the loop (issue 13, item 1; a
// solo room's restart has its own cooldown in TissueRoom). Held by ClassroomRoom.

/** Rebuilds of one class's tissue a second, once its few in a row are spent (a rebuild takes ~5-50 ms of the loop). */
export const REBUILD_EVERY_MS = 1000;
/** Rebuilds a teacher may make in a row (a plan chosen, then its next rounds, a scenario changed twice). */
export const REBUILDS_IN_A_ROW = 5;

export class WorldRebuilds {
  private tokens = REBUILDS_IN_A_ROW;
  private at: number;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
    this.at = now();
  }

  /** Null when a rebuild may happen now, else the sentence to refuse with. */
  wait(): string | null {
    this.refill();
    if (this.tokens >= 1) return null;
    return `the tissue was just rebuilt: wait ${Math.ceil(((1 - this.tokens) * REBUILD_EVERY_MS) / 1000)} s and try again`;
  }

  /** A rebuild happened now. */
  done(): void {
    this.refill();
    this.tokens = Math.max(0, this.tokens - 1);
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(REBUILDS_IN_A_ROW, this.tokens + (t - this.at) / REBUILD_EVERY_MS);
    this.at = t;
  }
}
