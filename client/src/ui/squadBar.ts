// "Your cells" in the side panel: a button per squad the player commands (emits "squad-selected"; keys are PlayScene's),
// abilities for the selected squad, the clinician's therapy cards with cooldowns and a leak warning. Commands go through
// GameSession.command and are echoed on the bus as "command-sent". Refreshed by the room's state changes (the card clock
// moves with the state's tick). Created by playUi.ts for each round.

import type { Bus } from "../bus.ts";
import type { Command } from "../../../shared/net/commandMessage.ts";
import { SCENARIOS } from "../../../shared/scenarios/index.ts";
import { ABILITIES, type Ability } from "../../../shared/sim/commands.ts";
import { squadGroup, squadLabel } from "../../../shared/net/groupWords.ts";
import { THERAPY_LABELS, THERAPY_NAMES, type TherapyName } from "../../../shared/sim/therapyNames.ts";
import type { TermId } from "../learn/learnText.ts";
import { termButton } from "../learn/termLink.ts";
import { cellIcon, el, setText } from "./dom.ts";
import { formatCooldown } from "./format.ts";
import { TUG_ICON } from "./il2TugWords.ts";
import { inputKind, inputWords } from "./inputWords.ts";
import type { UiSession } from "./session.ts";

/** The sprite that stands for each squad's cells. */
const SQUAD_ICON: Record<number, string> = { 1: "cd4", 2: "cd8", 3: "nkDim", 4: "treg" };

const ABILITY_TEXT: Record<Ability | "release", { name: string; key: string; hint: string }> = {
  rally: { name: "Rally", key: "R", hint: "gather at the squad's centre: clustered cells share IL-2" },
  scatter: { name: "Scatter", key: "S", hint: "spread out around the centre to cover more tissue" },
  hunt: { name: "Hunt", key: "H", hint: "chase threat cells harder" },
  seekIl2: { name: "Seek IL-2", key: "I", hint: "climb towards where IL-2 is richest" },
  release: { name: "Release", key: "X", hint: "let them act on their own again" },
};

/** Leak at which the high-dose card warns (1 is the dose-limiting line). */
const LEAK_WARNING = 0.7;

export function mountSquadBar(root: HTMLElement, session: UiSession, bus: Bus): () => void {
  const doc = root.ownerDocument;
  const offs: (() => void)[] = [];
  const send = (payload: Command) => {
    session.command(payload);
    bus.emit("command-sent", payload);
  };

  const heading = el(doc, "h2", { text: "Your cells" });
  const squadList = el(doc, "div", { class: "squad-list", role: "group", "aria-label": "Squads" });
  const picked = el(doc, "p", { class: "note", "aria-live": "polite" });
  const abilities = el(doc, "div", { class: "ability-list", role: "group", "aria-label": "Abilities of the selected squad" });
  const cards = el(doc, "div", { class: "card-list", role: "group", "aria-label": "Therapy cards" });
  root.replaceChildren(heading, squadList, picked, abilities, cards);

  // A class's split clone (squad 5, 6 …) is named and drawn as the role's squad it was split from.
  const labelOf = (s: number): string => squadLabel(session.myRole() ?? "", session.mySquads(), s);
  const iconOf = (s: number): string => {
    const g = squadGroup(session.myRole() ?? "", session.mySquads(), s);
    return g ? TUG_ICON[g] : SQUAD_ICON[s] ?? "cd4";
  };

  let selected: number | null = null;
  let squadButtons = new Map<number, HTMLButtonElement>();
  let squadsKey = "-"; // never a real key, so the first refresh builds the list

  const buildSquads = (squads: number[]) => {
    squadButtons = new Map();
    squadList.replaceChildren(...squads.map((s, i) => {
      const b = el(doc, "button", { type: "button", class: "squad-btn", "aria-pressed": "false" },
        cellIcon(doc, iconOf(s), 22), el(doc, "span", { text: labelOf(s) }), el(doc, "kbd", { text: String(i + 1), "aria-hidden": "true" }));
      b.addEventListener("click", () => bus.emit("squad-selected", selected === s ? null : s));
      squadButtons.set(s, b);
      return b;
    }));
    heading.textContent = squads.length ? "Your cells" : "Your therapy cards";
  };

  const buildAbilities = () => {
    if (selected === null) {
      abilities.replaceChildren();
      return;
    }
    const squad = selected;
    // Compact two-column buttons; the hint is the button's description (title for mouse, hidden text for readers).
    abilities.replaceChildren(...[...ABILITIES, "release" as const].map((a) => {
      const t = ABILITY_TEXT[a];
      const b = el(doc, "button", { type: "button", class: "ability-btn", title: t.hint },
        el(doc, "span", { text: t.name }), el(doc, "kbd", { text: t.key, "aria-hidden": "true" }), el(doc, "span", { class: "visually-hidden", text: `: ${t.hint}` }));
      b.addEventListener("click", () => {
        send(a === "release" ? { kind: "release", squad } : { kind: "ability", squad, ability: a });
        bus.emit("announce", `${labelOf(squad)}: ${t.name.toLowerCase()}.`);
      });
      return b;
    }));
  };

  const Click = inputWords(inputKind(root.ownerDocument.defaultView)).Click; // "Tap" on touch screens
  offs.push(bus.on("squad-selected", (s) => {
    selected = s;
    for (const [n, b] of squadButtons) b.setAttribute("aria-pressed", String(n === s));
    setText(picked, s === null ? "No squad selected." : `Selected: ${labelOf(s)}. ${Click} the tissue to send them.`);
    buildAbilities();
  }));
  offs.push(bus.on("cells-selected", (ids) => {
    if (ids.length) setText(picked, `${ids.length} cell${ids.length === 1 ? "" : "s"} selected. ${Click} the tissue to send them.`);
    else if (selected === null) setText(picked, "No squad selected."); // the picked cells were let go (Escape)
  }));

  // Therapy cards: those the room deals (state.cards), else the scenario's list, else every therapy.
  const cardButtons = new Map<TherapyName, { dose: HTMLButtonElement; course: HTMLButtonElement; status: HTMLElement }>();
  let cardsKey = "";
  const buildCards = (names: TherapyName[]) => {
    cardButtons.clear();
    cards.replaceChildren(...names.map((t) => {
      const [title, ...rest] = THERAPY_LABELS[t].split(":");
      const status = el(doc, "span", { class: "card-status" });
      const dose = el(doc, "button", { type: "button", class: "card-btn", text: "Give one dose" });
      const course = el(doc, "button", { type: "button", class: "card-btn", text: "Give a course", title: "Doses on the therapy's usual schedule" });
      dose.addEventListener("click", () => { if (!dose.disabled) send({ kind: "therapy", therapy: t }); });
      course.addEventListener("click", () => { if (!course.disabled) send({ kind: "therapy", therapy: t, course: true }); });
      cardButtons.set(t, { dose, course, status });
      return el(doc, "section", { class: "card", "aria-label": title },
        el(doc, "h3", {}, termButton(doc, t satisfies TermId, title)), el(doc, "p", { class: "card-text", text: capitalise(rest.join(":").trim()) }), status, el(doc, "div", { class: "card-actions" }, dose, course));
    }));
  };

  const refresh = () => {
    const st = session.state;
    if (!st) return;
    const squads = session.mySquads();
    if (squads.join(",") !== squadsKey) { squadsKey = squads.join(","); buildSquads(squads); }
    const isClinician = session.myRole() === "clinician";
    let names: TherapyName[] = [];
    if (isClinician) {
      const dealt = st.cards ? [...st.cards.keys()].filter((k): k is TherapyName => (THERAPY_NAMES as readonly string[]).includes(k)) : [];
      const listed = (SCENARIOS[st.scenarioId]?.therapies ?? []).map((x) => x.therapy as TherapyName);
      names = dealt.length ? dealt : listed.length ? [...new Set(listed)] : [...THERAPY_NAMES];
    }
    if (names.join(",") !== cardsKey) { cardsKey = names.join(","); buildCards(names); }
    const ticksPerHour = st.day > 0 ? st.tick / (st.day * 24) : 60;
    const leak = st.hud?.leak ?? 0;
    for (const [t, ui] of cardButtons) {
      const card = st.cards?.get(t);
      const ready = !card || card.readyTick <= st.tick;
      ui.dose.disabled = !ready;
      ui.course.disabled = !ready;
      const warn = (t === "highDose" || t === "cd122Biased") && leak >= LEAK_WARNING ? ` ⚠ leak at ${Math.round(leak * 100)}% of the limit` : "";
      setText(ui.status, `${card ? formatCooldown(card.readyTick, st.tick, ticksPerHour) : "ready"}${card?.doses ? ` · ${card.doses} dose${card.doses === 1 ? "" : "s"} given` : ""}${warn}`);
      ui.status.classList.toggle("warn", warn !== "");
    }
  };
  refresh();
  offs.push(session.onStateChange(refresh));
  return () => { offs.forEach((o) => o()); };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
