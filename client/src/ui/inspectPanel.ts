// The microscope: on "inspect-cell" it asks the room about that cell, and again as the room's state moves on (at most
// once a second, one question at a time, a paused round asks nothing: microscopeAsk.ts), and shows its type,
// receptor chains (CD25, CD122, CD132), IL-2 bound, pSTAT5 as a bar, divisions left and why it does what it does;
// each label opens its glossary entry. When the cell dies it says so in words (and aloud), as soon as the cell leaves
// the drawn tissue (cellLocator, looked at on each state change) or the room answers that it is gone, whichever comes first.
// Closes with its button or Escape (emitting "inspect-cell" null). Created by playUi.ts for each round.

import type { Bus } from "../bus.ts";
import type { InspectResult } from "../../../shared/net/messages.ts";
import type { TermId } from "../learn/learnText.ts";
import { termButton } from "../learn/termLink.ts";
import { cellIcon, el, setText } from "./dom.ts";
import { formatCount } from "./format.ts";
import type { UiSession } from "./session.ts";
import { cellLocator } from "../play/cellLocator.ts";
import { goneWords } from "./microscopeFollow.ts";
import { askAgain, type Asked } from "./microscopeAsk.ts";

/** State changes in a row without the cell in the drawn tissue before it counts as gone. */
const GONE_AFTER_MISSES = 2;

/**
 * High-affinity sites from which a cell hears low IL-2 (tens of pM). The model's resting Tregs have ~570, CD56bright NK
 * cells ~1,100 and switched-on T cells thousands (EC50s of 10-30 pM); resting helpers have ~50, resting killers and
 * CD56dim NK cells ~20 (EC50s of 0.5-2 nM): a trace of CD25 pairs a few chains, but such a cell still hears IL-2
 * through its intermediate receptor, only when there is a lot (docs/model.md, receptors; shared/sim/params.ts).
 */
export const HEARS_LOW_IL2_SITES = 200;

/** Which IL-2 receptor the chains make, in plain words. */
/** The model treats CD132 as never limiting (InspectResult.cd132 is absent), so the words turn on CD25 and CD122. */
export function receptorWords(cd25: number, cd122: number, highAffinitySites?: number): string {
  const high = highAffinitySites !== undefined ? highAffinitySites >= HEARS_LOW_IL2_SITES : cd25 > 0 && cd122 > 0;
  if (high) return "High-affinity receptor (CD25 with CD122 and CD132): catches IL-2 even when there is little about.";
  if (cd122 > 0 && highAffinitySites !== undefined && highAffinitySites > 0) {
    return "Mostly the intermediate receptor (CD122 and CD132): too little CD25 for more than a few high-affinity ones, so it needs a lot of IL-2 to hear it.";
  }
  if (cd122 > 0) return "Intermediate receptor (CD122 and CD132, no CD25): needs a lot of IL-2 to hear it.";
  if (cd25 > 0) return "CD25 alone holds IL-2 briefly but cannot signal.";
  return "No IL-2 receptor: this cell does not hear IL-2.";
}

export function mountInspectPanel(root: HTMLElement, session: UiSession, bus: Bus): () => void {
  const doc = root.ownerDocument;
  const title = el(doc, "h2", { id: "inspect-title", text: "Microscope" });
  const close = el(doc, "button", { type: "button", class: "close-btn", "aria-label": "Close the microscope", text: "✕ Close" });
  const body = el(doc, "div", { class: "inspect-body" });
  root.replaceChildren(el(doc, "div", { class: "panel-head" }, title, close), body);
  root.setAttribute("aria-labelledby", "inspect-title");
  root.hidden = true;

  let current: number | null = null;
  /** Following the open cell through the room's state changes, or null while shut or once it is gone. */
  let offState: (() => void) | null = null;
  /** The cell's type in words, from the room's last answer about it (for the words when it dies). */
  let label: string | undefined;
  // The panel is rebuilt only when its rows change (another cell, another kind of cell); otherwise its numbers are
  // updated in place, so a glossary word that has keyboard focus keeps it through the once-a-second refresh.
  let shape = "";
  /** Whether the room has answered the last question (the next waits for it). */
  let answered = false;
  let fill = (_r: InspectResult) => {};

  const stop = () => {
    offState?.();
    offState = null;
  };
  const open = (id: number) => {
    current = id;
    const wasHidden = root.hidden;
    root.hidden = false;
    // The panel sits below the tug-of-war and the squads: bring it into the side panel's view (below the tissue on phones).
    if (wasHidden) root.scrollIntoView({ block: "start" });
    shape = "";
    body.replaceChildren(el(doc, "p", { class: "note", text: "Focusing…" }));
    stop();
    label = undefined;
    let asked: Asked = { tick: session.state?.tick ?? -1, at: performance.now() };
    answered = false;
    session.inspect(id);
    let misses = 0;
    offState = session.onStateChange(() => {
      if (current === null) return;
      if (cellLocator.find) {
        misses = cellLocator.find(current) ? 0 : misses + 1;
        if (misses >= GONE_AFTER_MISSES) { gone(); return; }
      }
      const tick = session.state?.tick ?? -1, at = performance.now();
      if (askAgain(asked, answered, tick, at)) {
        asked = { tick, at };
        answered = false;
        session.inspect(current);
      }
    });
  };
  const gone = () => {
    if (shape === "gone") return;
    shape = "gone";
    stop();
    const words = goneWords(label);
    body.replaceChildren(el(doc, "p", { class: "inspect-gone", text: words }));
    bus.emit("announce", words.split(":")[0] + ".");
  };
  const shut = () => { current = null; stop(); root.hidden = true; };

  close.addEventListener("click", () => bus.emit("inspect-cell", null));
  const onKey = (e: KeyboardEvent) => {
    if ((e.target as Element | null)?.closest?.("dialog")) return; // Escape in the Learn dialog closes only the dialog
    if (e.key === "Escape" && current !== null) bus.emit("inspect-cell", null);
  };
  doc.addEventListener("keydown", onKey);

  const offBus = bus.on("inspect-cell", (id) => (id === null ? shut() : open(id)));
  const offInspect = session.onInspect((r) => {
    if (r.cellId !== current) return;
    answered = true;
    if (shape !== "gone") render(r);
  });

  const render = (r: InspectResult) => {
    if (!r.found) { gone(); return; }
    label = r.label ?? label;
    const rows = factRows(r);
    const key = JSON.stringify([r.cellId, r.type, r.label, r.squad, r.generation, r.cd132 === undefined, rows.map((row) => row.label)]);
    if (key !== shape) { shape = key; fill = build(r, rows); }
    fill(r);
  };

  const build = (r: InspectResult, rows: FactRow[]): ((r: InspectResult) => void) => {
    const values = rows.map(() => el(doc, "dd"));
    const why = el(doc, "span");
    const receptor = el(doc, "p", { class: "note" });
    const pctText = el(doc, "strong");
    const fillBar = el(doc, "span", { class: "bar-fill" });
    const bar = el(doc, "div", { class: "bar", role: "meter", "aria-label": "pSTAT5 signal", "aria-valuemin": "0", "aria-valuemax": "100" }, fillBar);
    const typeTerm = r.type ? TYPE_TERMS[r.type] : undefined;
    const typeName = el(doc, "strong", { text: cap(r.label ?? r.type ?? "cell") });
    const heading = el(doc, "p", { class: "inspect-type" }, r.type ? cellIcon(doc, r.type, 28) : "",
      el(doc, "span", {}, typeTerm ? termButton(doc, typeTerm, typeName) : typeName,
        r.squad ? el(doc, "span", { class: "note small inspect-squad", text: `squad ${r.squad}${r.generation ? `, generation ${r.generation}` : ""}` }) : ""));
    body.replaceChildren(
      heading,
      el(doc, "p", { class: "why" }, el(doc, "strong", { text: "Why: " }), why),
      el(doc, "p", { class: "note small", text: "Receptor chains and IL-2 in molecules on the cell surface:" }),
      el(doc, "dl", { class: "facts" }, ...rows.flatMap((row, i) => [el(doc, "dt", {}, termButton(doc, row.term, row.label)), values[i]])),
      receptor,
      r.cd132 === undefined && hasReceptorChains(r) ? el(doc, "p", { class: "note small", text: `* ${r.cd132Text ?? "CD132 is never the limit in this model."}` }) : "",
      el(doc, "p", { class: "bar-label" }, el(doc, "span", {}, termButton(doc, "pstat5", "pSTAT5"), " (hearing IL-2 now)"), pctText),
      bar,
    );
    return (now: InspectResult) => {
      factRows(now).forEach((row, i) => { if (values[i]) setText(values[i], row.value); });
      setText(why, now.whyText ?? now.why ?? "—");
      setText(receptor, receptorWords(now.cd25 ?? 0, now.cd122 ?? 0, now.highAffinitySites));
      const pct = Math.round(Math.max(0, Math.min(1, now.pstat5 ?? 0)) * 100);
      setText(pctText, `${pct}%`);
      fillBar.style.width = `${pct}%`;
      bar.setAttribute("aria-valuenow", String(pct));
      bar.setAttribute("aria-valuetext", `${pct}%`);
    };
  };

  return () => { shut(); offBus(); offInspect(); doc.removeEventListener("keydown", onKey); };
}

interface FactRow { label: string; term: TermId; value: string }

/**
 * Whether the model gives the cell IL-2 receptor chains: immune cells do (the server sends their CD25 and CD122);
 * tissue, islet, infected and tumour cells have none in the model, so the microscope claims no CD132 for them.
 */
function hasReceptorChains(r: InspectResult): boolean {
  return r.cd122 !== undefined || r.cd25 !== undefined;
}

/** The microscope's facts about a cell, each with the glossary entry its label opens. */
export function factRows(r: InspectResult): FactRow[] {
  const cd132 = r.cd132 !== undefined ? formatCount(r.cd132) : hasReceptorChains(r) ? "plenty*" : "—";
  const rows: FactRow[] = [
    { label: "CD25 (α)", term: "cd25", value: formatCount(r.cd25 ?? 0) },
    { label: "CD122 (β)", term: "cd122", value: formatCount(r.cd122 ?? 0) },
    { label: "CD132 (γc)", term: "cd132", value: cd132 },
  ];
  if (r.highAffinitySites !== undefined) rows.push({ label: "High-affinity", term: "highAffinity", value: formatCount(r.highAffinitySites) });
  rows.push({ label: "IL-2 bound now", term: "bound", value: formatCount(r.boundIl2 ?? 0) }, { label: "IL-2 caught, all time", term: "captured", value: formatCount(r.capturedIl2 ?? 0) });
  if (r.divisionsLeft !== undefined) rows.push({ label: "Divisions left", term: "division", value: String(r.divisionsLeft) });
  if (r.activated !== undefined) rows.push({ label: "Met its antigen", term: "activated", value: r.activated ? "yes" : "no" });
  return rows;
}

/** The glossary entry for each kind of cell the microscope can show. */
const TYPE_TERMS: Record<string, TermId> = {
  cd4: "cd4", cd8: "cd8", treg: "treg", nkBright: "nkBright", nkDim: "nkDim", dendritic: "dendritic", tissue: "tissue",
  islet: "islet", infected: "infected", tumour: "tumour", tumourHidden: "tumourHidden",
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

