// The first-play tutorial's steps and the rule that advances them: one mechanic at a time, each step done when the
// player does the thing (select, send, inspect) or the tissue shows it (IL-2 rises, a cell divides). Pure: the
// facts are gathered by tutorial.ts from the bus and the room state. Tested by test/unit/uiTutorial.test.ts.

import type { Role } from "../../../shared/sim/roles.ts";
import { inputWords, type InputKind } from "./inputWords.ts";

/** What the tutorial has seen so far in this round. */
export interface TutorialFacts {
  selectedSquads: number[];
  /** Commands the player sent: kind and squad (therapy commands carry the therapy name). */
  commands: { kind: string; squad?: number; therapy?: string }[];
  inspected: boolean;
  il2StartPm: number | null;
  il2MaxPm: number;
  divisions: number;
  kills: number;
  /** Steps the player closed with their "Got it" button (ids). */
  acknowledged: string[];
  /** The round's simulated day now, and the day each step was first shown (by id). */
  day: number;
  shownDay: Record<string, number>;
}

export interface TutorialStep {
  id: string;
  title: string;
  text: string;
  /** Steps with no action to watch for are closed with a "Got it" button. */
  ack?: boolean;
  /** A sentence added to the text when the player seems stuck on the step (null while not). */
  hint?: (f: TutorialFacts) => string | null;
  done: (f: TutorialFacts) => boolean;
}

export function emptyFacts(): TutorialFacts {
  return { selectedSquads: [], commands: [], inspected: false, il2StartPm: null, il2MaxPm: 0, divisions: 0, kills: 0, acknowledged: [], day: 0, shownDay: {} };
}

/**
 * IL-2 peak (pM) from which a cloud shows on the heatmap (teal on its log scale from 0.1 pM to 100 nM) and the
 * high-affinity receptor is well into its range; a few activated helpers at a dendritic cell reach it within hours.
 */
export const WATCH_IL2_PM = 30;
/** Simulated hours the "Watch IL-2 appear" step stays once the cloud is there, so there is something to watch. */
export const WATCH_IL2_HOURS = 2;

/** IL-2 "appeared" once the peak is at least WATCH_IL2_PM and at least twice what it was when the tutorial began. */
export function il2Rose(f: TutorialFacts): boolean {
  return f.il2MaxPm >= WATCH_IL2_PM && f.il2MaxPm >= 2 * (f.il2StartPm ?? 0);
}

/** The step has been on screen for at least `hours` simulated hours (false until it has been shown). */
export function shownFor(f: TutorialFacts, id: string, hours: number): boolean {
  const since = f.shownDay[id];
  return since !== undefined && (f.day - since) * 24 >= hours - 1e-9;
}

const sent = (squad: number) => (f: TutorialFacts) => f.commands.some((c) => (c.kind === "target" || c.kind === "targetCells") && (c.squad === squad || c.squad === undefined) && f.selectedSquads.includes(squad));
const selected = (squad: number) => (f: TutorialFacts) => f.selectedSquads.includes(squad);
const acked = (id: string) => (f: TutorialFacts) => f.acknowledged.includes(id);

const WATCH_IL2: TutorialStep = {
  id: "watch-il2", title: "Watch IL-2 appear",
  text: "Activated helpers release IL-2. Watch the heatmap under the cells brighten around them (the legend shows pM), and the IL-2 tug-of-war bar fill as cells catch it. Wait for the IL-2 peak in the top bar to climb.",
  done: (f) => il2Rose(f) && shownFor(f, "watch-il2", WATCH_IL2_HOURS),
};
/** Simulated hours "Watch IL-2 appear" waits for a cloud before it tells the effector player what to change. */
export const WATCH_IL2_HINT_HOURS = 8;
/**
 * The effector player's "Watch IL-2 appear": helpers sent anywhere but to a dendritic cell never build a cloud, and the
 * step would wait for the rest of the round (the Tregs step never shown); after WATCH_IL2_HINT_HOURS it says why.
 */
const WATCH_IL2_EFFECTOR: TutorialStep = {
  ...WATCH_IL2,
  hint: (f) => !il2Rose(f) && shownFor(f, "watch-il2", WATCH_IL2_HINT_HOURS)
    ? "Still no cloud? IL-2 builds up only where several switched-on helpers sit together at a dendritic cell (a pale star): select your helpers and send them right next to one."
    : null,
};

/** What the card says for a step now: its text, and its hint when one is due. */
export function stepWords(step: TutorialStep, f: TutorialFacts): string {
  const hint = step.hint?.(f);
  return hint ? `${step.text} ${hint}` : step.text;
}

const inspectStep = (input: InputKind): TutorialStep => ({
  id: "inspect", title: "Look through the microscope",
  text: "Inspect a T cell: its receptor chains (CD25 makes the high-affinity receptor), how much IL-2 it holds, and its pSTAT5 signal. "
    + (input === "touch" ? "Tap a cell while no squad is selected (tap the selected squad's button again to let it go)." : "Click a cell with no squad picked, or Shift + click any cell (keyboard: put the cursor on it with the arrow keys and press M)."),
  done: (f) => f.inspected,
});
const DIVISION: TutorialStep = {
  id: "division", title: "Wait for a division",
  text: "A T cell divides only when it has caught enough IL-2 for long enough: the first divisions come a day or more after the helpers switch on. Clustered cells share their IL-2 and take off; lone cells fizzle.",
  done: (f) => f.divisions > 0,
};
const TREGS: TutorialStep = {
  id: "tregs", title: "Tregs soak up IL-2", ack: true,
  text: "Regulatory T cells (green rounded squares) carry the high-affinity receptor all the time. Near them IL-2 drains away and weakly activated effectors starve. That brakes the response and protects healthy tissue.",
  done: acked("tregs"),
};

/** The steps for a role, in order, in the words of the device's input (taps on touch screens, clicks and keys else). */
export function tutorialSteps(role: Role, input: InputKind = "mouse"): TutorialStep[] {
  const w = inputWords(input);
  const INSPECT = inspectStep(input);
  switch (role) {
    case "effector":
      return [
        { id: "select-helpers", title: "Select your helpers", text: `Your CD4 helper T cells are blue circles. ${w.Click} the helpers button under “Your cells” (${w.buttonsWhere})${w.orKey("1")}.`, done: selected(1) },
        { id: "send-helpers", title: "Send helpers to a dendritic cell", text: `Dendritic cells present the antigen. With helpers selected, ${w.click} next to a dendritic cell to send the squad there.`, done: sent(1) },
        WATCH_IL2_EFFECTOR, INSPECT, DIVISION,
        { id: "send-killers", title: "Send killers at the infection", text: `Select the CD8 killers (${input === "touch" ? "their button" : "button or key 2"}; orange diamonds) and send them to the infected cells. Until they meet their antigen and make CD25, killers hear IL-2 only when there is a lot of it, so send them where the helpers made some.`, done: sent(2) },
        TREGS,
      ];
    case "treg":
      return [
        { id: "select-tregs", title: "Select your Tregs", text: `Your regulatory T cells are green rounded squares. ${w.Click} the Tregs button under “Your cells” (${w.buttonsWhere})${w.orKey("1")}.`, done: selected(4) },
        { id: "send-tregs", title: "Send Tregs where IL-2 builds up", text: `With Tregs selected, ${w.click} the tissue to send them. Near a busy clone they soak up its IL-2.`, done: sent(4) },
        WATCH_IL2, INSPECT, DIVISION, TREGS,
      ];
    case "nk":
      return [
        { id: "select-nk", title: "Select your NK cells", text: `Your natural killer cells are pink triangles. ${w.Click} the NK button under “Your cells” (${w.buttonsWhere})${w.orKey("1")}.`, done: selected(3) },
        { id: "send-nk", title: "Send NK cells hunting", text: `With NK cells selected, ${w.click} the tissue to send them toward the threat. They kill infected and tumour cells without needing to be switched on by antigen, even tumour cells that hide from T cells.`, done: sent(3) },
        { id: "seek-il2", title: "Seek IL-2", text: "Most NK cells (CD56dim) carry only the intermediate receptor (CD122 + CD132, almost no CD25), so they need a lot of IL-2; the few CD56bright ones carry CD25 too. Use the Seek IL-2 ability to climb towards it.", done: (f) => f.commands.some((c) => c.kind === "ability") },
        INSPECT, TREGS,
      ];
    case "clinician":
      return [
        WATCH_IL2,
        { id: "therapy", title: "Play a therapy card", text: `Your cards are under “Your therapy cards” (${w.buttonsWhere}). High-dose IL-2 floods every receptor; low-dose IL-2 is heard mainly through the high-affinity receptor, which Tregs carry all the time. Play one.`, done: (f) => f.commands.some((c) => c.kind === "therapy") },
        { id: "leak", title: "Mind the leak", ack: true, text: "High doses cause vascular leak. The toxicity meter in the top bar has a mark, the dose-limiting line: while the leak is past it, high doses are held back.", done: acked("leak") },
        INSPECT, TREGS,
      ];
  }
}

/** The index of the first step not yet done, starting from `from` (steps never go back); steps.length when finished. */
export function advance(steps: readonly TutorialStep[], from: number, facts: TutorialFacts): number {
  let i = Math.max(0, from);
  while (i < steps.length && steps[i].done(facts)) i++;
  return i;
}
