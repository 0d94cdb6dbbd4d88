// The words players read for the glossary's cell groups (docs/model.md section 5): `cd4` CD4 helper T cells, `cd8` CD8
// killer T cells, `treg` Tregs (regulatory T cells), `nk` NK cells (both kinds). One place, so the HUD, the IL-2
// tug-of-war, its squad rows and the prediction choices say the same. Pure; English (the kiosk has its strings).

import type { TugGroup } from "./il2Tug.ts";

export const GROUP_WORDS: Readonly<Record<TugGroup, string>> = {
  cd4: "Helper T cells",
  cd8: "Killer T cells",
  treg: "Tregs",
  nk: "NK cells",
};
