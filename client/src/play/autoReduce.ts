// The rule that turns reduced effects on by itself: when the measured frame rate stays below `minFps` for
// `holdSeconds` in a row (after `warmupSeconds` of the round, when textures are still being made), the tissue is too
// heavy for this machine's graphics. Fed with frame timestamps (ms); pure, so the rule is tested without a browser.

export interface AutoReduceRule { minFps: number; holdSeconds: number; warmupSeconds: number }

export const AUTO_REDUCE: AutoReduceRule = { minFps: 15, holdSeconds: 5, warmupSeconds: 6 };

export class FrameRateWatch {
  private readonly rule: AutoReduceRule;
  private start = -1;
  /** Start of the current whole second being counted, and frames in it. */
  private bucketStart = -1;
  private frames = 0;
  /** Whole seconds in a row whose frame count was below the rule's minimum. */
  private slowSeconds = 0;
  private tripped = false;

  constructor(rule: AutoReduceRule = AUTO_REDUCE) {
    this.rule = rule;
  }

  /** One frame drawn at `now` (ms). Returns true once, on the frame the rule trips; false ever after. */
  frame(now: number): boolean {
    if (this.tripped) return false;
    if (this.start < 0) { this.start = now; this.bucketStart = now; return false; }
    if (now - this.start < this.rule.warmupSeconds * 1000) { this.bucketStart = now; this.frames = 0; return false; }
    this.frames++;
    // A frame longer than a second closes one or more slow seconds at once.
    while (now - this.bucketStart >= 1000) {
      const whole = now - this.bucketStart >= 2000;
      this.slowSeconds = this.frames < this.rule.minFps || whole ? this.slowSeconds + 1 : 0;
      this.frames = 0;
      this.bucketStart += 1000;
    }
    if (this.slowSeconds >= this.rule.holdSeconds) { this.tripped = true; return true; }
    return false;
  }

  get hasTripped(): boolean { return this.tripped; }
}
