// Words for how a player acts, by the kind of input the device has: "tap" on touch screens (phones, tablets), "click"
// and keys where there is a mouse. Pure apart from inputKind, which asks the browser (matchMedia '(pointer: coarse)').
// Used by tutorialSteps.ts (through tutorial.ts) and squadBar.ts.

export type InputKind = "touch" | "mouse";

/** "touch" when the device's main pointer is a finger (coarse), else "mouse". */
export function inputKind(win: Pick<Window, "matchMedia"> | null | undefined): InputKind {
  return win?.matchMedia?.("(pointer: coarse)").matches ? "touch" : "mouse";
}

export interface InputWords {
  /** "click" or "tap", and with a capital. */
  click: string;
  Click: string;
  /** ", or press 1" with a keyboard; nothing on touch (phones have no number keys to hand). */
  orKey: (key: string) => string;
  /** Where the squad buttons are, in a parenthesis or clause. */
  buttonsWhere: string;
}

export function inputWords(kind: InputKind): InputWords {
  return kind === "touch"
    ? { click: "tap", Click: "Tap", orKey: () => "", buttonsWhere: "beside or below the tissue" }
    : { click: "click", Click: "Click", orKey: (key) => `, or press ${key}`, buttonsWhere: "beside the tissue, or below it on a small screen" };
}
