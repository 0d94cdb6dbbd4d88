// Whether a student's device is in the class, away (its seat is held for the round: server/rooms/classroom/seatHold.ts)
// or back (returned in the last minute), in words and a shape, never colour alone; remembered per page from the
// connected flag the roster shows. Used by lobbyView.ts (the class list) and dashboardView.ts (the teacher's table).

import { el } from "../ui/dom.ts";

export type Presence = "here" | "away" | "back";

/** How long a returned device is shown as "back", ms. */
export const BACK_SHOWN_MS = 60_000;

/** The mark of each presence: a shape (read aloud as the words) and the words. */
export const PRESENCE_MARK: Record<Presence, { shape: string; words: string }> = {
  here: { shape: "●", words: "in class" },
  away: { shape: "◌", words: "away, seat kept" },
  back: { shape: "↩", words: "back" },
};

/** Remembers which seats were away, so that a returning device shows as back for a while. */
export class PresenceMemory {
  private readonly away = new Set<string>();
  private readonly backAt = new Map<string, number>();

  /** The presence of seat `id` now, given whether its device is connected. */
  see(id: string, connected: boolean, now = Date.now()): Presence {
    if (!connected) {
      this.away.add(id);
      this.backAt.delete(id);
      return "away";
    }
    if (this.away.delete(id)) this.backAt.set(id, now);
    const at = this.backAt.get(id);
    if (at === undefined) return "here";
    if (now - at < BACK_SHOWN_MS) return "back";
    this.backAt.delete(id);
    return "here";
  }
}

/** The shape (hidden from screen readers), to go before the name, and the words, to go after it (hidden but for screen readers when simply in class). */
export function presenceMark(doc: Document, p: Presence): { shape: HTMLElement; words: HTMLElement } {
  const m = PRESENCE_MARK[p];
  return {
    shape: el(doc, "span", { class: `dot presence-${p}`, "aria-hidden": "true", text: m.shape }),
    words: el(doc, "span", { class: p === "here" ? "visually-hidden" : `presence-words presence-${p}`, text: p === "here" ? ` (${m.words})` : ` — ${m.words}` }),
  };
}
