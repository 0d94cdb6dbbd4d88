// Draws every live cell, gliding between synced positions, with its status on top: a ring when activated, a glow
// when pSTAT5-positive (lit), a marker when commanded. The tissue lattice (cells that sit on their sites) is baked
// into textures (TissueBake) once it is at rest, so ~3,000 tissue cells cost two images a frame instead of 3,000
// sprites; a lattice cell that changes is drawn as a sprite of its own until it is baked again. Moving cells are
// pooled Images keyed by cell id (the renderer batches them). Picked cells and the squad being commanded get one
// outline and a count per cluster (ClusterOutlines), not a halo each. Spawns fade in, deaths fade out, unless effects
// are reduced. Positions in voxels. Owned by PlayScene.

import Phaser from "phaser";
import type { MapSchema } from "@colyseus/schema";
import { CellStatus, POSITION_STEPS_PER_VOXEL, type CellState } from "../../../shared/net/TissueState.ts";
import { isImmune, isLattice, isThreat } from "../../../shared/sim/cellTypes.ts";
import type { Vessel } from "../../../shared/sim/scenario.ts";
import { cellSizeVoxels, Depth, spriteKey, typeName } from "./cellStyle.ts";
import { CellCanvas, type CanvasSprite } from "./CellCanvas.ts";
import { ClusterOutlines } from "./ClusterOutlines.ts";
import { newTrack, retarget, sampleTrack, type Track } from "./motion.ts";
import type { IdPt } from "./clusterTrack.ts";
import type { CellPoint } from "./selection.ts";
import { TISSUE_ALPHA, TissueBake, type FieldPixels } from "./TissueBake.ts";

const FADE_IN_MS = 350;
const FADE_OUT_MS = 450;
/** Cells of squads the player does not command are drawn a little fainter. */
const OTHERS_ALPHA = 0.8;
/** How often changed tissue cells are stamped back into the bake, the bake repainted, and picked outlines redrawn (ms). */
const BAKE_MS = { full: 250, reduced: 1000 };
const COMPOSE_MS = { full: 100, reduced: 250 };
const OUTLINE_MS = { full: 60, reduced: 200 };

/** Overlay textures made in code by PlayScene (makeOverlayTextures). */
export const Overlay = { ring: "ov-ring", glow: "ov-glow", marker: "ov-marker", halo: "ov-halo" } as const;

interface CellView {
  id: number;
  type: number;
  squad: number;
  status: number;
  /** Its own sprite, or null while it is drawn in the bake. */
  img: CanvasSprite | null;
  glow: CanvasSprite | null;
  ring: CanvasSprite | null;
  marker: CanvasSprite | null;
  track: Track;
  born: number;
  /** When it died (ms), or -1 while alive. */
  diedAt: number;
  /** The sync pass that last saw it. */
  seen: number;
  /** Drawn at rest (glide and fade-in done): skipped each frame until something changes. */
  settled: boolean;
  /** Picked, or in the squad being commanded: inside an outline. */
  picked: boolean;
  /** Lattice cells: waiting to be stamped into the bake, or drawn there (at bakedX, bakedY). */
  queued: boolean;
  baked: boolean;
  bakedX: number;
  bakedY: number;
  /** The type it was baked as: a tissue cell that turned infected must be redrawn. */
  bakedType: number;
}

export class CellLayer {
  private readonly scene: Phaser.Scene;
  private readonly views = new Map<number, CellView>();
  private readonly dying: CellView[] = [];
  private readonly pool: CanvasSprite[] = [];
  private readonly overlayPool = new Map<string, CanvasSprite[]>();
  private pass = 0;
  private readonly latticeSpacing: number;
  private readonly bake: TissueBake;
  private readonly canvas: CellCanvas;
  private readonly outlines: ClusterOutlines;
  private reduced = false;
  /** Squads the player commands, the squad being commanded, and picked cell ids. */
  private mine: readonly number[] = [];
  private selectedSquad: number | null = null;
  private picked = new Set<number>();

  /** `field`: the heatmap's colours, painted under the baked tissue (its own image is then hidden). */
  constructor(scene: Phaser.Scene, latticeSpacing: number, gridW: number, gridH: number, field: FieldPixels, vessels: readonly Vessel[]) {
    this.scene = scene;
    this.latticeSpacing = latticeSpacing;
    this.bake = new TissueBake(scene, field, vessels, gridW, gridH, BAKE_MS.full);
    this.canvas = new CellCanvas(scene, gridW, gridH);
    this.outlines = new ClusterOutlines(this.canvas, OUTLINE_MS.full);
  }

  setOwnership(mine: readonly number[], selectedSquad: number | null, picked: readonly number[]): void {
    this.mine = mine;
    this.selectedSquad = selectedSquad;
    this.picked = new Set(picked);
    for (const v of this.views.values()) this.dress(v);
    this.outlines.touch();
  }

  /** Reduced effects: no glows, no fades, the bake and outlines redrawn less often. */
  setReduced(reduced: boolean): void {
    if (reduced === this.reduced) return;
    this.reduced = reduced;
    this.bake.setInterval(reduced ? BAKE_MS.reduced : BAKE_MS.full, reduced ? COMPOSE_MS.reduced : COMPOSE_MS.full);
    this.outlines.intervalMs = reduced ? OUTLINE_MS.reduced : OUTLINE_MS.full;
    this.canvas.minMs = reduced ? 66 : 0; // moving cells redrawn 15 times a second, at half resolution
    this.canvas.res = reduced ? 0.5 : 1;
    this.canvas.dirty = true;
    for (const v of this.views.values()) this.dress(v);
  }

  /** Brings the views in line with the synced cells; call after each state patch. `glide` is the glide length, ms. */
  sync(cells: MapSchema<CellState>, now: number, glide: number, first: boolean): void {
    const pass = ++this.pass;
    cells.forEach((c, key) => {
      const id = Number(key);
      const x = c.x / POSITION_STEPS_PER_VOXEL, y = c.y / POSITION_STEPS_PER_VOXEL;
      let v = this.views.get(id);
      if (!v) {
        v = this.create(id, c, x, y, first || this.reduced ? now - FADE_IN_MS : now, first);
        this.views.set(id, v);
      } else {
        if (v.track.toX !== x || v.track.toY !== y) {
          if (isLattice(v.type) && isLattice(c.type)) { this.unbake(v); v.track = newTrack(x, y, now); } else retarget(v.track, x, y, now, glide);
          v.settled = false;
        }
        if (v.type !== c.type || v.squad !== c.squad || v.status !== c.status) {
          v.type = c.type; v.squad = c.squad; v.status = c.status;
          this.dress(v);
        }
      }
      v.seen = pass;
    });
    for (const [id, v] of this.views) {
      if (v.seen === pass) continue;
      this.views.delete(id);
      if (v.picked) this.outlines.touch();
      if (this.reduced) { this.release(v); continue; }
      this.unbake(v);
      v.diedAt = now;
      this.dying.push(v);
    }
  }

  /** Moves and fades everything for this frame, bakes tissue cells come to rest, redraws outlines when due. */
  update(now: number): void {
    // Most cells (the whole tissue lattice, resting immune cells) do not move between patches: skip them.
    for (const v of this.views.values()) if (!v.settled) this.place(v, now, 1);
    for (let i = this.dying.length - 1; i >= 0; i--) {
      const v = this.dying[i];
      const f = 1 - (now - v.diedAt) / FADE_OUT_MS;
      if (f <= 0) {
        this.release(v);
        this.dying.splice(i, 1);
      } else this.place(v, now, f);
    }
    for (const id of this.bake.flush(now)) {
      const v = this.views.get(id);
      if (!v || !v.queued) continue;
      v.queued = false;
      v.baked = true;
      if (v.img) { this.releaseImage(v.img); v.img = null; }
    }
    this.outlines.update(now, () => this.pickedPoints(now), (id) => this.positionOf(id, now));
    this.bake.follow(this.scene.cameras.main);
    this.canvas.draw(this.scene.cameras.main, now);
  }

  /** The live cells as points (voxels, drawn positions) for picking and selection. */
  *points(now: number): Iterable<CellPoint> {
    for (const v of this.views.values()) {
      const p = sampleTrack(v.track, now);
      yield { id: v.id, x: p.x, y: p.y, squad: v.squad, type: v.type };
    }
  }

  /** Where a cell is drawn now (voxels), or null if it is gone. */
  positionOf(id: number, now: number): { x: number; y: number } | null {
    const v = this.views.get(id);
    return v ? sampleTrack(v.track, now) : null;
  }

  get count(): number { return this.views.size; }

  /** What is drawn: cells in the bake, cells with a sprite of their own, outlined clusters (tests, benchmark). */
  get stats(): { baked: number; sprites: number; clusters: number; reduced: boolean; repaints: number } {
    let baked = 0, sprites = 0;
    for (const v of this.views.values()) { if (v.baked) baked++; if (v.img) sprites++; }
    return { baked, sprites, clusters: this.outlines.shown, reduced: this.reduced, repaints: this.bake.composed };
  }

  destroy(): void {
    for (const v of this.views.values()) this.release(v);
    for (const v of this.dying) this.release(v);
    this.views.clear();
    this.dying.length = 0;
    for (const img of this.pool) img.destroy();
    for (const list of this.overlayPool.values()) for (const img of list) img.destroy();
    this.bake.destroy();
    this.canvas.destroy();
  }

  private create(id: number, c: CellState, x: number, y: number, born: number, first: boolean): CellView {
    const v: CellView = {
      id, type: c.type, squad: c.squad, status: c.status, img: null, glow: null, ring: null, marker: null,
      track: newTrack(x, y, born), born, diedAt: -1, seen: 0, settled: false, picked: false,
      queued: false, baked: false, bakedX: x, bakedY: y, bakedType: c.type,
    };
    // The round's first tissue goes straight into the bake: no sprite for each of thousands of cells.
    if (first && isLattice(c.type)) {
      this.dress(v);
      v.settled = true;
      this.queueBake(v, x, y);
      return v;
    }
    v.img = this.takeImage(c.type);
    this.dress(v);
    return v;
  }

  private takeImage(type: number): CanvasSprite {
    const img = this.pool.pop() ?? this.canvas.add(spriteKey(typeName(type)));
    return img.setVisible(true).setActive(true);
  }

  /** A lattice cell leaves the bake (it changed, moved or died): its spot is wiped and it gets a sprite again. */
  private unbake(v: CellView): void {
    if (v.queued) { this.bake.cancel(v.id); v.queued = false; }
    if (v.baked) { this.bake.wipe(v.bakedX, v.bakedY, cellSizeVoxels(v.type, this.latticeSpacing)); v.baked = false; }
    if (!v.img) {
      v.img = this.takeImage(v.type);
      const p = sampleTrack(v.track, v.track.t0 + v.track.dur);
      const size = cellSizeVoxels(v.type, this.latticeSpacing);
      v.img.setTexture(spriteKey(typeName(v.type))).setDisplaySize(size, size).setDepth(Depth.lattice).setPosition(p.x, p.y);
    }
    v.settled = false;
  }

  private queueBake(v: CellView, x: number, y: number): void {
    v.queued = true;
    v.bakedX = x; v.bakedY = y; v.bakedType = v.type;
    this.bake.add({ id: v.id, type: v.type, x, y, size: cellSizeVoxels(v.type, this.latticeSpacing) });
  }

  /** Texture, size, depth and overlays for a view's type and status. */
  private dress(v: CellView): void {
    const immune = isImmune(v.type);
    const mine = immune && this.mine.includes(v.squad);
    const picked = this.picked.has(v.id) || (mine && this.selectedSquad === v.squad);
    if (picked !== v.picked) { v.picked = picked; this.outlines.touch(); }
    const size = cellSizeVoxels(v.type, this.latticeSpacing);
    if (isLattice(v.type)) {
      // Only what the bake shows matters for a tissue cell: redraw it if its type changed.
      if ((v.baked || v.queued) && v.bakedType !== v.type) this.unbake(v);
      if (!v.img) return;
    }
    v.settled = false;
    if (v.img) v.img.setTexture(spriteKey(typeName(v.type))).setDisplaySize(size, size).setDepth(immune ? Depth.immune : Depth.lattice);
    v.glow = this.toggle(v.glow, !this.reduced && immune && (v.status & CellStatus.pstat5Positive) !== 0, Overlay.glow, size * 2.2, Depth.glow);
    v.ring = this.toggle(v.ring, immune && (v.status & CellStatus.activated) !== 0, Overlay.ring, size * 1.45, Depth.ring);
    // Only the player's own commanded cells get a (small) marker: everyone else's orders would just be clutter, and
    // a squad crowded on its target would turn into a scribble.
    v.marker = this.toggle(v.marker, mine && (v.status & CellStatus.commanded) !== 0, Overlay.marker, size * 0.4, Depth.marker);
    if (v.glow) v.glow.setBlendMode(Phaser.BlendModes.ADD);
  }

  private toggle(cur: CanvasSprite | null, on: boolean, key: string, size: number, depth: number): CanvasSprite | null {
    if (!on) {
      if (cur) this.releaseOverlay(cur);
      return null;
    }
    let img = cur;
    if (!img) {
      img = this.overlayPool.get(key)?.pop() ?? this.canvas.add(key);
      img.setVisible(true).setActive(true);
    }
    return img.setDisplaySize(size, size).setDepth(depth);
  }

  private place(v: CellView, now: number, fade: number): void {
    const p = sampleTrack(v.track, now);
    const grow = Math.min(1, (now - v.born) / FADE_IN_MS);
    const atRest = fade === 1 && grow === 1 && now >= v.track.t0 + v.track.dur;
    if (atRest) v.settled = true;
    if (v.picked) this.outlines.touch();
    if (!v.img) return;
    if (atRest && isLattice(v.type) && v.diedAt < 0 && !v.queued) {
      this.queueBake(v, p.x, p.y);
    }
    const base = isImmune(v.type)
      ? (this.mine.length > 0 && !this.mine.includes(v.squad) ? OTHERS_ALPHA : 1)
      : isLattice(v.type) && !isThreat(v.type) ? TISSUE_ALPHA : 1;
    const a = base * grow * fade;
    v.img.setPosition(p.x, p.y).setAlpha(a);
    const size = cellSizeVoxels(v.type, this.latticeSpacing) * (0.5 + 0.5 * grow) * (0.6 + 0.4 * fade);
    v.img.setDisplaySize(size, size);
    if (v.glow) v.glow.setPosition(p.x, p.y).setAlpha(0.6 * a);
    if (v.ring) v.ring.setPosition(p.x, p.y).setAlpha(a);
    if (v.marker) v.marker.setPosition(p.x, p.y - cellSizeVoxels(v.type, this.latticeSpacing) * 0.7).setAlpha(0.85 * a);
  }

  private pickedPoints(now: number): IdPt[] {
    const out: IdPt[] = [];
    for (const v of this.views.values()) if (v.picked) out.push({ id: v.id, ...sampleTrack(v.track, now) });
    return out;
  }

  private release(v: CellView): void {
    if (v.queued) { this.bake.cancel(v.id); v.queued = false; }
    if (v.baked) { this.bake.wipe(v.bakedX, v.bakedY, cellSizeVoxels(v.type, this.latticeSpacing)); v.baked = false; }
    if (v.img) { this.releaseImage(v.img); v.img = null; }
    for (const o of [v.glow, v.ring, v.marker]) if (o) this.releaseOverlay(o);
    v.glow = v.ring = v.marker = null;
  }

  private releaseImage(img: CanvasSprite): void {
    img.setVisible(false).setActive(false);
    this.pool.push(img);
  }

  private releaseOverlay(img: CanvasSprite): void {
    img.setVisible(false).setActive(false);
    const key = img.texture.key;
    let list = this.overlayPool.get(key);
    if (!list) this.overlayPool.set(key, (list = []));
    list.push(img);
  }
}
