// Loads the art the play scene needs (one SVG sprite per cell type, assets/sprites/<type>.svg as `cell-<type>`) with
// a progress bar, then starts the menu scene unless a resumed round is already on screen. A missing file is skipped,
// never fatal. Started by BootScene.

import Phaser from "phaser";
import { ASSETS_READY, CELL_SPRITES, SPRITE_PX } from "../play/cellStyle.ts";

const BAR_W = 320, BAR_H = 16;

export class LoadingScene extends Phaser.Scene {
  constructor() {
    super("Loading");
  }

  preload(): void {
    const { width, height } = this.scale.gameSize;
    const cx = width > 900 ? width * 0.7 : width * 0.5, cy = height * 0.5;
    const frame = this.add.graphics();
    frame.lineStyle(2, 0xf4f1ea, 0.9).strokeRect(cx - BAR_W / 2 - 3, cy - BAR_H / 2 - 3, BAR_W + 6, BAR_H + 6);
    const fill = this.add.graphics();
    const words = this.add.text(cx, cy + 28, "Loading the cells… 0%", { fontFamily: "system-ui, sans-serif", fontSize: "18px", color: "#f4f1ea" }).setOrigin(0.5, 0);
    const failed: string[] = [];

    this.load.on(Phaser.Loader.Events.PROGRESS, (p: number) => {
      fill.clear().fillStyle(0xf0e442, 1).fillRect(cx - BAR_W / 2, cy - BAR_H / 2, BAR_W * p, BAR_H);
      words.setText(`Loading the cells… ${Math.round(p * 100)}%`);
    });
    this.load.on(Phaser.Loader.Events.FILE_LOAD_ERROR, (file: Phaser.Loader.File) => failed.push(String(file.key)));
    this.load.once(Phaser.Loader.Events.COMPLETE, () => {
      if (failed.length) console.warn(`Some pictures did not load: ${failed.join(", ")}`);
    });

    for (const { key, url } of CELL_SPRITES) {
      if (!this.textures.exists(key)) this.load.svg(key, url, { width: SPRITE_PX, height: SPRITE_PX });
    }
  }

  create(): void {
    this.registry.set(ASSETS_READY, true);
    this.game.events.emit(ASSETS_READY);
    // A reloaded tab may have resumed its round while the pictures loaded: then the menu backdrop stays off.
    const roundOn = ["Play", "Debrief"].some((k) => this.scene.manager.getScene(k) && (this.scene.isActive(k) || this.scene.isSleeping(k)));
    if (roundOn) this.scene.stop();
    else this.scene.start("Menu");
  }
}
