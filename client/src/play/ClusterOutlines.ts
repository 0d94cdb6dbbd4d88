// One outline and a count per cluster of picked cells (the player's picked cells and the squad being commanded),
// instead of a halo per cell: a crowd around a dendritic cell reads as "12 of yours here" and leaves the cell
// underneath visible. One Graphics for every outline, a few pooled labels; redrawn at most every `intervalMs` while
// the cells move. Owned by CellLayer.

import Phaser from "phaser";
import { Depth } from "./cellStyle.ts";
import { clusterPoints, type Pt } from "./pickClusters.ts";

/** Cells this close (voxels) are outlined together. */
const LINK_VOXELS = 4;
/** Most labelled clusters; smaller ones past these still get an outline. */
const MAX_LABELS = 24;

export class ClusterOutlines {
  private readonly scene: Phaser.Scene;
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly labels: Phaser.GameObjects.Text[] = [];
  private last = -Infinity;
  private dirty = false;
  intervalMs: number;
  /** Clusters drawn last time (for tests). */
  shown = 0;

  constructor(scene: Phaser.Scene, intervalMs: number) {
    this.scene = scene;
    this.intervalMs = intervalMs;
    this.g = scene.add.graphics().setDepth(Depth.ring);
  }

  /** Something picked changed or moved: redraw when next due. */
  touch(): void { this.dirty = true; }

  /** Redraws the outlines of `points` if they changed and the interval has passed. */
  update(now: number, points: () => Pt[]): void {
    if (!this.dirty || now - this.last < this.intervalMs) return;
    this.dirty = false;
    this.last = now;
    const clusters = clusterPoints(points(), LINK_VOXELS);
    this.shown = clusters.length;
    const g = this.g.clear();
    for (const c of clusters) {
      g.lineStyle(0.7, 0x0d1218, 0.85).strokeCircle(c.x, c.y, c.r);
      g.lineStyle(0.35, 0xffffff, 0.95).strokeCircle(c.x, c.y, c.r);
    }
    clusters.forEach((c, i) => {
      if (i >= MAX_LABELS || c.count < 2) return;
      const t = this.label(i).setText(String(c.count)).setVisible(true);
      t.setPosition(c.x + c.r * 0.71, c.y - c.r * 0.71);
    });
    for (let i = Math.min(MAX_LABELS, clusters.length); i < this.labels.length; i++) this.labels[i].setVisible(false);
    for (let i = 0; i < Math.min(MAX_LABELS, clusters.length); i++) if (clusters[i].count < 2) this.labels[i].setVisible(false);
  }

  private label(i: number): Phaser.GameObjects.Text {
    while (this.labels.length <= i) {
      // Drawn at 48 px and scaled down into voxels, so it stays sharp at any zoom.
      const t = this.scene.add.text(0, 0, "", {
        fontFamily: "system-ui, sans-serif", fontSize: "48px", fontStyle: "bold", color: "#ffffff",
        backgroundColor: "#0d1218", padding: { x: 10, y: 2 },
      }).setOrigin(0, 1).setScale(2 / 48).setDepth(Depth.marker);
      this.labels.push(t);
    }
    return this.labels[i];
  }

  destroy(): void {
    this.g.destroy();
    for (const t of this.labels) t.destroy();
    this.labels.length = 0;
  }
}
