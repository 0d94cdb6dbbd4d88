// The cells that move (and their status marks), drawn on a 2D canvas between the baked tissue and the game's
// canvas instead of as WebGL sprites. On software WebGL (SwiftShader, what a school machine without a usable GPU falls
// back to) one batch of ~600 cell sprites took ~0.3 s a frame; the browser's 2D canvas draws the same images in a few
// milliseconds, and skips frames where nothing moved. CanvasSprite has the few Image methods CellLayer uses, so the
// layer's logic is unchanged. Owned by CellLayer.

import Phaser from "phaser";

const rasters = new WeakMap<object, HTMLCanvasElement>();

/**
 * A texture's image as a bitmap canvas, made once: cell sprites are SVGs, and a 2D canvas draws an SVG image by
 * rasterising it again on every drawImage.
 */
export function rasterOf(scene: Phaser.Scene, key: string): HTMLCanvasElement | null {
  if (!scene.textures.exists(key)) return null;
  const src = scene.textures.get(key).getSourceImage() as HTMLImageElement | HTMLCanvasElement;
  if (src instanceof HTMLCanvasElement) return src;
  let c = rasters.get(src);
  if (!c) {
    c = scene.game.canvas.ownerDocument.createElement("canvas");
    c.width = src.width || 64; c.height = src.height || 64;
    c.getContext("2d")?.drawImage(src, 0, 0, c.width, c.height);
    rasters.set(src, c);
  }
  return c;
}

export class CanvasSprite {
  readonly texture = { key: "" };
  x = 0; y = 0; w = 1; h = 1; alpha = 1; depth = 0; visible = true; active = true;
  additive = false;
  private readonly owner: CellCanvas;

  constructor(owner: CellCanvas, key: string) {
    this.owner = owner;
    this.texture.key = key;
  }

  setTexture(key: string): this { if (key !== this.texture.key) { this.texture.key = key; this.owner.dirty = true; } return this; }
  setDisplaySize(w: number, h: number): this { if (w !== this.w || h !== this.h) { this.w = w; this.h = h; this.owner.dirty = true; } return this; }
  setPosition(x: number, y: number): this { if (x !== this.x || y !== this.y) { this.x = x; this.y = y; this.owner.dirty = true; } return this; }
  setAlpha(a: number): this { if (a !== this.alpha) { this.alpha = a; this.owner.dirty = true; } return this; }
  setDepth(d: number): this { if (d !== this.depth) { this.depth = d; this.owner.dirty = true; } return this; }
  setVisible(v: boolean): this { if (v !== this.visible) { this.visible = v; this.owner.dirty = true; } return this; }
  setActive(a: boolean): this { this.active = a; return this; }
  setBlendMode(mode: number): this { this.additive = mode === Phaser.BlendModes.ADD; this.owner.dirty = true; return this; }
  destroy(): void { this.owner.remove(this); }
}

export class CellCanvas {
  private readonly scene: Phaser.Scene;
  readonly element: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly sprites = new Set<CanvasSprite>();
  private readonly sources = new Map<string, CanvasImageSource>();
  private readonly gridW: number;
  private readonly gridH: number;
  private placed = "";
  private zoom = 1;
  private offX = 0;
  private offY = 0;
  dirty = true;
  /** Least time between two redraws (ms): 0 draws every frame; reduced effects redraw at 15 per second. */
  minMs = 0;
  /** Canvas pixels per screen pixel: 1, or 0.5 under reduced effects (a quarter of the pixels to clear and send). */
  res = 1;
  private lastDraw = -Infinity;
  /** Drawn over the cells (voxel transform; canvas pixel = off + voxel × zoom): the picked outlines. */
  overlay: ((ctx: CanvasRenderingContext2D, zoom: number, offX: number, offY: number, res: number) => void) | null = null;
  /** Frames drawn (tests). */
  draws = 0;

  constructor(scene: Phaser.Scene, gridW: number, gridH: number) {
    this.scene = scene;
    this.gridW = gridW; this.gridH = gridH;
    const game = scene.game.canvas;
    this.element = game.ownerDocument.createElement("canvas");
    this.element.className = "tissue-cells";
    this.element.setAttribute("aria-hidden", "true");
    Object.assign(this.element.style, { position: "absolute", zIndex: "-1", pointerEvents: "none", left: "0px", top: "0px" });
    // The parent keeps the layers in its own stacking context (so z-index -1 stays above the page's background).
    if (game.parentElement) Object.assign(game.parentElement.style, { isolation: "isolate", overflow: "hidden" });
    game.parentElement?.insertBefore(this.element, game);
    const ctx = this.element.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas for the cells");
    this.ctx = ctx;
  }

  add(key: string): CanvasSprite {
    const s = new CanvasSprite(this, key);
    this.sprites.add(s);
    this.dirty = true;
    return s;
  }

  remove(s: CanvasSprite): void {
    this.sprites.delete(s);
    this.dirty = true;
  }

  /** Sits over the part of the grid the camera shows, at screen resolution; redraws if anything changed. */
  draw(cam: Phaser.Cameras.Scene2D.Camera, now: number): void {
    const z = cam.zoom;
    const ox = cam.x + cam.originX * cam.width, oy = cam.y + cam.originY * cam.height;
    const game = this.scene.game.canvas;
    // The grid's corner on the page, and the part of it (with a margin for cells at its edge) inside the camera's view.
    const gx = ox + (-cam.scrollX - cam.originX * cam.width) * z + game.offsetLeft;
    const gy = oy + (-cam.scrollY - cam.originY * cam.height) * z + game.offsetTop;
    const margin = 12 * z; // room for the outlines of clusters at the edge
    const x0 = Math.floor(Math.max(game.offsetLeft + cam.x, gx - margin)), y0 = Math.floor(Math.max(game.offsetTop + cam.y, gy - margin));
    const x1 = Math.ceil(Math.min(game.offsetLeft + cam.x + cam.width, gx + this.gridW * z + margin));
    const y1 = Math.ceil(Math.min(game.offsetTop + cam.y + cam.height, gy + this.gridH * z + margin));
    const w = Math.max(1, x1 - x0), h = Math.max(1, y1 - y0);
    const key = `${gx},${gy},${z},${x0},${y0},${w},${h},${this.res}`;
    if (key !== this.placed) {
      this.placed = key;
      this.zoom = z;
      this.offX = gx - x0; this.offY = gy - y0;
      const cw = Math.ceil(w * this.res), ch = Math.ceil(h * this.res);
      if (this.element.width !== cw || this.element.height !== ch) { this.element.width = cw; this.element.height = ch; }
      Object.assign(this.element.style, { left: `${x0}px`, top: `${y0}px`, width: `${w}px`, height: `${h}px` });
      this.dirty = true;
    }
    if (!this.dirty || now - this.lastDraw < this.minMs) return;
    this.dirty = false;
    this.lastDraw = now;
    this.draws++;
    const c = this.ctx;
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.clearRect(0, 0, this.element.width, this.element.height);
    const k = this.res;
    c.setTransform(this.zoom * k, 0, 0, this.zoom * k, this.offX * k, this.offY * k);
    c.imageSmoothingEnabled = true;
    const list = [...this.sprites].filter((s) => s.visible && s.alpha > 0).sort((a, b) => a.depth - b.depth);
    for (const s of list) {
      const src = this.source(s.texture.key);
      if (!src) continue;
      c.globalAlpha = Math.min(1, s.alpha);
      c.globalCompositeOperation = s.additive ? "lighter" : "source-over";
      c.drawImage(src, s.x - s.w / 2, s.y - s.h / 2, s.w, s.h);
    }
    c.globalAlpha = 1;
    c.globalCompositeOperation = "source-over";
    this.overlay?.(c, this.zoom * k, this.offX * k, this.offY * k, k);
  }

  private source(key: string): CanvasImageSource | null {
    let src = this.sources.get(key);
    if (!src) {
      const r = rasterOf(this.scene, key);
      if (!r) return null;
      this.sources.set(key, (src = r));
    }
    return src;
  }

  destroy(): void {
    this.element.remove();
    this.sprites.clear();
  }
}
