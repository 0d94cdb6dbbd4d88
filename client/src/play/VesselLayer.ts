// The scenario's blood vessels, drawn under the cells as thick red bands (voxels), and what happens along them:
// a yellow pulse runs down every vessel when an IL-2 dose is given; vessels flush red when they leak. Owned by PlayScene.

import Phaser from "phaser";
import type { Vessel } from "../../../shared/sim/scenario.ts";
import { Depth } from "./cellStyle.ts";

/** Drawn width of a vessel, voxels. */
const VESSEL_WIDTH = 3;
const PULSE_MS = 1600;
const PULSE_DOTS = 5;

export class VesselLayer {
  private readonly scene: Phaser.Scene;
  private readonly vessels: readonly Vessel[];
  private readonly base: Phaser.GameObjects.Graphics;
  private readonly leak: Phaser.GameObjects.Graphics;

  constructor(scene: Phaser.Scene, vessels: readonly Vessel[]) {
    this.scene = scene;
    this.vessels = vessels;
    this.base = scene.add.graphics().setDepth(Depth.vessels);
    this.leak = scene.add.graphics().setDepth(Depth.vessels).setAlpha(0);
    for (const v of vessels) {
      this.base.lineStyle(VESSEL_WIDTH + 1, 0x3d0d10, 0.9).lineBetween(v.x0 + 0.5, v.y0 + 0.5, v.x1 + 0.5, v.y1 + 0.5);
      this.base.lineStyle(VESSEL_WIDTH - 1, 0x9e2a2b, 0.85).lineBetween(v.x0 + 0.5, v.y0 + 0.5, v.x1 + 0.5, v.y1 + 0.5);
      this.leak.lineStyle(VESSEL_WIDTH + 5, 0xd55e00, 0.55).lineBetween(v.x0 + 0.5, v.y0 + 0.5, v.x1 + 0.5, v.y1 + 0.5);
    }
  }

  /** The vessels themselves are painted with the baked tissue (drawVessels), under the cells: hide this copy. */
  hideBase(): void { this.base.setVisible(false); }

  /** A dose of IL-2 (or another therapy) enters the blood: glowing dots run along every vessel. */
  dosePulse(glowKey: string): void {
    for (const v of this.vessels) {
      for (let i = 0; i < PULSE_DOTS; i++) {
        const dot = this.scene.add.image(v.x0 + 0.5, v.y0 + 0.5, glowKey).setDisplaySize(5, 5).setDepth(Depth.effects)
          .setTint(0xf0e442).setBlendMode(Phaser.BlendModes.ADD).setAlpha(0);
        this.scene.tweens.add({
          targets: dot, x: v.x1 + 0.5, y: v.y1 + 0.5, delay: i * (PULSE_MS / PULSE_DOTS / 2), duration: PULSE_MS,
          alpha: { from: 0.95, to: 0.2 }, onComplete: () => dot.destroy(),
        });
      }
    }
  }

  /** The vessels leak (capillary leak from high-dose IL-2): flush orange-red for a moment. */
  leakFlash(): void {
    this.scene.tweens.killTweensOf(this.leak);
    this.leak.setAlpha(1);
    this.scene.tweens.add({ targets: this.leak, alpha: 0, duration: 1200, ease: "Sine.easeIn" });
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.leak);
    this.base.destroy();
    this.leak.destroy();
  }
}

/** The same bands on a 2D canvas at `px` pixels per voxel (the baked tissue, TissueBake.ts). */
export function drawVessels(ctx: CanvasRenderingContext2D, vessels: readonly Vessel[], px: number): void {
  ctx.lineCap = "butt";
  for (const [width, colour, alpha] of [[VESSEL_WIDTH + 1, "#3d0d10", 0.9], [VESSEL_WIDTH - 1, "#9e2a2b", 0.85]] as const) {
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = colour;
    ctx.lineWidth = width * px;
    for (const v of vessels) {
      ctx.beginPath();
      ctx.moveTo((v.x0 + 0.5) * px, (v.y0 + 0.5) * px);
      ctx.lineTo((v.x1 + 0.5) * px, (v.y1 + 0.5) * px);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
}
