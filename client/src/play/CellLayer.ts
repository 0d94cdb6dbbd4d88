// Draws every live cell as a pooled Image keyed by cell id, gliding between synced positions, with its status on
// top: a ring when activated, a glow when pSTAT5-positive (lit), a marker when commanded, a halo when picked or in
// the squad being commanded. Spawns fade in, deaths fade out. Positions in voxels. Owned by PlayScene.

import Phaser from "phaser";
import type { MapSchema } from "@colyseus/schema";
import { CellStatus, POSITION_STEPS_PER_VOXEL, type CellState } from "../../../shared/net/TissueState.ts";
import { isImmune, isLattice, isThreat } from "../../../shared/sim/cellTypes.ts";
import { cellSizeVoxels, Depth, spriteKey, typeName } from "./cellStyle.ts";
import { newTrack, retarget, sampleTrack, type Track } from "./motion.ts";
import type { CellPoint } from "./selection.ts";

const FADE_IN_MS = 350;
const FADE_OUT_MS = 450;
/** Cells of squads the player does not command are drawn a little fainter. */
const OTHERS_ALPHA = 0.8;
/** Healthy lattice cells are drawn faint so the IL-2 heatmap shows through them. */
const TISSUE_ALPHA = 0.38;

/** Overlay textures made in code by PlayScene (makeOverlayTextures). */
export const Overlay = { ring: "ov-ring", glow: "ov-glow", marker: "ov-marker", halo: "ov-halo" } as const;

interface CellView {
  id: number;
  type: number;
  squad: number;
  status: number;
  img: Phaser.GameObjects.Image;
  glow: Phaser.GameObjects.Image | null;
  ring: Phaser.GameObjects.Image | null;
  marker: Phaser.GameObjects.Image | null;
  halo: Phaser.GameObjects.Image | null;
  track: Track;
  born: number;
  /** When it died (ms), or -1 while alive. */
  diedAt: number;
  /** The sync pass that last saw it. */
  seen: number;
  /** Drawn at rest (glide and fade-in done): skipped each frame until something changes. */
  settled: boolean;
}

export class CellLayer {
  private readonly scene: Phaser.Scene;
  private readonly views = new Map<number, CellView>();
  private readonly dying: CellView[] = [];
  private readonly pool: Phaser.GameObjects.Image[] = [];
  private readonly overlayPool = new Map<string, Phaser.GameObjects.Image[]>();
  private pass = 0;
  private readonly latticeSpacing: number;
  /** Squads the player commands, the squad being commanded, and picked cell ids. */
  private mine: readonly number[] = [];
  private selectedSquad: number | null = null;
  private picked = new Set<number>();

  constructor(scene: Phaser.Scene, latticeSpacing: number) {
    this.scene = scene;
    this.latticeSpacing = latticeSpacing;
  }

  setOwnership(mine: readonly number[], selectedSquad: number | null, picked: readonly number[]): void {
    this.mine = mine;
    this.selectedSquad = selectedSquad;
    this.picked = new Set(picked);
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
        v = this.create(id, c, x, y, first ? now - FADE_IN_MS : now);
        this.views.set(id, v);
      } else {
        if (v.track.toX !== x || v.track.toY !== y) {
          if (isLattice(v.type) && isLattice(c.type)) { v.track = newTrack(x, y, now); } else retarget(v.track, x, y, now, glide);
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
      v.diedAt = now;
      this.dying.push(v);
    }
  }

  /** Moves and fades everything for this frame. */
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

  destroy(): void {
    for (const v of this.views.values()) this.release(v);
    for (const v of this.dying) this.release(v);
    this.views.clear();
    this.dying.length = 0;
    for (const img of this.pool) img.destroy();
    for (const list of this.overlayPool.values()) for (const img of list) img.destroy();
  }

  private create(id: number, c: CellState, x: number, y: number, born: number): CellView {
    const img = this.pool.pop() ?? this.scene.add.image(0, 0, spriteKey(typeName(c.type)));
    img.setVisible(true).setActive(true);
    const v: CellView = {
      id, type: c.type, squad: c.squad, status: c.status, img, glow: null, ring: null, marker: null, halo: null,
      track: newTrack(x, y, born), born, diedAt: -1, seen: 0, settled: false,
    };
    this.dress(v);
    return v;
  }

  /** Texture, size, depth and overlays for a view's type and status. */
  private dress(v: CellView): void {
    v.settled = false;
    const size = cellSizeVoxels(v.type, this.latticeSpacing);
    v.img.setTexture(spriteKey(typeName(v.type))).setDisplaySize(size, size);
    v.img.setDepth(isImmune(v.type) ? Depth.immune : Depth.lattice);
    const immune = isImmune(v.type);
    const mine = immune && this.mine.includes(v.squad);
    const picked = this.picked.has(v.id) || (mine && this.selectedSquad === v.squad);
    v.glow = this.toggle(v.glow, immune && (v.status & CellStatus.lit) !== 0, Overlay.glow, size * 2.2, Depth.glow);
    v.ring = this.toggle(v.ring, immune && (v.status & CellStatus.activated) !== 0, Overlay.ring, size * 1.45, Depth.ring);
    // Only the player's own commanded cells get a (small) marker: everyone else's orders would just be clutter, and
    // a squad crowded on its target would turn into a scribble.
    v.marker = this.toggle(v.marker, mine && (v.status & CellStatus.commanded) !== 0, Overlay.marker, size * 0.4, Depth.marker);
    v.halo = this.toggle(v.halo, picked, Overlay.halo, size * 1.25, Depth.ring);
    if (v.glow) v.glow.setBlendMode(Phaser.BlendModes.ADD);
  }

  private toggle(cur: Phaser.GameObjects.Image | null, on: boolean, key: string, size: number, depth: number): Phaser.GameObjects.Image | null {
    if (!on) {
      if (cur) this.releaseOverlay(cur);
      return null;
    }
    let img = cur;
    if (!img) {
      img = this.overlayPool.get(key)?.pop() ?? this.scene.add.image(0, 0, key);
      img.setVisible(true).setActive(true);
    }
    return img.setDisplaySize(size, size).setDepth(depth);
  }

  private place(v: CellView, now: number, fade: number): void {
    const p = sampleTrack(v.track, now);
    const grow = Math.min(1, (now - v.born) / FADE_IN_MS);
    if (fade === 1 && grow === 1 && now >= v.track.t0 + v.track.dur) v.settled = true;
    const base = isImmune(v.type)
      ? (this.mine.length > 0 && !this.mine.includes(v.squad) ? OTHERS_ALPHA : 1)
      : isLattice(v.type) && !isThreat(v.type) ? TISSUE_ALPHA : 1;
    const a = base * grow * fade;
    v.img.setPosition(p.x, p.y).setAlpha(a);
    const size = cellSizeVoxels(v.type, this.latticeSpacing) * (0.5 + 0.5 * grow) * (0.6 + 0.4 * fade);
    v.img.setDisplaySize(size, size);
    if (v.glow) v.glow.setPosition(p.x, p.y).setAlpha(0.6 * a);
    if (v.ring) v.ring.setPosition(p.x, p.y).setAlpha(a);
    if (v.halo) v.halo.setPosition(p.x, p.y).setAlpha(0.6 * a);
    if (v.marker) v.marker.setPosition(p.x, p.y - cellSizeVoxels(v.type, this.latticeSpacing) * 0.7).setAlpha(0.85 * a);
  }

  private release(v: CellView): void {
    v.img.setVisible(false).setActive(false);
    this.pool.push(v.img);
    for (const o of [v.glow, v.ring, v.marker, v.halo]) if (o) this.releaseOverlay(o);
    v.glow = v.ring = v.marker = v.halo = null;
  }

  private releaseOverlay(img: Phaser.GameObjects.Image): void {
    img.setVisible(false).setActive(false);
    const key = img.texture.key;
    let list = this.overlayPool.get(key);
    if (!list) this.overlayPool.set(key, (list = []));
    list.push(img);
  }
}
