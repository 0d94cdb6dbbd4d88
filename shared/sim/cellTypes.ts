// The kinds of cell in the tissue, as small integers stored in the world's type array.
// Names here are the glossary's names; the wire, the UI and the metrics use them unchanged.

export const CellType = {
  cd4: 0,
  cd8: 1,
  treg: 2,
  nkBright: 3,
  nkDim: 4,
  dendritic: 5,
  tissue: 6,
  islet: 7,
  infected: 8,
  tumour: 9,
  tumourHidden: 10,
} as const;

export type CellTypeName = keyof typeof CellType;
export type CellTypeId = (typeof CellType)[CellTypeName];

export const CELL_TYPE_NAMES: readonly CellTypeName[] = [
  "cd4", "cd8", "treg", "nkBright", "nkDim", "dendritic", "tissue", "islet", "infected", "tumour", "tumourHidden",
];

export const CELL_TYPE_COUNT = CELL_TYPE_NAMES.length;

/** Plain-language labels, for the model document, the metrics and the UI. */
export const CELL_TYPE_LABELS: Record<CellTypeName, string> = {
  cd4: "CD4 helper T cell",
  cd8: "CD8 killer T cell",
  treg: "regulatory T cell (Treg)",
  nkBright: "NK cell, CD56bright",
  nkDim: "NK cell, CD56dim",
  dendritic: "dendritic cell",
  tissue: "healthy tissue cell",
  islet: "islet beta cell (carries self-antigen)",
  infected: "virus-infected cell",
  tumour: "tumour cell",
  tumourHidden: "tumour cell, MHC-low (hidden from T cells)",
};

export function isTCell(t: number): boolean {
  return t === CellType.cd4 || t === CellType.cd8 || t === CellType.treg;
}
export function isNk(t: number): boolean {
  return t === CellType.nkBright || t === CellType.nkDim;
}
/** Immune cells carry IL-2 receptors, signal, move and can be commanded. */
export function isImmune(t: number): boolean {
  return t <= CellType.nkDim;
}
/** Cells that sit on the tissue lattice (one per site) and never move. */
export function isLattice(t: number): boolean {
  return t >= CellType.tissue;
}
export function isThreat(t: number): boolean {
  return t === CellType.infected || t === CellType.tumour || t === CellType.tumourHidden;
}
