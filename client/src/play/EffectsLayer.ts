// Short effects for model events (voxels): a bright flash where a cell is killed, a pop where one divides, a small
// pulse where a T cell is activated. Pooled images and capped in number, so a burst of events cannot stall a frame.
// Owned by PlayScene, fed from GameSession.onEvents.

import Phaser from "phaser";
import type { WireEvent } from "../../../shared/net/messages.ts";
import { Depth } from "./cellStyle.ts";
import { Overlay } from "./CellLayer.ts";

/** Most effects on screen at once; extra events in a burst are not drawn. */
const MAX_LIVE = 80;

const STYLE = {
  kill: { key: Overlay.glow, tint: 0xffffff, from: 1.5, to: 6, ms: 450, blend: true },
  division: { key: Overlay.ring, tint: 0xf4f1ea, from: 1.5, to: 5, ms: 500, blend: false },
  activation: { key: Overlay.ring, tint: 0xf0e442, from: 2, to: 4, ms: 600, blend: false },
} as const;

export class EffectsLayer {
  private readonly scene: Phaser.Scene;
  private readonly pool: Phaser.GameObjects.Image[] = [];
  private live = 0;
  /** Reduced effects: no flashes (the HUD's counts still tell what happened). */
  reduced = false;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
  }

  /** Draws the events that happen at a place (kill, division, activation); returns how many were drawn. */
  show(events: readonly WireEvent[]): number {
    // Players who ask for less motion get no flashes; the HUD's counts still tell what happened.
    if (this.reduced) return 0;
    if (typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches) return 0;
    let drawn = 0;
    for (const e of events) {
      if (this.live >= MAX_LIVE) break;
      const style = STYLE[e.kind as keyof typeof STYLE];
      if (!style || typeof e.x !== "number" || typeof e.y !== "number") continue;
      this.play(e.x, e.y, style);
      drawn++;
    }
    return drawn;
  }

  private play(x: number, y: number, s: (typeof STYLE)[keyof typeof STYLE]): void {
    const img = (this.pool.pop() ?? this.scene.add.image(0, 0, s.key)).setTexture(s.key).setActive(true).setVisible(true);
    img.setPosition(x, y).setDepth(Depth.effects).setTint(s.tint).setAlpha(1).setDisplaySize(s.from, s.from);
    img.setBlendMode(s.blend ? Phaser.BlendModes.ADD : Phaser.BlendModes.NORMAL);
    this.live++;
    const k = s.to / s.from;
    this.scene.tweens.add({
      targets: img, scaleX: img.scaleX * k, scaleY: img.scaleY * k, alpha: 0, duration: s.ms, ease: "Quad.easeOut",
      onComplete: () => { img.setVisible(false).setActive(false); this.pool.push(img); this.live--; },
    });
  }

  destroy(): void {
    for (const img of this.pool) img.destroy();
    this.pool.length = 0;
  }
}
