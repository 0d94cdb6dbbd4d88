// The quiet backdrop behind the HTML debrief (ui/debriefView.ts): the play scene is stopped and the canvas shows a
// still field of faint IL-2 dots, so the report reads clearly. Started and stopped by ui/playUi.ts.

import Phaser from "phaser";

const DOTS = 60;

export class DebriefScene extends Phaser.Scene {
  constructor() {
    super("Debrief");
  }

  create(): void {
    const { width, height } = this.scale.gameSize;
    // A fixed pattern (no randomness): the same backdrop every time, and nothing moves for reduced-motion users.
    for (let i = 0; i < DOTS; i++) {
      const x = ((i * 0.618034) % 1) * width, y = ((i * 0.381966 * 7) % 1) * height;
      if (this.textures.exists("il2")) this.add.image(x, y, "il2").setAlpha(0.25);
    }
  }
}
