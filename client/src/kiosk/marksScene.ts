// Draws a pulsing yellow ring round every dendritic cell during a visitor's round: the target of the first thing to
// do ("tap the glowing dendritic cells"). Sits above PlayScene with the same world fit (play/layout.ts). Started by
// kioskMain.ts with the page's bus: it follows the round the bus puts on screen when a visitor plays it (not the
// bots' attract room, whose session is a spectator's).

import Phaser from "phaser";
import type { Bus } from "../bus.ts";
import type { GameSession } from "../net/GameSession.ts";
import { fitWorld } from "../play/layout.ts";
import { CellType } from "../../../shared/sim/cellTypes.ts";
import { POSITION_STEPS_PER_VOXEL } from "../../../shared/net/TissueState.ts";

export class MarksScene extends Phaser.Scene {
  /** The visitor's round whose dendritic cells glow (null: none); read every frame. */
  private session: GameSession | null = null;
  private gfx!: Phaser.GameObjects.Graphics;

  constructor(bus: Bus) {
    // First in the scene list, so Phaser starts it (not PlayScene, which needs a session); drawn on top (create()).
    super({ key: "KioskMarks", active: true });
    bus.on("round-start", (s) => {
      this.session = s.spectator ? null : s;
      s.onLeave(() => { if (this.session === s) this.session = null; }); // the kiosk let the visitor's room go
    });
    bus.on("round-leave", () => { this.session = null; });
  }

  create(): void {
    this.gfx = this.add.graphics();
    this.scene.bringToTop();
  }

  override update(time: number): void {
    const g = this.gfx;
    g.clear();
    const st = this.session?.state;
    if (!st?.cells || !st.gridWidth) return;
    const fit = fitWorld(this.scale.width, this.scale.height, st.gridWidth, st.gridHeight);
    const cam = this.cameras.main;
    cam.setZoom(fit.scale);
    cam.centerOn((this.scale.width / 2 - fit.x) / fit.scale, (this.scale.height / 2 - fit.y) / fit.scale);
    const reduced = matchMedia("(prefers-reduced-motion: reduce)").matches;
    const pulse = reduced ? 0.5 : 0.5 + 0.5 * Math.sin(time / 250);
    const r = 3 + pulse * 1.5;
    st.cells.forEach((c) => {
      if (c.type !== CellType.dendritic) return;
      const x = c.x / POSITION_STEPS_PER_VOXEL, y = c.y / POSITION_STEPS_PER_VOXEL;
      g.lineStyle(0.9, 0x000000, 0.6).strokeCircle(x, y, r);
      g.lineStyle(0.5, 0xf0e442, 0.6 + 0.4 * pulse).strokeCircle(x, y, r);
    });
  }
}
