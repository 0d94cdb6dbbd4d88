// One outline and a count per cluster of picked cells (the player's picked cells and the squad being commanded),
// instead of a halo per cell: a crowd around a dendritic cell reads as "12 of yours here" and leaves the cell
// underneath visible. Drawn on the moving cells' canvas (CellCanvas) after the cells, which redraws only when
// something moved. Which cells go together is recomputed at most every `intervalMs` while they move; each outline
// follows its cells' drawn positions on every frame they move (clusterTrack.ts). Owned by CellLayer.

import type { CellCanvas } from "./CellCanvas.ts";
import { ClusterTrack, type IdPt } from "./clusterTrack.ts";
import type { Cluster, Pt } from "./pickClusters.ts";

/** Cells this close (voxels) are outlined together. */
const LINK_VOXELS = 3;
/** Most labelled clusters; smaller ones past these still get an outline. */
const MAX_LABELS = 24;
const LABEL_PX = 13;

export class ClusterOutlines {
  private readonly canvas: CellCanvas;
  private readonly track = new ClusterTrack();
  private clusters: Cluster[] = [];
  private last = -Infinity;
  /** The grouping is due again (something picked changed or moved). */
  private dirty = false;
  /** Picked cells moved (or were dropped) since the last frame: the outlines follow them. */
  private moved = false;
  intervalMs: number;

  constructor(canvas: CellCanvas, intervalMs: number) {
    this.canvas = canvas;
    this.intervalMs = intervalMs;
    canvas.overlay = (ctx, zoom, offX, offY, res) => this.draw(ctx, zoom, offX, offY, res);
  }

  /** Clusters drawn now (tests). */
  get shown(): number { return this.clusters.length; }

  /** Something picked changed or moved: the outlines follow this frame, the grouping is redone when next due. */
  touch(): void { this.dirty = true; this.moved = true; }

  /**
   * Regroups the picked cells (`members`, drawn positions) if they changed and the interval has passed; moves the
   * outlines to where their cells are drawn now (`at`: a cell's drawn position, null once it is gone) when they moved.
   */
  update(now: number, members: () => IdPt[], at: (id: number) => Pt | null): void {
    if (this.dirty && now - this.last >= this.intervalMs) {
      this.dirty = false;
      this.last = now;
      this.track.regroup(members(), LINK_VOXELS);
      this.moved = true;
    }
    if (!this.moved) return;
    this.moved = false;
    const next = this.track.shapes(at);
    if (next.length === 0 && this.clusters.length === 0) return;
    this.clusters = next;
    this.canvas.dirty = true;
  }

  /** Outlines in voxels (the canvas is scaled by `zoom`), counts in screen pixels so they read at any zoom. */
  private draw(ctx: CanvasRenderingContext2D, zoom: number, offX: number, offY: number, res: number): void {
    if (this.clusters.length === 0) return;
    ctx.globalAlpha = 1;
    for (const [width, colour] of [[0.7, "rgba(13, 18, 24, 0.85)"], [0.35, "#ffffff"]] as const) {
      ctx.lineWidth = width;
      ctx.strokeStyle = colour;
      ctx.beginPath();
      for (const c of this.clusters) { ctx.moveTo(c.x + c.r, c.y); ctx.arc(c.x, c.y, c.r, 0, Math.PI * 2); }
      ctx.stroke();
    }
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const px = LABEL_PX * res;
    ctx.font = `bold ${px}px system-ui, sans-serif`;
    ctx.textBaseline = "bottom";
    this.clusters.slice(0, MAX_LABELS).forEach((c) => {
      if (c.count < 2) return;
      const text = String(c.count);
      const x = offX + (c.x + c.r * 0.71) * zoom, y = offY + (c.y - c.r * 0.71) * zoom;
      const w = ctx.measureText(text).width + 6 * res;
      ctx.fillStyle = "#0d1218";
      ctx.fillRect(x, y - px - 2 * res, w, px + 3 * res);
      ctx.fillStyle = "#ffffff";
      ctx.fillText(text, x + 3 * res, y);
    });
    ctx.restore();
  }
}
