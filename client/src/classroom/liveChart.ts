// The class's live charts during a round: the HUD figures (the threat, killer T cells, tissue lost) sampled from the
// room's state changes, one sample per step of simulated time (the round's length over the samples kept, so any speed
// fills the charts alike), into a rolling record by simulated day, drawn as two small line charts. A page that (re)joins
// mid-round starts from the round's history (HistorySource, the server's "history" message), so its charts are full at
// once. On the projector's side panel and, behind a toggle, on every student's device. Created by classroomUi.ts per round.

import { HISTORY_MAX_POINTS, type RoundHistory } from "../../../shared/net/classroom.ts";
import { drawLineChart } from "../ui/charts.ts";
import { el } from "../ui/dom.ts";
import type { UiSession } from "../ui/session.ts";
import type { HistorySource } from "../net/ClassroomSession.ts";
import { threatFigure } from "../ui/threatFigure.ts";

/** Samples kept (as many as the server's history holds); older ones are thinned by half when full. */
const MAX_SAMPLES = HISTORY_MAX_POINTS;
/** The simulated days between two samples: the round spread over the samples kept (unknown length: 1/100 day). */
export function sampleStepDays(roundDays: number): number {
  return roundDays > 0 ? roundDays / MAX_SAMPLES : 0.01;
}

/** Whether the state at simulated `day` is a new sample after the last one (none yet: -1); paused rounds add none. */
export function sampleDue(lastDay: number, day: number, roundDays: number): boolean {
  return lastDay < 0 || day - lastDay >= sampleStepDays(roundDays);
}

export function mountLiveCharts(root: HTMLElement, session: UiSession, source?: HistorySource): () => void {
  const doc = root.ownerDocument;
  const counts = el(doc, "canvas", { class: "chart" });
  const damage = el(doc, "canvas", { class: "chart" });
  root.append(counts, damage);
  const days: number[] = [], threat: number[] = [], cd8: number[] = [], lost: number[] = [];
  const series = [days, threat, cd8, lost];
  let round = -1;
  const thin = () => {
    while (days.length > MAX_SAMPLES) for (const a of series) { const keep = a.filter((_, i) => i % 2 === 0); a.length = 0; a.push(...keep); }
  };
  const sample = () => {
    const st = session.state;
    const hud = st?.hud;
    if (!hud || !(st.day > 0) || hud.cd4 + hud.cd8 + hud.treg + hud.nk === 0) return; // nothing measured yet
    if (st.round !== round || (days.length && st.day < days[days.length - 1])) { for (const a of series) a.length = 0; round = st.round; } // a new round
    if (!sampleDue(days.length ? days[days.length - 1] : -1, st.day, st.days)) return; // paused, or too soon in simulated time
    days.push(st.day); threat.push(threatFigure(st).value); cd8.push(hud.cd8); lost.push(hud.damage * 100);
    thin();
    if (root.offsetParent === null) return; // hidden: record, do not draw
    draw();
  };
  /** The round so far from the server, then whatever this page sampled after its last point. */
  const seed = (h: RoundHistory) => {
    const st = session.state;
    if (st && st.code && st.round !== h.round) return; // another round's history
    const end = h.days.length ? h.days[h.days.length - 1] : 0;
    const after = round === h.round ? days.map((d, i) => i).filter((i) => days[i] > end) : [];
    const merged = [
      [...h.days, ...after.map((i) => days[i])],
      [...h.threat, ...after.map((i) => threat[i])],
      [...h.cd8, ...after.map((i) => cd8[i])],
      [...h.damage.map((d) => d * 100), ...after.map((i) => lost[i])],
    ];
    series.forEach((a, k) => { a.length = 0; a.push(...merged[k]); });
    round = h.round;
    thin();
    if (root.offsetParent !== null) draw();
  };
  const draw = () => {
    if (days.length < 2) return;
    drawLineChart(counts, "Threat and killer T cells (cells)", days, [
      { label: session.state ? threatFigure({ scenarioId: session.state.scenarioId }).label : "Threat cells", units: "cells", values: threat, colour: "#e69f00" },
      { label: "Killer T cells", units: "cells", values: cd8, colour: "#56b4e9", dash: [6, 4] },
    ], 170);
    drawLineChart(damage, "Tissue lost (%)", days, [{ label: "Tissue lost", units: "%", values: lost, colour: "#d55e00" }], 140);
  };
  if (source?.history) seed(source.history);
  const off = source?.onHistory(seed);
  sample();
  const offState = session.onStateChange(sample);
  return () => { offState(); off?.(); root.replaceChildren(); };
}
