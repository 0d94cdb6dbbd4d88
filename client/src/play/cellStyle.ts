// How each cell type looks on the tissue: its sprite key (SVG in assets/sprites, named by CELL_TYPE_NAMES), its
// drawn size in voxels and its draw layer. Shapes differ by type as well as colours. Used by CellLayer and PlayScene.

import { CELL_TYPE_NAMES, CellType, isImmune, isLattice } from "../../../shared/sim/cellTypes.ts";

/** Texture key of a cell type's sprite (H4's LoadingScene loads `/sprites/<name>.svg` under this key). */
export function spriteKey(typeName: string): string {
  return `cell-${typeName}`;
}

/** Every sprite the play scene needs: key and URL. */
export const CELL_SPRITES: readonly { key: string; url: string }[] = CELL_TYPE_NAMES.map((n) => ({ key: spriteKey(n), url: `/sprites/${n}.svg` }));

/** Pixel size the SVGs are rasterised at (they are drawn much smaller; this keeps edges clean when zoomed). */
export const SPRITE_PX = 64;

/** Depths of what the play scene draws, bottom to top. */
export const Depth = {
  field: 0, vessels: 1, lattice: 2, glow: 3, immune: 4, ring: 5, marker: 6, effects: 7, cursor: 8,
} as const;

/** Drawn diameter of a cell, voxels. Lattice cells fill their site; immune cells are drawn larger than life to read. */
export function cellSizeVoxels(type: number, latticeSpacing: number): number {
  if (isLattice(type)) return Math.max(1, latticeSpacing * 0.95);
  if (type === CellType.dendritic) return 3.2; // dendritic cells reach out with long arms
  return isImmune(type) ? 2.4 : 2;
}

export function typeName(type: number): string {
  return CELL_TYPE_NAMES[type] ?? "tissue";
}

/** Registry flag and game event: the loading scene has loaded every sprite (PlayScene waits for it). */
export const ASSETS_READY = "assets-ready";
