// The first-play tutorial panel: shows one step at a time (tutorialSteps.ts), gathers what the player does (bus)
// and what the tissue does (events, and the HUD on each state change), advances when a step is done, and remembers
// completion or skipping in localStorage. Created by playUi.ts when the setup form's tutorial box was ticked.

import type { Bus } from "../bus.ts";
import type { Role } from "../../../shared/sim/roles.ts";
import { el } from "./dom.ts";
import { setTutorialDone } from "./prefs.ts";
import type { UiSession } from "./session.ts";
import { advance, emptyFacts, stepWords, tutorialSteps } from "./tutorialSteps.ts";
import { inputKind } from "./inputWords.ts";

/** Waits for the player's seat (the role arrives with a state patch, usually the first), then mounts the tutorial. */
export function mountTutorialWhenSeated(root: HTMLElement, session: UiSession, bus: Bus): () => void {
  let unmount: (() => void) | null = null;
  let offState: (() => void) | null = null;
  const seated = () => {
    const role = session.myRole();
    if (!role || unmount) return;
    offState?.();
    offState = null;
    unmount = mountTutorial(root, session, bus, role);
  };
  offState = session.onStateChange(seated);
  seated(); // already seated (the state came before the round's panels)
  return () => { offState?.(); unmount?.(); };
}

export function mountTutorial(root: HTMLElement, session: UiSession, bus: Bus, role: Role): () => void {
  const doc = root.ownerDocument;
  const steps = tutorialSteps(role, inputKind(doc.defaultView)); // "tap" on touch screens
  const facts = emptyFacts();
  let index = -1;
  const offs: (() => void)[] = [];

  const counter = el(doc, "p", { class: "tutorial-count" });
  const title = el(doc, "h2", { id: "tutorial-title" });
  const text = el(doc, "p");
  const ack = el(doc, "button", { type: "button", text: "Got it" });
  const skip = el(doc, "button", { type: "button", class: "link-btn", text: "Skip the tutorial" });
  // A Hide button folds the card to its count and title (on a phone it would otherwise fill the panel).
  const body = el(doc, "div", { class: "tutorial-body", id: "tutorial-body" }, text, el(doc, "div", { class: "tutorial-actions" }, ack, skip));
  const fold = el(doc, "button", { type: "button", class: "tutorial-fold", "aria-expanded": "true", "aria-controls": "tutorial-body", text: "Hide" });
  const setFolded = (folded: boolean) => {
    root.classList.toggle("folded", folded);
    fold.setAttribute("aria-expanded", String(!folded));
    fold.textContent = folded ? "Show" : "Hide";
  };
  fold.addEventListener("click", () => setFolded(!root.classList.contains("folded")));
  root.replaceChildren(el(doc, "div", { class: "tutorial-head" }, el(doc, "div", {}, counter, title), fold), body);
  root.setAttribute("aria-labelledby", "tutorial-title");
  root.hidden = false;

  const finish = (skipped: boolean) => {
    setTutorialDone(true);
    stopAll();
    if (skipped) { root.hidden = true; return; }
    setFolded(false);
    counter.textContent = "Tutorial complete";
    title.textContent = "Well done";
    text.textContent = "You have seen the whole tug-of-war over IL-2. Play on, or try another role from the menu.";
    ack.hidden = false;
    ack.textContent = "Close";
    ack.onclick = () => { root.hidden = true; };
    skip.hidden = true;
    bus.emit("announce", "Tutorial complete.");
  };

  const update = () => {
    const next = advance(steps, Math.max(index, 0), facts);
    if (next === index) {
      // The same step: a hint may have come due (the player seems stuck); say it once.
      const step = steps[index];
      const words = step ? stepWords(step, facts) : "";
      if (step && text.textContent !== words) {
        text.textContent = words;
        bus.emit("announce", `Tutorial: ${words.slice(step.text.length).trim()}`);
      }
      return;
    }
    index = next;
    if (index >= steps.length) { finish(false); return; }
    const step = steps[index];
    facts.shownDay[step.id] ??= facts.day;
    setFolded(false); // a new step is shown in full
    counter.textContent = `Tutorial: step ${index + 1} of ${steps.length}`;
    title.textContent = step.title;
    text.textContent = stepWords(step, facts);
    ack.hidden = !step.ack;
    bus.emit("announce", `Tutorial, step ${index + 1}: ${step.title}. ${step.text}`);
  };

  ack.onclick = () => {
    const step = steps[index];
    if (step) facts.acknowledged.push(step.id);
    update();
  };
  skip.addEventListener("click", () => finish(true));

  offs.push(bus.on("squad-selected", (s) => { if (s !== null) facts.selectedSquads.push(s); update(); }));
  offs.push(bus.on("command-sent", (p) => {
    facts.commands.push({
      kind: p.kind,
      squad: "squad" in p ? p.squad : undefined,
      therapy: p.kind === "therapy" ? p.therapy : undefined,
    });
    update();
  }));
  offs.push(bus.on("inspect-cell", (id) => { if (id !== null) { facts.inspected = true; update(); } }));
  offs.push(session.onEvents((events) => {
    for (const e of events) {
      if (e.kind === "division") facts.divisions++;
      if (e.kind === "kill") facts.kills++;
    }
    update();
  }));
  offs.push(session.onStateChange(() => {
    const hud = session.state?.hud;
    if (!hud) return;
    facts.day = session.state.day;
    if (facts.il2StartPm === null) facts.il2StartPm = hud.il2MaxPm;
    facts.il2MaxPm = Math.max(facts.il2MaxPm, hud.il2MaxPm);
    update();
  }));

  function stopAll() {
    offs.splice(0).forEach((o) => o());
  }

  update();
  return () => { stopAll(); root.hidden = true; };
}
