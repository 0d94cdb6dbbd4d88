// The static tissue (lattice cells: healthy tissue, islets, infected and tumour cells on their sites) baked into two
// textures drawn as two images, instead of one sprite per cell redrawn every frame: healthy cells in one (drawn faint
// so the IL-2 heatmap shows through), threat cells in the other (drawn solid). Each cell is stamped with its own
// sprite, so colours and shapes are the same as before. A cell that changes has its spot wiped on the next frame and
// is stamped back with the next batch (bakeSpots.ts). Owned by CellLayer.

import Phaser from "phaser";
import { isThreat } from "../../../shared/sim/cellTypes.ts";
import { DirtySpots, spotRect, type PixelRect } from "./bakeSpots.ts";
import { Depth, SPRITE_PX, spriteKey, typeName } from "./cellStyle.ts";

/** Healthy lattice cells are drawn faint so the IL-2 heatmap shows through them. */
export const TISSUE_ALPHA = 0.38;
/** Largest side of a baked texture, pixels. */
const MAX_TEXTURE_PX = 2048;
const MAX_PX_PER_VOXEL = 8;

export interface BakedCell { id: number; type: number; x: number; y: number; size: number }

export class TissueBake {
  private readonly scene: Phaser.Scene;
  private readonly layers: { tex: Phaser.Textures.DynamicTexture; img: Phaser.GameObjects.Image; key: string }[] = [];
  /** Pixels per voxel in the baked textures. */
  readonly px: number;
  private readonly queue: DirtySpots<number>;
  private readonly waiting = new Map<number, BakedCell>();
  /** Cells stamped this way so far (for tests and the benchmark). */
  stamped = 0;

  constructor(scene: Phaser.Scene, gridW: number, gridH: number, intervalMs: number) {
    this.scene = scene;
    this.px = Math.max(1, Math.min(MAX_PX_PER_VOXEL, Math.floor(MAX_TEXTURE_PX / Math.max(gridW, gridH))));
    this.queue = new DirtySpots<number>(intervalMs);
    for (const [name, alpha] of [["tissue", TISSUE_ALPHA], ["threat", 1]] as const) {
      const key = `baked-${name}`;
      if (scene.textures.exists(key)) scene.textures.remove(key);
      const tex = scene.textures.addDynamicTexture(key, gridW * this.px, gridH * this.px);
      if (!tex) throw new Error("could not make the baked tissue texture");
      // A new texture's pixels are not guaranteed clear (SwiftShader starts them opaque black).
      tex.clear(0, 0, tex.width, tex.height).render();
      const img = scene.add.image(0, 0, key).setOrigin(0, 0).setDisplaySize(gridW, gridH).setDepth(Depth.lattice).setAlpha(alpha);
      this.layers.push({ tex, img, key });
    }
  }

  /** Baked cells are stamped at most this often (ms); the rest of the time they wait as sprites. */
  setInterval(ms: number): void { this.queue.intervalMs = ms; }

  /** The cell's spot (voxels) wiped on the next frame. */
  wipe(x: number, y: number, size: number): void {
    this.queue.clear(spotRect(x, y, size, this.px));
  }

  /** The cell stamped into the bake with the next batch; `onBaked(id)` is then called by flush. */
  add(cell: BakedCell): void {
    this.waiting.set(cell.id, cell);
    this.queue.stamp(cell.id);
  }

  /** The cell is no longer to be stamped (changed or died while waiting). */
  cancel(id: number): void {
    this.waiting.delete(id);
    this.queue.forget(id);
  }

  /** Applies wipes, and the stamps when due; returns the ids just baked (their sprites can go). */
  flush(now: number): number[] {
    const { clears, stamps } = this.queue.take(now);
    if (clears.length === 0 && stamps.length === 0) return [];
    for (const r of clears) for (const l of this.layers) this.wipeRect(l.tex, r);
    const baked: number[] = [];
    for (const id of stamps) {
      const c = this.waiting.get(id);
      this.waiting.delete(id);
      if (!c) continue;
      const layer = this.layers[isThreat(c.type) ? 1 : 0];
      // The spot is wiped in both layers first: a cell that turned from healthy to infected leaves no ghost.
      const r = spotRect(c.x, c.y, c.size, this.px);
      for (const l of this.layers) this.wipeRect(l.tex, r);
      layer.tex.stamp(spriteKey(typeName(c.type)), undefined, c.x * this.px, c.y * this.px, { scale: (c.size * this.px) / SPRITE_PX });
      baked.push(id);
      this.stamped++;
    }
    for (const l of this.layers) l.tex.render();
    return baked;
  }

  private wipeRect(tex: Phaser.Textures.DynamicTexture, r: PixelRect): void {
    tex.clear(r.x, r.y, r.width, r.height);
  }

  destroy(): void {
    for (const l of this.layers) {
      l.img.destroy();
      if (this.scene.textures.exists(l.key)) this.scene.textures.remove(l.key);
    }
    this.layers.length = 0;
  }
}
