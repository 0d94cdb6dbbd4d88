// The top bar during a round (HTML, ~64 px): simulated clock, populations, IL-2, threat, tissue damage, the
// toxicity (vascular leak) meter with its dose-limiting line, the outcome, Learn (glossary and model card, without
// leaving the round) and the host's controls (pause, speed, restart, leave; behind a Menu button below 900 px,
// roundMenu.ts). The figures' labels open their glossary entries. Refreshed by the room's state changes. Created by
// playUi.ts for each round.

import type { Bus } from "../bus.ts";
import { SPEEDS, type Speed } from "../../../shared/net/messages.ts";
import { outcomeWords } from "../../../shared/net/outcomeWords.ts";
import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import { learnButton, termButton } from "../learn/termLink.ts";
import { cellIcon, el, setText } from "./dom.ts";
import { formatClock, formatCount, formatPmPair, formatShare } from "./format.ts";
import type { UiSession } from "./session.ts";
import { threatFigure } from "./threatFigure.ts";
import { mountRoundMenu } from "./roundMenu.ts";
import { fullscreenButton } from "./fullscreenButton.ts";
import { mountPlayLayout } from "./playLayout.ts";

/** The leak meter's full width is this many times the dose-limiting line, so the line sits at two thirds. */
export const LEAK_SCALE_MAX = 1.5;


export function mountHud(root: HTMLElement, session: UiSession, bus: Bus, onLeave: () => void): () => void {
  const doc = root.ownerDocument;
  const scenario = SCENARIOS[session.state.scenarioId] ?? SCENARIOS[session.options.scenarioId ?? "viral"];

  const clock = el(doc, "span", { class: "hud-clock" });
  const length = el(doc, "span", { class: "hud-sub" });
  const pop = (type: string, label: string) => {
    const value = el(doc, "strong");
    const item = el(doc, "li", { title: label }, cellIcon(doc, type), el(doc, "span", { class: "visually-hidden", text: `${label}: ` }), value);
    return { item, value };
  };
  const cd4 = pop("cd4", "Helper T cells"), cd8 = pop("cd8", "Killer T cells");
  const treg = pop("treg", "Tregs"), nk = pop("nkDim", "NK cells");
  const il2 = el(doc, "strong"), threat = el(doc, "strong"), damage = el(doc, "strong");
  const firstThreat = threatFigure(session.state ?? { scenarioId: scenario?.id ?? "" });
  const threatLabel = termButton(doc, firstThreat.term, firstThreat.label);
  const learn = learnButton(doc, "?", "glossary", "hud-btn");
  learn.append(el(doc, "span", { class: "learn-word", text: " Learn" }));
  learn.setAttribute("aria-label", "Learn: glossary, model card, what IL-2 is");
  learn.title = "Glossary, model card and what IL-2 is (the round keeps running)";
  const leakFill = el(doc, "span", { class: "leak-fill" });
  const leakText = el(doc, "strong");
  const leakBar = el(doc, "span", { class: "leak-bar", "aria-hidden": "true" }, leakFill, el(doc, "span", { class: "leak-line", style: `left:${(100 / LEAK_SCALE_MAX).toFixed(1)}%` }));
  const outcome = el(doc, "span", { class: "hud-outcome", role: "status" });

  const pause = el(doc, "button", { type: "button", class: "hud-btn" });
  const speed = el(doc, "select", { id: "hud-speed", "aria-label": "Game speed", title: "Game speed" });
  for (const s of SPEEDS) speed.add(new Option(`${s}×`, String(s)));
  const restart = el(doc, "button", { type: "button", class: "hud-btn hud-restart", text: "↺ Restart" });
  const leave = el(doc, "button", { type: "button", class: "hud-btn", text: "Leave" });

  pause.addEventListener("click", () => {
    if (!session.isHost()) return;
    session.control({ action: session.state.paused ? "resume" : "pause" });
  });
  speed.addEventListener("change", () => {
    if (session.isHost()) session.control({ action: "speed", speed: Number(speed.value) as Speed });
  });
  restart.addEventListener("click", () => {
    if (!session.isHost()) return;
    if (doc.defaultView?.confirm("Restart this round from the beginning?") === false) return;
    session.control({ action: "restart" });
    bus.emit("announce", "The round restarts.");
  });
  leave.addEventListener("click", onLeave);

  const fullscreen = fullscreenButton(doc, "hud-btn", true);
  const controls = el(doc, "div", { class: "hud-group hud-controls", role: "group", "aria-label": "Round controls" }, pause, speed, restart, leave);
  root.replaceChildren(
    el(doc, "div", { class: "hud-group hud-time" }, clock, length),
    el(doc, "ul", { class: "hud-group hud-pops", "aria-label": "Immune cells" }, cd4.item, cd8.item, treg.item, nk.item),
    el(doc, "div", { class: "hud-group hud-fig hud-il2" }, el(doc, "span", { class: "hud-sub" }, termButton(doc, "il2", "IL-2"), " mean / peak"), il2),
    el(doc, "div", { class: "hud-group hud-fig hud-threat" }, el(doc, "span", { class: "hud-sub" }, threatLabel), threat),
    el(doc, "div", { class: "hud-group hud-fig hud-lost" }, el(doc, "span", { class: "hud-sub" }, termButton(doc, "tissueLost", "Tissue lost")), damage),
    el(doc, "div", { class: "hud-group hud-fig hud-leak" }, el(doc, "span", { class: "hud-sub" }, termButton(doc, "leak", "Toxicity (leak)")), el(doc, "span", { class: "leak-row" }, leakBar, leakText)),
    outcome,
    el(doc, "span", { class: "hud-break", "aria-hidden": "true" }),
    el(doc, "div", { class: "hud-group hud-learn" }, learn, fullscreen.button),
    controls,
  );
  const offMenu = mountRoundMenu(root, controls);
  const grid = () => ({ w: session.state?.gridWidth ?? 0, h: session.state?.gridHeight ?? 0 });
  const offLayout = mountPlayLayout(doc, grid, (cb) => session.onStateChange(cb));

  const refresh = () => {
    const st = session.state;
    if (!st) return;
    const hud = st.hud;
    setText(clock, formatClock(st.day));
    setText(length, `${scenario?.name ?? st.scenarioId}, ${Math.round(st.days || scenario?.days || 0)}-day round${st.paused ? " · paused" : ""}`);
    if (hud) {
      setText(cd4.value, formatCount(hud.cd4));
      setText(cd8.value, formatCount(hud.cd8));
      setText(treg.value, formatCount(hud.treg));
      setText(nk.value, formatCount(hud.nk));
      setText(il2, formatPmPair(hud.il2MeanPm, hud.il2MaxPm));
      const t = threatFigure(st);
      setText(threatLabel, t.label);
      setText(threat, formatCount(t.value));
      setText(damage, formatShare(hud.damage));
      const leak = Math.max(0, hud.leak);
      leakFill.style.width = `${Math.min(100, (leak / LEAK_SCALE_MAX) * 100).toFixed(1)}%`;
      leakFill.classList.toggle("over", leak >= 1);
      setText(leakText, leak >= 1 ? `${formatShare(leak)} ⚠` : formatShare(leak));
      leakText.title = leak >= 1 ? "Past the dose-limiting line" : "Share of the dose-limiting line";
    }
    setText(outcome, outcomeWords(st.outcome));
    const host = session.isHost();
    for (const b of [pause, restart]) b.toggleAttribute("disabled", !host);
    speed.disabled = !host;
    setText(pause, st.paused ? "▶ Resume" : "❚❚ Pause");
    pause.setAttribute("aria-pressed", String(st.paused));
    root.classList.toggle("is-paused", st.paused); // the compact menu button says so (hudCompact.css)
    if (doc.activeElement !== speed && speed.value !== String(st.speed)) speed.value = String(st.speed);
  };
  refresh();
  const offState = session.onStateChange(refresh);
  return () => { offState(); offMenu(); offLayout(); fullscreen.unmount(); };
}
