// The still part of the tissue drawn once, outside WebGL: the IL-2 heatmap, the vessels and the lattice cells (healthy tissue,
// islets, infected and tumour cells on their sites) over it, painted on a 2D canvas placed under the game's
// (transparent) canvas where the camera shows the grid. Software WebGL (SwiftShader, what a school machine without a
// usable GPU falls back to) pays for every pixel every textured quad covers, every frame: a heatmap quad and thousands
// of tissue sprites over the whole grid held the round at 1-2 fps. Here they cost nothing per frame: the browser
// composites the canvas, and it is repainted only when a field frame arrives or tissue cells changed.
// Each lattice cell is stamped with its own sprite into one of two layers (healthy cells faint so the heatmap shows
// through, threat cells solid): the same colours and shapes as the sprites. A cell that changes has its spot wiped at
// once and is stamped back with the next batch (bakeSpots.ts). Owned by CellLayer.

import type Phaser from "phaser";
import { isThreat } from "../../../shared/sim/cellTypes.ts";
import { DirtySpots, spotRect } from "./bakeSpots.ts";
import { rasterOf } from "./CellCanvas.ts";
import { spriteKey, typeName } from "./cellStyle.ts";
import type { Vessel } from "../../../shared/sim/scenario.ts";
import { drawVessels } from "./VesselLayer.ts";

/** Healthy lattice cells are drawn faint so the IL-2 heatmap shows through them. */
export const TISSUE_ALPHA = 0.38;
const MAX_CANVAS_PX = 1536;
const MAX_PX_PER_VOXEL = 8;

export interface BakedCell { id: number; type: number; x: number; y: number; size: number }

/** What the bake needs of the heatmap: its colours (RGBA, one texel per voxel) and a counter bumped on each frame. */
export interface FieldPixels { readonly rgba: Uint8Array; readonly width: number; readonly height: number; readonly version: number }

const canvas = (doc: Document, w: number, h: number): HTMLCanvasElement => {
  const c = doc.createElement("canvas");
  c.width = w; c.height = h;
  return c;
};
const ctx2d = (c: HTMLCanvasElement): CanvasRenderingContext2D => {
  const x = c.getContext("2d");
  if (!x) throw new Error("no 2D canvas for the tissue");
  return x;
};

export class TissueBake {
  private readonly scene: Phaser.Scene;
  private readonly field: FieldPixels;
  /** Pixels per voxel in the layers. */
  readonly px: number;
  private readonly gridW: number;
  private readonly gridH: number;
  /** The canvas on the page, and its layers: heatmap (one pixel per voxel), healthy cells, threat cells. */
  readonly element: HTMLCanvasElement;
  private readonly out: CanvasRenderingContext2D;
  private readonly heat: HTMLCanvasElement;
  private readonly layers: [HTMLCanvasElement, HTMLCanvasElement];
  private readonly queue: DirtySpots<number>;
  private readonly waiting = new Map<number, BakedCell>();
  private fieldVersion = -1;
  private dirty = true;
  private lastCompose = -Infinity;
  private composeMs = 100;
  private placed = "";
  /** Cells stamped and times the canvas was repainted (tests, benchmark). */
  stamped = 0;
  composed = 0;

  private readonly vessels: readonly Vessel[];

  constructor(scene: Phaser.Scene, field: FieldPixels, vessels: readonly Vessel[], gridW: number, gridH: number, intervalMs: number) {
    this.scene = scene;
    this.vessels = vessels;
    this.field = field;
    this.gridW = gridW; this.gridH = gridH;
    this.px = Math.max(1, Math.min(MAX_PX_PER_VOXEL, Math.floor(MAX_CANVAS_PX / Math.max(gridW, gridH))));
    this.queue = new DirtySpots<number>(intervalMs);
    const game = scene.game.canvas;
    const doc = game.ownerDocument;
    const w = gridW * this.px, h = gridH * this.px;
    this.element = canvas(doc, w, h);
    this.element.className = "tissue-bake";
    this.element.setAttribute("aria-hidden", "true");
    // Under the game's canvas (inside #game's stacking context), never in the way of the pointer.
    Object.assign(this.element.style, { position: "absolute", zIndex: "-1", pointerEvents: "none", left: "0px", top: "0px", width: "0px", height: "0px" });
    // The parent keeps the layers in its own stacking context (so z-index -1 stays above the page's background).
    if (game.parentElement) Object.assign(game.parentElement.style, { isolation: "isolate", overflow: "hidden" });
    game.parentElement?.insertBefore(this.element, game);
    this.out = ctx2d(this.element);
    this.heat = canvas(doc, field.width, field.height);
    this.layers = [canvas(doc, w, h), canvas(doc, w, h)];
  }

  /** Tissue cells are stamped, and the canvas repainted, at most this often (ms). */
  setInterval(stampMs: number, composeMs: number): void {
    this.queue.intervalMs = stampMs;
    this.composeMs = composeMs;
  }

  /** The cell's spot (voxels) wiped on the next frame. */
  wipe(x: number, y: number, size: number): void {
    this.queue.clear(spotRect(x, y, size, this.px));
  }

  /** The cell stamped into the bake with the next batch; flush then returns its id. */
  add(cell: BakedCell): void {
    this.waiting.set(cell.id, cell);
    this.queue.stamp(cell.id);
  }

  /** The cell is no longer to be stamped (changed or died while waiting). */
  cancel(id: number): void {
    this.waiting.delete(id);
    this.queue.forget(id);
  }

  /** Applies wipes, and the stamps when due; repaints when due; returns the ids just baked (their sprites can go). */
  flush(now: number): number[] {
    const { clears, stamps } = this.queue.take(now);
    const [tissue, threat] = this.layers.map(ctx2d);
    for (const r of clears) for (const c of [tissue, threat]) c.clearRect(r.x, r.y, r.width, r.height);
    const baked: number[] = [];
    for (const id of stamps) {
      const c = this.waiting.get(id);
      this.waiting.delete(id);
      if (!c) continue;
      // Wiped in both layers first: a cell that turned from healthy to infected leaves no ghost.
      const r = spotRect(c.x, c.y, c.size, this.px);
      tissue.clearRect(r.x, r.y, r.width, r.height);
      threat.clearRect(r.x, r.y, r.width, r.height);
      const img = rasterOf(this.scene, spriteKey(typeName(c.type)));
      if (!img) continue;
      const s = c.size * this.px;
      (isThreat(c.type) ? threat : tissue).drawImage(img, c.x * this.px - s / 2, c.y * this.px - s / 2, s, s);
      baked.push(id);
      this.stamped++;
    }
    if (clears.length || baked.length) this.dirty = true;
    if (this.field.version !== this.fieldVersion) this.dirty = true;
    if (this.dirty && now - this.lastCompose >= this.composeMs) this.compose(now);
    return baked;
  }

  /** Keeps the canvas under the grid as the camera shows it (layout, zoom, pan). */
  follow(cam: Phaser.Cameras.Scene2D.Camera): void {
    const z = cam.zoom;
    const ox = cam.x + cam.originX * cam.width, oy = cam.y + cam.originY * cam.height;
    const left = ox + (0 - cam.scrollX - cam.originX * cam.width) * z;
    const top = oy + (0 - cam.scrollY - cam.originY * cam.height) * z;
    const game = this.scene.game.canvas;
    const w = this.gridW * z, h = this.gridH * z;
    const key = `${left + game.offsetLeft},${top + game.offsetTop},${w},${h},${cam.x},${cam.y},${cam.width},${cam.height}`;
    if (key === this.placed) return;
    this.placed = key;
    const s = this.element.style;
    s.left = `${left + game.offsetLeft}px`; s.top = `${top + game.offsetTop}px`;
    s.width = `${w}px`; s.height = `${h}px`;
    // Zoomed in, only the camera's box shows (as for the cells and the game's canvas), not the tissue beyond it.
    const cut = [cam.y - top, left + w - (cam.x + cam.width), top + h - (cam.y + cam.height), cam.x - left].map((v) => Math.max(0, Math.round(v)));
    s.clipPath = cut.some((v) => v > 0) ? `inset(${cut.map((v) => `${v}px`).join(" ")})` : "";
  }

  private compose(now: number): void {
    this.dirty = false;
    this.lastCompose = now;
    this.composed++;
    const f = this.field;
    if (f.version !== this.fieldVersion && f.rgba.length === f.width * f.height * 4) {
      this.fieldVersion = f.version;
      const data = new ImageData(new Uint8ClampedArray(f.rgba.buffer, f.rgba.byteOffset, f.rgba.length).slice(), f.width, f.height);
      ctx2d(this.heat).putImageData(data, 0, 0);
    }
    const o = this.out, w = this.element.width, h = this.element.height;
    o.globalAlpha = 1;
    o.imageSmoothingEnabled = true;
    o.imageSmoothingQuality = "low";
    o.drawImage(this.heat, 0, 0, w, h); // the heatmap fills the grid: no need to clear under it
    drawVessels(o, this.vessels, this.px);
    o.globalAlpha = TISSUE_ALPHA;
    o.drawImage(this.layers[0], 0, 0);
    o.globalAlpha = 1;
    o.drawImage(this.layers[1], 0, 0);
    // The grid's edge.
    o.globalAlpha = 0.8;
    o.strokeStyle = "#8a949e";
    o.lineWidth = 0.3 * this.px;
    o.strokeRect(0, 0, w, h);
    o.globalAlpha = 1;
  }

  destroy(): void {
    this.element.remove();
    this.waiting.clear();
  }
}
