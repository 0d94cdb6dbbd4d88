// The sandbox's controls in the side panel (a solo sandbox's player, or a class's teacher on the projector): a labelled slider per control with its
// value and units (keyboard: arrows, Home, End), live ones answered by the tissue at once, the others kept for
// "Restart with these settings"; and buttons that give a therapy. The server checks every value against the
// parameter's range (shared/net/sandboxControls.ts) and says why when it refuses. Mounted by lessonUi.ts.

import { SANDBOX_CONTROLS, SANDBOX_MESSAGE, controlOf, scenarioValue, type SandboxControl, type SandboxControlName } from "../../../shared/net/sandboxControls.ts";
import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import { THERAPY_NAMES, type TherapyName } from "../../../shared/sim/index.ts";
import type { GameSession } from "../net/GameSession.ts";
import { el, setText } from "../ui/dom.ts";
import { lessonInbox } from "./lessonInbox.ts";
import { mountSandboxCharts } from "./sandboxCharts.ts";

const THERAPY_SHORT: Record<TherapyName, string> = {
  highDose: "High-dose IL-2", lowDose: "Low-dose IL-2", antiCd25: "Anti-CD25 antibody", cd122Biased: "CD122-biased IL-2",
};

/** A control's value as people read it: "7%", "30 pM", "10,000 receptors", "off". */
export function shownValue(c: SandboxControl, v: number): string {
  if (c.name === "holdIl2Pm" && v === 0) return "off";
  if (c.units === "%") return `${Math.round(v * 100)}%`;
  return `${v.toLocaleString("en-US")} ${c.units}`;
}

/** The slider position of the step nearest `v`. */
export const nearestStep = (c: SandboxControl, v: number): number =>
  c.steps.reduce((best, s, i) => (Math.abs(s - v) < Math.abs(c.steps[best] - v) ? i : best), 0);

export function mountSandboxPanel(root: HTMLElement, session: GameSession): () => void {
  const doc = root.ownerDocument;
  const box = lessonInbox(session);
  const scenario = SCENARIOS.sandbox;
  const dcs = scenario.populations.filter((p) => p.type === "dendritic").reduce((n, p) => n + p.count, 0);
  const status = el(doc, "p", { class: "note", role: "status" });
  // A class's teacher: the host secret goes with each change, and a restart is a new round (back to the lobby).
  const secret = (session as { hostSecret?: string | null }).hostSecret ?? null;
  const restart = el(doc, "button", { type: "button", class: "small-btn", id: "sandbox-restart", text: secret ? "New round with these settings (back to the lobby)" : "Restart with these settings" });
  restart.addEventListener("click", () => { session.control({ action: "restart" }); setText(status, "The tissue was made again with these settings."); });
  const charts = el(doc, "div", { class: "sandbox-charts" });
  const offCharts = mountSandboxCharts(charts, session);
  const sliders = new Map<SandboxControlName, { input: HTMLInputElement; out: HTMLOutputElement }>();

  const row = (c: SandboxControl) => {
    const id = `sandbox-${c.name}`;
    const input = el(doc, "input", { type: "range", id, min: "0", max: String(c.steps.length - 1), step: "1", "aria-describedby": `${id}-help` });
    const out = el(doc, "output", { for: id, class: "sandbox-value" });
    const show = () => {
      const v = c.steps[Number(input.value)];
      out.value = shownValue(c, v);
      input.setAttribute("aria-valuetext", shownValue(c, v));
    };
    input.addEventListener("input", show);
    input.addEventListener("change", () => { show(); box.sandboxChange({ set: { [c.name]: c.steps[Number(input.value)] } }, secret); });
    sliders.set(c.name, { input, out });
    return el(doc, "div", { class: "sandbox-row" },
      el(doc, "label", { for: id }, c.label, el(doc, "span", { class: "sandbox-when", text: c.when === "live" ? " (now)" : secret ? " (next round)" : " (after a restart)" })),
      el(doc, "div", { class: "sandbox-slider" }, input, out),
      el(doc, "p", { id: `${id}-help`, class: "note", text: c.help }));
  };
  const therapies = el(doc, "div", { class: "sandbox-therapies", role: "group", "aria-label": "Give a therapy" },
    ...THERAPY_NAMES.map((t) => {
      const b = el(doc, "button", { type: "button", class: "secondary small-btn", "data-therapy": t, text: THERAPY_SHORT[t] });
      b.addEventListener("click", () => { box.sandboxChange({ therapy: t }, secret); setText(status, `${THERAPY_SHORT[t]}: asked for a course.`); });
      return b;
    }));

  root.classList.add("sandbox-panel");
  root.setAttribute("aria-labelledby", "sandbox-title");
  root.replaceChildren(
    el(doc, "h2", { id: "sandbox-title", text: "Sandbox controls" }),
    el(doc, "p", { class: "note", text: `Controls marked (now) change the tissue at once; the others take effect ${secret ? "in the next round" : "when you restart"}.` }),
    charts,
    ...SANDBOX_CONTROLS.map(row),
    restart,
    el(doc, "h3", { text: "Give a therapy" }), therapies, status);

  /** Sliders follow the server: live values now, the next tissue's settings, else the scenario's own numbers. */
  const sync = () => {
    const s = box.sandbox;
    for (const [name, { input, out }] of sliders) {
      const c = controlOf(name);
      const v = (c.when === "live" ? s?.live[name] : undefined)
        ?? (name === "dendriticCells" ? s?.next.dendriticCells : s?.next.params?.[name])
        ?? scenarioValue(name, scenario.params, dcs);
      if (doc.activeElement !== input) input.value = String(nearestStep(c, v));
      out.value = shownValue(c, c.steps[Number(input.value)]);
      input.setAttribute("aria-valuetext", out.value);
    }
  };
  sync();
  const offs = [box.onChange(sync), session.onRefused((r) => { if (r.message === SANDBOX_MESSAGE) { setText(status, `Not changed: ${r.error}`); sync(); } })];
  return () => { offs.forEach((o) => o()); offCharts(); root.replaceChildren(); };
}
