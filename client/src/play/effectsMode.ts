// Full or reduced effects for the play scene's layers: follows the player's choice (ui/effectsPref.ts) and, when they
// made none, watches the frame rate (autoReduce.ts) and turns reduced effects on by itself once, saying so in a short
// notice. Owned by PlayScene.

import type { Bus } from "../bus.ts";
import { autoReduceEffects, effectsReduced, onEffectsChange } from "../ui/effectsPref.ts";
import { FrameRateWatch } from "./autoReduce.ts";

export const AUTO_REDUCE_NOTICE = "The tissue was drawing slowly, so effects are reduced (no glows or flashes). The Effects button switches them back.";

export class EffectsMode {
  private readonly watch = new FrameRateWatch();
  private readonly off: () => void;
  private readonly apply: (reduced: boolean) => void;
  private readonly bus: Bus;
  reduced: boolean;

  constructor(bus: Bus, apply: (reduced: boolean) => void) {
    this.bus = bus;
    this.apply = apply;
    this.reduced = effectsReduced();
    apply(this.reduced);
    this.off = onEffectsChange((reduced) => { this.reduced = reduced; apply(reduced); });
  }

  /** Called every frame with the scene's clock (ms). */
  frame(now: number): void {
    if (this.reduced || this.watch.hasTripped) return;
    if (this.watch.frame(now) && autoReduceEffects()) this.bus.emit("announce", AUTO_REDUCE_NOTICE);
  }

  destroy(): void { this.off(); }
}
