// The rows of the per-squad IL-2 tug-of-war (a class's squads, shared/net/il2SquadTug.ts): each squad named by who
// commands it (a student's nickname, a team, or a bot) and by itself (its number and what it holds: helper or killer
// T cells, Tregs, NK cells, from the seat's role and the squad's place in its list), its share, and whether it is the viewer's. The largest first, at most
// `limit` of them plus the viewer's own, the rest summed. Pure (test/unit/il2SquadTugRows.test.ts); drawn by
// il2SquadTugView.ts.

import { GROUP_WORDS, squadGroup } from "../../../shared/net/groupWords.ts";
import type { TugGroup } from "../../../shared/net/il2Tug.ts";

/** What a seat tells about its squads (the synced SeatState's fields). */
export interface SquadSeat { name: string; role: string; squads: readonly number[]; team: number; bot: string }

export interface SquadTugRow {
  /** The squad, or null for the row that sums the rest. */
  squad: number | null;
  /** Who commands it: "Swift Dendrite", "Team 2", "Bot (hard)", or "Other squads". */
  who: string;
  /** What cells it holds, or null when not known. */
  group: TugGroup | null;
  /** The squad itself, so a student's two squads differ: "Squad 1 · Helper T cells" (empty for the summed row). */
  what: string;
  share: number;
  mine: boolean;
}

/** Who commands each squad and what it holds, from the seats (a squad shared by a team lists the team once). */
export function squadOwners(seats: Iterable<SquadSeat>): Map<number, { who: string; group: TugGroup | null }> {
  const owners = new Map<number, { names: string[]; team: number; group: TugGroup | null }>();
  for (const seat of seats) {
    seat.squads.forEach((sq) => {
      const o = owners.get(sq) ?? { names: [], team: seat.team, group: squadGroup(seat.role, seat.squads, sq) };
      if (!o.names.includes(seat.name)) o.names.push(seat.name);
      owners.set(sq, o);
    });
  }
  const out = new Map<number, { who: string; group: TugGroup | null }>();
  for (const [sq, o] of owners) out.set(sq, { who: o.team > 0 && o.names.length > 1 ? `Team ${o.team}` : o.names.join(" & "), group: o.group });
  return out;
}

/** A squad's number and its cells in the glossary's words: "Squad 5 · Killer T cells", or "Squad 12" when not known. */
export function squadWhat(squad: number, group: TugGroup | null): string {
  return group ? `Squad ${squad} · ${GROUP_WORDS[group]}` : `Squad ${squad}`;
}

/** The rows to show: largest shares first, at most `limit`, then the viewer's own squads, then "Other squads". */
export function squadTugRows(shares: ReadonlyMap<number, number>, seats: Iterable<SquadSeat>, mine: readonly number[], limit = 6): SquadTugRow[] {
  const owners = squadOwners(seats);
  const all: SquadTugRow[] = [...shares].map(([squad, share]) => ({
    squad, share, mine: mine.includes(squad),
    who: owners.get(squad)?.who ?? `Squad ${squad}`, group: owners.get(squad)?.group ?? null, what: squadWhat(squad, owners.get(squad)?.group ?? null),
  }));
  all.sort((a, b) => b.share - a.share || (a.squad ?? 0) - (b.squad ?? 0));
  const shown = all.filter((r) => r.share > 0).slice(0, limit);
  for (const r of all) if (r.mine && !shown.includes(r)) shown.push(r);
  const rest = all.filter((r) => !shown.includes(r)).reduce((sum, r) => sum + r.share, 0);
  if (rest > 0) shown.push({ squad: null, who: "Other squads", group: null, what: "", share: rest, mine: false });
  return shown;
}
