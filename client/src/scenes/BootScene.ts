// Draws the menu's textures in code (no image files yet): one per cell type, each a different shape so colour is
// never the only cue, plus an IL-2 dot. Kinds are the glossary's cell groups (docs/model.md: cd4, cd8, treg, nk).
// Sizes in pixels. First scene; starts LoadingScene.

import Phaser from "phaser";

/** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
export const COLOURS = {
  cd4: 0x0072b2, // CD4 helper T cell: circle
  cd8: 0xd55e00, // CD8 killer T cell: diamond
  treg: 0x009e73, // regulatory T cell: rounded square
  nk: 0xcc79a7, // natural killer cell: triangle
  il2: 0xf0e442,
  rim: 0xf4f1ea,
} as const;

/** The menu's cell kinds: glossary words for cell groups (docs/model.md, section 5). */
export type CellKind = "cd4" | "cd8" | "treg" | "nk";

export const CELL_SIZE = 56;
const IL2_SIZE = 8;

export class BootScene extends Phaser.Scene {
  constructor() {
    super("Boot");
  }

  create(): void {
    const g = this.add.graphics();
    const s = CELL_SIZE, h = s / 2, r = h - 3;

    this.drawCell(g, "cd4", () => g.fillCircle(h, h, r), () => g.strokeCircle(h, h, r));
    this.drawCell(g, "cd8", () => g.fillPoints(diamond(h, r), true), () => g.strokePoints(diamond(h, r), true));
    this.drawCell(g, "treg", () => g.fillRoundedRect(4, 4, s - 8, s - 8, 10), () => g.strokeRoundedRect(4, 4, s - 8, s - 8, 10));
    this.drawCell(g, "nk", () => g.fillTriangle(h, 3, s - 3, s - 5, 3, s - 5), () => g.strokeTriangle(h, 3, s - 3, s - 5, 3, s - 5));

    g.clear();
    g.fillStyle(COLOURS.il2, 1);
    g.fillCircle(IL2_SIZE / 2, IL2_SIZE / 2, IL2_SIZE / 2);
    g.generateTexture("il2", IL2_SIZE, IL2_SIZE);
    g.destroy();

    this.scene.start("Loading");
  }

  private drawCell(g: Phaser.GameObjects.Graphics, kind: CellKind, fill: () => void, stroke: () => void): void {
    g.clear();
    g.fillStyle(COLOURS[kind], 1);
    fill();
    g.lineStyle(3, COLOURS.rim, 0.9);
    stroke();
    g.generateTexture(menuCellKey(kind), CELL_SIZE, CELL_SIZE);
  }
}

function diamond(c: number, r: number): Phaser.Math.Vector2[] {
  return [new Phaser.Math.Vector2(c, c - r), new Phaser.Math.Vector2(c + r, c), new Phaser.Math.Vector2(c, c + r), new Phaser.Math.Vector2(c - r, c)];
}

/** The menu's drawn cells have their own keys: `cell-<type>` belongs to the play scene's SVG sprites (LoadingScene). */
export function menuCellKey(kind: CellKind): string {
  return `menu-cell-${kind}`;
}
