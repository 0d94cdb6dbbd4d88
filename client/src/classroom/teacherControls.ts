// The teacher's controls as HTML: lobby settings (scenario, round length, lock, late join, auto-balance, start),
// each student's row (role, new nickname, remove with a confirm), the in-round panel (deal a therapy card, end the
// round, lock, late join, close the class) and the results download. Every action goes through ClassroomSession.teacher
// (with the secret). The lobby's controls are refreshed by lobbyView.ts, the in-round panel by the room's state changes.

import { SCENARIOS, SCENARIO_IDS } from "../../../shared/scenarios/index.ts";
import { ROLES, type Role } from "../../../shared/sim/roles.ts";
import { THERAPY_NAMES, THERAPY_LABELS, type TherapyName } from "../../../shared/sim/therapyNames.ts";
import type { SeatState } from "../../../shared/net/TissueState.ts";
import { MAX_TEAMS } from "../../../shared/net/classroom.ts";
import { CLASS_SHORT_DAYS } from "../../../shared/net/roundLengths.ts";
import { WALL_SECONDS_PER_DAY } from "../../../shared/net/roundPace.ts";
import type { ClassroomSession } from "../net/ClassroomSession.ts";
import { el, setText } from "../ui/dom.ts";
import { closeClassControl } from "./closeClass.ts";
import { downloadResults } from "./resultsDownload.ts";
import { onPatch } from "../net/onPatch.ts";

/** Short role names for the lobby's selects (the long ones are in ROLE_LABELS). */
export const ROLE_SHORT: Record<Role, string> = { effector: "Effector T cells", treg: "Tregs", nk: "NK cells", clinician: "Clinician" };
/** Wall-clock minutes per simulated day at speed 1 (shared/net/roundPace.ts). */
export const MINUTES_PER_DAY = WALL_SECONDS_PER_DAY / 60;
/** Shorter rounds offered besides the full scenario, simulated days (each long enough for the first divisions). */
const SHORT_DAYS = CLASS_SHORT_DAYS;

/** Fills a round-length select for a scenario: the full length, then shorter rounds; values are days or "full". */
export function fillDays(select: HTMLSelectElement, scenarioId: string, chosen?: number): void {
  const s = SCENARIOS[scenarioId];
  if (!s) return;
  select.replaceChildren(new Option(`Full scenario: ${s.days} days (about ${Math.round(s.days * MINUTES_PER_DAY)} min)`, "full"));
  for (const d of SHORT_DAYS.filter((d) => d < s.days)) select.add(new Option(`${d} day${d === 1 ? "" : "s"} (about ${Math.round(d * MINUTES_PER_DAY)} min)`, String(d)));
  select.value = chosen !== undefined && chosen < s.days && [...select.options].some((o) => o.value === String(chosen)) ? String(chosen) : "full";
}

export function fillScenarios(select: HTMLSelectElement): void {
  for (const id of SCENARIO_IDS) select.add(new Option(SCENARIOS[id].name, id));
}

/** The lobby's settings and Start; refresh() mirrors the room state into the controls. */
export function lobbyControls(doc: Document, session: ClassroomSession): { root: HTMLElement; refresh: () => void } {
  const scenario = el(doc, "select", { id: "lobby-scenario" });
  fillScenarios(scenario);
  const days = el(doc, "select", { id: "lobby-days" });
  const sendScenario = () => {
    const d = days.value === "full" ? undefined : Number(days.value);
    session.teacher({ action: "scenario", scenarioId: scenario.value, ...(d !== undefined ? { days: d } : {}) });
  };
  scenario.addEventListener("change", () => { fillDays(days, scenario.value); sendScenario(); });
  days.addEventListener("change", sendScenario);

  const lock = el(doc, "button", { type: "button", class: "secondary small-btn" });
  lock.addEventListener("click", () => session.teacher({ action: session.state.locked ? "unlock" : "lock" }));
  const late = el(doc, "input", { type: "checkbox", id: "lobby-late" });
  late.addEventListener("change", () => session.teacher({ action: "lateJoin", on: late.checked }));
  const balance = el(doc, "button", { type: "button", class: "secondary small-btn", text: "Auto-balance roles" });
  balance.addEventListener("click", () => session.teacher({ action: "autoBalance" }));
  const start = el(doc, "button", { type: "button", id: "lobby-start", class: "start-btn", text: "Start the round" });
  start.addEventListener("click", () => session.teacher({ action: "start" }));

  const root = el(doc, "div", { class: "lobby-controls", role: "group", "aria-label": "Class settings" },
    el(doc, "label", { for: "lobby-scenario", text: "Scenario" }), scenario,
    el(doc, "label", { for: "lobby-days", text: "Round length" }), days,
    el(doc, "p", { class: "check" }, late, el(doc, "label", { for: "lobby-late", text: " Students may join after the start" })),
    el(doc, "div", { class: "lobby-buttons" }, lock, balance), start, closeClassControl(doc, session));

  const refresh = () => {
    const st = session.state;
    if (!st) return;
    if (doc.activeElement !== scenario && st.scenarioId && scenario.value !== st.scenarioId) { scenario.value = st.scenarioId; fillDays(days, st.scenarioId, st.days); }
    if (days.options.length === 0) fillDays(days, scenario.value, st.days);
    const full = SCENARIOS[st.scenarioId]?.days;
    const want = full !== undefined && st.days > 0 && st.days < full ? String(Math.round(st.days * 100) / 100) : "full";
    if (doc.activeElement !== days && days.value !== want && [...days.options].some((o) => o.value === want)) days.value = want;
    setText(lock, st.locked ? "🔒 Joining locked: unlock" : "Lock joining");
    lock.setAttribute("aria-pressed", String(st.locked));
    late.checked = st.lateJoin;
  };
  refresh();
  return { root, refresh };
}

/**
 * One student's row controls: role select, team select (students of a role in one team share a clone; not for the
 * clinician), "New nickname", "Remove" (confirmed).
 */
export function seatControls(doc: Document, session: ClassroomSession, seatId: string, seat: SeatState): HTMLElement {
  const role = el(doc, "select", { "aria-label": `Role for ${seat.name}`, "data-key": `role:${seatId}` });
  for (const r of ROLES) role.add(new Option(ROLE_SHORT[r], r));
  role.value = seat.role;
  role.addEventListener("change", () => session.teacher({ action: "assign", seatId, role: role.value as Role }));
  const team = el(doc, "select", { "aria-label": `Team for ${seat.name}`, "data-key": `team:${seatId}`, title: "Students of a role in the same team command one clone together" });
  team.add(new Option("Own cells", "0"));
  for (let n = 1; n <= MAX_TEAMS; n++) team.add(new Option(`Team ${n}`, String(n)));
  team.value = String(seat.team ?? 0);
  team.disabled = seat.role === "clinician";
  team.addEventListener("change", () => session.teacher({ action: "team", seatId, team: Number(team.value) }));
  const rename = el(doc, "button", { type: "button", class: "secondary small-btn", text: "New nickname", "data-key": `rename:${seatId}`, "aria-label": `Give ${seat.name} a new nickname` });
  rename.addEventListener("click", () => session.teacher({ action: "rename", seatId }));
  const kick = el(doc, "button", { type: "button", class: "secondary small-btn danger", text: "Remove", "data-key": `kick:${seatId}`, "aria-label": `Remove ${seat.name} from the class` });
  kick.addEventListener("click", () => {
    if (doc.defaultView?.confirm(`Remove ${seat.name} from this class? Their device is told kindly and will not join this class again; another browser could, unless you lock joining.`) === false) return;
    session.teacher({ action: "kick", seatId });
  });
  return el(doc, "span", { class: "seat-controls" }, role, team, rename, kick);
}

/** The teacher's panel during a round (side panel): deal a card, end the round, lock, late join, results. */
export function mountPlayControls(root: HTMLElement, session: ClassroomSession): () => void {
  const doc = root.ownerDocument;
  const card = el(doc, "select", { id: "teach-card", "aria-label": "Therapy card to deal" });
  for (const t of THERAPY_NAMES) card.add(new Option(THERAPY_LABELS[t].split(/[:(]/)[0].trim(), t));
  const deal = el(doc, "button", { type: "button", class: "small-btn", text: "Deal this card" });
  deal.addEventListener("click", () => session.teacher({ action: "deal", therapy: card.value as TherapyName }));
  const end = el(doc, "button", { type: "button", class: "secondary small-btn", text: "End the round now" });
  end.addEventListener("click", () => {
    if (doc.defaultView?.confirm("End this round now and show the debrief?") !== false) session.teacher({ action: "end" });
  });
  const lock = el(doc, "button", { type: "button", class: "secondary small-btn" });
  lock.addEventListener("click", () => session.teacher({ action: session.state.locked ? "unlock" : "lock" }));
  const late = el(doc, "input", { type: "checkbox", id: "teach-late" });
  late.addEventListener("change", () => session.teacher({ action: "lateJoin", on: late.checked }));
  root.append(
    el(doc, "h2", { text: `Teacher · class ${session.code}` }),
    el(doc, "div", { class: "teach-row" }, card, deal),
    el(doc, "div", { class: "teach-row" }, end, lock),
    el(doc, "p", { class: "check" }, late, el(doc, "label", { for: "teach-late", text: " Students may still join" })),
    closeClassControl(doc, session),
  );
  const refresh = () => {
    setText(lock, session.state?.locked ? "🔒 Unlock joining" : "Lock joining");
    lock.setAttribute("aria-pressed", String(!!session.state?.locked));
    late.checked = !!session.state?.lateJoin;
  };
  refresh();
  const off = onPatch(session, refresh); // the room's state changes, not a timer
  return () => { off(); root.replaceChildren(); };
}

/** A "Download results (CSV)" button: fetches the class's results with the host secret and saves them as a file. */
export function resultsButton(doc: Document, session: ClassroomSession): HTMLElement {
  const button = el(doc, "button", { type: "button", class: "secondary small-btn", text: "Download results (CSV)" });
  const status = el(doc, "span", { class: "note", role: "status" });
  button.addEventListener("click", async () => {
    setText(status, "Fetching…");
    const done = await downloadResults(doc, session.code, session.hostSecret ?? "");
    setText(status, done.ok ? "Saved." : done.words);
  });
  return el(doc, "span", { class: "results-btn" }, button, status);
}
