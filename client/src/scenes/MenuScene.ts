// The living backdrop behind the main menu: a helper T cell (cd4) releases IL-2 dots that wander until a cell catches
// them. The regulatory T cell catches from farther away, as its high-affinity receptor does. Purely decorative;
// the real model is in shared/sim. Pixels and seconds. Started by BootScene.

import Phaser from "phaser";
import { CELL_SIZE, menuCellKey, type CellKind } from "./BootScene.ts";

interface Catcher { kind: CellKind; image: Phaser.GameObjects.Image; captureRadius: number; home: Phaser.Math.Vector2 }
interface Dot { image: Phaser.GameObjects.Image; vx: number; vy: number; age: number }

const RELEASE_EVERY_S = 0.12;
const MAX_DOTS = 90;
const DOT_LIFETIME_S = 14;
const WANDER_PX_PER_S = 70;
const VELOCITY_MEMORY_S = 0.4;

/** The free band under the menu panel (page pixels), when it can hold the cells; null otherwise (or no menu shown). */
function bandBelowMenu(h: number): { top: number; height: number } | null {
  const menu = document.getElementById("menu");
  if (!menu || menu.hidden) return null;
  const bottom = menu.getBoundingClientRect().bottom;
  const height = h - bottom;
  return bottom > 0 && height >= CELL_SIZE * 5 ? { top: bottom, height } : null;
}

export class MenuScene extends Phaser.Scene {
  /** The CD4 helper T cell: the only cell that makes IL-2. */
  private cd4!: Phaser.GameObjects.Image;
  private catchers: Catcher[] = [];
  private dots: Dot[] = [];
  private sinceRelease = 0;
  private reducedMotion = false;

  constructor() {
    super("Menu");
  }

  create(): void {
    this.reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    this.cd4 = this.add.image(0, 0, menuCellKey("cd4"));
    const catchers: { kind: CellKind; captureRadius: number }[] = [
      { kind: "treg", captureRadius: CELL_SIZE * 1.1 },
      { kind: "cd8", captureRadius: CELL_SIZE * 0.6 },
      { kind: "nk", captureRadius: CELL_SIZE * 0.45 },
    ];
    this.catchers = catchers.map((c) => ({ ...c, image: this.add.image(0, 0, menuCellKey(c.kind)), home: new Phaser.Math.Vector2() }));

    this.layout(this.scale.gameSize);
    this.scale.on(Phaser.Scale.Events.RESIZE, this.layout, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.scale.off(Phaser.Scale.Events.RESIZE, this.layout, this));

    if (this.reducedMotion) {
      // One still picture: a few dots on their way out from the helper T cell, no motion.
      for (let i = 0; i < 24; i++) {
        const angle = (i / 24) * Math.PI * 2, dist = CELL_SIZE * (0.9 + (i % 4) * 0.5);
        this.add.image(this.cd4.x + Math.cos(angle) * dist, this.cd4.y + Math.sin(angle) * dist, "il2");
      }
    }
  }

  /**
   * Places the cells in the right-hand part of the screen, clear of the menu panel on the left; on a screen too narrow
   * for that with room under the panel (a tablet held upright), in the band below the panel, so the story the page's
   * picture tells (the Treg catches the most) is not hidden behind it. On a phone the panel fills the screen.
   */
  private layout(size: Phaser.Structs.Size): void {
    const w = size.width, h = size.height;
    let cx = w > 900 ? w * 0.7 : w * 0.5, cy = h * 0.5;
    let spread = Math.min(w, h) * 0.28;
    const band = w > 900 ? null : bandBelowMenu(h);
    if (band) {
      cy = band.top + band.height / 2;
      spread = Math.min(spread, band.height / 2 - CELL_SIZE);
    }
    this.cd4.setPosition(cx, cy);
    const angles = [-0.6, 1.6, 3.6];
    this.catchers.forEach((c, i) => {
      c.home.set(cx + Math.cos(angles[i]) * spread, cy + Math.sin(angles[i]) * spread);
      c.image.setPosition(c.home.x, c.home.y);
    });
  }

  override update(time: number, deltaMs: number): void {
    if (this.reducedMotion) return;
    const dt = Math.min(deltaMs, 100) / 1000;
    const t = time / 1000;

    this.catchers.forEach((c, i) => {
      c.image.setPosition(c.home.x + Math.sin(t * 0.5 + i * 2) * 12, c.home.y + Math.cos(t * 0.4 + i) * 12);
    });

    this.sinceRelease += dt;
    while (this.sinceRelease >= RELEASE_EVERY_S) {
      this.sinceRelease -= RELEASE_EVERY_S;
      if (this.dots.length < MAX_DOTS) this.release();
    }

    // Velocity relaxes towards random kicks (an Ornstein-Uhlenbeck walk), so the dots spread like diffusion at any frame rate.
    const keep = Math.exp(-dt / VELOCITY_MEMORY_S);
    const kick = WANDER_PX_PER_S * Math.sqrt((2 * dt) / VELOCITY_MEMORY_S) * Math.sqrt(3);
    for (let i = this.dots.length - 1; i >= 0; i--) {
      const d = this.dots[i];
      d.age += dt;
      d.vx = d.vx * keep + (Math.random() * 2 - 1) * kick;
      d.vy = d.vy * keep + (Math.random() * 2 - 1) * kick;
      d.image.x += d.vx * dt;
      d.image.y += d.vy * dt;
      const caught = this.catchers.find((c) => Phaser.Math.Distance.Between(d.image.x, d.image.y, c.image.x, c.image.y) < c.captureRadius);
      if (caught) this.pulse(caught.image);
      if (caught || d.age > DOT_LIFETIME_S) {
        d.image.destroy();
        this.dots.splice(i, 1);
      } else {
        d.image.setAlpha(1 - d.age / DOT_LIFETIME_S);
      }
    }
  }

  private release(): void {
    const angle = Math.random() * Math.PI * 2;
    const x = this.cd4.x + Math.cos(angle) * CELL_SIZE * 0.5, y = this.cd4.y + Math.sin(angle) * CELL_SIZE * 0.5;
    this.dots.push({ image: this.add.image(x, y, "il2"), vx: Math.cos(angle) * WANDER_PX_PER_S, vy: Math.sin(angle) * WANDER_PX_PER_S, age: 0 });
  }

  private pulse(image: Phaser.GameObjects.Image): void {
    image.setScale(1.12);
    this.tweens.add({ targets: image, scale: 1, duration: 220, ease: "Sine.easeOut" });
  }
}
