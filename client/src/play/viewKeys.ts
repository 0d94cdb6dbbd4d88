// The keys for looking at the tissue and picking from the keyboard, beside CommandInput's (1–4, arrows, Enter, R, S,
// H, I, X, Escape): + and − zoom, 0 shows the whole tissue, M opens the microscope, Space picks or unpicks the cell
// under the cursor, A picks all your cells in view. Pure key reading; PlayView binds the actions.

/** KeyboardEvent.key values (lower case for letters) → what they do. */
export const VIEW_KEYS = {
  zoomIn: ["+", "="],
  zoomOut: ["-", "_"],
  whole: ["0"],
  microscope: ["m"],
  togglePick: [" "],
  pickInView: ["a"],
} as const;

export type ViewAction = keyof typeof VIEW_KEYS;

/** The action for a key press, or null. Modifier chords (Ctrl/Cmd/Alt) belong to the browser. */
export function viewAction(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">): ViewAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  for (const [action, keys] of Object.entries(VIEW_KEYS) as [ViewAction, readonly string[]][]) {
    if (keys.includes(key)) return action;
  }
  return null;
}

/**
 * Whether a key press is for the tissue: not typed into a field, not inside a dialog, and (for Space, which presses
 * buttons) not on a control that has its own use for it.
 */
export function keyIsForTissue(e: KeyboardEvent, action: ViewAction): boolean {
  const t = e.target as HTMLElement | null;
  const tag = t?.tagName;
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || t?.isContentEditable) return false;
  if (t?.closest?.("dialog")) return false;
  if (action === "togglePick" && (tag === "BUTTON" || tag === "A" || tag === "SUMMARY")) return false;
  return true;
}
