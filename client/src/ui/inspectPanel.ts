// The microscope: on "inspect-cell" it asks the room about that cell once a second while open and shows its type,
// receptor chains (CD25, CD122, CD132), IL-2 bound, pSTAT5 as a bar, divisions left and why it does what it does.
// Closes with its button or Escape (emitting "inspect-cell" null). Created by playUi.ts for each round.

import type { Bus } from "../bus.ts";
import type { InspectResult } from "../../../shared/net/messages.ts";
import { cellIcon, el } from "./dom.ts";
import { formatCount } from "./format.ts";
import type { UiSession } from "./session.ts";

const ASK_EVERY_MS = 1000;

/** Which IL-2 receptor the chains make, in plain words. */
/** The model treats CD132 as never limiting (InspectResult.cd132 is absent), so the words turn on CD25 and CD122. */
export function receptorWords(cd25: number, cd122: number, highAffinitySites?: number): string {
  const high = highAffinitySites !== undefined ? highAffinitySites > 0 : cd25 > 0 && cd122 > 0;
  if (high) return "High-affinity receptor (CD25 with CD122 and CD132): catches IL-2 even when there is little about.";
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
  let timer: ReturnType<typeof setInterval> | undefined;

  const stop = () => { if (timer !== undefined) clearInterval(timer); timer = undefined; };
  const open = (id: number) => {
    current = id;
    root.hidden = false;
    body.replaceChildren(el(doc, "p", { class: "note", text: "Focusing…" }));
    stop();
    session.inspect(id);
    timer = setInterval(() => { if (current !== null) session.inspect(current); }, ASK_EVERY_MS);
  };
  const shut = () => { current = null; stop(); root.hidden = true; };

  close.addEventListener("click", () => bus.emit("inspect-cell", null));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && current !== null) bus.emit("inspect-cell", null);
  };
  doc.addEventListener("keydown", onKey);

  const offBus = bus.on("inspect-cell", (id) => (id === null ? shut() : open(id)));
  const offInspect = session.onInspect((r) => { if (r.cellId === current) render(r); });

  const render = (r: InspectResult) => {
    if (!r.found) {
      body.replaceChildren(el(doc, "p", { text: "This cell is gone: it died, or was cleared away." }));
      stop();
      return;
    }
    const cd25 = r.cd25 ?? 0, cd122 = r.cd122 ?? 0;
    const p = Math.max(0, Math.min(1, r.pstat5 ?? 0));
    const pct = Math.round(p * 100);
    const rows: [string, string][] = [
      ["CD25 (α)", formatCount(cd25)],
      ["CD122 (β)", formatCount(cd122)],
      ["CD132 (γc)", r.cd132 !== undefined ? formatCount(r.cd132) : "plenty*"],
      ...(r.highAffinitySites !== undefined ? [["High-affinity", formatCount(r.highAffinitySites)] as [string, string]] : []),
      ["IL-2 bound now", formatCount(r.boundIl2 ?? 0)],
      ["IL-2 caught, all time", formatCount(r.capturedIl2 ?? 0)],
    ];
    if (r.divisionsLeft !== undefined) rows.push(["Divisions left", String(r.divisionsLeft)]);
    if (r.activated !== undefined) rows.push(["Met its antigen", r.activated ? "yes" : "no"]);
    const heading = el(doc, "p", { class: "inspect-type" }, r.type ? cellIcon(doc, r.type, 28) : "",
      el(doc, "span", {}, el(doc, "strong", { text: cap(r.label ?? r.type ?? "cell") }), r.squad ? el(doc, "span", { class: "note small inspect-squad", text: `squad ${r.squad}${r.generation ? `, generation ${r.generation}` : ""}` }) : ""));
    const bar = el(doc, "div", { class: "bar", role: "meter", "aria-label": "pSTAT5 signal", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(pct), "aria-valuetext": `${pct}%` },
      el(doc, "span", { class: "bar-fill", style: `width:${pct}%` }));
    body.replaceChildren(
      heading,
      el(doc, "p", { class: "why" }, el(doc, "strong", { text: "Why: " }), r.whyText ?? r.why ?? "—"),
      el(doc, "p", { class: "note small", text: "Receptor chains and IL-2 in molecules on the cell surface:" }),
      el(doc, "dl", { class: "facts" }, ...rows.flatMap(([k, v]) => [el(doc, "dt", { text: k }), el(doc, "dd", { text: v })])),
      el(doc, "p", { class: "note", text: receptorWords(cd25, cd122, r.highAffinitySites) }),
      r.cd132 === undefined ? el(doc, "p", { class: "note small", text: `* ${r.cd132Text ?? "CD132 is never the limit in this model."}` }) : "",
      el(doc, "p", { class: "bar-label" }, el(doc, "span", { text: "pSTAT5 (hearing IL-2 now)" }), el(doc, "strong", { text: `${pct}%` })),
      bar,
    );
  };

  return () => { shut(); offBus(); offInspect(); doc.removeEventListener("keydown", onKey); };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

