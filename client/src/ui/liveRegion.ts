// The screen-reader voice of a round: every "announce" line from the bus, and every few seconds a short description
// of the situation (situation.ts) when it has changed, from the round's first real figures on (the first as soon as a
// state change brings them). Lines also show briefly as a toast. Created by playUi.ts.

import type { Bus } from "../bus.ts";
import { describeSituation, hasFirstFigures, type SituationFigures } from "./situation.ts";
import { threatFigure } from "./threatFigure.ts";
import { sharesFromHud, tugSummary, TUG_WORDS_EN } from "./il2TugWords.ts";
import type { UiSession } from "./session.ts";

const DESCRIBE_EVERY_MS = 10_000;
const KEEP_LINES = 6;
const TOAST_MS = 4000;

export function mountLiveRegion(live: HTMLElement, toast: HTMLElement, session: UiSession, bus: Bus): () => void {
  const doc = live.ownerDocument;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string, show: boolean) => {
    const p = doc.createElement("p");
    p.textContent = text;
    live.append(p);
    while (live.childElementCount > KEEP_LINES) live.firstElementChild?.remove();
    if (show) {
      toast.textContent = text;
      toast.classList.add("shown");
      clearTimeout(toastTimer);
      // a toast is read by a person: it stays a few seconds of wall time
      toastTimer = setTimeout(() => toast.classList.remove("shown"), TOAST_MS);
    }
  };
  // Tutorial lines are already on screen in their panel: spoken, not toasted.
  const off = bus.on("announce", (line) => say(line, !line.startsWith("Tutorial")));

  let before: SituationFigures | undefined;
  let lastText = "";
  const describe = () => {
    const st = session.state, hud = st?.hud;
    if (!hud || !hasFirstFigures(st)) return; // nothing to say until the round's first figures arrive
    const threat = threatFigure(st);
    const now: SituationFigures = {
      day: st.day, cd4: hud.cd4, cd8: hud.cd8, treg: hud.treg, nk: hud.nk, threat: threat.value,
      ...(threat.term === "threat" ? {} : { threatName: threat.spoken }),
      damage: hud.damage, leak: hud.leak, il2MeanPm: hud.il2MeanPm, il2MaxPm: hud.il2MaxPm, paused: st.paused, outcome: st.outcome,
    };
    const tug = sharesFromHud(hud);
    if (tug) now.il2Tug = tugSummary(tug, TUG_WORDS_EN);
    const text = describeSituation(now, before);
    // The clock always moves; speak only when something besides the clock changed.
    const gist = text.replace(/^[^.]*\./, "");
    if (gist !== lastText) say(text, false);
    lastText = gist;
    before = now;
  };
  // A screen reader's pace, not the round's: one description at most every few seconds, however often the state changes.
  const timer = setInterval(describe, DESCRIBE_EVERY_MS);
  // The first description as soon as a state change brings the first figures; then the timer alone.
  let offFirst: (() => void) | null = session.onStateChange(() => {
    describe();
    if (before) { offFirst?.(); offFirst = null; }
  });

  return () => { off(); offFirst?.(); clearInterval(timer); clearTimeout(toastTimer); toast.classList.remove("shown"); live.replaceChildren(); };
}
