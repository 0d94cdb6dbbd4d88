// The HTML main menu: real buttons for keyboard and screen readers, "Learn" (the dialog with "What is IL-2?", the
// glossary and the model card: learn/learnDialog.ts), and a status line saying whether the game server answers;
// "Solo practice" opens the solo setup form (ui/soloSetup.ts).
// Called once by main.ts.

import type { Bus } from "./bus.ts";
import { openLearn } from "./learn/learnLater.ts";
import { setUpSoloSetup } from "./ui/soloSetup.ts";

interface Health { status: string; scenarios?: string[] }

export function setUpMenu(doc: Document, bus: Bus): void {
  const status = doc.getElementById("status");
  const learn = doc.getElementById("learn-open");
  if (!status || !learn) throw new Error("index.html is missing a menu element");
  learn.addEventListener("click", () => openLearn(doc, { tab: "il2" }));

  const soloToggle = doc.getElementById("solo-toggle");
  const solo = doc.getElementById("solo-setup");
  if (!soloToggle || !solo) throw new Error("index.html is missing the solo setup");
  setUpSoloSetup(doc, bus);
  soloToggle.addEventListener("click", () => {
    const open = solo.hidden;
    solo.hidden = !open;
    soloToggle.setAttribute("aria-expanded", String(open));
    if (open) doc.getElementById("solo-scenario")?.focus();
  });

  // The class forms (built by client/src/classroom/*) open and close like the solo form.
  for (const [toggleId, formId, focusId] of [["join-toggle", "class-join", "join-code"], ["teach-toggle", "class-setup", "teach-scenario"]]) {
    const toggle = doc.getElementById(toggleId), form = doc.getElementById(formId);
    if (!toggle || !form) throw new Error(`index.html is missing #${toggleId} or #${formId}`);
    toggle.addEventListener("click", () => {
      const open = form.hidden;
      form.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      if (open) doc.getElementById(focusId)?.focus();
    });
  }

  void checkServer(status);
}

async function checkServer(status: HTMLElement): Promise<void> {
  try {
    const response = await fetch("/health", { cache: "no-store" });
    const health = (await response.json()) as Health;
    if (!response.ok || health.status !== "ok") throw new Error(`status ${response.status}`);
    const n = health.scenarios?.length ?? 0;
    status.textContent = `The game server is running, with ${n} scenario${n === 1 ? "" : "s"} loaded.`;
  } catch {
    status.textContent = "No game server answers at this address. Start one with npm start.";
  }
}
