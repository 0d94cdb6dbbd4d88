// The IL-2 tug-of-war bar: one horizontal bar split by who caught the IL-2 lately (helpers, killers, Tregs, NK cells),
// each part in its cell type's colour and its own pattern, with the cell's shape and the percentage as text beside it,
// and a summary sentence for screen readers. Its mounter calls refresh() on the room's state changes. Mounted by the play
// screen (playUi.ts: solo and every classroom device, so the projector too) and by the kiosk (kioskTug.ts).

import "./il2Tug.css";
import { TUG_GROUPS, type TugGroup } from "../../../shared/net/il2Tug.ts";
import { cellIcon, el, setText } from "./dom.ts";
import { sharePercent, sharesFromHud, tugSummary, TUG_ICON, TUG_WORDS_EN, type HudShares, type TugWords } from "./il2TugWords.ts";

export interface TugBar {
  /** Re-reads the HUD (and the words, which may have changed language): on each of the room's state changes. */
  refresh(): void;
  unmount(): void;
}

export function mountIl2Tug(root: HTMLElement, hud: () => HudShares | undefined | null, words: () => TugWords = () => TUG_WORDS_EN): TugBar {
  const doc = root.ownerDocument;
  const title = el(doc, "h2", { class: "tug-title" });
  const caption = el(doc, "p", { class: "tug-caption" });
  const bar = el(doc, "div", { class: "tug-bar", "aria-hidden": "true" });
  const parts = {} as Record<TugGroup, { seg: HTMLElement; label: HTMLElement; value: HTMLElement }>;
  const legend = el(doc, "ul", { class: "tug-legend", "aria-hidden": "true" });
  for (const g of TUG_GROUPS) {
    const seg = el(doc, "span", { class: `tug-seg tug-${g}` });
    bar.append(seg);
    const label = el(doc, "span", { class: "tug-name" }), value = el(doc, "strong", { class: "tug-value" });
    legend.append(el(doc, "li", { class: `tug-key` }, el(doc, "span", { class: `tug-swatch tug-${g}` }), cellIcon(doc, TUG_ICON[g], 16), label, value));
    parts[g] = { seg, label, value };
  }
  const none = el(doc, "p", { class: "tug-none", "aria-hidden": "true" });
  const summary = el(doc, "p", { class: "visually-hidden tug-summary" });
  root.classList.add("tug");
  root.setAttribute("data-tug", "");
  root.replaceChildren(title, caption, bar, legend, none, summary);

  const refresh = () => {
    const w = words(), shares = sharesFromHud(hud());
    setText(title, w.title);
    setText(caption, w.caption);
    root.setAttribute("aria-label", w.title);
    bar.classList.toggle("empty", !shares);
    none.hidden = !!shares;
    setText(none, w.none);
    for (const g of TUG_GROUPS) {
      const share = shares?.[g] ?? 0;
      parts[g].seg.style.width = `${(share * 100).toFixed(1)}%`;
      parts[g].seg.hidden = share <= 0;
      parts[g].seg.title = `${w.groups[g]} ${sharePercent(share)}`;
      setText(parts[g].label, w.groups[g]);
      setText(parts[g].value, shares ? sharePercent(share) : "–");
    }
    setText(summary, tugSummary(shares, w));
  };
  refresh();
  return { refresh, unmount: () => { root.replaceChildren(); } };
}
