// The solo practice form in the main menu: scenario (with its summary), role, bots' skill, round length and the
// tutorial box; Start creates the room through GameSession.startSolo and emits "solo-joined". Problems are said in
// plain words (no server, options refused). Called once by menu.ts.

import type { Bus } from "../bus.ts";
import { GameSession } from "../net/GameSession.ts";
import { SCENARIOS, SCENARIO_IDS, DEFAULT_SCENARIO_ID } from "../../../shared/scenarios/index.ts";
import { DIFFICULTIES, ROLES, ROLE_LABELS, isDifficulty, isRole, type Difficulty, type Role } from "../../../shared/sim/roles.ts";
import type { RoomOptions } from "../../../shared/net/roomOptions.ts";
import { lastSetup, saveSetup, tutorialDone } from "./prefs.ts";
import { teacherNotes } from "../learn/teacherNotes.ts";
import { SOLO_SHORT_DAYS, shortLengths } from "../../../shared/net/roundLengths.ts";
import { WALL_SECONDS_PER_DAY } from "../../../shared/net/roundPace.ts";

/** Wall-clock minutes per simulated day at speed 1: the room runs 20 ticks a second and a tick is 60 s by default. */
const MINUTES_PER_DAY = WALL_SECONDS_PER_DAY / 60;

const DIFFICULTY_TEXT: Record<Difficulty, string> = {
  easy: "Easy: bots react slowly",
  normal: "Normal",
  hard: "Hard: bots play well",
};

export function setUpSoloSetup(doc: Document, bus: Bus): void {
  const byId = <T extends HTMLElement>(id: string) => {
    const el = doc.getElementById(id);
    if (!el) throw new Error(`index.html is missing #${id}`);
    return el as T;
  };
  const form = byId<HTMLFormElement>("solo-setup");
  const scenario = byId<HTMLSelectElement>("solo-scenario");
  const summary = byId<HTMLParagraphElement>("solo-summary");
  const notes = byId<HTMLDivElement>("solo-notes");
  const roleSet = byId<HTMLFieldSetElement>("solo-role");
  const diffSet = byId<HTMLFieldSetElement>("solo-difficulty");
  const days = byId<HTMLSelectElement>("solo-days");
  const tutorial = byId<HTMLInputElement>("solo-tutorial");
  const start = byId<HTMLButtonElement>("solo-start");
  const status = byId<HTMLParagraphElement>("solo-status");
  const saved = lastSetup();

  for (const id of SCENARIO_IDS) scenario.add(new Option(SCENARIOS[id].name, id));
  scenario.value = saved.scenarioId && SCENARIOS[saved.scenarioId] ? saved.scenarioId : DEFAULT_SCENARIO_ID;

  const savedRole: Role = isRole(saved.role) ? saved.role : "effector";
  for (const role of ROLES) roleSet.append(radio(doc, "role", role, ROLE_LABELS[role], role === savedRole));
  const savedDiff: Difficulty = isDifficulty(saved.difficulty) ? saved.difficulty : "normal";
  for (const d of DIFFICULTIES) diffSet.append(radio(doc, "difficulty", d, DIFFICULTY_TEXT[d], d === savedDiff));

  tutorial.checked = !tutorialDone();

  const refreshScenario = () => {
    const s = SCENARIOS[scenario.value];
    summary.textContent = s.summary;
    const wasOpen = notes.querySelector("details")?.open === true;
    const block = teacherNotes(doc, scenario.value, { open: wasOpen, title: "Teacher notes: what to notice, what to try" });
    notes.replaceChildren(...(block ? [block] : []));
    const keep = days.value;
    days.replaceChildren(new Option(`Full scenario: ${s.days} days (about ${Math.round(s.days * MINUTES_PER_DAY)} min)`, "full"));
    for (const d of shortLengths(SOLO_SHORT_DAYS, s.days)) {
      days.add(new Option(`Short practice: ${d} day${d === 1 ? "" : "s"} (about ${Math.round(d * MINUTES_PER_DAY)} min)`, String(d)));
    }
    days.value = [...days.options].some((o) => o.value === keep) ? keep : "full";
  };
  scenario.addEventListener("change", refreshScenario);
  refreshScenario();
  if (saved.days !== undefined && [...days.options].some((o) => o.value === String(saved.days))) days.value = String(saved.days);

  let busy = false;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (busy) return;
    const options: RoomOptions = {
      scenarioId: scenario.value,
      role: (new FormData(form).get("role") as Role | null) ?? "effector",
      difficulty: (new FormData(form).get("difficulty") as Difficulty | null) ?? "normal",
    };
    if (days.value !== "full") options.days = Number(days.value);
    saveSetup(options);
    busy = true;
    start.setAttribute("aria-disabled", "true");
    status.textContent = "Preparing the tissue…";
    void startSolo(options, bus, tutorial.checked).then(
      () => { status.textContent = ""; },
      (err: unknown) => { status.textContent = explainFailure(err); },
    ).finally(() => { busy = false; start.removeAttribute("aria-disabled"); });
  });
}

/** Creates the room and announces it (the screen machine starts the round); throws what went wrong. Also used by the
 * debrief's "Play again" (no tutorial then). */
export async function startSolo(options: RoomOptions, bus: Bus, tutorial = false): Promise<void> {
  const session = await GameSession.startSolo(options);
  session.tutorial = tutorial;
  bus.emit("solo-joined", session);
}

/** A sentence for the player: the server is not running, or it refused these options (its reason). */
export function explainFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : typeof err === "string" ? err : "";
  const code = (err as { code?: unknown } | null)?.code;
  // The server's own sentence when it is full, this network has opened too many games (issue 13) or it is restarting
  // (server/drain/drainRefusal.ts): said as it is.
  if (/^(This server is full|Too many new games|This server is restarting)/.test(message)) return message;
  if (/fetch|network|ECONNREFUSED|Failed|WebSocket|connect/i.test(message) && !/option|scenario|role|days|seed/i.test(message)) {
    return "The game server is not answering. Start it with npm start, then try again.";
  }
  if (message) return `The server could not start this round: ${message}`;
  return `The server could not start this round${typeof code === "number" ? ` (code ${code})` : ""}. Try again.`;
}

function radio(doc: Document, name: string, value: string, text: string, checked: boolean): HTMLElement {
  const label = doc.createElement("label");
  label.className = "radio";
  const input = doc.createElement("input");
  input.type = "radio";
  input.name = name;
  input.value = value;
  input.checked = checked;
  label.append(input, ` ${text}`);
  return label;
}
