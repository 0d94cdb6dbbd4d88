// The per-squad IL-2 tug-of-war under the cell-type bar, in a class (HudState.il2Squads; hidden in solo rounds, which
// have none): one row per squad, largest first, each with who commands it, its cells' shape, a bar and its share; the
// viewer's own squads marked "You" and outlined (not by colour alone), on the projector everyone's. Also the panel's
// link to the glossary's "IL-2 tug-of-war". Refreshed by the room's state changes. Mounted by playUi.ts in the tug panel.

import "./il2SquadTug.css";
import { termButton } from "../learn/termLink.ts";
import { cellIcon, el } from "./dom.ts";
import { squadTugRows, type SquadSeat, type SquadTugRow } from "./il2SquadTugRows.ts";
import { sharePercent, TUG_ICON } from "./il2TugWords.ts";

/** What the view reads from the session. */
export interface SquadTugSource {
  state?: { hud?: { il2Squads?: { forEach(cb: (value: number, key: string) => void): void } }; seats?: { forEach(cb: (seat: SquadSeat) => void): void } };
  mySquads(): number[];
  onStateChange(cb: () => void): () => void;
}

export function mountSquadTug(panel: HTMLElement, session: SquadTugSource): () => void {
  const doc = panel.ownerDocument;
  const list = el(doc, "ol", { class: "squad-tug-list" });
  const box = el(doc, "div", { class: "squad-tug", hidden: "" },
    el(doc, "h3", { class: "squad-tug-title", text: "By squad" }),
    el(doc, "p", { class: "tug-caption", text: "Each squad's share of all the IL-2 caught, same 6 hours" }), list);
  const help = el(doc, "p", { class: "tug-help" }, termButton(doc, "tugOfWar", "What does this bar show?"));
  panel.append(box, help);
  let last = "";

  const refresh = () => {
    const st = session.state;
    const shares = new Map<number, number>();
    st?.hud?.il2Squads?.forEach((v, k) => shares.set(Number(k), v / 1000));
    const seats: SquadSeat[] = [];
    st?.seats?.forEach((s) => seats.push({ name: s.name, role: s.role, squads: [...s.squads], team: s.team, bot: s.bot }));
    const rows = shares.size ? squadTugRows(shares, seats, session.mySquads()) : [];
    box.hidden = rows.length === 0;
    const key = JSON.stringify(rows);
    if (key === last) return;
    last = key;
    list.replaceChildren(...rows.map((r) => row(doc, r)));
  };
  refresh();
  const off = session.onStateChange(refresh);
  return () => { off(); box.remove(); help.remove(); };
}

function row(doc: Document, r: SquadTugRow): HTMLElement {
  const fill = el(doc, "span", { class: `squad-tug-fill ${r.group ? `tug-${r.group}` : "tug-other"}` });
  fill.style.width = `${Math.min(100, r.share * 100).toFixed(1)}%`;
  // Who commands it, then the squad itself (its number and cells, also the icon's shape), so one student's squads differ.
  const what = r.what && r.what !== r.who ? r.what : "";
  const name = el(doc, "span", { class: "squad-tug-name", title: `${r.who}${what ? `, ${what}` : ""}` },
    el(doc, "span", { class: "squad-tug-who" }, r.mine ? el(doc, "span", { class: "squad-tug-you", text: "You: " }) : "", r.who),
    what ? el(doc, "span", { class: "squad-tug-what", text: what }) : "");
  return el(doc, "li", { class: `squad-tug-row${r.mine ? " mine" : ""}` },
    r.group ? cellIcon(doc, TUG_ICON[r.group], 16) : el(doc, "span", { class: "squad-tug-noicon", "aria-hidden": "true" }),
    name,
    el(doc, "span", { class: "squad-tug-bar", "aria-hidden": "true" }, fill),
    el(doc, "strong", { class: "squad-tug-value", text: sharePercent(r.share) }));
}
