// Every way to command the tissue, in one list the HUD's help and the tutorial show, and the key bindings the
// play scene's input reads. Words for players; keys as KeyboardEvent.key values. Used by CommandInput and H4's UI.

import type { Ability } from "../../../shared/sim/commands.ts";

export interface Control {
  /** What to press or do, as shown to players. */
  input: string;
  /** What it does. */
  action: string;
}

export const CONTROLS: readonly Control[] = [
  { input: "1, 2, 3, 4 (or the squad buttons)", action: "Pick your first, second, third or fourth squad to command (press again to let go)" },
  { input: "Click or tap the tissue", action: "Send the picked squad there" },
  { input: "Drag a box", action: "Pick some of your own cells; the next click sends just those" },
  { input: "Arrow keys, then Enter", action: "Move the target cursor (the view follows it), then send the picked squad (or picked cells) to it" },
  { input: "Space", action: "Pick or unpick your cell under the target cursor (pick several, then Enter sends them)" },
  { input: "A", action: "Pick all your cells in view (only the picked squad's, if one is picked)" },
  { input: "R", action: "Rally: the squad gathers at its centre" },
  { input: "S", action: "Scatter: the squad spreads out" },
  { input: "H", action: "Hunt: the squad chases threats harder" },
  { input: "I", action: "Seek IL-2: the squad climbs towards more IL-2" },
  { input: "X", action: "Release: the squad acts on its own again" },
  { input: "Shift + click a cell (or click with no squad picked)", action: "Look at that cell under the microscope" },
  { input: "M", action: "Look at the cell under the target cursor (or the mouse) under the microscope; Escape closes it" },
  { input: "+ and − (or the mouse wheel, or pinch with two fingers)", action: "Zoom in and out (up to 6 times)" },
  { input: "Drag with two fingers (or the middle mouse button)", action: "Move around the tissue when zoomed in" },
  { input: "0 (or the Whole tissue button)", action: "Back to the whole tissue" },
  { input: "Right-click or Escape", action: "Clear the picked squad, cells and cursor" },
];

/** Ability keys (lower case). */
export const ABILITY_KEYS: Readonly<Record<string, Ability>> = { r: "rally", s: "scatter", h: "hunt", i: "seekIl2" };
/** Squad keys: key N picks the Nth of the player's own squads (the order of the squad buttons). */
export const SQUAD_KEYS = ["1", "2", "3", "4"] as const;
/** The key that lets a squad act on its own again. */
export const RELEASE_KEY = "x";
/** How far one arrow press moves the target cursor, voxels (Shift: five times as far). */
export const CURSOR_STEP_VOXELS = 2;

/** What the marks drawn on and around cells mean (for the legend and the tutorial). */
export const STATUS_MARKS: readonly Control[] = [
  { input: "Sky-blue ring", action: "Activated: this T cell has met its target" },
  { input: "Yellow glow", action: "Hearing IL-2 now (pSTAT5 on)" },
  { input: "White chevron above", action: "Following your order" },
  { input: "White ring", action: "Picked: in the squad or cells you are commanding" },
  { input: "Faint cells", action: "Commanded by another player or a bot" },
];
