// The room's clock: base ticks at BASE_TICKS_PER_SECOND wall-clock, each running `speed` model ticks unless paused,
// and the measured CPU time of model steps (for the logs, the report and tuning). Called by TissueRoom.

import type { Speed } from "../../shared/net/messages.ts";

/** Base ticks per wall-clock second (setFixedTimestep's rate); its home is shared/net/roundPace.ts. */
export { BASE_TICKS_PER_SECOND } from "../../shared/net/roundPace.ts";

export class RoundClock {
  speed: Speed = 1;
  paused = false;
  /** Base ticks since the room was created (drives the 5 Hz field frames). */
  baseTicks = 0;
  private stepMsTotal = 0;
  private steps = 0;
  private stepMsMax = 0;

  /** Model ticks to run in this base tick. */
  modelTicksNow(): number {
    this.baseTicks++;
    return this.paused ? 0 : this.speed;
  }

  /** Counts one model step that took `ms` (timed here or on the model's thread). */
  record(ms: number): void {
    this.stepMsTotal += ms;
    this.steps++;
    if (ms > this.stepMsMax) this.stepMsMax = ms;
  }

  /** Mean and largest CPU time of one model step so far, ms. */
  stepStats(): { steps: number; meanMs: number; maxMs: number } {
    return { steps: this.steps, meanMs: this.steps ? this.stepMsTotal / this.steps : 0, maxMs: this.stepMsMax };
  }
}
