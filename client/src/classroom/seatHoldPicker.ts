// The teacher's choice, in the class setup, of how long the class keeps an away student's seat (a device that sleeps
// or loses the Wi-Fi): for the whole round (the default), 10 or 2 minutes. Radio buttons in a fieldset (Tab reaches
// the group, arrow keys choose) with a sentence a teacher can act on. The server checks the choice and keeps its own
// upper bound (shared/net/seatHoldChoice.ts). Used by teacherSetup.ts.

import { SEAT_HOLD_CHOICES } from "../../../shared/net/seatHoldChoice.ts";
import { el } from "../ui/dom.ts";
import "./seatHoldPicker.css";

export const SEAT_HOLD_LEGEND = "Keep a student's seat when their device sleeps";
export const SEAT_HOLD_HELP =
  "If a Chromebook sleeps or loses the Wi-Fi, the student's nickname, role and cells wait for them, shown as away on " +
  "your class list, and their page comes back by itself. With a shorter time, an away student's cells go to a " +
  "classmate or a bot sooner. A kept seat always ends with the round, and you can remove an away student at any time.";

export interface SeatHoldPicker {
  readonly root: HTMLFieldSetElement;
  /** The minutes chosen, or undefined for the whole round. */
  chosen(): number | undefined;
}

export function seatHoldPicker(doc: Document): SeatHoldPicker {
  const help = el(doc, "p", { id: "teach-hold-help", class: "note", text: SEAT_HOLD_HELP });
  const root = el(doc, "fieldset", { id: "teach-hold", class: "seat-hold-choice", "aria-describedby": "teach-hold-help" },
    el(doc, "legend", { text: SEAT_HOLD_LEGEND }));
  SEAT_HOLD_CHOICES.forEach((c, i) => {
    const input = el(doc, "input", { type: "radio", name: "teach-hold", id: `teach-hold-${c.minutes ?? "round"}`, value: c.minutes === null ? "" : String(c.minutes) });
    input.checked = i === 0;
    root.append(el(doc, "label", { class: "radio", for: input.id }, input, ` ${c.label}${c.minutes === null ? " (recommended)" : ""}`));
  });
  root.append(help);
  return {
    root,
    chosen: () => {
      const v = root.querySelector<HTMLInputElement>("input:checked")?.value ?? "";
      return v === "" ? undefined : Number(v);
    },
  };
}
